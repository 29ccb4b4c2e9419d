"""Crash safety: an unexpected exception is logged and shown, never silently fatal.

PySide6 reports exceptions raised in slots and overridden methods through sys.excepthook, so
this hook sees them too. The dialog's details can be copied into an e-mail to support.
Nothing here loads widgets until a crash happens: this module is imported before the first paint.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from app import __app_name__, __version__
from app.log_file import LOG_FILE, log_path, setup_logging

log = logging.getLogger("licence_desk")

# The log file is the command line's too: app.log_file.
__all__ = ["LOG_FILE", "excepthook", "install", "log_path", "setup_logging", "show_crash_dialog"]


_showing = False


def show_crash_dialog(details: str) -> None:
    """Replaced in tests; a dialog already open is not stacked with another."""
    global _showing
    from PySide6.QtWidgets import QApplication

    if _showing or QApplication.instance() is None:
        return
    from app.ui.crash_dialog import CrashDialog

    _showing = True
    try:
        CrashDialog(details, log_path(), QApplication.activeWindow()).exec()
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

