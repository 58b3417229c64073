"""market: ad facts, demand aggregates, baseline, supply, ratings, barometer, salaries

Revision ID: market_0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "market_0001"
down_revision = None
branch_labels = ("market",)
depends_on = None

ID = 64


def upgrade() -> None:
    op.create_table(
        "market_ad_fact",
        sa.Column("ad_id", sa.String(200), primary_key=True),
        sa.Column("month", sa.Integer, nullable=False),
        sa.Column("occupation_id", sa.String(ID), nullable=False),
        sa.Column("group_id", sa.String(ID), nullable=False),
        sa.Column("field_id", sa.String(ID), nullable=False),
        sa.Column("municipality_id", sa.String(ID), nullable=False),
        sa.Column("region_id", sa.String(ID), nullable=False),
        sa.Column("vacancies", sa.Integer, nullable=False),
        sa.Column("removed", sa.Boolean, nullable=False),
    )
    op.create_index("ix_market_ad_fact_month", "market_ad_fact", ["month"])
    op.create_table(
        "market_demand",
        sa.Column("occ_level", sa.String(8), primary_key=True),
        sa.Column("occupation_id", sa.String(ID), primary_key=True),
        sa.Column("area_level", sa.String(16), primary_key=True),
        sa.Column("area_id", sa.String(ID), primary_key=True),
        sa.Column("month", sa.Integer, primary_key=True),
        sa.Column("ads", sa.Integer, nullable=False),
        sa.Column("vacancies", sa.Integer, nullable=False),
    )
    op.create_index("ix_market_demand_area", "market_demand",
                    ["area_level", "area_id", "occ_level", "month"])
    op.create_table(
        "market_baseline",
        sa.Column("group_id", sa.String(ID), primary_key=True),
        sa.Column("area_level", sa.String(16), primary_key=True),
        sa.Column("area_id", sa.String(ID), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("ads", sa.Integer, nullable=False),
        sa.Column("source", sa.String(300), nullable=False),
    )
    op.create_table(
        "market_supply",
        sa.Column("occ_level", sa.String(8), primary_key=True),
        sa.Column("occupation_id", sa.String(ID), primary_key=True),
        sa.Column("area_level", sa.String(16), primary_key=True),
        sa.Column("area_id", sa.String(ID), primary_key=True),
        sa.Column("seekers", sa.Integer, nullable=True),
        sa.Column("suppressed", sa.Boolean, nullable=False),
    )
    op.create_table(
        "market_rating",
        sa.Column("group_id", sa.String(ID), primary_key=True),
        sa.Column("region_id", sa.String(ID), primary_key=True),
        sa.Column("chance", sa.String(16), nullable=True),
        sa.Column("direction", sa.String(24), nullable=True),
        sa.Column("basis", sa.String(24), nullable=False),
        sa.Column("fallback", sa.String(300), nullable=True),
        sa.Column("ads_12m", sa.Integer, nullable=False),
        sa.Column("seekers", sa.Integer, nullable=True),
        sa.Column("tightness", sa.Float, nullable=True),
        sa.Column("growth_5y", sa.Float, nullable=True),
    )
    op.create_table(
        "market_barometer",
        sa.Column("barometer_id", sa.String(ID), primary_key=True),
        sa.Column("region_id", sa.String(ID), primary_key=True),
        sa.Column("chance", sa.String(16), nullable=True),
        sa.Column("direction", sa.String(24), nullable=True),
        sa.Column("source", sa.String(300), nullable=False),
    )
    op.create_table(
        "market_barometer_map",
        sa.Column("barometer_id", sa.String(ID), primary_key=True),
        sa.Column("group_id", sa.String(ID), primary_key=True),
        sa.Column("source", sa.String(300), nullable=False),
    )
    op.create_table(
        "market_salary",
        sa.Column("ssyk_code", sa.String(8), primary_key=True),
        sa.Column("group_id", sa.String(ID), nullable=True),
        sa.Column("p10", sa.Integer, nullable=True),
        sa.Column("median", sa.Integer, nullable=True),
        sa.Column("p90", sa.Integer, nullable=True),
        sa.Column("source", sa.String(300), nullable=False),
    )


def downgrade() -> None:
    for name in ("market_salary", "market_barometer_map", "market_barometer", "market_rating",
                 "market_supply", "market_baseline", "market_demand", "market_ad_fact"):
        op.drop_table(name)
