"""Record versions for every record a clerk edits (issue 16): deals, summary books, contracts,
ops-centre reports, Henan applications, screenings and the organisation profile gain the
`version` every save bumps and `updated_by`, as patents and offers have since 0006.

Revision ID: 0009_more_record_versions
Revises: 0008_organisation_details
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_more_record_versions"
down_revision = "0008_organisation_details"
branch_labels = None
depends_on = None

TABLES = ("deal", "summary_book", "contract", "ops_centre_report", "henan_application",
          "screening", "organisation")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("version", sa.Integer(), server_default="1", nullable=False))
            batch.add_column(
                sa.Column("updated_by", sa.String(length=200), server_default="", nullable=False))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("updated_by")
            batch.drop_column("version")
