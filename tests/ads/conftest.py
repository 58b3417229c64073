"""Fixtures for the ads tests: the demo ads imported into a fresh database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from jobbnav.ads import service
from jobbnav.ads.search.indexes import reset_indexes

DEMO_ADS = Path(__file__).resolve().parents[2] / "src" / "jobbnav" / "demo" / "data" / "ads.jsonl"


@pytest.fixture(autouse=True)
def _fresh_indexes() -> Iterator[None]:
    reset_indexes()
    yield
    reset_indexes()


@pytest.fixture
def demo_ads() -> Path:
    return DEMO_ADS


@pytest.fixture
def demo_engine(engine: Engine) -> Engine:
    report = service.import_ads([DEMO_ADS], engine=engine, enrich=False)
    assert report.stored == 41 and not report.rejected
    return engine
