"""Shared fixtures: a fresh migrated database per test, the real data (or a clear skip)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from jobbnav.db import get_engine, reset_engine, upgrade
from jobbnav.settings import get_settings

SHARED_DATA = Path(os.environ.get(
    "JOBBNAV_SHARED_DATA_DIR", Path(__file__).resolve().parents[1].parent / "shared" / "data"))


def _point_at(var_dir: Path) -> Engine:
    os.environ["JOBBNAV_VAR_DIR"] = str(var_dir)
    os.environ.pop("JOBBNAV_DATABASE_URL", None)
    get_settings.cache_clear()
    reset_engine()
    from jobbnav.taxonomy.index import invalidate

    invalidate()
    engine = get_engine()
    upgrade(engine)
    return engine


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """An empty, migrated SQLite database of its own, used by the services by default."""
    yield _point_at(tmp_path / "var")
    reset_engine()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "jobtech-taxonomy").is_dir():
        pytest.skip(f"real JobTech data not found at {SHARED_DATA} (set JOBBNAV_SHARED_DATA_DIR)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def real_db_dir(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    """A database with the whole real taxonomy (+ ontology) and geography, built once a session.

    Tests that use it must not write to it; copy it (`real_engine`) when they need to.
    """
    from jobbnav.taxonomy.service import import_taxonomy

    var_dir = tmp_path_factory.mktemp("real") / "var"
    engine = _point_at(var_dir)
    import_taxonomy(shared_data / "jobtech-taxonomy", shared_data / "ontology", engine=engine)
    try:
        from jobbnav.geo.service import import_geography
    except ImportError:  # geography not built yet
        pass
    else:
        import_geography(shared_data / "geo", engine=engine)
    reset_engine()
    return var_dir


@pytest.fixture
def real_engine(real_db_dir: Path) -> Iterator[Engine]:
    """The shared real-data database, read-only by convention (fast: no re-import)."""
    yield _point_at(real_db_dir)
    reset_engine()


# --- browser tests: a live server on a free port + headless Chromium (Debian's, never downloaded)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-quic", "--no-first-run", "--disable-sync"]


@pytest.fixture
def live_server(engine: Engine) -> Iterator[str]:
    """The whole app served by uvicorn in a thread on 127.0.0.1:<free port>; yields the base URL."""
    import socket
    import threading
    import time

    import uvicorn

    from jobbnav.api import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("live server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser_page() -> Iterator[object]:
    """A Playwright page in headless Debian Chromium; console errors collect in page.errors."""
    if not CHROMIUM.exists():
        pytest.skip("headless Chromium not installed at /usr/bin/chromium (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.errors = errors  # type: ignore[attr-defined]
        yield page
        browser.close()
