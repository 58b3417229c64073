"""ads: the rendered source entry of each ad (`{id, source_type, webpage_url}` as JSON), so a
search answer splices stored JSON instead of parsing every hit

Revision ID: ads_0002
Revises: ads_0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "ads_0002"
down_revision = "ads_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Rows written before this revision keep NULL: search renders their entry from `data`.
    op.add_column("ad", sa.Column("source", sa.Text, nullable=True))


def downgrade() -> None:
    op.drop_column("ad", "source")
