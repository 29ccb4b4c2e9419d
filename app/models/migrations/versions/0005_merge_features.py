"""Merge the feature branches (batches, deals, submission) back into one line of migrations.

Revision ID: 0005
Revises: 0004_batches, 0004_deals, 0004_submission
Create Date: 2026-11-21
"""

from __future__ import annotations

revision = "0005"
down_revision = ("0004_batches", "0004_deals", "0004_submission")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
