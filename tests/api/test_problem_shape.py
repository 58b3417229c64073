"""Every JSON error of every endpoint has one shape (RFC 9457 problem+json), never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from jobbnav.api import create_app

PROBLEM_KEYS = {"type", "title", "status", "detail"}


def _assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert set(body) >= PROBLEM_KEYS and body["status"] == status
    assert "Traceback" not in response.text
    return body


def _plain_get_paths() -> list[str]:
    spec = create_app(warm=False).openapi()
    return sorted(path for path, ops in spec["paths"].items()
                  if "get" in ops and "{" not in path)


@pytest.fixture
def client(engine: Engine) -> TestClient:
    from jobbnav.demo.service import load_demo

    load_demo(engine=engine)
    return TestClient(create_app(warm=False))


def test_unknown_query_parameter_is_named_in_a_problem(client: TestClient) -> None:
    checked = 0
    for path in _plain_get_paths():
        if path.startswith(("/docs", "/redoc", "/openapi")) or path in ("/health",):
            continue
        response = client.get(path, params={"no-such-parameter": "1"})
        assert response.status_code != 500, path
        if response.status_code in (401, 403):
            _assert_problem(response, response.status_code)
            continue
        body = _assert_problem(response, 400)
        # A missing required parameter may be reported first; either way a field is named.
        assert body.get("field"), (path, body)
        if body["field"] != "no-such-parameter":
            assert body["title"] == "Invalid request", (path, body)
        checked += 1
    assert checked >= 20


def test_unknown_route_and_method(client: TestClient) -> None:
    _assert_problem(client.get("/no/such/route"), 404)
    _assert_problem(client.delete("/search"), 405)


def test_bad_value_names_the_parameter(client: TestClient) -> None:
    body = _assert_problem(client.get("/search", params={"limit": "many"}), 400)
    assert body["field"] == "limit"
    body = _assert_problem(client.get("/v1/taxonomy/main/concepts", params={"offset": "-1"}), 400)
    assert body["field"] == "offset"
    body = _assert_problem(client.get("/geo/reach", params={"from": "0180", "minutes": "x"}), 400)
    assert body["field"] == "minutes"
