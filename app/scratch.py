"""Scratch files and folders beside the files the application writes, and their cleanup.

Every document is written to a hidden scratch name in its folder, then renamed into place; a
package is assembled in a hidden `.building-…` folder. A process killed mid-way (kill -9, a
power cut) leaves these behind. Their names carry the writing process's id, so the next run
that writes into the same folder removes those of processes no longer alive (on Windows,
where a process id cannot be probed safely from here, those older than an hour), and never a
scratch file of a write still in progress elsewhere.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)

# Left by versions before the names carried a process id: removed once this old.
STALE_SECONDS = 3600

# .building-<pid>-<random>            a package being assembled
# .<file name>.<pid>.<random>.tmp     a document being written (PDF, workbook)
# .tmp-<pid>-<random><suffix>         a package file or outbox mail being written
_PATTERNS = (
    re.compile(r"^\.building-(?:(\d+)-)?[A-Za-z0-9_]+$"),
    re.compile(r"^\..+?\.(?:(\d+)\.)?[A-Za-z0-9_]{6,}\.tmp$"),
    re.compile(r"^\.tmp-(?:(\d+)-)?[A-Za-z0-9_]{6,}(?:\.[A-Za-z0-9]{1,8})?$"),
)

_swept: set[str] = set()
_lock = threading.Lock()


def building_prefix() -> str:
    return f".building-{os.getpid()}-"


def document_prefix(name: str) -> str:
    return f".{name}.{os.getpid()}."


def file_prefix() -> str:
    return f".tmp-{os.getpid()}-"


def sweep_once(folder: Path) -> None:
    """`sweep(folder)` the first time this process writes into `folder`."""
    key = str(folder)
    with _lock:
        if key in _swept:
            return
        _swept.add(key)
    sweep(folder)


def sweep(folder: Path) -> list[Path]:
    """Remove the scratch files and folders of dead writers in `folder`; what was removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        pid = _scratch_pid(entry.name)
        if pid is None:
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if not _abandoned(pid, age):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError as exc:
            log.warning("could not remove leftover %s: %s", path, exc)
            continue
        log.info("removed %s, left by an interrupted run", path)
        removed.append(path)
    return removed


def _scratch_pid(name: str) -> int | None:
    """The writer's process id (0: an old name without one); None: not a scratch name."""
    for pattern in _PATTERNS:
        match = pattern.match(name)
        if match:
            return int(match.group(1)) if match.group(1) else 0
    return None


def _abandoned(pid: int, age: float) -> bool:
    if pid == os.getpid():
        return False
    if pid == 0 or sys.platform == "win32":
        return age > STALE_SECONDS
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, another user's
    except OSError:
        return age > STALE_SECONDS
    return False  # alive: its write may be in progress


def sync_folder(folder: Path) -> None:
    """Make the renames into `folder` durable (POSIX; Windows has no folder to sync)."""
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
