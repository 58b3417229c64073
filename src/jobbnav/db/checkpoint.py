"""WAL checkpoints in a thread of their own while a bulk write runs (SQLite only).

In WAL mode a commit appends pages to the WAL; a checkpoint copies them into the database file
and waits for the disk (fsync). SQLite runs that checkpoint inside whichever commit first
leaves the WAL longer than `wal_autocheckpoint` pages, so during an import every dozenth batch
waited ~200 ms for the disk: four fifths of the importer's commit time. Here a thread with
its own connection checkpoints after each batch (PASSIVE: it never waits for the writer and
the writer never waits for it) while the importer builds the next batch; the GIL is released
for the whole checkpoint. The WAL is then fully copied when the next batch begins writing, so
SQLite restarts it from the front and the importer's own autocheckpoint has nothing to do.
Durability is unchanged: the commits and checkpoints are SQLite's own, only their thread moves.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine

__all__ = ["background_checkpoints"]

log = logging.getLogger(__name__)


class _Checkpointer(threading.Thread):
    def __init__(self, path: str) -> None:
        super().__init__(name="sqlite-checkpoint", daemon=True)
        self.path = path
        self.wanted = threading.Event()
        self.stopping = False
        self.checkpoints = 0

    def run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:  # the writer's own autocheckpoint still works
            log.warning("background checkpoints off: %s", exc)
            return
        try:
            while True:
                self.wanted.wait()
                self.wanted.clear()
                if self.stopping:
                    return
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    self.checkpoints += 1
                except sqlite3.Error as exc:  # busy or gone: the next nudge tries again
                    log.debug("background checkpoint skipped: %s", exc)
        finally:
            conn.close()

    def stop(self) -> None:
        self.stopping = True
        self.wanted.set()
        self.join()


def _database_file(engine: Engine) -> str | None:
    if engine.dialect.name != "sqlite":
        return None
    path = engine.url.database
    return None if not path or path == ":memory:" else path


@contextmanager
def background_checkpoints(engine: Engine) -> Iterator[Callable[[], None]]:
    """Yields `nudge`: call it after each commit to have the WAL checkpointed in the background.
    A no-op for databases other than a SQLite file."""
    path = _database_file(engine)
    if path is None:
        yield lambda: None
        return
    worker = _Checkpointer(path)
    worker.start()
    try:
        yield worker.wanted.set
    finally:
        worker.stop()
