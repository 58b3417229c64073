"""What employers see: opted-in profiles, anonymously, until the person accepts their interest.

hidden: never listed. anonymous: occupations, skills, languages, licences, places, education
levels. visible: also experiences (with employers and dates) and education names. Name and
e-mail only after the person accepted an interest from that employer (mutual interest).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from jobbnav.db import get_engine
from jobbnav.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from jobbnav.people import audit
from jobbnav.people.accounts import new_id
from jobbnav.people.model import Actor
from jobbnav.people.store import account, interest, organisation, profile, utc, utcnow

__all__ = ["anonymous_view", "candidate", "candidates", "decide_interest", "express_interest",
           "my_interests"]


def _require_employer(actor: Actor) -> str:
    if actor.role != "employer" or not actor.organisation_id:
        raise PermissionDenied("only an employer (of an organisation) sees candidates")
    return actor.organisation_id


def anonymous_view(handle: str, doc: dict[str, Any], visibility: str) -> dict[str, Any]:
    occupations = list(doc.get("goals", {}).get("target_occupations", []))
    occupations += [e["occupation_id"] for e in doc.get("experiences", [])
                    if e["occupation_id"] not in occupations]
    view: dict[str, Any] = {
        "handle": handle, "visibility": visibility, "occupations": occupations,
        "skills": doc.get("skills", []), "languages": doc.get("languages", []),
        "driving_licences": doc.get("driving_licences", []),
        "places": doc.get("search", {}).get("places", []),
        "education_levels": [e["level_id"] for e in doc.get("education", []) if e.get("level_id")],
    }
    if visibility == "visible":
        view["experiences"] = [{k: e.get(k) for k in ("occupation_id", "employer", "start", "end")}
                               for e in doc.get("experiences", [])]
        view["education"] = [{k: e.get(k) for k in ("level_id", "field_id", "name", "year")}
                             for e in doc.get("education", [])]
    return view


def candidates(actor: Actor, *, occupation: str | None = None, limit: int = 20,
               engine: Engine | None = None) -> list[dict[str, Any]]:
    _require_employer(actor)
    engine = engine or get_engine()
    with engine.connect() as conn:
        rows = conn.execute(sa.select(profile.c.handle, profile.c.data, profile.c.visibility,
                                      account.c.pseudonym)
                            .join(account, account.c.id == profile.c.account_id)
                            .where(profile.c.visibility.in_(("anonymous", "visible")))
                            .order_by(profile.c.updated_at.desc())).all()
    out, seen = [], []
    for r in rows:
        view = anonymous_view(r.handle, r.data, r.visibility)
        if occupation and occupation not in view["occupations"]:
            continue
        out.append(view)
        seen.append(r.pseudonym)
        if len(out) >= limit:
            break
    if seen:
        with engine.begin() as conn:
            for ref in seen:
                audit.append(conn, actor, action="read", what="anonymous candidate view",
                             subject_ref=ref, purpose="recruitment")
    return out


def candidate(actor: Actor, handle: str, *, engine: Engine | None = None) -> dict[str, Any]:
    org_id = _require_employer(actor)
    engine = engine or get_engine()
    with engine.connect() as conn:
        row = conn.execute(sa.select(profile.c.account_id, profile.c.data, profile.c.visibility,
                                     account.c.pseudonym, account.c.display_name,
                                     account.c.email)
                           .join(account, account.c.id == profile.c.account_id)
                           .where(profile.c.handle == handle)).first()
        if row is None or row.visibility == "hidden":
            raise NotFound(f"no candidate {handle!r}", field="handle")
        accepted = conn.execute(sa.select(interest.c.id).where(
            interest.c.subject_id == row.account_id, interest.c.organisation_id == org_id,
            interest.c.status == "accepted")).first()
    view = anonymous_view(handle, row.data, row.visibility)
    if accepted is not None:
        view["contact"] = {"display_name": row.display_name, "email": row.email}
    with engine.begin() as conn:
        audit.append(conn, actor, action="read", what="candidate view" + (
            " with contact (mutual interest)" if accepted else " (anonymous)"),
            subject_ref=row.pseudonym, purpose="recruitment")
    return view


def express_interest(actor: Actor, handle: str, *, ad_id: str | None, message: str | None,
                     engine: Engine | None = None) -> dict[str, Any]:
    org_id = _require_employer(actor)
    if message is not None and len(message) > 1000:
        raise InvalidInput("a message has at most 1000 characters", field="message")
    engine = engine or get_engine()
    interest_id = new_id()
    with engine.begin() as conn:
        row = conn.execute(sa.select(profile.c.account_id, profile.c.visibility,
                                     account.c.pseudonym)
                           .join(account, account.c.id == profile.c.account_id)
                           .where(profile.c.handle == handle)).first()
        if row is None or row.visibility == "hidden":
            raise NotFound(f"no candidate {handle!r}", field="handle")
        audit.append(conn, actor, action="interest", what="employer interest expressed",
                     subject_ref=row.pseudonym, purpose=f"recruitment:{ad_id}" if ad_id
                     else "recruitment")
        conn.execute(sa.insert(interest).values(
            id=interest_id, subject_id=row.account_id, organisation_id=org_id, ad_id=ad_id,
            message=message, status="pending", created_at=utcnow()))
    return {"id": interest_id, "status": "pending", "handle": handle, "ad_id": ad_id}


def my_interests(actor: Actor, *, engine: Engine | None = None) -> list[dict[str, Any]]:
    if actor.role != "job_seeker":
        raise PermissionDenied("only a job seeker receives interest")
    with (engine or get_engine()).connect() as conn:
        rows = conn.execute(sa.select(interest, organisation.c.name.label("organisation_name"))
                            .join(organisation, organisation.c.id == interest.c.organisation_id)
                            .where(interest.c.subject_id == actor.account_id)
                            .order_by(interest.c.created_at.desc())).mappings().all()
    out = []
    for r in rows:
        item = dict(r)
        for key in ("created_at", "decided_at"):
            if item[key] is not None:
                item[key] = utc(item[key]).isoformat()
        out.append(item)
    return out


def decide_interest(actor: Actor, interest_id: str, *, accept: bool,
                    engine: Engine | None = None) -> dict[str, Any]:
    if actor.role != "job_seeker":
        raise PermissionDenied("only a job seeker answers interest")
    with (engine or get_engine()).begin() as conn:
        row = conn.execute(sa.select(interest).where(interest.c.id == interest_id)).first()
        if row is None or row.subject_id != actor.account_id:
            raise NotFound(f"no interest {interest_id!r} for you", field="interest_id")
        if row.status != "pending":
            raise Conflict(f"interest {interest_id} is already {row.status}", field="status")
        status = "accepted" if accept else "declined"
        audit.append(conn, actor, action="interest", what=f"employer interest {status}"
                     + (": name and contact released to the employer" if accept else ""),
                     subject_ref=actor.pseudonym, purpose="recruitment")
        conn.execute(sa.update(interest).where(interest.c.id == interest_id)
                     .values(status=status, decided_at=utcnow()))
    return {"id": interest_id, "status": status}
