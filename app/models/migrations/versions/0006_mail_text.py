"""Mail text names only what is attached (issue 17.14): the shipped subject and body templates
of the Hubei, Henan and Xinyang targets become ones with {documents} / {document_titles}, and
the Hubei body says 声明 (the document's title), not 申明.

Only rows whose template is still exactly the shipped text are changed: a clerk's own wording
stays as typed.

Revision ID: 0006_mail_text
Revises: 0005
Create Date: 2026-12-04
"""

# ruff: noqa: E501  (the shipped templates, verbatim)

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_mail_text"
down_revision = "0005"
branch_labels = None
depends_on = None

# (target key, column, shipped text before, shipped text now)
_CHANGES: tuple[tuple[str, str, str, str], ...] = (
    ('hubei', 'subject_template',
     '{unit}报送专利开放许可（试点）汇总表、信息表及声明',
     '{unit}报送专利开放许可（试点）{documents}'),
    ('hubei', 'body_template',
     '{office}：\n\n您好！根据《湖北省专利开放许可试点实施方案》有关要求，现将我单位《湖北省专利开放许可（试点）汇总表》《专利开放许可（试点）信息表》《同意开放许可（试点）的申明》以 PDF 文件格式报送，请查收。{part_note}\n\n本邮件附件（共 {mail_count} 个）：\n{files}\n\n联系人：{contact}\u3000联系电话：{phone}\n\n{unit}\n{date}\n',
     '{office}：\n\n您好！根据《湖北省专利开放许可试点实施方案》有关要求，现将我单位{document_titles}以 PDF 文件格式报送，请查收。{part_note}\n\n本邮件附件（共 {mail_count} 个）：\n{files}\n\n联系人：{contact}\u3000联系电话：{phone}\n\n{unit}\n{date}\n'),
    ('henan', 'body_template',
     '{office}：\n\n您好！根据《关于深入实施河南省专利开放许可及试点工作总结的通知》要求，现将我单位《河南省专利开放许可试点工作总结书》等材料电子版报送，请查收。盖章纸质材料（装订成册两份）另行报送。{part_note}\n\n本邮件附件（共 {mail_count} 个）：\n{files}\n\n联系人：{contact}\u3000联系电话：{phone}\n\n{unit}\n{date}\n',
     '{office}：\n\n您好！根据《关于深入实施河南省专利开放许可及试点工作总结的通知》要求，现将我单位{document_titles}电子版报送，请查收。盖章纸质材料（装订成册两份）另行报送。{part_note}\n\n本邮件附件（共 {mail_count} 个）：\n{files}\n\n联系人：{contact}\u3000联系电话：{phone}\n\n{unit}\n{date}\n'),
    ('xinyang', 'subject_template',
     '{unit}报送专利开放许可试点统计表、达成项目清单及联系人信息表',
     '{unit}报送专利开放许可试点{documents}'),
    ('xinyang', 'body_template',
     '{office}：\n\n您好！根据《信阳市市场监督管理局关于进一步推进专利开放许可试点工作的通知》（信市监〔2023〕56号）要求，现将我单位专利开放许可试点情况统计表、试点达成项目清单及联系人信息表电子扫描版报送，请查收。盖章纸质材料另行报送。{part_note}\n\n本邮件附件（共 {mail_count} 个）：\n{files}\n\n联系人：{contact}\u3000联系电话：{phone}\n\n{unit}\n{date}\n',
     '{office}：\n\n您好！根据《信阳市市场监督管理局关于进一步推进专利开放许可试点工作的通知》（信市监〔2023〕56号）要求，现将我单位{document_titles}电子扫描版报送，请查收。盖章纸质材料另行报送。{part_note}\n\n本邮件附件（共 {mail_count} 个）：\n{files}\n\n联系人：{contact}\u3000联系电话：{phone}\n\n{unit}\n{date}\n'),
)


def _apply(before_index: int, after_index: int) -> None:
    table = sa.table("send_target", sa.column("key", sa.String),
                     sa.column("subject_template", sa.Text), sa.column("body_template", sa.Text))
    connection = op.get_bind()
    for change in _CHANGES:
        key, column = change[0], change[1]
        before, after = change[before_index], change[after_index]
        connection.execute(
            table.update()
            .where(table.c.key == key, table.c[column] == before)
            .values({column: after}))


def upgrade() -> None:
    _apply(2, 3)


def downgrade() -> None:
    _apply(3, 2)
