"""Demo accounts: one per role, and a demo job seeker with a profile and a consent.

DEMO-ONLY passwords, fixed and documented in docs/people.md so that `make run` can print them;
never use them outside a local demo. Concepts are looked up by label in whatever taxonomy is
loaded (and left out when absent), so the profile only ever names concepts that exist.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy import Engine

from jobbnav.db import get_engine
from jobbnav.people import accounts
from jobbnav.people.consent import grant
from jobbnav.people.model import ConsentGrant, Experience, Goals, Language, Profile
from jobbnav.people.model import SearchPreferences as Search
from jobbnav.people.profile import put_own
from jobbnav.people.store import account

__all__ = ["DEMO_ACCOUNTS", "load_demo"]

PUBLIC_ORG = "Arbetsförmedlingen (demo)"
EMPLOYER_ORG = "Exempelbolaget AB (demo)"
# (role, username, display name, organisation, DEMO-ONLY password)
DEMO_ACCOUNTS = (
    ("job_seeker", "anna", "Anna Andersson", None, "demo-anna-2026"),
    ("case_worker", "handlaggare", "Hanna Handläggare", PUBLIC_ORG, "demo-handlaggare-2026"),
    ("employer", "arbetsgivare", "Erik Rekryterare", EMPLOYER_ORG, "demo-arbetsgivare-2026"),
    ("analyst", "analytiker", "Ali Analytiker", None, "demo-analytiker-2026"),
    ("administrator", "admin", "Administratör", None, "demo-admin-2026"),
)


def _first(labels: list[str], types: tuple[str, ...], engine: Engine) -> list[str]:
    from jobbnav.taxonomy.service import find_by_label

    found: list[str] = []
    for label in labels:
        hits = find_by_label(label, types=types, engine=engine)
        if hits and hits[0].id not in found:
            found.append(hits[0].id)
    return found


def _demo_profile(engine: Engine) -> Profile:
    occupations = _first(["Systemutvecklare", "Mjukvaruutvecklare", "Lagerarbetare"],
                         ("occupation-name",), engine)
    skills = _first(["Python", "SQL", "Java", "JavaScript", "Scrum"], ("skill",), engine)
    languages = _first(["Svenska", "Engelska"], ("language",), engine)
    places = _first(["Göteborg", "Mölndal"], ("municipality",), engine)
    return Profile(
        experiences=[Experience(occupation_id=o, employer="Exempel Data AB",
                                start=dt.date(2019, 3, 1), end=dt.date(2026, 6, 30))
                     for o in occupations[:1]],
        skills=skills[:4],
        languages=[Language(concept_id=c, level="native" if i == 0 else "fluent")
                   for i, c in enumerate(languages)],
        driving_licences=["B"],
        goals=Goals(target_occupations=occupations[:1], drivers=["Utvecklande arbetsuppgifter"]),
        search=Search(places=places[:2], max_travel_minutes=45, working_hours="full_time",
                      remote="partly"),
        home_municipality=places[0] if places else None,
        unemployment_since=dt.date(2026, 9, 1), visibility="anonymous",
        summary="Utvecklare med sju års erfarenhet av webbtjänster (demoprofil).")


def load_demo(*, engine: Engine | None = None) -> list[tuple[str, str, str]]:
    """Create the demo accounts (idempotent); returns (role, username, password) per account."""
    engine = engine or get_engine()
    orgs = {PUBLIC_ORG: accounts.create_organisation(PUBLIC_ORG, "public", engine=engine),
            EMPLOYER_ORG: accounts.create_organisation(EMPLOYER_ORG, "employer", engine=engine)}
    with engine.connect() as conn:
        existing = set(conn.execute(sa.select(account.c.username)).scalars())
    for role, username, name, org, password in DEMO_ACCOUNTS:
        if username in existing:
            continue
        account_id = accounts.create_account(
            username, role, password=password, display_name=name,
            email=f"{username}@example.org", organisation_id=orgs[org] if org else None,
            engine=engine)
        if role == "job_seeker":
            seeker = accounts.actor_for(account_id, engine=engine)
            put_own(seeker, _demo_profile(engine), engine=engine, what="demo profile created")
            grant(seeker, ConsentGrant(
                recipient_kind="organisation", recipient_id=orgs[PUBLIC_ORG],
                purpose="case_work", scope=["experiences", "education", "skills", "languages",
                                            "goals", "search", "unemployment", "contact"],
                days=365), engine=engine)
    return [(role, username, password) for role, username, _, _, password in DEMO_ACCOUNTS]
