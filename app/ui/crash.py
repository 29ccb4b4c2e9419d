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
from app.paths import user_data_dir

log = logging.getLogger("licence_desk")

LOG_FILE = "licence-desk.log"
LOG_MAX_BYTES = 1_000_000


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
    _rotate(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._licence_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


_showing = False


def _rotate(path: Path) -> None:
    """Keep the log small: at start-up a log over 1 MB becomes licence-desk.log.1 (one kept).

    (logging.handlers.RotatingFileHandler would do it per record, but importing
    logging.handlers costs 7 ms before the first paint.)"""
    try:
        if path.is_file() and path.stat().st_size > LOG_MAX_BYTES:
            path.replace(path.with_name(path.name + ".1"))
    except OSError:
        pass  # a log that cannot be rotated is appended to


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

