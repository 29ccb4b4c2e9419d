"""The log file, `logs/licence-desk.log` in the user data folder, for the window and the
command line alike.

The log's lines are for whoever looks into a problem later: raw codes (send.recipient_refused)
and English. They go to the file only. Without a handler Python prints warnings on stderr
("message 7 (part 1/1) failed: send.auth_refused"), where the clerk reads them next to the
command's own worded output; the command line says everything a clerk needs in the UI
language itself (app.messages)."""

from __future__ import annotations

import logging
from pathlib import Path

from app.paths import user_data_dir

LOG_FILE = "licence-desk.log"
LOG_MAX_BYTES = 1_000_000


def log_path() -> Path:
    return user_data_dir() / "logs" / LOG_FILE


def setup_logging() -> Path:
    """Log to a rotating file in the user data folder (one handler per process). A folder
    that cannot be written still keeps the log's lines off stderr."""
    path = log_path()
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_licence_desk", False)]:
        if Path(getattr(old, "baseFilename", "")) == path:
            return path
        root.removeHandler(old)  # the data folder changed (tests): follow it
        old.close()
    handler: logging.Handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _rotate(path)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()  # nowhere to write: never on the clerk's terminal
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    setattr(handler, "_licence_desk", True)  # noqa: B010 - marks our handler for the next call
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


def _rotate(path: Path) -> None:
    """Keep the log small: at start-up a log over 1 MB becomes licence-desk.log.1 (one kept).

    (logging.handlers.RotatingFileHandler would do it per record, but importing
    logging.handlers costs 7 ms before the first paint.)"""
    try:
        if path.is_file() and path.stat().st_size > LOG_MAX_BYTES:
            path.replace(path.with_name(path.name + ".1"))
    except OSError:
        pass  # a log that cannot be rotated is appended to
