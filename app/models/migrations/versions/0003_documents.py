"""Generated documents (PDFs, workbooks) with their hashes and sealed scans.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "generated_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=True),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data_hash", sa.String(length=64), nullable=False),
        sa.Column("draft", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("generated_at", sa.DateTime(), nullable=False),
        sa.Column("sealed_path", sa.Text(), nullable=False),
        sa.Column("sealed_sha256", sa.String(length=64), nullable=False),
        sa.Column("sealed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["offer_id"], ["offer.id"], name=op.f("fk_generated_document_offer_id_offer"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_generated_document")),
    )
    op.create_index(
        op.f("ix_generated_document_offer_id"), "generated_document", ["offer_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_generated_document_offer_id"), table_name="generated_document")
    op.drop_table("generated_document")
