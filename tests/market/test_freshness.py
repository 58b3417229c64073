from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from market_helpers import DEV, NURSE, SOLNA, STOCKHOLM, ad
from sqlalchemy import Engine

from jobbnav.market import freshness, queries, supply
from jobbnav.market.facts import Resolver
from jobbnav.market.model import COUNTRY_ID
from jobbnav.market.service import on_ads_stored, recompute


def _store(engine: Engine, prefix: str, group: str, count: int, month: int = 202510) -> None:
    with engine.begin() as conn:  # what the ads pipeline's listener does for each batch
        on_ads_stored(conn, [ad(f"{prefix}{i}", month, group, SOLNA, STOCKHOLM)
                             for i in range(count)])


def _country_rating(engine: Engine, group: str) -> dict[str, object]:
    rows = queries.barometer(group, COUNTRY_ID, engine=engine)["ratings"]
    return dict(rows[0])


def test_ratings_follow_ads_imported_after_the_last_recompute(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(freshness, "THROTTLE_FROM", float("inf"))  # a loaded machine is no reason
    _store(engine, "n", NURSE, 40)
    _store(engine, "d", DEV, 5)
    recompute(engine)
    assert _country_rating(engine, DEV)["ads_12m"] == 5
    _store(engine, "more", DEV, 60)  # an ads batch; no recompute
    body = queries.barometer(DEV, COUNTRY_ID, engine=engine)
    assert body["ratings"][0]["ads_12m"] == 65
    assert body["freshness"]["ads_since_ratings"] is False
    shortage = queries.shortage(engine=engine)
    assert shortage[0]["occupation"]["id"] == DEV  # DEV now has the most ads: ranked first


def test_a_slow_supply_refresh_does_not_hold_back_the_ratings(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    # freshness's own clock: only the supply refresh takes time (10 s), however fast or slow
    # the machine really is
    now = [1_000.0]
    monkeypatch.setattr(freshness, "time", SimpleNamespace(monotonic=lambda: now[0],
                                                           time=time.time))

    def slow_refresh(engine: Engine, min_cell: int) -> int:
        now[0] += 10.0
        return supply.refresh_supply(engine, min_cell)

    monkeypatch.setattr(freshness, "refresh_supply", slow_refresh)
    _store(engine, "n", NURSE, 40)
    recompute(engine)
    _store(engine, "d", DEV, 50)
    body = queries.barometer(DEV, COUNTRY_ID, engine=engine)
    assert body["ratings"][0]["ads_12m"] == 50
    assert body["freshness"]["ads_since_ratings"] is False


def test_job_seeker_counts_refresh_once_they_are_older_than_the_limit(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    counts = [(f"occ-{NURSE}", SOLNA, 20)]
    monkeypatch.setattr(supply, "job_seeker_counts", lambda _e: list(counts))
    monkeypatch.setattr(Resolver, "group_of", lambda _self, occ: occ.removeprefix("occ-"))
    _store(engine, "n", NURSE, 40)
    recompute(engine)
    assert queries.tightness(NURSE, engine=engine)["rows"][0]["job_seekers"] == 20
    counts[0] = (f"occ-{NURSE}", SOLNA, 80)  # profiles changed; the people domain tells nobody
    queries.clear_caches()
    assert queries.tightness(NURSE, engine=engine)["rows"][0]["job_seekers"] == 20
    monkeypatch.setattr(freshness, "SUPPLY_MAX_AGE", 0.0)
    queries.clear_caches()
    assert queries.tightness(NURSE, engine=engine)["rows"][0]["job_seekers"] == 80


def test_a_busy_import_does_not_rebuild_the_ratings_on_every_read(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    _store(engine, "n", NURSE, 40)
    recompute(engine)
    monkeypatch.setattr(freshness, "THROTTLE_FROM", 0.0)  # as if the last rebuild had been slow
    monkeypatch.setattr(freshness, "BACKOFF", 1e9)
    _store(engine, "d", DEV, 50)
    body = queries.barometer(DEV, COUNTRY_ID, engine=engine)
    assert body["ratings"] == [] and body["freshness"]["ads_since_ratings"] is True
