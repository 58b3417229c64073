"""Portability: everything held about a person as one JSON document signed with Ed25519.

Signed bytes: the document without its "signature" member, serialised as UTF-8 JSON with keys
sorted and no whitespace (`json.dumps(doc, sort_keys=True, separators=(",", ":"),
ensure_ascii=False)`). Anyone checks it with the public key at GET /.well-known/jobbnav-keys.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import sqlalchemy as sa
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine

from jobbnav.db import get_engine
from jobbnav.errors import InvalidInput, NotFound, PermissionDenied
from jobbnav.people import audit, keys
from jobbnav.people.hooks import DERIVED_DATA, load_hooks
from jobbnav.people.model import Actor
from jobbnav.people.store import account, consent, interest, legal_basis, profile, utc, utcnow

__all__ = ["FORMAT", "canonical_bytes", "export_person", "import_person", "sign", "verify"]

FORMAT = "jobbnav-person-export/1"


def canonical_bytes(doc: dict[str, Any]) -> bytes:
    body = {k: v for k, v in doc.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str).encode("utf-8")


def sign(doc: dict[str, Any]) -> dict[str, Any]:
    signature = keys.signing_key().sign(canonical_bytes(doc))
    return {**doc, "signature": {"alg": "Ed25519", "key_id": keys.key_id(),
                                 "value": base64.b64encode(signature).decode()}}


def verify(doc: Any, public_key: Ed25519PublicKey | None = None) -> str:
    """Check a signed document; returns the signing key id or raises InvalidInput saying why."""
    if not isinstance(doc, dict) or not isinstance(doc.get("signature"), dict):
        raise InvalidInput("not a signed jobbnav document (no signature)", field="signature")
    sig = doc["signature"]
    if sig.get("alg") != "Ed25519":
        raise InvalidInput(f"unsupported signature algorithm {sig.get('alg')!r}",
                           field="signature.alg")
    key = public_key or keys.public_key()
    try:
        raw = base64.b64decode(str(sig.get("value", "")), validate=True)
        key.verify(raw, canonical_bytes(doc))
    except (InvalidSignature, ValueError):
        raise InvalidInput(f"signature does not match key {keys.key_id(key)}: the document was "
                           "changed or signed by another key", field="signature") from None
    return keys.key_id(key)


def _iso(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (utc(v).isoformat() if hasattr(v, "tzinfo") else v) for k, v in row.items()}


def export_person(actor: Actor, account_id: str | None = None, *,
                  engine: Engine | None = None) -> dict[str, Any]:
    """The signed export of `account_id` (default: the actor). Only the person themself."""
    account_id = account_id or actor.account_id
    if actor.account_id != account_id and actor.role != "operator":
        raise PermissionDenied("only the person exports their own data")
    engine = engine or get_engine()
    with engine.begin() as conn:
        person = conn.execute(sa.select(account).where(account.c.id == account_id)
                              ).mappings().first()
        if person is None:
            raise NotFound(f"no account {account_id!r}", field="account_id")
        audit.append(conn, actor, action="export", what="full export (signed)",
                     subject_ref=person["pseudonym"])
    with engine.connect() as conn:
        prof = conn.execute(sa.select(profile).where(profile.c.account_id == account_id)
                            ).mappings().first()
        consents = [_iso(dict(r)) for r in conn.execute(sa.select(consent).where(
            consent.c.subject_id == account_id)).mappings()]
        bases = [_iso(dict(r)) for r in conn.execute(sa.select(legal_basis).where(
            legal_basis.c.subject_id == account_id)).mappings()]
        interests = [_iso(dict(r)) for r in conn.execute(sa.select(interest).where(
            interest.c.subject_id == account_id)).mappings()]
        log = sorted(audit.entries_for(conn, person["pseudonym"], limit=1_000_000),
                     key=lambda e: e["seq"])
    derived = {name: hook(account_id, engine=engine)
               for (name, _), hook in zip(DERIVED_DATA,
                                          load_hooks(tuple(s for _, s in DERIVED_DATA)),
                                          strict=True)}
    doc = {
        "format": FORMAT, "issued_at": utcnow().isoformat(),
        "issuer": {"service": "jobbnav", "key_id": keys.key_id(),
                   "public_key": keys.public_key_b64(),
                   "keys_url": "/.well-known/jobbnav-keys"},
        "person": {k: (utc(person[k]).isoformat() if k == "created_at" else person[k])
                   for k in ("username", "display_name", "email", "role", "created_at")},
        "profile": None if prof is None else {
            "handle": prof["handle"], "data": prof["data"],
            "updated_at": utc(prof["updated_at"]).isoformat()},
        "consents": consents, "legal_bases": bases, "interests": interests,
        "derived": derived, "audit_log": log,
    }
    return sign(doc)


def import_person(actor: Actor, doc: Any, *, trusted_key: Ed25519PublicKey | None = None,
                  engine: Engine | None = None) -> dict[str, Any]:
    """Bring an export from another jobbnav instance into the actor's own profile.

    The signature is checked against `trusted_key` when given, else against the key the document
    names (integrity since issue). The profile is re-validated against this instance's taxonomy.
    Consents, interests and log entries concern recipients of the other instance and are not
    carried over; the import itself is logged here.
    """
    from jobbnav.people.profile import put_own

    if actor.role != "job_seeker":
        raise PermissionDenied("only a job seeker imports their own data")
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InvalidInput(f"not a {FORMAT} document", field="format")
    key = trusted_key
    if key is None:
        try:
            key = keys.public_key_from_text(str(doc.get("issuer", {}).get("public_key", "")))
        except (ValueError, KeyError, TypeError):
            raise InvalidInput("the document names no valid issuer public key",
                               field="issuer.public_key") from None
    key_id = verify(doc, key)
    data = (doc.get("profile") or {}).get("data")
    if not isinstance(data, dict):
        raise InvalidInput("the document holds no profile", field="profile")
    try:
        result = put_own(actor, data, engine=engine,
                         what=f"profile imported from a jobbnav export signed by {key_id}")
    except InvalidInput as exc:
        raise InvalidInput(f"profile.{exc.detail}", field=f"profile.{exc.field}") from None
    return {"imported": ["profile"], "issuer_key_id": key_id,
            "not_imported": {"consents": len(doc.get("consents", [])),
                             "interests": len(doc.get("interests", [])),
                             "audit_log": len(doc.get("audit_log", []))},
            "warnings": result["warnings"]}
