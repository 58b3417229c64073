"""Geography services: import, lookups, travel time, reach and the daily commuting rule.

No HTTP and no SQL strings here: the reader parses, the writer persists, the index answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Engine, select

from jobbnav.db import get_engine
from jobbnav.errors import InvalidInput, NotFound
from jobbnav.geo import calibration, places, reader, writer
from jobbnav.geo.index import GeoIndex, Municipality, Region, get_geo_index, invalidate
from jobbnav.geo.model import (
    CommuteVerdict,
    GeoImportReport,
    Place,
    ReachedPlace,
    ReachResult,
    TravelEstimate,
    TravelMode,
)
from jobbnav.geo.store import geo_import
from jobbnav.geo.travel import commute_reason, haversine_km, max_one_way_minutes, model_for
from jobbnav.taxonomy import importer as taxonomy_importer
from jobbnav.taxonomy.index import invalidate as invalidate_taxonomy

__all__ = [
    "commute",
    "geo_index",
    "import_geography",
    "localities_named",
    "max_one_way_minutes",
    "municipalities",
    "municipality",
    "place",
    "postcode",
    "reach",
    "region",
    "region_of",
    "regions",
    "search",
    "travel",
    "warm_up",
]

MAX_REACH_MINUTES = 24 * 60.0
_FAR_KM = 100.0


def geo_index(engine: Engine | None = None) -> GeoIndex:
    return get_geo_index(engine or get_engine())


def warm_up() -> None:
    geo_index()


def import_geography(directory: Path, *, engine: Engine | None = None,
                     progress: taxonomy_importer.ProgressHook | None = None) -> GeoImportReport:
    """Import a geography directory: concepts through the taxonomy importer (versioned), then
    the geo tables in one transaction. Everything is validated before anything is written; a
    re-import of the same files writes nothing."""
    engine = engine or get_engine()
    hook = progress or (lambda *_: None)
    parsed, paths, distance_files = reader.read_geography(directory, hook)
    municipal, regional = writer.centroids(parsed)
    details: dict[str, Any] = dict(parsed.report)
    # Data-quality signal, worth a look: a locality > 100 km from its municipality's point is
    # either in a very large municipality (Idre, Älvdalen) or misplaced in the source (the real
    # platser.json puts an "Ekeby" of Södertälje in Skåne).
    details["localities_far_from_municipality"] = [
        f"{loc.label} ({parsed.municipalities[loc.municipality_code].name})"
        for loc in parsed.localities if loc.lat is not None and loc.lon is not None
        and haversine_km(loc.lat, loc.lon, *municipal[loc.municipality_code][:2]) > _FAR_KM]
    if distance_files is not None:
        details["distance_check"] = calibration.distance_check(parsed, distance_files)
    checksum = reader.checksum(paths)
    source = f"geo:{directory.resolve()}"
    tax_report = taxonomy_importer.import_parsed(engine, writer.to_taxonomy(parsed),
                                                 source=source, checksum=checksum,
                                                 progress=hook)
    invalidate_taxonomy(engine)
    without = sum(1 for loc in parsed.localities if loc.lat is None)
    counts = {"regions": len(parsed.regions), "municipalities": len(parsed.municipalities),
              "localities": len(parsed.localities), "localities_without_coordinates": without,
              "postcodes": len(parsed.postcodes), "links": len(parsed.links)}
    report = GeoImportReport(unchanged=True, taxonomy_version=tax_report.version,
                             concepts_added=tax_report.concepts_added,
                             concepts_changed=tax_report.concepts_changed,
                             concepts_deprecated=tax_report.concepts_deprecated,
                             files=parsed.files, details=details, **counts)
    with engine.begin() as conn:
        last = conn.execute(select(geo_import.c.checksum, geo_import.c.source)
                            .order_by(geo_import.c.id.desc()).limit(1)).first()
        if last is None or (last.checksum, last.source) != (checksum, source[:500]):
            hook("writing geography", 1, 0)
            writer.write_tables(conn, parsed, municipal, regional, source=source,
                                checksum=checksum, counts=counts)
            hook("writing geography", None, 1)
            report.unchanged = False
    report.unchanged = report.unchanged and tax_report.unchanged
    invalidate(engine)
    return report


# --- lookups ---------------------------------------------------------------------------------

def regions(*, engine: Engine | None = None) -> list[Region]:
    return list(geo_index(engine).regions.values())


def municipalities(*, region_code: str | None = None,
                   engine: Engine | None = None) -> list[Municipality]:
    idx = geo_index(engine)
    if region_code is not None and region_code not in idx.regions:
        raise NotFound(f"no county with länskod {region_code!r}", field="region")
    return [m for m in idx.municipalities.values()
            if region_code is None or m.region_code == region_code]


def municipality(key: str, *, engine: Engine | None = None) -> Municipality:
    """A municipality by concept id, kommunkod ("0180") or name ("Stockholm", "Stockholms
    kommun")."""
    idx = geo_index(engine)
    kind_code = idx.by_concept.get(key)
    code = kind_code[1] if kind_code and kind_code[0] == "municipality" else None
    if code is None and key in idx.municipalities:
        code = key
    if code is None:
        from jobbnav.taxonomy.normalize import ascii_fold

        code = idx.municipality_by_name.get(ascii_fold(key))
    if code is None:
        raise NotFound(f"no municipality {key!r}", field="municipality")
    return idx.municipalities[code]


def region(key: str, *, engine: Engine | None = None) -> Region:
    """A county by concept id, länskod ("01") or name ("Stockholms län", "Skåne")."""
    from jobbnav.taxonomy.normalize import ascii_fold

    idx = geo_index(engine)
    kind_code = idx.by_concept.get(key)
    code = kind_code[1] if kind_code and kind_code[0] == "region" else None
    code = code or (key if key in idx.regions else idx.region_by_name.get(ascii_fold(key)))
    if code is None:
        raise NotFound(f"no county {key!r}", field="region")
    return idx.regions[code]


def region_of(municipality_key: str, *, engine: Engine | None = None) -> Region:
    m = municipality(municipality_key, engine=engine)
    return geo_index(engine).regions[m.region_code]


def localities_named(name: str, *, engine: Engine | None = None) -> list[Place]:
    """Every locality with this name (Swedish-aware: case, å/ä/ö typed as a/a/o)."""
    from jobbnav.taxonomy.normalize import ascii_fold

    idx = geo_index(engine)
    return [places.locality_place(idx, idx.localities[p])
            for p in idx.localities_by_name.get(ascii_fold(name), [])]


def postcode(code: str, *, engine: Engine | None = None) -> Place:
    cleaned = code.replace(" ", "")
    if not (cleaned.isdigit() and len(cleaned) == 5):
        raise InvalidInput(f"a postcode has five digits, got {code!r}", field="code")
    return places.resolve_place(geo_index(engine), cleaned, field="code")


def place(text: str, *, field: str = "place", engine: Engine | None = None) -> Place:
    """Any place with its coordinates (see places.resolve_place for what is accepted)."""
    return places.resolve_place(geo_index(engine), text, field=field)


def search(query: str, *, limit: int = 10, engine: Engine | None = None) -> list[Place]:
    return places.search_places(geo_index(engine), query, limit)


# --- travel ----------------------------------------------------------------------------------

def _estimate(origin: Place, destination: Place, mode: TravelMode) -> TravelEstimate:
    model = model_for(mode)
    km = haversine_km(origin.lat, origin.lon, destination.lat, destination.lon)
    from jobbnav.geo.travel import ROAD_FACTOR

    return TravelEstimate(origin, destination, mode, km, km * ROAD_FACTOR, model.minutes(km))


def travel(origin: str, destination: str, *, mode: TravelMode = "car",
           engine: Engine | None = None) -> TravelEstimate:
    model_for(mode)
    idx = geo_index(engine)
    return _estimate(places.resolve_place(idx, origin, field="from"),
                     places.resolve_place(idx, destination, field="to"), mode)


def reach(origin: str, minutes: float, *, mode: TravelMode = "car", limit: int | None = None,
          engine: Engine | None = None) -> ReachResult:
    """Localities and municipalities within `minutes` door-to-door of `origin`, nearest first.

    A municipality is within reach when one of its localities is (named in `via`).
    """
    if not 0 <= minutes <= MAX_REACH_MINUTES:
        raise InvalidInput(f"minutes must be between 0 and {MAX_REACH_MINUTES:g}",
                           field="minutes")
    model = model_for(mode)
    idx = geo_index(engine)
    start = places.resolve_place(idx, origin, field="from")
    km = haversine_km(start.lat, start.lon, idx.lat, idx.lon)
    inside = np.flatnonzero(km <= model.straight_km_within(minutes) + 1e-9)
    order = inside[np.argsort(km[inside], kind="stable")]
    times = model.minutes(km[order]) if len(order) else np.zeros(0)
    found: list[ReachedPlace] = []
    nearest: dict[str, ReachedPlace] = {}
    for i, t in zip(order.tolist(), times.tolist(), strict=True):
        loc = idx.localities[int(idx.positions[i])]
        hit = ReachedPlace("locality", loc.key, loc.label, loc.municipality_code, t,
                           float(km[i]))
        found.append(hit)
        nearest.setdefault(loc.municipality_code, hit)
    towns = [ReachedPlace("municipality", idx.municipalities[code].concept_id,
                          idx.municipalities[code].name, code, hit.minutes, hit.straight_km,
                          via=hit.label) for code, hit in nearest.items()]
    return ReachResult(start, minutes, mode, found[:limit] if limit else found, towns)


def commute(home: str, work: str, work_hours: float, *, mode: TravelMode = "car",
            engine: Engine | None = None) -> CommuteVerdict:
    """Is `work` within daily commuting distance of `home` under the 12-hour rule (mission F)?"""
    limit = max_one_way_minutes(work_hours)
    idx = geo_index(engine)
    estimate = _estimate(places.resolve_place(idx, home, field="home"),
                         places.resolve_place(idx, work, field="work"), model_for(mode).mode)
    within, reason = commute_reason(estimate.minutes, work_hours, estimate.origin.label,
                                    estimate.destination.label, mode)
    return CommuteVerdict(estimate.origin, estimate.destination, mode, work_hours,
                          estimate.minutes, limit, work_hours * 60 + 2 * estimate.minutes,
                          within, reason)
