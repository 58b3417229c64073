"""The taxonomy over HTTP: the JobTech Taxonomy API v1 (same paths, parameters and field names,
so a JobTech client only changes its base URL), a native concept endpoint, and the /taxonomy page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from jobbnav.api.params import reject_unknown_params
from jobbnav.errors import InvalidInput, NotFound
from jobbnav.taxonomy import query, service, typeahead
from jobbnav.taxonomy.api_models import (
    SPECIFIC,
    AutocompleteQuery,
    ConceptDetailsOut,
    ConceptsQuery,
    GraphQuery,
    SpecificConceptsQuery,
    query_names,
)
from jobbnav.taxonomy.index import TaxonomyIndex
from jobbnav.taxonomy.model import Concept
from jobbnav.web.templating import templates

__all__ = ["jobtech_concept", "router"]

router = APIRouter()
_JOBTECH: list[str | Enum] = ["JobTech Taxonomy v1"]


class JSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def _only(names: Iterable[str]) -> Callable[[Request], None]:
    allowed = set(names)

    def check(request: Request) -> None:
        reject_unknown_params(request, allowed)

    return check


def _strict(model: type[BaseModel]) -> Any:
    """A route dependency answering 400 for a query parameter the model does not declare."""
    return Depends(_only(query_names(model)))


def jobtech_concept(concept: Concept, idx: TaxonomyIndex, *, codes: bool = False,
                    labels: bool = True) -> dict[str, Any]:
    """A concept as the JobTech API shows it. `taxonomy/deprecated` is only present when true,
    and a missing definition is the preferred label, as JobTech does (clients test for both)."""
    out: dict[str, Any] = {
        "taxonomy/id": concept.id,
        "taxonomy/type": concept.type,
        "taxonomy/preferred-label": concept.preferred_label,
        "taxonomy/definition": concept.definition or concept.preferred_label,
    }
    if concept.deprecated:
        out["taxonomy/deprecated"] = True
    if concept.replaced_by and (new := idx.concepts.get(concept.replaced_by)) is not None:
        out["taxonomy/replaced-by"] = [{
            "taxonomy/id": new.id, "taxonomy/type": new.type,
            "taxonomy/preferred-label": new.preferred_label,
            "taxonomy/definition": new.definition or new.preferred_label}]
    if labels:
        terms = idx.terms.get(concept.id, ())
        alternative = [t.term for t in terms if t.kind == "alternative-label"]
        hidden = [t.term for t in terms if t.kind != "alternative-label"]
        if alternative:
            out["taxonomy/alternative-labels"] = alternative
        if hidden:
            out["taxonomy/hidden-labels"] = hidden
    if codes:
        for code, value in sorted(concept.codes.items()):
            out[f"taxonomy/{code}"] = value
    return out


def _find(params: ConceptsQuery, *, types: list[str] | None = None,
          codes: dict[str, str] | None = None) -> list[Concept]:
    found = query.find_concepts(
        ids=params.id, types=types if types is not None else params.type,
        preferred_label=params.preferred_label, deprecated=params.deprecated,
        include_deprecated=params.include_deprecated, relation=params.relation,
        related_ids=params.related_ids, known_types_only=types is None,
        offset=0 if codes else params.offset, limit=None if codes else params.limit)
    if codes:
        wanted = {k: v.casefold() for k, v in codes.items()}
        found = [c for c in found
                 if all(c.codes.get(k, "").casefold() == v for k, v in wanted.items())]
        end = None if params.limit is None else params.offset + params.limit
        found = found[params.offset:end]
    return found


@router.get("/v1/taxonomy/main/concepts", tags=_JOBTECH, response_class=JSON,
            dependencies=[_strict(ConceptsQuery)])
def main_concepts(params: Annotated[ConceptsQuery, Query()]) -> JSON:
    """Concepts filtered by id, type, preferred label, deprecation and relation (JobTech v1)."""
    idx = service.index()
    return JSON([jobtech_concept(c, idx) for c in _find(params)])


@router.get("/v1/taxonomy/main/concept/types", tags=_JOBTECH, response_class=JSON,
            dependencies=[Depends(_only(()))])
def main_concept_types() -> JSON:
    """Every concept type the taxonomy knows."""
    return JSON(service.concept_types())


@router.get("/v1/taxonomy/main/relation/types", tags=_JOBTECH, response_class=JSON,
            dependencies=[Depends(_only(()))])
def main_relation_types() -> JSON:
    """The relation names the `relation` parameter accepts."""
    return JSON(list(service.RELATION_NAMES))


@router.get("/v1/taxonomy/main/graph", tags=_JOBTECH, response_class=JSON,
            dependencies=[_strict(GraphQuery)])
def main_graph(params: Annotated[GraphQuery, Query()]) -> JSON:
    """The edges of one relation between two concept types, with the nodes they join."""
    g = query.graph(params.edge_relation_type, params.source_concept_type,
                    params.target_concept_type, offset=params.offset, limit=params.limit,
                    include_deprecated=params.include_deprecated)
    nodes = [{"taxonomy/id": c.id, "taxonomy/type": c.type,
              "taxonomy/preferred-label": c.preferred_label,
              **({"taxonomy/deprecated": True} if c.deprecated else {})} for c in g.nodes]
    edges = []
    for e in g.edges:
        edge: dict[str, Any] = {"taxonomy/source": e.source_id, "taxonomy/target": e.target_id,
                                "taxonomy/relation-type": e.relation_type}
        if e.percentage is not None:
            edge["taxonomy/substitutability-percentage"] = e.percentage
        edges.append(edge)
    return JSON({"taxonomy/graph": {"taxonomy/nodes": nodes, "taxonomy/edges": edges}})


@router.get("/v1/taxonomy/main/versions", tags=_JOBTECH, response_class=JSON,
            dependencies=[Depends(_only(()))])
def main_versions() -> JSON:
    """Every recorded import: `taxonomy/version` and `taxonomy/timestamp`, oldest first."""
    return JSON([{"taxonomy/version": v.id, "taxonomy/timestamp": v.imported_at.isoformat(),
                  "jobbnav/source": v.source, "jobbnav/concepts-added": v.concepts_added,
                  "jobbnav/concepts-changed": v.concepts_changed,
                  "jobbnav/concepts-deprecated": v.concepts_deprecated}
                 for v in query.versions()])


def _specific_route(name: str, types: tuple[str, ...], codes: tuple[str, ...]) -> None:
    allowed = query_names(ConceptsQuery) | set(codes)

    def specific(params: Annotated[SpecificConceptsQuery, Query()]) -> JSON:
        wanted = list(types)
        if params.type:
            stray = [t for t in params.type if t not in types]
            if stray:
                raise InvalidInput(f"type {stray[0]!r} is not listed here; one of "
                                   f"{', '.join(types)}", field="type")
            wanted = params.type
        idx = service.index()
        return JSON([jobtech_concept(c, idx, codes=True)
                     for c in _find(params, types=wanted, codes=params.code_filters())])

    specific.__doc__ = (f"Concepts of type {', '.join(types)} with their codes"
                        f"{' (' + ', '.join(codes) + ')' if codes else ''}; filter by code too.")
    router.add_api_route(f"/v1/taxonomy/specific/concepts/{name}", specific, methods=["GET"],
                         tags=_JOBTECH, response_class=JSON, name=f"specific_{name}",
                         dependencies=[Depends(_only(allowed))])


for _name, (_types, _codes) in SPECIFIC.items():
    _specific_route(_name, _types, _codes)


@router.get("/v1/taxonomy/suggesters/autocomplete", tags=_JOBTECH, response_class=JSON,
            dependencies=[_strict(AutocompleteQuery)])
def suggesters_autocomplete(params: Annotated[AutocompleteQuery, Query()]) -> JSON:
    """Typeahead: concepts whose label or a search term begins with, contains, or is one typo
    from what was typed. Each item adds `jobbnav/matched-term` and `jobbnav/match`."""
    types = query.check_types(params.type) if params.type else None
    within = None
    if params.relation is not None or params.related_ids:
        if params.relation is None or not params.related_ids:
            missing = "relation" if params.relation is None else "related-ids"
            raise InvalidInput(f"{missing} is required with "
                               f"{'related-ids' if missing == 'relation' else 'relation'}",
                               field=missing)
        within = set(query.related_to(params.related_ids, params.relation))
    found = typeahead.suggest(params.query_string, types=types, limit=params.limit,
                              offset=params.offset, within=within,
                              include_deprecated=params.include_deprecated)
    idx = service.index()
    return JSON([{**jobtech_concept(s.concept, idx, labels=False),
                  "jobbnav/matched-term": s.term, "jobbnav/match": s.match} for s in found])


@router.get("/taxonomy/concepts/{concept_id}", tags=["taxonomy"],
            response_model=ConceptDetailsOut, dependencies=[Depends(_only(()))])
def concept_with_relations(concept_id: str) -> ConceptDetailsOut:
    """One concept with its relations grouped: the broader chain, narrower, related, and
    substitutability both ways with percentages. A deprecated id answers with `replaced_by`."""
    return ConceptDetailsOut.of(query.concept_details(concept_id))


# --- the /taxonomy page -------------------------------------------------------------------------

@router.get("/taxonomy", include_in_schema=False, response_class=HTMLResponse)
def taxonomy_page(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "taxonomy.html", {"details": None})


@router.get("/taxonomy/concept/{concept_id}", include_in_schema=False,
            response_class=HTMLResponse)
def concept_page(request: Request, concept_id: str) -> HTMLResponse:
    try:
        details = query.concept_details(concept_id)
    except NotFound:
        return templates.TemplateResponse(request, "taxonomy.html",
                                          {"details": None, "missing": concept_id},
                                          status_code=404)
    return templates.TemplateResponse(request, "taxonomy.html", {"details": details})
