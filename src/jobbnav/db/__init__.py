"""Database engine, shared metadata and migrations."""

from jobbnav.db.engine import create_db_engine, get_engine, reset_engine
from jobbnav.db.metadata import metadata
from jobbnav.db.migrate import is_empty, upgrade

__all__ = ["create_db_engine", "get_engine", "is_empty", "metadata", "reset_engine", "upgrade"]
