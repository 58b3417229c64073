"""Alembic migrations, run from the package so an installed jobbnav can upgrade its own database.

Each domain owns an Alembic branch (branch label = domain name), so domains evolve their schema
independently; `upgrade` applies every head. See docs/decisions/0002-migrations-per-domain.md.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect

__all__ = ["alembic_config", "is_empty", "upgrade"]

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    command.upgrade(alembic_config(engine), "heads")


def is_empty(engine: Engine) -> bool:
    """True when the taxonomy holds no concept (a fresh database)."""
    from sqlalchemy import func, select

    from jobbnav.taxonomy.store import concept

    if not inspect(engine).has_table("concept"):
        return True
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(concept)).scalar_one() == 0
