from __future__ import annotations

from market_helpers import NURSE, STOCKHOLM, ad, seasonal_ads
from sqlalchemy import Engine

from jobbnav.market import queries
from jobbnav.market.service import on_ads_stored


def test_short_history_gives_no_trend_or_forecast_and_says_why(engine: Engine) -> None:
    seasonal_ads(engine, 202405, 202510)  # 18 months
    fc = queries.forecast(NURSE, engine=engine)
    trend = fc["trend"]
    assert trend["months_of_history"] == 18
    assert trend["per_year_over_36_months"] is None
    assert "only 18 months" in trend["notes"]["per_year_over_36_months"]
    assert trend["per_year_over_12_months"] is None  # the season cannot be taken out yet
    assert trend["last_12_months"] > 0
    assert fc["year_1"] is None and fc["year_5"] is None and fc["forecast"] == []
    assert "18 months" in fc["unavailable"] and "needs 24" in fc["unavailable"]
    assert len(fc["history"]) == 18


def test_a_sparse_municipality_borrows_its_lan_forecast_and_says_so(engine: Engine) -> None:
    seasonal_ads(engine, 202211, 202510)  # 36 months
    with engine.begin() as conn:  # one ad every third month in a small municipality
        on_ads_stored(conn, [ad(f"s{m}", m, NURSE, "small-muni", STOCKHOLM)
                             for m in (202301, 202304, 202307, 202310, 202501, 202504)])
    fc = queries.forecast(NURSE, "small-muni", engine=engine)
    assert fc["area"]["id"] == "small-muni"
    assert fc["forecast_area"]["id"] == STOCKHOLM
    assert "ads in the last 12 months" in fc["fallback"] and "instead" in fc["fallback"]
    assert fc["unavailable"] is None and len(fc["forecast"]) == 60
    # the band is for the län's ~160 nurse ads a year, not the sparse series: no millions
    assert fc["year_5"]["upper"] < 2000
    trend = fc["trend"]  # the municipality's own trend stays its own, and is refused
    assert trend["per_year_over_12_months"] is None
    assert "too sparse" in trend["notes"]["per_year_over_12_months"]
    assert trend["per_year_over_36_months"] is None


def test_a_full_history_has_both_trends(engine: Engine) -> None:
    seasonal_ads(engine, 202111, 202510)  # 48 months; NURSE is flat
    trend = queries.forecast(NURSE, engine=engine)["trend"]
    assert trend["notes"] == {}
    assert abs(trend["per_year_over_12_months"]) < 0.1
    assert abs(trend["per_year_over_36_months"]) < 0.1
