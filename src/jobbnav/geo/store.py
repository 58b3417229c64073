"""Geography persistence: regions, municipalities, localities, postcodes, locality links.

The municipalities and regions are also taxonomy concepts (written through the taxonomy
importer); these tables hold what the taxonomy has no room for: coordinates, postcodes and the
neighbour links of localities. Each import replaces their rows in one transaction.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
)

from jobbnav.db.metadata import metadata

__all__ = [
    "geo_import",
    "geo_locality",
    "geo_locality_link",
    "geo_municipality",
    "geo_postcode",
    "geo_region",
]

# One row per import that wrote something; its checksum makes a re-import a no-op.
geo_import = Table(
    "geo_import",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("source", String(500), nullable=False),
    Column("checksum", String(64), nullable=False),
    Column("counts", JSON, nullable=False),
)

geo_region = Table(
    "geo_region",
    metadata,
    Column("code", String(2), primary_key=True),  # länskod "01"
    Column("concept_id", String(64), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("short_name", String(100), nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
)

geo_municipality = Table(
    "geo_municipality",
    metadata,
    Column("code", String(4), primary_key=True),  # kommunkod "0180"
    Column("concept_id", String(64), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("full_name", String(100), nullable=False),
    Column("region_code", String(2), ForeignKey("geo_region.code"), nullable=False, index=True),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    # How lat/lon were chosen: "locality:<label>" (the main locality) or "mean-of-localities".
    Column("centroid_source", String(200), nullable=False),
)

geo_locality = Table(
    "geo_locality",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("label", String(200), nullable=False),
    Column("folded", String(200), nullable=False),  # ascii-folded label, for lookups
    Column("municipality_code", String(4), ForeignKey("geo_municipality.code"),
           nullable=False, index=True),
    Column("lat", Float, nullable=True),
    Column("lon", Float, nullable=True),
)
Index("ix_geo_locality_folded", geo_locality.c.folded)

geo_postcode = Table(
    "geo_postcode",
    metadata,
    Column("code", String(5), primary_key=True),
    Column("postal_town", String(100), nullable=False),
    Column("municipality_code", String(4), ForeignKey("geo_municipality.code"),
           nullable=False, index=True),
)

# Neighbour localities within 70 km with the source's commuting relevance (hög/medel/låg).
geo_locality_link = Table(
    "geo_locality_link",
    metadata,
    Column("source_id", Integer, ForeignKey("geo_locality.id"), primary_key=True),
    Column("target_id", Integer, ForeignKey("geo_locality.id"), primary_key=True),
    Column("km", Float, nullable=False),
    Column("relevance", String(16), nullable=False),
)
