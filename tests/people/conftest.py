"""Fixtures of the people tests (the world itself is built in people_world.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from people_world import World, build_world
from sqlalchemy import Engine


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    from jobbnav.api import create_app

    with TestClient(create_app(warm=False), raise_server_exceptions=False) as c:
        yield c
