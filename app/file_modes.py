"""Files the clerk gets (PDFs, workbooks, packages, JSON) carry the user's normal permissions.

`tempfile.mkstemp`, which every atomic write here uses so that a crash never leaves half a
file, creates its file readable by the owner only (0600) whatever the umask; renamed over the
target, that mode stayed, and a colleague or the office's backup program could not read the
files. `normal_mode(fd)` gives the open temporary file the mode a plain `open()` would have
given it (0666 less the umask). Windows has no such modes: nothing to do there.
"""

from __future__ import annotations

import os
import threading

_lock = threading.Lock()


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _lock:  # elsewhere the only way to read it is to set it and put it back
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def normal_mode(fd: int) -> None:
    """Give the open file `fd` the mode a plain `open()` would have given it."""
    if os.name == "nt":
        return
    os.fchmod(fd, 0o666 & ~current_umask())
