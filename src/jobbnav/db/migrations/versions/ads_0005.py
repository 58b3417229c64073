"""ads: the index of duplicates holds only duplicates (a partial index)

`ix_ad_duplicate_of` is read by `duplicate_of = …` / `IN (…)` (a canonical ad's sources, the
promotion of a duplicate when its canonical ad is removed), which imply `IS NOT NULL`. About
99 % of ads duplicate nothing: each of them was one more index entry to write on insert.

Revision ID: ads_0005
Revises: ads_0004
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "ads_0005"
down_revision = "ads_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_ad_duplicate_of", table_name="ad")
    op.create_index("ix_ad_duplicate_of", "ad", ["duplicate_of"],
                    sqlite_where=sa.text("duplicate_of IS NOT NULL"),
                    postgresql_where=sa.text("duplicate_of IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_ad_duplicate_of", table_name="ad")
    op.create_index("ix_ad_duplicate_of", "ad", ["duplicate_of"])
