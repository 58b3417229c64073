"""Readers for the JobTech Taxonomy download formats (and the 2019 ontology term files).

Each reader validates as it goes and raises `RejectedFile` naming the file, the record and the
problem; nothing is written here, so a bad file never touches the store.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jobbnav.errors import RejectedFile
from jobbnav.taxonomy.model import ConceptRecord, ParsedTaxonomy, RelationRecord, TermRecord
from jobbnav.taxonomy.normalize import alternatives, ascii_fold, fold, words

__all__ = [
    "ONTOLOGY_FILES",
    "SKILL_HEADLINE_FILE",
    "code_field",
    "local_id",
    "read_concept_file",
    "read_ontology_file",
    "read_skill_headlines",
]

SKILL_HEADLINE_FILE = "skill-headline-to-skills.labels.json"
ONTOLOGY_FILES = ("termer_koncept_yrke.csv", "termer_koncept_formaga.csv")

_STRUCTURAL = {
    "id", "type", "preferred_label", "definition", "narrower", "broader", "related",
    "substitutes", "substituted_by", "substitutability_percentage", "deprecated", "replaced_by",
    "alternative_labels", "hidden_labels", "label_en", "label_sv",
}
_ID = re.compile(r"^[A-Za-z0-9_\-]{3,64}$")
_MAX_LABEL = 500

Progress = Callable[[int], None]


# Bump when reading the same files gives different records (a new join rule, a new field):
# the importer's checksum includes it, so a re-import after an upgrade is a new version.
READER_REVISION = 2


def code_field(key: str) -> str:
    """`ssyk_code_2012` → `ssyk-code-2012`, the JobTech API's field spelling."""
    return key.replace("_", "-")


def local_id(kind: str, label: str) -> str:
    """A stable id for a concept jobbnav must mint (known only by label): `jn-<kind>-<hash>`."""
    digest = hashlib.sha1(f"{kind}:{fold(label)}".encode()).hexdigest()[:10]
    return f"jn-{kind}-{digest}"


def _load_json(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            return json.load(handle)
    except json.JSONDecodeError as exc:
        raise RejectedFile(str(path), f"line {exc.lineno} col {exc.colno}",
                           f"invalid JSON: {exc.msg}") from exc
    except UnicodeDecodeError as exc:
        raise RejectedFile(str(path), f"byte {exc.start}", "not UTF-8 text") from exc


def _text(path: Path, where: str, record: dict[str, Any], key: str, *,
          required: bool) -> str | None:
    value = record.get(key)
    if value is None:
        if required:
            raise RejectedFile(str(path), where, f"missing '{key}'")
        return None
    if not isinstance(value, str):
        got = type(value).__name__
        raise RejectedFile(str(path), where, f"'{key}' must be a string, got {got}")
    value = value.strip()
    if required and not value:
        raise RejectedFile(str(path), where, f"'{key}' is empty")
    if key == "preferred_label" and len(value) > _MAX_LABEL:
        raise RejectedFile(str(path), where, f"'{key}' is longer than {_MAX_LABEL} characters")
    return value


def _concept(path: Path, where: str, raw: Any, *, partial: bool) -> ConceptRecord:
    if not isinstance(raw, dict):
        got = type(raw).__name__
        raise RejectedFile(str(path), where, f"a concept must be an object, got {got}")
    cid = _text(path, where, raw, "id", required=True)
    assert cid is not None
    where = f"{where} (id {cid})"
    if not _ID.match(cid):
        raise RejectedFile(str(path), where, f"'id' {cid!r} is not a concept id")
    ctype = _text(path, where, raw, "type", required=True)
    label = _text(path, where, raw, "preferred_label", required=True)
    assert ctype is not None and label is not None
    codes: dict[str, str] = {}
    for key, value in raw.items():
        if key in _STRUCTURAL or value is None:
            continue
        if isinstance(value, (str, int)):
            codes[code_field(key)] = str(value)
        elif not isinstance(value, (list, dict)):
            raise RejectedFile(str(path), where, f"'{key}' has an unexpected value {value!r}")
    deprecated = raw.get("deprecated", False)
    if not isinstance(deprecated, bool):
        raise RejectedFile(str(path), where, "'deprecated' must be true or false")
    replaced = raw.get("replaced_by")
    replaced_by: str | None = None
    if isinstance(replaced, list) and replaced:
        first = replaced[0]
        replaced_by = first.get("id") if isinstance(first, dict) else str(first)
    elif isinstance(replaced, str):
        replaced_by = replaced
    return ConceptRecord(
        id=cid, type=ctype, preferred_label=label,
        definition=_text(path, where, raw, "definition", required=False) or None,
        codes=codes, deprecated=deprecated, replaced_by=replaced_by, partial=partial,
    )


def _children(path: Path, where: str, raw: dict[str, Any], key: str) -> list[Any]:
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RejectedFile(str(path), where, f"'{key}' must be a list")
    return value


def _walk(path: Path, where: str, raw: Any, out: ParsedTaxonomy, *, partial: bool) -> str:
    record = _concept(path, where, raw, partial=partial)
    out.add_concept(record)
    for label_key, kind in (("alternative_labels", "alternative-label"),
                            ("hidden_labels", "hidden-term")):
        for i, term in enumerate(_children(path, where, raw, label_key)):
            if not isinstance(term, str) or not term.strip():
                raise RejectedFile(str(path), f"{where}.{label_key}[{i}]", "term must be text")
            out.add_term(TermRecord(record.id, term.strip(), kind, path.name))
    for i, child in enumerate(_children(path, where, raw, "narrower")):
        child_id = _walk(path, f"{where}.narrower[{i}]", child, out, partial=False)
        out.add_relation(RelationRecord(child_id, record.id, "broader"))
    for i, parent in enumerate(_children(path, where, raw, "broader")):
        parent_id = _walk(path, f"{where}.broader[{i}]", parent, out, partial=True)
        out.add_relation(RelationRecord(record.id, parent_id, "broader"))
    for i, other in enumerate(_children(path, where, raw, "related")):
        other_id = _walk(path, f"{where}.related[{i}]", other, out, partial=True)
        out.add_relation(RelationRecord(record.id, other_id, "related"))
    for key, outgoing in (("substitutes", True), ("substituted_by", False)):
        for i, other in enumerate(_children(path, where, raw, key)):
            at = f"{where}.{key}[{i}]"
            other_id = _walk(path, at, other, out, partial=True)
            pct = other.get("substitutability_percentage")
            if pct is not None and (not isinstance(pct, int) or not 0 <= pct <= 100):
                raise RejectedFile(str(path), at, "'substitutability_percentage' must be 0–100")
            source, target = (record.id, other_id) if outgoing else (other_id, record.id)
            out.add_relation(RelationRecord(source, target, "substitutability", pct))
    return record.id


def read_concept_file(path: Path, out: ParsedTaxonomy, progress: Progress | None = None) -> int:
    """Read one `{"data": {"concepts": [...]}}` (or `concept_types`) file into `out`."""
    doc = _load_json(path)
    if not isinstance(doc, dict) or not isinstance(doc.get("data"), dict):
        raise RejectedFile(str(path), "root", "expected an object with a 'data' object")
    data = doc["data"]
    if "concept_types" in data:
        types = data["concept_types"]
        if not isinstance(types, list):
            raise RejectedFile(str(path), "data.concept_types", "must be a list")
        for i, raw in enumerate(types):
            if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"]:
                raise RejectedFile(str(path), f"data.concept_types[{i}]", "missing 'id'")
            out.concept_types[raw["id"]] = (raw.get("label_sv"), raw.get("label_en"))
        return len(types)
    concepts = data.get("concepts")
    if not isinstance(concepts, list):
        raise RejectedFile(str(path), "data.concepts", "expected a list of concepts")
    for i, raw in enumerate(concepts):
        _walk(path, f"data.concepts[{i}]", raw, out, partial=False)
        if progress:
            progress(1)
    return len(concepts)


def _headline_name(path: Path, where: str, node: Any) -> str:
    if not isinstance(node, dict):
        raise RejectedFile(str(path), where, "a node must be an object")
    name = node.get("name")
    while isinstance(name, list) and name:
        name = name[0]
    if not isinstance(name, str) or not name.strip():
        raise RejectedFile(str(path), where, "'name' must be text (or nested lists of text)")
    return name.strip()


def read_skill_headlines(path: Path, out: ParsedTaxonomy) -> dict[str, int]:
    """Skill headlines from the labels-only tree; children join to skills by label."""
    doc = _load_json(path)
    if not isinstance(doc, dict) or not isinstance(doc.get("children"), list):
        raise RejectedFile(str(path), "root", "expected an object with 'children'")
    skills_by_label: dict[str, list[str]] = {}
    for concept in out.concepts.values():
        if concept.type == "skill":
            skills_by_label.setdefault(fold(concept.preferred_label), []).append(concept.id)
    joined = unjoined = 0
    for i, head in enumerate(doc["children"]):
        where = f"children[{i}]"
        label = _headline_name(path, where, head)
        head_id = local_id("skill-headline", label)
        out.add_concept(ConceptRecord(head_id, "skill-headline", label, local=True))
        kids = head.get("children") or []
        if not isinstance(kids, list):
            raise RejectedFile(str(path), where, "'children' must be a list")
        for j, kid in enumerate(kids):
            skill_label = _headline_name(path, f"{where}.children[{j}]", kid)
            ids = skills_by_label.get(fold(skill_label), [])
            if ids:
                joined += 1
                for skill_id in ids:
                    out.add_relation(RelationRecord(skill_id, head_id, "broader"))
            else:
                unjoined += 1
    return {"headlines": len(doc["children"]), "skills_joined": joined,
            "skills_unjoined": unjoined}


# The ontology's own type → the taxonomy types its labels are joined against, in preference order.
_ONTOLOGY_JOIN = {
    "YRKE": ("occupation-name", "keyword", "ssyk-level-4", "skill"),
    "FORMAGA": ("skill", "keyword", "occupation-name"),
}
_ONTOLOGY_COLUMNS = ["term", "uuid", "concept", "type", "term_uuid", "term_misspelled", "version"]


def _ontology_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter=";")
            header = next(reader, None)
            if header != _ONTOLOGY_COLUMNS:
                raise RejectedFile(str(path), "line 1", f"expected columns {_ONTOLOGY_COLUMNS}")
            for row in reader:
                line = reader.line_num
                if len(row) != len(_ONTOLOGY_COLUMNS):
                    raise RejectedFile(str(path), f"line {line}",
                                       f"expected {len(_ONTOLOGY_COLUMNS)} fields, got {len(row)}")
                yield line, dict(zip(_ONTOLOGY_COLUMNS, row, strict=True))
    except UnicodeDecodeError as exc:
        raise RejectedFile(str(path), f"byte {exc.start}", "not UTF-8 text") from exc


def read_ontology_file(path: Path, out: ParsedTaxonomy,
                       progress: Progress | None = None) -> dict[str, int]:
    """Ontology terms as extra search terms of the taxonomy concepts they name.

    An ontology concept joins a taxonomy concept whose label equals its own label or, failing
    that, one of its terms (case-, dash- and accent-insensitive). Soft-skill (FORMAGA) concepts
    that join nothing become local `trait` concepts, since the taxonomy files have no traits.
    A job title (YRKE) that joins nothing by label may join the ssyk-level-4 group whose label
    names it ("Lastbilsförare" with its term "lastbilschaufför" → "Lastbilsförare m.fl.",
    `_GroupTitles`), or else by its compound head (`_HeadJoin`). Its terms then get the kind
    "ontology-group" (on a group) or "ontology-name" (one occupation name shares its head and
    the modifier next to it), so consumers can weigh an inferred join below a label match.
    """
    by_type_label: dict[tuple[str, str], str] = {}
    for concept in out.concepts.values():
        by_type_label.setdefault((concept.type, ascii_fold(concept.preferred_label)), concept.id)
    groups: dict[str, tuple[str, str, list[tuple[str, bool]]]] = {}
    for line, row in _ontology_rows(path):
        term, label, kind = row["term"].strip(), row["concept"].strip(), row["type"].strip()
        if not term or not label or not row["uuid"].strip():
            raise RejectedFile(str(path), f"line {line}", "empty 'term', 'uuid' or 'concept'")
        if row["term_misspelled"] not in ("True", "False"):
            raise RejectedFile(str(path), f"line {line}", "'term_misspelled' must be True/False")
        group = groups.setdefault(row["uuid"], (label, kind, []))
        group[2].append((term, row["term_misspelled"] == "True"))
        if progress:
            progress(1)
    joined = minted = unjoined = terms_added = 0
    by_head: _HeadJoin | None = None
    group_joiners: list[tuple[str, _TitlesToGroups]] = []  # built on first need
    group_joins = {"joined_by_group_label": 0, "joined_by_specialty": 0}
    head_joins = {"ontology-name": 0, "ontology-group": 0}
    for label, kind, terms in groups.values():
        target = _ontology_target(by_type_label, kind, label, terms)
        term_kind = "ontology"
        if target is None and kind == "YRKE":
            group_joiners = group_joiners or [("joined_by_group_label", _GroupTitles(out)),
                                              ("joined_by_specialty", _SpecialistTitles(out))]
            for report_key, joiner in group_joiners:
                target = joiner.target(label, terms)
                if target is not None:
                    term_kind = "ontology-group"
                    group_joins[report_key] += 1
                    break
        if target is None and kind == "YRKE":
            by_head = by_head or _HeadJoin(out)
            found = by_head.target(label, terms)
            if found is not None:
                target, term_kind = found
                head_joins[term_kind] += 1
        if target is None and kind == "FORMAGA":
            target = local_id("trait", label)
            out.add_concept(ConceptRecord(target, "trait", label[:1].upper() + label[1:],
                                          local=True))
            minted += 1
        elif target is None:
            unjoined += 1
            continue
        else:
            joined += 1
        own = fold(out.concepts[target].preferred_label)
        for term, misspelled in terms:
            if fold(term) != own or term_kind != "ontology":
                out.add_term(TermRecord(target, term, term_kind, path.name, misspelled))
                terms_added += 1
    return {"ontology_concepts": len(groups), "joined": joined, "minted_traits": minted,
            "unjoined": unjoined, "terms_added": terms_added,
            **group_joins,
            "joined_by_head_to_name": head_joins["ontology-name"],
            "joined_by_head_to_group": head_joins["ontology-group"]}


def _ontology_target(by_type_label: dict[tuple[str, str], str], kind: str, label: str,
                     terms: list[tuple[str, bool]]) -> str | None:
    candidates = [label] + [t for t, misspelled in terms if not misspelled]
    for ctype in _ONTOLOGY_JOIN.get(kind, ()):
        for text in candidates:
            found = by_type_label.get((ctype, ascii_fold(text)))
            if found:
                return found
    return None


class _TitlesToGroups:
    """Folded job titles → the ssyk-level-4 groups they name; a title naming one joins it."""

    def __init__(self) -> None:
        self.groups_of: dict[str, set[str]] = {}

    def target(self, label: str, terms: list[tuple[str, bool]]) -> str | None:
        found: set[str] = set()
        for text in [label] + [t for t, misspelled in terms if not misspelled]:
            found |= self.groups_of.get(ascii_fold(text), set())
        return next(iter(found)) if len(found) == 1 else None


class _GroupTitles(_TitlesToGroups):
    """ssyk-level-4 groups by the titles their labels list: "Översättare, tolkar och lingvister
    m.fl." lists "översättare", "tolkar" and "lingvister". Group labels are plural, and the
    ontology spells a title's inflections, so a job title joins the one group whose label lists
    its label or any of its terms; a title listed by two groups ("undersköterskor") joins none.
    Label parts that are not titles ("hemtjänst") cost nothing: no job title is spelled so."""

    def __init__(self, out: ParsedTaxonomy) -> None:
        super().__init__()
        for concept in out.concepts.values():
            if concept.type != "ssyk-level-4" or concept.deprecated:
                continue
            label = concept.preferred_label.replace("m.fl.", " ")
            for part in re.split(r",| och ", label):
                key = ascii_fold(part)
                if len(key) >= _MIN_HEAD:
                    self.groups_of.setdefault(key, set()).add(concept.id)


class _SpecialistTitles(_TitlesToGroups):
    """Physicians by their specialty: "Ortopedi, specialistkompetens för läkare" makes an
    "ortoped" a physician of that skill's group (Specialistläkare), as "kardiologi" a
    "kardiolog", "psykiatri" a "psykiatriker", "geriatrik" a "geriatriker", "internmedicin" an
    "internmedicinare". A "Klinisk …" specialty names no one-word title ("mikrobiolog" is as
    often the laboratory scientist), and a title two groups claim joins neither."""

    _SKILL = re.compile(r"^(?P<field>.+), specialistkompetens för läkare$")
    _DERIVED = (("logi", "log"), ("pedi", "ped"), ("kirurgi", "kirurg"), ("iatri", "iatriker"),
                ("iatrik", "iatriker"), ("medicin", "medicinare"))

    def __init__(self, out: ParsedTaxonomy) -> None:
        related: dict[str, set[str]] = {}
        for r in out.relations.values():
            if r.relation_type == "related" and getattr(
                    out.concepts.get(r.source_id), "type", "") == "ssyk-level-4":
                related.setdefault(r.target_id, set()).add(r.source_id)
        super().__init__()
        for concept in out.concepts.values():
            found = self._SKILL.match(concept.preferred_label)
            if concept.type != "skill" or concept.deprecated or not found:
                continue
            specialty = found.group("field").lower()
            if specialty.startswith("klinisk "):
                continue
            for word in re.split(r"[\s,/-]+", specialty):
                for ending, title_ending in self._DERIVED:
                    if len(word) >= 6 and word.endswith(ending):
                        title = word[:-len(ending)] + title_ending
                        self.groups_of.setdefault(ascii_fold(title), set()).update(
                            related.get(concept.id, ()))


_MIN_HEAD = 4  # "chef", "kock"; a shorter ending is not a title word
_MIN_MODIFIER = 3  # letters before a head inside a compound ("it", "hr" are separate words)
_MIN_GROUP_NAMES = 2  # a head closing one occupation name says little about its group


def _modifier(word: str) -> str:
    """"redovisnings" and "redovisning" are one modifier (Swedish linking -s)."""
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


class _HeadJoin:
    """Occupation names by the title word that closes them, for joining ontology job titles.

    A title splits into a head (an occupation name's closing word, or the end of a compound
    that is one: "ekonomiassistent" → "assistent") and modifiers (the other words and the
    compound's front). An ontology title joins the one occupation name that shares its head and
    the modifier next to it; failing that, the ssyk-level-4 group when all of the (two or more)
    occupation names so matched, or else all with that head, are in that one group. Anything
    else ("bygghandelssäljare": many groups close on "säljare") stays unjoined, not guessed.
    """

    def __init__(self, out: ParsedTaxonomy) -> None:
        group_of = {r.source_id: r.target_id for r in out.relations.values()
                    if r.relation_type == "broader"
                    and getattr(out.concepts.get(r.source_id), "type", "") == "occupation-name"
                    and getattr(out.concepts.get(r.target_id), "type", "") == "ssyk-level-4"}
        surfaces: list[tuple[str, list[str]]] = []
        for oid in group_of:
            concept = out.concepts[oid]
            if concept.deprecated:
                continue
            for alt in alternatives(concept.preferred_label):
                ws = words(alt.split("(")[0].split(",")[0])
                if ws:
                    surfaces.append((oid, ws))
        self.heads = {ws[-1] for _, ws in surfaces if len(ws[-1]) >= _MIN_HEAD}
        self.group_of = group_of
        self.names: dict[tuple[str, str], set[str]] = {}  # (head, modifier) → occupation ids
        self.names_of_head: dict[str, set[str]] = {}
        for oid, ws in surfaces:
            for head, modifier in self._splits(ws):
                self.names_of_head.setdefault(head, set()).add(oid)
                if modifier:
                    self.names.setdefault((head, modifier), set()).add(oid)

    def _splits(self, ws: list[str]) -> Iterator[tuple[str, str]]:
        """(head, the modifier next to it) for each known head closing `ws`, longest first; the
        modifier is the compound's front or the word before the head ("" when neither)."""
        last = ws[-1]
        for i in range(len(last) - _MIN_HEAD + 1):
            if (i == 0 or i >= _MIN_MODIFIER) and last[i:] in self.heads:
                before = ws[-2] if i == 0 and len(ws) > 1 else last[:i]
                yield last[i:], _modifier(before) if len(before) >= 2 else ""

    def target(self, label: str, terms: list[tuple[str, bool]]) -> tuple[str, str] | None:
        names: set[str] = set()
        head_names: set[str] = set()
        for text in [label] + [t for t, misspelled in terms if not misspelled]:
            ws = words(text)
            for head, modifier in self._splits(ws) if ws else ():
                names |= self.names.get((head, modifier), set())
                head_names |= self.names_of_head[head]
                break  # the longest head only: "…ekonomiassistent" is read as "…assistent"
        if len(names) == 1:
            return next(iter(names)), "ontology-name"
        pool = names or head_names
        groups = {self.group_of[oid] for oid in pool}
        if len(groups) == 1 and len(pool) >= _MIN_GROUP_NAMES:
            return next(iter(groups)), "ontology-group"
        return None
