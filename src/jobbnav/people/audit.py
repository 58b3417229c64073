"""The append-only, hash-chained audit log of every read and write of personal data.

Each entry's hash covers the previous entry's hash and its own fields, and a one-row head holds
the newest (seq, hash): changing, removing or re-ordering any entry, or dropping the newest ones,
breaks verification. The head is signed with the service's Ed25519 key on every append (about
0.1 ms), so someone who can write the database but not read `var/secrets/` cannot rewrite the log
consistently (recomputed hashes and head) either. What a head signature cannot show is a rollback
to an earlier, genuinely signed state (an old copy of the database): anchoring published heads
(`jobbnav audit head`) elsewhere covers that. People appear only by pseudonym, so erasure never
has to touch the log.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from typing import Any

import orjson
import sqlalchemy as sa
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import Connection, Engine

from jobbnav.people import keys
from jobbnav.people.model import Actor
from jobbnav.people.store import audit_head, audit_log, utcnow

__all__ = ["GENESIS", "VerifyReport", "append", "entries_for", "entry_hash", "head",
           "head_message", "verify"]

GENESIS = "0" * 64
HASHED_FIELDS = ("seq", "at", "actor_ref", "actor_role", "organisation_id", "subject_ref",
                 "action", "what", "purpose", "consent_id")


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    body = orjson.dumps({k: entry.get(k) for k in HASHED_FIELDS}, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(prev_hash.encode() + b"\n" + body).hexdigest()


def head_message(seq: int, digest: str) -> bytes:
    """The bytes the head signature covers (domain-separated from signed exports)."""
    return f"jobbnav-audit-head\n{seq}\n{digest}".encode()


@functools.lru_cache(maxsize=8)
def _key_id_of(key: Ed25519PrivateKey) -> str:
    return keys.key_id(key.public_key())


def _sign_head(seq: int, digest: str) -> dict[str, str]:
    key = keys.signing_key()
    return {"signature": key.sign(head_message(seq, digest)).hex(), "key_id": _key_id_of(key)}


def append(conn: Connection, actor: Actor, *, action: str, what: str,
           subject_ref: str | None = None, purpose: str | None = None,
           consent_id: str | None = None) -> int:
    """Append one entry inside the caller's transaction; returns its sequence number.

    The head row is updated first so the transaction holds the write lock before reading the
    previous hash (no two appends can chain onto the same entry).
    """
    touched = conn.execute(sa.update(audit_head).where(audit_head.c.id == 1)
                           .values(seq=audit_head.c.seq)).rowcount
    if not touched:
        conn.execute(sa.insert(audit_head).values(id=1, seq=0, hash=GENESIS))
    head = conn.execute(sa.select(audit_head.c.seq, audit_head.c.hash)
                        .where(audit_head.c.id == 1)).one()
    entry: dict[str, Any] = {
        "seq": head.seq + 1, "at": utcnow().isoformat(timespec="microseconds"),
        "actor_ref": actor.pseudonym, "actor_role": actor.role,
        "organisation_id": actor.organisation_id, "subject_ref": subject_ref,
        "action": action, "what": what[:500], "purpose": purpose, "consent_id": consent_id,
    }
    digest = entry_hash(head.hash, entry)
    conn.execute(sa.insert(audit_log).values(**entry, prev_hash=head.hash, hash=digest))
    conn.execute(sa.update(audit_head).where(audit_head.c.id == 1)
                 .values(seq=entry["seq"], hash=digest, **_sign_head(entry["seq"], digest)))
    return int(entry["seq"])


def head(engine: Engine) -> dict[str, Any] | None:
    """The signed head (seq, hash, signature, key id), to publish or anchor elsewhere."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(audit_head).where(audit_head.c.id == 1)).mappings().first()
    return None if row is None else {k: row[k] for k in ("seq", "hash", "signature", "key_id")}


def entries_for(conn: Connection, subject_ref: str, *, limit: int = 1000) -> list[dict[str, Any]]:
    rows = conn.execute(sa.select(audit_log).where(audit_log.c.subject_ref == subject_ref)
                        .order_by(audit_log.c.seq.desc()).limit(limit)).mappings()
    return [dict(r) for r in rows]


@dataclass
class VerifyReport:
    entries: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_signature(row: Any, key: Ed25519PublicKey) -> str | None:
    if not row.signature:
        return "the log head is not signed: it was written or replaced without the service key"
    try:
        key.verify(bytes.fromhex(row.signature), head_message(row.seq, row.hash))
    except (InvalidSignature, ValueError):
        return (f"the log head's signature does not hold under key {keys.key_id(key)}: the head "
                "(and so the log) was rewritten, or it was signed by another key "
                f"({row.key_id})")
    return None


def verify(engine: Engine, *, public_key: Ed25519PublicKey | None = None,
           progress: Any = None) -> VerifyReport:
    """Walk the whole chain; report every entry whose hash or link does not hold, and a head
    whose Ed25519 signature does not hold under `public_key` (default: this service's key)."""
    report = VerifyReport()
    prev, expected_seq = GENESIS, 1
    with engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(audit_log)).scalar_one()
        if progress:
            progress("verifying audit log", total, 0)
        rows = conn.execute(sa.select(audit_log).order_by(audit_log.c.seq)).mappings()
        for row in rows:
            entry = dict(row)
            if entry["seq"] != expected_seq:
                report.problems.append(
                    f"entry {expected_seq}" + (f"..{entry['seq'] - 1}" if
                                              entry["seq"] - 1 > expected_seq else "")
                    + " is missing")
            if entry["prev_hash"] != prev:
                report.problems.append(f"entry {entry['seq']}: link to the previous entry broken")
            if entry_hash(entry["prev_hash"], entry) != entry["hash"]:
                report.problems.append(f"entry {entry['seq']}: content changed (hash mismatch)")
            prev, expected_seq = entry["hash"], entry["seq"] + 1
            report.entries += 1
            if progress and report.entries % 1000 == 0:
                progress("verifying audit log", total, 1000)
        if progress:
            progress("verifying audit log", total, report.entries % 1000)
        top = conn.execute(sa.select(audit_head).where(audit_head.c.id == 1)).first()
    if top is not None and (top.seq != expected_seq - 1 or top.hash != prev):
        report.problems.append(
            f"the newest entry should be {top.seq}, found {expected_seq - 1}: "
            "entries at the end were removed or the head was changed")
    if top is not None and (problem := _check_signature(top, public_key or keys.public_key())):
        report.problems.append(problem)
    if top is None and report.entries:
        report.problems.append("the log head is missing")
    return report
