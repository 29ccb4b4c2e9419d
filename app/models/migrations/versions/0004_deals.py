"""Deals (achieved licences) with their patents and supporting files; summary books.

Revision ID: 0004_deals
Revises: 0003
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_deals"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("licensee", sa.String(length=300), nullable=False),
        sa.Column("licence_date", sa.Date(), nullable=True),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("via_offer", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=True),
        sa.Column("payment_method", sa.String(length=30), nullable=False),
        sa.Column("amount_yuan", sa.String(length=40), nullable=False),
        sa.Column("entry_fee_yuan", sa.String(length=40), nullable=False),
        sa.Column("royalty_percent", sa.String(length=40), nullable=False),
        sa.Column("payment_text", sa.Text(), nullable=False),
        sa.Column("agency", sa.String(length=300), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_id"], ["offer.id"], name=op.f("fk_deal_offer_id_offer"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal")),
        sa.UniqueConstraint("serial", name=op.f("uq_deal_serial")),
    )
    op.create_index(op.f("ix_deal_offer_id"), "deal", ["offer_id"])
    op.create_table(
        "deal_patent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("patent_id", sa.Integer(), nullable=True),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_deal_patent_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["patent_id"], ["patent.id"], name=op.f("fk_deal_patent_patent_id_patent"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_patent")),
    )
    op.create_index(op.f("ix_deal_patent_deal_id"), "deal_patent", ["deal_id"])
    op.create_index(op.f("ix_deal_patent_patent_id"), "deal_patent", ["patent_id"])
    op.create_table(
        "deal_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("stored_path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_deal_file_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_file")),
    )
    op.create_index(op.f("ix_deal_file_deal_id"), "deal_file", ["deal_id"])
    op.create_table(
        "summary_book",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_end", sa.String(length=7), nullable=False),
        sa.Column("filled_on", sa.Date(), nullable=True),
        sa.Column("lead_name", sa.String(length=100), nullable=False),
        sa.Column("lead_mobile", sa.String(length=50), nullable=False),
        sa.Column("lead_department", sa.String(length=200), nullable=False),
        sa.Column("lead_title", sa.String(length=100), nullable=False),
        sa.Column("lead_phone", sa.String(length=50), nullable=False),
        sa.Column("lead_fax", sa.String(length=50), nullable=False),
        sa.Column("unit_profile", sa.Text(), nullable=False),
        sa.Column("self_evaluation", sa.Text(), nullable=False),
        sa.Column("platform_name", sa.String(length=300), nullable=False),
        sa.Column("platform_url", sa.String(length=500), nullable=False),
        sa.Column("smes_reached", sa.Integer(), nullable=True),
        sa.Column("overrides", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("finalised_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summary_book")),
        sa.UniqueConstraint("period_end", name=op.f("uq_summary_book_period_end")),
    )


def downgrade() -> None:
    op.drop_table("summary_book")
    op.drop_index(op.f("ix_deal_file_deal_id"), table_name="deal_file")
    op.drop_table("deal_file")
    op.drop_index(op.f("ix_deal_patent_patent_id"), table_name="deal_patent")
    op.drop_index(op.f("ix_deal_patent_deal_id"), table_name="deal_patent")
    op.drop_table("deal_patent")
    op.drop_index(op.f("ix_deal_offer_id"), table_name="deal")
    op.drop_table("deal")
