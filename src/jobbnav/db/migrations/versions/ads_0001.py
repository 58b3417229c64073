"""ads: job ads in the JobSearch shape, with stream, de-duplication and index columns

Revision ID: ads_0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "ads_0001"
down_revision = None
branch_labels = ("ads",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ad",
        sa.Column("key", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("source_type", sa.String(100), nullable=True),
        sa.Column("timestamp", sa.BigInteger, nullable=True),
        sa.Column("content_hash", sa.String(32), nullable=False),
        sa.Column("changed_at", sa.BigInteger, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("publication_date", sa.String(32), nullable=True),
        sa.Column("expires_at", sa.String(32), nullable=True),
        sa.Column("removed", sa.Boolean, nullable=False),
        sa.Column("removed_date", sa.String(32), nullable=True),
        sa.Column("occupation_id", sa.String(64), nullable=True),
        sa.Column("group_id", sa.String(64), nullable=True),
        sa.Column("field_id", sa.String(64), nullable=True),
        sa.Column("municipality_id", sa.String(64), nullable=True),
        sa.Column("region_id", sa.String(64), nullable=True),
        sa.Column("country_id", sa.String(64), nullable=True),
        sa.Column("dedupe_block", sa.String(300), nullable=True),
        sa.Column("simhash", sa.BigInteger, nullable=True),
        sa.Column("duplicate_of", sa.String(200), nullable=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.UniqueConstraint("id", name="uq_ad_id"),
    )
    op.create_index("ix_ad_changed_at", "ad", ["changed_at"])
    op.create_index("ix_ad_seq", "ad", ["seq"])
    op.create_index("ix_ad_dedupe_block", "ad", ["dedupe_block"])
    op.create_index("ix_ad_duplicate_of", "ad", ["duplicate_of"])
    op.create_index("ix_ad_removed_expires", "ad", ["removed", "expires_at"])


def downgrade() -> None:
    op.drop_table("ad")
