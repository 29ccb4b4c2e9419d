"""The unit's own details the operations-centre table asks for (issue 11): 主管单位,
组织机构代码 / 统一社会信用代码, 知识产权工作分管校领导 and 知识产权运营管理中心牵头部门负责人
become fields of the organisation record, typed once for every report year.

Reports saved before keep the values typed on them; where a report leaves one blank, the
organisation's prints.

Revision ID: 0008_organisation_details
Revises: 0007_merge_features
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_organisation_details"
down_revision = "0007_merge_features"
branch_labels = None
depends_on = None

_COLUMNS = (("competent_authority", 200), ("organisation_code", 50), ("ip_leader", 100),
            ("centre_head", 100))


def upgrade() -> None:
    with op.batch_alter_table("organisation") as batch:
        for name, length in _COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length=length), nullable=False,
                                       server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("organisation") as batch:
        for name, _length in reversed(_COLUMNS):
            batch.drop_column(name)
