"""Read queries behind the JobTech-compatible API and the concept page: filtered concept lists,
the typed graph between two concept types, the import versions, a concept with its relations.

Everything answers from the in-memory read model (`index()`), except the version list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, select

from jobbnav.db import get_engine
from jobbnav.errors import InvalidInput, NotFound
from jobbnav.taxonomy import service
from jobbnav.taxonomy.index import Edge, Term
from jobbnav.taxonomy.model import Concept
from jobbnav.taxonomy.normalize import fold
from jobbnav.taxonomy.store import taxonomy_version

__all__ = [
    "ConceptDetails",
    "Graph",
    "Neighbour",
    "Version",
    "check_types",
    "concept_details",
    "find_concepts",
    "graph",
    "related_to",
    "versions",
]


def check_types(types: Iterable[str], *, engine: Engine | None = None,
                field: str = "type") -> list[str]:
    """The types as given, or InvalidInput naming the first one the taxonomy does not know."""
    known = set(service.concept_types(engine=engine))
    wanted = list(dict.fromkeys(types))
    for name in wanted:
        if name not in known:
            raise InvalidInput(f"unknown concept type {name!r}; "
                               "see /v1/taxonomy/main/concept/types", field=field)
    return wanted


def related_to(related_ids: Sequence[str], relation: str, *,
               engine: Engine | None = None) -> list[str]:
    """Ids of the concepts that stand in `relation` to any of `related_ids`, in order, once each.

    As in JobTech: `relation=narrower&related-ids=X` gives the concepts narrower than X.
    """
    found: dict[str, None] = {}
    for cid in related_ids:
        for edge in service.edges(cid, relation, engine=engine):
            found.setdefault(edge.target_id)
    return list(found)


def find_concepts(*, ids: Sequence[str] = (), types: Sequence[str] = (),
                  preferred_label: str | None = None, deprecated: bool | None = None,
                  include_deprecated: bool = False, relation: str | None = None,
                  related_ids: Sequence[str] = (), offset: int = 0, limit: int | None = None,
                  known_types_only: bool = True,
                  engine: Engine | None = None) -> list[Concept]:
    """Concepts matching every filter given, in a stable order (the ids' order, else by id).

    Deprecated concepts are left out unless `deprecated=True` (only them), `include_deprecated`,
    or the ids are asked for by name: an old id still resolves, marked deprecated.
    A type the taxonomy does not know is refused unless `known_types_only` is false (callers
    that list fixed types, some of which a small database may lack).
    """
    if (relation is None) != (not related_ids):
        missing = "relation" if relation is None else "related-ids"
        raise InvalidInput(f"{missing} is required when "
                           f"{'related-ids' if relation is None else 'relation'} is given",
                           field=missing)
    if offset < 0 or (limit is not None and limit < 0):
        raise InvalidInput("offset and limit must be zero or more",
                           field="offset" if offset < 0 else "limit")
    idx = service.index(engine)
    if types and known_types_only:
        check_types(types, engine=engine)
    wanted_types = set(types) if types else None
    pool: Iterable[str]
    if ids:
        pool = dict.fromkeys(ids)
    elif relation is not None:
        pool = related_to(related_ids, relation, engine=engine)
    elif wanted_types is not None:
        pool = sorted(cid for t in wanted_types for cid in idx.by_type.get(t, ()))
    else:
        pool = idx.concepts
    keep_ids = set(related_to(related_ids, relation, engine=engine)) \
        if ids and relation is not None else None
    label = fold(preferred_label) if preferred_label is not None else None
    show_deprecated = include_deprecated or bool(ids)

    def matches(concept: Concept) -> bool:
        if deprecated is not None:
            if concept.deprecated != deprecated:
                return False
        elif concept.deprecated and not show_deprecated:
            return False
        if wanted_types is not None and concept.type not in wanted_types:
            return False
        if keep_ids is not None and concept.id not in keep_ids:
            return False
        return label is None or fold(concept.preferred_label) == label

    found = (c for c in (idx.concepts.get(cid) for cid in pool) if c is not None and matches(c))
    return _page(found, offset, limit)


def _page(items: Iterator[Concept], offset: int, limit: int | None) -> list[Concept]:
    out: list[Concept] = []
    for number, item in enumerate(items):
        if number < offset:
            continue
        if limit is not None and len(out) >= limit:
            break
        out.append(item)
    return out


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: list[Concept]
    edges: list[Edge]


_GRAPH_RELATIONS = ("broader", "narrower", "related", "substitutability")


def graph(relation: str, source_type: str, target_type: str, *, offset: int = 0,
          limit: int | None = None, include_deprecated: bool = False,
          engine: Engine | None = None) -> Graph:
    """The edges of one relation from concepts of one type to concepts of another (a tree view).

    `broader` edges point from the narrower concept; `narrower` is their inverse; `related` is
    answered in both stored directions; `substitutability` points from the occupation that can
    stand in to the one it substitutes, with its percentage.
    """
    if relation not in _GRAPH_RELATIONS:
        raise InvalidInput(f"unknown edge-relation-type {relation!r}; one of "
                           f"{', '.join(_GRAPH_RELATIONS)}", field="edge-relation-type")
    check_types([source_type], engine=engine, field="source-concept-type")
    check_types([target_type], engine=engine, field="target-concept-type")
    if offset < 0 or (limit is not None and limit < 0):
        raise InvalidInput("offset and limit must be zero or more",
                           field="offset" if offset < 0 else "limit")
    idx = service.index(engine)
    wanted = {"narrower": "broader", "related": "related"}.get(relation, relation)

    def all_edges() -> Iterator[Edge]:
        for cid in idx.by_type.get(source_type, ()):
            for edge in service.edges(cid, relation if relation != "substitutability"
                                      else "substitutability-to", engine=engine,
                                      include_deprecated=include_deprecated):
                target = idx.concepts.get(edge.target_id)
                if edge.relation_type == wanted and target is not None \
                        and target.type == target_type \
                        and (include_deprecated or not target.deprecated):
                    yield edge

    edges: list[Edge] = []
    for number, edge in enumerate(all_edges()):
        if number < offset:
            continue
        if limit is not None and len(edges) >= limit:
            break
        edges.append(Edge(edge.source_id, edge.target_id, relation, edge.percentage,
                          edge.deprecated))
    node_ids = dict.fromkeys(cid for e in edges for cid in (e.source_id, e.target_id))
    return Graph([idx.concepts[cid] for cid in node_ids], edges)


@dataclass(frozen=True, slots=True)
class Version:
    id: int
    imported_at: datetime
    source: str
    concepts_added: int
    concepts_changed: int
    concepts_deprecated: int


def versions(*, engine: Engine | None = None) -> list[Version]:
    """Every recorded import, oldest first."""
    engine = engine or get_engine()
    t = taxonomy_version
    with engine.connect() as conn:
        rows = conn.execute(select(t.c.id, t.c.imported_at, t.c.source, t.c.concepts_added,
                                   t.c.concepts_changed, t.c.concepts_deprecated)
                            .order_by(t.c.id)).all()
    return [Version(r.id, r.imported_at, r.source, r.concepts_added, r.concepts_changed,
                    r.concepts_deprecated) for r in rows]


@dataclass(frozen=True, slots=True)
class Neighbour:
    concept: Concept
    percentage: int | None = None


@dataclass(frozen=True, slots=True)
class ConceptDetails:
    concept: Concept
    terms: list[Term]
    replaced_by: Concept | None
    broader: list[Concept]  # the whole chain upwards, nearest first
    narrower: list[Concept]
    related: list[Concept]
    substitutes: list[Neighbour] = field(default_factory=list)  # this one can replace these
    substituted_by: list[Neighbour] = field(default_factory=list)  # these can replace this one


def concept_details(concept_id: str, *, engine: Engine | None = None) -> ConceptDetails:
    """One concept with its relations grouped (the concept page, `/taxonomy/concepts/{id}`)."""
    idx = service.index(engine)
    concept = idx.concepts.get(concept_id)
    if concept is None:
        raise NotFound(f"no concept with id {concept_id!r}", field="id")

    def others(relation: str) -> list[Neighbour]:
        seen: dict[str, Neighbour] = {}
        for edge in service.edges(concept_id, relation, engine=engine):
            other = idx.concepts.get(edge.target_id)
            if other is not None and other.id not in seen:
                seen[other.id] = Neighbour(other, edge.percentage)
        return list(seen.values())

    # casefold, not fold(): display order only, and a hub has thousands of neighbours
    def by_label(items: list[Neighbour]) -> list[Concept]:
        return sorted((n.concept for n in items),
                      key=lambda c: (c.type, c.preferred_label.casefold()))

    def by_percentage(items: list[Neighbour]) -> list[Neighbour]:
        return sorted(items, key=lambda n: (-(n.percentage or 0),
                                            n.concept.preferred_label.casefold()))

    replaced = None
    if concept.replaced_by:
        replaced = service.resolve(concept.id, engine=engine)
        replaced = replaced if replaced.id != concept.id else None
    return ConceptDetails(
        concept=concept, terms=list(idx.terms.get(concept_id, ())), replaced_by=replaced,
        broader=service.ancestors(concept_id, engine=engine),
        narrower=by_label(others("narrower")), related=by_label(others("related")),
        substitutes=by_percentage(others("substitutability-to")),
        substituted_by=by_percentage(others("substitutability-from")))
