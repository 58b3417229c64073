"""The travel model: straight-line distance and an estimated door-to-door travel time.

Pure functions over numbers (scalars or numpy arrays); see docs/geo.md for the assumptions.

    road_km   = ROAD_FACTOR × great-circle km
    minutes   = fixed access/egress minutes + Σ over distance bands (km in band / band speed)

The bands make the time a continuous, strictly increasing function of distance, so "places within
N minutes" grows monotonically with N and can be answered by inverting the function once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import overload

import numpy as np
from numpy.typing import NDArray

from jobbnav.errors import InvalidInput
from jobbnav.geo.model import TravelMode

__all__ = [
    "DAILY_ABSENCE_HOURS",
    "EARTH_RADIUS_KM",
    "MODELS",
    "ROAD_FACTOR",
    "TravelModel",
    "commute_reason",
    "haversine_km",
    "max_one_way_minutes",
    "model_for",
]

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
# Road network detour over the great circle. The distances in tatorter_distance.json are
# straight-line (their median ratio to our haversine is 0.996), so they cannot fit this factor;
# 1.25 is an assumption within the range reported for road circuity (docs/geo.md).
ROAD_FACTOR = 1.25
# IAFFS 2024:1 (mission F): at most 12 hours away from home per day, work plus travel.
DAILY_ABSENCE_HOURS = 12.0


@dataclass(frozen=True, slots=True)
class TravelModel:
    mode: TravelMode
    fixed_minutes: float  # getting to the vehicle/stop, waiting, parking, walking to the door
    # (upper end of band in road km, speed km/h); the last band is open-ended.
    bands: tuple[tuple[float, float], ...]

    def _knots(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        km, minutes = [0.0], [self.fixed_minutes]
        for upper, speed in self.bands:
            minutes.append(minutes[-1] + (upper - km[-1]) / speed * 60.0)
            km.append(upper)
        return np.array(km), np.array(minutes)

    @overload
    def minutes(self, straight_km: float) -> float: ...
    @overload
    def minutes(self, straight_km: NDArray[np.float64]) -> NDArray[np.float64]: ...

    def minutes(self, straight_km: float | NDArray[np.float64]
                ) -> float | NDArray[np.float64]:
        """Door-to-door minutes for a straight-line distance (scalar or array)."""
        km, minutes = self._knots()
        road = np.asarray(straight_km, dtype=np.float64) * ROAD_FACTOR
        last_speed = self.bands[-1][1]
        result = np.where(road <= km[-1], np.interp(road, km, minutes),
                          minutes[-1] + (road - km[-1]) / last_speed * 60.0)
        return float(result) if np.ndim(result) == 0 else result

    def straight_km_within(self, minutes: float) -> float:
        """The largest straight-line distance reachable in `minutes` (inverse of `minutes`)."""
        km, knots = self._knots()
        if minutes < knots[0]:
            return -1.0  # not even the fixed access time fits: nothing is reachable
        if minutes <= knots[-1]:
            road = float(np.interp(minutes, knots, km))
        else:
            road = float(km[-1] + (minutes - knots[-1]) * self.bands[-1][1] / 60.0)
        return road / ROAD_FACTOR


MODELS: dict[str, TravelModel] = {
    # Car: town streets, then roads between towns, then main roads and motorways.
    "car": TravelModel("car", fixed_minutes=10.0,
                       bands=((5.0, 30.0), (20.0, 60.0), (100.0, 80.0), (1e9, 95.0))),
    # Public transport: walk + wait, city bus, regional bus, regional train, intercity train.
    "public-transport": TravelModel("public-transport", fixed_minutes=20.0,
                                    bands=((5.0, 18.0), (30.0, 40.0), (150.0, 70.0),
                                           (1e9, 100.0))),
}


def model_for(mode: str) -> TravelModel:
    try:
        return MODELS[mode]
    except KeyError:
        raise InvalidInput(f"unknown travel mode {mode!r}; one of {', '.join(MODELS)}",
                           field="mode") from None


@overload
def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float: ...
@overload
def haversine_km(lat1: float, lon1: float, lat2: NDArray[np.float64],
                 lon2: NDArray[np.float64]) -> NDArray[np.float64]: ...


def haversine_km(lat1: float, lon1: float, lat2: float | NDArray[np.float64],
                 lon2: float | NDArray[np.float64]) -> float | NDArray[np.float64]:
    """Great-circle distance in km from one point to one point or to an array of points."""
    p1, l1 = np.radians(lat1), np.radians(lon1)
    p2, l2 = np.radians(lat2), np.radians(lon2)
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2) ** 2
    result = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(h, 1.0)))
    return float(result) if np.ndim(result) == 0 else result


def max_one_way_minutes(work_hours: float) -> float:
    """The longest one-way trip the 12-hour rule allows: (12 h − working hours) / 2 trips."""
    if not 0 < work_hours < DAILY_ABSENCE_HOURS:
        raise InvalidInput(f"daily working hours must be above 0 and below "
                           f"{DAILY_ABSENCE_HOURS:g}, got {work_hours:g}", field="work-hours")
    return (DAILY_ABSENCE_HOURS - work_hours) * 60.0 / 2.0


def _hm(minutes: float) -> str:
    total = round(minutes)
    return f"{total // 60} h {total % 60:02d} min" if total >= 60 else f"{total} min"


def commute_reason(one_way: float, work_hours: float, home: str, work: str,
                   mode: TravelMode) -> tuple[bool, str]:
    """Whether the trip fits the 12-hour rule, and why, in words a case worker can check."""
    limit = max_one_way_minutes(work_hours)
    absence = work_hours * 60.0 + 2 * one_way
    within = one_way <= limit
    verdict = "within" if within else "beyond"
    return within, (
        f"{work} is {verdict} daily commuting distance of {home} by {mode}: estimated "
        f"{_hm(one_way)} each way, so {work_hours:g} h work + 2 × {_hm(one_way)} travel = "
        f"{_hm(absence)} away from home per day, "
        f"{'at most' if within else 'more than'} {DAILY_ABSENCE_HOURS:g} h "
        f"(longest allowed one-way trip: {_hm(limit)})")
