"""Job search pages for people: `/jobb` (search with filters) and `/jobb/{id}` (one ad).

Server-rendered over the same services as the JobSearch API, so what a person sees is what a
client of `/search` gets.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from jobbnav.ads import service
from jobbnav.ads.search.params import SearchParams
from jobbnav.errors import JobbnavError, NotFound
from jobbnav.web.templating import templates

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20
# Context → how the ad page names it, in the order the sections are shown.
CONTEXTS = (("required", "Krav"), ("meriting", "Meriterande"), ("neutral", "Nämns"),
            ("negated", "Inte ett krav"))


def _regions() -> list[dict[str, str]]:
    try:
        from jobbnav.geo.service import regions
    except ImportError:  # pragma: no cover - geography is part of the package
        return []
    return [{"id": r.concept_id, "name": r.name} for r in sorted(regions(), key=lambda r: r.name)]


@router.get("/jobb", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", max_length=500),
                region: str = Query("", max_length=64), page: int = Query(1, ge=1, le=500),
                historical: bool = False) -> HTMLResponse:
    error = None
    result: dict[str, Any] | None = None
    raw: dict[str, Any] = {"offset": (page - 1) * PAGE_SIZE, "limit": PAGE_SIZE,
                           "historical": historical}
    if q.strip():
        raw["q"] = q
    if region:
        raw["region"] = [region]
    try:
        result = service.search(SearchParams.model_validate(raw)).as_dict()
    except ValidationError as exc:
        error = exc.errors()[0].get("msg", "ogiltig sökning")
    except JobbnavError as exc:
        error = exc.detail
    total = result["total"]["value"] if result else 0
    return templates.TemplateResponse(request, "ads/search.html", {
        "q": q, "region": region, "historical": historical, "page": page,
        "regions": _regions(), "result": result, "error": error, "total": total,
        "pages": max(1, -(-min(total, 10_000) // PAGE_SIZE)),
    })


@router.get("/jobb/{ad_id}", response_class=HTMLResponse)
def ad_page(request: Request, ad_id: str) -> HTMLResponse:
    try:
        ad = service.get_ad(ad_id)
    except NotFound:
        return templates.TemplateResponse(request, "ads/ad.html", {"ad": None, "ad_id": ad_id},
                                          status_code=404)
    enrichment = ad.get("enrichment") or {}
    grouped: list[tuple[str, list[dict[str, Any]]]] = []
    for context, title in CONTEXTS:
        items = [item for kind in ("occupations", "competencies", "traits", "languages",
                                   "driving_licences")
                 for item in enrichment.get(kind, []) if item.get("context") == context]
        if items:
            grouped.append((title, items))
    return templates.TemplateResponse(request, "ads/ad.html", {
        "ad": ad, "ad_id": ad_id, "concepts": grouped,
        "groups": enrichment.get("occupation_groups", [])[:3],
    })
