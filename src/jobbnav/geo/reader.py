"""Read and validate a geography directory (the shape of ../shared/data/geo/); write nothing.

Required: counties.csv, region_name_id.json, municipality_county.csv, kommun_id_namn.json,
platser.json. Optional: postal_to_municipality.csv, ort_ort_relevans.json, and the pair
tatorter_distance.json + alla_id_orter.json (used to check coordinates against the distances).
A malformed file raises RejectedFile naming the file, the record and the problem.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jobbnav.errors import InvalidInput, RejectedFile
from jobbnav.geo.model import LocalityRecord, MunicipalityRecord, ParsedGeography, RegionRecord
from jobbnav.taxonomy.normalize import ascii_fold

__all__ = ["OPTIONAL_FILES", "REQUIRED_FILES", "checksum", "read_geography"]

REQUIRED_FILES = ("counties.csv", "region_name_id.json", "municipality_county.csv",
                  "kommun_id_namn.json", "platser.json")
OPTIONAL_FILES = ("postal_to_municipality.csv", "ort_ort_relevans.json",
                  "tatorter_distance.json", "alla_id_orter.json")
RELEVANCES = ("hög", "medel", "låg")

# Sweden's bounding box, with a margin; (0, 0) in platser.json means "no coordinates".
_LAT = (55.0, 69.2)
_LON = (10.5, 24.3)
_CONCEPT_ID = re.compile(r"^[0-9A-Za-z_-]{3,64}$")

ProgressHook = Callable[[str, int | None, int], None]


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RejectedFile(path.name, f"line {exc.lineno}", f"not valid JSON: {exc.msg}") from exc
    except UnicodeDecodeError as exc:
        raise RejectedFile(path.name, f"byte {exc.start}", "not UTF-8 text") from exc


def _load_csv(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RejectedFile(path.name, f"byte {exc.start}", "not UTF-8 text") from exc
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise RejectedFile(path.name, "header", f"missing column(s) {', '.join(missing)}")
    rows = []
    for line, row in enumerate(reader, start=2):
        for column in columns:
            value = row.get(column)
            if value is None or not value.strip():
                raise RejectedFile(path.name, f"line {line}", f"empty {column}")
        rows.append((line, {c: row[c].strip() for c in columns}))
    return rows


def _digits(path: Path, record: str, field: str, value: str, width: int) -> str:
    if not (value.isdigit() and len(value) == width):
        raise RejectedFile(path.name, record, f"{field} {value!r} is not {width} digits")
    return value


def _concept_id(path: Path, record: str, value: object) -> str:
    if not isinstance(value, str) or not _CONCEPT_ID.match(value):
        raise RejectedFile(path.name, record, f"{value!r} is not a concept id")
    return value


def _read_regions(directory: Path, parsed: ParsedGeography) -> None:
    path = directory / "counties.csv"
    names: dict[str, str] = {}
    for line, row in _load_csv(path, ("county_code", "county_name", "county_name_short")):
        code = _digits(path, f"line {line}", "county_code", row["county_code"], 2)
        if code in names:
            raise RejectedFile(path.name, f"line {line}", f"county_code {code} appears twice")
        names[code] = row["county_name"]
        parsed.report.setdefault("_short", {})[code] = row["county_name_short"]
    ids_path = directory / "region_name_id.json"
    ids = _load_json(ids_path)
    if not isinstance(ids, dict):
        raise RejectedFile(ids_path.name, "top level", "expected an object {county name: id}")
    for name, concept_id in ids.items():
        _concept_id(ids_path, repr(name), concept_id)
    for code, name in names.items():
        if name not in ids:
            raise RejectedFile(ids_path.name, repr(name), f"no concept id for county {code}")
        parsed.regions[code] = RegionRecord(code=code, concept_id=ids[name], name=name,
                                            short_name=parsed.report["_short"][code])
    unknown = sorted(set(ids) - set(names.values()))
    if unknown:
        raise RejectedFile(ids_path.name, repr(unknown[0]), "not a county of counties.csv")
    parsed.report.pop("_short")


def _read_municipalities(directory: Path, parsed: ParsedGeography) -> None:
    path = directory / "municipality_county.csv"
    rows: dict[str, tuple[str, str, str]] = {}
    for line, row in _load_csv(path, ("municipality_code", "municipality_name",
                                      "municipality_name_short", "county_code")):
        record = f"line {line}"
        code = _digits(path, record, "municipality_code", row["municipality_code"], 4)
        county = _digits(path, record, "county_code", row["county_code"], 2)
        if county not in parsed.regions:
            raise RejectedFile(path.name, record, f"county_code {county} not in counties.csv")
        if code in rows:
            raise RejectedFile(path.name, record, f"municipality_code {code} appears twice")
        rows[code] = (row["municipality_name_short"], row["municipality_name"], county)
    ids_path = directory / "kommun_id_namn.json"
    ids = _load_json(ids_path)
    if not isinstance(ids, dict):
        raise RejectedFile(ids_path.name, "top level", "expected an object {concept id: name}")
    by_name: dict[str, str] = {}
    for concept_id, name in ids.items():
        _concept_id(ids_path, repr(concept_id), concept_id)
        if not isinstance(name, str) or not name.strip():
            raise RejectedFile(ids_path.name, repr(concept_id), "name must be a non-empty text")
        if name in by_name:
            raise RejectedFile(ids_path.name, repr(concept_id), f"name {name!r} appears twice")
        by_name[name] = concept_id
    for code, (name, full_name, county) in rows.items():
        if name not in by_name:
            raise RejectedFile(ids_path.name, repr(name), f"no concept id for municipality {code}")
        parsed.municipalities[code] = MunicipalityRecord(
            code=code, concept_id=by_name[name], name=name, full_name=full_name,
            region_code=county)
    unknown = sorted(set(by_name) - {m.name for m in parsed.municipalities.values()})
    if unknown:
        raise RejectedFile(ids_path.name, repr(unknown[0]),
                           "not a municipality of municipality_county.csv")


def _number(path: Path, record: str, field: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise RejectedFile(path.name, record, f"{field} {value!r} is not a number")
    return float(value)


def _read_localities(directory: Path, parsed: ParsedGeography) -> None:
    path = directory / "platser.json"
    data = _load_json(path)
    if not isinstance(data, list):
        raise RejectedFile(path.name, "top level", "expected a list of localities")
    seen: set[tuple[str, str]] = set()
    duplicates = 0
    for position, item in enumerate(data):
        record = f"#{position}"
        if not isinstance(item, dict):
            raise RejectedFile(path.name, record, "expected an object")
        label = item.get("label")
        if not isinstance(label, str) or not label.strip():
            raise RejectedFile(path.name, record, "label must be a non-empty text")
        record = f"#{position} ({label})"
        code = item.get("kommunkod")
        if not isinstance(code, str) or code not in parsed.municipalities:
            raise RejectedFile(path.name, record, f"kommunkod {code!r} is not a known municipality")
        lat = _number(path, record, "latitud", item.get("latitud"))
        lon = _number(path, record, "longitud", item.get("longitud"))
        if (label.strip(), code) in seen:
            duplicates += 1
            continue
        seen.add((label.strip(), code))
        if lat == 0.0 and lon == 0.0:
            parsed.localities.append(LocalityRecord(label.strip(), code, None, None))
            continue
        if not (_LAT[0] <= lat <= _LAT[1] and _LON[0] <= lon <= _LON[1]):
            raise RejectedFile(path.name, record, f"coordinates ({lat}, {lon}) lie outside Sweden")
        parsed.localities.append(LocalityRecord(label.strip(), code, lat, lon))
    parsed.report["locality_duplicates_skipped"] = duplicates


def _read_postcodes(directory: Path, parsed: ParsedGeography) -> None:
    path = directory / "postal_to_municipality.csv"
    for line, row in _load_csv(path, ("postal_code", "locality", "municipality_code")):
        record = f"line {line}"
        code = _digits(path, record, "postal_code", row["postal_code"].replace(" ", ""), 5)
        kommun = _digits(path, record, "municipality_code", row["municipality_code"], 4)
        if kommun not in parsed.municipalities:
            raise RejectedFile(path.name, record, f"municipality_code {kommun} is not known")
        if code in parsed.postcodes:
            raise RejectedFile(path.name, record, f"postal_code {code} appears twice")
        parsed.postcodes[code] = (row["locality"], kommun)


def _read_links(directory: Path, parsed: ParsedGeography) -> None:
    """ort_ort_relevans.json: "ort;kommun-concept-id" → [{ort2_id, avstånd, relevans}]."""
    path = directory / "ort_ort_relevans.json"
    data = _load_json(path)
    if not isinstance(data, dict):
        raise RejectedFile(path.name, "top level", "expected an object {locality key: [...]}")
    code_of = {m.concept_id: m.code for m in parsed.municipalities.values()}
    position = {(ascii_fold(loc.label), loc.municipality_code): i
                for i, loc in enumerate(parsed.localities)}

    def locate(key: object, record: str) -> int | None:
        if not isinstance(key, str) or key.count(";") != 1:
            raise RejectedFile(path.name, record, f"{key!r} is not 'locality;municipality id'")
        label, concept_id = key.split(";")
        code = code_of.get(concept_id)
        if code is None:
            raise RejectedFile(path.name, record, f"{concept_id!r} is not a known municipality id")
        return position.get((ascii_fold(label), code))

    unmatched: set[str] = set()
    for key, neighbours in data.items():
        source = locate(key, repr(key))
        if not isinstance(neighbours, list):
            raise RejectedFile(path.name, repr(key), "expected a list of neighbours")
        for n, item in enumerate(neighbours):
            record = f"{key!r} neighbour #{n}"
            if not isinstance(item, dict):
                raise RejectedFile(path.name, record, "expected an object")
            target = locate(item.get("ort2_id"), record)
            km = _number(path, record, "avstånd", item.get("avstånd"))
            relevance = item.get("relevans")
            if relevance not in RELEVANCES:
                raise RejectedFile(path.name, record, f"relevans {relevance!r} is not one of "
                                   f"{', '.join(RELEVANCES)}")
            if km < 0:
                raise RejectedFile(path.name, record, f"avstånd {km} is negative")
            if source is None or target is None:
                unmatched.add(key if source is None else str(item.get("ort2_id")))
                continue
            if source != target:
                parsed.links[(source, target)] = (km, str(relevance))
    parsed.report["links_unmatched_localities"] = len(unmatched)


def _check_distance_files(directory: Path) -> dict[str, Any]:
    """Validate the shape of tatorter_distance.json and alla_id_orter.json; return both."""
    names_path = directory / "alla_id_orter.json"
    names = _load_json(names_path)
    if not isinstance(names, dict):
        raise RejectedFile(names_path.name, "top level", "expected an object {key: [ort, kommun]}")
    for key, value in names.items():
        if not (isinstance(value, list) and len(value) == 2
                and all(isinstance(v, str) and v for v in value)):
            raise RejectedFile(names_path.name, repr(key), "expected [locality, municipality]")
    dist_path = directory / "tatorter_distance.json"
    distances = _load_json(dist_path)
    if not isinstance(distances, dict):
        raise RejectedFile(dist_path.name, "top level", "expected an object {key: {key: km}}")
    for key, targets in distances.items():
        if key not in names:
            raise RejectedFile(dist_path.name, repr(key), "key not in alla_id_orter.json")
        if not isinstance(targets, dict):
            raise RejectedFile(dist_path.name, repr(key), "expected an object {key: km}")
        for target, km in targets.items():
            if target not in names:
                raise RejectedFile(dist_path.name, f"{key!r} → {target!r}",
                                   "key not in alla_id_orter.json")
            if _number(dist_path, f"{key!r} → {target!r}", "km", km) < 0:
                raise RejectedFile(dist_path.name, f"{key!r} → {target!r}", "negative distance")
    return {"names": names, "distances": distances}


def checksum(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_geography(directory: Path, progress: ProgressHook | None = None
                   ) -> tuple[ParsedGeography, list[Path], dict[str, Any] | None]:
    """Parse and validate every file; returns the parsed data, the files read and, when present,
    the raw distance files (for the coordinate check)."""
    hook = progress or (lambda *_: None)
    if not directory.is_dir():
        raise InvalidInput(f"not a directory: {directory}", field="directory")
    missing = [name for name in REQUIRED_FILES if not (directory / name).is_file()]
    if missing:
        raise InvalidInput(f"{directory} lacks {', '.join(missing)}", field="directory")
    present = [n for n in OPTIONAL_FILES if (directory / n).is_file()]
    if ("tatorter_distance.json" in present) != ("alla_id_orter.json" in present):
        raise InvalidInput("tatorter_distance.json and alla_id_orter.json come together",
                           field="directory")
    steps: list[tuple[str, Callable[[Path, ParsedGeography], None]]] = [
        ("counties.csv", _read_regions), ("municipality_county.csv", _read_municipalities),
        ("platser.json", _read_localities)]
    if "postal_to_municipality.csv" in present:
        steps.append(("postal_to_municipality.csv", _read_postcodes))
    if "ort_ort_relevans.json" in present:
        steps.append(("ort_ort_relevans.json", _read_links))
    parsed = ParsedGeography()
    hook("reading geography", len(steps) + 1, 0)
    for _name, step in steps:
        step(directory, parsed)
        hook("reading geography", None, 1)
    distance_files = _check_distance_files(directory) if "tatorter_distance.json" in present \
        else None
    hook("reading geography", None, 1)
    read = [directory / n for n in (*REQUIRED_FILES, *present)]
    parsed.files = [p.name for p in read]
    return parsed, read, distance_files
