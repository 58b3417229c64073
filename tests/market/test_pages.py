from __future__ import annotations

from typing import Any

import httpx
from market_helpers import DEV, seasonal_ads
from sqlalchemy import Engine

from jobbnav.market.service import recompute


def test_market_page_renders_charts_without_errors(engine: Engine, live_server: str,
                                                   browser_page: Any) -> None:
    seasonal_ads(engine)
    recompute(engine)
    page = browser_page
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
    page.goto(f"{live_server}/market?occupation={DEV}")
    assert page.locator("svg.chart.series polygon.band").count() == 1
    assert page.locator("svg.chart.series polyline.forecast").count() == 1
    assert page.locator("svg.chart.bars rect.bar").count() == 2  # two län have ads
    assert page.locator("table.shortage tbody tr").count() >= 2
    assert missing == []
    assert page.errors == []


def test_market_page_shows_a_bad_occupation_as_a_message(engine: Engine,
                                                         live_server: str) -> None:
    response = httpx.get(f"{live_server}/market", params={"occupation": "nope_nop_nop"})
    assert response.status_code == 200
    assert "no occupation &#39;nope_nop_nop&#39;" in response.text or \
        "no occupation &#x27;nope_nop_nop&#x27;" in response.text
