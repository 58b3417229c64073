"""The JobAd Enrichments response shape, from our enrichment of a document.

JobTech's `prediction` is how likely the employer demands the candidate; here it is the hit's
confidence scaled by its context (a requirement keeps it, a merit lowers it a little, a passing
mention or a negation a lot). `occupations` are ranked by what the ad is for instead
(`occupation_ranking`): sorted by prediction, the first is the best single guess of its
occupation group. The binary endpoint keeps candidates with prediction ≥ 0.5, and always that
best guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jobbnav.enrich.model import Enrichment, Hit
from jobbnav.enrich.occupation_ranking import rank_occupations
from jobbnav.enrich.service import AD_GROUPS

__all__ = ["BINARY_THRESHOLD", "CANDIDATE_GROUPS", "candidates", "prediction"]

BINARY_THRESHOLD = 0.5
CANDIDATE_GROUPS = ("occupations", "competencies", "traits", "geos")
_CONTEXT_FACTOR = {"required": 1.0, "prerequisite": 1.0, "meriting": 0.8, "outcome": 0.8,
                   "neutral": 0.55, "negated": 0.1}


def prediction(hit: Hit) -> float:
    factor = 1.0 if hit.sentence_index < 0 else _CONTEXT_FACTOR[hit.context]
    return round(hit.confidence * factor, 4)


def _item(label: str, term: str, score: float, misspelled: bool, sentence_index: int, *,
          terms_info: dict[str, Any] | None, sentence: tuple[str | None] | None
          ) -> dict[str, Any]:
    """`sentence`: None to leave the key out, else a 1-tuple of the sentence (or of None)."""
    item: dict[str, Any] = {"concept_label": label, "term": term, "prediction": score,
                            "term_misspelled": misspelled, "sentence_index": sentence_index}
    if terms_info is not None:
        item.update(terms_info)
    if sentence is not None:
        item["sentence"] = sentence[0]
    return item


def candidates(result: Enrichment, sentences: list[str], *, binary: bool, include_terms_info: bool,
               include_sentences: bool, sort: str, headline: str = "",
               groups_of: Mapping[str, frozenset[str]] | None = None
               ) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {g: [] for g in CANDIDATE_GROUPS}

    def sentence_of(hit: Hit) -> tuple[str | None] | None:
        if not include_sentences:
            return None
        return (sentences[hit.sentence_index] if 0 <= hit.sentence_index < len(sentences)
                else None,)

    def terms_info(hit: Hit) -> dict[str, Any] | None:
        if not include_terms_info:
            return None
        return {"concept_id": hit.concept_id, "concept_type": hit.concept_type,
                "context": hit.context, "spans": [list(s) for s in hit.spans]}

    for hit in result.hits:
        group = next((g for g in CANDIDATE_GROUPS if hit.concept_type in AD_GROUPS[g]), None)
        if group is None or group == "occupations":
            continue
        score = prediction(hit)
        if binary and score < BINARY_THRESHOLD:
            continue
        out[group].append(_item(hit.preferred_label, hit.term, score, hit.misspelled,
                                hit.sentence_index, terms_info=terms_info(hit),
                                sentence=sentence_of(hit)))
    ranked = rank_occupations(result, groups_of or {}, prediction)
    best = max(ranked, key=lambda r: r.prediction, default=None)
    for r in ranked:
        if binary and r.prediction < BINARY_THRESHOLD and r is not best:
            continue
        if r.hit is not None:
            out["occupations"].append(_item(
                r.preferred_label, r.hit.term, r.prediction, r.hit.misspelled,
                r.hit.sentence_index, terms_info=terms_info(r.hit), sentence=sentence_of(r.hit)))
        else:  # a predicted group: read from the headline and the whole text
            info = ({"concept_id": r.concept_id, "concept_type": r.concept_type,
                     "context": "predicted", "spans": []} if include_terms_info else None)
            out["occupations"].append(_item(r.preferred_label, headline, r.prediction, False, -1,
                                            terms_info=info,
                                            sentence=(None,) if include_sentences else None))
    if sort in ("DESC", "ASC"):
        for items in out.values():
            items.sort(key=lambda i: i["prediction"], reverse=sort == "DESC")
    return out
