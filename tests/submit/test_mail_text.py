"""The mail's subject and body name exactly the documents the package attaches (issue 17.14),
with the documents' own titles (声明, not 申明); databases made before keep a clerk's own
wording but get the corrected shipped text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa

from app.models.database import Database
from app.submit.package import PackageItem, build_package
from app.submit.presets import DocumentKind
from app.submit.records import SubmissionRecords

from .support import fake_pdf, package_items, summary_rows

DAY = dt.date(2024, 12, 5)


def _item(folder: Path, kind: str, name: str) -> PackageItem:
    path = folder / f"{kind}.pdf"
    digest = fake_pdf(path, kind)
    return PackageItem(path, kind, name, None, digest, unsealed_confirmed=True)


def test_the_xinyang_mail_names_no_contact_sheet_when_none_is_attached(
    records: SubmissionRecords, tmp_path: Path,
) -> None:
    target = records.target_by_key("xinyang")
    assert target is not None
    items = [_item(tmp_path, DocumentKind.STATISTICS_TABLE, "统计表"),
             _item(tmp_path, DocumentKind.DEAL_LIST, "达成项目清单")]
    built = build_package(target, "信阳师范大学", DAY, items, tmp_path / "out")
    assert built.built, built.findings
    [mail] = built.mails
    assert mail.subject == "信阳师范大学报送专利开放许可试点试点情况统计表及达成项目清单"
    assert "联系人信息表" not in mail.subject and "联系人信息表" not in mail.body
    assert "《专利开放许可试点情况统计表》《专利开放许可试点达成项目清单》电子扫描版" in mail.body

    with_contacts = items + [_item(tmp_path, DocumentKind.CONTACT_SHEET, "联系人信息表")]
    built = build_package(target, "信阳师范大学", DAY, with_contacts, tmp_path / "out2")
    assert built.built, built.findings
    assert built.mails[0].subject.endswith("试点情况统计表、达成项目清单及联系人信息表")
    assert "《专利开放许可试点工作联系人信息表》" in built.mails[0].body


def test_the_hubei_mail_says_declaration_as_the_document_does(
    records: SubmissionRecords, database: Database, tmp_path: Path,
) -> None:
    target = records.target_by_key("hubei")
    assert target is not None
    numbers = ["201710601862.3"]
    items = package_items(database, tmp_path / "generated", numbers)
    built = build_package(target, "华中科技大学", DAY, items, tmp_path / "out",
                          summary_list=summary_rows(numbers))
    assert built.built, built.findings
    [mail] = built.mails
    assert mail.subject == "华中科技大学报送专利开放许可（试点）汇总表、信息表及声明"
    assert "申明" not in mail.body
    assert ("《湖北省专利开放许可（试点）汇总表》《专利开放许可（试点）信息表》"
            "《同意开放许可（试点）的声明》以 PDF 文件格式报送") in mail.body


def test_the_migration_corrects_the_shipped_text_and_keeps_a_clerks_own(
    records: SubmissionRecords, database: Database,
) -> None:
    from alembic import command

    from app.models.database import _alembic_config

    records.targets()  # seeded with today's text
    old_body = next(c for c in _changes() if c[0] == "hubei" and c[1] == "body_template")[2]
    with database.engine.begin() as connection:
        connection.execute(sa.text(
            "UPDATE send_target SET body_template = :body WHERE key = 'hubei'"), {"body": old_body})
        connection.execute(sa.text(
            "UPDATE send_target SET subject_template = '我单位的主题' WHERE key = 'xinyang'"))
    with database.engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "0005")
    with database.engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "heads")
    hubei = records.target_by_key("hubei")
    xinyang = records.target_by_key("xinyang")
    assert hubei is not None and xinyang is not None
    assert "申明" not in hubei.body_template and "{document_titles}" in hubei.body_template
    assert xinyang.subject_template == "我单位的主题"


def _changes() -> tuple[tuple[str, str, str, str], ...]:
    import importlib

    module = importlib.import_module("app.models.migrations.versions.0006_mail_text")
    changes: tuple[tuple[str, str, str, str], ...] = module._CHANGES
    return changes
