"""Ontology job titles that no taxonomy label names join by their compound head, carefully."""

from __future__ import annotations

from pathlib import Path

from jobbnav.taxonomy.jobtech_format import read_ontology_file
from jobbnav.taxonomy.model import ConceptRecord, ParsedTaxonomy, RelationRecord

_HEADER = "term;uuid;concept;type;term_uuid;term_misspelled;version\n"


def _taxonomy() -> ParsedTaxonomy:
    out = ParsedTaxonomy()
    names = {  # occupation name → its ssyk-level-4 group
        "Barnsjuksköterska": "g-nurse-child", "Operationssjuksköterska": "g-nurse-op",
        "Sjuksköterska, grundutbildad": "g-nurse", "Specialisttandläkare": "g-dentist",
        "Tandläkare, allmän": "g-dentist", "Innesäljare": "g-sales", "Säljare, butik": "g-shop",
        "IT-säkerhetschef/IT security manager": "g-it-boss",
    }
    for gid in set(names.values()):
        out.add_concept(ConceptRecord(gid, "ssyk-level-4", gid))
    for i, (label, gid) in enumerate(names.items()):
        out.add_concept(ConceptRecord(f"o{i}", "occupation-name", label))
        out.add_relation(RelationRecord(f"o{i}", gid, "broader"))
    return out


def _write(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    path = tmp_path / "termer_koncept_yrke.csv"
    lines = [f"{term};u-{concept};{concept};YRKE;t{i};False;v1" for i, (term, concept)
             in enumerate(rows)]
    path.write_text(_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_heads_join_one_name_or_one_group_and_ambiguous_heads_stay_out(tmp_path: Path) -> None:
    out = _taxonomy()
    path = _write(tmp_path, [
        ("it security manager", "It security manager"),    # head + modifier → one name
        ("barntandläkare", "Barntandläkare"),              # head "tandläkare" → one group
        ("barn-sjuksköterska", "Barn-sjuksköterska"),      # head + modifier "barn" → one name
        ("bygghandelssäljare", "Bygghandelssäljare"),      # "säljare" closes two groups
        ("röntgensjuksköterska", "Röntgensjuksköterska"),  # two groups, no shared modifier
        ("innesäljare", "Innesäljare"),                    # plain label match
    ])
    report = read_ontology_file(path, out)
    assert report["joined"] == 4 and report["unjoined"] == 2
    assert report["joined_by_head_to_group"] == 1
    kinds = {(t.concept_id, t.term, t.kind) for t in out.terms.values()}
    assert ("g-dentist", "barntandläkare", "ontology-group") in kinds
    assert ("o0", "barn-sjuksköterska", "ontology-name") in kinds
    assert ("o7", "it security manager", "ontology-name") in kinds
    assert not any("bygghandel" in t or "röntgen" in t for _, t, _ in kinds)


def test_titles_a_group_label_lists_join_that_group_unless_two_groups_list_them(
        tmp_path: Path) -> None:
    out = ParsedTaxonomy()
    for gid, label in {"g-truck": "Lastbilsförare m.fl.", "g-bus": "Buss- och spårvagnsförare",
                       "g-home": "Undersköterskor, hemtjänst och äldreboende",
                       "g-ward": "Undersköterskor, vård- och specialavdelning"}.items():
        out.add_concept(ConceptRecord(gid, "ssyk-level-4", label))
    out.add_concept(ConceptRecord("o-dist", "occupation-name", "Distributionsförare"))
    out.add_relation(RelationRecord("o-dist", "g-truck", "broader"))
    path = tmp_path / "termer_koncept_yrke.csv"
    path.write_text(_HEADER + "\n".join([
        "lastbilsförare;u-1;Lastbilsförare;YRKE;t1;False;v1",
        "lastbilschaufför;u-1;Lastbilsförare;YRKE;t2;False;v1",
        "lastbilschaufförer;u-1;Lastbilsförare;YRKE;t3;False;v1",
        "undersköterska;u-2;Undersköterska;YRKE;t4;False;v1",
        "undersköterskor;u-2;Undersköterska;YRKE;t5;False;v1",
        "hemtjänstare;u-3;Hemtjänstare;YRKE;t6;False;v1",
    ]) + "\n", encoding="utf-8")
    report = read_ontology_file(path, out)
    assert report["joined_by_group_label"] == 1
    kinds = {(t.concept_id, t.term, t.kind) for t in out.terms.values()}
    assert ("g-truck", "lastbilschaufför", "ontology-group") in kinds
    assert ("g-truck", "lastbilschaufförer", "ontology-group") in kinds
    assert not any(t.startswith(("underskö", "hemtjänst")) for _, t, _ in kinds)


def test_physicians_join_by_their_specialty_but_not_a_clinical_one(tmp_path: Path) -> None:
    out = ParsedTaxonomy()
    out.add_concept(ConceptRecord("g-spec", "ssyk-level-4", "Specialistläkare"))
    out.add_concept(ConceptRecord("g-bio", "ssyk-level-4", "Cell- och molekylärbiologer m.fl."))
    for sid, label in {"s-ort": "Ortopedi, specialistkompetens för läkare",
                       "s-psy": "Psykiatri, specialistkompetens för läkare",
                       "s-mik": "Klinisk mikrobiologi, specialistkompetens för läkare",
                       "s-fys": "Ortopedi, specialistkompetens för fysioterapeuter"}.items():
        out.add_concept(ConceptRecord(sid, "skill", label))
        out.add_relation(RelationRecord("g-spec", sid, "related"))
    path = tmp_path / "termer_koncept_yrke.csv"
    path.write_text(_HEADER + "\n".join([
        "ortoped;u-1;Ortoped;YRKE;t1;False;v1",
        "ortopeder;u-1;Ortoped;YRKE;t2;False;v1",
        "psykiatriker;u-2;Psykiatriker;YRKE;t3;False;v1",
        "mikrobiolog;u-3;Mikrobiolog;YRKE;t4;False;v1",
    ]) + "\n", encoding="utf-8")
    report = read_ontology_file(path, out)
    assert report["joined_by_specialty"] == 2 and report["unjoined"] == 1
    kinds = {(t.concept_id, t.term, t.kind) for t in out.terms.values()}
    assert ("g-spec", "ortopeder", "ontology-group") in kinds
    assert ("g-spec", "psykiatriker", "ontology-group") in kinds
    assert not any(t.startswith("mikrobiolog") for _, t, _ in kinds)
