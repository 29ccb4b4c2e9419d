"""An operating-system error as message parameters, so its reason can be worded in any language.

`exc.strerror` is the OS's own sentence: the C library's English ("No such file or directory")
even on Chinese Windows, or a Windows message in the system's language. A finding keeps that text
as ``reason``, shown for anything the message table has no words for, and next to it the error's
numbers; `app.messages` picks the words from the numbers when it shows the message, so findings
stay language-neutral data. No Qt, no imports from the app: app/models, app/export, app/submit,
the command line and the window all call `reason_params` where they catch an OSError.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from typing import Any, Final

REASON: Final = "reason"
REASON_ERRNO: Final = "reason_errno"
REASON_WINERROR: Final = "reason_winerror"
REASON_KEYS: Final = (REASON, REASON_ERRNO, REASON_WINERROR)

# An OSError made with one argument (FileNotFoundError("x")) has no errno; its class says it.
_CLASS_ERRNO: Final[tuple[tuple[type[OSError], int], ...]] = (
    (FileNotFoundError, errno.ENOENT),
    (PermissionError, errno.EACCES),
    (IsADirectoryError, errno.EISDIR),
    (NotADirectoryError, errno.ENOTDIR),
    (FileExistsError, errno.EEXIST),
)


def reason_params(exc: BaseException, fallback: str | None = None) -> dict[str, Any]:
    """``reason`` (the OS's text) plus ``reason_errno`` / ``reason_winerror`` for an OSError;
    for anything else just ``reason``: `fallback`, or the exception's text."""
    if not isinstance(exc, OSError):
        return {REASON: str(exc) if fallback is None else fallback}
    params: dict[str, Any] = {REASON: exc.strerror or str(exc) or type(exc).__name__}
    number = exc.errno if isinstance(exc.errno, int) else _class_errno(exc)
    if number is not None:
        params[REASON_ERRNO] = number
    winerror = getattr(exc, "winerror", None)  # the attribute exists on Windows only
    if isinstance(winerror, int):
        params[REASON_WINERROR] = winerror
    return params


def errno_params(number: int) -> dict[str, Any]:
    """Reason params for a condition the code found itself (a path that is a folder, not a
    file), worded as if the OS had said it."""
    return reason_params(OSError(number, os.strerror(number)))


def reason_of(params: Mapping[str, Any]) -> dict[str, Any]:
    """The reason params of another error's params, to carry into a new finding."""
    return {k: params[k] for k in REASON_KEYS if k in params}


def _class_errno(exc: OSError) -> int | None:
    return next((n for cls, n in _CLASS_ERRNO if isinstance(exc, cls)), None)


def _errnos(*names: str) -> frozenset[int]:
    # Not every name exists on every system (ENOMEDIUM is Linux's, EDQUOT is absent on some).
    return frozenset(n for n in (getattr(errno, name, None) for name in names) if n is not None)


# What a clerk meets, by kind. Windows' own codes first: Python maps a sharing violation (32)
# to EACCES, but "open in another program" is the more useful thing to say.
_WINERROR_KINDS: Final[dict[int, str]] = {
    32: "in_use",  # ERROR_SHARING_VIOLATION: the file is open in Excel or WPS
    33: "in_use",  # ERROR_LOCK_VIOLATION
    19: "read_only",  # ERROR_WRITE_PROTECT
    39: "disk_full",  # ERROR_HANDLE_DISK_FULL
    112: "disk_full",  # ERROR_DISK_FULL
    206: "name_too_long",  # ERROR_FILENAME_EXCED_RANGE
    123: "invalid_name",  # ERROR_INVALID_NAME
    161: "invalid_name",  # ERROR_BAD_PATHNAME
    15: "device_not_ready",  # ERROR_INVALID_DRIVE
    21: "device_not_ready",  # ERROR_NOT_READY
    53: "device_not_ready",  # ERROR_BAD_NETPATH
    55: "device_not_ready",  # ERROR_DEV_NOT_EXIST
    64: "device_not_ready",  # ERROR_NETNAME_DELETED
    67: "device_not_ready",  # ERROR_BAD_NET_NAME
    1006: "device_not_ready",  # ERROR_FILE_INVALID: the volume went away (USB drive pulled)
    1167: "device_not_ready",  # ERROR_DEVICE_NOT_CONNECTED
    23: "io_error",  # ERROR_CRC
    1117: "io_error",  # ERROR_IO_DEVICE
}

_ERRNO_KINDS: Final[tuple[tuple[frozenset[int], str], ...]] = (
    (_errnos("ENOENT"), "not_found"),
    (_errnos("EACCES", "EPERM"), "access_denied"),
    (_errnos("EBUSY", "ETXTBSY"), "in_use"),
    (_errnos("EISDIR"), "is_directory"),
    (_errnos("ENOTDIR"), "not_directory"),
    (_errnos("ENOTEMPTY"), "not_empty"),
    (_errnos("ENOSPC", "EDQUOT"), "disk_full"),
    (_errnos("EROFS"), "read_only"),
    (_errnos("EEXIST"), "exists"),
    (_errnos("ENAMETOOLONG"), "name_too_long"),
    (_errnos("EINVAL"), "invalid_name"),
    (_errnos("ENODEV", "ENXIO", "ENOMEDIUM"), "device_not_ready"),
    (_errnos("EIO"), "io_error"),
)

KINDS: Final = frozenset(_WINERROR_KINDS.values()) | {kind for _n, kind in _ERRNO_KINDS}


def reason_kind(params: Mapping[str, Any]) -> str | None:
    """The kind of OS error the params carry (a key of `app.messages.OS_REASONS`), or None:
    not an OS error, or one to show in the OS's own words."""
    winerror = params.get(REASON_WINERROR)
    if isinstance(winerror, int) and winerror in _WINERROR_KINDS:
        return _WINERROR_KINDS[winerror]
    number = params.get(REASON_ERRNO)
    if isinstance(number, int):
        return next((kind for numbers, kind in _ERRNO_KINDS if number in numbers), None)
    return None
