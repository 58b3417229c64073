"""People tables (SQLAlchemy Core). Kept identical in shape to migrations people_0001 + 0002.

Personal data lives only in these tables; the audit log refers to people by a random pseudonym
held in `people_account`, so erasing the account unlinks the log without changing it.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from jobbnav.db.metadata import metadata

__all__ = [
    "account",
    "api_key",
    "audit_head",
    "audit_log",
    "consent",
    "cv_proposal",
    "interest",
    "legal_basis",
    "organisation",
    "profile",
    "unmatched_request",
    "utc",
    "utcnow",
    "web_session",
]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes: they were stored as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


TS = sa.DateTime(timezone=True)

organisation = sa.Table(
    "people_organisation", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("kind", sa.String(32), nullable=False),  # employer | public | service
    sa.Column("created_at", TS, nullable=False),
)

account = sa.Table(
    "people_account", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(120), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200), nullable=False),
    sa.Column("email", sa.String(254), nullable=True),
    sa.Column("password_hash", sa.String(200), nullable=True),
    sa.Column("role", sa.String(32), nullable=False),
    sa.Column("organisation_id", sa.String(64),
              sa.ForeignKey("people_organisation.id"), nullable=True),
    sa.Column("pseudonym", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", TS, nullable=False),
)

web_session = sa.Table(
    "people_session", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("account_id", sa.String(64), sa.ForeignKey("people_account.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("expires_at", TS, nullable=False),
)

api_key = sa.Table(
    "people_api_key", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("account_id", sa.String(64), sa.ForeignKey("people_account.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("prefix", sa.String(16), nullable=False, unique=True),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("role", sa.String(32), nullable=False),
    sa.Column("label", sa.String(200), nullable=False),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("revoked_at", TS, nullable=True),
)

profile = sa.Table(
    "people_profile", metadata,
    sa.Column("account_id", sa.String(64), sa.ForeignKey("people_account.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("handle", sa.String(32), nullable=False, unique=True),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("visibility", sa.String(16), nullable=False),
    sa.Column("unemployment_since", sa.Date, nullable=True),
    sa.Column("updated_at", TS, nullable=False),
)

cv_proposal = sa.Table(
    "people_cv_proposal", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("account_id", sa.String(64), sa.ForeignKey("people_account.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("source", sa.String(16), nullable=False),
    sa.Column("hits", sa.JSON, nullable=False),
    sa.Column("created_at", TS, nullable=False),
)

consent = sa.Table(
    "people_consent", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("subject_id", sa.String(64), sa.ForeignKey("people_account.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("recipient_kind", sa.String(16), nullable=False),
    sa.Column("recipient_id", sa.String(64), nullable=False),
    sa.Column("purpose", sa.String(120), nullable=False),
    sa.Column("scope", sa.JSON, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # requested|granted|denied|revoked
    sa.Column("requested_by", sa.String(64), nullable=True),
    sa.Column("message", sa.Text, nullable=True),
    sa.Column("days", sa.Integer, nullable=False),
    sa.Column("valid_from", TS, nullable=True),
    sa.Column("valid_until", TS, nullable=True),
    sa.Column("created_at", TS, nullable=False),
    sa.Column("decided_at", TS, nullable=True),
)

legal_basis = sa.Table(
    "people_legal_basis", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("subject_id", sa.String(64), sa.ForeignKey("people_account.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("organisation_id", sa.String(64), sa.ForeignKey("people_organisation.id"),
              nullable=False),
    sa.Column("basis", sa.String(500), nullable=False),
    sa.Column("scope", sa.JSON, nullable=False),
    sa.Column("recorded_at", TS, nullable=False),
)

interest = sa.Table(
    "people_interest", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("subject_id", sa.String(64), sa.ForeignKey("people_account.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("organisation_id", sa.String(64), sa.ForeignKey("people_organisation.id"),
              nullable=False),
    sa.Column("ad_id", sa.String(120), nullable=True),
    sa.Column("message", sa.Text, nullable=True),
    sa.Column("status", sa.String(16), nullable=False),  # pending|accepted|declined
    sa.Column("created_at", TS, nullable=False),
    sa.Column("decided_at", TS, nullable=True),
)

audit_log = sa.Table(
    "people_audit_log", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("actor_ref", sa.String(64), nullable=False),
    sa.Column("actor_role", sa.String(32), nullable=False),
    sa.Column("organisation_id", sa.String(64), nullable=True),
    sa.Column("subject_ref", sa.String(64), nullable=True, index=True),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("what", sa.String(500), nullable=False),
    sa.Column("purpose", sa.String(120), nullable=True),
    sa.Column("consent_id", sa.String(64), nullable=True),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

# One row (id 1): the last sequence number and hash, so removing the newest entries shows too,
# signed with the service's Ed25519 key so that a consistent rewrite of log and head shows.
audit_head = sa.Table(
    "people_audit_head", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("signature", sa.String(128), nullable=True),
    sa.Column("key_id", sa.String(32), nullable=True),
)

# A data request whose subject matched no job seeker: kept (without what was typed) only so the
# requester's own list looks the same whether or not the person exists; it stays "requested".
unmatched_request = sa.Table(
    "people_unmatched_request", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("requested_by", sa.String(64),
              sa.ForeignKey("people_account.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("purpose", sa.String(120), nullable=False),
    sa.Column("scope", sa.JSON, nullable=False),
    sa.Column("days", sa.Integer, nullable=False),
    sa.Column("created_at", TS, nullable=False),
)
