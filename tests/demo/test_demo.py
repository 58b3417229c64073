"""The demo dataset loads through the ordinary importers and stays usable as time passes."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from jobbnav.api import create_app
from jobbnav.demo.service import load_demo
from jobbnav.demo.steps import DEMO_ADS_WRITTEN, demo_ads


def test_demo_ads_keep_their_dates_on_the_day_they_were_written() -> None:
    ads = demo_ads(DEMO_ADS_WRITTEN)
    assert len(ads) == 41
    assert min(a["publication_date"] for a in ads).startswith("2026-11-01")


def test_demo_ads_loaded_a_year_later_are_still_open() -> None:
    later = demo_ads(date(2027, 11, 22))
    now = demo_ads(DEMO_ADS_WRITTEN)
    assert all(a["application_deadline"] > "2027-11-22" for a in later)
    assert [a["headline"] for a in later] == [a["headline"] for a in now]


def test_demo_load_gives_searchable_ads_and_is_idempotent(engine: Engine) -> None:
    first = load_demo(engine=engine)
    assert first.loaded and first.steps["ads"]["stored"] == 41
    assert not load_demo(engine=engine, if_empty=True).loaded
    body = TestClient(create_app(warm=False)).get("/search", params={"q": "lärare",
                                                                     "limit": 0}).json()
    assert body["total"]["value"] >= 5
