"""Stock-patent inventory: one screening record per patent and the enterprises' feedback.

Revision ID: 0006_inventory
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_inventory"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "screening",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patent_id", sa.Integer(), nullable=False),
        sa.Column("intentions", sa.String(length=60), nullable=False),
        sa.Column("strategic_category", sa.String(length=20), nullable=False),
        sa.Column("economy_category", sa.String(length=20), nullable=False),
        sa.Column("ipc", sa.String(length=40), nullable=False),
        sa.Column("maturity", sa.Integer(), nullable=True),
        sa.Column("prospect", sa.String(length=20), nullable=False),
        sa.Column("verdict", sa.String(length=10), nullable=False),
        sa.Column("licence", sa.String(length=10), nullable=False),
        sa.Column("transfer", sa.String(length=10), nullable=False),
        sa.Column("abandon", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("dispute", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("evaluator", sa.String(length=100), nullable=False),
        sa.Column("evaluated_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patent_id"], ["patent.id"], name=op.f("fk_screening_patent_id_patent"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening")),
        sa.UniqueConstraint("patent_id", name=op.f("uq_screening_patent_id")),
    )
    op.create_table(
        "enterprise_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patent_id", sa.Integer(), nullable=False),
        sa.Column("enterprise", sa.String(length=300), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("prospect", sa.String(length=20), nullable=False),
        sa.Column("improvement_needs", sa.Text(), nullable=False),
        sa.Column("cooperation", sa.String(length=10), nullable=False),
        sa.Column("cooperation_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patent_id"], ["patent.id"], name=op.f("fk_enterprise_feedback_patent_id_patent"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise_feedback")),
    )
    op.create_index(op.f("ix_enterprise_feedback_patent_id"), "enterprise_feedback",
                    ["patent_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_enterprise_feedback_patent_id"), table_name="enterprise_feedback")
    op.drop_table("enterprise_feedback")
    op.drop_table("screening")
