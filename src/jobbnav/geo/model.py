"""Geography types: what the reader produces and what the services hand out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "COUNTRY_ID",
    "MUNICIPALITY_CODE_FIELD",
    "NUTS3_2013",
    "NUTS3_2013_FIELD",
    "REGION_CODE_FIELD",
    "CommuteVerdict",
    "GeoImportReport",
    "LocalityRecord",
    "MunicipalityRecord",
    "ParsedGeography",
    "Place",
    "PlaceKind",
    "ReachResult",
    "ReachedPlace",
    "RegionRecord",
    "TravelEstimate",
    "TravelMode",
]

# JobTech's concept id of Sverige (type country), the broader concept of every län.
COUNTRY_ID = "i46j_HmG_v64"
# JobTech's code field names (the public Taxonomy API's `taxonomy/lau-2-code-2015` …).
MUNICIPALITY_CODE_FIELD = "lau-2-code-2015"
REGION_CODE_FIELD = "national-nuts-level-3-code-2019"
NUTS3_2013_FIELD = "nuts-level-3-code-2013"
# Eurostat's NUTS 2013 level-3 code of each län, by its national code (SCB länskod). The source
# files carry only the national code, so the (public, standard) table lives here.
NUTS3_2013: dict[str, str] = {
    "01": "SE110", "03": "SE121", "04": "SE122", "05": "SE123", "18": "SE124", "19": "SE125",
    "06": "SE211", "07": "SE212", "08": "SE213", "09": "SE214", "10": "SE221", "12": "SE224",
    "13": "SE231", "14": "SE232", "17": "SE311", "20": "SE312", "21": "SE313", "22": "SE321",
    "23": "SE322", "24": "SE331", "25": "SE332",
}

PlaceKind = Literal["locality", "municipality", "region", "postcode"]
TravelMode = Literal["car", "public-transport"]


@dataclass(frozen=True, slots=True)
class RegionRecord:
    code: str  # "01"
    concept_id: str
    name: str  # "Stockholms län"
    short_name: str  # "Stockholm"


@dataclass(frozen=True, slots=True)
class MunicipalityRecord:
    code: str  # "0180"
    concept_id: str
    name: str  # "Stockholm"
    full_name: str  # "Stockholms kommun"
    region_code: str


@dataclass(frozen=True, slots=True)
class LocalityRecord:
    label: str
    municipality_code: str
    lat: float | None  # None where the source gives no usable coordinates (0, 0)
    lon: float | None


@dataclass
class ParsedGeography:
    """Everything one import read and validated, before anything is written."""

    regions: dict[str, RegionRecord] = field(default_factory=dict)
    municipalities: dict[str, MunicipalityRecord] = field(default_factory=dict)
    localities: list[LocalityRecord] = field(default_factory=list)
    postcodes: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (town, kommun)
    # (source locality index, target locality index) → (km, relevance)
    links: dict[tuple[int, int], tuple[float, str]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    report: dict[str, Any] = field(default_factory=dict)


@dataclass
class GeoImportReport:
    unchanged: bool
    taxonomy_version: int | None
    regions: int = 0
    municipalities: int = 0
    localities: int = 0
    localities_without_coordinates: int = 0
    postcodes: int = 0
    links: int = 0
    concepts_added: int = 0
    concepts_changed: int = 0
    concepts_deprecated: int = 0
    files: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place with the coordinates travel is computed from."""

    kind: PlaceKind
    id: str  # concept id (municipality/region), locality id "loc-<n>", or the postcode
    label: str
    lat: float
    lon: float
    municipality_code: str | None = None
    municipality: str | None = None
    region_code: str | None = None
    region: str | None = None
    # How the coordinates were chosen when the place has none of its own (e.g. a locality
    # without coordinates uses its municipality's point); None when they are its own.
    approximation: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "label": self.label, "lat": self.lat,
                "lon": self.lon, "municipality_code": self.municipality_code,
                "municipality": self.municipality, "region_code": self.region_code,
                "region": self.region, "approximation": self.approximation}


@dataclass(frozen=True, slots=True)
class TravelEstimate:
    origin: Place
    destination: Place
    mode: TravelMode
    straight_km: float
    road_km: float
    minutes: float

    def as_dict(self) -> dict[str, Any]:
        return {"from": self.origin.as_dict(), "to": self.destination.as_dict(),
                "mode": self.mode, "straight_km": round(self.straight_km, 2),
                "road_km": round(self.road_km, 2), "minutes": round(self.minutes, 1)}


@dataclass(frozen=True, slots=True)
class ReachedPlace:
    kind: Literal["locality", "municipality"]
    id: str
    label: str
    municipality_code: str
    minutes: float
    straight_km: float
    via: str | None = None  # for a municipality: its nearest reached locality


@dataclass(frozen=True, slots=True)
class ReachResult:
    origin: Place
    minutes: float
    mode: TravelMode
    localities: list[ReachedPlace]
    municipalities: list[ReachedPlace]


@dataclass(frozen=True, slots=True)
class CommuteVerdict:
    home: Place
    work: Place
    mode: TravelMode
    work_hours: float
    one_way_minutes: float
    max_one_way_minutes: float
    daily_absence_minutes: float
    within: bool
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"home": self.home.as_dict(), "work": self.work.as_dict(), "mode": self.mode,
                "work_hours": self.work_hours, "one_way_minutes": round(self.one_way_minutes, 1),
                "max_one_way_minutes": round(self.max_one_way_minutes, 1),
                "daily_absence_minutes": round(self.daily_absence_minutes, 1),
                "within": self.within, "reason": self.reason}
