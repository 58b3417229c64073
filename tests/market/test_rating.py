from __future__ import annotations

import numpy as np

from jobbnav.market.model import COUNTRY_ID
from jobbnav.market.rating import RatingInput, rate


def _input(seekers: dict[tuple[str, str], int | None]) -> RatingInput:
    cells = [("big", COUNTRY_ID), ("big", "R1"), ("big", "R2"), ("small", COUNTRY_ID),
             ("small", "R1"), ("mid", COUNTRY_ID)]
    ads = {("big", COUNTRY_ID): 1000, ("big", "R1"): 900, ("big", "R2"): 3,
           ("small", COUNTRY_ID): 20, ("small", "R1"): 20, ("mid", COUNTRY_ID): 100}
    history = np.vstack([np.full(36, ads[c] / 12) for c in cells])
    return RatingInput(cells=cells, ads_12m=ads, vacancies_12m=ads,
                       region_total_12m={COUNTRY_ID: 1120, "R1": 920, "R2": 3},
                       seekers=seekers, history=history, first_month=202201)


def test_thin_län_falls_back_to_the_country_and_says_so() -> None:
    out = {(r.group_id, r.region_id): r for r in rate(_input({}))}
    thin = out[("big", "R2")]
    assert thin.basis == "country-fallback" and "country" in (thin.fallback or "")
    assert thin.chance == out[("big", COUNTRY_ID)].chance == "stora"
    # of three groups ranked by ads, the last sits at 67 %: below the top 40 %, within 70 %
    assert out[("small", COUNTRY_ID)].chance == "medelstora"
    assert out[("big", COUNTRY_ID)].direction == "vara oförändrad"  # flat history


def test_tightness_decides_where_job_seekers_are_known() -> None:
    out = {(r.group_id, r.region_id): r for r in rate(_input({("small", "R1"): 10,
                                                              ("big", "R1"): 5000}))}
    assert out[("small", "R1")].chance == "stora" and out[("small", "R1")].tightness == 2.0
    assert out[("big", "R1")].chance == "små" and out[("big", "R1")].basis == "tightness"
