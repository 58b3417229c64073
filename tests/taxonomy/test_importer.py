"""The taxonomy import on the real JobTech files and on small broken ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from jobbnav.errors import RejectedFile
from jobbnav.taxonomy import service
from jobbnav.taxonomy.store import concept, concept_relation, concept_term, taxonomy_version


def _counts(engine: Engine) -> tuple[int, int, int, int]:
    with engine.connect() as conn:
        return tuple(conn.execute(select(func.count()).select_from(t)).scalar_one()  # type: ignore[return-value]
                     for t in (concept, concept_relation, concept_term, taxonomy_version))


@pytest.mark.realdata
def test_real_counts(real_engine: Engine) -> None:
    groups = service.concepts_of_type("ssyk-level-4")
    assert len(groups) == 400
    names = {c.id for g in groups for c in service.neighbours(g.id, "narrower",
                                                              concept_type="occupation-name")}
    assert len(names) == 2412
    dev = service.get_concept("rQds_YGd_quU")
    assert dev.preferred_label == "Mjukvaruutvecklare"
    chain = service.ancestors(dev.id)
    assert [c.type for c in chain] == ["ssyk-level-4", "ssyk-level-3", "ssyk-level-2",
                                       "ssyk-level-1"]
    assert chain[0].codes["ssyk-code-2012"] == "2512"
    skills = service.neighbours(chain[0].id, "related", concept_type="skill")
    assert skills, "ssyk-level-4 → skills must be walkable"
    headlines = {h.type for s in skills for h in service.neighbours(s.id, "broader")}
    assert "skill-headline" in headlines


@pytest.mark.realdata
def test_reimport_changes_nothing(shared_data: Path, engine: Engine) -> None:
    first = service.import_taxonomy(shared_data / "jobtech-taxonomy", shared_data / "ontology")
    before = _counts(engine)
    again = service.import_taxonomy(shared_data / "jobtech-taxonomy", shared_data / "ontology")
    assert again.unchanged and again.version == first.version
    assert _counts(engine) == before


def _write(directory: Path, name: str, concepts: list[object]) -> None:
    (directory / name).write_text(json.dumps({"data": {"concepts": concepts}}), encoding="utf-8")


def _tiny(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    _write(directory, "occupations.json", [
        {"id": "AAAA_aaa_001", "type": "ssyk-level-4", "preferred_label": "Grupp A",
         "ssyk_code_2012": "1111", "narrower": [
             {"id": "AAAA_aaa_002", "type": "occupation-name", "preferred_label": "Yrke A"},
             {"id": "AAAA_aaa_003", "type": "occupation-name", "preferred_label": "Yrke B"}]},
    ])


def test_broken_record_is_named_and_store_untouched(tmp_path: Path, engine: Engine) -> None:
    good = tmp_path / "good"
    _tiny(good)
    service.import_taxonomy(good)
    before = _counts(engine)
    bad = tmp_path / "bad"
    shutil.copytree(good, bad)
    _write(bad, "skills.json", [
        {"id": "BBBB_bbb_001", "type": "skill", "preferred_label": "Svetsning"},
        {"id": "BBBB_bbb_002", "type": "skill"},
    ])
    with pytest.raises(RejectedFile) as caught:
        service.import_taxonomy(bad)
    assert caught.value.path.endswith("skills.json")
    assert "data.concepts[1]" in caught.value.record and "BBBB_bbb_002" in caught.value.record
    assert "preferred_label" in caught.value.problem
    assert _counts(engine) == before


def test_invalid_json_is_rejected_with_position(tmp_path: Path, engine: Engine) -> None:
    bad = tmp_path / "bad"
    _tiny(bad)
    (bad / "broken.json").write_text('{"data": {"concepts": [', encoding="utf-8")
    with pytest.raises(RejectedFile, match=r"broken\.json.*invalid JSON"):
        service.import_taxonomy(bad)
    assert _counts(engine) == (0, 0, 0, 0)


def test_vanished_concept_is_deprecated_and_still_resolves(tmp_path: Path, engine: Engine) -> None:
    v1 = tmp_path / "v1"
    _tiny(v1)
    service.import_taxonomy(v1)
    v2 = tmp_path / "v2"
    v2.mkdir()
    _write(v2, "occupations.json", [
        {"id": "AAAA_aaa_001", "type": "ssyk-level-4", "preferred_label": "Grupp A",
         "ssyk_code_2012": "1111", "narrower": [
             {"id": "AAAA_aaa_002", "type": "occupation-name", "preferred_label": "Yrke A2"}]},
    ])
    report = service.import_taxonomy(v2)
    assert report.concepts_deprecated == 1 and report.concepts_changed == 1
    gone = service.get_concept("AAAA_aaa_003")
    assert gone.deprecated and gone.preferred_label == "Yrke B"
    assert service.get_concept("AAAA_aaa_002").preferred_label == "Yrke A2"
    names = service.neighbours("AAAA_aaa_001", "narrower")
    assert [c.id for c in names] == ["AAAA_aaa_002"]


def test_the_same_files_read_by_a_newer_reader_are_a_new_version(
        tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from jobbnav.taxonomy import jobtech_format

    _tiny(tmp_path / "tax")
    first = service.import_taxonomy(tmp_path / "tax")
    assert service.import_taxonomy(tmp_path / "tax").unchanged
    monkeypatch.setattr(jobtech_format, "READER_REVISION", jobtech_format.READER_REVISION + 1)
    upgraded = service.import_taxonomy(tmp_path / "tax")
    assert not upgraded.unchanged and upgraded.version != first.version
