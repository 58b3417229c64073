"""Erasure: an account and everything derived from it go; the log keeps only pseudonyms.

The audit log never held names or ids, only the account's random pseudonym; deleting the
account row removes the one link between the two, so the log stays intact and verifiable.
SQLite's secure_delete zeroes the freed pages and a WAL checkpoint drops old page images, so the
erased values do not linger in the database file either.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from jobbnav.db import get_engine
from jobbnav.errors import NotFound, PermissionDenied
from jobbnav.people import audit
from jobbnav.people.hooks import ERASURE, load_hooks
from jobbnav.people.model import Actor
from jobbnav.people.store import (
    account,
    api_key,
    consent,
    cv_proposal,
    interest,
    legal_basis,
    profile,
    unmatched_request,
    web_session,
)

__all__ = ["erase"]


def erase(actor: Actor, account_id: str | None = None, *,
          engine: Engine | None = None) -> dict[str, Any]:
    """Erase `account_id` (default: the actor's own). A person erases themself; an
    administrator may erase any account."""
    account_id = account_id or actor.account_id
    if actor.account_id != account_id and actor.role not in ("administrator", "operator"):
        raise PermissionDenied("only the person or an administrator erases an account")
    engine = engine or get_engine()
    counts: dict[str, int] = {}
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA secure_delete=ON")
        row = conn.execute(sa.select(account.c.pseudonym).where(account.c.id == account_id)
                           ).first()
        if row is None:
            raise NotFound(f"no account {account_id!r}", field="account_id")
        audit.append(conn, actor, action="erase", what="account and all personal data erased",
                     subject_ref=row.pseudonym)
        for hook in load_hooks(ERASURE):
            hook(account_id, connection=conn)
        for name, table, column in (
                ("cv_proposals", cv_proposal, cv_proposal.c.account_id),
                ("consents", consent, consent.c.subject_id),
                ("legal_bases", legal_basis, legal_basis.c.subject_id),
                ("interests", interest, interest.c.subject_id),
                ("profile", profile, profile.c.account_id),
                ("sessions", web_session, web_session.c.account_id),
                ("api_keys", api_key, api_key.c.account_id),
                ("unmatched_requests", unmatched_request, unmatched_request.c.requested_by)):
            counts[name] = conn.execute(sa.delete(table).where(column == account_id)).rowcount
        # Others' consents that named this account as recipient lose their recipient.
        conn.execute(sa.update(consent).where(consent.c.recipient_kind == "account",
                                              consent.c.recipient_id == account_id)
                     .values(recipient_id="erased-account", status="revoked"))
        conn.execute(sa.update(consent).where(consent.c.requested_by == account_id)
                     .values(requested_by=None, message=None))
        conn.execute(sa.delete(account).where(account.c.id == account_id))
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"erased": True, "removed": counts}
