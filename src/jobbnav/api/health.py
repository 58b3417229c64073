"""Liveness and version."""

from __future__ import annotations

from fastapi import APIRouter

from jobbnav import __version__

__all__ = ["router"]

router = APIRouter(tags=["health"])


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok", "version": __version__}
