"""Taxonomy persistence: concepts, their search terms, typed relations and import versions."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from jobbnav.db.metadata import metadata

__all__ = ["concept", "concept_relation", "concept_term", "concept_type", "taxonomy_version"]

taxonomy_version = Table(
    "taxonomy_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("source", String(500), nullable=False),
    Column("checksum", String(64), nullable=False, index=True),
    Column("files", JSON, nullable=False),
    Column("concepts_seen", Integer, nullable=False),
    Column("concepts_added", Integer, nullable=False),
    Column("concepts_changed", Integer, nullable=False),
    Column("concepts_deprecated", Integer, nullable=False),
    Column("relations_seen", Integer, nullable=False),
    Column("terms_seen", Integer, nullable=False),
)

concept = Table(
    "concept",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("type", String(64), nullable=False, index=True),
    Column("preferred_label", String(500), nullable=False),
    Column("definition", Text, nullable=True),
    # External codes by JobTech field name, e.g. {"ssyk-code-2012": "2512", "isco-code-08": "2512"}.
    Column("codes", JSON, nullable=False, default=dict),
    Column("deprecated", Boolean, nullable=False, default=False),
    Column("replaced_by", String(64), nullable=True),
    Column("first_version", Integer, ForeignKey("taxonomy_version.id"), nullable=True),
    Column("last_version", Integer, ForeignKey("taxonomy_version.id"), nullable=True),
    # True for concepts jobbnav had to mint (e.g. skill headlines known only by label).
    Column("local", Boolean, nullable=False, default=False),
)
Index("ix_concept_label", concept.c.preferred_label)

# Alternative labels, hidden search terms, keyword labels, ontology terms (kind says which).
concept_term = Table(
    "concept_term",
    metadata,
    Column("concept_id", String(64), ForeignKey("concept.id"), primary_key=True),
    Column("term", String(500), primary_key=True),
    Column("kind", String(32), primary_key=True),
    Column("misspelled", Boolean, nullable=False, default=False),
    Column("source", String(200), nullable=False),
)

# Directed edges. `broader` points from the narrower concept to the broader one; `narrower` is
# its inverse and is not stored. `related` is stored in the direction the source file gives it.
# `substitutability` points from the occupation that can stand in to the one it substitutes.
concept_relation = Table(
    "concept_relation",
    metadata,
    Column("source_id", String(64), ForeignKey("concept.id"), primary_key=True),
    Column("target_id", String(64), ForeignKey("concept.id"), primary_key=True, index=True),
    Column("relation_type", String(32), primary_key=True),
    Column("percentage", Integer, nullable=True),
    Column("deprecated", Boolean, nullable=False, default=False),
)

concept_type = Table(
    "concept_type",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("label_sv", String(200), nullable=True),
    Column("label_en", String(200), nullable=True),
)
