"""Merge the session's feature branches back into one line of migrations.

Revision ID: 0007_merge_features
Revises: 0006_contracts, 0006_ops_centre, 0006_inventory
Create Date: 2026-12-04
"""

from __future__ import annotations

revision = "0007_merge_features"
down_revision = ("0006_contracts", "0006_ops_centre", "0006_inventory")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
