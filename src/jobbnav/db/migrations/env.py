"""Alembic environment: uses the engine handed over in config.attributes (no URL in files)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from jobbnav.db.engine import get_engine

engine: Engine = context.config.attributes.get("engine") or get_engine()

with engine.begin() as connection:
    context.configure(connection=connection, render_as_batch=engine.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()
