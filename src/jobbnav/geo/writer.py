"""Turn a validated geography into taxonomy concepts and rows of the geo tables, and write them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert

from jobbnav.errors import RejectedFile
from jobbnav.geo.model import (
    COUNTRY_ID,
    MUNICIPALITY_CODE_FIELD,
    NUTS3_2013,
    NUTS3_2013_FIELD,
    REGION_CODE_FIELD,
    ParsedGeography,
)
from jobbnav.geo.store import (
    geo_import,
    geo_locality,
    geo_locality_link,
    geo_municipality,
    geo_postcode,
    geo_region,
)
from jobbnav.taxonomy.model import ConceptRecord, ParsedTaxonomy, RelationRecord, TermRecord
from jobbnav.taxonomy.normalize import ascii_fold

__all__ = ["Centroids", "centroids", "to_taxonomy", "write_tables"]

Centroids = dict[str, tuple[float, float, str]]  # code → (lat, lon, how it was chosen)


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def _from_postal_towns(parsed: ParsedGeography, code: str,
                       located: dict[str, list[tuple[str, float, float]]]
                       ) -> tuple[float, float, str]:
    """For a municipality none of whose localities has coordinates (Salem in the real data):
    the located locality named like one of its postal towns, most used town first, preferring
    one in the same county."""
    towns: dict[str, int] = {}
    for town, kommun in parsed.postcodes.values():
        if kommun == code:
            towns[town] = towns.get(town, 0) + 1
    region = parsed.municipalities[code].region_code
    for town in sorted(towns, key=lambda t: -towns[t]):
        hits = [(parsed.municipalities[k].region_code != region, label, lat, lon)
                for k, points in located.items() for label, lat, lon in points
                if ascii_fold(label) == ascii_fold(town)]
        if hits:
            _other, label, lat, lon = min(hits)
            return lat, lon, f"postal-town:{label}"
    name = parsed.municipalities[code].name
    raise RejectedFile("platser.json", f"kommunkod {code} ({name})",
                       "the municipality has no locality with coordinates, nor a postal town "
                       "that is a located locality")


def centroids(parsed: ParsedGeography) -> tuple[Centroids, Centroids]:
    """The point a municipality or region stands for in travel estimates.

    A municipality: its main locality (the one bearing its name, e.g. Malmö in Malmö, else its
    most used postal town, e.g. Visby for Gotland), else the mean of its localities, else (no
    located locality at all) a located postal town.
    A region: the mean of the localities in it (localities follow where people live far better
    than the geometric centre of a sparsely populated county does).
    """
    by_municipality: dict[str, list[tuple[str, float, float]]] = {}
    for loc in parsed.localities:
        if loc.lat is not None and loc.lon is not None:
            by_municipality.setdefault(loc.municipality_code, []).append(
                (loc.label, loc.lat, loc.lon))
    # Postal towns of each municipality, most used first ("Visby" for Gotland).
    counts: dict[tuple[str, str], int] = {}
    for town, kommun in parsed.postcodes.values():
        counts[(kommun, ascii_fold(town))] = counts.get((kommun, ascii_fold(town)), 0) + 1
    towns: dict[str, list[str]] = {}
    for (kommun, town), _n in sorted(counts.items(), key=lambda item: -item[1]):
        towns.setdefault(kommun, []).append(town)
    municipal: Centroids = {}
    for code, municipality in parsed.municipalities.items():
        points = by_municipality.get(code)
        if not points:
            municipal[code] = _from_postal_towns(parsed, code, by_municipality)
            continue
        name = ascii_fold(municipality.name)
        main = [p for p in points if ascii_fold(p[0]) == name] or \
            [p for p in points if ascii_fold(p[0]).startswith(name)] or \
            [p for town in towns.get(code, []) for p in points if ascii_fold(p[0]) == town][:1]
        if main:
            municipal[code] = (main[0][1], main[0][2], f"locality:{main[0][0]}")
        else:
            lat, lon = _mean([(p[1], p[2]) for p in points])
            municipal[code] = (lat, lon, "mean-of-localities")
    regional: Centroids = {}
    for code in parsed.regions:
        located = [(p[1], p[2]) for m in parsed.municipalities.values()
                   if m.region_code == code for p in by_municipality.get(m.code, [])]
        if not located:
            raise RejectedFile("municipality_county.csv", f"county_code {code}",
                               "the county has no municipality with a located locality")
        lat, lon = _mean(located)
        regional[code] = (lat, lon, "mean-of-localities")
    return municipal, regional


def to_taxonomy(parsed: ParsedGeography) -> ParsedTaxonomy:
    """Municipalities → regions → Sverige as concepts with JobTech's code fields."""
    tax = ParsedTaxonomy(files=list(parsed.files))
    tax.concept_types.update({"municipality": ("Kommun", "Municipality"),
                              "region": ("Län", "Region")})
    # Partial: Sverige is owned by countries.json; this import must not make it cover (and so
    # deprecate) the other countries.
    tax.add_concept(ConceptRecord(id=COUNTRY_ID, type="country", preferred_label="Sverige",
                                  codes={"iso-3166-1-alpha-2-2013": "SE",
                                         "iso-3166-1-alpha-3-2013": "SWE"}, partial=True))
    for region in parsed.regions.values():
        codes = {REGION_CODE_FIELD: region.code}
        if region.code in NUTS3_2013:
            codes[NUTS3_2013_FIELD] = NUTS3_2013[region.code]
        tax.add_concept(ConceptRecord(id=region.concept_id, type="region",
                                      preferred_label=region.name, codes=codes))
        tax.add_relation(RelationRecord(region.concept_id, COUNTRY_ID, "broader"))
    for municipality in parsed.municipalities.values():
        region_id = parsed.regions[municipality.region_code].concept_id
        tax.add_concept(ConceptRecord(id=municipality.concept_id, type="municipality",
                                      preferred_label=municipality.name,
                                      codes={MUNICIPALITY_CODE_FIELD: municipality.code}))
        tax.add_relation(RelationRecord(municipality.concept_id, region_id, "broader"))
        if municipality.full_name != municipality.name:
            tax.add_term(TermRecord(municipality.concept_id, municipality.full_name,
                                    "alternative-label", source="municipality_county.csv"))
    return tax


def write_tables(conn: Connection, parsed: ParsedGeography, municipal: Centroids,
                 regional: Centroids, *, source: str, checksum: str,
                 counts: dict[str, Any]) -> None:
    """Replace the geo tables' rows with this import's, inside the caller's transaction."""
    for table in (geo_locality_link, geo_postcode, geo_locality, geo_municipality, geo_region):
        conn.execute(delete(table))
    conn.execute(insert(geo_region), [
        {"code": r.code, "concept_id": r.concept_id, "name": r.name, "short_name": r.short_name,
         "lat": regional[r.code][0], "lon": regional[r.code][1]}
        for r in parsed.regions.values()])
    conn.execute(insert(geo_municipality), [
        {"code": m.code, "concept_id": m.concept_id, "name": m.name, "full_name": m.full_name,
         "region_code": m.region_code, "lat": municipal[m.code][0], "lon": municipal[m.code][1],
         "centroid_source": municipal[m.code][2]}
        for m in parsed.municipalities.values()])
    conn.execute(insert(geo_locality), [
        {"id": i + 1, "label": loc.label, "folded": ascii_fold(loc.label),
         "municipality_code": loc.municipality_code, "lat": loc.lat, "lon": loc.lon}
        for i, loc in enumerate(parsed.localities)])
    if parsed.postcodes:
        conn.execute(insert(geo_postcode), [
            {"code": code, "postal_town": town, "municipality_code": kommun}
            for code, (town, kommun) in parsed.postcodes.items()])
    if parsed.links:
        conn.execute(insert(geo_locality_link), [
            {"source_id": a + 1, "target_id": b + 1, "km": km, "relevance": relevance}
            for (a, b), (km, relevance) in parsed.links.items()])
    conn.execute(insert(geo_import).values(imported_at=datetime.now(UTC), source=source[:500],
                                           checksum=checksum, counts=counts))
