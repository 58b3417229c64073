"""The project's own written ads, with the SSYK code of each, as labelled ads for the memory.

The real labelled ads a checkout has (`ads/*.dev.json`, 133) are nearly all IT and sales, so for
most of the market the ad memory (`ad_memory`) had nothing to remember. The blind evaluation
sets that carry an SSYK code are ads written for this project across the whole market (about
1,000, by helpers who saw neither the code nor each other's sets; docs/enrich.md), and they are
the project's own data, so they may serve as labelled examples too (decision 0008).

Each file is one author. Its ads carry the file as their employer, so evaluating a set hides the
whole set from its own predictions (`AdMemory.same_employer`), as the real ads are evaluated
with their employer unseen: a set is predicted from the other authors' ads only.

Lines are the evaluation sets' JSON: `{"id", "headline", "text", "ssyk"}`; a line without a
known SSYK code, a headline or valid JSON is skipped. Where the files are is configuration
(`JOBBNAV_WRITTEN_ADS`, a directory; empty turns them off); the default is the checkout's
`tests/enrich/data`, and an installed package without it simply has none.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from pathlib import Path

from jobbnav.enrich.ad_memory import LabelledAd

__all__ = ["WRITTEN_AD_FILES", "WRITTEN_AUTHOR", "author_of", "read_written_ads"]

log = logging.getLogger(__name__)

WRITTEN_AD_FILES = ("eval_set_blind_*.jsonl", "headline_groups_blind*.jsonl")
WRITTEN_AUTHOR = "written ads: "


def author_of(path: Path) -> str:
    """The employer every ad of a written set carries: the set's file."""
    return f"{WRITTEN_AUTHOR}{path.name}"


def _ads_of(path: Path, group_of_code: Mapping[str, str]) -> Iterator[LabelledAd]:
    author = author_of(path)
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if not isinstance(item, dict):
                continue
            group_id = group_of_code.get(str(item.get("ssyk", "")))
            headline, text = item.get("headline"), item.get("text")
            if group_id is None or not isinstance(headline, str) or not headline.strip():
                continue
            yield LabelledAd(f"{path.name}:{item.get('id', n)}", headline,
                             text if isinstance(text, str) else "", group_id, author)


def read_written_ads(directory: Path | None, group_of_code: Mapping[str, str]) -> list[LabelledAd]:
    """The written ads in `directory` whose SSYK code `group_of_code` maps to a group id."""
    if directory is None or not directory.is_dir():
        return []
    paths = sorted({p for pattern in WRITTEN_AD_FILES for p in directory.glob(pattern)})
    out: list[LabelledAd] = []
    for path in paths:
        try:
            out.extend(_ads_of(path, group_of_code))
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("written ads in %s skipped: %s", path, exc)
    return out
