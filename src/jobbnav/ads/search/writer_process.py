"""The import's index writer, in a process of its own.

Building the documents and tantivy's `add_document` hold the GIL for ~150 µs an ad: in a thread
of the importing process that was a third of the import's wall time. So an import starts this
module as a child process (`python -m jobbnav.ads.search.writer_process`), which owns both
index writers; the importer sends it, for each committed batch, the rows as compact tuples
(key, seq, canonical, the ad's stored JSON) over the child's stdin, in length-prefixed pickle
frames.

Consistency is the same as with a writer in the importing process: rows are sent only after
their batch committed in the database, and each index records its watermark after its own
commit, so the indexes are never ahead of the database, and one that lags (a crash, a kill -9)
is caught up from the database on the next open (indexes.py). When the importer goes away (end
of the input, or killed) the child sees the end of its stdin, indexes what it has received,
commits and exits; a frame cut short by a kill is dropped (its rows are in the database).
"""

from __future__ import annotations

import contextlib
import gc
import queue
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import orjson

from jobbnav.ads.frames import frame, read_frame, widen
from jobbnav.ads.search.compounds import HeadFinder
from jobbnav.ads.search.index import IndexRow, open_index

__all__ = ["COMMIT_SECONDS", "QUEUED_BATCHES", "IndexWriterProcess", "main"]

# Each commit closes a segment that is merged later: committing after every batch of 2,000 ads
# cost a quarter more CPU than after every fifth (60,000 ads). Searches see an import's ads up
# to this much later.
COMMIT_SECONDS = 5.0
# Batches received but not yet indexed: the index lags the database by about this many.
QUEUED_BATCHES = 2
# (key, seq, canonical, the ad as stored JSON)
WireRow = tuple[int, int, bool, str | bytes]


def wire_rows(rows: Iterable[IndexRow]) -> list[WireRow]:
    """What the child needs of each row. (It works out the compound heads itself: from the
    importer's words that took less CPU in all, but the importer is the busier process.)"""
    return [(r.key, r.seq, r.canonical, r.data if r.data is not None else orjson.dumps(r.ad))
            for r in rows]


class IndexWriterProcess:
    """The importer's end: start the child, send it rows, wait for it to finish.

    Frames are pickled and written by a thread of the importer, so the importer does not wait
    while the child takes a frame in (a pipe holds 64 KiB to 1 MiB; a batch is megabytes); the
    hand-over queue is bounded, so the importer waits only when the child is `QUEUED_BATCHES`
    behind.
    """

    def __init__(self, root: Path, heads: frozenset[str]) -> None:
        # The child's stderr: the last line says why it failed (a pipe could fill and block it).
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed once the child ended
        self._failure: str | None = None
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jobbnav.ads.search.writer_process"], stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL, stderr=self._errors)
        assert self.proc.stdin is not None
        widen(self.proc.stdin)
        # Payloads are pickled by the feeder thread, while the importer is in SQLite.
        self._pending: queue.Queue[Any] = queue.Queue(maxsize=QUEUED_BATCHES)
        self._broken = False
        self._problem = ""
        self._feeder = threading.Thread(target=self._feed, args=(self.proc.stdin,),
                                        name="ads-index-feeder", daemon=True)
        self._feeder.start()
        self._pending.put({"root": str(root), "heads": heads})

    def _feed(self, out: IO[bytes]) -> None:
        try:
            while (payload := self._pending.get()) is not None:
                if not self._broken:
                    out.write(frame(payload))
                    out.flush()
        except Exception as exc:  # the child is gone: the importer raises at its next put
            self._broken, self._problem = True, f"{type(exc).__name__}: {exc}"
            while self._pending.get() is not None:
                pass
        finally:
            with contextlib.suppress(OSError):
                out.close()

    def _raise_failure(self) -> None:
        """Raise what went wrong (the same again when asked twice: put, then finish)."""
        if self._failure is None:
            self._stop()
            self._errors.seek(0)
            lines = self._errors.read().decode(errors="replace").strip().splitlines()
            self._errors.close()
            problem = lines[-1] if lines else self._problem or "no message"
            self._failure = (f"the ads index writer process failed (exit "
                             f"{self.proc.returncode}): {problem}")
        raise RuntimeError(self._failure)

    def put(self, rows: list[IndexRow]) -> None:
        """Hand over the rows of a committed batch."""
        if self._broken or self.proc.poll() is not None:
            self._raise_failure()
        if rows:
            self._pending.put(wire_rows(rows))

    def _stop(self) -> None:
        if self._feeder.is_alive():
            self._pending.put(None)
            self._feeder.join()
        self.proc.wait()

    def finish(self) -> None:
        """End of the import: the child indexes what it has, commits and exits."""
        self._stop()
        if self._failure is not None or self.proc.returncode != 0 or self._broken:
            self._raise_failure()
        self._errors.close()


def _reader(source: IO[bytes], into: queue.Queue[list[WireRow] | None]) -> None:
    try:
        while (rows := read_frame(source)) is not None:
            into.put(rows)
    finally:
        into.put(None)


def main() -> int:
    from jobbnav.ads.search.indexes import AdIndexes

    # Each ad's dicts are freed by reference counting; collections would only walk them.
    gc.disable()
    # Not niced: since the prepare steps moved to a process of their own, a big import is
    # three processes on the cores and this one is as often the slowest as the importer
    # (niceness 10 cost 6-10 % of the import rate at 100,000 live ads).
    source = sys.stdin.buffer
    setup = read_frame(source)
    if setup is None:
        return 0
    root = Path(setup["root"])
    indexes = AdIndexes(open_index(root / "live", live=True),
                        open_index(root / "archive", live=False), HeadFinder(setup["heads"]))
    writers = indexes.writers(wait_seconds=60)
    frames: queue.Queue[list[WireRow] | None] = queue.Queue(maxsize=QUEUED_BATCHES)
    threading.Thread(target=_reader, args=(source, frames), daemon=True).start()
    top, last_commit = 0, time.monotonic()
    try:
        while (received := frames.get()) is not None:
            rows = [IndexRow(key, seq, canonical, orjson.loads(data))
                    for key, seq, canonical, data in received]
            top = max(top, indexes.apply(writers, rows, int(time.time())))
            if time.monotonic() - last_commit > COMMIT_SECONDS:
                indexes.commit(writers, top)
                last_commit = time.monotonic()
        indexes.live.expire(writers.live, int(time.time()))
        indexes.commit(writers, top)
    finally:
        indexes.close(writers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
