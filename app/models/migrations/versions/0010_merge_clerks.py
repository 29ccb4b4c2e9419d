"""Join the migrations of the office-server work: record versions and stored files.

Revision ID: 0010_merge_clerks
Revises: 0009_more_record_versions, 0009_stored_files
Create Date: 2026-12-04
"""

from __future__ import annotations

revision = "0010_merge_clerks"
down_revision = ("0009_more_record_versions", "0009_stored_files")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
