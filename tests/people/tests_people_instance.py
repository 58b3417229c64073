"""A second jobbnav instance (own database and keys) for portability tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from people_world import add_concepts
from sqlalchemy import Engine

from jobbnav.db import create_db_engine, upgrade
from jobbnav.people import accounts, keys
from jobbnav.people.model import Actor
from jobbnav.settings import get_settings


@contextmanager
def second_instance(var_dir: Path) -> Iterator[tuple[Engine, Actor]]:
    before = os.environ.get("JOBBNAV_VAR_DIR")
    os.environ["JOBBNAV_VAR_DIR"] = str(var_dir)
    get_settings.cache_clear()
    keys._cache.clear()
    engine = create_db_engine(f"sqlite:///{var_dir / 'other.sqlite3'}")
    try:
        upgrade(engine)
        add_concepts(engine)
        account_id = accounts.create_account("newcomer", "job_seeker", password=None,
                                             display_name="Ny", engine=engine)
        yield engine, accounts.actor_for(account_id, engine=engine)
    finally:
        engine.dispose()
        if before is not None:
            os.environ["JOBBNAV_VAR_DIR"] = before
        get_settings.cache_clear()
        keys._cache.clear()
        from jobbnav.taxonomy.index import invalidate

        invalidate()
