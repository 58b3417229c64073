"""Organisations, accounts, passwords (argon2) and API keys (hashed at rest, shown once)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine

from jobbnav.db import get_engine
from jobbnav.errors import Conflict, InvalidInput, NotFound, PermissionDenied, Unauthenticated
from jobbnav.people import audit
from jobbnav.people.model import ROLES, Actor
from jobbnav.people.store import account, api_key, organisation, utcnow

__all__ = [
    "account_info",
    "actor_for",
    "actor_from_api_key",
    "authenticate_password",
    "create_account",
    "create_api_key",
    "create_organisation",
    "find_account",
    "list_accounts",
    "list_api_keys",
    "list_organisations",
    "new_id",
    "revoke_api_key",
]

_hasher = PasswordHasher()
# Verified against when the username is unknown, so a wrong name costs as much as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password-0")
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
ORG_ROLES = ("case_worker", "employer")
KEY_PREFIX = "jnk_"


def new_id() -> str:
    return secrets.token_hex(16)


def create_organisation(name: str, kind: str, *, actor: Actor | None = None,
                        engine: Engine | None = None) -> str:
    if actor is not None and actor.role != "administrator":
        raise PermissionDenied("only an administrator creates organisations")
    name = name.strip()
    if not name or len(name) > 200:
        raise InvalidInput("an organisation needs a name of 1–200 characters", field="name")
    if kind not in ("employer", "public", "service"):
        raise InvalidInput("kind must be employer, public or service", field="kind")
    engine = engine or get_engine()
    with engine.begin() as conn:
        found = conn.execute(sa.select(organisation.c.id)
                             .where(organisation.c.name == name)).scalar()
        if found:
            return str(found)
        org_id = new_id()
        conn.execute(sa.insert(organisation).values(id=org_id, name=name, kind=kind,
                                                    created_at=utcnow()))
    return org_id


def create_account(username: str, role: str, *, password: str | None, display_name: str,
                   email: str | None = None, organisation_id: str | None = None,
                   actor: Actor | None = None, engine: Engine | None = None) -> str:
    """Create an account. `actor` None is the operator (CLI, demo loader); over HTTP only an
    administrator creates accounts."""
    if actor is not None and actor.role != "administrator":
        raise PermissionDenied("only an administrator creates accounts")
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise InvalidInput("username: 3–64 characters a-z, 0-9, '.', '_' or '-'",
                           field="username")
    if role not in ROLES:
        raise InvalidInput(f"unknown role {role!r}; one of {', '.join(ROLES)}", field="role")
    if role in ORG_ROLES and not organisation_id:
        raise InvalidInput(f"a {role} belongs to an organisation", field="organisation_id")
    if password is not None and not 10 <= len(password) <= 200:
        raise InvalidInput("a password has 10–200 characters", field="password")
    if email is not None and not re.fullmatch(r"[^@\s<>\"']{1,64}@[^@\s<>\"']{1,190}", email):
        raise InvalidInput("not an e-mail address", field="email")
    if not display_name.strip() or len(display_name) > 200:
        raise InvalidInput("a display name has 1–200 characters", field="display_name")
    engine = engine or get_engine()
    account_id = new_id()
    pw_hash = _hasher.hash(password) if password is not None else None
    with engine.begin() as conn:
        if organisation_id is not None and conn.execute(
                sa.select(organisation.c.id).where(organisation.c.id == organisation_id)
        ).first() is None:
            raise InvalidInput(f"no organisation {organisation_id!r}", field="organisation_id")
        if conn.execute(sa.select(account.c.id).where(account.c.username == username)).first():
            raise Conflict(f"username {username!r} is taken", field="username")
        pseudonym = secrets.token_hex(16)
        audit.append(conn, actor or Actor.operator(), action="write", what="account created",
                     subject_ref=pseudonym)
        conn.execute(sa.insert(account).values(
            id=account_id, username=username, display_name=display_name.strip(), email=email,
            password_hash=pw_hash, role=role, organisation_id=organisation_id,
            pseudonym=pseudonym, created_at=utcnow()))
    return account_id


def _actor(row: Any, *, via: str, key_id: str | None = None, role: str | None = None) -> Actor:
    return Actor(account_id=row.id, role=role or row.role, pseudonym=row.pseudonym,
                 organisation_id=row.organisation_id, via=via, key_id=key_id)


def actor_for(account_id: str, *, via: str = "cli", conn: Connection | None = None,
              engine: Engine | None = None) -> Actor:
    query = sa.select(account).where(account.c.id == account_id)
    if conn is not None:
        row = conn.execute(query).first()
    else:
        with (engine or get_engine()).connect() as c:
            row = c.execute(query).first()
    if row is None:
        raise NotFound(f"no account {account_id!r}", field="account_id")
    return _actor(row, via=via)


def find_account(username: str, *, engine: Engine | None = None) -> dict[str, Any]:
    with (engine or get_engine()).connect() as conn:
        row = conn.execute(sa.select(account).where(
            account.c.username == username.strip().lower())).mappings().first()
    if row is None:
        raise NotFound(f"no account named {username!r}", field="username")
    return dict(row)


def account_info(account_id: str, *, engine: Engine | None = None) -> dict[str, Any]:
    with (engine or get_engine()).connect() as conn:
        row = conn.execute(sa.select(account).where(account.c.id == account_id)
                           ).mappings().first()
    if row is None:
        raise NotFound(f"no account {account_id!r}", field="account_id")
    return dict(row)


def authenticate_password(username: str, password: str, *,
                          engine: Engine | None = None) -> Actor:
    with (engine or get_engine()).connect() as conn:
        row = conn.execute(sa.select(account).where(
            account.c.username == username.strip().lower())).first()
    stored = row.password_hash if row is not None and row.password_hash else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        row = None
    if row is None or not row.password_hash:
        raise Unauthenticated("wrong username or password", field="password")
    return _actor(row, via="session")


def list_organisations(*, engine: Engine | None = None) -> list[dict[str, Any]]:
    """Organisations (public information: names and kinds), for choosing a consent recipient."""
    with (engine or get_engine()).connect() as conn:
        rows = conn.execute(sa.select(organisation.c.id, organisation.c.name, organisation.c.kind)
                            .order_by(organisation.c.name)).mappings()
        return [dict(r) for r in rows]


def list_accounts(actor: Actor, *, engine: Engine | None = None) -> list[dict[str, Any]]:
    if actor.role != "administrator":
        raise PermissionDenied("only an administrator lists accounts")
    with (engine or get_engine()).connect() as conn:
        rows = conn.execute(sa.select(account.c.id, account.c.username, account.c.role,
                                      account.c.organisation_id, account.c.created_at)
                            .order_by(account.c.username)).mappings()
        return [dict(r) for r in rows]


def _may_manage_keys(actor: Actor, account_id: str) -> None:
    if actor.role not in ("administrator", "operator") and actor.account_id != account_id:
        raise PermissionDenied("API keys are managed by their account or an administrator")


def create_api_key(actor: Actor, account_id: str, *, label: str, role: str | None = None,
                   engine: Engine | None = None) -> tuple[str, str]:
    """Issue a key for an account; returns (key id, the key). The key is shown only this once:
    only its SHA-256 is stored (keys are 256-bit random, so a fast hash is safe)."""
    _may_manage_keys(actor, account_id)
    engine = engine or get_engine()
    with engine.begin() as conn:
        owner = conn.execute(sa.select(account).where(account.c.id == account_id)).first()
        if owner is None:
            raise NotFound(f"no account {account_id!r}", field="account_id")
        role = role or owner.role
        if role != owner.role:
            raise InvalidInput(f"a key acts in its account's role ({owner.role}), not {role!r}",
                               field="role")
        prefix = secrets.token_hex(6)
        token = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
        key_id = new_id()
        audit.append(conn, actor, action="write", what="api key issued",
                     subject_ref=owner.pseudonym)
        conn.execute(sa.insert(api_key).values(
            id=key_id, account_id=account_id, prefix=prefix,
            key_hash=hashlib.sha256(token.encode()).hexdigest(), role=role,
            label=label.strip()[:200] or "key", created_at=utcnow()))
    return key_id, token


def list_api_keys(actor: Actor, account_id: str, *,
                  engine: Engine | None = None) -> list[dict[str, Any]]:
    _may_manage_keys(actor, account_id)
    with (engine or get_engine()).connect() as conn:
        rows = conn.execute(sa.select(api_key.c.id, api_key.c.label, api_key.c.role,
                                      api_key.c.prefix, api_key.c.created_at,
                                      api_key.c.revoked_at)
                            .where(api_key.c.account_id == account_id)).mappings()
        return [dict(r) for r in rows]


def revoke_api_key(actor: Actor, key_id: str, *, engine: Engine | None = None) -> None:
    engine = engine or get_engine()
    with engine.begin() as conn:
        row = conn.execute(sa.select(api_key.c.account_id, account.c.pseudonym)
                           .join(account, account.c.id == api_key.c.account_id)
                           .where(api_key.c.id == key_id)).first()
        if row is None:
            raise NotFound(f"no API key {key_id!r}", field="key_id")
        _may_manage_keys(actor, row.account_id)
        audit.append(conn, actor, action="write", what="api key revoked",
                     subject_ref=row.pseudonym)
        conn.execute(sa.update(api_key).where(api_key.c.id == key_id)
                     .values(revoked_at=utcnow()))


def actor_from_api_key(token: str, conn: Connection) -> Actor:
    """The actor a presented key stands for; Unauthenticated for a malformed, unknown, forged or
    revoked key (one message for all, so the answer tells an attacker nothing)."""
    fail = Unauthenticated("invalid or revoked API key", field="authorization")
    parts = token.split("_", 2)
    if len(parts) != 3 or not token.startswith(KEY_PREFIX) or len(token) > 100:
        raise fail
    row = conn.execute(sa.select(api_key, account.c.pseudonym, account.c.organisation_id,
                                 account.c.role.label("account_role"))
                       .join(account, account.c.id == api_key.c.account_id)
                       .where(api_key.c.prefix == parts[1])).first()
    if row is None or row.revoked_at is not None or row.role != row.account_role:
        raise fail
    if not hmac.compare_digest(row.key_hash, hashlib.sha256(token.encode()).hexdigest()):
        raise fail
    return Actor(account_id=row.account_id, role=row.role, pseudonym=row.pseudonym,
                 organisation_id=row.organisation_id, via="api_key", key_id=row.id)
