"""Concepts named in free text: "programmerare" → the occupation Systemutvecklare/Programmerare
(and so its occupation group), "python" → the skill Python, "göteborg" → the municipality.

Built once per taxonomy version from preferred labels (and the alternatives a slash names) and
the search terms the taxonomy holds (ontology terms).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import Engine

from jobbnav.ads.search.analysis import tokens
from jobbnav.taxonomy import service as taxonomy
from jobbnav.taxonomy.index import TaxonomyIndex
from jobbnav.taxonomy.normalize import alternatives

__all__ = ["Found", "Recogniser", "recogniser"]

KINDS = {"occupation-name": "occupation", "skill": "skill", "municipality": "location",
         "region": "location", "country": "location"}
MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    kind: str
    concept_ids: tuple[str, ...]
    group_ids: tuple[str, ...]


@dataclass
class Recogniser:
    version: int
    phrases: dict[tuple[str, ...], dict[str, set[str]]] = field(default_factory=dict)
    group_of: dict[str, str] = field(default_factory=dict)
    kind_of: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, index: TaxonomyIndex) -> Recogniser:
        found = cls(index.version)
        for ctype, kind in KINDS.items():
            for cid in index.by_type.get(ctype, ()):
                concept = index.concepts[cid]
                if concept.deprecated:
                    continue
                found.kind_of[cid] = kind
                names = list(alternatives(concept.preferred_label))
                names += [t.term for t in index.terms.get(cid, ()) if not t.misspelled]
                for name in names:
                    key = tuple(tokens(name))
                    if 0 < len(key) <= MAX_WORDS:
                        found.phrases.setdefault(key, {}).setdefault(kind, set()).add(cid)
                if ctype == "occupation-name":
                    for edge in index.outgoing.get(cid, ()):
                        parent = index.concepts.get(edge.target_id)
                        if edge.relation_type == "broader" and parent is not None \
                                and parent.type == "ssyk-level-4":
                            found.group_of[cid] = parent.id
        return found

    def find(self, words: list[str]) -> list[Found]:
        """Longest concept names in `words`, left to right, without overlaps."""
        spans: list[Found] = []
        i = 0
        while i < len(words):
            for length in range(min(MAX_WORDS, len(words) - i), 0, -1):
                kinds = self.phrases.get(tuple(words[i:i + length]))
                if kinds:
                    for kind, ids in sorted(kinds.items()):
                        ordered = tuple(sorted(ids))
                        groups = tuple(sorted({self.group_of[c] for c in ordered
                                               if c in self.group_of}))
                        spans.append(Found(i, i + length, kind, ordered, groups))
                    i += length
                    break
            else:
                i += 1
        return spans


_cache: dict[int, Recogniser] = {}
_lock = threading.Lock()


def recogniser(engine: Engine) -> Recogniser:
    index = taxonomy.index(engine)
    key = id(engine)
    with _lock:
        found = _cache.get(key)
        if found is None or found.version != index.version:
            found = _cache[key] = Recogniser.build(index)
        return found
