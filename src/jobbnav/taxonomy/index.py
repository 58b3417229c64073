"""An in-memory read model of the taxonomy: concepts by id, edges both ways, terms.

Loaded once per process from the store and reloaded when a newer taxonomy version appears
(checked at most once a second), so lookups with relations cost microseconds, not queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Engine, func, select

from jobbnav.db.read_model import ReadModelCache
from jobbnav.taxonomy.model import Concept
from jobbnav.taxonomy.store import concept, concept_relation, concept_term, concept_type

__all__ = ["Edge", "TaxonomyIndex", "get_index", "invalidate"]


@dataclass(frozen=True, slots=True)
class Edge:
    source_id: str
    target_id: str
    relation_type: str
    percentage: int | None
    deprecated: bool


@dataclass(frozen=True, slots=True)
class Term:
    term: str
    kind: str
    misspelled: bool


@dataclass
class TaxonomyIndex:
    version: int
    concepts: dict[str, Concept] = field(default_factory=dict)
    outgoing: dict[str, list[Edge]] = field(default_factory=lambda: defaultdict(list))
    incoming: dict[str, list[Edge]] = field(default_factory=lambda: defaultdict(list))
    terms: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    by_type: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    types: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    _by_label: dict[str, list[str]] | None = field(default=None, repr=False)

    def ids_by_label(self, folded_label: str) -> list[str]:
        """Concept ids whose folded preferred label equals `folded_label` (built on first use)."""
        if self._by_label is None:
            from jobbnav.taxonomy.normalize import fold

            by_label: dict[str, list[str]] = defaultdict(list)
            for concept_id, concept in self.concepts.items():
                by_label[fold(concept.preferred_label)].append(concept_id)
            self._by_label = dict(by_label)
        return self._by_label.get(folded_label, [])

    @classmethod
    def load(cls, engine: Engine) -> TaxonomyIndex:
        with engine.connect() as conn:
            index = cls(version=_latest_version(engine))
            for row in conn.execute(select(concept).order_by(concept.c.id)):
                index.concepts[row.id] = Concept(
                    id=row.id, type=row.type, preferred_label=row.preferred_label,
                    definition=row.definition, codes=dict(row.codes or {}),
                    deprecated=row.deprecated, replaced_by=row.replaced_by, local=row.local)
                index.by_type[row.type].append(row.id)
            for row in conn.execute(select(concept_relation)):
                edge = Edge(row.source_id, row.target_id, row.relation_type, row.percentage,
                            row.deprecated)
                index.outgoing[row.source_id].append(edge)
                index.incoming[row.target_id].append(edge)
            for row in conn.execute(select(concept_term)):
                index.terms[row.concept_id].append(Term(row.term, row.kind, row.misspelled))
            for row in conn.execute(select(concept_type)):
                index.types[row.id] = (row.label_sv, row.label_en)
        return index


def _latest_version(engine: Engine) -> int:
    from jobbnav.taxonomy.store import taxonomy_version

    with engine.connect() as conn:
        # The concept count joins the version id so that writers which add concepts without a
        # taxonomy version (the geography import) also make readers reload.
        version = conn.execute(select(func.max(taxonomy_version.c.id))).scalar() or 0
        count = conn.execute(select(func.count()).select_from(concept)).scalar() or 0
    return int(version) * 10_000_000 + int(count)


_models: ReadModelCache[TaxonomyIndex] = ReadModelCache(
    TaxonomyIndex.load, _latest_version, lambda model: model.version)


def get_index(engine: Engine) -> TaxonomyIndex:
    return _models.get(engine)


def invalidate(engine: Engine | None = None) -> None:
    """Forget the cached index (after an import in this process)."""
    _models.invalidate(engine)
