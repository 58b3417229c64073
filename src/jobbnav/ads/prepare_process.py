"""A big import's batches, read and prepared in a process of their own (files or a URL).

The prepare steps (pipeline.PREPARE_STEPS: parse, validate, enrich, check concepts, SimHash,
render the stored JSON) need no database connection and took two fifths of the importer's CPU.
In the importing process they ran on the critical path: everything the database does for a
batch waits for them, and a thread cannot share them (they hold the GIL). So a big import of
files, or one from a URL, starts this module as a child process (`python -m
jobbnav.ads.prepare_process`), which reads the files (or the URL), prepares batch after batch
a few ahead of the importer and hands each over on its stdout in a length-prefixed pickle
frame: the live records as compact tuples (the ad as its stored JSON), the rejected ones in
the batch's report.

Frames: ("batch", records read, [PreparedRecord…], report part), ("error", detail, field)
for bad input (a missing file: the batches before it are stored, as in the importing process),
("failed", message) for anything else, ("end",). If the importer goes away (killed), the
child's next write fails and it exits.
"""

from __future__ import annotations

import contextlib
import gc
import os
import queue
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

import orjson
from sqlalchemy import Engine

from jobbnav.ads.frames import frame, read_frame, widen
from jobbnav.ads.ingest import items_from, items_from_url
from jobbnav.ads.model import ImportReport
from jobbnav.ads.pipeline import Item, batches, prepare
from jobbnav.errors import InvalidInput

__all__ = ["PreparedBatches", "main"]

# Batches prepared but not yet taken by the importer (each a few MB).
AHEAD = 3
# (source, record, removal, ad (removal records only), stored JSON, content hash,
#  dedupe block, SimHash)
PreparedRecord = tuple[str, int, bool, "dict[str, Any] | None", "str | None", "str | None",
                       "str | None", "int | None"]


def _to_wire(item: Item) -> PreparedRecord:
    ad = item.ad if item.data is None else None  # the JSON says it all
    return (item.source, item.record, item.removal, ad, item.data, item.content_hash,
            item.dedupe_block, item.simhash)


def _from_wire(record: PreparedRecord) -> Item:
    source, number, removal, ad, data, digest, block, simhash = record
    return Item(source, number, ad=orjson.loads(data) if data is not None else ad,
                removal=removal, dedupe_block=block, simhash=simhash, data=data,
                content_hash=digest)


def _report_part(report: ImportReport) -> dict[str, Any]:
    return {"rejected": report.rejected, "unknown_kept": report.unknown_kept,
            "notices": report.notices}


def _merge(report: ImportReport, part: dict[str, Any]) -> None:
    report.rejected.extend(part["rejected"])
    for kind, count in part["unknown_kept"].items():
        report.unknown_kept[kind] = report.unknown_kept.get(kind, 0) + count
    report.notices.extend(n for n in part["notices"] if n not in report.notices)


class PreparedBatches:
    """The importer's end: start the child, then take prepared batches from it in order."""

    def __init__(self, paths: Sequence[Path | str], engine: Engine, batch_size: int,
                 options: dict[str, Any], *, url: str | None = None) -> None:
        """Prepare the records of `paths`, or of the HTTP endpoint `url` when given."""
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jobbnav.ads.prepare_process"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=self._errors)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        widen(self.proc.stdout)
        self.proc.stdin.write(frame({
            "paths": [str(p) for p in paths], "url": url, "batch_size": batch_size,
            "options": options,
            "database_url": engine.url.render_as_string(hide_password=False)}))
        self.proc.stdin.close()

    def batches(self, report: ImportReport) -> Iterator[tuple[int, list[Item]]]:
        """(records read, live items) per batch; rejections go into `report`."""
        assert self.proc.stdout is not None
        while True:
            payload = read_frame(self.proc.stdout)
            if payload is None:  # it died: its stderr's last line says why
                self._fail(None)
            kind = payload[0]
            if kind == "end":
                return
            if kind == "error":
                raise InvalidInput(payload[1], field=payload[2])
            if kind == "failed":
                self._fail(payload[1])
            _, count, records, part = payload
            _merge(report, part)
            yield count, [_from_wire(r) for r in records]

    def _fail(self, problem: str | None) -> NoReturn:
        self.proc.wait()
        if problem is None:
            self._errors.seek(0)
            lines = self._errors.read().decode(errors="replace").strip().splitlines()
            problem = lines[-1] if lines else "it ended without a word"
        raise RuntimeError(f"the ads prepare process failed (exit {self.proc.returncode}): "
                           f"{problem}")

    def close(self) -> None:
        """Stop the child (at once if the import ended early) and let go of its pipes."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        self._errors.close()


def _writer(out: IO[bytes], pending: queue.Queue[bytes | None]) -> None:
    try:
        while (data := pending.get()) is not None:
            out.write(data)
            out.flush()
    except OSError:  # the importer is gone (killed): nothing left to do
        os._exit(0)


def main() -> int:
    from jobbnav.db.engine import create_db_engine

    gc.disable()  # each batch is freed by reference counting; collections would only walk it
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print must not break a frame
    setup = read_frame(sys.stdin.buffer)
    if setup is None:
        return 0
    pending: queue.Queue[bytes | None] = queue.Queue(maxsize=AHEAD)
    writer = threading.Thread(target=_writer, args=(out, pending), name="prepared-writer",
                              daemon=True)
    writer.start()
    engine = create_db_engine(setup["database_url"])
    try:
        items = (items_from_url(setup["url"]) if setup.get("url")
                 else items_from(setup["paths"]))
        for chunk in batches(items, setup["batch_size"]):
            report = ImportReport()
            live = prepare(engine, chunk, report, setup["options"])
            pending.put(frame(("batch", len(chunk), [_to_wire(i) for i in live],
                               _report_part(report))))
        pending.put(frame(("end",)))
    except InvalidInput as exc:
        pending.put(frame(("error", exc.detail, exc.field)))
    except Exception as exc:  # told to the importer, which raises it
        pending.put(frame(("failed", f"{type(exc).__name__}: {exc}")))
    finally:
        pending.put(None)
        writer.join()
        with contextlib.suppress(OSError):
            out.close()
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
