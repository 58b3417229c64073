"""Labelled ads as evidence for text2ssyk: the groups of the most similar ads already seen.

Every ad published through JobTech states its occupation group, so the ads a deployment has
seen are the best training data there is for an ad that arrives without one: an ad titled
"Data Engineer" is filed under whichever group employers actually use for such ads, which the
taxonomy alone cannot tell. The memory keeps each labelled ad as the same character n-gram
vector the text model uses (`CentroidScorer.vector`); an ad's evidence is the similarity-
weighted vote of its `NEIGHBOURS` nearest labelled ads, counting only what their cosine has
above `MIN_SIMILARITY`.

Labelled ads are training data, so where they come from is explicit configuration:
`JOBBNAV_LABELLED_ADS`, a glob relative to the shared data directory (or absolute), default
`ads/*.dev.json` (the development split). A deployment points it at JobTech's historical ads
files. JobSearch-shaped `.json` (a list of ads or `{"hits": [...]}`) and `.jsonl` / `.jsonl.gz`
(one ad per line) are read at run time; nothing derived from them is stored. Evaluation on the
same ads must hide each ad (and, to measure generalisation, its employer's other ads) from its
own prediction: `votes(..., exclude=...)`.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections import deque
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from pydantic_settings import BaseSettings, SettingsConfigDict
from scipy import sparse

from jobbnav.enrich.char_ngrams import CentroidScorer

__all__ = ["AdMemory", "EnrichSettings", "LabelledAd", "labelled_ads", "read_labelled_ads"]

log = logging.getLogger(__name__)

NEIGHBOURS = 3
# Any two Swedish ads share common words: a labelled ad only this similar says nothing about
# the group. Votes count what a neighbour's cosine has above it. Chosen with the memory's
# weight on the dev ads (leave-employer-out) and checked on two sets of everyday headlines
# written without the ads (docs/benchmarks.md, fifth session).
MIN_SIMILARITY = 0.2


class EnrichSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JOBBNAV_", extra="ignore")

    labelled_ads: str = "ads/*.dev.json"
    # The last ones read are kept. Each ad is ≈ 1,600 n-gram weights (≈ 20 kB); a vote costs
    # ≈ 0.6 ms per 1,000 ads (docs/benchmarks.md, twentieth session): with the written ads
    # below (≈ 1,650 in all) POST /enrich stays near 5 ms, more needs candidate generation.
    labelled_ads_max: int = 1_000
    # the project's own written ads with their SSYK code (`written_ads`); "" turns them off
    written_ads: str = str(Path(__file__).resolve().parents[3] / "tests" / "enrich" / "data")


@dataclass(frozen=True, slots=True)
class LabelledAd:
    ad_id: str
    headline: str
    text: str
    group_id: str
    employer: str


def _ads_in(path: Path) -> Iterator[Any]:
    """The ads of one file; a broken line of a JSONL file is skipped, a broken .json file too."""
    if path.name.endswith((".jsonl", ".jsonl.gz")):
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                try:
                    yield json.loads(line)
                except ValueError:
                    continue
        return
    doc = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(doc, dict):
        doc = doc.get("hits")
    if isinstance(doc, list):
        yield from doc


def labelled_ads(ads: Iterable[Any], known_groups: Collection[str]) -> Iterator[LabelledAd]:
    """The ads with an id, a headline and an `occupation_group` among `known_groups`."""
    for ad in ads:
        if not isinstance(ad, dict):
            continue
        group = ad.get("occupation_group")
        group_id = group.get("concept_id") if isinstance(group, dict) else None
        headline, ad_id = ad.get("headline"), ad.get("id")
        if group_id not in known_groups or not isinstance(headline, str) or ad_id is None:
            continue
        description = ad.get("description")
        text = description.get("text") if isinstance(description, dict) else None
        employer = ad.get("employer")
        name = employer.get("name") if isinstance(employer, dict) else None
        yield LabelledAd(str(ad_id), headline, text if isinstance(text, str) else "",
                         str(group_id), name.strip().casefold() if isinstance(name, str) else "")


def _files(pattern: str, shared_data_dir: Path | None) -> list[Path]:
    if Path(pattern).is_absolute():
        anchor = Path(Path(pattern).anchor)
        return sorted(anchor.glob(str(Path(pattern).relative_to(anchor))))
    return sorted(shared_data_dir.glob(pattern)) if shared_data_dir is not None else []


def read_labelled_ads(shared_data_dir: Path | None, known_groups: Collection[str],
                      pattern: str | None = None) -> list[LabelledAd]:
    """The last `labelled_ads_max` labelled ads read (files in name order, ads in file order)."""
    settings = EnrichSettings()
    kept: deque[LabelledAd] = deque(maxlen=max(0, settings.labelled_ads_max))
    for path in _files(pattern or settings.labelled_ads, shared_data_dir):
        try:
            kept.extend(labelled_ads(_ads_in(path), known_groups))
        except (OSError, ValueError, EOFError) as exc:
            log.warning("labelled ads in %s skipped: %s", path, exc)
    return list(kept)


class AdMemory:
    def __init__(self, scorer: CentroidScorer, row_of_group: dict[str, int],
                 examples: Iterable[LabelledAd], text_of: Any) -> None:
        """`text_of(headline, text)` → the string the scorer vectorises (as for a new ad)."""
        self.examples = list(examples)
        self.groups = len(row_of_group)
        self.group_row = np.array([row_of_group[e.group_id] for e in self.examples],
                                  dtype=np.int64)
        self.row_of_id = {e.ad_id: i for i, e in enumerate(self.examples)}
        rows: list[NDArray[np.int64]] = []
        cols: list[NDArray[np.int64]] = []
        vals: list[NDArray[np.float64]] = []
        for i, example in enumerate(self.examples):
            ids, weights = scorer.vector(text_of(example.headline, example.text))
            rows.append(np.full(ids.size, i, dtype=np.int64))
            cols.append(ids)
            vals.append(weights)
        features = len(scorer.vocabulary)
        if self.examples:
            matrix = sparse.csr_matrix(
                (np.concatenate(vals).astype(np.float32),
                 (np.concatenate(rows), np.concatenate(cols))),
                shape=(len(self.examples), features))
        else:
            matrix = sparse.csr_matrix((0, features), dtype=np.float32)
        self.columns = sparse.csc_matrix(matrix)

    def __len__(self) -> int:
        return len(self.examples)

    def same_employer(self, ad_id: str) -> frozenset[str]:
        """Ids of the labelled ads from the employer of `ad_id` (itself included)."""
        row = self.row_of_id.get(ad_id)
        if row is None:
            return frozenset({ad_id})
        employer = self.examples[row].employer
        return frozenset(e.ad_id for e in self.examples
                         if e.ad_id == ad_id or (employer and e.employer == employer))

    def votes(self, ids: NDArray[np.int64], weights: NDArray[np.float64],
              exclude: Collection[str] = ()) -> NDArray[np.float64]:
        """Per group: the summed cosine above `MIN_SIMILARITY` of the nearest labelled ads
        that belong to it."""
        out = np.zeros(self.groups)
        if not self.examples or not ids.size:
            return out
        cosines = np.asarray(self.columns[:, ids] @ weights.astype(np.float32),
                             dtype=np.float64).ravel()
        for ad_id in exclude:
            row = self.row_of_id.get(ad_id)
            if row is not None:
                cosines[row] = 0.0
        k = min(NEIGHBOURS, cosines.size)
        nearest = np.argpartition(-cosines, k - 1)[:k]
        for row in nearest:
            if cosines[row] > MIN_SIMILARITY:
                out[self.group_row[row]] += cosines[row] - MIN_SIMILARITY
        return out
