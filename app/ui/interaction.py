"""Every question the window asks the clerk goes through here.

Tests replace these functions (monkeypatch) instead of clicking modal boxes, which would block.
QMessageBox is imported when a question is asked, not before the window's first paint.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def confirm(parent: QWidget | None, title: str, text: str, details: str = "") -> bool:
    """Yes/No, No being the default: used before anything that cannot be undone."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    if details:
        box.setInformativeText(details)
    return box.exec() == QMessageBox.StandardButton.Yes


def save_discard_cancel(parent: QWidget | None, title: str, text: str) -> Choice:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Choice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Choice.DISCARD
    return Choice.CANCEL


def restore_discard_later(parent: QWidget | None, title: str, text: str, details: str) -> Choice:
    """Offer unsaved drafts: SAVE means restore them, DISCARD throws them away, CANCEL keeps
    them for the next start."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setInformativeText(details)
    role = QMessageBox.ButtonRole
    restore = box.addButton(QCoreApplication.translate("Interaction", "Restore"), role.AcceptRole)
    discard = box.addButton(
        QCoreApplication.translate("Interaction", "Discard"), role.DestructiveRole
    )
    box.addButton(QCoreApplication.translate("Interaction", "Later"), role.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return Choice.SAVE
    if clicked is discard:
        return Choice.DISCARD
    return Choice.CANCEL


def first_start_choice(parent: QWidget | None, title: str, text: str,
                       offer_sample: bool) -> str:
    """"unit" (enter the unit's details), "sample" (open the sample register, only when
    offered) or "later"."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    role = QMessageBox.ButtonRole
    unit = box.addButton(QCoreApplication.translate("Interaction", "Enter the unit's details…"),
                         role.AcceptRole)
    sample = (box.addButton(QCoreApplication.translate("Interaction", "Open the sample register"),
                            role.ActionRole) if offer_sample else None)
    box.addButton(QCoreApplication.translate("Interaction", "Later"), role.RejectRole)
    box.setDefaultButton(unit)
    box.exec()
    clicked = box.clickedButton()
    if clicked is unit:
        return "unit"
    if sample is not None and clicked is sample:
        return "sample"
    return "later"


def inform(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)


def critical(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(parent, title, text)


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> str:
    """A folder to write into; "" when the clerk cancels."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getExistingDirectory(parent, title, start)


def choose_open_file(parent: QWidget | None, title: str, start: str = "",
                     filters: str = "") -> str:
    """A file to read; "" when the clerk cancels."""
    from PySide6.QtWidgets import QFileDialog

    path, _selected = QFileDialog.getOpenFileName(parent, title, start, filters)
    return path


def choose_save_file(parent: QWidget | None, title: str, start: str = "",
                     filters: str = "") -> str:
    """A file to write; "" when the clerk cancels."""
    from PySide6.QtWidgets import QFileDialog

    path, _selected = QFileDialog.getSaveFileName(parent, title, start, filters)
    return path


def choose_item(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """The index of the item chosen from a list; None when the clerk cancels."""
    from PySide6.QtWidgets import QInputDialog

    if not items:
        return None
    text, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(text) if ok and text in items else None


def open_path(path: str) -> bool:
    """Open a file or folder in the system's own program (PDF viewer, Explorer). Where the
    system has none for it, say so and show the path to copy; False then."""
    if system_open(path):
        return True
    show_path(
        QCoreApplication.translate("Interaction", "Cannot open"),
        QCoreApplication.translate(
            "Interaction", "No program on this computer opens this. It is here:"),
        path,
    )
    return False


def print_path(path: str) -> bool:
    """Print a generated PDF through the system's print handler: on Windows the Print command
    of the program that opens PDFs (the Windows print dialog or the printer, as it is set up).
    Elsewhere the PDF opens in its viewer, to print from there. Where neither works, say so
    and show the path; False then."""
    if sys.platform == "win32":
        try:
            startfile(path, "print")
            return True
        except OSError:
            pass
    elif system_open(path):
        return True
    show_path(
        QCoreApplication.translate("Interaction", "Cannot print"),
        QCoreApplication.translate(
            "Interaction",
            "No program on this computer prints PDF files. Open the file in a PDF reader and "
            "print it from there. It is here:"),
        path,
    )
    return False


def system_open(path: str) -> bool:
    """QDesktopServices.openUrl on the file: False when the system has no program for it."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def startfile(path: str, operation: str) -> None:
    """os.startfile (Windows only): the shell's `operation` verb ("print") on the file."""
    os.startfile(path, operation)  # type: ignore[attr-defined,unused-ignore]


def show_path(title: str, text: str, path: str) -> None:
    """A message with a path the clerk can select and copy (a button copies it)."""
    from PySide6.QtCore import Qt  # not at import: before the first paint (early_qt.py)
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=QApplication.activeWindow())
    box.setInformativeText(path)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    copy = box.addButton(QCoreApplication.translate("Interaction", "Copy path"),
                         QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is copy:
        QGuiApplication.clipboard().setText(path)
