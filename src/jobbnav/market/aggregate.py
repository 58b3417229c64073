"""Roll ad facts up to demand per occupation level x area level x month.

`base_counts` is the heavy step and runs unchanged on a pandas or a Dask DataFrame (the Dask
backend hands it a frame read from Parquet); `rollup` turns its (small) result into the rows of
`market_demand`. `contributions` is the same rule for one fact, used by the incremental update.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd

from jobbnav.market.model import ALL_OCCUPATIONS, AREA_LEVELS, COUNTRY_ID, OCC_LEVELS, AdFact

__all__ = [
    "AREA_COLUMN",
    "BASE_KEYS",
    "DEMAND_COLUMNS",
    "FACT_COLUMNS",
    "OCC_COLUMN",
    "base_counts",
    "contributions",
    "rollup",
]

OCC_COLUMN: dict[str, str | None] = {"name": "occupation_id", "group": "group_id",
                                     "field": "field_id", "all": None}
AREA_COLUMN: dict[str, str | None] = {"municipality": "municipality_id", "region": "region_id",
                                      "country": None}
BASE_KEYS = ["month", "occupation_id", "group_id", "field_id", "municipality_id", "region_id"]
FACT_COLUMNS = [*BASE_KEYS, "vacancies"]
DEMAND_COLUMNS = ["occ_level", "occupation_id", "area_level", "area_id", "month", "ads",
                  "vacancies"]


def base_counts(facts: Any) -> Any:
    """Ads and vacancies per distinct (month, occupation ids, area ids): pandas or Dask in/out."""
    counted = facts[FACT_COLUMNS].assign(ads=1)
    return counted.groupby(BASE_KEYS).agg({"ads": "sum", "vacancies": "sum"}).reset_index()


def rollup(base: pd.DataFrame) -> pd.DataFrame:
    """Every occupation level x area level from the base counts; unknown ids ("") are skipped."""
    parts = []
    for occ_level in OCC_LEVELS:
        occ_col = OCC_COLUMN[occ_level]
        for area_level in AREA_LEVELS:
            area_col = AREA_COLUMN[area_level]
            frame = base
            if occ_col is not None:
                frame = frame[frame[occ_col] != ""]
            if area_col is not None:
                frame = frame[frame[area_col] != ""]
            keys = [c for c in (occ_col, area_col) if c is not None] + ["month"]
            summed = frame.groupby(keys, sort=False)[["ads", "vacancies"]].sum().reset_index()
            summed["occ_level"] = occ_level
            summed["area_level"] = area_level
            summed["occupation_id"] = (summed[occ_col] if occ_col else ALL_OCCUPATIONS)
            summed["area_id"] = summed[area_col] if area_col else COUNTRY_ID
            parts.append(summed[DEMAND_COLUMNS])
    if not parts:
        return pd.DataFrame(columns=DEMAND_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    return out[out["ads"] > 0]


def contributions(fact: AdFact) -> Iterator[tuple[str, str, str, str, int]]:
    """The demand keys (occ_level, occupation_id, area_level, area_id, month) one ad counts in."""
    occ_ids = {"name": fact.occupation_id or "", "group": fact.group_id or "",
               "field": fact.field_id or "", "all": ALL_OCCUPATIONS}
    area_ids = {"municipality": fact.municipality_id or "", "region": fact.region_id or "",
                "country": COUNTRY_ID}
    for occ_level in OCC_LEVELS:
        if not occ_ids[occ_level]:
            continue
        for area_level in AREA_LEVELS:
            if area_ids[area_level]:
                yield occ_level, occ_ids[occ_level], area_level, area_ids[area_level], fact.month
