"""Join the session's migrations: record versions, stored files and the 安徽 target.

Revision ID: 0010_merge_clerks
Revises: 0009_more_record_versions, 0009_stored_files, 0009_anhui_target
Create Date: 2026-12-04
"""

from __future__ import annotations

revision = "0010_merge_clerks"
down_revision = ("0009_more_record_versions", "0009_stored_files", "0009_anhui_target")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
