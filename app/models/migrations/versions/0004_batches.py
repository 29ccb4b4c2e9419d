"""Batches: named selections of finalised offers, one summary list each.

Revision ID: 0004_batches
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_batches"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch")),
        sa.UniqueConstraint("name", name=op.f("uq_batch_name")),
    )
    op.create_table(
        "batch_offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["batch.id"], name=op.f("fk_batch_offer_batch_id_batch"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"], ["offer.id"], name=op.f("fk_batch_offer_offer_id_offer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch_offer")),
        sa.UniqueConstraint("batch_id", "offer_id", name=op.f("uq_batch_offer_batch_id")),
    )
    op.create_index(op.f("ix_batch_offer_batch_id"), "batch_offer", ["batch_id"])
    op.create_index(op.f("ix_batch_offer_offer_id"), "batch_offer", ["offer_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_batch_offer_offer_id"), table_name="batch_offer")
    op.drop_index(op.f("ix_batch_offer_batch_id"), table_name="batch_offer")
    op.drop_table("batch_offer")
    op.drop_table("batch")
