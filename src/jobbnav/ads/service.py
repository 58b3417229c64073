"""Job ad services: import, look-up, search, typeahead, stream and snapshot. No HTTP here."""

from __future__ import annotations

import gc
import json
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, select

from jobbnav.ads.ingest import count_records, items_from
from jobbnav.ads.model import ImportReport, SearchResult
from jobbnav.ads.pipeline import Item, batches, prepare, run_batch
from jobbnav.ads.prepare_process import PreparedBatches
from jobbnav.ads.search.index import IndexRow, index_dir_for
from jobbnav.ads.search.indexes import AdIndexes, get_indexes
from jobbnav.ads.search.writer_process import IndexWriterProcess
from jobbnav.ads.store import ad as ad_table
from jobbnav.ads.stream import StreamParams, snapshot_json, stream_json
from jobbnav.db import get_engine
from jobbnav.db.checkpoint import background_checkpoints
from jobbnav.errors import NotFound
from jobbnav.settings import get_settings

__all__ = [
    "complete",
    "get_ad",
    "import_ads",
    "import_from_url",
    "search",
    "snapshot",
    "stream",
    "warm_up",
]

ProgressHook = Callable[[str, int | None, int], None]
_INDEX_COMMIT_SECONDS = 2.0
_INDEX_QUEUE = 2
# Imports of at least this many records (or of an unknown number) index in a child process.
_PROCESS_FROM = 5_000


def _read_ahead(chunks: Iterator[list[Item]]) -> Iterator[list[Item]]:
    """The next batch is read and parsed by a thread while this one is in SQLite, which lets
    go of the GIL while it writes and commits. Errors of the reading (a missing file, a
    broken download) are raised here, in order; when the consumer stops early, so does the
    reader (at its next batch)."""
    ahead: queue.Queue[tuple[list[Item] | None, BaseException | None]] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def offer(entry: tuple[list[Item] | None, BaseException | None]) -> bool:
        while not stop.is_set():
            try:
                ahead.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for chunk in chunks:
                if not offer((chunk, None)):
                    return
            offer((None, None))
        except BaseException as exc:  # handed to the consumer, raised there
            offer((None, exc))
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()

    reader = threading.Thread(target=read, name="ads-read-ahead", daemon=True)
    reader.start()
    try:
        while True:
            chunk, error = ahead.get()
            if error is not None:
                raise error
            if chunk is None:
                return
            yield chunk
    finally:
        stop.set()


class _IndexWorker(threading.Thread):
    """Indexes the rows of committed batches while the next batch runs its database work.

    The queue is bounded, so the index lags the database by at most `_INDEX_QUEUE` batches;
    the writers live in this thread. Rows are only queued after their batch committed, and
    each index writes its watermark after its own commit, so a crash anywhere leaves indexes
    that are behind the database (caught up on the next open), never ahead.
    """

    def __init__(self, indexes: AdIndexes) -> None:
        super().__init__(name="ads-index", daemon=True)
        self.indexes = indexes
        self.queue: queue.Queue[list[IndexRow] | None] = queue.Queue(maxsize=_INDEX_QUEUE)
        self.error: BaseException | None = None
        self.ready = threading.Event()

    def run(self) -> None:
        try:
            writers = self.indexes.writers()
        except BaseException as exc:
            self.error = exc
            self.ready.set()
            return
        self.ready.set()
        top, last_commit = 0, time.monotonic()
        try:
            while (rows := self.queue.get()) is not None:
                if self.error is not None:
                    continue  # drain: the importer stops at its next batch
                try:
                    top = max(top, self.indexes.apply(writers, rows, int(time.time())))
                    if time.monotonic() - last_commit > _INDEX_COMMIT_SECONDS:
                        self.indexes.commit(writers, top)
                        last_commit = time.monotonic()
                except BaseException as exc:
                    self.error = exc
            if self.error is None:
                self.indexes.live.expire(writers.live, int(time.time()))
                self.indexes.commit(writers, top)
        except BaseException as exc:
            self.error = exc
        finally:
            self.indexes.close(writers)

    def put(self, rows: list[IndexRow]) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(rows)

    def finish(self) -> None:
        self.queue.put(None)
        self.join()
        if self.error is not None:
            raise self.error


def _index_writer(indexes: AdIndexes, engine: Engine,
                  total: int | None) -> _IndexWorker | IndexWriterProcess:
    """Big imports index in a process of their own (the GIL is not shared); small ones, where
    starting it would cost more than it saves, in a thread."""
    if total is not None and total < _PROCESS_FROM:
        worker = _IndexWorker(indexes)
        worker.start()
        worker.ready.wait()
        return worker
    heads = indexes.finder.heads if indexes.finder is not None else frozenset()
    return IndexWriterProcess(index_dir_for(engine), heads)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """No cycle collections while importing.

    A batch holds a few hundred thousand container objects alive at once (its ads, parsed and
    validated), so every collection walked them all: with thresholds raised to 50,000 that was
    still ~370 collections and ~3 s per 100,000 ads (gc callbacks), a tenth of the import. The
    import itself makes almost no cycles (~5,000 unreachable objects per 100,000 ads, found by a
    collection at the end), so the collector is simply off until the import ends, also on error.
    Imports run in the CLI (or the demo), not in the server.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


Batches = Iterator[tuple[int, list[Item]]]


def _prepared_here(items: Iterable[Item], size: int, engine: Engine, report: ImportReport,
                   options: dict[str, Any]) -> Batches:
    """(records read, live items) per batch, prepared in this process."""
    for chunk in _read_ahead(batches(items, size)):
        yield len(chunk), prepare(engine, chunk, report, options)


def _run(batches_of: Callable[[ImportReport], Batches], *, engine: Engine, total: int | None,
         progress: ProgressHook | None, report_path: Path | None,
         options: dict[str, Any]) -> ImportReport:
    """The import: `batches_of(report)` gives the prepared batches (and reports rejections)."""
    report = ImportReport()
    started = time.perf_counter()
    hook = progress or (lambda *_: None)
    hook("Importing ads", total, 0)
    indexes = get_indexes(engine)
    # A writer process of an import killed a moment ago may still be finishing its last rows.
    indexes.catch_up(engine, wait_seconds=60)
    prepared = batches_of(report)
    with indexes.lock, _fewer_collections(), background_checkpoints(engine) as checkpoint:
        worker = _index_writer(indexes, engine, total)
        try:
            for count, live in prepared:
                # The database commits first; the index follows (and catches up after a crash).
                rows = run_batch(engine, live, report, options=options, prepared=True)
                checkpoint()
                worker.put(rows)
                hook("Importing ads", total, count)
        finally:
            worker.finish()
            indexes.live.mark_changed()
            indexes.archive.mark_changed()
    report.seconds = time.perf_counter() - started
    if report_path is not None:
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    return report


def _big(total: int | None) -> bool:
    return total is None or total >= _PROCESS_FROM


def import_ads(paths_or_records: Iterable[Path | str | Mapping[str, Any]], *,
               engine: Engine | None = None, progress: ProgressHook | None = None,
               report_path: Path | None = None, enrich: bool | None = None,
               batch_size: int | None = None) -> ImportReport:
    """Import ads from JSON / JSONL (gzip or not) files or in-memory records.

    Good records are stored one transaction per batch; bad ones are listed with their reason in
    the report (and in `report_path` as JSON). Re-importing the same ads changes nothing.
    `enrich` overrides the JOBBNAV_ENRICH_ADS setting. Big imports of files are read and
    prepared by a child process (prepare_process.py) while this one writes the database.
    """
    inputs = list(paths_or_records)
    engine = engine or get_engine()
    total = count_records(inputs)
    size = batch_size or get_settings().import_batch_size
    options: dict[str, Any] = {"enrich": enrich}
    if not (_big(total) and all(not isinstance(i, Mapping) for i in inputs)):
        return _run(lambda report: _prepared_here(items_from(inputs), size, engine, report,
                                                  options),
                    engine=engine, total=total, progress=progress, report_path=report_path,
                    options=options)
    child = PreparedBatches([Path(str(i)) for i in inputs], engine, size, options)
    try:
        return _run(child.batches, engine=engine, total=total, progress=progress,
                    report_path=report_path, options=options)
    finally:
        child.close()


def import_from_url(url: str, *, engine: Engine | None = None,
                    progress: ProgressHook | None = None, report_path: Path | None = None,
                    enrich: bool | None = None, batch_size: int | None = None) -> ImportReport:
    """Import ads from an HTTP endpoint answering JSON (a list, a JobSearch or JobStream
    answer) or JSON lines. The answer is read and prepared by a child process, as a big file
    import is (its size is not known before)."""
    engine = engine or get_engine()
    size = batch_size or get_settings().import_batch_size
    options: dict[str, Any] = {"enrich": enrich}
    child = PreparedBatches([], engine, size, options, url=url)
    try:
        return _run(child.batches, engine=engine, total=None, progress=progress,
                    report_path=report_path, options=options)
    finally:
        child.close()


def get_ad(ad_id: str, *, engine: Engine | None = None) -> dict[str, Any]:
    """One ad in the JobSearch shape (also removed ones: the archive keeps them)."""
    engine = engine or get_engine()
    with engine.connect() as conn:
        data = conn.execute(select(ad_table.c.data).where(ad_table.c.id == ad_id)).scalar()
    if data is None:
        raise NotFound(f"no ad with id {ad_id!r}", field="id")
    found: dict[str, Any] = orjson.loads(data)
    return found


def search(params: Any, *, engine: Engine | None = None) -> SearchResult:
    """JobSearch `/search`: `params` is a `SearchParams` (see jobbnav.ads.search.params)."""
    from jobbnav.ads.search.engine import run_search

    return run_search(params, engine or get_engine())


def complete(q: str, *, limit: int = 10, historical: bool = False,
             engine: Engine | None = None) -> list[dict[str, Any]]:
    """JobSearch `/complete`: completions of the last word of `q`, with live ad counts."""
    from jobbnav.ads.search.engine import run_complete

    return run_complete(q, limit=limit, historical=historical, engine=engine or get_engine())


def stream(params: StreamParams, *, engine: Engine | None = None) -> Iterator[bytes]:
    """JobStream `/stream`: a JSON list of ads changed in the interval, produced piecewise."""
    return stream_json(params, engine or get_engine())


def snapshot(*, engine: Engine | None = None) -> Iterator[bytes]:
    """JobStream `/snapshot`: a JSON list of every live ad, produced piecewise."""
    return snapshot_json(engine or get_engine())


def warm_up() -> None:
    """Open the index (repairing it if it lags the database) and the query dictionaries."""
    from sqlalchemy import inspect

    engine = get_engine()
    if not inspect(engine).has_table("ad"):
        return
    get_indexes(engine)
    from jobbnav.ads.search.recognise import recogniser

    recogniser(engine)
