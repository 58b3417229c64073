from __future__ import annotations

from market_helpers import DEV, MALMO, NURSE, SKANE, STOCKHOLM, ad
from sqlalchemy import Engine, select

from jobbnav.market import store
from jobbnav.market.service import on_ads_stored, recompute


def _demand(engine: Engine) -> dict[tuple[str, str, str, str, int], tuple[int, int]]:
    with engine.connect() as conn:
        return {(r.occ_level, r.occupation_id, r.area_level, r.area_id, r.month):
                (r.ads, r.vacancies) for r in conn.execute(select(store.demand))}


def test_each_ad_counts_at_every_level(engine: Engine) -> None:
    with engine.begin() as conn:
        on_ads_stored(conn, [ad("1", 202503, vacancies=3), ad("2", 202503)])
    d = _demand(engine)
    assert d[("group", NURSE, "region", STOCKHOLM, 202503)] == (2, 4)
    assert d[("all", "all", "country", "i46j_HmG_v64", 202503)] == (2, 4)
    assert d[("field", "field-1", "municipality", "zHxw_uJZ_NJ8", 202503)] == (2, 4)
    assert d[("name", f"occ-{NURSE}", "country", "i46j_HmG_v64", 202503)] == (2, 4)


def test_updates_replace_and_repeats_are_idempotent(engine: Engine) -> None:
    with engine.begin() as conn:
        on_ads_stored(conn, [ad("1", 202503), ad("2", 202503)])
    with engine.begin() as conn:  # the same batch again changes nothing
        on_ads_stored(conn, [ad("1", 202503), ad("2", 202503)])
    with engine.begin() as conn:  # ad 2 moves to another group, län and month
        on_ads_stored(conn, [ad("2", 202504, DEV, MALMO, SKANE, vacancies=2)])
    d = _demand(engine)
    assert d[("group", NURSE, "region", STOCKHOLM, 202503)] == (1, 1)
    assert d[("group", DEV, "region", SKANE, 202504)] == (1, 2)
    assert ("group", NURSE, "region", STOCKHOLM, 202504) not in d


def test_removal_without_details_keeps_what_was_known(engine: Engine) -> None:
    with engine.begin() as conn:
        on_ads_stored(conn, [ad("1", 202503)])
        on_ads_stored(conn, [{"id": "1", "removed": True, "removed_date": "2025-04-01"}])
    assert _demand(engine)[("group", NURSE, "country", "i46j_HmG_v64", 202503)] == (1, 1)
    with engine.connect() as conn:
        assert conn.execute(select(store.ad_fact.c.removed)).scalar_one() is True


def test_a_duplicate_is_counted_once(engine: Engine) -> None:
    with engine.begin() as conn:
        on_ads_stored(conn, [ad("1", 202503), ad("2", 202503)])
        on_ads_stored(conn, [ad("2", 202503, duplicate_of="1")])
    assert _demand(engine)[("group", NURSE, "country", "i46j_HmG_v64", 202503)] == (1, 1)


def test_recompute_matches_the_incremental_aggregates(engine: Engine) -> None:
    with engine.begin() as conn:
        on_ads_stored(conn, [ad(str(i), 202401 + i % 12, NURSE if i % 2 else DEV,
                                vacancies=1 + i % 3) for i in range(60)])
        on_ads_stored(conn, [ad("5", 202409, DEV, MALMO, SKANE)])
    incremental = _demand(engine)
    recompute(engine)
    assert _demand(engine) == incremental
