"""Enrichment types: what a text yields (hits with context, occupation-group guesses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "CONTEXTS",
    "KINDS",
    "Context",
    "Enrichment",
    "Hit",
    "Kind",
    "OccupationGroupGuess",
]

Kind = Literal["ad", "cv", "course", "query"]
KINDS: tuple[str, ...] = ("ad", "cv", "course", "query")
Context = Literal["required", "meriting", "neutral", "prerequisite", "outcome", "negated"]
CONTEXTS: tuple[str, ...] = ("required", "meriting", "neutral", "prerequisite", "outcome",
                             "negated")


@dataclass(frozen=True, slots=True)
class Hit:
    """One concept found in the text; `spans` are (start, end) character offsets, end exclusive."""

    concept_id: str
    concept_type: str
    preferred_label: str
    term: str
    spans: tuple[tuple[int, int], ...]
    confidence: float
    context: Context
    sentence_index: int
    misspelled: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"concept_id": self.concept_id, "concept_type": self.concept_type,
                "preferred_label": self.preferred_label, "term": self.term,
                "spans": [list(s) for s in self.spans], "confidence": self.confidence,
                "context": self.context, "sentence_index": self.sentence_index,
                "misspelled": self.misspelled}


_SLOT_SETTERS = tuple(Hit.__dict__[name].__set__ for name in Hit.__slots__)


def make_hit(concept_id: str, concept_type: str, preferred_label: str, term: str,
             spans: tuple[tuple[int, int], ...], confidence: float, context: Context,
             sentence_index: int, misspelled: bool) -> Hit:
    """The same `Hit` as `Hit(...)`, built at about half the cost: a frozen dataclass's
    `__init__` goes through `object.__setattr__` per field, this sets the slots directly."""
    hit: Hit = object.__new__(Hit)
    (s0, s1, s2, s3, s4, s5, s6, s7, s8) = _SLOT_SETTERS
    s0(hit, concept_id)
    s1(hit, concept_type)
    s2(hit, preferred_label)
    s3(hit, term)
    s4(hit, spans)
    s5(hit, confidence)
    s6(hit, context)
    s7(hit, sentence_index)
    s8(hit, misspelled)
    return hit


@dataclass(frozen=True, slots=True)
class OccupationGroupGuess:
    concept_id: str
    preferred_label: str
    ssyk_code: str | None
    probability: float

    def as_dict(self) -> dict[str, Any]:
        return {"concept_id": self.concept_id, "preferred_label": self.preferred_label,
                "ssyk_code": self.ssyk_code, "probability": self.probability}


@dataclass(frozen=True, slots=True)
class Enrichment:
    kind: Kind
    hits: tuple[Hit, ...] = ()
    occupation_groups: tuple[OccupationGroupGuess, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=())

    def of_type(self, *types: str) -> list[Hit]:
        return [h for h in self.hits if h.concept_type in types]

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "hits": [h.as_dict() for h in self.hits],
                "occupation_groups": [g.as_dict() for g in self.occupation_groups]}
