"""HTTP: JobSearch (`/search`, `/ad/{id}`, `/complete`) and JobStream (`/stream`, `/snapshot`)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import datetime
from functools import lru_cache
from typing import Any, TypeVar

import orjson
from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from jobbnav.ads import service
from jobbnav.ads.search.params import LIST_PARAMS, SearchParams
from jobbnav.ads.stream import StreamParams
from jobbnav.api.params import reject_unknown_params
from jobbnav.errors import InvalidInput

__all__ = ["router"]

router = APIRouter(tags=["job ads (JobSearch / JobStream)"])
M = TypeVar("M", bound=BaseModel)


def _json(body: Any) -> Response:
    return Response(orjson.dumps(body), media_type="application/json")


@lru_cache(maxsize=64)
def _param_names(model: type[BaseModel], fixed: frozenset[str]) -> frozenset[str]:
    """The query parameters `model` takes, minus those the endpoint fixes itself."""
    return frozenset((f.alias or n) for n, f in model.model_fields.items()) - fixed


def _validated(model: type[M], request: Request, lists: frozenset[str],
               **extra: Any) -> M:
    """Query string → model; the first problem becomes a 400 naming the parameter."""
    reject_unknown_params(request, _param_names(model, frozenset(extra)))
    data: dict[str, Any] = {}
    for name in request.query_params:
        values = request.query_params.getlist(name)
        if name in lists:
            data[name] = [v for value in values for v in value.split(",")] \
                if name in {"stats"} else values
        elif len(values) > 1:
            raise InvalidInput(f"parameter '{name}' given {len(values)} times; give it once",
                               field=name)
        else:
            data[name] = values[0]
    data.update(extra)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first.get("loc") else "query"
        raise InvalidInput(f"{field}: {first['msg']}", field=field) from None


# The hits are spliced from stored JSON and sent as bytes (no response model on the hot path);
# the shape is documented here for the OpenAPI schema.
_SEARCH_RESPONSES: dict[int | str, dict[str, Any]] = {200: {
    "description": "JobSearch answer: `{total: {value}, positions, query_time_in_millis, "
                   "result_time_in_millis, stats, freetext_concepts, hits, next?}`; each hit is "
                   "the ad in the JobSearch shape plus `relevance` and `sources`.",
    "content": {"application/json": {"schema": {
        "type": "object",
        "required": ["total", "positions", "query_time_in_millis", "result_time_in_millis",
                     "stats", "freetext_concepts", "hits"],
        "properties": {
            "total": {"type": "object", "properties": {"value": {"type": "integer"}}},
            "positions": {"type": "integer"},
            "query_time_in_millis": {"type": "integer"},
            "result_time_in_millis": {"type": "integer"},
            "stats": {"type": "array", "items": {"type": "object"}},
            "freetext_concepts": {"type": "object"},
            "hits": {"type": "array", "items": {"type": "object"}},
            "next": {"type": "string", "description": "pass as `cursor` for the next page"},
        }}}}}}


Endpoint = Callable[[Request], Coroutine[Any, Any, Response]]


class _DirectRoute(APIRoute):
    """A route whose endpoint, `async def f(request) -> Response`, is called as it is.

    FastAPI's own handler (dependency solving, telemetry, response checks) cost about as much
    as a whole search over 100,000 ads; these endpoints read and validate their query
    themselves (`_validated`) and answer bytes. FastAPI's documented extension point
    (a custom `APIRoute.get_route_handler`): the route stays in the OpenAPI schema, and errors
    still reach the app's problem+json handlers.
    """

    def get_route_handler(self) -> Endpoint:
        endpoint: Endpoint = self.endpoint
        return endpoint


def _search_json(params: SearchParams) -> Response:
    return Response(service.search(params).as_json(), media_type="application/json")


async def search(request: Request) -> Response:
    params = _validated(SearchParams, request, LIST_PARAMS)
    # Live searches (≤ ~100,000 ads, about a millisecond) run on the event loop: the hop to a
    # worker thread and back cost more than the search itself.
    return _search_json(params)


async def historical_search(request: Request) -> Response:
    params = _validated(SearchParams, request, LIST_PARAMS, historical=True)
    # The archive can hold millions of ads: a slow search must not hold up the event loop.
    return await run_in_threadpool(_search_json, params)


router.add_api_route("/search", search, methods=["GET"],
                     summary="Search ads (JobSearch API compatible)",
                     responses=_SEARCH_RESPONSES, route_class_override=_DirectRoute)
router.add_api_route("/historical/search", historical_search, methods=["GET"],
                     summary="Search the archive: live, removed and expired ads",
                     responses=_SEARCH_RESPONSES, route_class_override=_DirectRoute)


@router.get("/ad/{ad_id}", summary="One ad by id (also removed ones)")
def get_ad(ad_id: str) -> Response:
    return _json(service.get_ad(ad_id))


class CompleteParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    q: str = Field(min_length=1, max_length=200)
    limit: int = Field(10, ge=1, le=50)
    historical: bool = False


@router.get("/complete", summary="Typeahead: completions of the last word of q, with counts")
def complete(request: Request) -> Response:
    params = _validated(CompleteParams, request, frozenset())
    return _json({"typeahead": service.complete(
        params.q, limit=params.limit, historical=params.historical)})


class StreamQuery(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    date: datetime
    updated_before_date: datetime | None = Field(None, alias="updated-before-date")
    occupation_concept_id: list[str] = Field(default_factory=list,
                                             alias="occupation-concept-id")
    location_concept_id: list[str] = Field(default_factory=list, alias="location-concept-id")


_STREAM_LISTS = frozenset({"occupation-concept-id", "location-concept-id"})


@router.get("/stream", summary="Ads created, changed or removed in an interval (JobStream)")
def stream(request: Request) -> StreamingResponse:
    q = _validated(StreamQuery, request, _STREAM_LISTS)
    params = StreamParams(q.date, q.updated_before_date, tuple(q.occupation_concept_id),
                          tuple(q.location_concept_id))
    return StreamingResponse(service.stream(params), media_type="application/json")


@router.get("/snapshot", summary="Every live ad (JobStream)")
def snapshot(request: Request) -> StreamingResponse:
    reject_unknown_params(request, ())
    return StreamingResponse(service.snapshot(), media_type="application/json")
