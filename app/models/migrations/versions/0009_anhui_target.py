"""The Anhui send target (seed 004, issue 15): the inventory tables to the mailbox the notice
gives. A register first used before this revision has its shipped targets already and would
never get it (targets are seeded once, when there are none): it is added here, once. A register
with no targets yet gets it with the others on first use.

Revision ID: 0009_anhui_target
Revises: 0008_organisation_details
Create Date: 2026-12-04
"""

# ruff: noqa: E501  (the shipped target, verbatim)

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0009_anhui_target"
down_revision = "0008_organisation_details"
branch_labels = None
depends_on = None

_ANHUI = {
    'key': 'anhui',
    'name': '安徽',
    'office': '安徽省市场监督管理局知识产权促进处',
    'recipients': '["ahzscq@126.com"]',
    'subject_template': '{unit}报送存量专利盘点{documents}',
    'body_template': '{office}：\n\n您好！根据《安徽省开展高校科研机构存量专利筛选推介工作实施方案（2023-2025年）》（皖市监知促函〔2024〕4号）要求，现将我单位存量专利盘点{document_titles}电子版报送，请查收。{part_note}\n\n本邮件附件（共 {mail_count} 个）：\n{files}\n\n联系人：{contact}\u3000联系电话：{phone}\n\n{unit}\n{date}\n',
    'document_kinds': '["inventory_transfer_table", "inventory_classification_table"]',
    'file_types': '["xlsx", "pdf"]',
    'file_names': '{"inventory_transfer_table": "高校和科研机构转化专利统计表", "inventory_classification_table": "高校和科研机构存量可转化专利分类统计表"}',
    'size_limit': 50000000,
    'note': '通知要求两表电子版于 2024 年 3 月 15 日前报送辖区内市级知识产权管理部门，未给出其邮箱；此处预置的是通知所附省市场监管局联系人胡徽东的邮箱（0551-63356984，落实情况于 6 月 30 日、12 月 30 日前报送）。报送市级部门时请改为该部门的邮箱。',
}

_TABLE = sa.table("send_target", sa.column("key", sa.String), sa.column("position", sa.Integer),
                  sa.column("updated_at", sa.DateTime),
                  *(sa.column(name, sa.Integer if name == "size_limit" else sa.Text)
                    for name in _ANHUI if name != "key"))


def upgrade() -> None:
    connection = op.get_bind()
    keys = set(connection.scalars(sa.select(_TABLE.c.key)))
    if not keys or "anhui" in keys:
        return  # seeded with every shipped target on first use, or there already
    position = connection.scalar(sa.select(sa.func.max(_TABLE.c.position))) or 0
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # as the application stamps its rows
    connection.execute(_TABLE.insert().values(position=position + 1, updated_at=now, **_ANHUI))


def downgrade() -> None:
    connection = op.get_bind()
    connection.execute(_TABLE.delete().where(_TABLE.c.key == "anhui",
                                             _TABLE.c.note == _ANHUI["note"]))
