"""Market services, write side: ads listener, recompute, imports, demo. Reads: `queries`."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select

from jobbnav.db import get_engine
from jobbnav.errors import InvalidInput
from jobbnav.market import baseline as files
from jobbnav.market import store
from jobbnav.market.facts import Resolver
from jobbnav.market.freshness import mark_demand_changed, refresh_derived
from jobbnav.market.maintain import ProgressHook, apply_ads, recompute_demand
from jobbnav.market.queries import (
    barometer,
    clear_caches,
    demand,
    demand_by_region,
    forecast,
    report,
    salary,
    shortage,
    tightness,
)
from jobbnav.market.supply import DEFAULT_MIN_CELL

__all__ = [
    "barometer",
    "demand",
    "demand_by_region",
    "forecast",
    "import_baseline",
    "load_demo",
    "on_ads_stored",
    "recompute",
    "report",
    "salary",
    "shortage",
    "tightness",
]

log = logging.getLogger(__name__)


def on_ads_stored(conn: Connection, ads: list[dict[str, Any]]) -> None:
    """Ads-pipeline listener, called inside each batch transaction: replaces each ad's
    contribution to the demand aggregates (idempotent per ad id), and marks the ratings stale
    (they are rebuilt on the next read; see `freshness`)."""
    apply_ads(conn, ads)
    mark_demand_changed(conn)
    clear_caches()


def recompute(engine: Engine | None = None, *, progress: ProgressHook | None = None,
              min_cell: int = DEFAULT_MIN_CELL) -> dict[str, int]:
    """Rebuild demand from the fact table, refresh supply and the ratings."""
    engine = engine or get_engine()
    hook = progress or (lambda *_: None)
    rows = recompute_demand(engine, hook)
    hook("job-seeker counts, ratings and forecasts", 1, 0)
    derived = refresh_derived(engine, supply=True, min_cell=min_cell)
    hook("job-seeker counts, ratings and forecasts", None, 1)
    clear_caches()
    return {"demand_rows": rows, **derived}


def _group_of_code(engine: Engine) -> Any:
    resolver = Resolver(engine)
    idx = resolver.taxonomy_index()
    by_code: dict[str, str] = {}
    if idx is not None:
        for cid in idx.by_type.get("ssyk-level-4", ()):
            code = idx.concepts[cid].codes.get("ssyk-code-2012")
            if code:
                by_code[code] = cid
    return by_code.get


def import_baseline(directory: Path, *, engine: Engine | None = None,
                    barometer_mapping: Path | None = None,
                    progress: ProgressHook | None = None) -> dict[str, Any]:
    """Import whatever of the market files `directory` holds (see `baseline`); then recompute
    the ratings. Good records are kept, bad ones reported with file, record and problem."""
    engine = engine or get_engine()
    hook = progress or (lambda *_: None)
    if not directory.is_dir():
        raise InvalidInput(f"{directory} is not a directory", field="directory")
    found = {p.name: p for p in directory.glob("*.json")}
    report_ = files.ImportReport()
    wanted = [n for n in found if n.startswith(("ssyk_kommun_annonser_",
                                                 "ssyk_id_region_annonser_"))]
    known = {"barometer_regional.json", "ssyk_salary.json"} & set(found)
    if not wanted and not known:
        raise InvalidInput(f"no market files in {directory} (expected ssyk_kommun_annonser_<year>"
                           ".json, ssyk_id_region_annonser_<year>.json, barometer_regional.json "
                           "or ssyk_salary.json)", field="directory")
    hook("market files", len(wanted) + len(known), 0)
    group_of_code = _group_of_code(engine)
    source = str(directory)
    with engine.begin() as conn:
        for name in sorted(wanted):
            level = "municipality" if name.startswith("ssyk_kommun") else "region"
            rows = files.read_counts(found[name], level, report_)
            years = {r.year for r in rows}
            levels = sorted({r.area_level for r in rows})
            conn.execute(delete(store.baseline).where(store.baseline.c.year.in_(years),
                                                      store.baseline.c.area_level.in_(levels)))
            if rows:
                conn.execute(insert(store.baseline), [
                    {"group_id": r.group_id, "area_level": r.area_level, "area_id": r.area_id,
                     "year": r.year, "ads": r.ads, "source": f"{source}/{name}"} for r in rows])
            hook("market files", None, 1)
        if "barometer_regional.json" in found:
            rows_b = files.read_barometer(found["barometer_regional.json"], report_)
            conn.execute(delete(store.barometer))
            conn.execute(insert(store.barometer), [
                {"barometer_id": o, "region_id": r, "chance": c, "direction": d,
                 "source": f"{source}/barometer_regional.json"} for o, r, c, d in rows_b])
            hook("market files", None, 1)
        if "ssyk_salary.json" in found:
            rows_s = files.read_salary(found["ssyk_salary.json"], report_)
            conn.execute(delete(store.salary))
            conn.execute(insert(store.salary), [
                {"ssyk_code": c, "group_id": group_of_code(c), "p10": a, "median": m,
                 "p90": b, "source": f"{source}/ssyk_salary.json"} for c, a, m, b in rows_s])
            hook("market files", None, 1)
        pairs = _taxonomy_barometer_map(engine)
        if barometer_mapping is not None:
            pairs += [(b, g, str(barometer_mapping)) for b, g in
                      files.read_barometer_mapping(barometer_mapping, report_, group_of_code)]
        if pairs:
            conn.execute(delete(store.barometer_map))
            conn.execute(insert(store.barometer_map), [
                {"barometer_id": b, "group_id": g, "source": s}
                for b, g, s in {(b, g): (b, g, s) for b, g, s in pairs}.values()])
    refresh_derived(engine, supply=False)
    clear_caches()
    return report_.as_dict()


def _taxonomy_barometer_map(engine: Engine) -> list[tuple[str, str, str]]:
    """barometer-occupation -> ssyk-level-4 through the taxonomy's `related` edges, if loaded."""
    resolver = Resolver(engine)
    idx = resolver.taxonomy_index()
    if idx is None:
        return []
    pairs = []
    for bid in idx.by_type.get("barometer-occupation", ()):
        edges = list(idx.outgoing.get(bid, ())) + list(idx.incoming.get(bid, ()))
        for edge in edges:
            other = edge.target_id if edge.source_id == bid else edge.source_id
            concept = idx.concepts.get(other)
            if concept is None or edge.relation_type != "related":
                continue
            group = other if concept.type == "ssyk-level-4" else (
                resolver.group_of(other) if concept.type == "occupation-name" else "")
            if group:
                pairs.append((bid, group, "taxonomy"))
    return pairs


def load_demo(*, engine: Engine | None = None) -> dict[str, Any]:
    """Demo hook, called after the demo ads are loaded: imports the published market files
    from the shared data folder when it is there (read in place, never copied), then
    recomputes every aggregate from the stored ads."""
    from jobbnav.settings import get_settings

    engine = engine or get_engine()
    result: dict[str, Any] = {}
    market_dir = get_settings().shared_data_dir / "market"
    if market_dir.is_dir():
        result["baseline"] = import_baseline(market_dir, engine=engine)["accepted"]
    result.update(recompute(engine))
    with engine.connect() as conn:
        result["ad_facts"] = conn.execute(select(func.count()).select_from(store.ad_fact)
                                          ).scalar_one()
    return result


