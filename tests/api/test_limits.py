"""No endpoint reads a request body beyond the global limit, declared or streamed."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from jobbnav.api import create_app
from jobbnav.settings import get_settings

LIMIT = get_settings().max_request_bytes


def _client(engine: Engine) -> TestClient:
    return TestClient(create_app(warm=False))


def test_declared_oversized_body_is_refused_before_parsing(engine: Engine) -> None:
    body = b"{" + b" " * (LIMIT + 10) + b"}"
    response = _client(engine).post("/v1/auth/login", content=body,
                                    headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["field"] == "body"


def test_streamed_oversized_body_is_refused(engine: Engine) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(LIMIT // 65536 + 2):
            yield b" " * 65536

    response = _client(engine).post("/v1/auth/login", content=chunks(),
                                    headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["status"] == 413


def test_body_under_the_limit_reaches_the_endpoint(engine: Engine) -> None:
    response = _client(engine).post("/v1/auth/login", json={"username": "x", "password": "y"})
    assert response.status_code in (400, 401)
