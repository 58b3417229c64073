"""Taxonomy types: what an importer produces and what the service hands out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "RELATION_TYPES",
    "Concept",
    "ConceptRecord",
    "ParsedTaxonomy",
    "RelationRecord",
    "TermRecord",
]

# Edge types stored; "narrower" is answered by walking "broader" backwards.
RELATION_TYPES = ("broader", "related", "substitutability")


@dataclass(slots=True)
class ConceptRecord:
    id: str
    type: str
    preferred_label: str
    definition: str | None = None
    codes: dict[str, str] = field(default_factory=dict)
    deprecated: bool = False
    replaced_by: str | None = None
    local: bool = False
    # True when the record only appeared as the target of a relation (id, label, type): its
    # definition and codes are unknown here and must not overwrite what a full record gave.
    partial: bool = False


@dataclass(frozen=True, slots=True)
class RelationRecord:
    source_id: str
    target_id: str
    relation_type: str
    percentage: int | None = None


@dataclass(frozen=True, slots=True)
class TermRecord:
    concept_id: str
    term: str
    kind: str  # "alternative-label" | "hidden-term" | "ontology" | "keyword"
    source: str
    misspelled: bool = False


@dataclass(slots=True)
class ParsedTaxonomy:
    """Everything one import read, validated, before anything is written."""

    concepts: dict[str, ConceptRecord] = field(default_factory=dict)
    relations: dict[tuple[str, str, str], RelationRecord] = field(default_factory=dict)
    terms: dict[tuple[str, str, str], TermRecord] = field(default_factory=dict)
    concept_types: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    report: dict[str, Any] = field(default_factory=dict)

    def add_concept(self, record: ConceptRecord) -> None:
        known = self.concepts.get(record.id)
        if known is None or (known.partial and not record.partial):
            if known is not None and not record.codes:
                record.codes = known.codes
            self.concepts[record.id] = record
            return
        if record.partial:
            return
        # Two full records of one concept (it appears in several files): merge what each knows.
        known.codes.update(record.codes)
        known.definition = known.definition or record.definition

    def add_relation(self, record: RelationRecord) -> None:
        key = (record.source_id, record.target_id, record.relation_type)
        known = self.relations.get(key)
        if known is None or (known.percentage is None and record.percentage is not None):
            self.relations[key] = record

    def add_term(self, record: TermRecord) -> None:
        self.terms.setdefault((record.concept_id, record.term, record.kind), record)


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    type: str
    preferred_label: str
    definition: str | None
    codes: dict[str, str]
    deprecated: bool
    replaced_by: str | None
    local: bool = False
    terms: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
