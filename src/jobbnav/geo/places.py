"""Turn what a user types into a Place: concept id, kommunkod, länskod, postcode, locality
("Malmö", "Tureholm, Ekerö", "0125:Tureholm"), municipality or county name."""

from __future__ import annotations

import re

from jobbnav.errors import InvalidInput, NotFound
from jobbnav.geo.index import GeoIndex, Locality, Municipality, Region
from jobbnav.geo.model import Place
from jobbnav.taxonomy.normalize import ascii_fold

__all__ = ["locality_place", "municipality_place", "region_place", "resolve_place",
           "search_places"]

_POSTCODE = re.compile(r"^\d{3} ?\d{2}$")


def region_place(idx: GeoIndex, region: Region) -> Place:
    return Place(kind="region", id=region.concept_id, label=region.name, lat=region.lat,
                 lon=region.lon, region_code=region.code, region=region.name,
                 approximation="mean of the county's localities")


def municipality_place(idx: GeoIndex, m: Municipality, *, approximation: str | None = None
                       ) -> Place:
    region = idx.regions[m.region_code]
    kind, _, how = m.centroid_source.partition(":")
    note = approximation or {"locality": f"main locality {how}",
                             "postal-town": f"no located locality; its postal town {how}"}.get(
        kind, "mean of the municipality's localities")
    return Place(kind="municipality", id=m.concept_id, label=m.name, lat=m.lat, lon=m.lon,
                 municipality_code=m.code, municipality=m.name, region_code=region.code,
                 region=region.name, approximation=note)


def locality_place(idx: GeoIndex, loc: Locality) -> Place:
    m = idx.municipalities[loc.municipality_code]
    region = idx.regions[m.region_code]
    if loc.lat is None or loc.lon is None:
        lat, lon = m.lat, m.lon
        note: str | None = f"no coordinates of its own; those of {m.name} municipality"
    else:
        lat, lon, note = loc.lat, loc.lon, None
    return Place(kind="locality", id=loc.key, label=loc.label, lat=lat, lon=lon,
                 municipality_code=m.code, municipality=m.name, region_code=region.code,
                 region=region.name, approximation=note)


def _postcode_place(idx: GeoIndex, code: str) -> Place:
    town, kommun = idx.postcodes[code]
    m = idx.municipalities[kommun]
    region = idx.regions[m.region_code]
    # The postal town, when it is a locality of that municipality, is nearer than its centre.
    for position in idx.localities_by_name.get(ascii_fold(town), []):
        loc = idx.localities[position]
        if loc.municipality_code == kommun and loc.lat is not None and loc.lon is not None:
            return Place(kind="postcode", id=code, label=f"{code[:3]} {code[3:]} {town}",
                         lat=loc.lat, lon=loc.lon, municipality_code=m.code, municipality=m.name,
                         region_code=region.code, region=region.name,
                         approximation=f"coordinates of the postal town {town}")
    base = municipality_place(idx, m)
    return Place(kind="postcode", id=code, label=f"{code[:3]} {code[3:]} {town}", lat=base.lat,
                 lon=base.lon, municipality_code=m.code, municipality=m.name,
                 region_code=region.code, region=region.name,
                 approximation=f"coordinates of {m.name} municipality")


def _describe(idx: GeoIndex, positions: list[int]) -> str:
    return "; ".join(f"{idx.localities[p].label}, "
                     f"{idx.municipalities[idx.localities[p].municipality_code].name}"
                     for p in positions[:8])


def _by_name(idx: GeoIndex, text: str, field: str) -> Place:
    folded = ascii_fold(text)
    if "," in text:
        label, _, municipality = (part.strip() for part in text.partition(","))
        code = idx.municipality_by_name.get(ascii_fold(municipality))
        if code is not None:
            for position in idx.localities_by_name.get(ascii_fold(label), []):
                if idx.localities[position].municipality_code == code:
                    return locality_place(idx, idx.localities[position])
    matches = idx.localities_by_name.get(folded, [])
    code = idx.municipality_by_name.get(folded)
    if len(matches) == 1:
        return locality_place(idx, idx.localities[matches[0]])
    if matches:
        same = [p for p in matches if code and idx.localities[p].municipality_code == code]
        if same:
            return locality_place(idx, idx.localities[same[0]])
        if code is None:
            raise InvalidInput(f"{text!r} names {len(matches)} localities: "
                               f"{_describe(idx, matches)}; write 'locality, municipality'",
                               field=field)
    if code is not None:
        return municipality_place(idx, idx.municipalities[code])
    region_code = idx.region_by_name.get(folded)
    if region_code is not None:
        return region_place(idx, idx.regions[region_code])
    raise NotFound(f"no place called {text!r} (locality, municipality, county, concept id, "
                   "kommunkod or postcode)", field=field)


def resolve_place(idx: GeoIndex, text: str, *, field: str = "place") -> Place:
    if idx.empty:
        raise NotFound("no geography imported (run `jobbnav geo import DIR`)", field=field)
    text = text.strip()
    if not text:
        raise InvalidInput("a place is required", field=field)
    known = idx.by_concept.get(text)
    if known is not None:
        kind, code = known
        return (region_place(idx, idx.regions[code]) if kind == "region"
                else municipality_place(idx, idx.municipalities[code]))
    if _POSTCODE.match(text):
        code = text.replace(" ", "")
        if code not in idx.postcodes:
            raise NotFound(f"unknown postcode {text!r}", field=field)
        return _postcode_place(idx, code)
    if text.isdigit() and len(text) == 4:
        if text not in idx.municipalities:
            raise NotFound(f"no municipality with kommunkod {text!r}", field=field)
        return municipality_place(idx, idx.municipalities[text])
    if text.isdigit() and len(text) == 2:
        if text not in idx.regions:
            raise NotFound(f"no county with länskod {text!r}", field=field)
        return region_place(idx, idx.regions[text])
    position = idx.localities_by_key.get(ascii_fold(text))
    if position is not None:
        return locality_place(idx, idx.localities[position])
    return _by_name(idx, text, field)


def search_places(idx: GeoIndex, query: str, limit: int) -> list[Place]:
    """Places whose name starts with (or has a word starting with) the query; counties and
    municipalities before localities, exact before prefix before inside-word."""
    q = ascii_fold(query.strip())
    if not q:
        raise InvalidInput("q must not be empty", field="q")
    scored: list[tuple[int, int, str, Place]] = []

    def rank(name: str) -> int | None:
        folded = ascii_fold(name)
        if folded == q:
            return 0
        if folded.startswith(q):
            return 1
        if any(word.startswith(q) for word in re.split(r"[\s-]+", folded)[1:]):
            return 2
        return None

    for region in idx.regions.values():
        r = rank(region.name)
        if r is not None:
            scored.append((r, 0, region.name, region_place(idx, region)))
    for m in idx.municipalities.values():
        r = rank(m.name)
        if r is not None:
            scored.append((r, 1, m.name, municipality_place(idx, m)))
    for loc in idx.localities:
        r = rank(loc.label)
        if r is not None:
            scored.append((r, 2, loc.label, locality_place(idx, loc)))
    scored.sort(key=lambda s: (s[0], s[1], s[2]))
    return [s[3] for s in scored[:limit]]
