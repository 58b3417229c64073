"""Gather demand, supply and history from the store, rate every ssyk-level-4 x län, save."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import numpy as np
from sqlalchemy import Connection, Engine, and_, delete, func, insert, select

from jobbnav.market import store
from jobbnav.market.forecast import month_range
from jobbnav.market.model import ALL_OCCUPATIONS, COUNTRY_ID
from jobbnav.market.rating import RatingInput, RatingRules, rate

__all__ = ["compute_ratings", "window"]


def window(conn: Connection, today: date | None = None) -> tuple[int, int] | None:
    """First and last complete month of the live ad history (None when there are no ads).

    The current calendar month is still filling up, so the window ends before it."""
    d = store.demand.c
    first, last = conn.execute(select(func.min(d.month), func.max(d.month)).where(
        d.occ_level == "all", d.occupation_id == ALL_OCCUPATIONS, d.area_level == "country",
        d.area_id == COUNTRY_ID)).one()
    if first is None:
        return None
    today = today or date.today()
    current = today.year * 100 + today.month
    if last >= current:
        last = current - 1 if current % 100 != 1 else current - 89  # previous month
    return (first, last) if first <= last else None


def _live_input(conn: Connection, span: tuple[int, int]) -> RatingInput:
    months = month_range(*span)
    recent = set(months[-12:])
    position = {m: i for i, m in enumerate(months)}
    d = store.demand.c
    rows = conn.execute(select(d.occupation_id, d.area_level, d.area_id, d.month, d.ads,
                               d.vacancies).where(
        d.occ_level.in_(["group", "all"]), d.area_level.in_(["region", "country"]),
        d.month >= span[0], d.month <= span[1])).all()
    ads: dict[tuple[str, str], int] = defaultdict(int)
    vac: dict[tuple[str, str], int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    series: dict[tuple[str, str], np.ndarray] = {}
    for occ, _level, area, month, n, v in rows:
        if occ == ALL_OCCUPATIONS:
            if month in recent:
                totals[area] += n
            continue
        cell = (occ, area)
        if cell not in series:
            series[cell] = np.zeros(len(months))
        series[cell][position[month]] += n
        if month in recent:
            ads[cell] += n
            vac[cell] += v
    cells = sorted(series)
    history = np.stack([series[c] for c in cells]) if cells else None
    return RatingInput(cells=cells, ads_12m=dict(ads), vacancies_12m=dict(vac),
                       region_total_12m=dict(totals), seekers={}, history=history,
                       first_month=span[0])


def _baseline_input(conn: Connection) -> RatingInput | None:
    """Without live ads: the latest imported annual counts, and no history (no direction)."""
    b = store.baseline.c
    year = conn.execute(select(func.max(b.year))).scalar_one()
    if year is None:
        return None
    rows = conn.execute(select(b.group_id, b.area_id, b.ads).where(
        b.year == year, b.area_level.in_(["region", "country"]))).all()
    ads = {(g, a): n for g, a, n in rows}
    totals: dict[str, int] = defaultdict(int)
    for (_g, a), n in ads.items():
        totals[a] += n
    return RatingInput(cells=sorted(ads), ads_12m=ads, vacancies_12m=dict(ads),
                       region_total_12m=dict(totals), seekers={}, history=None,
                       first_month=year * 100 + 1)


def compute_ratings(engine: Engine, rules: RatingRules | None = None,
                    today: date | None = None) -> int:
    with engine.connect() as conn:
        span = window(conn, today)
        data = _live_input(conn, span) if span else _baseline_input(conn)
        if data is None:
            data = RatingInput([], {}, {}, {}, {}, None, 0)
        s = store.supply.c
        for occ, area, seekers, suppressed in conn.execute(
                select(s.occupation_id, s.area_id, s.seekers, s.suppressed).where(and_(
                    s.occ_level == "group", s.area_level.in_(["region", "country"])))):
            data.seekers[(occ, area)] = None if suppressed else seekers
        known = set(data.cells)
        extra = [c for c in data.seekers if c not in known]
        if extra:  # occupations with job seekers but no ads still get a rating
            data.cells = [*data.cells, *extra]
            if data.history is not None:
                data.history = np.vstack([data.history,
                                          np.zeros((len(extra), data.history.shape[1]))])
    ratings = rate(data, rules) if data.cells else []
    with engine.begin() as conn:
        conn.execute(delete(store.rating))
        if ratings:
            conn.execute(insert(store.rating), [
                {"group_id": r.group_id, "region_id": r.region_id, "chance": r.chance,
                 "direction": r.direction, "basis": r.basis, "fallback": r.fallback,
                 "ads_12m": r.ads_12m, "seekers": r.seekers, "tightness": r.tightness,
                 "growth_5y": r.growth_5y} for r in ratings])
    return len(ratings)
