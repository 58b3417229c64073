"""The job seeker's profile: validation against the taxonomy, masking, own reads and writes, and
reads by others through a consent (only the sections the consent's scope names)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy import Connection, Engine

from jobbnav.db import get_engine
from jobbnav.errors import InvalidInput, NotFound, PermissionDenied
from jobbnav.people import audit
from jobbnav.people.consent import access_for
from jobbnav.people.model import Actor, Profile
from jobbnav.people.pnr import mask_personnummer
from jobbnav.people.store import account, profile, utc, utcnow

__all__ = [
    "SKILL_TYPES",
    "get_own",
    "merge_patch",
    "parse_profile",
    "patch_own",
    "put_own",
    "read_for",
    "scoped_view",
    "validate_concepts",
]

OCCUPATION_TYPES = ("occupation-name", "ssyk-level-4")
SKILL_TYPES = ("skill", "trait", "keyword", "skill-headline")
PLACE_TYPES = ("municipality", "region", "country")
SUN_LEVELS = ("sun-education-level-1", "sun-education-level-2", "sun-education-level-3")
SUN_FIELDS = ("sun-education-field-1", "sun-education-field-2", "sun-education-field-3",
              "sun-education-field-4")
# Which stored keys each scope section releases.
SECTION_KEYS = {"experiences": ("experiences",), "education": ("education",),
                "skills": ("skills",), "languages": ("languages",),
                "driving_licences": ("driving_licences",), "certificates": ("certificates",),
                "goals": ("goals",), "search": ("search", "home_municipality"),
                "unemployment": ("unemployment_since",), "summary": ("summary",)}


def parse_profile(data: Any) -> Profile:
    """A Profile from client JSON; the first problem becomes a 400 naming its field."""
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "profile"
        msg = str(first["msg"]).removeprefix("Value error, ")
        protected = re.match(r"'([^']+)' is a protected attribute", msg)
        if protected:
            field = ".".join([*(str(p) for p in first["loc"]), protected.group(1)])
        if first["type"] == "extra_forbidden":
            msg = f"unknown field {first['loc'][-1]!r} (a profile holds no such data)"
        raise InvalidInput(f"{field}: {msg}", field=field) from None


def _concept_refs(p: Profile) -> Iterator[tuple[str, str | None, tuple[str, ...]]]:
    for i, e in enumerate(p.experiences):
        yield f"experiences[{i}].occupation_id", e.occupation_id, OCCUPATION_TYPES
    for i, ed in enumerate(p.education):
        yield f"education[{i}].level_id", ed.level_id, SUN_LEVELS
        yield f"education[{i}].field_id", ed.field_id, SUN_FIELDS
    for i, s in enumerate(p.skills):
        yield f"skills[{i}]", s, SKILL_TYPES
    for i, lang in enumerate(p.languages):
        yield f"languages[{i}].concept_id", lang.concept_id, ("language",)
    for i, c in enumerate(p.certificates):
        yield f"certificates[{i}].concept_id", c.concept_id, ()
    for i, o in enumerate(p.goals.target_occupations):
        yield f"goals.target_occupations[{i}]", o, OCCUPATION_TYPES
    for i, pl in enumerate(p.search.places):
        yield f"search.places[{i}]", pl, PLACE_TYPES
    yield "home_municipality", p.home_municipality, PLACE_TYPES


def validate_concepts(p: Profile, *, engine: Engine | None = None) -> None:
    from jobbnav.taxonomy.service import index

    concepts = index(engine).concepts
    for field, concept_id, types in _concept_refs(p):
        if concept_id is None:
            continue
        found = concepts.get(concept_id)
        if found is None:
            raise InvalidInput(f"{field}: unknown concept id {concept_id!r}", field=field)
        if types and found.type not in types:
            raise InvalidInput(f"{field}: {concept_id!r} is a {found.type}, expected "
                               f"{' or '.join(types)}", field=field)


def mask_free_text(p: Profile) -> tuple[Profile, list[dict[str, str]]]:
    """Mask personnummer in every free-text field; one warning per field where one was found."""
    warnings: list[dict[str, str]] = []

    def clean(field: str, text: str | None) -> str | None:
        if text is None:
            return None
        masked, n = mask_personnummer(text)
        if n:
            warnings.append({"field": field, "problem": f"{n} personnummer masked before storage"})
        return masked

    p.summary = clean("summary", p.summary)
    for i, e in enumerate(p.experiences):
        e.employer = clean(f"experiences[{i}].employer", e.employer)
        e.description = clean(f"experiences[{i}].description", e.description)
    for i, ed in enumerate(p.education):
        ed.name = clean(f"education[{i}].name", ed.name) or ed.name
    for i, c in enumerate(p.certificates):
        c.name = clean(f"certificates[{i}].name", c.name) or c.name
        c.issuer = clean(f"certificates[{i}].issuer", c.issuer)
    p.goals.drivers = [clean(f"goals.drivers[{i}]", d) or "" for i, d in
                       enumerate(p.goals.drivers)]
    return p, warnings


def _require_job_seeker(actor: Actor) -> None:
    if actor.role != "job_seeker":
        raise PermissionDenied("only a job seeker has a profile")


def _row(conn: Connection, account_id: str) -> Any:
    return conn.execute(sa.select(profile).where(profile.c.account_id == account_id)).first()


def _own_view(row: Any) -> dict[str, Any]:
    if row is None:
        return {"profile": Profile().model_dump(mode="json"), "handle": None,
                "updated_at": None}
    return {"profile": row.data, "handle": row.handle,
            "updated_at": utc(row.updated_at).isoformat()}


def get_own(actor: Actor, *, engine: Engine | None = None) -> dict[str, Any]:
    _require_job_seeker(actor)
    engine = engine or get_engine()
    with engine.connect() as conn:
        row = _row(conn, actor.account_id)
    with engine.begin() as conn:
        audit.append(conn, actor, action="read", what="profile (own)",
                     subject_ref=actor.pseudonym)
    return _own_view(row)


def put_own(actor: Actor, data: Any, *, engine: Engine | None = None,
            what: str = "profile updated") -> dict[str, Any]:
    """Replace the whole profile (validated, concept ids checked, personnummer masked): a
    section left out is emptied. `patch_own` changes only the sections given."""
    return _save(actor, lambda _current: data, engine=engine, what=what)


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396 JSON Merge Patch: objects merge key by key, anything else (lists too) replaces,
    null removes the key (so the profile's default applies)."""
    if not isinstance(patch, dict):
        return patch
    merged = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge_patch(merged.get(key), value)
    return merged


def patch_own(actor: Actor, patch: Any, *, engine: Engine | None = None) -> dict[str, Any]:
    """Change only the sections given (JSON Merge Patch onto the stored profile); the result is
    validated, checked against the taxonomy and masked exactly like a full replacement."""
    if not isinstance(patch, dict) or not patch:
        raise InvalidInput("send a JSON object with the profile sections to change",
                           field="profile")
    sections = ",".join(sorted(str(k) for k in patch))[:200]
    return _save(actor, lambda current: merge_patch(current, patch), engine=engine,
                 what=f"profile updated: {sections}")


def _save(actor: Actor, build: Callable[[dict[str, Any]], Any], *, engine: Engine | None,
          what: str) -> dict[str, Any]:
    """Read, build the new profile from the stored one, validate, mask and write: one
    transaction, so two concurrent patches cannot lose each other's changes."""
    _require_job_seeker(actor)
    engine = engine or get_engine()
    with engine.begin() as conn:
        current = _row(conn, actor.account_id)
        data = build(current.data if current is not None else
                     Profile().model_dump(mode="json"))
        p = data if isinstance(data, Profile) else parse_profile(data)
        validate_concepts(p, engine=engine)
        p, warnings = mask_free_text(p)
        values = {"data": p.model_dump(mode="json"), "visibility": p.visibility,
                  "unemployment_since": p.unemployment_since, "updated_at": utcnow()}
        audit.append(conn, actor, action="write", what=what + (
            f" ({len(warnings)} personnummer masked)" if warnings else ""),
            subject_ref=actor.pseudonym)
        if current is None:
            conn.execute(sa.insert(profile).values(account_id=actor.account_id,
                                                   handle=secrets.token_hex(8), **values))
        else:
            conn.execute(sa.update(profile).where(profile.c.account_id == actor.account_id)
                         .values(**values))
        row = _row(conn, actor.account_id)
    return {**_own_view(row), "warnings": warnings}


def scoped_view(doc: dict[str, Any], scope: frozenset[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for section in sorted(scope):
        for key in SECTION_KEYS.get(section, ()):
            if key in doc:
                out[key] = doc[key]
    return out


def read_for(actor: Actor, subject_id: str, purpose: str, *,
             engine: Engine | None = None) -> dict[str, Any]:
    """Someone else's read of a person's profile: consent or legal basis decides the scope; the
    read is logged (who, role, purpose, consent) before the data leaves."""
    if actor.account_id == subject_id:
        return get_own(actor, engine=engine)
    engine = engine or get_engine()
    with engine.connect() as conn:
        access = access_for(conn, actor, subject_id, purpose)
        row = _row(conn, subject_id)
        contact = None
        if "contact" in access.scope:
            contact = conn.execute(sa.select(account.c.display_name, account.c.email)
                                   .where(account.c.id == subject_id)).mappings().one()
    if row is None:
        raise NotFound("this person has no profile yet", field="account_id")
    view = scoped_view(row.data, access.scope)
    if contact is not None:
        view["contact"] = dict(contact)
    basis = f"legal basis {access.legal_basis_id}" if access.legal_basis_id else "consent"
    with engine.begin() as conn:
        audit.append(conn, actor, action="read",
                     what=f"profile: {','.join(sorted(access.scope))} ({basis})",
                     subject_ref=access.subject_ref, purpose=purpose,
                     consent_id=access.consent_id)
    return {"account_id": subject_id, "purpose": purpose, "consent_id": access.consent_id,
            "legal_basis_id": access.legal_basis_id, "scope": sorted(access.scope),
            "profile": view}
