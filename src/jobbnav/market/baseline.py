"""Importers for the published market files (`shared/data/market/*` and files of that shape).

Each importer validates: a file that is not what it claims is refused whole (RejectedFile names
the file, the record and the problem); single bad records are reported and skipped, good ones kept.
Files: ssyk_kommun_annonser_<year>.json / ssyk_id_region_annonser_<year>.json (ssyk-level-4 id ->
area id -> ads), barometer_regional.json (barometer occupation -> län -> [chance, direction]),
ssyk_salary.json (SSYK code -> [P10, median, P90], ".." = not published), and an optional
barometer-occupation -> SSYK mapping (see `read_barometer_mapping`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobbnav.errors import RejectedFile
from jobbnav.market.model import CHANCES, COUNTRY_ID, DIRECTIONS

__all__ = [
    "BaselineRow",
    "ImportReport",
    "read_barometer",
    "read_barometer_mapping",
    "read_counts",
    "read_salary",
]

_CONCEPT_ID = re.compile(r"^[A-Za-z0-9]{4}_[A-Za-z0-9]{3}_[A-Za-z0-9]{3}$")
_SSYK4 = re.compile(r"^\d{4}$")
_YEAR = re.compile(r"_(\d{4})\.json$")


@dataclass
class ImportReport:
    files: list[str] = field(default_factory=list)
    accepted: dict[str, int] = field(default_factory=dict)
    rejected: list[dict[str, str]] = field(default_factory=list)

    def reject(self, path: Path, record: str, problem: str) -> None:
        self.rejected.append({"file": path.name, "record": record, "problem": problem})

    def as_dict(self) -> dict[str, Any]:
        return {"files": self.files, "accepted": self.accepted,
                "rejected": len(self.rejected), "rejections": self.rejected[:100]}


@dataclass(frozen=True, slots=True)
class BaselineRow:
    group_id: str
    area_level: str
    area_id: str
    year: int
    ads: int


def _load_object(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RejectedFile(str(path), "-", "file not found") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RejectedFile(str(path), "-", f"not valid UTF-8 JSON: {exc}") from None
    if not isinstance(data, dict):
        raise RejectedFile(str(path), "-", f"expected a JSON object, got {type(data).__name__}")
    return data


def read_counts(path: Path, area_level: str, report: ImportReport) -> list[BaselineRow]:
    """ssyk-level-4 id -> area id -> ads. In the region file the country id holds the total."""
    data = _load_object(path)
    match = _YEAR.search(path.name)
    if match is None:
        raise RejectedFile(str(path), "-", "file name must end in _<year>.json (the year counted)")
    year = int(match.group(1))
    rows: list[BaselineRow] = []
    for group_id, areas in data.items():
        if not _CONCEPT_ID.match(group_id):
            report.reject(path, group_id, "key is not a concept id (ssyk-level-4)")
            continue
        if not isinstance(areas, dict):
            report.reject(path, group_id, "value must be an object area id -> count")
            continue
        for area_id, count in areas.items():
            record = f"{group_id}/{area_id}"
            if not _CONCEPT_ID.match(str(area_id)):
                report.reject(path, record, "area key is not a concept id")
            elif not isinstance(count, int) or isinstance(count, bool) or count < 0:
                report.reject(path, record, f"count must be a non-negative integer, got {count!r}")
            else:
                level = "country" if area_id == COUNTRY_ID else area_level
                rows.append(BaselineRow(group_id, level, area_id, year, count))
    report.files.append(path.name)
    report.accepted[path.name] = len(rows)
    return rows


def read_barometer(path: Path, report: ImportReport) -> list[tuple[str, str, str | None,
                                                                   str | None]]:
    """barometer occupation id -> län id (or the country id) -> [chance, direction]."""
    data = _load_object(path)
    rows = []
    for occupation, regions in data.items():
        if not _CONCEPT_ID.match(occupation) or not isinstance(regions, dict):
            report.reject(path, occupation, "expected concept id -> object of län ratings")
            continue
        for region, value in regions.items():
            record = f"{occupation}/{region}"
            if not isinstance(value, list) or len(value) != 2:
                report.reject(path, record, "expected [chance of work, 5-year direction]")
                continue
            chance, direction = value
            if chance is not None and chance not in CHANCES:
                report.reject(path, record, f"chance must be one of {CHANCES}, got {chance!r}")
            elif direction is not None and direction not in DIRECTIONS:
                report.reject(path, record,
                              f"direction must be one of {DIRECTIONS}, got {direction!r}")
            else:
                rows.append((occupation, region, chance, direction))
    report.files.append(path.name)
    report.accepted[path.name] = len(rows)
    return rows


def read_barometer_mapping(path: Path, report: ImportReport,
                           group_of_code: Callable[[str], str | None]) -> list[tuple[str, str]]:
    """barometer occupation id -> ssyk-level-4 ids. Two shapes are read:

    - Arbetsförmedlingen's open Yrkesbarometer rows: a list of objects with `yb_concept_id`
      and `ssyk` (SSYK 2012 code) — the published file carries the mapping on every row;
    - an object `{barometer_id: [ssyk code or ssyk-level-4 id, ...]}`.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RejectedFile(str(path), "-", f"not readable JSON: {exc}") from None
    pairs: list[tuple[str, str]] = []
    if isinstance(data, list):
        items = [(str(r.get("yb_concept_id")), [r.get("ssyk")]) if isinstance(r, dict)
                 else ("?", []) for r in data]
    elif isinstance(data, dict):
        items = [(k, v if isinstance(v, list) else [v]) for k, v in data.items()]
    else:
        raise RejectedFile(str(path), "-", "expected a list of rows or an object")
    for barometer_id, targets in items:
        if not _CONCEPT_ID.match(barometer_id):
            report.reject(path, barometer_id, "not a barometer-occupation concept id")
            continue
        for target in targets:
            text = str(target or "")
            group = group_of_code(text) if _SSYK4.match(text) else (
                text if _CONCEPT_ID.match(text) else None)
            if group is None:
                report.reject(path, f"{barometer_id}/{text}", "unknown SSYK code or id")
            else:
                pairs.append((barometer_id, group))
    unique = sorted(set(pairs))
    report.files.append(path.name)
    report.accepted[path.name] = len(unique)
    return unique


def _salary_value(value: Any) -> int | None:
    if value == ".." or value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise ValueError(f"not a salary: {value!r}")


def read_salary(path: Path, report: ImportReport) -> list[tuple[str, int | None, int | None,
                                                                int | None]]:
    """SSYK code -> [P10, median, P90] in SEK per month; ".." (not published) becomes None."""
    data = _load_object(path)
    rows = []
    for code, values in data.items():
        if not _SSYK4.match(code):
            report.reject(path, code, "key must be a 4-digit SSYK 2012 code")
            continue
        if not isinstance(values, list) or len(values) != 3:
            report.reject(path, code, "expected [P10, median, P90]")
            continue
        try:
            p10, median, p90 = (_salary_value(v) for v in values)
        except ValueError as exc:
            report.reject(path, code, str(exc))
            continue
        known = [v for v in (p10, median, p90) if v is not None]
        if known != sorted(known):
            report.reject(path, code, "P10 <= median <= P90 does not hold")
            continue
        rows.append((code, p10, median, p90))
    report.files.append(path.name)
    report.accepted[path.name] = len(rows)
    return rows
