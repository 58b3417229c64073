"""HTTP API of the geography: /geo/… (JSON; errors as problem+json)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from jobbnav.geo import service
from jobbnav.geo.model import Place, ReachedPlace, TravelMode

__all__ = ["router"]

router = APIRouter(prefix="/geo", tags=["geography"])


class _Strict(BaseModel):
    # Unknown query parameters are refused with a 400 naming them.
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class MunicipalityParams(_Strict):
    region: str | None = Field(None, description="Only this county: länskod, concept id or name.")


class NoParams(_Strict):
    pass


class PlaceSearchParams(_Strict):
    q: str = Field(..., min_length=1, max_length=200, description="Start of a place name.")
    limit: int = Field(10, ge=1, le=100)


class TravelParams(_Strict):
    from_: str = Field(..., alias="from", min_length=1, max_length=200,
                       description="Concept id, kommunkod, länskod, postcode or place name.")
    to: str = Field(..., min_length=1, max_length=200)
    mode: TravelMode = "car"


class ReachParams(_Strict):
    from_: str = Field(..., alias="from", min_length=1, max_length=200)
    minutes: float = Field(..., ge=0, le=service.MAX_REACH_MINUTES)
    mode: TravelMode = "car"
    limit: int = Field(200, ge=1, le=5000, description="At most this many localities.")


class CommuteParams(_Strict):
    home: str = Field(..., min_length=1, max_length=200)
    work: str = Field(..., min_length=1, max_length=200)
    work_hours: float = Field(8.0, alias="work-hours", gt=0, lt=12,
                              description="Daily working hours (incl. breaks away from home).")
    mode: TravelMode = "car"


def _reached(hit: ReachedPlace) -> dict[str, Any]:
    return {"kind": hit.kind, "id": hit.id, "label": hit.label,
            "municipality_code": hit.municipality_code, "minutes": round(hit.minutes, 1),
            "straight_km": round(hit.straight_km, 2), "via": hit.via}


def _places(found: list[Place]) -> list[dict[str, Any]]:
    return [p.as_dict() for p in found]


@router.get("/regions", summary="The 21 counties (län) with codes, concept ids and a point")
def regions(params: Annotated[NoParams, Query()]) -> list[dict[str, Any]]:
    return [{"concept_id": r.concept_id, "code": r.code, "name": r.name,
             "short_name": r.short_name, "lat": r.lat, "lon": r.lon}
            for r in service.regions()]


@router.get("/municipalities", summary="The municipalities, optionally of one county")
def municipalities(params: Annotated[MunicipalityParams, Query()]) -> list[dict[str, Any]]:
    region_code = service.region(params.region).code if params.region else None
    return [{"concept_id": m.concept_id, "code": m.code, "name": m.name,
             "full_name": m.full_name, "region_code": m.region_code, "lat": m.lat,
             "lon": m.lon, "centroid_source": m.centroid_source}
            for m in service.municipalities(region_code=region_code)]


@router.get("/places", summary="Places (counties, municipalities, localities) by name prefix")
def places(params: Annotated[PlaceSearchParams, Query()]) -> list[dict[str, Any]]:
    return _places(service.search(params.q, limit=params.limit))


@router.get("/postcodes/{code}", summary="The municipality (and point) of a postcode")
def postcode(code: Annotated[str, Path(min_length=5, max_length=6)],
             params: Annotated[NoParams, Query()]) -> dict[str, Any]:
    return service.postcode(code).as_dict()


@router.get("/travel", summary="Straight-line distance and estimated door-to-door travel time")
def travel(params: Annotated[TravelParams, Query()]) -> dict[str, Any]:
    return service.travel(params.from_, params.to, mode=params.mode).as_dict()


@router.get("/reach", summary="Localities and municipalities within a travel time")
def reach(params: Annotated[ReachParams, Query()]) -> dict[str, Any]:
    result = service.reach(params.from_, params.minutes, mode=params.mode)
    return {"from": result.origin.as_dict(), "minutes": result.minutes, "mode": result.mode,
            "localities_total": len(result.localities),
            "localities": [_reached(h) for h in result.localities[:params.limit]],
            "municipalities": [_reached(h) for h in result.municipalities]}


@router.get("/commute", summary="Is work within daily commuting distance (12-hour rule)?")
def commute(params: Annotated[CommuteParams, Query()]) -> dict[str, Any]:
    return service.commute(params.home, params.work, params.work_hours,
                           mode=params.mode).as_dict()
