"""Crash safety: an unexpected exception is logged and shown, never silently fatal.

PySide6 reports exceptions raised in slots and overridden methods through sys.excepthook, so
this hook sees them too. The dialog's details can be copied into an e-mail to support.
"""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import __app_name__, __version__
from app.paths import user_data_dir

log = logging.getLogger("licence_desk")

LOG_FILE = "licence-desk.log"


def log_path() -> Path:
    return user_data_dir() / "logs" / LOG_FILE


def setup_logging() -> Path:
    """Log to a rotating file in the user data folder (one handler per process)."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_licence_desk", False)]:
        if Path(getattr(old, "baseFilename", "")) == path:
            return path
        root.removeHandler(old)  # the data folder changed (tests): follow it
        old.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._licence_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        intro = QLabel(
            self.tr(
                "Something went wrong that Licence Desk did not expect. Your saved data is "
                "safe and what you were typing is kept as a draft.\n"
                "Please copy the details below and send them to your support contact.\n"
                "The log file is %1"
            ).replace("%1", str(log_path()))
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 240)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


_showing = False


def show_crash_dialog(details: str) -> None:
    """Replaced in tests; a dialog already open is not stacked with another."""
    global _showing
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        CrashDialog(details, QApplication.activeWindow()).exec()
    finally:
        _showing = False


def excepthook(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    text = "".join(traceback.format_exception(kind, value, tb))
    details = f"{__app_name__} {__version__}\n{text}"
    try:
        log.error("unhandled exception\n%s", details)
    except Exception:  # a full disk must not hide the dialog
        pass
    sys.stderr.write(details)
    try:
        show_crash_dialog(details)
    except Exception:
        sys.__excepthook__(kind, value, tb)


def install() -> Path:
    path = setup_logging()
    sys.excepthook = excepthook
    return path

