"""The two ad indexes: `live` (ads open for application) and `archive` (every canonical ad).

Live search touches only the live index, so it needs no filter on `removed` or the deadline;
`historical=true` searches the archive. Both are fed by the same rows, each document built once:

- an import (or a catch-up) deletes each changed ad from both and adds it to the archive when
  canonical, and to the live index only when also not removed and its deadline not passed;
- expiry: each live reader knows its earliest deadline (`AdIndex.next_expiry`). Until then a
  live search is exact without a filter. Once it has passed, the next live search deletes the
  expired documents (`sweep`, at most every `SWEEP_SECONDS`); while it cannot (another process
  or thread holds the writer, or the last sweep was too recent) that search adds the deadline
  filter instead, so an expired ad is never shown. Every import sweeps before its last commit.

Crash safety: each index records the highest `seq` it holds (`watermark.json`) after its commit
(live first, then archive); on open both catch up from the lower of the two watermarks, which
re-applies rows idempotently (delete + add by key) to the one that is ahead.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import orjson
import tantivy
from sqlalchemy import Engine, select

from jobbnav.ads.search.compounds import HeadFinder, compound_heads
from jobbnav.ads.search.index import AdIndex, IndexRow, document_fields, index_dir_for, open_index
from jobbnav.ads.store import ad as ad_table

__all__ = ["SWEEP_SECONDS", "AdIndexes", "Writers", "get_indexes", "reset_indexes"]

log = logging.getLogger(__name__)

SWEEP_SECONDS = 30.0


@dataclass(slots=True)
class Writers:
    live: tantivy.IndexWriter
    archive: tantivy.IndexWriter


@dataclass
class AdIndexes:
    live: AdIndex
    archive: AdIndex
    finder: HeadFinder | None = None
    # Held by whoever writes in this process (an import, a catch-up, a sweep).
    lock: threading.Lock = field(default_factory=threading.Lock)
    _swept: float = float("-inf")

    def writers(self, *, wait_seconds: float = 0.0) -> Writers:
        """Both writers; while another process holds them (say, the writer process of an
        import killed a moment ago, indexing what it was sent), retry for `wait_seconds`."""
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                return self._writers()
            except ValueError as exc:
                if "LockBusy" not in str(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.1)

    def _writers(self) -> Writers:
        live = self.live.writer()
        try:
            return Writers(live, self.archive.writer())
        except BaseException:
            live.wait_merging_threads()  # let go of the live writer's lock
            raise

    def apply(self, writers: Writers, rows: Iterable[IndexRow], now: int) -> int:
        """Replace the documents of `rows` in both indexes (not committed); returns the highest
        seq seen. Ads whose deadline has passed by `now` or that are removed stay out of live."""
        top = 0
        for row in rows:
            writers.archive.delete_documents_by_term("key", row.key)
            writers.live.delete_documents_by_term("key", row.key)
            if row.canonical:
                fields = document_fields(row.key, row.ad, self.finder, row.words)
                doc = tantivy.Document(**fields)
                writers.archive.add_document(doc)
                if not fields["removed"] and fields["deadline"] >= now:
                    writers.live.add_document(doc)
            top = max(top, row.seq)
        return top

    def commit(self, writers: Writers, seq: int) -> None:
        self.live.commit(writers.live, seq)
        self.archive.commit(writers.archive, seq)

    def close(self, writers: Writers) -> None:
        writers.live.wait_merging_threads()
        writers.archive.wait_merging_threads()

    def watermark(self) -> int:
        return min(self.live.watermark(), self.archive.watermark())

    def catch_up(self, engine: Engine, *, chunk: int = 5000, wait_seconds: float = 0.0) -> int:
        """Index every row changed after the lower watermark; returns how many were applied.
        `wait_seconds`: how long to wait for a writer another process holds."""
        mark = self.watermark()
        with engine.connect() as conn:
            latest = conn.execute(select(ad_table.c.seq).order_by(ad_table.c.seq.desc())
                                  .limit(1)).scalar()
        if latest is None or latest <= mark:
            return 0
        log.info("ads indexes lag the database (seq %s < %s): catching up", mark, latest)
        applied = 0
        with self.lock:
            writers = self.writers(wait_seconds=wait_seconds)
            # Read again: the writer we waited for may have committed more meanwhile.
            mark = self.watermark()
            try:
                for rows in _rows_after(engine, mark, chunk):
                    top = self.apply(writers, rows, int(time.time()))
                    applied += len(rows)
                    self.commit(writers, top)
            finally:
                self.close(writers)
        return applied

    def sweep(self, now: int, *, force: bool = False) -> bool:
        """Delete the expired ads from the live index now; False when that cannot be done
        (another writer holds it, or a sweep ran less than SWEEP_SECONDS ago)."""
        if not force and time.monotonic() - self._swept < SWEEP_SECONDS:
            return False
        if not self.lock.acquire(blocking=False):
            return False
        try:
            self._swept = time.monotonic()
            try:
                writer = self.live.writer()
            except ValueError:  # another process writes (an import): it sweeps at its end
                return False
            try:
                self.live.expire(writer, now)
                self.live.commit(writer, 0)
            finally:
                writer.wait_merging_threads()
            return True
        finally:
            self.lock.release()

    def live_searcher(self, now: int) -> tuple[tantivy.Searcher, bool]:
        """A searcher of the live index and whether a search must still filter by deadline."""
        searcher = self.live.searcher()
        if self.live.next_expiry >= now:
            return searcher, False
        if self.sweep(now):
            searcher = self.live.searcher()
            return searcher, self.live.next_expiry < now
        return searcher, True


def _rows_after(engine: Engine, mark: int, chunk: int) -> Iterator[list[IndexRow]]:
    t = ad_table.c
    last = mark
    while True:
        with engine.connect() as conn:
            found = conn.execute(select(t.key, t.seq, t.duplicate_of, t.data)
                                 .where(t.seq > last).order_by(t.seq).limit(chunk)).all()
        if not found:
            return
        yield [IndexRow(r.key, r.seq, r.duplicate_of is None, orjson.loads(r.data))
               for r in found]
        last = found[-1].seq


_indexes: dict[str, AdIndexes] = {}
# The same, by engine: working out the directory costs more than a search's other set-up.
_by_engine: dict[int, tuple[Engine, AdIndexes]] = {}
_indexes_lock = threading.Lock()


def _open(engine: Engine) -> AdIndexes:
    root = index_dir_for(engine)
    root.mkdir(parents=True, exist_ok=True)
    for old in root.iterdir():  # the one-index layout of schema ≤ 3 kept its files here
        if old.is_file():
            old.unlink()
    return AdIndexes(open_index(root / "live", live=True),
                     open_index(root / "archive", live=False),
                     HeadFinder(compound_heads(engine)))


def get_indexes(engine: Engine, *, catch_up: bool = True) -> AdIndexes:
    """The indexes mirroring `engine`'s ads, opened once per process and brought up to date."""
    known = _by_engine.get(id(engine))
    if known is not None and known[0] is engine:
        return known[1]
    key = str(index_dir_for(engine))
    with _indexes_lock:
        found = _indexes.get(key)
        fresh = found is None
        if found is None:
            found = _indexes[key] = _open(engine)
        _by_engine[id(engine)] = (engine, found)
    if fresh and catch_up:
        try:
            found.catch_up(engine)
        except ValueError as exc:  # another process holds a writer (an import is running)
            log.warning("ads indexes not caught up now: %s", exc)
    return found


def reset_indexes() -> None:
    """Forget opened indexes (tests switch databases between runs)."""
    with _indexes_lock:
        _indexes.clear()
        _by_engine.clear()
