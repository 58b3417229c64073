"""The travel model: distances, times, their inverse, and the 12-hour daily absence rule."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobbnav.errors import InvalidInput
from jobbnav.geo.travel import (
    MODELS,
    ROAD_FACTOR,
    commute_reason,
    haversine_km,
    max_one_way_minutes,
    model_for,
)


def test_haversine_known_distance() -> None:
    # One degree of latitude is 111.2 km on the mean-radius sphere.
    assert haversine_km(59.0, 18.0, 60.0, 18.0) == pytest.approx(111.19, abs=0.01)
    assert haversine_km(59.0, 18.0, 59.0, 18.0) == 0.0
    many = haversine_km(59.0, 18.0, np.array([60.0, 59.0]), np.array([18.0, 18.0]))
    assert many.tolist() == pytest.approx([111.19, 0.0], abs=0.01)


def test_car_time_is_fixed_time_plus_bands() -> None:
    car = MODELS["car"]
    assert car.minutes(0.0) == car.fixed_minutes
    # 8 km straight = 10 km road: 5 km at 30 km/h (10 min) + 5 km at 60 km/h (5 min).
    assert car.minutes(10.0 / ROAD_FACTOR) == pytest.approx(car.fixed_minutes + 15.0)


@given(st.floats(0, 2000), st.floats(0, 2000))
def test_time_grows_with_distance(a: float, b: float) -> None:
    # Distances closer than a metre are the same place to a traveller (and to floating point).
    for model in MODELS.values():
        if a + 0.001 < b:
            assert model.minutes(a) < model.minutes(b)
        if a <= b:
            assert model.minutes(a) <= model.minutes(b)


@given(st.floats(0, 3000))
def test_inverse_gives_the_distance_back(minutes: float) -> None:
    for model in MODELS.values():
        km = model.straight_km_within(minutes)
        if minutes < model.fixed_minutes:
            assert km < 0
        else:
            assert model.minutes(km) == pytest.approx(minutes, rel=1e-9, abs=1e-6)


def test_public_transport_is_slower_than_car_for_commuting_distances() -> None:
    for km in (5.0, 30.0, 80.0):
        assert MODELS["public-transport"].minutes(km) > MODELS["car"].minutes(km)


def test_unknown_mode_names_the_field() -> None:
    with pytest.raises(InvalidInput) as err:
        model_for("bike")
    assert err.value.field == "mode"


def test_twelve_hour_rule() -> None:
    assert max_one_way_minutes(8) == 120.0  # (12 − 8) h / 2 trips
    assert max_one_way_minutes(10) == 60.0
    within, reason = commute_reason(120.0, 8, "Uppsala", "Stockholm", "car")
    assert within and "12 h" in reason and "2 h 00 min" in reason
    within, reason = commute_reason(121.0, 8, "Uppsala", "Stockholm", "car")
    assert not within and "beyond" in reason
    for hours in (0, 12, 13, -1):
        with pytest.raises(InvalidInput) as err:
            max_one_way_minutes(hours)
        assert err.value.field == "work-hours"
