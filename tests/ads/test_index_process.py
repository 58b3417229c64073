"""Big imports prepare their batches in one child process and index them in another: the
indexes end up holding what the database holds, and a failing child is reported, not ignored.
Small imports read the next batch ahead in a thread: its errors arrive in order, and it stops
with the import; so do a child's."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import Engine, func, select

from jobbnav.ads import service
from jobbnav.ads.model import ImportReport
from jobbnav.ads.pipeline import run_batch
from jobbnav.ads.prepare_process import PreparedBatches
from jobbnav.ads.search.index import IndexRow
from jobbnav.ads.search.indexes import get_indexes
from jobbnav.ads.search.params import SearchParams
from jobbnav.ads.search.writer_process import IndexWriterProcess
from jobbnav.ads.store import ad as ad_table
from jobbnav.db.engine import create_db_engine
from jobbnav.errors import InvalidInput


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
            t.duplicate_of.is_(None), t.removed.is_(False))).scalar_one()
        top = conn.execute(select(func.max(t.seq))).scalar()
    assert _total(engine, historical=True) == canonical
    assert _total(engine) == open_now > 0
    assert _total(engine, q="lärare") > 0
    assert get_indexes(engine).watermark() == top  # both indexes committed up to the last row


def test_a_failing_writer_process_is_reported(tmp_path: Path) -> None:
    not_a_directory = tmp_path / "index"
    not_a_directory.write_text("a file where the index directory should be")
    writer = IndexWriterProcess(not_a_directory, frozenset())
    with pytest.raises(RuntimeError, match="index writer process failed") as first:
        for _ in range(200):  # the child fails at start; the next hand-over (or the end) says so
            writer.put([IndexRow(1, 1, True, {"id": "x", "headline": "Lärare"})])
        writer.finish()
    assert "Error" in str(first.value)  # the child's last stderr line: why it failed
    with pytest.raises(RuntimeError, match="index writer process failed") as again:
        writer.finish()  # the import's `finally` after a failed hand-over: the same error
    assert str(again.value) == str(first.value)


def test_a_failing_prepare_process_is_reported(tmp_path: Path) -> None:
    ads = _write(tmp_path / "ads.jsonl", range(5))
    no_taxonomy = create_db_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    batches = PreparedBatches([ads], no_taxonomy, 10, {"enrich": False})
    try:
        with pytest.raises(RuntimeError, match=r"ads prepare process failed.*no such table"):
            list(batches.batches(ImportReport()))
    finally:
        batches.close()
    assert batches.proc.returncode == 0  # it said what went wrong and ended


def _write(path: Path, ids: range) -> Path:
    path.write_bytes(b"".join(orjson.dumps({
        "id": f"r{i}", "headline": f"Lagerarbetare {i}",
        "description": {"text": "Plock och pack i vårt lager."},
        "application_deadline": "2099-01-01T00:00:00"}) + b"\n" for i in ids))
    return path


def _readers_left() -> list[str]:
    deadline = time.monotonic() + 30  # a loaded machine may be slow to end threads
    while (left := [t.name for t in threading.enumerate() if t.name == "ads-read-ahead"]) \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


@pytest.mark.parametrize("prepared_in", ["this process", "a child process"])
def test_a_missing_file_is_reported_after_the_batches_before_it(
        engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        prepared_in: str) -> None:
    if prepared_in == "a child process":
        monkeypatch.setattr(service, "_PROCESS_FROM", 0)
    good = _write(tmp_path / "good.jsonl", range(30))
    with pytest.raises(InvalidInput, match="no such file"):
        service.import_ads([good, tmp_path / "missing.jsonl"], engine=engine, enrich=False,
                           batch_size=10)
    with engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(ad_table)).scalar()
    assert stored == 30  # the three whole batches read before the missing file
    assert _readers_left() == []


@pytest.mark.parametrize("prepared_in", ["this process", "a child process"])
def test_a_failing_batch_stops_the_reading_ahead(engine: Engine, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 prepared_in: str) -> None:
    children: list[PreparedBatches] = []
    if prepared_in == "a child process":
        monkeypatch.setattr(service, "_PROCESS_FROM", 0)

        def started(*args: Any) -> PreparedBatches:
            children.append(PreparedBatches(*args))
            return children[-1]

        monkeypatch.setattr(service, "PreparedBatches", started)
    calls = []
    real = run_batch

    def fail_second(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "run_batch", fail_second)
    with pytest.raises(RuntimeError, match="disk full"):
        service.import_ads([_write(tmp_path / "ads.jsonl", range(100))], engine=engine,
                           enrich=False, batch_size=10)
    assert len(calls) == 2
    assert _readers_left() == []
    assert all(child.proc.poll() is not None for child in children)
    assert len(children) == (prepared_in == "a child process")
