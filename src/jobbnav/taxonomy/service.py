"""Taxonomy services: import, lookups, graph walks. No HTTP and no SQL strings here."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Engine

from jobbnav.db import get_engine
from jobbnav.errors import InvalidInput, NotFound
from jobbnav.taxonomy import importer
from jobbnav.taxonomy.index import Edge, TaxonomyIndex, get_index, invalidate
from jobbnav.taxonomy.model import Concept

__all__ = [
    "RELATION_NAMES",
    "ancestors",
    "concept_types",
    "concepts_of_type",
    "edges",
    "find_by_label",
    "get_concept",
    "import_taxonomy",
    "index",
    "neighbours",
    "resolve",
    "warm_up",
]

# Relation names a client may ask for, as the JobTech API spells them.
RELATION_NAMES = ("broader", "narrower", "related", "substitutability",
                  "substitutability-to", "substitutability-from")


def index(engine: Engine | None = None) -> TaxonomyIndex:
    return get_index(engine or get_engine())


def warm_up() -> None:
    from jobbnav.taxonomy.typeahead import typeahead_index

    typeahead_index()  # loads the read model, then builds the typeahead over it


def import_taxonomy(directory: Path, ontology_dir: Path | None = None, *,
                    engine: Engine | None = None,
                    progress: importer.ProgressHook | None = None) -> importer.ImportReport:
    engine = engine or get_engine()
    report = importer.import_taxonomy(engine, directory, ontology_dir,
                                      progress or (lambda *_: None))
    invalidate(engine)
    return report


def get_concept(concept_id: str, *, engine: Engine | None = None) -> Concept:
    found = index(engine).concepts.get(concept_id)
    if found is None:
        raise NotFound(f"no concept with id {concept_id!r}", field="id")
    return found


def resolve(concept_id: str, *, engine: Engine | None = None) -> Concept:
    """The concept an id stands for today: follows `replaced_by` from deprecated concepts."""
    current = get_concept(concept_id, engine=engine)
    seen = {current.id}
    while current.deprecated and current.replaced_by and current.replaced_by not in seen:
        nxt = index(engine).concepts.get(current.replaced_by)
        if nxt is None:
            break
        seen.add(nxt.id)
        current = nxt
    return current


def concepts_of_type(concept_type: str, *, engine: Engine | None = None,
                     include_deprecated: bool = False) -> list[Concept]:
    idx = index(engine)
    found = (idx.concepts[cid] for cid in idx.by_type.get(concept_type, ()))
    return [c for c in found if include_deprecated or not c.deprecated]


def concept_types(*, engine: Engine | None = None) -> list[str]:
    idx = index(engine)
    return sorted(set(idx.types) | set(idx.by_type))


def edges(concept_id: str, relation: str, *, engine: Engine | None = None,
          include_deprecated: bool = False) -> list[Edge]:
    """Edges from `concept_id` for a relation name as a client asks for it.

    broader/narrower walk the stored broader edges up/down; related goes both ways;
    substitutability-to = occupations this one can substitute, -from = those that can replace it.
    """
    if relation not in RELATION_NAMES:
        raise InvalidInput(f"unknown relation {relation!r}; one of {', '.join(RELATION_NAMES)}",
                           field="relation")
    idx = index(engine)
    out, inc = idx.outgoing.get(concept_id, []), idx.incoming.get(concept_id, [])
    picked: list[Edge]
    if relation == "broader":
        picked = [e for e in out if e.relation_type == "broader"]
    elif relation == "narrower":
        picked = [_flip(e) for e in inc if e.relation_type == "broader"]
    elif relation == "related":
        picked = [e for e in out if e.relation_type == "related"] + [
            _flip(e) for e in inc if e.relation_type == "related"]
    elif relation == "substitutability-to":
        picked = [e for e in out if e.relation_type == "substitutability"]
    elif relation == "substitutability-from":
        picked = [_flip(e) for e in inc if e.relation_type == "substitutability"]
    else:
        picked = [e for e in out if e.relation_type == "substitutability"] + [
            _flip(e) for e in inc if e.relation_type == "substitutability"]
    return [e for e in picked if include_deprecated or not e.deprecated]


def _flip(edge: Edge) -> Edge:
    """Present an incoming edge as seen from its target: source becomes the asked-for concept."""
    return Edge(edge.target_id, edge.source_id, edge.relation_type, edge.percentage,
                edge.deprecated)


def neighbours(concept_id: str, relation: str, *, concept_type: str | None = None,
               engine: Engine | None = None) -> list[Concept]:
    idx = index(engine)
    found = []
    seen: set[str] = set()
    for edge in edges(concept_id, relation, engine=engine):
        other = idx.concepts.get(edge.target_id)
        if other is None or other.id in seen:
            continue
        if concept_type is None or other.type == concept_type:
            seen.add(other.id)
            found.append(other)
    return found


def ancestors(concept_id: str, *, engine: Engine | None = None) -> list[Concept]:
    """The broader chain, nearest first: occupation-name → ssyk-level-4 → … → ssyk-level-1."""
    chain: list[Concept] = []
    seen = {concept_id}
    frontier = [concept_id]
    while frontier:
        parents = [c for cid in frontier for c in neighbours(cid, "broader", engine=engine)
                   if c.id not in seen]
        for parent in parents:
            seen.add(parent.id)
            chain.append(parent)
        frontier = [p.id for p in parents]
    return chain


def find_by_label(label: str, *, types: Iterable[str] | None = None,
                  engine: Engine | None = None) -> list[Concept]:
    """Concepts whose preferred label equals `label` (case- and dash-insensitive)."""
    from jobbnav.taxonomy.normalize import fold

    idx = index(engine)
    allowed = set(types) if types else None
    found = (idx.concepts[cid] for cid in idx.ids_by_label(fold(label)))
    return [c for c in found if allowed is None or c.type in allowed]


