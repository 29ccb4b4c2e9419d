"""Opening and printing generated files with the system's programs (issue 17 point 6): where
the system has no program for it, the window says so and shows the path to copy."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.store import Store
from app.ui import interaction

from .conftest import Questions
from .test_main_window import select_rows
from .test_main_window_offers import GOOD_OFFER, make_window, row_of

PDF = str(Path("/srv/材料/ZL201710601862.3 信息表.pdf"))


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    seen: list[tuple[str, str, str]] = []
    monkeypatch.setattr(interaction, "show_path",
                        lambda title, text, path: seen.append((title, text, path)))
    return seen


def test_no_program_to_open_a_file_is_said_with_its_path(
    monkeypatch: pytest.MonkeyPatch, shown: list[tuple[str, str, str]], qapp: QApplication
) -> None:
    monkeypatch.setattr(interaction, "system_open", lambda path: False)
    assert interaction.open_path(PDF) is False
    [(title, text, path)] = shown
    assert path == PDF and title and text


def test_a_file_that_opens_says_nothing(
    monkeypatch: pytest.MonkeyPatch, shown: list[tuple[str, str, str]], qapp: QApplication
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(interaction, "system_open", lambda path: opened.append(path) or True)
    assert interaction.open_path(PDF) is True
    assert opened == [PDF] and shown == []


def test_printing_on_windows_uses_the_shell_print_command(
    monkeypatch: pytest.MonkeyPatch, shown: list[tuple[str, str, str]], qapp: QApplication
) -> None:
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(interaction, "startfile", lambda path, verb: calls.append((path, verb)))
    monkeypatch.setattr(interaction, "system_open", lambda path: pytest.fail("not on Windows"))
    assert interaction.print_path(PDF) is True
    assert calls == [(PDF, "print")] and shown == []


def test_no_print_handler_on_windows_is_said_with_the_path(
    monkeypatch: pytest.MonkeyPatch, shown: list[tuple[str, str, str]], qapp: QApplication
) -> None:
    def no_handler(path: str, verb: str) -> None:
        raise OSError(22, "No application is associated with the specified file", path)

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(interaction, "startfile", no_handler)
    assert interaction.print_path(PDF) is False
    [(_title, _text, path)] = shown
    assert path == PDF


def test_printing_elsewhere_opens_the_viewer_to_print_from(
    monkeypatch: pytest.MonkeyPatch, shown: list[tuple[str, str, str]], qapp: QApplication
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    opened: list[str] = []
    monkeypatch.setattr(interaction, "system_open", lambda path: opened.append(path) or True)
    assert interaction.print_path(PDF) is True
    assert opened == [PDF] and shown == []


def test_the_path_message_selects_and_copies_the_path(qtbot: QtBot, qapp: QApplication,
                                                       chinese: str) -> None:
    QGuiApplication.clipboard().clear()
    seen: dict[str, str] = {}

    def press_copy() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text() + "\n" + box.informativeText()
        box.grab().save("/tmp/licence-desk-no-opener.png")
        [copy] = [b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole]
        copy.click()

    QTimer.singleShot(100, press_copy)
    interaction.show_path("无法打开", "本机没有可打开此文件的程序。文件位置：", PDF)
    assert PDF in seen["text"]
    assert QGuiApplication.clipboard().text() == PDF


def test_the_window_prints_the_selected_patents_sheet(
    qtbot: QtBot, filled_store: Store, tmp_path: Path, questions: Questions, chinese: str,
) -> None:
    patent = filled_store.patent_register()[0][0]
    offer_id = filled_store.save_offer(patent, GOOD_OFFER).record_id
    assert filled_store.finalise_offer(offer_id).saved  # type: ignore[arg-type]
    window = make_window(qtbot, filled_store)
    select_rows(window, [row_of(window, patent)])
    assert window.print_pdf_action.isEnabled()
    operation = window.generate_pdfs(str(tmp_path), combined=False, draft=False)
    qtbot.waitUntil(lambda: operation.done, timeout=30000)
    questions.answers = [True]
    assert window.print_pdf() is True
    kind, printed = questions.asked[-1]
    assert kind == "print" and printed.endswith("信息表.pdf")
