"""Pipeline step: check every concept reference of an ad against the taxonomy.

A known id gets its preferred label filled in (and a replaced id its replacement); a label
without an id gets the id when exactly one concept of the expected type carries that label.
An unknown id rejects the ad, with the field named, where the ad's classification depends on it
(occupation group, place, skills, languages). Real ads published under a newer taxonomy version
than the one loaded name occupations and enumerations (employment type, duration, education,
driving licence) this taxonomy does not hold yet: those references are kept as given and
counted in the report (`unknown_kept`), since the occupation group still classifies the ad.
A reference whose concept type the taxonomy does not hold at all (say, municipalities before
the geography is imported) is kept as given.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

from jobbnav.ads.pipeline import Records
from jobbnav.taxonomy import service as taxonomy
from jobbnav.taxonomy.index import TaxonomyIndex
from jobbnav.taxonomy.normalize import fold

__all__ = ["REFERENCE_TYPES", "normalise"]

# Where an ad refers to concepts, and which concept types may stand there.
REFERENCE_TYPES: dict[str, tuple[str, ...]] = {
    "occupation": ("occupation-name",),
    "occupation_group": ("ssyk-level-4",),
    "occupation_field": ("occupation-field",),
    "employment_type": ("employment-type",),
    "working_hours_type": ("worktime-extent",),
    "salary_type": ("wage-type",),
    "duration": ("employment-duration",),
    "skills": ("skill",),
    "languages": ("language",),
    "work_experiences": ("occupation-name",),
    "education": ("sun-education-field-1", "sun-education-field-2", "sun-education-field-3",
                  "sun-education-field-4"),
    "education_level": ("sun-education-level-1", "sun-education-level-2",
                        "sun-education-level-3"),
    "driving_license": ("driving-licence",),
}
# Unknown ids here reject the ad; elsewhere they are kept and counted.
STRICT = frozenset({"occupation_group", "skills", "languages", "municipality", "region",
                    "country"})
_PLACE_TYPES = {"municipality": ("municipality",), "region": ("region",),
                "country": ("country",)}


class _Lookup:
    """Label → ids per concept type, built once per taxonomy version."""

    def __init__(self, index: TaxonomyIndex) -> None:
        self.index = index
        self.by_label: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for ctype, ids in index.by_type.items():
            table = self.by_label[ctype]
            for cid in ids:
                concept = index.concepts[cid]
                if not concept.deprecated:
                    table[fold(concept.preferred_label)].append(cid)
        # (child id, parent type) → parent id: an occupation has hundreds of outgoing edges
        # (skills, related occupations), so the walk is done once per occupation, not per ad.
        self.broader: dict[tuple[str, str], str | None] = {}
        self._held: dict[tuple[str, ...], bool] = {}

    def has_type(self, types: tuple[str, ...]) -> bool:
        held = self._held.get(types)
        if held is None:
            held = self._held[types] = any(self.index.by_type.get(t) for t in types)
        return held


_cache: dict[int, _Lookup] = {}
_lock = threading.Lock()


def _lookup(engine: Engine) -> _Lookup:
    index = taxonomy.index(engine)
    with _lock:
        found = _cache.get(id(index))
        if found is None or found.index is not index:
            _cache.clear()
            found = _cache[id(index)] = _Lookup(index)
        return found


_Ref = tuple[str, str, dict[str, Any], tuple[str, ...], str, str]


_TOP_REFS = tuple((name, REFERENCE_TYPES[name]) for name in (
    "occupation", "occupation_group", "occupation_field", "employment_type",
    "working_hours_type", "salary_type", "duration"))
_PLACE_REFS = tuple((f"workplace_address.{name}_concept_id", name, types, f"{name}_concept_id")
                    for name, types in _PLACE_TYPES.items())


def _refs(ad: dict[str, Any]) -> Iterator[_Ref]:
    """(field path, kind, object, types, id key, label key) for every concept reference."""
    for name, types in _TOP_REFS:
        ref = ad.get(name)
        if isinstance(ref, dict):
            yield name, name, ref, types, "concept_id", "label"
    for block in ("must_have", "nice_to_have"):
        holder = ad.get(block) or {}
        for kind in ("skills", "languages", "work_experiences", "education", "education_level"):
            for n, ref in enumerate(holder.get(kind) or []):
                if isinstance(ref, dict):
                    yield (f"{block}.{kind}.{n}", kind, ref, REFERENCE_TYPES[kind], "concept_id",
                           "label")
    for n, ref in enumerate(ad.get("driving_license") or []):
        if isinstance(ref, dict):
            yield (f"driving_license.{n}", "driving_license", ref,
                   REFERENCE_TYPES["driving_license"], "concept_id", "label")
    place = ad.get("workplace_address")
    if isinstance(place, dict):
        for path, name, types, id_key in _PLACE_REFS:
            yield path, name, place, types, id_key, name


def _check(lookup: _Lookup, ref: dict[str, Any], types: tuple[str, ...], id_key: str,
           label_key: str) -> str | None:
    """Fill in / resolve one reference; returns a problem, or None when it is fine."""
    cid, label = ref.get(id_key), ref.get(label_key)
    concepts = lookup.index.concepts
    if cid:  # the common case first: a current concept of the right type
        concept = concepts.get(cid)
        if concept is not None and concept.type in types and not concept.deprecated:
            if not label:
                ref[label_key] = concept.preferred_label
            return None
    elif not label:
        return None
    if not lookup.has_type(types):
        return None
    if cid:
        concept = concepts.get(cid)
        if concept is None or concept.type not in types:
            what = "unknown" if concept is None else f"a {concept.type}, not a"
            return f"{what} {'/'.join(types)} concept id {cid!r}"
        if concept.deprecated and concept.replaced_by in concepts:
            concept = concepts[concept.replaced_by]
            ref[id_key] = concept.id
        if not label:
            ref[label_key] = concept.preferred_label
        return None
    if label:
        wanted = fold(str(label))
        found = [c for t in types for c in lookup.by_label.get(t, {}).get(wanted, ())]
        if len(found) == 1:
            ref[id_key] = found[0]
    return None


def normalise(batch: Records) -> None:
    lookup = _lookup(batch.engine)
    for item in batch.live():
        if item.ad is None or item.removal:
            continue
        for path, kind, ref, types, id_key, label_key in _refs(item.ad):
            problem = _check(lookup, ref, types, id_key, label_key)
            if problem is None:
                continue
            if kind in STRICT:
                batch.reject(item, path, f"{path}: {problem}")
                break
            kept = batch.report.unknown_kept
            kept[kind] = kept.get(kind, 0) + 1
        else:
            _derive_broader(lookup, item.ad)


def _broader_of(lookup: _Lookup, concept_id: str, concept_type: str) -> str | None:
    key = (concept_id, concept_type)
    if key not in lookup.broader:
        lookup.broader[key] = _walk_broader(lookup.index, concept_id, concept_type)
    return lookup.broader[key]


def _walk_broader(index: TaxonomyIndex, concept_id: str, concept_type: str) -> str | None:
    for edge in index.outgoing.get(concept_id, ()):
        parent = index.concepts.get(edge.target_id)
        if edge.relation_type == "broader" and parent is not None and parent.type == concept_type:
            return parent.id
    return None


def _derive_broader(lookup: _Lookup, ad: dict[str, Any]) -> None:
    """An ad naming its occupation but not its group (or field) gets them from the taxonomy:
    facts of the hierarchy, so group and field facets and statistics count the ad."""
    chain = (("occupation", "occupation_group", "ssyk-level-4"),
             ("occupation_group", "occupation_field", "occupation-field"))
    for child_key, parent_key, parent_type in chain:
        child = ad.get(child_key)
        parent = ad.get(parent_key)
        if not isinstance(child, dict) or not child.get("concept_id"):
            continue
        if isinstance(parent, dict) and parent.get("concept_id"):
            continue
        found = _broader_of(lookup, child["concept_id"], parent_type)
        if found is not None:
            concept = lookup.index.concepts[found]
            ad[parent_key] = {"concept_id": concept.id, "label": concept.preferred_label,
                              "legacy_ams_taxonomy_id": None}
