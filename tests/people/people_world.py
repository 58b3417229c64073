"""Helpers for the people tests: a small world: a few taxonomy concepts, one account per role, a job
seeker (anna) with a profile, consents for the recipients, a pending request and interest."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from jobbnav.people import accounts, consent, cv, employers, profile
from jobbnav.people.model import Actor, ConsentGrant, DataRequest

CONCEPTS = [
    ("occ-dev", "occupation-name", "Systemutvecklare"),
    ("occ-nurse", "occupation-name", "Sjuksköterska"),
    ("skill-python", "skill", "Python"),
    ("skill-sql", "skill", "SQL"),
    ("lang-sv", "language", "Svenska"),
    ("mun-gbg", "municipality", "Göteborg"),
    ("mun-sthlm", "municipality", "Stockholm"),
    ("sun-level-5", "sun-education-level-2", "Eftergymnasial utbildning"),
]
PASSWORD = "correct horse battery"


def add_concepts(engine: Engine) -> None:
    from jobbnav.taxonomy.index import invalidate
    from jobbnav.taxonomy.store import concept

    with engine.begin() as conn:
        conn.execute(sa.insert(concept), [
            {"id": cid, "type": ctype, "preferred_label": label, "codes": {},
             "deprecated": False, "local": False} for cid, ctype, label in CONCEPTS])
    invalidate()


def fake_enricher(text: str) -> list[dict[str, Any]]:
    """Stands in for jobbnav.enrich (same hit shape) where a test needs fixed proposals."""
    hits = []
    for cid, ctype, label in CONCEPTS:
        if label.lower() in text.lower():
            hits.append({"concept_id": cid, "concept_type": ctype, "preferred_label": label,
                         "confidence": 0.9, "context": "neutral"})
    return hits


@dataclass
class World:
    engine: Engine
    ids: dict[str, str] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    orgs: dict[str, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)


def build_world(engine: Engine, *, passwords: bool = False) -> World:
    add_concepts(engine)
    w = World(engine)
    w.orgs["af"] = accounts.create_organisation("Arbetsförmedlingen", "public", engine=engine)
    w.orgs["acme"] = accounts.create_organisation("Acme AB", "employer", engine=engine)
    w.orgs["other"] = accounts.create_organisation("Annan kommun", "public", engine=engine)
    for name, role, org in (("anna", "job_seeker", None), ("bert", "job_seeker", None),
                            ("handlaggare", "case_worker", "af"),
                            ("cw-other", "case_worker", "other"),
                            ("arbetsgivare", "employer", "acme"),
                            ("analytiker", "analyst", None), ("admin", "administrator", None)):
        w.ids[name] = accounts.create_account(
            name, role, password=PASSWORD if passwords else None,
            display_name=f"{name.title()} Testsson", email=f"{name}@example.org",
            organisation_id=w.orgs[org] if org else None, engine=engine)
        w.actors[name] = accounts.actor_for(w.ids[name], engine=engine)
    anna = w.actors["anna"]
    profile.put_own(anna, {
        "experiences": [{"occupation_id": "occ-dev", "employer": "Volvo IT",
                         "start": "2018-01-01", "end": "2026-05-31",
                         "description": "Byggde tjänster i Python."}],
        "education": [{"level_id": "sun-level-5", "name": "Chalmers datateknik", "year": 2017}],
        "skills": ["skill-python", "skill-sql"],
        "languages": [{"concept_id": "lang-sv", "level": "native"}],
        "driving_licences": ["B"],
        "goals": {"target_occupations": ["occ-dev"], "drivers": ["Flexibla tider"]},
        "search": {"places": ["mun-gbg"], "max_travel_minutes": 40},
        "unemployment_since": "2026-09-01", "visibility": "anonymous",
        "summary": "Hemlig fritext om Anna Testsson, ring 0701234567.",
    }, engine=engine)
    w.extra["handle"] = profile.get_own(anna, engine=engine)["handle"]
    w.extra["consent_cw"] = consent.grant(anna, ConsentGrant(
        recipient_kind="organisation", recipient_id=w.orgs["af"], purpose="case_work",
        scope=["experiences", "skills", "contact"], days=30), engine=engine)["id"]
    w.extra["consent_stats"] = consent.grant(anna, ConsentGrant(
        recipient_kind="account", recipient_id=w.ids["analytiker"], purpose="statistics",
        scope=["skills"], days=30), engine=engine)["id"]
    req = consent.request_data(w.actors["arbetsgivare"], DataRequest(
        subject=w.extra["handle"], purpose="recruitment:ad-1", scope=["experiences"]),
        engine=engine)
    consent.decide(anna, req["id"], approve=True, engine=engine)
    w.extra["consent_rec"] = req["id"]
    w.extra["request_pending"] = consent.request_data(w.actors["handlaggare"], DataRequest(
        subject="anna", purpose="case_work", scope=["goals"]), engine=engine)["id"]
    w.extra["interest"] = employers.express_interest(
        w.actors["arbetsgivare"], w.extra["handle"], ad_id="ad-1", message="Hej!",
        engine=engine)["id"]
    w.extra["proposal"] = cv.propose(anna, "Jag kan Python och SQL.", enricher=fake_enricher,
                                     engine=engine)["id"]
    w.extra["anna_key_id"], w.extra["anna_key"] = accounts.create_api_key(
        anna, w.ids["anna"], label="test", engine=engine)
    return w


def key_for(w: World, name: str) -> dict[str, str]:
    """An Authorization header with a fresh API key for a world account."""
    token = accounts.create_api_key(Actor.operator(), w.ids[name], label="t",
                                    engine=w.engine)[1]
    return {"Authorization": f"Bearer {token}"}


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()
