"""How often each occupation group (ssyk-level-4) is advertised: a prior for text2ssyk.

Read at run time from the shared market data (`market/ssyk_kommun_annonser_2024.json`: ads
published in 2024, ssyk-level-4 concept id → municipality id → count) when the file is there;
never copied into the repository. Without it every group gets the same prior. Counts are
smoothed (+`SMOOTHING` per group) so a group with no 2024 ads is rare, not impossible.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path

__all__ = ["PRIOR_FILE", "GroupPrior", "load_group_prior"]

PRIOR_FILE = Path("market") / "ssyk_kommun_annonser_2024.json"
SMOOTHING = 20.0


class GroupPrior:
    """log P(group) over a fixed set of groups; uniform when no counts are known."""

    def __init__(self, group_ids: Iterable[str], counts: dict[str, float] | None) -> None:
        ids = list(group_ids)
        self.source_ads = int(sum(counts.values())) if counts else 0
        raw = {gid: (counts or {}).get(gid, 0.0) + SMOOTHING for gid in ids}
        total = sum(raw.values()) or 1.0
        self.probability = {gid: value / total for gid, value in raw.items()}
        self.log = {gid: math.log(p) for gid, p in self.probability.items()}

    @property
    def informed(self) -> bool:
        return self.source_ads > 0


def _read_counts(path: Path) -> dict[str, float] | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict):
        return None
    counts: dict[str, float] = {}
    for gid, per_place in doc.items():
        if isinstance(per_place, dict):
            counts[str(gid)] = float(sum(v for v in per_place.values()
                                         if isinstance(v, int | float) and v > 0))
    return counts or None


def load_group_prior(group_ids: Iterable[str], shared_data_dir: Path | None) -> GroupPrior:
    counts = _read_counts(shared_data_dir / PRIOR_FILE) if shared_data_dir is not None else None
    return GroupPrior(group_ids, counts)
