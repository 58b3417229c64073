"""The main flow in headless Chromium: log in, paste a CV, confirm, revoke a consent, see the
log."""

from __future__ import annotations

from typing import Any

import pytest
from people_world import PASSWORD, build_world, fake_enricher
from sqlalchemy import Engine

from jobbnav.people import cv

pytestmark = pytest.mark.browser


def test_job_seeker_main_flow(engine: Engine, live_server: str, browser_page: Any,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cv, "_default_enricher", fake_enricher)
    build_world(engine, passwords=True)
    page = browser_page
    page.goto(f"{live_server}/me/profile")
    assert page.url.endswith("/login")
    page.fill("input[name=username]", "anna")
    page.fill("input[name=password]", "wrong password!")
    page.click("button[type=submit]")
    assert "wrong username or password" in page.inner_text("[role=alert]")
    page.fill("input[name=username]", "anna")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    assert page.url.endswith("/me/profile")
    assert "Python" in page.inner_text("#skills")

    page.fill("textarea[name=text]", "Sjuksköterska med svenska. Pnr 811218-9876.")
    page.click("text=Föreslå begrepp")
    assert page.locator("form.proposal").count() == 2  # the world's earlier one is older
    proposal = page.locator("form.proposal").first
    assert "Sjuksköterska" in proposal.inner_text()
    proposal.locator("input[value=lang-sv]").uncheck()
    proposal.locator("button").click()
    assert "Sjuksköterska" in page.inner_text("#overview")
    assert "Svenska" not in page.inner_text("#overview").split("Språk")[0]
    assert page.locator("form.proposal").count() == 1

    page.goto(f"{live_server}/me/consents")
    assert "goals" in page.inner_text("#requests")  # the case worker's pending request
    page.locator("#consents tr.consent-granted button").first.click()
    assert page.locator("#consents tr.consent-revoked").count() == 1

    page.goto(f"{live_server}/me/audit")
    log = page.inner_text("#audit")
    assert "consent revoked" in log and "profile updated from CV" in log
    assert "9876" not in page.content()
    page.click("text=Logga ut")
    assert "/login" in page.url
    page.goto(f"{live_server}/me/audit")
    assert page.url.endswith("/login")
    # The refused login answers 401 (and the browser reports it as a failed load): no script
    # errors otherwise.
    assert [e for e in page.errors if not e.startswith("Failed to load resource")] == []
