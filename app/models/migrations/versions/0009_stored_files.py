"""Files in the database (issue 16): one table of contents keyed by SHA-256 and one of their
bytes in chunks, so supporting files, sealed scans and policy documents travel with the
register to every clerk of an office server.

The files an older version kept in the data folder are moved in by
app.models.database after this revision, in the same transaction
(app.models.stored_files.absorb_data_folder): a missing or altered file is reported, never
fatal, and nothing in the data folder is deleted.

Revision ID: 0009_stored_files
Revises: 0008_organisation_details
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_stored_files"
down_revision = "0008_organisation_details"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stored_file",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_stored_file")),
    )
    op.create_table(
        "stored_file_chunk",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["sha256"], ["stored_file.sha256"],
                                name=op.f("fk_stored_file_chunk_sha256_stored_file"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("sha256", "position", name=op.f("pk_stored_file_chunk")),
    )


def downgrade() -> None:
    op.drop_table("stored_file_chunk")
    op.drop_table("stored_file")
