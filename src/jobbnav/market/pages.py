"""The analyst page `/market`: charts rendered server-side as SVG (no JavaScript)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from jobbnav.db import get_engine
from jobbnav.errors import JobbnavError
from jobbnav.market import queries
from jobbnav.market.charts import bars, series_with_band
from jobbnav.web.templating import templates

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/market", response_class=HTMLResponse)
def market_page(request: Request,
                occupation: str | None = Query(None, max_length=64),
                region: str | None = Query(None, max_length=64)) -> HTMLResponse:
    occupation = occupation or None
    region = region or None
    context: dict[str, Any] = {"occupation": occupation or "", "region": region or "",
                               "errors": []}
    if region:  # a name is resolved once, as a län first ("Stockholm" = Stockholms län)
        try:
            with get_engine().connect() as conn:
                region = queries.resolve_area(conn, region, field="region")[1]
        except JobbnavError as exc:
            context["errors"].append(exc.detail)
            region = None
    try:
        by_region = queries.demand_by_region(occupation)
        context["by_region"] = by_region
        context["bars"] = bars([(r["region"]["label"], r["ads"])
                                for r in by_region["regions"]],
                               title=f"Annonser per län ({by_region['basis']})")
    except JobbnavError as exc:
        context["errors"].append(exc.detail)
    try:
        fc = queries.forecast(occupation, region)
        context["forecast"] = fc
        context["series"] = series_with_band(fc["history"], fc["forecast"],
                                             title="Annonser per månad med prognos")
    except JobbnavError as exc:
        context["errors"].append(exc.detail)
    try:
        context["shortage"] = queries.shortage(region if region else None, limit=25)
    except JobbnavError as exc:
        context["errors"].append(exc.detail)
        context["shortage"] = []
    return templates.TemplateResponse(request, "market/index.html", context)
