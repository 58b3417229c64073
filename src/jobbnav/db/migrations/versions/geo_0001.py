"""geography: regions, municipalities, localities, postcodes, locality links

Revision ID: geo_0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "geo_0001"
down_revision = None
branch_labels = ("geo",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "geo_import",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(500), nullable=False),
        sa.Column("checksum", sa.String(64), nullable=False),
        sa.Column("counts", sa.JSON, nullable=False),
    )
    op.create_table(
        "geo_region",
        sa.Column("code", sa.String(2), primary_key=True),
        sa.Column("concept_id", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("short_name", sa.String(100), nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
    )
    op.create_table(
        "geo_municipality",
        sa.Column("code", sa.String(4), primary_key=True),
        sa.Column("concept_id", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("full_name", sa.String(100), nullable=False),
        sa.Column("region_code", sa.String(2), sa.ForeignKey("geo_region.code"),
                  nullable=False, index=True),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("centroid_source", sa.String(200), nullable=False),
    )
    op.create_table(
        "geo_locality",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("folded", sa.String(200), nullable=False),
        sa.Column("municipality_code", sa.String(4), sa.ForeignKey("geo_municipality.code"),
                  nullable=False, index=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
    )
    op.create_index("ix_geo_locality_folded", "geo_locality", ["folded"])
    op.create_table(
        "geo_postcode",
        sa.Column("code", sa.String(5), primary_key=True),
        sa.Column("postal_town", sa.String(100), nullable=False),
        sa.Column("municipality_code", sa.String(4), sa.ForeignKey("geo_municipality.code"),
                  nullable=False, index=True),
    )
    op.create_table(
        "geo_locality_link",
        sa.Column("source_id", sa.Integer, sa.ForeignKey("geo_locality.id"), primary_key=True),
        sa.Column("target_id", sa.Integer, sa.ForeignKey("geo_locality.id"), primary_key=True),
        sa.Column("km", sa.Float, nullable=False),
        sa.Column("relevance", sa.String(16), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("geo_locality_link")
    op.drop_table("geo_postcode")
    op.drop_table("geo_locality")
    op.drop_table("geo_municipality")
    op.drop_table("geo_region")
    op.drop_table("geo_import")
