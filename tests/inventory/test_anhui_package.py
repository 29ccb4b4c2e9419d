"""The Anhui package: the inventory tables (Excel and PDF) written by `render inventory` are
packaged for the Anhui target and sent to a real SMTP server on 127.0.0.1; a package of tables
written before the screening last changed is refused, saying so."""

from __future__ import annotations

import email
from collections.abc import Callable
from email import policy
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from app.cli import PASSWORD_ENV_VAR
from app.models.database import open_database
from app.models.store import Store
from app.submit.presets import DEFAULT_TARGETS, DocumentKind
from app.submit.records import SubmissionRecords
from app.submit.targets import TargetData, check_target
from app.usecases import inventory as inv
from app.usecases.submission import package_documents
from tests.inventory.test_inventory_cli_json import run, screened_db
from tests.submit import conftest as submit_fixtures
from tests.submit.support import ASCII_PASSWORD, Server
from tests.test_cli_package import package_folder, rows

certificate = submit_fixtures.certificate
fail_keyring = submit_fixtures.fail_keyring
smtp_server = submit_fixtures.smtp_server
screened = screened_db

TABLES = sorted(f"{stem}.{ext}" for stem in ("高校和科研机构转化专利统计表",
                                             "高校和科研机构存量可转化专利分类统计表")
                for ext in ("xlsx", "pdf"))


@pytest.fixture(autouse=True)
def chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LICENCE_DESK_LANG", raising=False)
    monkeypatch.delenv(PASSWORD_ENV_VAR, raising=False)


def test_the_anhui_preset_is_usable_and_names_the_notices_mailbox() -> None:
    anhui = next(p for p in DEFAULT_TARGETS if p.key == "anhui")
    assert anhui.recipients == ("ahzscq@126.com",)
    assert set(anhui.document_kinds) == {DocumentKind.INVENTORY_TRANSFER_TABLE,
                                         DocumentKind.INVENTORY_CLASSIFICATION_TABLE}
    assert check_target(TargetData.from_preset(anhui)) == []
    assert "市级知识产权管理部门" in anhui.note  # where the notice sends the tables


def test_the_tables_are_packaged_and_sent_to_the_anhui_mailbox(
    capsys: pytest.CaptureFixture[str], screened: Path, tmp_path: Path,
    smtp_server: Callable[..., Server], fail_keyring: KeyringBackend,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = str(screened)
    code, out, _ = run(capsys, "--db", db, "package", "--target", "anhui", "--send-unsealed",
                       "--out", str(tmp_path / "none"))
    assert code == 1 and "尚未生成转化专利统计表" in out  # nothing rendered yet
    assert run(capsys, "--db", db, "render", "inventory", "--out", str(tmp_path / "t"))[0] == 0

    # What the package window offers for the target: the newest PDF and workbook of each.
    database = open_database(screened)
    try:
        store = Store(database)
        target = SubmissionRecords(database).target_by_key("anhui")
        assert target is not None
        offered = package_documents(store, target)
        assert sorted(r.file_name for r in offered) == TABLES
        assert all(r.current for r in offered)
    finally:
        database.close()

    code, out, _ = run(capsys, "--db", db, "package", "--target", "anhui", "--send-unsealed",
                       "--out", str(tmp_path / "packages"))
    assert code == 0, out
    folder = package_folder(out)
    assert sorted(p.name for p in folder.iterdir() if p.suffix in (".pdf", ".xlsx")) == TABLES

    server = smtp_server(security="none", password=ASCII_PASSWORD)
    database = open_database(screened)
    try:
        assert SubmissionRecords(database).save_account(server.account(name="test")).saved
    finally:
        database.close()
    monkeypatch.setenv(PASSWORD_ENV_VAR, ASCII_PASSWORD)
    code, out, err = run(capsys, "--db", db, "send", str(folder))
    assert code == 0, out + err
    [received] = server.recorder.received
    assert received.rcpt_tos == ["ahzscq@126.com"]
    mail = email.message_from_bytes(received.content, policy=policy.default)
    assert mail["Subject"] == "安徽某某大学报送存量专利盘点转化专利统计表及存量可转化专利分类统计表"
    body = mail.get_body(("plain",)).get_content()
    assert "皖市监知促函〔2024〕4号" in body
    assert "《高校和科研机构转化专利统计表》《高校和科研机构存量可转化专利分类统计表》" in body
    assert sorted(part.get_filename() for part in mail.iter_attachments()) == TABLES
    sent = {part.get_filename(): part.get_content() for part in mail.iter_attachments()}
    assert sent["高校和科研机构转化专利统计表.xlsx"] == (
        tmp_path / "t" / "高校和科研机构转化专利统计表.xlsx").read_bytes()


def test_tables_older_than_the_last_screening_change_are_refused_saying_so(
    capsys: pytest.CaptureFixture[str], screened: Path, tmp_path: Path,
) -> None:
    db = str(screened)
    assert run(capsys, "--db", db, "render", "inventory", "--out", str(tmp_path / "t"))[0] == 0
    database = open_database(screened)
    try:
        store = Store(database)
        row = next(r for r in inv.inventory_rows(store) if r.in_force and not r.deal_serials
                   and r.screening.verdict == "yes")
        inv.set_field(store, [row.patent_id], "maturity", 3)  # a count of the 分类统计表 moves
    finally:
        database.close()
    code, out, _ = run(capsys, "--db", db, "package", "--target", "anhui", "--send-unsealed",
                       "--out", str(tmp_path / "stale"))
    assert code == 1
    problems = [r[2] for r in rows(out)]
    assert any("此后盘点筛选又有修改" in p and "高校和科研机构存量可转化专利分类统计表" in p
               for p in problems), out
    assert not (tmp_path / "stale").exists()

    # Written again, the tables go.
    assert run(capsys, "--db", db, "render", "inventory", "--out", str(tmp_path / "t"))[0] == 0
    code, out, _ = run(capsys, "--db", db, "package", "--target", "anhui", "--send-unsealed",
                       "--out", str(tmp_path / "fresh"))
    assert code == 0, out


def test_draft_tables_are_not_offered(screened: Path, tmp_path: Path) -> None:
    database = open_database(screened)
    try:
        store = Store(database)
        lapsed = next(r for r in inv.inventory_rows(store) if not r.in_force)
        inv.set_field(store, [lapsed.patent_id], "verdict", "是")  # convertible yet lapsed
        result = inv.render_inventory(store, tmp_path / "t", pdf=False)
        assert result.has_errors and result.recorded == ()
        target = SubmissionRecords(database).target_by_key("anhui")
        assert target is not None and package_documents(store, target) == []
    finally:
        database.close()


def test_a_register_seeded_before_the_anhui_target_gets_it_once(tmp_path: Path) -> None:
    import sqlalchemy as sa
    from alembic import command

    from app.models.database import _alembic_config

    database = open_database(tmp_path / "register.sqlite3")
    try:
        records = SubmissionRecords(database)
        assert [t.key for t in records.targets()][-1] == "anhui"
        with database.engine.begin() as connection:  # as a register of the last release was
            command.downgrade(_alembic_config(connection), "0008_organisation_details")
            assert "anhui" not in set(connection.scalars(sa.text("SELECT key FROM send_target")))
        with database.engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "heads")
        anhui = records.target_by_key("anhui")
        preset = TargetData.from_preset(next(p for p in DEFAULT_TARGETS if p.key == "anhui"))
        assert anhui is not None and {**anhui.__dict__, "id": None} == preset.__dict__
        assert [t.key for t in records.targets()] == ["hubei", "henan", "xinyang", "anhui"]
    finally:
        database.close()
