"""The JobSearch `/search` parameters as one Pydantic model, named as the public API names them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["LIST_PARAMS", "SORTS", "STATS_FIELDS", "SearchParams"]

SORTS = ("relevance", "pubdate-desc", "pubdate-asc", "applydate-desc", "applydate-asc")
STATS_FIELDS = ("occupation-name", "occupation-group", "occupation-field", "country",
                "municipality", "region")
Sort = Literal["relevance", "pubdate-desc", "pubdate-asc", "applydate-desc", "applydate-asc"]
StatsField = Literal["occupation-name", "occupation-group", "occupation-field", "country",
                     "municipality", "region"]


class SearchParams(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid", frozen=True)

    q: str | None = Field(None, max_length=1000)
    occupation_name: list[str] = Field(default_factory=list, alias="occupation-name")
    occupation_group: list[str] = Field(default_factory=list, alias="occupation-group")
    occupation_field: list[str] = Field(default_factory=list, alias="occupation-field")
    skill: list[str] = Field(default_factory=list)
    language: list[str] = Field(default_factory=list)
    municipality: list[str] = Field(default_factory=list)
    region: list[str] = Field(default_factory=list)
    country: list[str] = Field(default_factory=list)
    employer: list[str] = Field(default_factory=list)
    published_after: datetime | None = Field(None, alias="published-after")
    published_before: datetime | None = Field(None, alias="published-before")
    remote: bool | None = None
    experience: bool | None = None
    driving_license_required: bool | None = Field(None, alias="driving-license-required")
    parttime_min: int | None = Field(None, ge=0, le=100, alias="parttime.min")
    parttime_max: int | None = Field(None, ge=0, le=100, alias="parttime.max")
    position: list[str] = Field(default_factory=list)
    position_radius: list[float] = Field(default_factory=list, alias="position.radius")
    sort: Sort = "relevance"
    offset: int = Field(0, ge=0)
    limit: int = Field(10, ge=0, le=100)
    stats: list[StatsField] = Field(default_factory=list)
    stats_limit: int = Field(5, ge=1, le=100, alias="stats.limit")
    historical: bool = False
    cursor: str | None = Field(None, max_length=2000)

    @field_validator("published_after", "published_before", mode="before")
    @classmethod
    def _minutes_ago(cls, value: object) -> object:
        # JobSearch also accepts a number of minutes back from now.
        if isinstance(value, str) and value.isdigit():
            return datetime.now(UTC) - timedelta(minutes=int(value))
        return value

    @field_validator("position")
    @classmethod
    def _lat_lon(cls, values: list[str]) -> list[str]:
        for value in values:
            parts = value.split(",")
            try:
                lat, lon = (float(p) for p in parts)
            except ValueError:
                raise ValueError(f"{value!r} is not 'latitude,longitude'") from None
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"{value!r} is outside the globe")
        return values

    @field_validator("position_radius")
    @classmethod
    def _radius(cls, values: list[float]) -> list[float]:
        if any(not 0 < v <= 2000 for v in values):
            raise ValueError("radius must be between 0 and 2000 km")
        return values


LIST_PARAMS = frozenset(
    (f.alias or name) for name, f in SearchParams.model_fields.items()
    if f.default_factory is list)
