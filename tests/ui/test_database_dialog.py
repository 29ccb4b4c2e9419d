"""Settings → Database against a real PostgreSQL server (tests/pg_server.py): the fields'
findings, the connection test off the UI thread (wrong and right password), the password kept
in the keyring only, the choice kept for the next start, and switching the window at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from app.messages import message
from app.models.server import KEYRING_SERVICE
from app.models.server_choice import LOCAL, SERVER, ServerChoice
from app.models.store import Store
from app.ui.database_dialog import DatabaseDialog
from app.ui.main_window import MainWindow
from app.ui.settings import Preferences
from app.usecases.server import StartLocation
from tests.submit.conftest import memory_keyring  # noqa: F401
from tests.submit.support import MemoryKeyring

from .conftest import Questions

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path, questions: Questions,
           monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.delenv("LICENCE_DESK_DB_PASSWORD", raising=False)
    made = MainWindow(Preferences(tmp_path / "settings.ini"))
    qtbot.addWidget(made)
    made.set_store(store)
    made.show()
    return made


def open_dialog(qtbot: QtBot, window: MainWindow) -> DatabaseDialog:
    dialog = DatabaseDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(qtbot: QtBot, dialog: DatabaseDialog, host: str, port: int, database: str,
         user: str, password: str) -> None:
    radio = dialog.server_radio  # a click on its circle (the button is as wide as the page)
    qtbot.mouseClick(radio, LEFT, pos=QPoint(8, radio.height() // 2))
    for edit, text in ((dialog.host_edit, host), (dialog.database_edit, database),
                       (dialog.user_edit, user), (dialog.password_edit, password)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    dialog.port_spin.setValue(port)
    dialog.sslmode_combo.setCurrentIndex(dialog.sslmode_combo.findData("prefer"))


def finish(qtbot: QtBot, dialog: DatabaseDialog) -> None:
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=20000)


def test_the_fields_are_checked_before_anything_is_tried(
    qtbot: QtBot, window: MainWindow, chinese: str
) -> None:
    dialog = open_dialog(qtbot, window)
    assert dialog.local_radio.isChecked() and not dialog.server_box.isEnabled()  # the default
    fill(qtbot, dialog, "db server", 5432, "", "clerk", "")
    qtbot.mouseClick(dialog.test_button, LEFT)
    assert dialog.operation is None  # nothing sent to a server
    assert dialog.messages["host"].text() == message(
        "server_choice.host_invalid", {"host": "db server"}, chinese)
    assert dialog.messages["database"].text() == message(
        "server_choice.database_required", {}, chinese)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert window.preferences.database_kind == LOCAL  # not saved
    dialog.host_edit.clear()
    qtbot.keyClicks(dialog.host_edit, "db.example.edu.cn")  # corrected: its message goes
    assert not dialog.messages["host"].isVisible()
    dialog.sslmode_combo.setCurrentIndex(dialog.sslmode_combo.findData("verify-full"))
    assert dialog.ca_edit.isEnabled()
    dialog.ca_edit.setText("/nowhere/office-ca.crt")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.messages["ca_file"].text() == message(
        "server_choice.ca_missing", {"path": "/nowhere/office-ca.crt"}, chinese)


def test_testing_saving_and_switching_to_the_office_server(
    qtbot: QtBot, window: MainWindow, pg_url: str, memory_keyring: MemoryKeyring,  # noqa: F811
    chinese: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = make_url(pg_url)
    if url.password is None:
        pytest.skip("the server given needs no password")
    monkeypatch.setattr(window.first_start, "ask", lambda: "")  # the unit's details: not here
    local = window.store
    assert local is not None
    dialog = open_dialog(qtbot, window)
    fill(qtbot, dialog, str(url.host), int(url.port or 5432), str(url.database),
         str(url.username), "wrong-password")
    where = {"server": f"{url.host}:{url.port or 5432}", "database": url.database,
             "user": url.username}

    # A wrong password: said in words, off the UI thread; nothing is stored.
    qtbot.mouseClick(dialog.test_button, LEFT)
    assert dialog.operation is not None and not dialog.test_button.isEnabled()
    finish(qtbot, dialog)
    assert dialog.test_result.text() == message("db.server_wrong_password", where, chinese)
    qtbot.mouseClick(dialog.switch_button, LEFT)
    finish(qtbot, dialog)
    assert message("db.server_wrong_password", where, chinese) in dialog.status.text()
    assert memory_keyring.entries == {}
    assert window.preferences.database_kind == LOCAL and window.store is local
    assert dialog.password_edit.text() == "wrong-password"  # what was typed stays

    # The right one: connected; the register's state is said.
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, str(url.password))
    qtbot.mouseClick(dialog.test_button, LEFT)
    finish(qtbot, dialog)
    assert dialog.test_result.text().startswith(f"Connected to {url.username}@{url.host}")
    assert "register of this version" in dialog.test_result.text()
    assert memory_keyring.entries == {}  # a test stores nothing

    # Another window open: saved, but the switch waits until it is closed.
    other = QDialog(window)
    other.setWindowTitle("某个编辑窗口")
    qtbot.addWidget(other)
    other.show()
    qtbot.mouseClick(dialog.switch_button, LEFT)
    finish(qtbot, dialog)
    assert "某个编辑窗口" in dialog.status.text() and window.store is local
    keyring_user = f"database:{url.username}@{url.host}:{url.port or 5432}/{url.database}"
    assert memory_keyring.entries == {(KEYRING_SERVICE, keyring_user): url.password}
    assert dialog.password_edit.text() == "" and dialog.password_edit.placeholderText() == \
        "Stored (not shown)"
    prefs = Preferences(tmp_path / "settings.ini")
    assert prefs.database_kind == SERVER
    assert prefs.server_choice == ServerChoice(host=str(url.host), port=int(url.port or 5432),
                                               database=str(url.database),
                                               user=str(url.username))
    settings_text = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert str(url.password) not in settings_text and "wrong-password" not in settings_text

    # Closed: the window switches to the server's register at once.
    other.close()
    qtbot.mouseClick(dialog.switch_button, LEFT)
    finish(qtbot, dialog)
    assert window.store is not local and window.store is not None
    assert window.store.database.server == f"{url.username}@{url.host}:{url.port or 5432}/" \
        f"{url.database}"
    assert isinstance(window.start_location, StartLocation)
    assert window.start_location.source == "saved"
    assert window.model.rowCount() == 0  # the server's register (empty), not the file's


def test_the_page_says_when_db_decides(
    qtbot: QtBot, window: MainWindow, chinese: str, tmp_path: Path
) -> None:
    window.start_location = StartLocation(tmp_path / "given.sqlite3", "option")
    dialog = open_dialog(qtbot, window)
    assert dialog.override_label.isVisible()
    assert "--db" in dialog.override_label.text()
    assert str(tmp_path / "given.sqlite3") in dialog.override_label.text()
    window.start_location = StartLocation(tmp_path / "x.sqlite3", "default")
    assert not open_dialog(qtbot, window).override_label.isVisible()
