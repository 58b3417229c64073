"""Market tables (SQLAlchemy Core). Ids that are unknown are stored as "" (keys cannot be NULL)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, Index, Integer, String, Table

from jobbnav.db.metadata import metadata

__all__ = [
    "ad_fact",
    "barometer",
    "barometer_map",
    "baseline",
    "demand",
    "rating",
    "salary",
    "state",
    "supply",
]

ID = 64

# One row per ad: its current contribution (replaced when the ad arrives again).
ad_fact = Table(
    "market_ad_fact", metadata,
    Column("ad_id", String(200), primary_key=True),
    Column("month", Integer, nullable=False),
    Column("occupation_id", String(ID), nullable=False),
    Column("group_id", String(ID), nullable=False),
    Column("field_id", String(ID), nullable=False),
    Column("municipality_id", String(ID), nullable=False),
    Column("region_id", String(ID), nullable=False),
    Column("vacancies", Integer, nullable=False),
    Column("removed", Boolean, nullable=False),
    Index("ix_market_ad_fact_month", "month"),
)

# Ads and vacancies per occupation (level, id) x area (level, id) x month; kept in step with
# ad_fact by the incremental listener and rebuilt whole by recompute.
demand = Table(
    "market_demand", metadata,
    Column("occ_level", String(8), primary_key=True),
    Column("occupation_id", String(ID), primary_key=True),
    Column("area_level", String(16), primary_key=True),
    Column("area_id", String(ID), primary_key=True),
    Column("month", Integer, primary_key=True),
    Column("ads", Integer, nullable=False),
    Column("vacancies", Integer, nullable=False),
    Index("ix_market_demand_area", "area_level", "area_id", "occ_level", "month"),
    # Clustered on its key (migration market_0003): one B-tree fewer per new key, one look-up
    # per upsert (the import upserts ≈ 1.6 new keys per ad).
    sqlite_with_rowid=False,
)

# Published annual ad counts (e.g. the 2024 per-municipality file), ssyk-level-4 x area.
baseline = Table(
    "market_baseline", metadata,
    Column("group_id", String(ID), primary_key=True),
    Column("area_level", String(16), primary_key=True),
    Column("area_id", String(ID), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("ads", Integer, nullable=False),
    Column("source", String(300), nullable=False),
)

# Active job seekers (counts only) per occupation x area; small cells stored as NULL.
supply = Table(
    "market_supply", metadata,
    Column("occ_level", String(8), primary_key=True),
    Column("occupation_id", String(ID), primary_key=True),
    Column("area_level", String(16), primary_key=True),
    Column("area_id", String(ID), primary_key=True),
    Column("seekers", Integer, nullable=True),
    Column("suppressed", Boolean, nullable=False),
)

# The computed Yrkesbarometer-style rating per ssyk-level-4 x län (and country).
rating = Table(
    "market_rating", metadata,
    Column("group_id", String(ID), primary_key=True),
    Column("region_id", String(ID), primary_key=True),
    Column("chance", String(16), nullable=True),
    Column("direction", String(24), nullable=True),
    Column("basis", String(24), nullable=False),
    Column("fallback", String(300), nullable=True),
    Column("ads_12m", Integer, nullable=False),
    Column("seekers", Integer, nullable=True),
    Column("tightness", Float, nullable=True),
    Column("growth_5y", Float, nullable=True),
)

# The published Yrkesbarometer (external source; shown beside the rating, never feeds it).
barometer = Table(
    "market_barometer", metadata,
    Column("barometer_id", String(ID), primary_key=True),
    Column("region_id", String(ID), primary_key=True),
    Column("chance", String(16), nullable=True),
    Column("direction", String(24), nullable=True),
    Column("source", String(300), nullable=False),
)

# barometer-occupation -> ssyk-level-4, from the taxonomy or a mapping file.
barometer_map = Table(
    "market_barometer_map", metadata,
    Column("barometer_id", String(ID), primary_key=True),
    Column("group_id", String(ID), primary_key=True),
    Column("source", String(300), nullable=False),
)

# Monthly salary P10 / median / P90 (SEK) per SSYK 2012 code; NULL where not published.
salary = Table(
    "market_salary", metadata,
    Column("ssyk_code", String(8), primary_key=True),
    Column("group_id", String(ID), nullable=True),
    Column("p10", Integer, nullable=True),
    Column("median", Integer, nullable=True),
    Column("p90", Integer, nullable=True),
    Column("source", String(300), nullable=False),
)

# Watermarks that say when the derived tables (supply, ratings) were last brought up to date:
# demand_version (bumped by every ads batch), ratings_version, supply_refreshed (epoch s), ...
state = Table(
    "market_state", metadata,
    Column("key", String(32), primary_key=True),
    Column("number", Float, nullable=False),
)
