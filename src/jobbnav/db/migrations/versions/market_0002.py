"""market: watermarks for keeping supply and ratings current (market_state)

Revision ID: market_0002
Revises: market_0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "market_0002"
down_revision = "market_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "market_state",
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column("number", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("market_state")
