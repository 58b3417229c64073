"""Trend and forecast for one occupation x area, refused where the series cannot carry them.

A trend field is null, with the reason under `trend.notes`, when the history is shorter than
its window or the window is too sparse. A forecast needs MIN_FORECAST_MONTHS of history and
MIN_FORECAST_ADS_12M ads in the last 12 months with few empty months; where the asked area's
series falls short, the län (for a municipality) and then the country are tried, and the answer
says so under `fallback`; where none qualifies, the forecast is null with the reason under
`unavailable`. Nothing is capped.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Connection, Engine, select

from jobbnav.db import get_engine
from jobbnav.market import queries, store
from jobbnav.market.facts import Resolver
from jobbnav.market.forecast import fit, month_range, predict, trend_per_year
from jobbnav.market.model import COUNTRY_ID, Forecast

__all__ = ["MIN_FORECAST_ADS_12M", "MIN_FORECAST_MONTHS", "forecast", "forecast_problem",
           "trend"]

MIN_FORECAST_MONTHS = 24  # two seasonal cycles; from less, year 5 is extrapolated noise
MIN_FORECAST_ADS_12M = 30  # the same floor as the rating's 5-year direction
MAX_EMPTY_SHARE = 1 / 3  # of the last 24 months
TREND_MIN_ADS_PER_MONTH = 2.0
TREND_MAX_EMPTY_SHARE = 1 / 3
METHOD = "log1p + seasonal indices + damped-trend ETS(A,Ad,N); 80 % band"
TREND_METHOD = ("log-linear fit to the seasonally adjusted monthly ads of exactly the window, "
                "as growth per year")

Series = NDArray[np.float64]


def _sparse(window: Series) -> str | None:
    months, total, empty = len(window), float(window.sum()), int((window == 0).sum())
    if total < TREND_MIN_ADS_PER_MONTH * months or empty > TREND_MAX_EMPTY_SHARE * months:
        return (f"too sparse: {total:.0f} ads and {empty} months without ads in the last "
                f"{months} months (needs >= {TREND_MIN_ADS_PER_MONTH:.0f} ads a month on average "
                f"and at most a third of the months empty)")
    return None


def trend(ads: Series, first_month: int) -> dict[str, Any]:
    """Trend fields for a monthly series starting at yyyymm `first_month`; null + note where
    the history is shorter than the window or too sparse."""
    n = len(ads)
    notes: dict[str, str] = {}
    out: dict[str, Any] = {"months_of_history": n}
    if n >= 12:
        out["last_12_months"] = float(ads[-12:].sum())
    else:
        out["last_12_months"] = None
        notes["last_12_months"] = f"only {n} months of history"
    prev = float(ads[-24:-12].sum()) if n >= 24 else None
    out["change_vs_previous_12"] = (round(out["last_12_months"] / prev - 1, 3)
                                    if prev else None)
    if prev is None:
        notes["change_vs_previous_12"] = (f"only {n} months of history; needs 24" if n < 24
                                          else "no ads in the previous 12 months")
    for window in (12, 36):
        name = f"per_year_over_{window}_months"
        needed = max(window, 24)
        reason = None
        if n < needed:
            reason = f"only {n} months of history; needs {needed}" + (
                " (24 to take the season out of a 12-month trend)" if window < 24 else "")
        else:
            reason = _sparse(ads[-window:])
        value = None if reason else float(trend_per_year(ads[None, :], window, first_month)[0])
        out[name] = round(value, 3) if value is not None and np.isfinite(value) else None
        if reason:
            notes[name] = reason
    out["method"] = TREND_METHOD
    out["notes"] = notes
    return out


def forecast_problem(ads: Series) -> str | None:
    """Why this series cannot carry a forecast; None when it can."""
    n = len(ads)
    if n < MIN_FORECAST_MONTHS:
        return f"only {n} months of history; a forecast needs {MIN_FORECAST_MONTHS}"
    last12 = float(ads[-12:].sum())
    if last12 < MIN_FORECAST_ADS_12M:
        return (f"only {last12:.0f} ads in the last 12 months; a forecast needs "
                f"{MIN_FORECAST_ADS_12M}")
    empty = int((ads[-24:] == 0).sum())
    if empty > MAX_EMPTY_SHARE * 24:
        return f"{empty} of the last 24 months without ads; too sparse for a forecast"
    return None


def _region_of(conn: Connection, municipality: str) -> str | None:
    region = Resolver(conn.engine).region_of(municipality)
    if not region:
        f = store.ad_fact.c
        region = conn.execute(select(f.region_id).where(
            f.municipality_id == municipality, f.region_id != "").limit(1)).scalar() or ""
    return region or None


def _larger_areas(conn: Connection, where: tuple[str, str]) -> list[tuple[str, str]]:
    chain = []
    if where[0] == "municipality" and (region := _region_of(conn, where[1])):
        chain.append(("region", region))
    if where[0] != "country":
        chain.append(("country", COUNTRY_ID))
    return chain


def _fit(ads: Series, months: list[int]) -> tuple[Forecast, dict[str, Any]]:
    history, hist_months = ads[-60:], months[-60:]
    model = fit(history[None, :], hist_months[0])
    point, lower, upper = predict(model, 60)
    future = month_range(*_next_months(hist_months[-1], 60))
    fc = Forecast(history_months=hist_months, history=[float(x) for x in history],
                  months=future, point=[float(x) for x in point[0]],
                  lower=[float(x) for x in lower[0]], upper=[float(x) for x in upper[0]],
                  method=METHOD,
                  params={"alpha": float(model.alpha[0]), "beta": float(model.beta[0]),
                          "phi": float(model.phi[0]), "sigma": float(model.sigma[0])})
    return fc, fc.params


def _next_months(last: int, count: int) -> tuple[int, int]:
    months = month_range(last, last + 100 * (count // 12 + 2))
    return months[1], months[count]


def forecast(occupation: str | None = None, area: str | None = None, *,
             engine: Engine | None = None) -> dict[str, Any]:
    """Trend over the last 12 and 36 months and a 1- and 5-year forecast with an 80 % band."""
    engine = engine or get_engine()
    key = ("forecast", str(engine.url), occupation, area)
    hit, cached = queries.cached(key)
    if hit:
        return dict(cached)
    with engine.connect() as conn:
        occ = queries.resolve_occupation(conn, occupation)
        where = queries.resolve_area(conn, area)
        span = queries.window(conn)
        months = month_range(*span) if span else []
        ads = np.zeros(0)
        if span:
            months, ads, _ = queries.monthly(conn, occ, where, span)
        problems = []
        chosen: tuple[tuple[str, str], Series] | None = None
        for candidate in [where, *_larger_areas(conn, where)]:
            series = ads if candidate == where else queries.monthly(conn, occ, candidate,
                                                                    span)[1] if span else ads
            problem = forecast_problem(series)
            if problem is None:
                chosen = (candidate, series)
                break
            problems.append(f"{queries.label(engine, candidate[1])}: {problem}")
    result: dict[str, Any] = {
        "occupation": queries.described(engine, *occ), "area": queries.described(engine, *where),
        "trend": trend(ads, months[0] if months else 0),
        "history": [{"month": queries.month_text(m), "ads": int(a)}
                    for m, a in zip(months[-60:], ads[-60:], strict=True)],
        "method": METHOD, "params": None, "forecast_area": None, "fallback": None,
        "unavailable": None, "year_1": None, "year_5": None, "forecast": []}
    if chosen is None:
        result["unavailable"] = "no forecast: " + "; ".join(problems)
    else:
        fc, params = _fit(chosen[1], months)
        result.update({
            "params": params, "forecast_area": queries.described(engine, *chosen[0]),
            "year_1": fc.annual(1), "year_5": fc.annual(5),
            "forecast": [{"month": queries.month_text(m), "ads": round(p, 2),
                          "lower": round(lo, 2), "upper": round(hi, 2)}
                         for m, p, lo, hi in zip(fc.months, fc.point, fc.lower, fc.upper,
                                                 strict=True)]})
        if problems:
            result["fallback"] = ("; ".join(problems) + f" — the forecast is for "
                                  f"{result['forecast_area']['label']} instead")
            result["history"] = [{"month": queries.month_text(m), "ads": int(a)} for m, a in
                                 zip(fc.history_months, fc.history, strict=True)]
    queries.remember(key, result)
    return dict(result)
