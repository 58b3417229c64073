"""A SYNTHETIC multi-year monthly ad history, built from a real annual distribution.

For benchmarks and the forecast backtest only: jobbnav has too few real dated ads for either.
Everything generated is labelled synthetic (ad ids start with `syn-`). Assumptions (docs/market.md):
- the calibration year (default 2024) reproduces, in expectation, the real count of each cell
  (ssyk-level-4 x area) that it is given;
- national seasonality (multiplicative, mean 1): Jan 1.15, Feb 1.10, Mar 1.10, Apr 1.05,
  May 1.00, Jun 0.90, Jul 0.60, Aug 1.05, Sep 1.15, Oct 1.10, Nov 1.00, Dec 0.80; each
  occupation's amplitude is scaled by a factor drawn from U(0.5, 1.5);
- a national business cycle by year (2019 1.00, 2020 0.85 with an extra 30 % fall in
  April-May 2020, 2021 1.05, 2022 1.20, 2023 1.10, 2024 1.00, 2025 0.97, 2026 1.02);
- an occupation trend: log-growth per year drawn from N(0, 0.04);
- counts are negative binomial (Poisson with a gamma(20) multiplier per cell and month).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from jobbnav.market.forecast import month_range

__all__ = ["CYCLE", "SEASON", "monthly_counts", "synthetic_facts"]

SEASON = np.array([1.15, 1.10, 1.10, 1.05, 1.00, 0.90, 0.60, 1.05, 1.15, 1.10, 1.00, 0.80])
SEASON = SEASON / SEASON.mean()
CYCLE = {2019: 1.00, 2020: 0.85, 2021: 1.05, 2022: 1.20, 2023: 1.10, 2024: 1.00, 2025: 0.97,
         2026: 1.02}


def _cycle(months: Sequence[int]) -> np.ndarray:
    out = np.array([CYCLE.get(m // 100, 1.0) for m in months])
    for i, m in enumerate(months):
        if m in (202004, 202005):
            out[i] *= 0.7
    return out


def monthly_counts(cells: Sequence[tuple[str, str, int]], first: int = 201901,
                   last: int = 202610, calibration_year: int = 2024, seed: int = 6,
                   scale: float = 1.0) -> tuple[list[int], np.ndarray]:
    """(months, counts[len(cells), len(months)]) for cells (group id, area id, real count)."""
    rng = np.random.default_rng(seed)
    months = month_range(first, last)
    moy = np.array([m % 100 - 1 for m in months])
    groups = sorted({g for g, _, _ in cells})
    g_index = {g: i for i, g in enumerate(groups)}
    amplitude = rng.uniform(0.5, 1.5, len(groups))
    growth = rng.normal(0.0, 0.04, len(groups))
    years = np.array([(m // 100 - calibration_year) + (m % 100 - 6.5) / 12 for m in months])
    cycle = _cycle(months)
    gi = np.array([g_index[g] for g, _, _ in cells])
    season = 1 + (SEASON[moy][None, :] - 1) * amplitude[gi][:, None]
    shape = season * cycle[None, :] * np.exp(growth[gi][:, None] * years[None, :])
    in_year = np.array([m // 100 == calibration_year for m in months])
    norm = shape[:, in_year].sum(axis=1) if in_year.any() else shape.sum(axis=1) / len(months) * 12
    real = np.array([n for _, _, n in cells], dtype=np.float64) * scale
    mean = shape * (real / np.maximum(norm, 1e-9))[:, None]
    counts = rng.poisson(mean * rng.gamma(20.0, 1 / 20.0, mean.shape))
    return months, counts


def synthetic_facts(cells: Sequence[tuple[str, str, int]], region_of: Callable[[str], str],
                    occupations_of: Callable[[str], Sequence[str]], *, first: int = 201901,
                    last: int = 202610, scale: float = 1.0, seed: int = 6) -> pd.DataFrame:
    """One row per synthetic ad (the fact-table columns), cells at municipality level."""
    rng = np.random.default_rng(seed + 1)
    months, counts = monthly_counts(cells, first, last, seed=seed, scale=scale)
    cell_idx, month_idx = np.nonzero(counts)
    repeats = counts[cell_idx, month_idx]
    cell_of_ad = np.repeat(cell_idx, repeats)
    month_of_ad = np.asarray(months)[np.repeat(month_idx, repeats)]
    group = np.array([g for g, _, _ in cells], dtype=object)[cell_of_ad]
    municipality = np.array([a for _, a, _ in cells], dtype=object)[cell_of_ad]
    region_map = {a: region_of(a) for a in set(municipality.tolist())}
    names: dict[str, Sequence[str]] = {g: occupations_of(g) for g in set(group.tolist())}
    picks = rng.random(len(group))
    occupation = [names[g][int(p * len(names[g]))] if names[g] else ""
                  for g, p in zip(group, picks, strict=True)]
    vacancies = 1 + rng.poisson(0.3, len(group))
    return pd.DataFrame({
        "ad_id": [f"syn-{i}" for i in range(len(group))], "month": month_of_ad,
        "occupation_id": occupation, "group_id": group, "field_id": "",
        "municipality_id": municipality,
        "region_id": [region_map[m] for m in municipality], "vacancies": vacancies,
        "removed": False})
