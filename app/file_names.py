"""Names of the files and folders the application writes, valid on Windows.

Every name made from data (a unit's name, a patent title or number, a package or mail name)
goes through `safe_file_name`: offer PDFs, package folders, zips and their files, outbox
`.eml` files, sealed copies. The clerks work on Windows and the packages are opened on
Windows, so its rules apply on every system:

- the characters Windows refuses (``\\ / : * ? " < > |``), control characters, line breaks
  and the Unicode direction overrides (which can make ``…exe.pdf`` look like a PDF) become
  ``_``; runs of white space become one space;
- no trailing dot or space (Windows drops them silently, so the name written is not the name
  recorded), and no leading one (a hidden file on Linux, ``..`` a path step);
- not a device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9, also with an extension: ``NUL.txt``
  is the device too; ``_`` is put in front);
- at most 255 bytes in UTF-8 (the limit of ext4 and of most file systems; NTFS counts 255
  UTF-16 units, which a UTF-8 cap of 255 always satisfies): a long Chinese unit name is 85
  characters, not 120 characters of ENAMETOOLONG;
- the extension is kept whatever the length: the stem is shortened, never the ``.eml``;
- given the folder, the whole path stays under Windows' 260 characters (MAX_PATH): Explorer,
  Outlook's attachment handling and many unzip tools fail beyond it. When the folder alone
  leaves no room, an OSError with ENAMETOOLONG says so (the callers word it as "name too long"
  with the path, as for any write that fails).

Chinese is kept as it is: Explorer, Outlook and Foxmail show NTFS names in Unicode.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

MAX_NAME_BYTES = 255
MAX_PATH_CHARS = 259  # MAX_PATH is 260 UTF-16 units including the terminating NUL
MIN_STEM_CHARS = 8  # less than this of a unit name or title says nothing: refuse instead

# Characters Windows refuses in names, control characters, line breaks, lone surrogates
# (undecodable input), and the bidirectional controls that reorder what a name shows.
_FORBIDDEN = re.compile(
    r'[\\/:*?"<>|\x00-\x1f\x7f\x85\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069'
    r"\ud800-\udfff]"
)
_RESERVED = frozenset({
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
    *(f"{device}{n}" for device in ("COM", "LPT") for n in "123456789¹²³"),
})


def windows_length(text: str) -> int:
    """Length as Windows counts it: UTF-16 code units (a character beyond U+FFFF is two)."""
    return len(text.encode("utf-16-le")) // 2


def is_reserved_name(name: str) -> bool:
    """Whether Windows takes `name` for a device: its part before the first dot, trailing
    spaces ignored, is a device name in any case (``nul``, ``Com1.pdf``, ``CON .txt``)."""
    return name.split(".", 1)[0].rstrip(" ").upper() in _RESERVED


_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+")


def _clean(text: str) -> str:
    name = _FORBIDDEN.sub("_", _LINE_BREAKS.sub(" ", text))  # a line break reads as a space
    name = re.sub(r"\s+", " ", name)
    return name.strip(" .")


def _shorten(stem: str, max_bytes: int, max_chars: int | None) -> str:
    """The longest prefix of `stem` within both limits (never half a character)."""
    while stem and (len(stem.encode("utf-8")) > max_bytes
                    or (max_chars is not None and windows_length(stem) > max_chars)):
        over_bytes = len(stem.encode("utf-8")) - max_bytes
        over_chars = windows_length(stem) - max_chars if max_chars is not None else 0
        # Each character is 1–4 bytes and 1–2 units: cut at least one, about what is over.
        cut = max(1, over_chars, over_bytes // 4)
        stem = stem[:-cut]
    return stem


def safe_file_name(
    text: str,
    fallback: str = "文件",
    *,
    extension: str = "",
    folder: Path | str | None = None,
    reserve: int = 0,
    max_chars: int | None = None,
) -> str:
    """`text` made into a file or folder name Windows accepts, then `extension` (``.pdf``, or
    any ending to keep whole, such as `` (1-2).eml``). With `folder`, the name is shortened
    so that ``folder/name`` plus `reserve` more characters (for what will go inside a folder
    so named) stays within MAX_PATH.
    `max_chars` caps the whole name (Windows' count) where a name must leave room for more
    around it (a package's files, extracted on the reviewer's computer in a folder named after
    the zip). `fallback` is used when nothing of `text` is left. Raises OSError
    (ENAMETOOLONG) when `folder` is too long to hold a useful name."""
    ext = _FORBIDDEN.sub("_", extension)
    max_bytes = MAX_NAME_BYTES - len(ext.encode("utf-8"))
    stem_chars = None if max_chars is None else max_chars - windows_length(ext)
    if folder is not None:
        room = MAX_PATH_CHARS - windows_length(str(folder)) - 1 - reserve
        in_folder = room - windows_length(ext)
        stem_chars = in_folder if stem_chars is None else min(stem_chars, in_folder)
    stem = _clean(text) or _clean(fallback) or "_"
    if is_reserved_name(stem + ext):
        stem = "_" + stem
    shortened = _shorten(stem, max_bytes, stem_chars).rstrip(" .")
    if folder is not None and len(shortened) < min(len(stem), MIN_STEM_CHARS):
        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG),
                      str(Path(folder or "") / (stem + ext)))
    if is_reserved_name(shortened + ext):  # "_CON…" shortened stays "_CON…"; kept for safety
        shortened = "_" + shortened[:-1]
    return (shortened + ext).rstrip(" .")


def safe_path(folder: Path, text: str, fallback: str = "文件", *, extension: str = "") -> Path:
    """``folder / safe_file_name(text, …, folder=folder)``: a file to write in `folder`."""
    return folder / safe_file_name(text, fallback, extension=extension, folder=folder)
