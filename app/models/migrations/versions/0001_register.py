"""Register: organisation, contacts, patents, patentees, editor drafts.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("legal_representative", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("postcode", sa.String(length=20), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("fax", sa.String(length=50), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("office_phone", sa.String(length=50), nullable=False),
        sa.Column("mobile", sa.String(length=50), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisation.id"],
            name=op.f("fk_contact_organisation_id_organisation"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    op.create_index(op.f("ix_contact_organisation_id"), "contact", ["organisation_id"])
    op.create_table(
        "patent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=True),
        sa.Column("filing_date", sa.Date(), nullable=True),
        sa.Column("grant_date", sa.Date(), nullable=True),
        sa.Column("legal_status", sa.String(length=20), nullable=False),
        sa.Column("term_compensation_days", sa.Integer(), nullable=True),
        sa.Column("expiry_override", sa.Date(), nullable=True),
        sa.Column("expiry_override_note", sa.Text(), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patent")),
        sa.UniqueConstraint("number", name=op.f("uq_patent_number")),
    )
    op.create_table(
        "patentee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patent_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["patent_id"], ["patent.id"],
            name=op.f("fk_patentee_patent_id_patent"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patentee")),
    )
    op.create_index(op.f("ix_patentee_patent_id"), "patentee", ["patent_id"])
    op.create_table(
        "editor_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_key", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_editor_draft")),
        sa.UniqueConstraint("entity", "record_key", name=op.f("uq_editor_draft_entity")),
    )


def downgrade() -> None:
    op.drop_table("editor_draft")
    op.drop_index(op.f("ix_patentee_patent_id"), table_name="patentee")
    op.drop_table("patentee")
    op.drop_table("patent")
    op.drop_index(op.f("ix_contact_organisation_id"), table_name="contact")
    op.drop_table("contact")
    op.drop_table("organisation")
