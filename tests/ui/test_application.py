"""Start-up: run_window on a bad database, translations, fonts, crash handler, About box."""

from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app import __version__
from app.messages import message
from app.paths import translations_dir
from app.ui import application, crash, i18n, interaction
from app.ui.fonts import configure_fonts
from app.ui.settings import Preferences

from .conftest import Questions


@pytest.fixture
def restore_hooks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """run_window installs the crash hook, a log file handler, the clerk's language (Qt's
    translators, the message table, the locale) and the Chinese fonts: undo all of them
    afterwards, or the tests after this one see a Chinese window."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    font, locale, language = qapp.font(), QLocale(), i18n.language()
    yield
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    i18n.install_translators(qapp, "en")
    i18n.set_language(language)
    QLocale.setDefault(locale)
    qapp.setFont(font)


def test_corrupt_database_shows_a_message_and_returns_1(
    qtbot: QtBot, tmp_path: Path, questions: Questions, restore_hooks: None
) -> None:
    bad = tmp_path / "broken.sqlite3"
    bad.write_bytes(b"this is not a database at all" * 100)
    assert application.run_window(bad) == 1
    assert [kind for kind, _text in questions.asked] == ["critical"]
    text = questions.asked[0][1]
    assert str(bad) in text
    assert text.startswith(message("db.not_a_database", {"path": str(bad), "reason": ""})[:10])
    assert bad.read_bytes().startswith(b"this is not")  # untouched
    # The application's loop ended without leaving the thread quitting: an event loop run
    # afterwards (a progress wait, a test's qtbot.wait) still waits for its timer.
    QApplication.processEvents()  # what the closed window left queued
    loop = QEventLoop()
    QTimer.singleShot(50, loop.quit)
    started = time.monotonic()
    assert loop.exec() == 0 and time.monotonic() - started >= 0.04


def test_run_window_opens_the_register_and_exits_cleanly(
    qtbot: QtBot, tmp_path: Path, questions: Questions, restore_hooks: None
) -> None:
    db = tmp_path / "fresh.sqlite3"
    seen: dict[str, int] = {}

    def close_when_loaded() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "main_window" and widget.isVisible():
                if widget.store is not None:
                    seen["rows"] = widget.model.rowCount()
                    widget.close()
                    return
        QTimer.singleShot(20, close_when_loaded)

    QTimer.singleShot(0, close_when_loaded)
    assert application.run_window(db) == 0
    assert seen == {"rows": 0}
    assert db.is_file()
    assert QCoreApplication.applicationVersion() == __version__
    # A fresh register has no unit name: the first start asks for it (and offers the sample).
    assert [kind for kind, _text in questions.asked] == ["first_start"]
    assert "sample offered: True" in questions.asked[0][1]


def test_a_saved_office_server_that_cannot_be_opened_gives_way_to_this_pc(
    qtbot: QtBot, tmp_path: Path, questions: Questions, restore_hooks: None,
    private_data_dir: Path,
) -> None:
    """Settings → Database saved a server that is gone: the clerk is told why and works on
    this PC's register (and can reach the page to correct it), not shut out."""
    import socket

    from app.models.server_choice import SERVER, ServerChoice

    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    Preferences().set_database(SERVER, ServerChoice(host="127.0.0.1", port=port,
                                                    user="clerk", sslmode="disable"))
    seen: dict[str, object] = {}

    def close_when_loaded() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "main_window" and widget.isVisible() \
                    and widget.store is not None:
                seen["location"] = widget.store.database.path
                widget.close()
                return
        QTimer.singleShot(20, close_when_loaded)

    QTimer.singleShot(0, close_when_loaded)
    assert application.start_window(None) == 0
    assert seen == {"location": private_data_dir / "licence-desk.sqlite3"}
    kind, text = questions.asked[0]
    assert kind == "critical"
    assert message("db.server_unreachable", {"server": f"127.0.0.1:{port}"},
                   i18n.language()) in text


def test_zh_cn_catalogue_is_complete() -> None:
    ts = translations_dir() / "licence_desk_zh_CN.ts"
    text = ts.read_text(encoding="utf-8")
    assert text.count("<message") > 50
    assert 'type="unfinished"' not in text
    assert 'type="obsolete"' not in text and 'type="vanished"' not in text
    assert (translations_dir() / "licence_desk_zh_CN.qm").is_file()


def test_every_tr_string_in_the_window_is_in_the_catalogue() -> None:
    """A string added to app/ui without refreshing the .ts would show in English."""
    text = (translations_dir() / "licence_desk_zh_CN.ts").read_text(encoding="utf-8")
    sources = {
        s.replace("&amp;", "&").replace("&quot;", '"').replace("&apos;", "'")
        .replace("&lt;", "<").replace("&gt;", ">")
        for s in re.findall(r"<source>(.*?)</source>", text, re.S)
    }
    ui = Path(application.__file__).parent
    missing = []
    pattern = re.compile(r'self\.tr\(\s*"((?:[^"\\]|\\.)*)"\s*\)')
    for path in ui.glob("*.py"):
        for found in pattern.findall(path.read_text(encoding="utf-8")):
            if found.encode().decode("unicode_escape") not in sources and found not in sources:
                missing.append((path.name, found))
    assert missing == []


def test_chinese_translators_load(qapp: QApplication) -> None:
    loaded = i18n.install_translators(qapp, "zh_CN")
    try:
        assert any(p.endswith("licence_desk_zh_CN.qm") for p in loaded)
        assert any("qtbase_zh_CN" in p for p in loaded)
        assert QCoreApplication.translate("MainWindow", "&Add patent…") != "&Add patent…"
        box_text = QCoreApplication.translate("QPlatformTheme", "Save")
        assert box_text != "Save"  # the standard buttons are translated too
    finally:
        i18n.install_translators(qapp, "en")
        i18n.set_language("zh_CN")


def test_fonts_name_chinese_families(qapp: QApplication) -> None:
    before = qapp.font()
    try:
        families = configure_fonts(qapp)
        assert len(families) >= 2
        assert qapp.font().families() == families
        assert "Noto Sans CJK JP" not in families
    finally:
        qapp.setFont(before)


def test_crash_hook_logs_and_shows_details(
    monkeypatch: pytest.MonkeyPatch, restore_hooks: None
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(crash, "show_crash_dialog", shown.append)
    path = crash.install()
    try:
        raise RuntimeError("boom 测试")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "boom 测试" in path.read_text(encoding="utf-8")
    assert shown and "RuntimeError: boom 测试" in shown[0] and __version__ in shown[0]


def test_crash_dialog_copies_details(qtbot: QtBot) -> None:
    from app.ui.crash_dialog import CrashDialog

    dialog = CrashDialog("Traceback …\nValueError: x", crash.log_path())
    qtbot.addWidget(dialog)
    dialog.copy_details()
    assert QApplication.clipboard().text() == "Traceback …\nValueError: x"


def test_about_box_names_the_version(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.main_window import MainWindow

    captured: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, _t, text: captured.append(text))
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.about_action.trigger()
    assert __version__ in captured[0] and "专利开放许可填报助手" in captured[0]


def test_language_codes_agree_with_the_message_table() -> None:
    from app import messages

    assert (i18n.ZH, i18n.EN) == (messages.ZH, messages.EN)


def test_questions_are_replaceable() -> None:
    # The window asks through these names; tests and the CLI rely on swapping them.
    for name in ("confirm", "save_discard_cancel", "restore_discard_later", "inform", "critical"):
        assert callable(getattr(interaction, name))
