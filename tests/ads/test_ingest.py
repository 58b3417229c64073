"""Import: good records kept, bad ones reported one by one, re-import a no-op, updates win."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import Engine, func, insert, select

from jobbnav.ads import service
from jobbnav.ads.store import ad as ad_table
from jobbnav.errors import InvalidInput
from jobbnav.taxonomy.index import invalidate
from jobbnav.taxonomy.store import concept


def _ad(ad_id: str, **extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": ad_id, "headline": f"Lagerarbetare {ad_id}",
                            "description": {"text": "Plock och pack i vårt lager i Borås."},
                            "employer": {"name": f"Firma {ad_id}"},
                            "application_deadline": "2099-01-01T00:00:00",
                            "publication_date": "2026-11-01T08:00:00"}
    base.update(extra)
    return base


def test_reimport_is_a_no_op(demo_engine: Engine, demo_ads: Path) -> None:
    again = service.import_ads([demo_ads], engine=demo_engine, enrich=False)
    assert (again.stored, again.updated, again.unchanged) == (0, 0, 41)
    with demo_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ad_table)).scalar() == 41


@pytest.mark.parametrize("prepared_in", ["this process", "a child process"])
def test_bad_records_are_rejected_with_reasons_and_good_ones_kept(
        engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        prepared_in: str) -> None:
    if prepared_in == "a child process":  # as a big import is (prepare_process.py)
        monkeypatch.setattr(service, "_PROCESS_FROM", 0)
    with engine.begin() as conn:
        conn.execute(insert(concept), [
            {"id": "DJh5_yyF_hEM", "type": "ssyk-level-4",
             "preferred_label": "Mjukvaru- och systemutvecklare m.fl.", "codes": {},
             "deprecated": False, "local": False},
            {"id": "occ-1", "type": "occupation-name", "preferred_label": "Lagerarbetare",
             "codes": {}, "deprecated": False, "local": False}])
    invalidate()
    lines = [
        orjson.dumps(_ad("good-1")),
        b'{"id": "broken", "headline": ',
        orjson.dumps({"id": "no-headline", "description": {"text": "x"}}),
        orjson.dumps(_ad("wrong-type", number_of_vacancies="many")),
        orjson.dumps(_ad("unknown-group", occupation_group={"concept_id": "XXXX_YYY_ZZZ"})),
        orjson.dumps(_ad("huge", description={"text": "a" * 10_000_000})),
        orjson.dumps(_ad("good-2", occupation_group={"label": "Mjukvaru- och systemutvecklare "
                                                              "m.fl."})),
        orjson.dumps(_ad("unknown-occupation", occupation={"concept_id": "occ-404"})),
    ]
    path = tmp_path / "ads.jsonl.gz"
    path.write_bytes(gzip.compress(b"\n".join(lines)))
    report_path = tmp_path / "report.json"
    report = service.import_ads([path], engine=engine, enrich=False, report_path=report_path)
    assert report.stored == 3
    assert report.unknown_kept == {"occupation": 1}  # kept as given, counted
    reasons = {r.record: r.reason for r in report.rejected}
    assert all(r.source == str(path) for r in report.rejected)
    assert "invalid JSON" in reasons[2]
    assert "headline" in reasons[3] and "required" in reasons[3]
    assert "number_of_vacancies" in reasons[4]
    assert "XXXX_YYY_ZZZ" in reasons[5] and "occupation_group" in reasons[5]
    assert "bytes" in reasons[6] or "characters" in reasons[6]
    saved = json.loads(report_path.read_text())
    assert saved["stored"] == 3 and len(saved["rejections"]) == 5
    # a label without an id was resolved to the one concept carrying it
    assert service.get_ad("good-2", engine=engine)["occupation_group"]["concept_id"] == \
        "DJh5_yyF_hEM"


def test_unknown_fields_are_kept(engine: Engine) -> None:
    service.import_ads([_ad("x1", brand_new_field={"a": 1})], engine=engine, enrich=False)
    assert service.get_ad("x1", engine=engine)["brand_new_field"] == {"a": 1}


def test_newer_version_replaces_older_is_ignored(engine: Engine) -> None:
    service.import_ads([_ad("u1", timestamp=100)], engine=engine, enrich=False)
    newer = service.import_ads([_ad("u1", timestamp=200, headline="Truckförare u1")],
                               engine=engine, enrich=False)
    older = service.import_ads([_ad("u1", timestamp=150, headline="Gammal rubrik")],
                               engine=engine, enrich=False)
    assert (newer.updated, older.updated, older.unchanged) == (1, 0, 1)
    assert service.get_ad("u1", engine=engine)["headline"] == "Truckförare u1"


def test_import_from_url_reads_json_lines(engine: Engine, live_server: str,
                                          demo_ads: Path) -> None:
    # the snapshot of one jobbnav is an import source for another
    service.import_ads([demo_ads], engine=engine, enrich=False)
    report = service.import_from_url(f"{live_server}/snapshot", engine=engine, enrich=False)
    assert report.unchanged == 41 and not report.rejected


def test_import_from_a_url_that_fails_names_the_url(engine: Engine, live_server: str) -> None:
    with pytest.raises(InvalidInput, match="answered HTTP 404") as failed:
        service.import_from_url(f"{live_server}/no-such-feed", engine=engine, enrich=False)
    assert failed.value.field == "url"


def test_concept_references_are_filled_in_replaced_or_reported(engine: Engine) -> None:
    rows = [("g-new", "ssyk-level-4", "Lagerpersonal", False, None),
            ("g-old", "ssyk-level-4", "Lagerpersonal (gammal)", True, "g-new"),
            ("lvl1", "ssyk-level-1", "Yrken med krav", False, None),
            ("occ-1", "occupation-name", "Lagerarbetare", False, None)]
    with engine.begin() as conn:
        conn.execute(insert(concept), [
            {"id": i, "type": t, "preferred_label": label, "codes": {}, "deprecated": dep,
             "replaced_by": by, "local": False} for i, t, label, dep, by in rows])
    invalidate()
    report = service.import_ads([
        _ad("known", occupation_group={"concept_id": "g-new"}),
        _ad("replaced", occupation_group={"concept_id": "g-old"}),
        _ad("wrong-type", occupation_group={"concept_id": "lvl1"}),
        _ad("unknown-occupation", occupation={"concept_id": "occ-404", "label": "Okänt"}),
        _ad("labelled", occupation={"concept_id": "occ-1"}),
    ], engine=engine, enrich=False)
    assert report.stored == 4
    [rejected] = report.rejected
    assert rejected.id == "wrong-type" and rejected.field == "occupation_group"
    assert "a ssyk-level-1, not a ssyk-level-4 concept id 'lvl1'" in rejected.reason
    assert report.unknown_kept == {"occupation": 1}  # kept as given, counted
    known = service.get_ad("known", engine=engine)["occupation_group"]
    assert known["label"] == "Lagerpersonal"  # the label filled in from the taxonomy
    replaced = service.get_ad("replaced", engine=engine)["occupation_group"]
    assert replaced == {**replaced, "concept_id": "g-new", "label": "Lagerpersonal"}
    assert service.get_ad("labelled", engine=engine)["occupation"]["label"] == "Lagerarbetare"
    assert service.get_ad("unknown-occupation", engine=engine)["occupation"]["concept_id"] == \
        "occ-404"
