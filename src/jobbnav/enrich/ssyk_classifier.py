"""text2ssyk: the occupation group (ssyk-level-4) of an ad, with calibrated-ish probabilities.

Three kinds of evidence, added per group and turned into probabilities with a softmax:
1. occupation names (and ontology job titles) recognised in the headline — the strongest sign
   of what an ad is for, with inflections and compound heads handled by the matcher;
2. occupation names in the body and skills (each skill votes for the groups it is related to);
3. a linear text model: TF-IDF (character 3–5-grams inside words, which copes with Swedish
   compounds) cosine to each group's centroid over the non-ad training texts (`ssyk_training`).
Built at run time from the taxonomy and education files in a few seconds; cached in memory.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from jobbnav.enrich.model import OccupationGroupGuess
from jobbnav.enrich.ssyk_training import training_documents
from jobbnav.taxonomy.index import TaxonomyIndex

__all__ = ["GroupEvidence", "OccupationGroupModel", "build_group_model"]

HEADLINE_WEIGHT = 3.0
BODY_OCCUPATION_WEIGHT = 0.6
SKILL_WEIGHT = 0.25
TEXT_WEIGHT = 12.0
TEMPERATURE = 1.2  # evidence units per nat; chosen so a lone headline match gives p ≈ 0.9
MAX_TEXT_CHARS = 1_500  # the opening of an ad says what the job is; bounds the cost


@dataclass(frozen=True, slots=True)
class GroupEvidence:
    """What the matcher found, reduced to concept ids and confidences."""

    headline_occupations: tuple[tuple[str, float], ...] = ()
    body_occupations: tuple[tuple[str, float], ...] = ()
    skills: tuple[str, ...] = ()


def _vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                           min_df=2, max_features=300_000, lowercase=True, dtype=np.float32)


class OccupationGroupModel:
    def __init__(self, index: TaxonomyIndex, groups_of: dict[str, frozenset[str]],
                 education_dir: Path | None) -> None:
        started = time.perf_counter()
        docs = training_documents(index, education_dir)
        self.group_ids: list[str] = sorted({gid for gid, _ in docs})
        self._row = {gid: i for i, gid in enumerate(self.group_ids)}
        self._labels = {gid: index.concepts[gid].preferred_label for gid in self.group_ids}
        self._codes = {gid: index.concepts[gid].codes.get("ssyk-code-2012")
                       for gid in self.group_ids}
        self.vectorizer = _vectorizer()
        matrix = self.vectorizer.fit_transform([text for _, text in docs])
        owner = sparse.csr_matrix(
            (np.ones(len(docs), dtype=np.float32),
             ([self._row[gid] for gid, _ in docs], np.arange(len(docs)))),
            shape=(len(self.group_ids), len(docs)))
        self.centroids: sparse.csr_matrix = normalize(owner @ matrix)
        self.groups_of = groups_of
        self.training_docs = len(docs)
        self.build_seconds = time.perf_counter() - started

    def text_similarity(self, headline: str, text: str) -> NDArray[np.float64]:
        doc = f"{headline} {headline} {headline} {text[:MAX_TEXT_CHARS]}"
        vec = self.vectorizer.transform([doc])
        return np.asarray((self.centroids @ vec.T).toarray()).ravel().astype(np.float64)

    def evidence(self, headline: str, text: str, found: GroupEvidence) -> NDArray[np.float64]:
        scores = TEXT_WEIGHT * self.text_similarity(headline, text)
        self._add(scores, found.headline_occupations, HEADLINE_WEIGHT)
        self._add(scores, found.body_occupations, BODY_OCCUPATION_WEIGHT)
        skill_votes: dict[str, float] = {}
        for cid in set(found.skills):
            groups = self.groups_of.get(cid, frozenset())
            for gid in groups:
                skill_votes[gid] = skill_votes.get(gid, 0.0) + 1.0 / len(groups)
        for gid, vote in skill_votes.items():
            if gid in self._row:
                scores[self._row[gid]] += SKILL_WEIGHT * vote
        return scores

    def _add(self, scores: NDArray[np.float64], hits: Iterable[tuple[str, float]],
             weight: float) -> None:
        best: dict[str, float] = {}
        for cid, confidence in hits:
            best[cid] = max(best.get(cid, 0.0), confidence)
        for cid, confidence in best.items():
            groups = self.groups_of.get(cid, frozenset())
            for gid in groups:
                if gid in self._row:
                    scores[self._row[gid]] += weight * confidence / len(groups)

    def predict(self, headline: str, text: str, found: GroupEvidence,
                top: int = 5) -> list[OccupationGroupGuess]:
        scores = self.evidence(headline, text, found)
        if not scores.size or not (headline.strip() or text.strip()):
            return []
        logits = (scores - scores.max()) / (1.0 / TEMPERATURE)
        probs = np.exp(logits)
        probs /= probs.sum()
        order = np.argsort(-probs, kind="stable")[:top]
        return [OccupationGroupGuess(self.group_ids[i], self._labels[self.group_ids[i]],
                                     self._codes[self.group_ids[i]], round(float(probs[i]), 4))
                for i in order]


def build_group_model(index: TaxonomyIndex, groups_of: dict[str, frozenset[str]],
                      education_dir: Path | None) -> OccupationGroupModel | None:
    """None when the taxonomy has no occupation groups (e.g. an empty database)."""
    if not index.by_type.get("ssyk-level-4"):
        return None
    return OccupationGroupModel(index, groups_of, education_dir)
