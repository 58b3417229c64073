"""Big imports index in a child process: the indexes end up holding what the database holds,
and a failing child is reported, not ignored."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from jobbnav.ads import service
from jobbnav.ads.search.index import IndexRow
from jobbnav.ads.search.indexes import get_indexes
from jobbnav.ads.search.params import SearchParams
from jobbnav.ads.search.writer_process import IndexWriterProcess
from jobbnav.ads.store import ad as ad_table


def _total(engine: Engine, **params: object) -> int:
    return service.search(SearchParams.model_validate({"limit": 0, **params}),
                          engine=engine).total


def test_import_through_the_writer_process_indexes_every_ad(
        engine: Engine, demo_ads: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "_PROCESS_FROM", 0)  # the demo file is small
    report = service.import_ads([demo_ads], engine=engine, enrich=False, batch_size=10)
    assert report.stored == 41 and report.batches == 5
    t = ad_table.c
    with engine.connect() as conn:
        canonical = conn.execute(select(func.count()).where(t.duplicate_of.is_(None))).scalar()
        open_now = conn.execute(select(func.count()).where(
            t.duplicate_of.is_(None), t.removed.is_(False))).scalar()
        top = conn.execute(select(func.max(t.seq))).scalar()
    assert _total(engine, historical=True) == canonical
    assert _total(engine) == open_now > 0
    assert _total(engine, q="lärare") > 0
    assert get_indexes(engine).watermark() == top  # both indexes committed up to the last row


def test_a_failing_writer_process_is_reported(tmp_path: Path) -> None:
    not_a_directory = tmp_path / "index"
    not_a_directory.write_text("a file where the index directory should be")
    writer = IndexWriterProcess(not_a_directory, frozenset())
    with pytest.raises(RuntimeError, match="index writer process failed"):
        for _ in range(200):  # the child fails at start; the next hand-over (or the end) says so
            writer.put([IndexRow(1, 1, True, {"id": "x", "headline": "Lärare"})])
        writer.finish()
