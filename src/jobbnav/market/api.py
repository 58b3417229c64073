"""HTTP API for labour-market insight: JSON, or CSV with `format=csv` / `Accept: text/csv`."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from jobbnav.api.params import reject_unknown_params
from jobbnav.market import queries

__all__ = ["router"]

router = APIRouter(prefix="/market", tags=["market"])

_OCC = ("Occupation: concept id of an occupation-name, ssyk-level-4 group or occupation-field, "
        "a 4-digit SSYK 2012 code or a preferred label. Omitted: all occupations.")
_AREA = ("Area: municipality or län concept id, name or code (a name shared by a kommun and a "
         "län means the kommun). Omitted: the whole country.")


class MarketParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    occupation: str | None = Field(None, max_length=64, description=_OCC)
    area: str | None = Field(None, max_length=64, description=_AREA)
    format: Literal["json", "csv"] | None = Field(None, description="Response format.")


class TightnessParams(MarketParams):
    level: Literal["name", "group", "field"] = "group"
    limit: int = Field(50, ge=1, le=1000)


class RegionParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    occupation: str | None = Field(None, max_length=64, description=_OCC)
    region: str | None = Field(None, max_length=64,
                               description="Län concept id, name (\"Stockholm\") or code.")
    format: Literal["json", "csv"] | None = None


def _strict(model: type[BaseModel]) -> Callable[[Request], None]:
    def check(request: Request) -> None:
        reject_unknown_params(request, model.model_fields)
    return check


def _flat(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flat(value, f"{name}."))
        elif isinstance(value, list):
            out[name] = "; ".join(str(v.get("chance", v)) if isinstance(v, dict) else str(v)
                                  for v in value)
        else:
            out[name] = value
    return out


def _respond(request: Request, fmt: str | None, body: Any, rows: list[dict[str, Any]],
             name: str) -> Response:
    wants_csv = fmt == "csv" or (fmt is None and "text/csv" in
                                 request.headers.get("accept", ""))
    if not wants_csv:
        return JSONResponse(body)
    flat = [_flat(r) for r in rows]
    columns = list(dict.fromkeys(k for r in flat for k in r))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows(flat)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'inline; filename="{name}.csv"'})


@router.get("/demand", dependencies=[Depends(_strict(MarketParams))])
def get_demand(request: Request, params: Annotated[MarketParams, Query()]) -> Response:
    """Ads and vacancies per month for an occupation x area, with the published annual baseline."""
    body = queries.demand(params.occupation, params.area)
    rows = [{"occupation_id": body["occupation"]["id"], "area_id": body["area"]["id"], **m}
            for m in body["months"]]
    return _respond(request, params.format, body, rows, "demand")


@router.get("/demand/regions", dependencies=[Depends(_strict(MarketParams))])
def get_demand_regions(request: Request, params: Annotated[MarketParams, Query()]) -> Response:
    """Ads per län over the last 12 months (or the latest published year)."""
    body = queries.demand_by_region(params.occupation)
    return _respond(request, params.format, body, body["regions"], "demand-regions")


@router.get("/tightness", dependencies=[Depends(_strict(TightnessParams))])
def get_tightness(request: Request, params: Annotated[TightnessParams, Query()]) -> Response:
    """Vacancies (12 months) per active job seeker; job-seeker cells below 5 are suppressed."""
    body = queries.tightness(params.occupation, params.area, level=params.level,
                             limit=params.limit)
    return _respond(request, params.format, body, body["rows"], "tightness")


@router.get("/forecast", dependencies=[Depends(_strict(MarketParams))])
def get_forecast(request: Request, params: Annotated[MarketParams, Query()]) -> Response:
    """Trend and a monthly forecast 5 years ahead with an 80 % band (see docs/market.md)."""
    body = queries.forecast(params.occupation, params.area)
    return _respond(request, params.format, body, body["forecast"], "forecast")


@router.get("/barometer", dependencies=[Depends(_strict(RegionParams))])
def get_barometer(request: Request, params: Annotated[RegionParams, Query()]) -> Response:
    """jobbnav's chance-of-work rating per ssyk-level-4 x län, the published barometer beside."""
    body = queries.barometer(params.occupation, params.region)
    return _respond(request, params.format, body, body["ratings"], "barometer")


@router.get("/shortage", dependencies=[Depends(_strict(RegionParams))])
def get_shortage(request: Request, params: Annotated[RegionParams, Query()]) -> Response:
    """Occupations ranked by chance of work in a län (or the country)."""
    rows = queries.shortage(params.region)
    return _respond(request, params.format, {"rows": rows}, rows, "shortage")


@router.get("/salary", dependencies=[Depends(_strict(MarketParams))])
def get_salary(request: Request, params: Annotated[MarketParams, Query()]) -> Response:
    """Monthly salary P10 / median / P90 (SEK) per ssyk-level-4; null = not published."""
    rows = queries.salary(params.occupation)
    return _respond(request, params.format, {"rows": rows}, rows, "salary")
