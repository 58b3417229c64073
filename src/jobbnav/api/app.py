"""The FastAPI application. Domain routers are declared once, in ROUTERS."""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from jobbnav import __version__
from jobbnav.api.limits import BodySizeLimit
from jobbnav.api.problems import install_problem_handlers
from jobbnav.settings import get_settings

__all__ = ["ROUTERS", "create_app"]

# The extension point for HTTP: "module:attribute" of each domain's APIRouter, in mount order.
ROUTERS: tuple[str, ...] = (
    "jobbnav.api.health:router",
    "jobbnav.web.pages:router",
    "jobbnav.ads.api:router",
    "jobbnav.ads.pages:router",
    "jobbnav.taxonomy.api:router",
    "jobbnav.enrich.api:router",
    "jobbnav.geo.api:router",
    "jobbnav.market.api:router",
    "jobbnav.market.pages:router",
    "jobbnav.people.api:router",
    "jobbnav.people.pages:router",
)


def _load(spec: str) -> object:
    module_name, attr = spec.split(":")
    return getattr(importlib.import_module(module_name), attr)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    from jobbnav.services import warm_up

    warm_up()
    yield


def create_app(*, warm: bool = True) -> FastAPI:
    app = FastAPI(
        title="jobbnav",
        version=__version__,
        description="Open hub for job and skills matching on the Swedish labour market. "
        "Speaks the JobTech formats (Taxonomy, JobSearch, JobStream, JobAd Enrichments).",
        lifespan=_lifespan if warm else None,
    )
    install_problem_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=get_settings().max_request_bytes)
    for spec in ROUTERS:
        app.include_router(_load(spec))  # type: ignore[arg-type]
    return app
