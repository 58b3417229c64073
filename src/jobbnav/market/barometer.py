"""The published Yrkesbarometer beside jobbnav's rating, and how often the two agree.

The barometer rates `barometer-occupation` concepts; jobbnav rates ssyk-level-4 groups. They
meet through `market_barometer_map` (taxonomy `related` edges or an imported mapping file).
A barometer occupation covering several groups is compared with the rating of its group with
the most ads in the last 12 months. Nothing here feeds the rating: it is read after the fact.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import Connection, select

from jobbnav.market import store
from jobbnav.market.model import COUNTRY_ID

__all__ = ["agreement", "published_for"]


def _ratings(conn: Connection) -> dict[tuple[str, str], tuple[str | None, str | None, int]]:
    r = store.rating.c
    return {(g, reg): (c, d, n) for g, reg, c, d, n in conn.execute(
        select(r.group_id, r.region_id, r.chance, r.direction, r.ads_12m))}


def _mapping(conn: Connection) -> dict[str, list[str]]:
    m = store.barometer_map.c
    out: dict[str, list[str]] = defaultdict(list)
    for bid, gid in conn.execute(select(m.barometer_id, m.group_id)):
        out[bid].append(gid)
    return out


def published_for(conn: Connection, group_id: str, region_id: str) -> list[dict[str, Any]]:
    """Published barometer ratings for the occupations mapped to this group, in this län."""
    m, b = store.barometer_map.c, store.barometer.c
    rows = conn.execute(select(b.barometer_id, b.chance, b.direction, b.source).join(
        store.barometer_map, m.barometer_id == b.barometer_id).where(
        m.group_id == group_id, b.region_id == region_id)).all()
    return [{"barometer_occupation_id": bid, "chance": c, "direction": d, "source": s}
            for bid, c, d, s in rows]


def agreement(conn: Connection) -> dict[str, Any]:
    """Share of län cells where jobbnav's chance (and direction) equals the published one,
    with two reference points computed from the published data itself: one guess for every
    cell, and each occupation's own majority rating across län."""
    b = store.barometer.c
    published = conn.execute(select(b.barometer_id, b.region_id, b.chance, b.direction).where(
        b.region_id != COUNTRY_ID)).all()
    mapping = _mapping(conn)
    ratings = _ratings(conn)
    cells = [(o, r, c, d) for o, r, c, d in published if c is not None]
    out: dict[str, Any] = {"published_cells": len(cells),
                           "mapped_occupations": len(mapping),
                           "barometer_occupations": len({o for o, *_ in cells})}
    if cells:
        top = Counter(c for *_, c, _ in cells).most_common(1)[0]
        out["one_guess"] = {"guess": top[0], "agreement": round(top[1] / len(cells), 3)}
        per_occ: dict[str, Counter[str]] = defaultdict(Counter)
        for o, _, c, _ in cells:
            per_occ[o][c] += 1
        hits = sum(cnt.most_common(1)[0][1] for cnt in per_occ.values())
        out["occupation_majority"] = {"agreement": round(hits / len(cells), 3)}
    compared = chance_hits = direction_compared = direction_hits = 0
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for occupation, region, chance, direction in cells:
        groups = [g for g in mapping.get(occupation, []) if (g, region) in ratings]
        if not groups:
            continue
        best = max(groups, key=lambda g: ratings[(g, region)][2])
        ours_chance, ours_direction, _ = ratings[(best, region)]
        if ours_chance is not None:
            compared += 1
            chance_hits += ours_chance == chance
            confusion[chance][ours_chance] += 1
        if ours_direction is not None and direction is not None:
            direction_compared += 1
            direction_hits += ours_direction == direction
    out["compared_cells"] = compared
    out["chance_agreement"] = round(chance_hits / compared, 3) if compared else None
    out["direction_compared_cells"] = direction_compared
    out["direction_agreement"] = (round(direction_hits / direction_compared, 3)
                                  if direction_compared else None)
    out["confusion"] = {k: dict(v) for k, v in confusion.items()}
    if not mapping:
        out["note"] = ("no barometer-occupation -> ssyk-level-4 mapping is loaded (the taxonomy "
                       "files hold none): import one with `jobbnav market import-baseline DIR "
                       "--barometer-mapping FILE`")
    return out
