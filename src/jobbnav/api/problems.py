"""RFC 9457 problem+json: the one JSON error shape of every endpoint."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from jobbnav.errors import JobbnavError

__all__ = ["install_problem_handlers", "problem", "problem_response"]

PROBLEM_JSON = "application/problem+json"


def problem(status: int, title: str, detail: str, *, field: str | None = None,
            instance: str | None = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status,
                            "detail": detail}
    if field is not None:
        body["field"] = field
    if instance is not None:
        body["instance"] = instance
    body.update(extra)
    return body


def problem_response(status: int, title: str, detail: str, *, field: str | None = None,
                     instance: str | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse(problem(status, title, detail, field=field, instance=instance, **extra),
                        status_code=status, media_type=PROBLEM_JSON)


def _field_of(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "body", "path", "header", "cookie")]
    return ".".join(parts) or "request"


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(JobbnavError)
    async def _domain(request: Request, exc: JobbnavError) -> JSONResponse:
        return problem_response(exc.status, exc.title, exc.detail, field=exc.field,
                                instance=request.url.path)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {"loc": ("request",), "msg": "invalid request"}
        field = _field_of(first.get("loc", ()))
        detail = f"{field}: {first.get('msg', 'invalid value')}"
        invalid = [{"field": _field_of(e.get("loc", ())), "problem": e.get("msg")}
                   for e in errors]
        return problem_response(400, "Invalid request", detail, field=field,
                                instance=request.url.path, errors=invalid)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        title = {404: "Not found", 405: "Method not allowed", 401: "Not authenticated",
                 403: "Forbidden", 413: "Payload too large"}.get(exc.status_code, "Error")
        return problem_response(exc.status_code, title, str(exc.detail),
                                instance=request.url.path)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Never leak internals: the detail is generic, the traceback goes to the server log.
        return problem_response(500, "Internal error", "an unexpected error occurred",
                                instance=request.url.path)
