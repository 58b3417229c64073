"""Supply: active job seekers per occupation x area, counts only, small cells suppressed.

The counts come from the people domain (`active_job_seeker_counts`: occupation id, municipality
id, count — no personal data). As official statistics do, a cell below `min_cell` seekers is
published as suppressed (NULL), at every level, and further cells are suppressed where a hidden
one could otherwise be recovered from a published total (`suppression`), so no small group can
be singled out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Engine, delete, insert

from jobbnav.market import store
from jobbnav.market.facts import Resolver
from jobbnav.market.model import ALL_OCCUPATIONS, COUNTRY_ID
from jobbnav.market.suppression import groups_of, suppress

__all__ = ["DEFAULT_MIN_CELL", "job_seeker_counts", "refresh_supply", "supply_cells"]

DEFAULT_MIN_CELL = 5


def job_seeker_counts(engine: Engine) -> list[tuple[str, str, int]]:
    """The people domain's counts; empty when that domain is not installed."""
    import importlib

    try:
        people = importlib.import_module("jobbnav.people.service")
    except ImportError:
        return []
    counter = getattr(people, "active_job_seeker_counts", None)
    if counter is None:
        return []
    return [(str(o), str(m), int(n)) for o, m, n in counter(engine=engine)]


def supply_cells(counts: Iterable[tuple[str, str, int]], resolver: Resolver,
                 occupation_type: dict[str, str], min_cell: int
                 ) -> list[dict[str, object]]:
    """Roll counts up to name/group/all x municipality/region/country, then suppress."""
    cells: dict[tuple[str, str, str, str], int] = defaultdict(int)
    occ_parent: dict[tuple[str, str], tuple[str, str]] = {}
    area_parent: dict[tuple[str, str], tuple[str, str]] = {}
    everyone, country = ("all", ALL_OCCUPATIONS), ("country", COUNTRY_ID)
    for occupation, municipality, count in counts:
        if count <= 0:
            continue
        kind = occupation_type.get(occupation, "occupation-name")
        group = occupation if kind == "ssyk-level-4" else resolver.group_of(occupation)
        occs = [everyone]
        if group:
            occs.append(("group", group))
            occ_parent[("group", group)] = everyone
        if kind == "occupation-name":
            occs.append(("name", occupation))
            occ_parent[("name", occupation)] = ("group", group) if group else everyone
        region = resolver.region_of(municipality) if municipality else ""
        areas = [country]
        if municipality:
            areas.append(("municipality", municipality))
            area_parent[("municipality", municipality)] = (
                ("region", region) if region else country)
        if region:
            areas.append(("region", region))
            area_parent[("region", region)] = country
        for occ_level, occ_id in occs:
            for area_level, area_id in areas:
                cells[(occ_level, occ_id, area_level, area_id)] += count
    primary, secondary = suppress(cells, groups_of(cells, occ_parent, area_parent), min_cell)
    hidden = primary | secondary
    return [{"occ_level": k[0], "occupation_id": k[1], "area_level": k[2], "area_id": k[3],
             "seekers": None if k in hidden else n, "suppressed": k in hidden}
            for k, n in cells.items()]


def refresh_supply(engine: Engine, min_cell: int = DEFAULT_MIN_CELL) -> int:
    counts = job_seeker_counts(engine)
    resolver = Resolver(engine)
    types: dict[str, str] = {}
    idx = resolver.taxonomy_index()
    if idx is not None:
        types = {o: idx.concepts[o].type for o, _, _ in counts if o in idx.concepts}
    rows = supply_cells(counts, resolver, types, min_cell)
    with engine.begin() as conn:
        conn.execute(delete(store.supply))
        if rows:
            conn.execute(insert(store.supply), rows)
    return len(rows)
