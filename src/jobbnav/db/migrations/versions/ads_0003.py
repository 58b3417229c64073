"""ads: de-duplication candidates from one covering index (block, removed, simhash,
duplicate_of, id) instead of the block index plus a table lookup per stored ad

With 900,000 archived ads most rows of a block are removed ones; each was read from the table
(pages full of ad JSON) only to be dropped, which halved the import rate as the store grew.

Revision ID: ads_0003
Revises: ads_0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "ads_0003"
down_revision = "ads_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ad_dedupe_live", "ad",
                    ["dedupe_block", "removed", "simhash", "duplicate_of", "id"])
    op.drop_index("ix_ad_dedupe_block", table_name="ad")


def downgrade() -> None:
    op.create_index("ix_ad_dedupe_block", "ad", ["dedupe_block"])
    op.drop_index("ix_ad_dedupe_live", table_name="ad")
