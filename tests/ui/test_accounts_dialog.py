"""Mail accounts (presets, checks on the fields, the code kept in the keyring only) and the
editable send targets."""

from __future__ import annotations

from pathlib import Path

from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.messages import message
from app.models.database import Database
from app.models.store import Store
from app.submit.presets import DocumentKind
from app.submit.records import SubmissionRecords
from app.ui.accounts_dialog import AccountsDialog
from app.ui.targets_dialog import TargetsDialog
from tests.submit.conftest import fail_keyring, memory_keyring  # noqa: F401
from tests.submit.support import MemoryKeyring, data_dir

from .conftest import Questions, commit_text

CODE = "QWERTYAUTH123456"
LEFT = Qt.MouseButton.LeftButton


def make_accounts(qtbot: QtBot, store: Store) -> AccountsDialog:
    dialog = AccountsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_an_account_from_the_163_preset_keeps_its_code_in_the_keyring_only(
    qtbot: QtBot, store: Store, database: Database, db_path: Path, questions: Questions,
    memory_keyring: MemoryKeyring, chinese: str,  # noqa: F811
) -> None:
    dialog = make_accounts(qtbot, store)
    assert dialog.list.count() == 0  # none yet: a new one from the first preset is shown
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("163"))
    qtbot.mouseClick(dialog.new_button, LEFT)
    assert (dialog.host_edit.text(), dialog.port_spin.value()) == ("smtp.163.com", 465)
    assert dialog.security_combo.currentData() == "ssl"
    assert "授权码" in dialog.hint_label.text()
    qtbot.keyClicks(dialog.user_edit, "kjc@163.com")
    assert dialog.sender_address_edit.text() == "kjc@163.com"  # follows the login address
    commit_text(dialog.sender_name_edit, "武汉大学科技处")
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    qtbot.keyClicks(dialog.password_edit, CODE)

    qtbot.mouseClick(dialog.save_button, LEFT)

    [account] = SubmissionRecords(database).accounts()
    assert (account.user, account.sender_name) == ("kjc@163.com", "武汉大学科技处")
    assert memory_keyring.entries == {("licence-desk", "kjc@163.com@smtp.163.com"): CODE}
    assert dialog.password_edit.text() == ""  # never left in (or read back into) the widget
    assert "stored" in dialog.password_state.text()
    assert dialog.status.text() == "Saved."
    assert dialog.list.count() == 1

    # Reopened: the code is not shown, only that one is stored.
    again = make_accounts(qtbot, store)
    assert again.password_edit.text() == "" and again.user_edit.text() == "kjc@163.com"
    assert again.password_edit.placeholderText() == "Stored (not shown)"

    database.close()
    for path in [*db_path.parent.glob(db_path.name + "*"), *data_dir().rglob("*")]:
        if path.is_file():
            assert CODE.encode() not in path.read_bytes(), path

    # Deleting asks, then takes the keyring entry with it.
    qtbot.mouseClick(again.delete_button, LEFT)
    assert memory_keyring.entries  # "no"
    questions.answers.append(True)
    qtbot.mouseClick(again.delete_button, LEFT)
    assert memory_keyring.entries == {}


def test_without_a_keyring_the_code_field_says_why_and_is_asked_at_each_send(
    qtbot: QtBot, store: Store, questions: Questions, fail_keyring: KeyringBackend,  # noqa: F811
    chinese: str,
) -> None:
    dialog = make_accounts(qtbot, store)
    assert not dialog.password_edit.isEnabled()
    assert dialog.password_state.text() == message("credentials.no_keyring", None, chinese)
    assert dialog.password_edit.placeholderText() == "Asked for at each send"


def test_wrong_settings_are_marked_on_their_fields_and_kept(
    qtbot: QtBot, store: Store, database: Database, questions: Questions,
    memory_keyring: MemoryKeyring, chinese: str,  # noqa: F811
) -> None:
    dialog = make_accounts(qtbot, store)
    dialog.new_account("corporate")
    assert dialog.security_combo.currentData() == "starttls" and dialog.port_spin.value() == 587
    dialog.security_combo.setCurrentIndex(dialog.security_combo.findData("none"))
    assert dialog.port_spin.value() == 25  # the usual port follows the security
    qtbot.keyClicks(dialog.host_edit, "mail.whu.edu.cn")
    qtbot.keyClicks(dialog.sender_address_edit, "not-an-address")
    qtbot.mouseClick(dialog.save_button, LEFT)

    assert dialog.messages["security"].isVisible()
    assert dialog.messages["security"].text() == message(
        "account.insecure", {"host": "mail.whu.edu.cn"}, chinese)
    assert dialog.messages["sender_address"].text() == message(
        "account.sender_invalid", {"address": "not-an-address"}, chinese)
    assert not dialog.messages["host"].isVisible()
    assert dialog.status.text().startswith("Saved; correct the marked fields")
    [kept] = SubmissionRecords(database).accounts()  # kept, to finish later
    assert kept.host == "mail.whu.edu.cn"


def make_targets(qtbot: QtBot, store: Store) -> TargetsDialog:
    dialog = TargetsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_targets_are_edited_saved_and_restored_as_shipped(
    qtbot: QtBot, store: Store, database: Database, questions: Questions, chinese: str,
) -> None:
    records = SubmissionRecords(database)
    dialog = make_targets(qtbot, store)
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
        "湖北", "河南", "信阳", "安徽"]
    assert dialog.recipients_edit.toPlainText() == "dingwei@hbipo.gov.cn"
    assert dialog.kind_checks[DocumentKind.DECLARATION].isChecked()
    assert not dialog.delete_button.isEnabled() and dialog.restore_button.isEnabled()

    dialog.recipients_edit.setPlainText("dingwei@hbipo.gov.cn\nnot an address")
    dialog.size_spin.setValue(20.0)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.messages["recipients"].text() == message(
        "target.recipient_invalid", {"address": "not an address"}, chinese)
    dialog.recipients_edit.setPlainText("dingwei@hbipo.gov.cn\nkjc2025@hbipo.gov.cn")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.messages["recipients"].isVisible()
    hubei = records.target_by_key("hubei")
    assert hubei is not None
    assert hubei.recipients == ("dingwei@hbipo.gov.cn", "kjc2025@hbipo.gov.cn")
    assert hubei.size_limit == 20_000_000
    assert hubei.file_names[DocumentKind.INFORMATION_SHEET] == "{patent} 信息表"  # kept

    questions.answers.append(True)
    qtbot.mouseClick(dialog.restore_button, LEFT)
    restored = records.target_by_key("hubei")
    assert restored is not None and restored.recipients == ("dingwei@hbipo.gov.cn",)
    assert restored.id == hubei.id and restored.size_limit == 50_000_000
    assert dialog.recipients_edit.toPlainText() == "dingwei@hbipo.gov.cn"


def test_a_new_target_needs_its_documents_and_can_be_deleted(
    qtbot: QtBot, store: Store, database: Database, questions: Questions, chinese: str,
) -> None:
    dialog = make_targets(qtbot, store)
    qtbot.mouseClick(dialog.new_button, LEFT)
    commit_text(dialog.name_edit, "武汉市")
    dialog.recipients_edit.setPlainText("zscq@wuhan.gov.cn")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.messages["document_kinds"].text() == message(
        "target.no_document_kind", None, chinese)
    dialog.kind_checks[DocumentKind.STATISTICS_TABLE].setChecked(True)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.messages["document_kinds"].isVisible()
    records = SubmissionRecords(database)
    custom = [t for t in records.targets() if t.name == "武汉市"]
    assert len(custom) == 1 and custom[0].key == "custom-1"
    assert custom[0].document_kinds == (DocumentKind.STATISTICS_TABLE,)
    assert dialog.delete_button.isEnabled() and not dialog.restore_button.isEnabled()
    questions.answers.append(True)
    qtbot.mouseClick(dialog.delete_button, LEFT)
    assert [t.name for t in records.targets()] == ["湖北", "河南", "信阳", "安徽"]
