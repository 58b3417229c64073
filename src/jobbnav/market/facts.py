"""From a stored ad (JobSearch JSON shape) to its market fact, filling gaps from the taxonomy.

An ad may name only its occupation-name: the ssyk-level-4 group then comes from the taxonomy's
broader chain. occupation-field concepts may be absent from our taxonomy, so the field is taken
from the ad when it gives one. A municipality without a region gets its län from the broader
edges of the geography.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine

from jobbnav.market.model import AdFact

__all__ = ["Resolver", "month_of"]


def month_of(value: Any) -> int | None:
    """yyyymm of an ISO date or datetime (string or object); None when absent or unreadable."""
    if isinstance(value, datetime | date):
        return value.year * 100 + value.month
    if not isinstance(value, str) or len(value) < 7:
        return None
    try:
        year, month = int(value[0:4]), int(value[5:7])
    except ValueError:
        return None
    if value[4] != "-" or not 1 <= month <= 12 or year < 1900:
        return None
    return year * 100 + month


def _concept_id(ad: Mapping[str, Any], key: str) -> str:
    node = ad.get(key)
    if isinstance(node, list):  # JobSearch gives some of these as lists
        node = node[0] if node else None
    if isinstance(node, Mapping):
        value = node.get("concept_id")
        return value if isinstance(value, str) else ""
    return ""


class Resolver:
    """Taxonomy look-ups with a per-instance cache (one instance per batch or recompute)."""

    def __init__(self, engine: Engine | None) -> None:
        self._engine = engine
        self._group: dict[str, str] = {}
        self._region: dict[str, str] = {}
        self._index: Any = None
        self._loaded = False

    def taxonomy_index(self) -> Any:
        if not self._loaded:
            self._loaded = True
            try:
                from jobbnav.taxonomy.service import index

                self._index = index(self._engine)
            except Exception:  # no taxonomy tables yet: facts keep what the ad says
                self._index = None
        return self._index

    def _broader_of_type(self, concept_id: str, wanted: str) -> str:
        idx = self.taxonomy_index()
        if idx is None or concept_id not in idx.concepts:
            return ""
        frontier, seen = [concept_id], {concept_id}
        while frontier:
            nxt = []
            for cid in frontier:
                for edge in idx.outgoing.get(cid, ()):
                    if edge.relation_type != "broader" or edge.target_id in seen:
                        continue
                    target = idx.concepts.get(edge.target_id)
                    if target is None:
                        continue
                    if target.type == wanted:
                        return str(target.id)
                    seen.add(target.id)
                    nxt.append(target.id)
            frontier = nxt
        return ""

    def group_of(self, occupation_id: str) -> str:
        if occupation_id not in self._group:
            self._group[occupation_id] = self._broader_of_type(occupation_id, "ssyk-level-4")
        return self._group[occupation_id]

    def region_of(self, municipality_id: str) -> str:
        if municipality_id not in self._region:
            self._region[municipality_id] = self._broader_of_type(municipality_id, "region")
        return self._region[municipality_id]

    def fact(self, ad: Mapping[str, Any], previous: AdFact | None = None) -> AdFact | None:
        """The ad's fact; a bare update (e.g. a removal with only the id) keeps what was known."""
        ad_id = ad.get("id")
        if not isinstance(ad_id, str | int) or str(ad_id) == "":
            return None
        month = month_of(ad.get("publication_date"))
        occupation = _concept_id(ad, "occupation")
        group = _concept_id(ad, "occupation_group")
        field = _concept_id(ad, "occupation_field")
        address = ad.get("workplace_address")
        address = address if isinstance(address, Mapping) else {}
        municipality = address.get("municipality_concept_id") or ""
        region = address.get("region_concept_id") or ""
        if previous is not None:
            month = month or previous.month
            occupation = occupation or previous.occupation_id or ""
            group = group or previous.group_id or ""
            field = field or previous.field_id or ""
            municipality = municipality or previous.municipality_id or ""
            region = region or previous.region_id or ""
        if month is None:
            return None
        if occupation and not group:
            group = self.group_of(occupation)
        if municipality and not region:
            region = self.region_of(str(municipality))
        vacancies = ad.get("number_of_vacancies")
        if not isinstance(vacancies, int) or isinstance(vacancies, bool) or vacancies < 1:
            vacancies = previous.vacancies if previous is not None else 1
        return AdFact(ad_id=str(ad_id), month=month, occupation_id=occupation, group_id=group,
                      field_id=field, municipality_id=str(municipality), region_id=str(region),
                      vacancies=vacancies, removed=bool(ad.get("removed")))
