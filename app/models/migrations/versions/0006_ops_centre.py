"""Operations-centre reports (附件 3 of the Henan notice), their policy documents, the list of
centre universities (附件 2, shipped as an editable preset), and the
amount actually received on a deal (到款额).

Revision ID: 0006_ops_centre
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_ops_centre"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ops_centre_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_year", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("finalised_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ops_centre_report")),
        sa.UniqueConstraint("report_year", name=op.f("uq_ops_centre_report_report_year")),
    )
    op.create_table(
        "ops_centre_file",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_ops_centre_file")),
    )
    op.create_table(
        "ops_centre_university",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ops_centre_university")),
        sa.UniqueConstraint("name", name=op.f("uq_ops_centre_university_name")),
    )
    with op.batch_alter_table("deal") as batch:
        batch.add_column(sa.Column("received_yuan", sa.String(length=40), server_default="",
                                   nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("deal") as batch:
        batch.drop_column("received_yuan")
    op.drop_table("ops_centre_university")
    op.drop_table("ops_centre_file")
    op.drop_table("ops_centre_report")
