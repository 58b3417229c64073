"""taxonomy: concepts, terms, relations, versions

Revision ID: tax_0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "tax_0001"
down_revision = None
branch_labels = ("taxonomy",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "taxonomy_version",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(500), nullable=False),
        sa.Column("checksum", sa.String(64), nullable=False, index=True),
        sa.Column("files", sa.JSON, nullable=False),
        sa.Column("concepts_seen", sa.Integer, nullable=False),
        sa.Column("concepts_added", sa.Integer, nullable=False),
        sa.Column("concepts_changed", sa.Integer, nullable=False),
        sa.Column("concepts_deprecated", sa.Integer, nullable=False),
        sa.Column("relations_seen", sa.Integer, nullable=False),
        sa.Column("terms_seen", sa.Integer, nullable=False),
    )
    op.create_table(
        "concept",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("type", sa.String(64), nullable=False, index=True),
        sa.Column("preferred_label", sa.String(500), nullable=False),
        sa.Column("definition", sa.Text, nullable=True),
        sa.Column("codes", sa.JSON, nullable=False),
        sa.Column("deprecated", sa.Boolean, nullable=False),
        sa.Column("replaced_by", sa.String(64), nullable=True),
        sa.Column("first_version", sa.Integer, sa.ForeignKey("taxonomy_version.id")),
        sa.Column("last_version", sa.Integer, sa.ForeignKey("taxonomy_version.id")),
        sa.Column("local", sa.Boolean, nullable=False),
    )
    op.create_index("ix_concept_label", "concept", ["preferred_label"])
    op.create_table(
        "concept_term",
        sa.Column("concept_id", sa.String(64), sa.ForeignKey("concept.id"), primary_key=True),
        sa.Column("term", sa.String(500), primary_key=True),
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("misspelled", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
    )
    op.create_table(
        "concept_relation",
        sa.Column("source_id", sa.String(64), sa.ForeignKey("concept.id"), primary_key=True),
        sa.Column("target_id", sa.String(64), sa.ForeignKey("concept.id"), primary_key=True),
        sa.Column("relation_type", sa.String(32), primary_key=True),
        sa.Column("percentage", sa.Integer, nullable=True),
        sa.Column("deprecated", sa.Boolean, nullable=False),
    )
    op.create_table(
        "concept_type",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("label_sv", sa.String(200), nullable=True),
        sa.Column("label_en", sa.String(200), nullable=True),
    )
    op.create_index("ix_concept_relation_target_id", "concept_relation", ["target_id"])


def downgrade() -> None:
    op.drop_table("concept_type")
    op.drop_table("concept_relation")
    op.drop_table("concept_term")
    op.drop_table("concept")
    op.drop_table("taxonomy_version")
