"""kill -9 in the middle of an import, then the same import again: nothing lost or doubled,
and the search index catches up with the database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
from sqlalchemy import Engine, func, select

from jobbnav.ads import service
from jobbnav.ads.search.indexes import reset_indexes
from jobbnav.ads.search.params import SearchParams
from jobbnav.ads.store import ad as ad_table

N = 6000
IMPORT = """
import sys
from jobbnav.ads import service
service.import_ads([sys.argv[1]], enrich=False, batch_size=200,
                   progress=lambda stage, total, n: print("batch", flush=True))
"""


def _write_ads(path: Path) -> None:
    with path.open("wb") as f:
        for i in range(N):
            f.write(orjson.dumps({
                "id": f"k{i}", "headline": f"Lagerarbetare nummer {i}",
                "description": {"text": f"Plock och pack, ordernummer {i}, i vårt lager."},
                "employer": {"name": f"Lagerbolag {i} AB"},
                "application_deadline": "2099-01-01T00:00:00"}) + b"\n")


def _count(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        rows = conn.execute(select(func.count(), func.count(func.distinct(ad_table.c.id)))
                            .select_from(ad_table)).one()
    return int(rows[0]), int(rows[1])


def test_kill_9_mid_import_then_restart(engine: Engine, tmp_path: Path) -> None:
    # Big enough for the index writer process: it outlives the killed importer, indexes what
    # it was sent and lets go of the index lock, which the restarted import waits for.
    assert service._PROCESS_FROM <= N
    path = tmp_path / "ads.jsonl"
    _write_ads(path)
    env = {**os.environ, "JOBBNAV_ENRICH_ADS": "0"}
    proc = subprocess.Popen([sys.executable, "-c", IMPORT, str(path)], env=env,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    batches = 0
    deadline = time.monotonic() + 120
    while batches < 6 and time.monotonic() < deadline:  # start + a few batches
        if proc.stdout.readline():
            batches += 1
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored, distinct = _count(engine)
    assert 0 < stored < N and stored == distinct
    assert stored % 200 == 0  # whole batches only

    reset_indexes()  # a new process: the index is opened afresh and repairs itself
    report = service.import_ads([path], engine=engine, enrich=False, batch_size=200)
    assert report.stored == N - stored and report.unchanged == stored
    assert _count(engine) == (N, N)
    result = service.search(SearchParams.model_validate({"q": "lagerarbetare", "limit": 0}),
                            engine=engine)
    assert result.total == N
    archive = service.search(SearchParams.model_validate(
        {"q": "lagerarbetare", "limit": 0, "historical": True}), engine=engine)
    assert archive.total == N  # both indexes: the live one and the archive
