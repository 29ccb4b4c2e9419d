"""Record versions of patents and offers: who saved last, and a number every save bumps.

Revision ID: 0006_record_versions
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_record_versions"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("patent", "offer"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("version", sa.Integer(), server_default="1", nullable=False))
            batch.add_column(
                sa.Column("updated_by", sa.String(length=200), server_default="", nullable=False))


def downgrade() -> None:
    for table in ("offer", "patent"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("updated_by")
            batch.drop_column("version")
