"""Shared request-parameter helpers: strict query models that refuse unknown parameters."""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import Request

from jobbnav.errors import InvalidInput

__all__ = ["reject_unknown_params"]


def reject_unknown_params(request: Request, allowed: Iterable[str]) -> None:
    """Raise a 400 naming the first query parameter the endpoint does not know."""
    known = set(allowed)
    for name in request.query_params:
        if name not in known:
            raise InvalidInput(
                f"unknown query parameter '{name}'; allowed: {', '.join(sorted(known))}",
                field=name,
            )
