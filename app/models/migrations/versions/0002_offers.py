"""Offers (information sheet + declaration) and the patent's pledge flag.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("patent") as batch:
        batch.add_column(sa.Column("pledged", sa.Boolean(), server_default="0", nullable=False))
    op.create_table(
        "offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patent_id", sa.Integer(), nullable=False),
        sa.Column("self_exploitation", sa.String(length=20), nullable=False),
        sa.Column("self_exploitation_period", sa.Text(), nullable=False),
        sa.Column("self_exploitation_scope", sa.Text(), nullable=False),
        sa.Column("self_exploitation_manner", sa.Text(), nullable=False),
        sa.Column("licensing", sa.String(length=20), nullable=False),
        sa.Column("licensing_period", sa.Text(), nullable=False),
        sa.Column("licensing_scope", sa.Text(), nullable=False),
        sa.Column("licensing_kind", sa.String(length=20), nullable=False),
        sa.Column("licence_expiry", sa.Date(), nullable=True),
        sa.Column("fee", sa.Text(), nullable=False),
        sa.Column("other_terms", sa.Text(), nullable=False),
        sa.Column("contact_name", sa.String(length=100), nullable=False),
        sa.Column("contact_address", sa.String(length=300), nullable=False),
        sa.Column("contact_postcode", sa.String(length=20), nullable=False),
        sa.Column("contact_phone", sa.String(length=50), nullable=False),
        sa.Column("contact_email", sa.String(length=200), nullable=False),
        sa.Column("open_scope", sa.String(length=100), nullable=False),
        sa.Column("single_term", sa.String(length=100), nullable=False),
        sa.Column("declared_on", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("finalised_at", sa.DateTime(), nullable=True),
        sa.Column("finalised_snapshot", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patent_id"], ["patent.id"], name=op.f("fk_offer_patent_id_patent"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer")),
        sa.UniqueConstraint("patent_id", name=op.f("uq_offer_patent_id")),
    )


def downgrade() -> None:
    op.drop_table("offer")
    with op.batch_alter_table("patent") as batch:
        batch.drop_column("pledged")
