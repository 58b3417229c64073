"""Engine creation. SQLite gets WAL, foreign keys and a busy timeout on every connection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from jobbnav.settings import get_settings

__all__ = ["create_db_engine", "get_engine", "reset_engine"]

_engine: Engine | None = None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create_db_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def get_engine() -> Engine:
    """The process-wide engine for the configured database, created on first use."""
    global _engine
    if _engine is None:
        _engine = create_db_engine(get_settings().effective_database_url)
    return _engine


def reset_engine() -> None:
    """Drop the cached engine (tests point JOBBNAV_DATABASE_URL elsewhere between runs)."""
    global _engine
    if _engine is not None:
        _engine.dispose()
    _engine = None
