from __future__ import annotations

import time

import pytest
from market_helpers import NURSE, ad
from sqlalchemy import Engine

from jobbnav.market import queries
from jobbnav.market.maintain import apply_ads
from jobbnav.market.service import on_ads_stored


def test_a_write_by_another_process_shows_once_the_cache_expires(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    with engine.begin() as conn:
        on_ads_stored(conn, [ad(f"a{m}", m) for m in (202501, 202502, 202503)])
    assert queries.demand(NURSE, engine=engine)["months"][-1]["month"] == "2025-03"
    # Another process (`jobbnav ads import` next to `jobbnav serve`) writes the facts: it cannot
    # clear this process's cache, so the cache must not outlive CACHE_SECONDS.
    with engine.begin() as conn:
        apply_ads(conn, [ad("a202505", 202505)])
    assert queries.demand(NURSE, engine=engine)["months"][-1]["month"] == "2025-03"
    now = time.monotonic()
    monkeypatch.setattr("jobbnav.market.queries.time.monotonic",
                        lambda: now + queries.CACHE_SECONDS + 1)
    months = queries.demand(NURSE, engine=engine)["months"]
    assert months[-1] == {"month": "2025-05", "ads": 1, "vacancies": 1}
