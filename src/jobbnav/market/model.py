"""Market types: levels, the rows the services hand out, and their vocabularies."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "AREA_LEVELS",
    "CHANCES",
    "COUNTRY_ID",
    "DIRECTIONS",
    "OCC_LEVELS",
    "AdFact",
    "Forecast",
    "Rating",
]

# The JobTech concept id of Sverige (type country): the id of the country-level area.
COUNTRY_ID = "i46j_HmG_v64"

OccLevel = Literal["name", "group", "field", "all"]
AreaLevel = Literal["municipality", "region", "country"]
OCC_LEVELS: tuple[OccLevel, ...] = ("name", "group", "field", "all")
AREA_LEVELS: tuple[AreaLevel, ...] = ("municipality", "region", "country")
ALL_OCCUPATIONS = "all"

CHANCES = ("små", "medelstora", "stora")
DIRECTIONS = ("minska", "vara oförändrad", "öka")


@dataclass(frozen=True, slots=True)
class AdFact:
    """One ad's contribution: published in `month` (yyyymm), `vacancies` places."""

    ad_id: str
    month: int
    occupation_id: str | None
    group_id: str | None
    field_id: str | None
    municipality_id: str | None
    region_id: str | None
    vacancies: int
    removed: bool = False

    def as_row(self) -> dict[str, Any]:
        return {"ad_id": self.ad_id, "month": self.month, "occupation_id": self.occupation_id,
                "group_id": self.group_id, "field_id": self.field_id,
                "municipality_id": self.municipality_id, "region_id": self.region_id,
                "vacancies": self.vacancies, "removed": self.removed}


@dataclass(slots=True)
class Forecast:
    """A monthly forecast with an 80 % band, plus the history it was fitted on."""

    history_months: list[int]
    history: list[float]
    months: list[int]
    point: list[float]
    lower: list[float]
    upper: list[float]
    method: str
    params: dict[str, float] = field(default_factory=dict)

    def annual(self, year_ahead: int) -> dict[str, float]:
        """Sum over the `year_ahead`-th 12 months (1 = next 12 months)."""
        lo, hi = 12 * (year_ahead - 1), 12 * year_ahead
        return {"ads": round(sum(self.point[lo:hi]), 1),
                "lower": round(sum(self.lower[lo:hi]), 1),
                "upper": round(sum(self.upper[lo:hi]), 1)}


@dataclass(frozen=True, slots=True)
class Rating:
    group_id: str
    region_id: str
    chance: str | None
    direction: str | None
    basis: str  # "tightness" | "demand" | "country-fallback"
    fallback: str | None  # why the country figure was used, when it was
    ads_12m: int
    seekers: int | None
    tightness: float | None
    growth_5y: float | None = None
