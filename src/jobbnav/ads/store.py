"""Job ad persistence: one row per ad version in force, its JobSearch JSON and the columns that
the stream, de-duplication and the index watermark need."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Index, Integer, String, Table, Text, text

from jobbnav.db.metadata import metadata

__all__ = ["ad"]

ad = Table(
    "ad",
    metadata,
    # `key` is the integer the search index refers to; `id` is the ad id of its source.
    Column("key", Integer, primary_key=True, autoincrement=True),
    Column("id", String(200), nullable=False, unique=True),
    Column("source_type", String(100), nullable=True),
    Column("timestamp", BigInteger, nullable=True),
    Column("content_hash", String(32), nullable=False),
    # When the ad last changed in this store (epoch ms): what the stream's `date` filters on.
    Column("changed_at", BigInteger, nullable=False),
    # Monotonic change number; the search index records the highest one it holds.
    Column("seq", BigInteger, nullable=False),
    Column("publication_date", String(32), nullable=True),
    Column("expires_at", String(32), nullable=True),
    Column("removed", Boolean, nullable=False),
    Column("removed_date", String(32), nullable=True),
    Column("occupation_id", String(64), nullable=True),
    Column("group_id", String(64), nullable=True),
    Column("field_id", String(64), nullable=True),
    Column("municipality_id", String(64), nullable=True),
    Column("region_id", String(64), nullable=True),
    Column("country_id", String(64), nullable=True),
    Column("dedupe_block", String(300), nullable=True),
    Column("simhash", BigInteger, nullable=True),
    # The id of the ad this one duplicates (same vacancy from another source), else NULL.
    Column("duplicate_of", String(200), nullable=True),
    Column("data", Text, nullable=False),
    # This ad's entry in a hit's `sources` ({id, source_type, webpage_url}), rendered as JSON
    # when stored (NULL for rows stored before ads_0002: rendered from `data` when read).
    Column("source", Text, nullable=True),
    Index("ix_ad_changed_at", "changed_at"),
    Index("ix_ad_seq", "seq"),
    # Covering and partial: de-duplication reads a block's candidates without touching the
    # rows, and removed ads (most of an archive) never enter it (migration ads_0004).
    Index("ix_ad_dedupe_open", "dedupe_block", "simhash", "duplicate_of", "id", "removed",
          sqlite_where=text("removed = 0"), postgresql_where=text("removed = false")),
    # Partial: read by `duplicate_of = / IN (…)` only, and ~99 % of ads duplicate nothing
    # (one index entry fewer to write per inserted ad; migration ads_0005).
    Index("ix_ad_duplicate_of", "duplicate_of", sqlite_where=text("duplicate_of IS NOT NULL"),
          postgresql_where=text("duplicate_of IS NOT NULL")),
    Index("ix_ad_removed_expires", "removed", "expires_at"),
)
