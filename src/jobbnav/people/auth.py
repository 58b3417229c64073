"""Who is calling: web sessions (signed cookie → server-side session), API keys (with a per-key
rate limit), CSRF tokens. Edges use the FastAPI dependencies here; services get an `Actor`."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from fastapi import Request
from itsdangerous import BadSignature, SignatureExpired, TimestampSigner
from sqlalchemy import Connection, Engine

from jobbnav.db import get_engine
from jobbnav.errors import JobbnavError, PermissionDenied, Unauthenticated
from jobbnav.people import keys
from jobbnav.people.accounts import actor_from_api_key
from jobbnav.people.model import Actor
from jobbnav.people.settings import people_settings
from jobbnav.people.store import account, utc, utcnow, web_session

__all__ = [
    "COOKIE",
    "CSRF_COOKIE",
    "RateLimiter",
    "TooManyRequests",
    "check_form_csrf",
    "create_session",
    "end_session",
    "optional_actor",
    "page_actor",
    "require_actor",
    "secure_request",
    "session_csrf",
]

COOKIE = "jobbnav_session"
CSRF_COOKIE = "jobbnav_csrf"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class TooManyRequests(JobbnavError):
    status = 429
    title = "Too many requests"


class RateLimiter:
    """A token bucket per API key: `per_minute` requests a minute, bursts up to the same."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}

    def check(self, key_id: str, per_minute: int) -> None:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (float(per_minute), now))
            tokens = min(float(per_minute), tokens + (now - last) * per_minute / 60.0)
            if tokens < 1.0:
                self._buckets[key_id] = (tokens, now)
                wait = (1.0 - tokens) * 60.0 / per_minute
                raise TooManyRequests(f"rate limit of {per_minute} requests a minute for this "
                                      f"API key reached; retry after {wait:.1f} s",
                                      field="authorization")
            self._buckets[key_id] = (tokens - 1.0, now)


limiter = RateLimiter()


def _signer() -> TimestampSigner:
    return TimestampSigner(keys.session_secret(), salt="jobbnav-session")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(actor: Actor, *, engine: Engine | None = None) -> tuple[str, str]:
    """A new web session for `actor`: (cookie value, CSRF token)."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
    now = utcnow()
    hours = people_settings().session_hours
    with (engine or get_engine()).begin() as conn:
        conn.execute(sa.delete(web_session).where(web_session.c.expires_at < now))
        conn.execute(sa.insert(web_session).values(
            token_hash=_hash(token), account_id=actor.account_id, csrf=csrf, created_at=now,
            expires_at=now + timedelta(hours=hours)))
    return _signer().sign(token).decode(), csrf


def _unsign(cookie: str) -> str | None:
    try:
        max_age = int(people_settings().session_hours * 3600)
        return _signer().unsign(cookie, max_age=max_age).decode()
    except (BadSignature, SignatureExpired, UnicodeDecodeError):
        return None


def end_session(cookie: str, *, engine: Engine | None = None) -> None:
    token = _unsign(cookie)
    if token:
        with (engine or get_engine()).begin() as conn:
            conn.execute(sa.delete(web_session).where(web_session.c.token_hash == _hash(token)))


def _session_actor(cookie: str, conn: Connection) -> tuple[Actor, str] | None:
    token = _unsign(cookie)
    if token is None:
        return None
    row = conn.execute(sa.select(web_session.c.csrf, web_session.c.expires_at, account)
                       .join(account, account.c.id == web_session.c.account_id)
                       .where(web_session.c.token_hash == _hash(token))).first()
    if row is None or utc(row.expires_at) <= utcnow():
        return None
    return Actor(account_id=row.id, role=row.role, pseudonym=row.pseudonym,
                 organisation_id=row.organisation_id, via="session"), row.csrf


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header:
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise Unauthenticated("use 'Authorization: Bearer <API key>'", field="authorization")
        return value.strip()
    return request.headers.get("x-api-key")


def _resolve(request: Request) -> Actor | None:
    if hasattr(request.state, "people_actor"):
        return request.state.people_actor  # type: ignore[no-any-return]
    actor: Actor | None = None
    request.state.people_csrf = None
    token = _bearer(request)
    with get_engine().connect() as conn:
        if token is not None:
            actor = actor_from_api_key(token, conn)
            limiter.check(actor.key_id or "", people_settings().api_key_requests_per_minute)
        elif (cookie := request.cookies.get(COOKIE)) is not None:
            found = _session_actor(cookie, conn)
            if found is None:
                request.state.people_auth_problem = "the session expired or is invalid: log in"
            else:
                actor, request.state.people_csrf = found
    request.state.people_actor = actor
    return actor


def optional_actor(request: Request) -> Actor | None:
    return _resolve(request)


def require_actor(request: Request) -> Actor:
    """For API routes: an authenticated actor; cookie sessions must send X-CSRF-Token on
    unsafe methods (API keys need none: a browser never sends them by itself)."""
    actor = _resolve(request)
    if actor is None:
        problem = getattr(request.state, "people_auth_problem",
                          "log in or send 'Authorization: Bearer <API key>'")
        raise Unauthenticated(problem, field="authorization")
    if actor.via == "session" and request.method not in SAFE_METHODS:
        sent = request.headers.get("x-csrf-token", "")
        if not hmac.compare_digest(sent, request.state.people_csrf or ""):
            raise PermissionDenied("missing or wrong X-CSRF-Token header for a cookie session",
                                   field="x-csrf-token")
    return actor


def page_actor(request: Request) -> Actor | None:
    """For pages: the logged-in account, or None (pages redirect to /login)."""
    return _resolve(request)


def session_csrf(request: Request) -> str | None:
    _resolve(request)
    value: Any = getattr(request.state, "people_csrf", None)
    return value if isinstance(value, str) else None


def check_form_csrf(request: Request, sent: str | None) -> None:
    """A form POST carries the session's CSRF token (or, before login, the double-submit
    cookie's)."""
    expected = session_csrf(request) or request.cookies.get(CSRF_COOKIE) or ""
    if not sent or not expected or not hmac.compare_digest(sent, expected):
        raise PermissionDenied("the form's CSRF token is missing or wrong: reload the page",
                               field="csrf")


def secure_request(request: Request) -> bool:
    mode = people_settings().secure_cookies
    if mode in ("always", "true", "1"):
        return True
    if mode in ("never", "false", "0"):
        return False
    proto = request.headers.get("x-forwarded-proto", request.url.scheme)
    return proto.split(",")[0].strip() == "https"
