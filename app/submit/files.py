"""File helpers of submission: hashing, file types by their magic bytes, atomic writes. Names
that Windows accepts come from app.file_names (re-exported here)."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from app.file_modes import normal_mode
from app.file_names import safe_file_name
from app.scratch import file_prefix, sweep_once

__all__ = ["FileType", "atomic_writer", "copy_with_hash", "safe_file_name", "sha256_of",
           "single_line", "sniff", "write_atomic", "write_staged"]

_CHUNK = 1 << 20


class FileType(StrEnum):
    PDF = "pdf"
    JPEG = "jpg"
    PNG = "png"
    XLSX = "xlsx"  # a zip container; only the extension tells it from another zip


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sniff(path: Path) -> FileType | None:
    """The file's type from its first bytes, not its name: a renamed Word file is not a PDF."""
    with path.open("rb") as handle:
        head = handle.read(1024)
    if head.startswith(b"\xff\xd8\xff"):
        return FileType.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileType.PNG
    # The PDF header may follow a little junk (some scanners write a BOM or whitespace).
    if b"%PDF-" in head:
        return FileType.PDF
    if head.startswith(b"PK\x03\x04") and path.suffix.lower() == ".xlsx":
        return FileType.XLSX
    return None


def single_line(text: str) -> str:
    """Line breaks (and the Unicode ones) become spaces: a header value cannot start a new
    header."""
    return re.sub(r"[\r\n\x0b\x0c\x85\u2028\u2029]+", " ", text).strip()


@contextmanager
def _scratch_beside(target: Path) -> Iterator[tuple[BinaryIO, Path]]:
    """A new scratch file beside `target` (same folder, so a rename is atomic), flushed to disk
    when the block ends, removed if it fails."""
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_once(target.parent)  # what an interrupted run left here
    fd, temp_name = tempfile.mkstemp(prefix=file_prefix(), suffix=target.suffix,
                                     dir=target.parent)
    temp = Path(temp_name)
    try:
        normal_mode(fd)
        with os.fdopen(fd, "wb") as handle:
            yield handle, temp
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """Write to a temporary file beside `target`, then rename over it: a reader (or a crash)
    never sees half a file."""
    with _scratch_beside(target) as (handle, temp):
        yield handle
    try:
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_atomic(target: Path, data: bytes) -> None:
    with atomic_writer(target) as handle:
        handle.write(data)


def write_staged(target: Path, data: bytes) -> Path:
    """Write `data` (flushed to disk) under a scratch name beside `target`, for the caller to
    record and then `os.replace` into place (a kill in between leaves scratch, which the
    next write into the folder removes, or a record whose file is missing); the scratch path.
    """
    with _scratch_beside(target) as (handle, temp):
        handle.write(data)
    return temp


def copy_with_hash(source: Path, target: Path) -> tuple[str, int]:
    """Copy `source` to `target` atomically; the SHA-256 and size of what was written."""
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as reader, atomic_writer(target) as writer:
        for chunk in iter(lambda: reader.read(_CHUNK), b""):
            digest.update(chunk)
            size += len(chunk)
            writer.write(chunk)
    return digest.hexdigest(), size
