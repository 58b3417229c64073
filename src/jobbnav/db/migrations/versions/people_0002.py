"""people: signed audit-log head; data requests whose subject matched no job seeker

Revision ID: people_0002
Revises: people_0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "people_0002"
down_revision = "people_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people_audit_head") as batch:
        batch.add_column(sa.Column("signature", sa.String(128), nullable=True))
        batch.add_column(sa.Column("key_id", sa.String(32), nullable=True))
    op.create_table(
        "people_unmatched_request",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("requested_by", sa.String(64),
                  sa.ForeignKey("people_account.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("purpose", sa.String(120), nullable=False),
        sa.Column("scope", sa.JSON, nullable=False),
        sa.Column("days", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("people_unmatched_request")
    with op.batch_alter_table("people_audit_head") as batch:
        batch.drop_column("key_id")
        batch.drop_column("signature")
