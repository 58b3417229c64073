"""The /geo HTTP API on the demo geography: shapes, place forms, problem+json errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from jobbnav.api.app import ROUTERS
from jobbnav.api.problems import install_problem_handlers
from jobbnav.geo import service
from jobbnav.geo.api import router

DEMO_GEO = Path(__file__).resolve().parents[2] / "src" / "jobbnav" / "demo" / "data" / "geo"


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    service.import_geography(DEMO_GEO)
    app = FastAPI()
    install_problem_handlers(app)
    app.include_router(router)
    with TestClient(app) as test_client:
        yield test_client


def test_router_is_registered() -> None:
    assert "jobbnav.geo.api:router" in ROUTERS


def test_regions_and_municipalities(client: TestClient) -> None:
    regions = client.get("/geo/regions").json()
    assert len(regions) == 21
    assert {"concept_id": "CifL_Rzy_Mku", "code": "01"}.items() <= regions[0].items()
    norrbotten = client.get("/geo/municipalities", params={"region": "Norrbottens län"}).json()
    assert {m["name"] for m in norrbotten} == {"Gällivare", "Luleå", "Kiruna"}
    assert all(m["region_code"] == "25" for m in norrbotten)


def test_places_and_postcodes(client: TestClient) -> None:
    found = client.get("/geo/places", params={"q": "gote"}).json()
    assert found[0]["label"] == "Göteborg" and found[0]["kind"] == "municipality"
    place = client.get("/geo/postcodes/62111").json()
    assert place["municipality"] == "Gotland" and place["region_code"] == "09"


def test_travel_accepts_ids_codes_and_names(client: TestClient) -> None:
    by_name = client.get("/geo/travel", params={"from": "Lund", "to": "Malmö"}).json()
    by_code = client.get("/geo/travel", params={"from": "1281", "to": "1280"}).json()
    by_id = client.get("/geo/travel", params={"from": "muSY_tsR_vDZ", "to": "oYPt_yRA_Smm"}).json()
    assert by_name["minutes"] == by_code["minutes"] == by_id["minutes"]
    assert 10 < by_name["straight_km"] < 25
    assert by_name["road_km"] > by_name["straight_km"]
    transit = client.get("/geo/travel", params={"from": "Lund", "to": "Malmö",
                                                "mode": "public-transport"}).json()
    assert transit["minutes"] > by_name["minutes"]


def test_reach_and_commute(client: TestClient) -> None:
    reach = client.get("/geo/reach", params={"from": "Göteborg", "minutes": 90}).json()
    names = {m["label"] for m in reach["municipalities"]}
    assert {"Göteborg", "Borås", "Trollhättan"} <= names and "Malmö" not in names
    verdict = client.get("/geo/commute", params={"home": "Borås", "work": "Göteborg",
                                                 "work-hours": 8}).json()
    assert verdict["within"] is True and verdict["max_one_way_minutes"] == 120.0
    far = client.get("/geo/commute", params={"home": "Kiruna", "work": "Umeå"}).json()
    assert far["within"] is False and "beyond" in far["reason"]


@pytest.mark.parametrize(("url", "status", "field"), [
    ("/geo/travel?from=Lund&to=Atlantis", 404, "to"),
    ("/geo/travel?from=Lund&to=Malmö&speed=9", 400, "speed"),
    ("/geo/travel?from=Lund&to=Malmö&mode=horse", 400, "mode"),
    ("/geo/travel?to=Malmö", 400, "from"),
    ("/geo/reach?from=Lund&minutes=-5", 400, "minutes"),
    ("/geo/reach?from=Lund&minutes=many", 400, "minutes"),
    ("/geo/commute?home=Lund&work=Malmö&work-hours=12", 400, "work-hours"),
    ("/geo/postcodes/99999", 404, "code"),
    ("/geo/postcodes/12x45", 400, "code"),
    ("/geo/municipalities?region=77", 404, "region"),
])
def test_bad_input_is_problem_json(client: TestClient, url: str, status: int,
                                   field: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["field"] == field and body["detail"]
