"""people: organisations, accounts, sessions, API keys, profiles, CV proposals, consents,
legal bases, employer interest, hash-chained audit log

Revision ID: people_0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "people_0001"
down_revision = None
branch_labels = ("people",)
depends_on = None

TS = sa.DateTime(timezone=True)


def _account_fk() -> sa.ForeignKey:
    return sa.ForeignKey("people_account.id", ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "people_organisation",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "people_account",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(120), nullable=False, unique=True),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("organisation_id", sa.String(64), sa.ForeignKey("people_organisation.id"),
                  nullable=True),
        sa.Column("pseudonym", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "people_session",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(64), _account_fk(), nullable=False, index=True),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
    )
    op.create_table(
        "people_api_key",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(64), _account_fk(), nullable=False, index=True),
        sa.Column("prefix", sa.String(16), nullable=False, unique=True),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("revoked_at", TS, nullable=True),
    )
    op.create_table(
        "people_profile",
        sa.Column("account_id", sa.String(64), _account_fk(), primary_key=True),
        sa.Column("handle", sa.String(32), nullable=False, unique=True),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("visibility", sa.String(16), nullable=False),
        sa.Column("unemployment_since", sa.Date, nullable=True),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "people_cv_proposal",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(64), _account_fk(), nullable=False, index=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("hits", sa.JSON, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "people_consent",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("subject_id", sa.String(64), _account_fk(), nullable=False, index=True),
        sa.Column("recipient_kind", sa.String(16), nullable=False),
        sa.Column("recipient_id", sa.String(64), nullable=False),
        sa.Column("purpose", sa.String(120), nullable=False),
        sa.Column("scope", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("requested_by", sa.String(64), nullable=True),
        sa.Column("message", sa.Text, nullable=True),
        sa.Column("days", sa.Integer, nullable=False),
        sa.Column("valid_from", TS, nullable=True),
        sa.Column("valid_until", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("decided_at", TS, nullable=True),
    )
    op.create_table(
        "people_legal_basis",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("subject_id", sa.String(64), _account_fk(), nullable=False, index=True),
        sa.Column("organisation_id", sa.String(64), sa.ForeignKey("people_organisation.id"),
                  nullable=False),
        sa.Column("basis", sa.String(500), nullable=False),
        sa.Column("scope", sa.JSON, nullable=False),
        sa.Column("recorded_at", TS, nullable=False),
    )
    op.create_table(
        "people_interest",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("subject_id", sa.String(64), _account_fk(), nullable=False, index=True),
        sa.Column("organisation_id", sa.String(64), sa.ForeignKey("people_organisation.id"),
                  nullable=False),
        sa.Column("ad_id", sa.String(120), nullable=True),
        sa.Column("message", sa.Text, nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("decided_at", TS, nullable=True),
    )
    op.create_table(
        "people_audit_log",
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
    op.create_table(
        "people_audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    for name in ("people_audit_head", "people_audit_log", "people_interest", "people_legal_basis",
                 "people_consent", "people_cv_proposal", "people_profile", "people_api_key",
                 "people_session", "people_account", "people_organisation"):
        op.drop_table(name)
