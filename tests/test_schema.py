"""The migrations and the store tables describe the same schema."""

from __future__ import annotations

import importlib
import pkgutil

from sqlalchemy import Engine, inspect

import jobbnav
from jobbnav.db.metadata import metadata


def _import_all_stores() -> None:
    for module in pkgutil.walk_packages(jobbnav.__path__, "jobbnav."):
        if module.name.endswith(".store"):
            importlib.import_module(module.name)


def test_migrations_create_every_table_and_column(engine: Engine) -> None:
    _import_all_stores()
    inspector = inspect(engine)
    migrated = set(inspector.get_table_names())
    for table in metadata.sorted_tables:
        assert table.name in migrated, f"table {table.name} has no migration"
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, f"columns of {table.name} drift"
