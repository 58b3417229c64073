"""The main job as `make run` does it: migrate, load the demo into an empty DB, serve, answer."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

JOBBNAV = str(Path(sys.executable).with_name("jobbnav"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    var_dir = tmp_path_factory.mktemp("mainjob") / "var"
    env = {**os.environ, "JOBBNAV_VAR_DIR": str(var_dir)}
    env.pop("JOBBNAV_DATABASE_URL", None)
    subprocess.run([JOBBNAV, "db", "upgrade"], env=env, check=True, capture_output=True)
    loaded = subprocess.run([JOBBNAV, "demo", "load", "--if-empty"], env=env, check=True,
                            capture_output=True, text=True)
    assert "taxonomy" in loaded.stdout
    again = subprocess.run([JOBBNAV, "demo", "load", "--if-empty"], env=env, check=True,
                           capture_output=True, text=True)
    assert "not loaded" in again.stdout
    accounts = subprocess.run([JOBBNAV, "demo", "accounts"], env=env, check=True,
                              capture_output=True, text=True)
    for role in ("job_seeker", "case_worker", "employer", "analyst", "administrator"):
        assert role in accounts.stdout
    port = _free_port()
    server = subprocess.Popen([JOBBNAV, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            detail = server.stderr.read() if server.stderr else b""
            raise RuntimeError(f"server did not start: {detail!r}")
        time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=20)
    if server.stderr:
        server.stderr.close()
    shutil.rmtree(var_dir, ignore_errors=True)


def test_autocomplete_finds_mjukvaruutvecklare(served: str) -> None:
    response = httpx.get(f"{served}/v1/taxonomy/suggesters/autocomplete",
                         params={"query-string": "mjukv"})
    assert response.status_code == 200
    labels = [c["taxonomy/preferred-label"] for c in response.json()]
    assert "Mjukvaruutvecklare" in labels


def test_openapi_docs_are_served(served: str) -> None:
    assert httpx.get(f"{served}/docs").status_code == 200
    spec = httpx.get(f"{served}/openapi.json").json()
    assert "/v1/taxonomy/main/concepts" in spec["paths"]


def test_home_page_is_served(served: str) -> None:
    response = httpx.get(served + "/")
    assert response.status_code == 200 and "jobbnav" in response.text
