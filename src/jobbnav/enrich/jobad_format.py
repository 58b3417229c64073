"""The JobAd Enrichments response shape, from our enrichment of a document.

JobTech's `prediction` is how likely the employer demands the candidate; here it is the hit's
confidence scaled by its context (a requirement keeps it, a merit lowers it a little, a passing
mention or a negation a lot). The binary endpoint keeps candidates with prediction ≥ 0.5.
"""

from __future__ import annotations

from typing import Any

from jobbnav.enrich.model import Enrichment, Hit
from jobbnav.enrich.service import AD_GROUPS

__all__ = ["BINARY_THRESHOLD", "CANDIDATE_GROUPS", "candidates", "prediction"]

BINARY_THRESHOLD = 0.5
CANDIDATE_GROUPS = ("occupations", "competencies", "traits", "geos")
_CONTEXT_FACTOR = {"required": 1.0, "prerequisite": 1.0, "meriting": 0.8, "outcome": 0.8,
                   "neutral": 0.55, "negated": 0.1}


def prediction(hit: Hit) -> float:
    factor = 1.0 if hit.sentence_index < 0 else _CONTEXT_FACTOR[hit.context]
    return round(hit.confidence * factor, 4)


def candidates(result: Enrichment, sentences: list[str], *, binary: bool, include_terms_info: bool,
               include_sentences: bool, sort: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {g: [] for g in CANDIDATE_GROUPS}
    for hit in result.hits:
        group = next((g for g in CANDIDATE_GROUPS if hit.concept_type in AD_GROUPS[g]), None)
        if group is None:
            continue
        score = prediction(hit)
        if binary and score < BINARY_THRESHOLD:
            continue
        item: dict[str, Any] = {"concept_label": hit.preferred_label, "term": hit.term,
                                "prediction": score, "term_misspelled": hit.misspelled,
                                "sentence_index": hit.sentence_index}
        if include_terms_info:
            item.update(concept_id=hit.concept_id, concept_type=hit.concept_type,
                        context=hit.context, spans=[list(s) for s in hit.spans])
        if include_sentences:
            item["sentence"] = (sentences[hit.sentence_index]
                                if 0 <= hit.sentence_index < len(sentences) else None)
        out[group].append(item)
    if sort in ("DESC", "ASC"):
        for items in out.values():
            items.sort(key=lambda i: i["prediction"], reverse=sort == "DESC")
    return out
