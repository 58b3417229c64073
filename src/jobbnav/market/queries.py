"""Market services, read side: demand, tightness, shortage, forecast, barometer, salary."""

from __future__ import annotations

import re
import time
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine, func, select

from jobbnav.db import get_engine
from jobbnav.errors import InvalidInput, NotFound
from jobbnav.market import barometer as published
from jobbnav.market import store
from jobbnav.market.forecast import month_range
from jobbnav.market.freshness import ensure_fresh, forget, freshness
from jobbnav.market.model import ALL_OCCUPATIONS, COUNTRY_ID
from jobbnav.market.ratings_job import window as _window

__all__ = ["barometer", "cached", "clear_caches", "demand", "demand_by_region", "described",
           "forecast", "label", "month_text", "monthly", "remember", "report", "resolve_area",
           "resolve_occupation", "salary", "shortage", "tightness"]

_SSYK4 = re.compile(r"^\d{4}$")
_OCC_TYPES = {"occupation-name": "name", "ssyk-level-4": "group", "occupation-field": "field"}
_AREA_TYPES = {"municipality": "municipality", "region": "region", "country": "country"}
# Writes in this process clear the cache at once; writes by another process (`jobbnav ads
# import` while `jobbnav serve` runs) cannot, so every entry also expires after CACHE_SECONDS.
CACHE_SECONDS = 60.0
_CACHE_MAX = 4096
_cache: dict[tuple[Any, ...], tuple[float, Any]] = {}


def clear_caches() -> None:
    _cache.clear()
    forget()


def cached(key: tuple[Any, ...]) -> tuple[bool, Any]:
    entry = _cache.get(key)
    if entry is None or entry[0] < time.monotonic():
        return False, None
    return True, entry[1]


def remember(key: tuple[Any, ...], value: Any) -> None:
    if len(_cache) >= _CACHE_MAX:
        _cache.clear()
    _cache[key] = (time.monotonic() + CACHE_SECONDS, value)


def window(conn: Connection) -> tuple[int, int] | None:
    """The live window, cached for CACHE_SECONDS or until the next update in this process."""
    key = ("window", str(conn.engine.url))
    hit, value = cached(key)
    if not hit:
        value = _window(conn)
        remember(key, value)
    result: tuple[int, int] | None = value
    return result


def _index(engine: Engine) -> Any:
    try:
        from jobbnav.taxonomy.service import index

        return index(engine)
    except Exception:  # no taxonomy loaded: ids are shown without labels
        return None


def label(engine: Engine, concept_id: str) -> str:
    if concept_id == ALL_OCCUPATIONS:
        return "Alla yrken"
    if concept_id == COUNTRY_ID:
        return "Sverige"
    idx = _index(engine)
    concept = idx.concepts.get(concept_id) if idx is not None else None
    return str(concept.preferred_label) if concept is not None else concept_id


def month_text(month: int) -> str:
    return f"{month // 100:04d}-{month % 100:02d}"


def resolve_occupation(conn: Connection, occupation: str | None) -> tuple[str, str]:
    """(level, id) for a concept id of an occupation-name, ssyk-level-4 or occupation-field, or
    a 4-digit SSYK 2012 code; None = all occupations."""
    if occupation is None or occupation in ("", ALL_OCCUPATIONS):
        return "all", ALL_OCCUPATIONS
    idx = _index(conn.engine)
    if _SSYK4.match(occupation):
        if idx is not None:
            for cid in idx.by_type.get("ssyk-level-4", ()):
                if idx.concepts[cid].codes.get("ssyk-code-2012") == occupation:
                    return "group", str(cid)
        sal = conn.execute(select(store.salary.c.group_id).where(
            store.salary.c.ssyk_code == occupation)).scalar()
        if sal:
            return "group", str(sal)
        raise NotFound(f"no ssyk-level-4 group with SSYK code {occupation!r}", field="occupation")
    concept = idx.concepts.get(occupation) if idx is not None else None
    if concept is not None and concept.type in _OCC_TYPES:
        return _OCC_TYPES[concept.type], occupation
    if concept is not None:
        raise InvalidInput(f"{occupation!r} is a {concept.type}, not an occupation-name, "
                           "ssyk-level-4 or occupation-field", field="occupation")
    by_label = _occupation_by_label(conn.engine, occupation) if idx is not None else None
    if by_label is not None:
        return by_label
    d = store.demand.c
    level = None
    for candidate in ("group", "name", "field"):  # each probe is a primary-key prefix look-up
        if conn.execute(select(d.month).where(d.occ_level == candidate,
                                              d.occupation_id == occupation).limit(1)
                        ).first() is not None:
            level = candidate
            break
    if level is None and conn.execute(select(store.baseline.c.group_id).where(
            store.baseline.c.group_id == occupation).limit(1)).scalar():
        level = "group"
    if level is None:
        raise NotFound(f"no occupation {occupation!r}: give a concept id, a 4-digit SSYK code "
                       "or an occupation label", field="occupation")
    return str(level), occupation


def _occupation_by_label(engine: Engine, text: str) -> tuple[str, str] | None:
    """An occupation by its preferred label (case-insensitive); a group wins over a name with
    the same label, a name over a field; two of one kind is ambiguous."""
    from jobbnav.taxonomy.service import find_by_label

    found = find_by_label(text, types=list(_OCC_TYPES), engine=engine)
    for kind in ("ssyk-level-4", "occupation-name", "occupation-field"):
        same = sorted(c.id for c in found if c.type == kind)
        if len(same) > 1:
            raise InvalidInput(f"{text!r} names {len(same)} {kind} concepts "
                               f"({', '.join(same)}): give the concept id", field="occupation")
        if same:
            return _OCC_TYPES[kind], same[0]
    return None


def _area_by_name(engine: Engine, text: str, field: str) -> tuple[str, str] | None:
    """A län or municipality by name or code through the geography service ("Stockholm",
    "Stockholms län", "01", "0180"). For `region` the län is tried first, else the
    municipality (so "Stockholm" is the län in one and the kommun in the other)."""
    try:
        from jobbnav.geo import service as geo
    except ImportError:
        return None
    order = ["region", "municipality"] if field == "region" else ["municipality", "region"]
    for level in order:
        try:
            found = (geo.region(text, engine=engine) if level == "region"
                     else geo.municipality(text, engine=engine))
        except NotFound:
            continue
        except Exception:  # geography not imported (no tables): ids only
            return None
        return level, str(found.concept_id)
    return None


def resolve_area(conn: Connection, area: str | None, field: str = "area") -> tuple[str, str]:
    """(level, id) for a municipality or län concept id, name or code; None = the country."""
    if area is None or area in ("", COUNTRY_ID, "SE", "country"):
        return "country", COUNTRY_ID
    idx = _index(conn.engine)
    concept = idx.concepts.get(area) if idx is not None else None
    if concept is not None and concept.type in _AREA_TYPES:
        return _AREA_TYPES[concept.type], area
    if concept is not None:
        raise InvalidInput(f"{area!r} is a {concept.type}, not a municipality or region",
                           field=field)
    named = _area_by_name(conn.engine, area, field)
    if named is not None:
        return named
    d = store.demand.c
    level = conn.execute(select(d.area_level).where(d.area_level.in_(
        ["municipality", "region"]), d.area_id == area).limit(1)).scalar()
    if level is None:
        level = conn.execute(select(store.baseline.c.area_level).where(
            store.baseline.c.area_id == area).limit(1)).scalar()
    if level is None:
        raise NotFound(f"no municipality or län {area!r}: give a concept id, a name "
                       "(\"Stockholms län\", \"Solna\") or a code (\"01\", \"0184\")",
                       field=field)
    return str(level), area


def monthly(conn: Connection, occ: tuple[str, str], area: tuple[str, str],
             span: tuple[int, int]) -> tuple[list[int], np.ndarray, np.ndarray]:
    months = month_range(*span)
    pos = {m: i for i, m in enumerate(months)}
    ads, vac = np.zeros(len(months)), np.zeros(len(months))
    d = store.demand.c
    for month, n, v in conn.execute(select(d.month, d.ads, d.vacancies).where(
            d.occ_level == occ[0], d.occupation_id == occ[1], d.area_level == area[0],
            d.area_id == area[1], d.month >= span[0], d.month <= span[1])):
        ads[pos[month]], vac[pos[month]] = n, v
    return months, ads, vac


def described(engine: Engine, level: str, cid: str) -> dict[str, str]:
    return {"id": cid, "level": level, "label": label(engine, cid)}


def demand(occupation: str | None = None, area: str | None = None, *,
           engine: Engine | None = None) -> dict[str, Any]:
    """Monthly ads and vacancies for one occupation x area, and the imported annual baseline."""
    engine = engine or get_engine()
    with engine.connect() as conn:
        occ, where = resolve_occupation(conn, occupation), resolve_area(conn, area)
        span = window(conn)
        months: list[int] = []
        ads = vac = np.zeros(0)
        if span:
            months, ads, vac = monthly(conn, occ, where, span)
        b = store.baseline.c
        base = [] if occ[0] not in ("group", "all") else conn.execute(
            select(b.year, func.sum(b.ads)).where(
                b.area_level == where[0], b.area_id == where[1],
                *([] if occ[0] == "all" else [b.group_id == occ[1]])).group_by(b.year)).all()
    return {"occupation": described(engine, *occ), "area": described(engine, *where),
            "months": [{"month": month_text(m), "ads": int(a), "vacancies": int(v)}
                       for m, a, v in zip(months, ads, vac, strict=True)],
            "baseline": [{"year": y, "ads": int(n), "kind": "published annual count"}
                         for y, n in base]}


def demand_by_region(occupation: str | None = None, *, engine: Engine | None = None
                     ) -> dict[str, Any]:
    """Ads per län in the last 12 months of live data, or the latest baseline year."""
    engine = engine or get_engine()
    with engine.connect() as conn:
        occ = resolve_occupation(conn, occupation)
        span = window(conn)
        d = store.demand.c
        rows: Any = []
        basis = "no data"
        if span:
            start = month_range(*span)[-12:][0]
            rows = conn.execute(select(d.area_id, func.sum(d.ads), func.sum(d.vacancies)).where(
                d.occ_level == occ[0], d.occupation_id == occ[1], d.area_level == "region",
                d.month >= start, d.month <= span[1]).group_by(d.area_id)).all()
            basis = f"ads {month_text(start)}–{month_text(span[1])}"
        b = store.baseline.c
        if not rows and occ[0] in ("group", "all"):
            year = conn.execute(select(func.max(b.year))).scalar()
            if year is not None:
                rows = conn.execute(select(b.area_id, func.sum(b.ads), func.sum(b.ads)).where(
                    b.year == year, b.area_level == "region",
                    *([] if occ[0] == "all" else [b.group_id == occ[1]])).group_by(b.area_id)
                ).all()
                basis = f"published ad counts {year}"
    regions: list[dict[str, Any]] = [
        {"region": described(engine, "region", r), "ads": int(n), "vacancies": int(v)}
        for r, n, v in sorted(rows, key=lambda row: -int(row[1]))]
    return {"occupation": described(engine, *occ), "basis": basis, "regions": regions}


def tightness(occupation: str | None = None, area: str | None = None, *, level: str = "group",
              limit: int = 50, engine: Engine | None = None) -> dict[str, Any]:
    """Vacancies in the last 12 months per active job seeker, per occupation in one area."""
    engine = engine or get_engine()
    if level not in ("name", "group", "field"):
        raise InvalidInput("level must be name, group or field", field="level")
    ensure_fresh(engine)
    with engine.connect() as conn:
        where = resolve_area(conn, area)
        occ = resolve_occupation(conn, occupation) if occupation else (level, None)
        span = window(conn)
        d, s = store.demand.c, store.supply.c
        demand_rows: dict[str, tuple[int, int]] = {}
        if span:
            start = month_range(*span)[-12:][0]
            q = select(d.occupation_id, func.sum(d.ads), func.sum(d.vacancies)).where(
                d.occ_level == occ[0], d.area_level == where[0], d.area_id == where[1],
                d.month >= start, d.month <= span[1])
            if occ[1] is not None:
                q = q.where(d.occupation_id == occ[1])
            demand_rows = {o: (int(a), int(v)) for o, a, v in
                           conn.execute(q.group_by(d.occupation_id))}
        q2 = select(s.occupation_id, s.seekers, s.suppressed).where(
            s.occ_level == occ[0], s.area_level == where[0], s.area_id == where[1])
        if occ[1] is not None:
            q2 = q2.where(s.occupation_id == occ[1])
        supply = {o: (n, sup) for o, n, sup in conn.execute(q2)}
    rows = []
    for oid in set(demand_rows) | set(supply):
        ads, vac = demand_rows.get(oid, (0, 0))
        seekers, suppressed = supply.get(oid, (None, False))
        ratio = round(vac / seekers, 3) if seekers else None
        rows.append({"occupation": described(engine, occ[0], oid), "ads_12m": ads,
                     "vacancies_12m": vac, "job_seekers": seekers,
                     "suppressed": bool(suppressed), "tightness": ratio,
                     "shortage": ratio is not None and ratio >= 1.0})
    rows.sort(key=lambda r: (r["tightness"] is None, -(r["tightness"] or 0), -r["vacancies_12m"]))
    return {"area": described(engine, *where), "level": occ[0], "rows": rows[:limit],
            "total": len(rows)}


def shortage(region: str | None = None, *, limit: int = 20, engine: Engine | None = None
             ) -> list[dict[str, Any]]:
    """Occupations ranked by chance of work in a län (or the country): the shortage table."""
    engine = engine or get_engine()
    order = {"stora": 0, "medelstora": 1, "små": 2, None: 3}
    ensure_fresh(engine)
    with engine.connect() as conn:
        where = resolve_area(conn, region, field="region")
        if where[0] == "municipality":
            raise InvalidInput("ratings are per län or the country", field="region")
        r = store.rating.c
        rows = conn.execute(select(store.rating).where(r.region_id == where[1])).all()
    ranked = sorted(rows, key=lambda x: (order.get(x.chance, 3), -(x.tightness or 0),
                                         -x.ads_12m))
    return [{"occupation": described(engine, "group", x.group_id), "chance": x.chance,
             "direction": x.direction, "tightness": x.tightness, "ads_12m": x.ads_12m,
             "job_seekers": x.seekers, "basis": x.basis, "fallback": x.fallback}
            for x in ranked[:limit]]


def forecast(occupation: str | None = None, area: str | None = None, *,
             engine: Engine | None = None) -> dict[str, Any]:
    """Trend and 1- and 5-year forecast (see `outlook.forecast`)."""
    from jobbnav.market.outlook import forecast as outlook_forecast

    return outlook_forecast(occupation, area, engine=engine)


def barometer(occupation: str | None = None, region: str | None = None, *,
              engine: Engine | None = None) -> dict[str, Any]:
    """jobbnav's rating per ssyk-level-4 x län, with the published barometer beside it."""
    engine = engine or get_engine()
    ensure_fresh(engine)
    with engine.connect() as conn:
        occ = resolve_occupation(conn, occupation) if occupation else ("group", None)
        if occ[0] != "group":
            raise InvalidInput("ratings are per ssyk-level-4 group (or its SSYK code)",
                               field="occupation")
        where = resolve_area(conn, region, field="region") if region else ("region", None)
        if where[0] == "municipality":
            raise InvalidInput("ratings are per län or the country", field="region")
        r = store.rating.c
        q = select(store.rating)
        if occ[1] is not None:
            q = q.where(r.group_id == occ[1])
        if where[1] is not None:
            q = q.where(r.region_id == where[1])
        rows = conn.execute(q.order_by(r.group_id, r.region_id).limit(5000)).all()
        out = [{"occupation": described(engine, "group", x.group_id),
                "region": described(engine, "region", x.region_id),
                "chance": x.chance, "direction": x.direction, "basis": x.basis,
                "fallback": x.fallback, "ads_12m": x.ads_12m, "job_seekers": x.seekers,
                "tightness": x.tightness, "growth_5y": x.growth_5y,
                "published": published.published_for(conn, x.group_id, x.region_id)}
               for x in rows]
        summary = published.agreement(conn) if occ[1] is None and where[1] is None else None
        as_of = freshness(conn)
    return {"ratings": out, "agreement": summary, "freshness": as_of,
            "source": "computed from jobbnav's own ads and job-seeker counts; `published` is "
                      "Arbetsförmedlingen's Yrkesbarometer, shown for comparison only"}


def salary(occupation: str | None = None, *, engine: Engine | None = None
           ) -> list[dict[str, Any]]:
    """Monthly salary P10 / median / P90 (SEK) per ssyk-level-4; null where not published."""
    engine = engine or get_engine()
    with engine.connect() as conn:
        s = store.salary.c
        q = select(store.salary).order_by(s.ssyk_code)
        if occupation:
            if _SSYK4.match(occupation):
                q = q.where(s.ssyk_code == occupation)
            else:
                level, gid = resolve_occupation(conn, occupation)
                if level != "group":
                    raise InvalidInput("salaries are per ssyk-level-4 group (or SSYK code)",
                                       field="occupation")
                q = q.where(s.group_id == gid)
        rows = conn.execute(q).all()
    if occupation and not rows:
        raise NotFound(f"no salary figures for {occupation!r}", field="occupation")
    return [{"ssyk_code": x.ssyk_code, "occupation": (
        described(engine, "group", x.group_id) if x.group_id else None),
             "p10": x.p10, "median": x.median, "p90": x.p90, "source": x.source}
            for x in rows]


def report(occupation: str, region: str | None = None, *, engine: Engine | None = None
           ) -> dict[str, Any]:
    """Everything about one occupation in one län (or the country), for the CLI."""
    engine = engine or get_engine()
    with engine.connect() as conn:  # names resolved once, the län before the kommun
        occupation = resolve_occupation(conn, occupation)[1]
        region = resolve_area(conn, region, field="region")[1] if region else None
    out: dict[str, Any] = {"demand": demand(occupation, region, engine=engine)}
    occ_level = out["demand"]["occupation"]["level"]
    out["tightness"] = tightness(occupation, region, engine=engine)["rows"]
    fc = forecast(occupation, region, engine=engine)
    out["forecast"] = {k: fc[k] for k in ("trend", "year_1", "year_5", "method", "forecast_area",
                                          "fallback", "unavailable")}
    if occ_level == "group":
        out["rating"] = barometer(occupation, region or COUNTRY_ID, engine=engine)["ratings"]
        try:
            out["salary"] = salary(occupation, engine=engine)
        except NotFound:
            out["salary"] = []
    return out


