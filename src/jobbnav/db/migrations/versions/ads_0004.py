"""ads: the de-duplication index holds only ads that are not removed (a partial index)

Removed ads are never de-duplication candidates, and in an archive of 900,000 of them every
insert into a block-keyed index lands on a random page: the index outgrew SQLite's page cache
and each batch rewrote thousands of pages. Partial, it stays the size of the live ads.

Revision ID: ads_0004
Revises: ads_0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "ads_0004"
down_revision = "ads_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_ad_dedupe_live", table_name="ad")
    # `removed` is a column too, only so that the query is answered from the index alone.
    op.create_index("ix_ad_dedupe_open", "ad",
                    ["dedupe_block", "simhash", "duplicate_of", "id", "removed"],
                    sqlite_where=sa.text("removed = 0"),
                    postgresql_where=sa.text("removed = false"))


def downgrade() -> None:
    op.drop_index("ix_ad_dedupe_open", table_name="ad")
    op.create_index("ix_ad_dedupe_live", "ad",
                    ["dedupe_block", "removed", "simhash", "duplicate_of", "id"])
