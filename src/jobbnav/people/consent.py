"""Consent (the control panel), data requests, legal bases, and the access decision.

A consent names a recipient (organisation, one account, or this service), a purpose, a scope
and a period. Every read by someone other than the person goes through `access_for`, which is
evaluated on each request, so a revocation takes effect on the very next one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine

from jobbnav.db import get_engine
from jobbnav.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from jobbnav.people import audit
from jobbnav.people.accounts import new_id
from jobbnav.people.model import PROFILE_SECTIONS, Actor, ConsentGrant, DataRequest
from jobbnav.people.store import (
    account,
    consent,
    legal_basis,
    organisation,
    profile,
    unmatched_request,
    utc,
    utcnow,
)

__all__ = [
    "PURPOSE_ROLES",
    "Access",
    "access_for",
    "decide",
    "grant",
    "list_mine",
    "list_outgoing",
    "record_legal_basis",
    "request_data",
    "revoke",
]

# Which role may use personal data for which purpose ("system" = this service's own matching).
PURPOSE_ROLES: dict[str, frozenset[str]] = {
    "case_work": frozenset({"case_worker"}),
    "recruitment": frozenset({"employer"}),
    "statistics": frozenset({"analyst"}),
    "matching": frozenset({"system"}),
}
SERVICE_RECIPIENT = "jobbnav"
# One answer for "no such person" and "no consent", so ids cannot be probed.
NO_ACCESS = "no valid consent or legal basis for this purpose"


@dataclass(frozen=True, slots=True)
class Access:
    subject_id: str
    subject_ref: str
    scope: frozenset[str]
    consent_id: str | None = None
    legal_basis_id: str | None = None


def _require_job_seeker(actor: Actor) -> None:
    if actor.role != "job_seeker":
        raise PermissionDenied("only a job seeker manages their own consents")


def _public(row: Any) -> dict[str, Any]:
    out = dict(row._mapping if hasattr(row, "_mapping") else row)
    for key in ("valid_from", "valid_until", "created_at", "decided_at"):
        if out.get(key) is not None:
            out[key] = utc(out[key]).isoformat()
    return out


def _recipient_exists(conn: Connection, kind: str, recipient_id: str) -> None:
    if kind == "service":
        if recipient_id != SERVICE_RECIPIENT:
            raise InvalidInput(f"the service recipient is {SERVICE_RECIPIENT!r}",
                               field="recipient_id")
        return
    table = organisation if kind == "organisation" else account
    if conn.execute(sa.select(table.c.id).where(table.c.id == recipient_id)).first() is None:
        raise InvalidInput(f"no {kind} {recipient_id!r}", field="recipient_id")


def grant(actor: Actor, data: ConsentGrant, *, engine: Engine | None = None) -> dict[str, Any]:
    _require_job_seeker(actor)
    now = utcnow()
    consent_id = new_id()
    with (engine or get_engine()).begin() as conn:
        _recipient_exists(conn, data.recipient_kind, data.recipient_id)
        audit.append(conn, actor, action="consent", what=f"consent granted: {data.purpose} "
                     f"to {data.recipient_kind} {data.recipient_id}; scope "
                     f"{','.join(data.scope)}", subject_ref=actor.pseudonym,
                     purpose=data.purpose, consent_id=consent_id)
        conn.execute(sa.insert(consent).values(
            id=consent_id, subject_id=actor.account_id, recipient_kind=data.recipient_kind,
            recipient_id=data.recipient_id, purpose=data.purpose, scope=data.scope,
            status="granted", days=data.days, valid_from=now,
            valid_until=now + dt.timedelta(days=data.days), created_at=now, decided_at=now))
        return _public(conn.execute(sa.select(consent).where(consent.c.id == consent_id)).one())


def _own_consent(conn: Connection, actor: Actor, consent_id: str) -> Any:
    row = conn.execute(sa.select(consent).where(consent.c.id == consent_id)).first()
    if row is None or row.subject_id != actor.account_id:
        raise NotFound(f"no consent {consent_id!r} of yours", field="consent_id")
    return row


def revoke(actor: Actor, consent_id: str, *, engine: Engine | None = None) -> dict[str, Any]:
    _require_job_seeker(actor)
    with (engine or get_engine()).begin() as conn:
        row = _own_consent(conn, actor, consent_id)
        if row.status != "granted":
            raise Conflict(f"consent {consent_id} is {row.status}, not granted", field="status")
        audit.append(conn, actor, action="consent", what="consent revoked",
                     subject_ref=actor.pseudonym, purpose=row.purpose, consent_id=consent_id)
        conn.execute(sa.update(consent).where(consent.c.id == consent_id)
                     .values(status="revoked", decided_at=utcnow()))
        return _public(conn.execute(sa.select(consent).where(consent.c.id == consent_id)).one())


def decide(actor: Actor, consent_id: str, *, approve: bool,
           engine: Engine | None = None) -> dict[str, Any]:
    """The person approves or denies a pending data request; only approval releases data."""
    _require_job_seeker(actor)
    now = utcnow()
    with (engine or get_engine()).begin() as conn:
        row = _own_consent(conn, actor, consent_id)
        if row.status != "requested":
            raise Conflict(f"request {consent_id} is already {row.status}", field="status")
        status = "granted" if approve else "denied"
        audit.append(conn, actor, action="consent", what=f"data request {status}",
                     subject_ref=actor.pseudonym, purpose=row.purpose, consent_id=consent_id)
        values: dict[str, Any] = {"status": status, "decided_at": now}
        if approve:
            values |= {"valid_from": now, "valid_until": now + dt.timedelta(days=row.days)}
        conn.execute(sa.update(consent).where(consent.c.id == consent_id).values(**values))
        return _public(conn.execute(sa.select(consent).where(consent.c.id == consent_id)).one())


def _subject_by_name_or_handle(conn: Connection, subject: str) -> Any | None:
    row = conn.execute(sa.select(account.c.id, account.c.pseudonym, account.c.role)
                       .outerjoin(profile, profile.c.account_id == account.c.id)
                       .where(sa.or_(account.c.username == subject.strip().lower(),
                                     profile.c.handle == subject.strip()))).first()
    return row if row is not None and row.role == "job_seeker" else None


REQUEST_RECORDED = ("request recorded: if this names a job seeker, they will see it and decide; "
                    "it stays 'requested' until they do")


def request_data(actor: Actor, data: DataRequest, *,
                 engine: Engine | None = None) -> dict[str, Any]:
    """Record a data request. The answer (and the requester's own list) is the same whether or
    not `data.subject` names a job seeker, so the endpoint cannot be used to find out who has an
    account: an unmatched request keeps only the requester's side (purpose, scope, period) and
    is logged without what was typed."""
    base = data.purpose.partition(":")[0]
    if actor.role not in PURPOSE_ROLES[base]:
        raise PermissionDenied(f"a {actor.role} cannot ask for data for {base}", field="purpose")
    now = utcnow()
    request_id = new_id()
    kind, recipient = (("organisation", actor.organisation_id) if actor.organisation_id
                       else ("account", actor.account_id))
    with (engine or get_engine()).begin() as conn:
        subject = _subject_by_name_or_handle(conn, data.subject)
        if subject is None:
            audit.append(conn, actor, action="request", what="data request for a subject that "
                         f"matched no job seeker: scope {','.join(data.scope)}",
                         purpose=data.purpose)
            conn.execute(sa.insert(unmatched_request).values(
                id=request_id, requested_by=actor.account_id, purpose=data.purpose,
                scope=data.scope, days=data.days, created_at=now))
        else:
            audit.append(conn, actor, action="request", what=f"data request: scope "
                         f"{','.join(data.scope)}", subject_ref=subject.pseudonym,
                         purpose=data.purpose, consent_id=request_id)
            conn.execute(sa.insert(consent).values(
                id=request_id, subject_id=subject.id, recipient_kind=kind,
                recipient_id=recipient, purpose=data.purpose, scope=data.scope,
                status="requested", requested_by=actor.account_id, message=data.message,
                days=data.days, created_at=now))
    # The requester learns the request id and state, never whether or whom it reached.
    return {"id": request_id, "status": "requested", "purpose": data.purpose,
            "scope": data.scope, "days": data.days, "detail": REQUEST_RECORDED}


def list_mine(actor: Actor, *, engine: Engine | None = None) -> list[dict[str, Any]]:
    _require_job_seeker(actor)
    with (engine or get_engine()).connect() as conn:
        rows = conn.execute(
            sa.select(consent, organisation.c.name.label("organisation_name"),
                      account.c.username.label("account_name"))
            .outerjoin(organisation, sa.and_(consent.c.recipient_kind == "organisation",
                                             organisation.c.id == consent.c.recipient_id))
            .outerjoin(account, sa.and_(consent.c.recipient_kind == "account",
                                        account.c.id == consent.c.recipient_id))
            .where(consent.c.subject_id == actor.account_id)
            .order_by(consent.c.created_at.desc())).all()
    out = []
    for r in rows:
        item = _public(r)
        item["recipient_name"] = (item.pop("organisation_name") or item.pop("account_name", None)
                                  or (SERVICE_RECIPIENT if r.recipient_kind == "service"
                                      else None))
        item.pop("account_name", None)
        out.append(item)
    return out


def list_outgoing(actor: Actor, *, engine: Engine | None = None) -> list[dict[str, Any]]:
    """Requests this actor made: status only, no profile data."""
    if actor.role not in ("case_worker", "employer", "analyst"):
        raise PermissionDenied("only recipients (case workers, employers, analysts) make requests")
    with (engine or get_engine()).connect() as conn:
        rows = list(conn.execute(sa.select(consent.c.id, consent.c.purpose, consent.c.scope,
                                           consent.c.status, consent.c.created_at,
                                           consent.c.valid_until, consent.c.subject_id)
                                 .where(consent.c.requested_by == actor.account_id)).all())
        # Unmatched requests look like requests nobody has answered yet.
        rows += conn.execute(sa.select(unmatched_request.c.id, unmatched_request.c.purpose,
                                       unmatched_request.c.scope,
                                       sa.literal("requested").label("status"),
                                       unmatched_request.c.created_at,
                                       sa.null().label("valid_until"),
                                       sa.null().label("subject_id"))
                             .where(unmatched_request.c.requested_by == actor.account_id)).all()
    out = []
    for r in sorted(rows, key=lambda r: utc(r.created_at), reverse=True):
        item = _public(r)
        if r.status != "granted":  # whom to read is revealed only once the person approved
            item.pop("subject_id")
        out.append(item)
    return out


def record_legal_basis(actor: Actor, subject_id: str, organisation_id: str, basis: str,
                       scope: list[str], *, engine: Engine | None = None) -> str:
    if actor.role not in ("administrator", "operator"):
        raise PermissionDenied("only an administrator records a legal basis")
    unknown = [s for s in scope if s not in PROFILE_SECTIONS]
    if unknown or not scope:
        raise InvalidInput(f"scope must name parts of a profile; unknown: {unknown}",
                           field="scope")
    if not basis.strip():
        raise InvalidInput("name the legal basis (law and section)", field="basis")
    basis_id = new_id()
    with (engine or get_engine()).begin() as conn:
        subject = conn.execute(sa.select(account.c.pseudonym, account.c.role)
                               .where(account.c.id == subject_id)).first()
        if subject is None or subject.role != "job_seeker":
            raise NotFound(f"no job seeker {subject_id!r}", field="subject_id")
        _recipient_exists(conn, "organisation", organisation_id)
        audit.append(conn, actor, action="write", what=f"legal basis recorded for organisation "
                     f"{organisation_id}: {basis.strip()[:200]}", subject_ref=subject.pseudonym)
        conn.execute(sa.insert(legal_basis).values(
            id=basis_id, subject_id=subject_id, organisation_id=organisation_id,
            basis=basis.strip()[:500], scope=sorted(set(scope)), recorded_at=utcnow()))
    return basis_id


def access_for(conn: Connection, actor: Actor, subject_id: str, purpose: str) -> Access:
    """The scope `actor` may read of `subject_id`'s data for `purpose`, or PermissionDenied.

    Evaluated on every request (a revoked or expired consent stops the next read)."""
    base = purpose.partition(":")[0]
    if actor.role not in PURPOSE_ROLES.get(base, frozenset()):
        raise PermissionDenied(f"a {actor.role} may not read personal data for {base!r}",
                               field="purpose")
    subject = conn.execute(sa.select(account.c.pseudonym, account.c.role)
                           .where(account.c.id == subject_id)).first()
    if subject is None or subject.role != "job_seeker":  # same answer as "no consent"
        raise PermissionDenied(NO_ACCESS, field="purpose")
    now = utcnow()
    recipients = [sa.and_(consent.c.recipient_kind == "account",
                          consent.c.recipient_id == actor.account_id)]
    if actor.organisation_id:
        recipients.append(sa.and_(consent.c.recipient_kind == "organisation",
                                  consent.c.recipient_id == actor.organisation_id))
    if actor.role == "system":
        recipients.append(consent.c.recipient_kind == "service")
    rows = conn.execute(sa.select(consent.c.id, consent.c.scope, consent.c.valid_from,
                                  consent.c.valid_until)
                        .where(consent.c.subject_id == subject_id, consent.c.status == "granted",
                               consent.c.purpose == purpose, sa.or_(*recipients))).all()
    for row in rows:
        if row.valid_from and row.valid_until and utc(row.valid_from) <= now < utc(
                row.valid_until):
            return Access(subject_id, subject.pseudonym, frozenset(row.scope), consent_id=row.id)
    if base == "case_work" and actor.organisation_id:
        basis = conn.execute(sa.select(legal_basis.c.id, legal_basis.c.scope).where(
            legal_basis.c.subject_id == subject_id,
            legal_basis.c.organisation_id == actor.organisation_id)).first()
        if basis is not None:
            return Access(subject_id, subject.pseudonym, frozenset(basis.scope),
                          legal_basis_id=basis.id)
    raise PermissionDenied(NO_ACCESS, field="purpose")
