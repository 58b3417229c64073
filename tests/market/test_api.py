from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient
from market_helpers import DEV, NURSE, STOCKHOLM, seasonal_ads
from sqlalchemy import Engine

from jobbnav.api import create_app
from jobbnav.market.service import recompute


def _client(engine: Engine) -> TestClient:
    seasonal_ads(engine)
    recompute(engine)
    return TestClient(create_app(warm=False))


def test_endpoints_answer_json_and_csv(engine: Engine) -> None:
    client = _client(engine)
    demand = client.get("/market/demand", params={"occupation": NURSE, "area": STOCKHOLM})
    assert demand.status_code == 200
    months = demand.json()["months"]
    assert months[0]["month"] == "2022-01" and months[-1]["month"] == "2025-12"
    assert sum(m["ads"] for m in months) > 0
    as_csv = client.get("/market/demand", params={"occupation": NURSE, "format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert rows[0]["month"] == "2022-01" and int(rows[0]["ads"]) > 0
    by_accept = client.get("/market/salary", headers={"Accept": "text/csv"})
    assert by_accept.headers["content-type"].startswith("text/csv")
    forecast = client.get("/market/forecast", params={"occupation": DEV}).json()
    assert len(forecast["forecast"]) == 60
    assert forecast["year_5"]["ads"] > forecast["trend"]["last_12_months"]  # DEV grows
    assert forecast["year_1"]["lower"] <= forecast["year_1"]["ads"] <= forecast["year_1"]["upper"]
    barometer = client.get("/market/barometer", params={"region": STOCKHOLM}).json()
    assert {r["occupation"]["id"] for r in barometer["ratings"]} == {NURSE, DEV}
    grow = next(r for r in barometer["ratings"] if r["occupation"]["id"] == DEV)
    assert grow["direction"] == "öka"
    assert client.get("/market/tightness").status_code == 200


def test_errors_are_problem_json_naming_the_parameter(engine: Engine) -> None:
    client = _client(engine)
    unknown = client.get("/market/demand", params={"occupaton": NURSE})
    assert unknown.status_code == 400
    assert unknown.headers["content-type"] == "application/problem+json"
    assert unknown.json()["field"] == "occupaton"
    missing = client.get("/market/forecast", params={"occupation": "nope_nop_nop"})
    assert missing.status_code == 404 and missing.json()["field"] == "occupation"
    bad_format = client.get("/market/salary", params={"format": "xml"})
    assert bad_format.status_code == 400 and bad_format.json()["field"] == "format"
    bad_area = client.get("/market/demand", params={"area": "nope_nop_nop"})
    assert bad_area.status_code == 404 and bad_area.json()["field"] == "area"
