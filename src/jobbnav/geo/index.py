"""An in-memory read model of the geography: lookups by id/code/name and coordinate arrays.

Loaded once per process from the geo tables, reloaded when a newer geography import appears
(checked at most once a second). Travel and reach work on its numpy arrays.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Engine, func, select

from jobbnav.db.read_model import ReadModelCache
from jobbnav.geo.store import geo_import, geo_locality, geo_municipality, geo_postcode, geo_region
from jobbnav.taxonomy.normalize import ascii_fold

__all__ = ["GeoIndex", "Locality", "Municipality", "Region", "get_geo_index", "invalidate"]


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    concept_id: str
    name: str
    short_name: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str
    concept_id: str
    name: str
    full_name: str
    region_code: str
    lat: float
    lon: float
    centroid_source: str


@dataclass(frozen=True, slots=True)
class Locality:
    position: int
    label: str
    municipality_code: str
    lat: float | None
    lon: float | None

    @property
    def key(self) -> str:
        """Stable public id: "<kommunkod>:<label>", e.g. "1280:Malmö"."""
        return f"{self.municipality_code}:{self.label}"


@dataclass
class GeoIndex:
    version: int
    regions: dict[str, Region] = field(default_factory=dict)
    municipalities: dict[str, Municipality] = field(default_factory=dict)
    localities: list[Locality] = field(default_factory=list)
    postcodes: dict[str, tuple[str, str]] = field(default_factory=dict)
    by_concept: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (kind, code)
    localities_by_name: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    localities_by_key: dict[str, int] = field(default_factory=dict)
    municipality_by_name: dict[str, str] = field(default_factory=dict)
    region_by_name: dict[str, str] = field(default_factory=dict)
    # Localities with coordinates, as arrays for vectorised distance: position, lat, lon.
    positions: NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    lat: NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    lon: NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))

    @property
    def empty(self) -> bool:
        return not self.municipalities

    @classmethod
    def load(cls, engine: Engine) -> GeoIndex:
        index = cls(version=_latest_version(engine))
        with engine.connect() as conn:
            for row in conn.execute(select(geo_region).order_by(geo_region.c.code)):
                index.regions[row.code] = Region(row.code, row.concept_id, row.name,
                                                 row.short_name, row.lat, row.lon)
                index.by_concept[row.concept_id] = ("region", row.code)
            for row in conn.execute(select(geo_municipality).order_by(geo_municipality.c.code)):
                index.municipalities[row.code] = Municipality(
                    row.code, row.concept_id, row.name, row.full_name, row.region_code,
                    row.lat, row.lon, row.centroid_source)
                index.by_concept[row.concept_id] = ("municipality", row.code)
            for row in conn.execute(select(geo_locality).order_by(geo_locality.c.id)):
                index.localities.append(Locality(len(index.localities), row.label,
                                                 row.municipality_code, row.lat, row.lon))
            for row in conn.execute(select(geo_postcode)):
                index.postcodes[row.code] = (row.postal_town, row.municipality_code)
        for region in index.regions.values():
            index.region_by_name[ascii_fold(region.name)] = region.code
            index.region_by_name.setdefault(ascii_fold(region.short_name), region.code)
        for m in index.municipalities.values():
            index.municipality_by_name[ascii_fold(m.name)] = m.code
            index.municipality_by_name[ascii_fold(m.full_name)] = m.code
        with_coords = []
        for loc in index.localities:
            index.localities_by_name[ascii_fold(loc.label)].append(loc.position)
            index.localities_by_key[ascii_fold(loc.key)] = loc.position
            if loc.lat is not None and loc.lon is not None:
                with_coords.append((loc.position, loc.lat, loc.lon))
        if with_coords:
            index.positions = np.array([p[0] for p in with_coords], dtype=np.int64)
            index.lat = np.array([p[1] for p in with_coords], dtype=np.float64)
            index.lon = np.array([p[2] for p in with_coords], dtype=np.float64)
        return index


def _latest_version(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.max(geo_import.c.id))).scalar() or 0)


_models: ReadModelCache[GeoIndex] = ReadModelCache(
    GeoIndex.load, _latest_version, lambda model: model.version)


def get_geo_index(engine: Engine) -> GeoIndex:
    return _models.get(engine)


def invalidate(engine: Engine | None = None) -> None:
    """Forget the cached index (after an import in this process)."""
    _models.invalidate(engine)
