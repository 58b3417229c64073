"""Check the coordinates and the straight-line distance against tatorter_distance.json.

That file gives, for 1,633 localities, up to ten neighbours within 70 km with a distance in km.
Comparing it with our haversine on the same pairs shows what those km are (straight-line: the
median ratio is ≈ 1) and how far our coordinates agree with the ones it was computed from.
Some of its localities were clearly placed elsewhere (a homonym in another part of the country:
"Tureholm, Ekerö" 2 km from Övertorneå); a locality whose pairs are mostly off by more than half
is counted as misplaced in the file (our coordinates of those lie as close to the rest of their
municipality as all others do), and the error is also reported without those.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np

from jobbnav.geo.model import ParsedGeography
from jobbnav.geo.travel import ROAD_FACTOR, haversine_km
from jobbnav.taxonomy.normalize import ascii_fold

__all__ = ["distance_check", "joined_pairs"]

_MISPLACED_RATIO = 0.5  # |file km / haversine − 1| above this counts as a gross disagreement
_MIN_KM = 1.0  # shorter pairs are dominated by where in the town the point was put


def _key_index(parsed: ParsedGeography, names: dict[str, list[str]]) -> dict[str, int]:
    """Key of alla_id_orter.json ("ed_dals_ed" → ["Ed", "Dals-Ed"]) → locality position.

    The municipality names there are sometimes shortened ("Falu", "Skinnskattebergs k."), so a
    locality label found in several municipalities is told apart by the municipality's first
    four letters.
    """
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, loc in enumerate(parsed.localities):
        if loc.lat is not None:
            by_label[ascii_fold(loc.label)].append(i)
    found: dict[str, int] = {}
    for key, (label, municipality) in names.items():
        candidates = by_label.get(ascii_fold(label), [])
        if len(candidates) > 1:
            prefix = ascii_fold(municipality)[:4]
            candidates = [i for i in candidates if ascii_fold(
                parsed.municipalities[parsed.localities[i].municipality_code].name)[:4] == prefix]
        if len(candidates) == 1:
            found[key] = candidates[0]
    return found


def joined_pairs(parsed: ParsedGeography, files: dict[str, Any]
                 ) -> tuple[list[tuple[int, int, float, float]], int]:
    """(source, target, file km, haversine km) for every pair whose ends we can place."""
    where = _key_index(parsed, files["names"])
    pairs: list[tuple[int, int, float, float]] = []
    unmatched = 0
    for source, targets in files["distances"].items():
        for target, km in targets.items():
            a, b = where.get(source), where.get(target)
            if a is None or b is None:
                unmatched += 1
                continue
            la, lb = parsed.localities[a], parsed.localities[b]
            assert la.lat is not None and la.lon is not None
            assert lb.lat is not None and lb.lon is not None
            pairs.append((a, b, float(km), haversine_km(la.lat, la.lon, lb.lat, lb.lon)))
    return pairs, unmatched


def _stats(file_km: np.ndarray[Any, Any], ours: np.ndarray[Any, Any]) -> dict[str, float]:
    pct = np.abs(ours - file_km) / file_km * 100.0
    return {"pairs": len(file_km),
            "median_abs_pct_error": round(float(np.median(pct)), 2),
            "p90_abs_pct_error": round(float(np.percentile(pct, 90)), 2),
            "median_abs_km_error": round(float(np.median(np.abs(ours - file_km))), 2),
            # file km ≈ factor × haversine km; the median resists the misplaced pairs.
            "fitted_factor": round(float(np.median(file_km / ours)), 4)}


def distance_check(parsed: ParsedGeography, files: dict[str, Any]) -> dict[str, Any]:
    pairs, unmatched = joined_pairs(parsed, files)
    usable = [p for p in pairs if p[2] >= _MIN_KM and p[3] > 0]
    if not usable:
        return {"pairs": 0, "unmatched_pairs": unmatched}
    file_km = np.array([p[2] for p in usable])
    ours = np.array([p[3] for p in usable])
    off = np.abs(file_km / ours - 1.0) > _MISPLACED_RATIO
    votes: dict[int, list[bool]] = defaultdict(list)
    for (a, b, _k, _h), bad in zip(usable, off, strict=True):
        votes[a].append(bool(bad))
        votes[b].append(bool(bad))
    misplaced = {i for i, v in votes.items() if sum(v) * 2 > len(v)}
    clean = np.array([a not in misplaced and b not in misplaced for a, b, _k, _h in usable])
    result: dict[str, Any] = {"unmatched_pairs": unmatched, "road_factor": ROAD_FACTOR,
                              "all": _stats(file_km, ours),
                              "misplaced_localities_in_file": len(misplaced)}
    if clean.any():
        result["without_misplaced"] = _stats(file_km[clean], ours[clean])
    return result
