"""The job search pages in a real browser: search, read an ad, nothing unsafe rendered."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from jobbnav.api import create_app
from jobbnav.demo.service import load_demo


@pytest.fixture
def demo(engine: Engine) -> Engine:
    load_demo(engine=engine)
    return engine


def test_search_read_and_page_in_the_browser(demo: Engine, live_server: str,
                                             browser_page: Any) -> None:
    page = browser_page
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(f"{live_server}/jobb")
    page.fill("input[name=q]", "lärare")
    page.click("#search button")
    page.wait_for_selector("#total")
    total = int(page.inner_text("#total strong"))
    hits = page.locator("li.hit")
    assert total >= 5 and hits.count() == min(total, 20)
    first = hits.nth(0).locator("a").inner_text()
    hits.nth(0).locator("a").click()
    page.wait_for_selector("#ad")
    assert page.inner_text("#ad h1") == first
    assert failed == [] and page.errors == []


def test_region_filter_narrows_and_unknown_ad_is_404(demo: Engine) -> None:
    client = TestClient(create_app(warm=False))
    everywhere = client.get("/jobb", params={"q": "lärare"})
    stockholm = client.get("/jobb", params={"q": "lärare", "region": "CifL_Rzy_Mku"})
    assert everywhere.status_code == stockholm.status_code == 200
    assert stockholm.text.count('class="card hit"') < everywhere.text.count('class="card hit"')
    assert client.get("/jobb/no-such-ad").status_code == 404


def test_ad_text_and_links_are_rendered_safely(engine: Engine) -> None:
    from jobbnav.ads.service import import_ads
    from jobbnav.demo.service import DEMO_DIR
    from jobbnav.taxonomy.service import import_taxonomy

    import_taxonomy(DEMO_DIR / "taxonomy", engine=engine)
    evil = {"id": "evil-1", "headline": "<script>alert(1)</script>Lagerarbetare",
            "description": {"text": "<img src=x onerror=alert(2)> Truckkort krävs."},
            "webpage_url": "javascript:alert(3)", "publication_date": "2026-11-01T08:00:00",
            "application_deadline": "2099-12-31T23:59:59"}
    report = import_ads([evil], engine=engine, enrich=False)
    assert report.stored == 1, report.as_dict()
    html = TestClient(create_app(warm=False)).get("/jobb/evil-1").text
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html
    assert "javascript:alert(3)" not in html
