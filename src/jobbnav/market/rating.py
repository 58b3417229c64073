"""The Yrkesbarometer-style rating per ssyk-level-4 x län, from jobbnav's own data only.

Chance of work (små / medelstora / stora):
- where job seekers are known (cell not suppressed): tightness = vacancies in the last 12 months
  per active job seeker; >= 1.0 stora, >= 0.4 medelstora, else små;
- otherwise from demand alone: the occupation's national rank by ads in the last 12 months
  (top 40 % stora, next 30 % medelstora, rest små), moved one step up in a län where the
  occupation's share of ads is >= 1.25x its national share and one step down where <= 0.8x.
5-year direction (minska / vara oförändrad / öka): ads forecast for year 5 against the last 12
months, beyond +-10 %.
Thin data: a län cell with fewer than MIN_ADS ads (and no supply) or too short a history takes
the country's value and says so in `fallback`. The published barometer is never read here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from jobbnav.market.forecast import fit, predict
from jobbnav.market.model import CHANCES, COUNTRY_ID, Rating

__all__ = ["RatingInput", "RatingRules", "rate"]


@dataclass(frozen=True, slots=True)
class RatingRules:
    tight_high: float = 1.0
    tight_mid: float = 0.4
    top_share: float = 0.4
    mid_share: float = 0.3
    lq_up: float = 1.25
    lq_down: float = 0.8
    min_ads: int = 10
    min_ads_forecast: int = 30
    min_months_forecast: int = 24
    change: float = 0.10


@dataclass(slots=True)
class RatingInput:
    cells: list[tuple[str, str]]  # (group_id, region_id incl. COUNTRY_ID)
    ads_12m: dict[tuple[str, str], int]
    vacancies_12m: dict[tuple[str, str], int]
    region_total_12m: dict[str, int]  # all occupations per region (and country)
    seekers: dict[tuple[str, str], int | None]  # None = suppressed; absent = unknown
    history: np.ndarray | None  # (len(cells), T) monthly ads, same order as cells
    first_month: int


def _step(chance: str, by: int) -> str:
    return CHANCES[min(max(CHANCES.index(chance) + by, 0), 2)]


def _national_rank(data: RatingInput, rules: RatingRules) -> dict[str, str]:
    national = {g: data.ads_12m.get((g, COUNTRY_ID), 0) for g, r in data.cells if r == COUNTRY_ID}
    ranked = sorted((g for g, n in national.items() if n > 0), key=lambda g: -national[g])
    out: dict[str, str] = {}
    for i, group in enumerate(ranked):
        share = i / max(len(ranked), 1)
        out[group] = ("stora" if share < rules.top_share
                      else "medelstora" if share < rules.top_share + rules.mid_share else "små")
    return out


def _directions(data: RatingInput, rules: RatingRules) -> dict[tuple[str, str], float]:
    if data.history is None or data.history.shape[1] < rules.min_months_forecast:
        return {}
    keep = [i for i, cell in enumerate(data.cells)
            if data.ads_12m.get(cell, 0) >= rules.min_ads_forecast]
    if not keep:
        return {}
    history = data.history[keep]
    point, _, _ = predict(fit(history, data.first_month), 60)
    last = history[:, -12:].sum(axis=1)
    growth = point[:, 48:60].sum(axis=1) / np.maximum(last, 1) - 1
    return {data.cells[i]: float(g) for i, g in zip(keep, growth, strict=True)}


def rate(data: RatingInput, rules: RatingRules | None = None) -> list[Rating]:
    rules = rules or RatingRules()
    national_rank = _national_rank(data, rules)
    growth = _directions(data, rules)
    nat_total = max(data.region_total_12m.get(COUNTRY_ID, 0), 1)

    def direction_of(cell: tuple[str, str]) -> str | None:
        g = growth.get(cell)
        if g is None:
            return None
        return "öka" if g > rules.change else "minska" if g < -rules.change else "vara oförändrad"

    def own(cell: tuple[str, str]) -> tuple[str | None, str, float | None]:
        group, region = cell
        ads = data.ads_12m.get(cell, 0)
        seekers = data.seekers.get(cell)
        if seekers:
            t = data.vacancies_12m.get(cell, 0) / seekers
            chance = ("stora" if t >= rules.tight_high
                      else "medelstora" if t >= rules.tight_mid else "små")
            return chance, "tightness", round(t, 3)
        base = national_rank.get(group)
        if base is None or ads < rules.min_ads:
            return None, "demand", None
        if region == COUNTRY_ID:
            return base, "demand", None
        national_share = data.ads_12m.get((group, COUNTRY_ID), 0) / nat_total
        region_share = ads / max(data.region_total_12m.get(region, 0), 1)
        lq = region_share / national_share if national_share else 1.0
        step = 1 if lq >= rules.lq_up else -1 if lq <= rules.lq_down else 0
        return _step(base, step), "demand", None

    country: dict[str, tuple[str | None, str, float | None]] = {
        g: own((g, r)) for g, r in data.cells if r == COUNTRY_ID}
    out = []
    for cell in data.cells:
        group, region = cell
        chance, basis, tightness = own(cell)
        direction = direction_of(cell)
        notes = []
        if chance is None and region != COUNTRY_ID:
            chance, basis, tightness = country.get(group, (None, "demand", None))
            notes.append(f"only {data.ads_12m.get(cell, 0)} ads in 12 months in this län and no "
                         f"job-seeker count: the country's chance of work is shown")
            basis = "country-fallback"
        if direction is None and region != COUNTRY_ID:
            direction = direction_of((group, COUNTRY_ID))
            if direction is not None:
                notes.append("too little history in this län for a forecast: the country's "
                             "5-year direction is shown")
        seekers = data.seekers.get(cell)
        out.append(Rating(group_id=group, region_id=region, chance=chance, direction=direction,
                          basis=basis, fallback="; ".join(notes) or None,
                          ads_12m=data.ads_12m.get(cell, 0), seekers=seekers,
                          tightness=tightness, growth_5y=growth.get(cell)))
    return out
