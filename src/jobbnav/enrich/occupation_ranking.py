"""An ad's occupations ranked by what the ad is for, from the occupation-group model.

JobAd Enrichments lists `occupations` with a `prediction`, and users read the first as what the
ad is for. The matcher's confidence only says that a name is mentioned ("kontakta vår
rekryterare" names a recruiter), so for an ad each occupation-name hit is scored
P(its group) × its confidence, and the predicted groups themselves are candidates with their
probability. Sorted by prediction, the first is the model's best single guess: a name of the best
group when the text names one (it comes first on a tie), otherwise the group. Without group
predictions (no model, or not an ad) the hits keep their own `fallback` score.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from jobbnav.enrich.model import Enrichment, Hit

__all__ = ["RankedOccupation", "rank_occupations"]

OCCUPATION_TYPES = ("occupation-name", "ssyk-level-4")


@dataclass(frozen=True, slots=True)
class RankedOccupation:
    concept_id: str
    concept_type: str
    preferred_label: str
    prediction: float
    hit: Hit | None  # None: a predicted group the text does not name


def rank_occupations(result: Enrichment, groups_of: Mapping[str, frozenset[str]],
                     fallback: Callable[[Hit], float]) -> list[RankedOccupation]:
    """Named occupations (text order), then predicted groups not named (model order)."""
    hits = [h for h in result.hits if h.concept_type in OCCUPATION_TYPES]
    if not result.occupation_groups:
        return [RankedOccupation(h.concept_id, h.concept_type, h.preferred_label,
                                 fallback(h), h) for h in hits]
    probability = {g.concept_id: g.probability for g in result.occupation_groups}
    out = []
    for hit in hits:
        p = max((probability.get(g, 0.0) for g in groups_of.get(hit.concept_id, ())),
                default=0.0)
        out.append(RankedOccupation(hit.concept_id, hit.concept_type, hit.preferred_label,
                                    round(p * hit.confidence, 4), hit))
    named = {h.concept_id for h in hits}
    out += [RankedOccupation(g.concept_id, "ssyk-level-4", g.preferred_label,
                             round(g.probability, 4), None)
            for g in result.occupation_groups if g.concept_id not in named]
    return out
