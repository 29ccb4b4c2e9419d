"""What every workbook this application writes shares: text that never becomes a formula,
column widths for Chinese text, fixed dates, and atomic, deterministic saving."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import math
import os
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.workbook import Workbook
from openpyxl.writer.excel import ExcelWriter

from app import __app_name__
from app.file_modes import normal_mode
from app.os_errors import reason_params
from app.scratch import document_prefix, sweep_once

TEXT_FORMAT = "@"
# Excel's width unit is the width of "0" in the default font; a hanzi takes about two.
WIDE = frozenset("WF")
LINE_HEIGHT_POINTS = 14.25  # one line of 11-point 宋体


class ExcelExportError(Exception):
    """A workbook that could not be written; `code` and `params` go through the message table."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    sha256: str
    size: int


# The most characters an Excel cell holds; a longer one makes Excel call the file damaged.
CELL_TEXT_MAX = 32_767


def clean_text(value: str) -> str:
    """Text as a cell can hold it: control characters (which openpyxl refuses) removed.
    Longer than a cell holds (a record stored before the rules bounded it): ExcelExportError
    `range.text`, so no workbook Excel would refuse is written."""
    if len(value) > CELL_TEXT_MAX:
        raise ExcelExportError("range.text", length=len(value), limit=CELL_TEXT_MAX)
    return str(ILLEGAL_CHARACTERS_RE.sub("", value))


def set_text(cell: Cell, value: str) -> None:
    """Write `value` as text, always: "=1+1", "+86…", "-", "@x" stay text and never become
    formulas, and "0271234" keeps its zero. openpyxl types a str starting with "=" as a
    formula, so the type is set after the value; the text format keeps Excel from reinterpreting
    the cell when a clerk edits it."""
    cell.value = clean_text(value)
    cell.data_type = "s"
    cell.number_format = TEXT_FORMAT


def display_width(text: str) -> int:
    """Width of one line in Excel's units: full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in WIDE else 1 for ch in text)


def lines_needed(text: str, width: float) -> int:
    """How many lines `text` wraps to in a column `width` units wide."""
    usable = max(width - 1.5, 1)
    return sum(max(1, math.ceil(display_width(line) / usable)) for line in text.split("\n"))


def set_fixed_dates(workbook: Workbook, when: dt.datetime, title: str) -> None:
    """Document properties from the data, never the clock, so the same data gives the same file."""
    props = workbook.properties
    props.creator = __app_name__
    props.lastModifiedBy = __app_name__
    props.title = title
    props.created = when
    props.modified = when


def workbook_bytes(workbook: Workbook, when: dt.datetime,
                   writer: Callable[[Workbook, zipfile.ZipFile], Any] = ExcelWriter) -> bytes:
    """The .xlsx bytes with every zip entry stamped `when`: zipfile would stamp the clock.
    `writer` is openpyxl's ExcelWriter or one that writes some rows itself (bulk_rows)."""
    raw = io.BytesIO()
    # Workbook.save() stamps properties.modified with the clock; the writer underneath does not.
    # Stored, not deflated: every entry is read back and deflated once, below.
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        writer(workbook, archive).save()
    # A zip stamp holds the years 1980-2107; a date outside (an error of the record, shown by
    # its rules) must not stop the writing.
    stamp = (min(max(when.year, 1980), 2107), when.month, when.day, when.hour, when.minute,
             when.second - when.second % 2)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(member.filename))
    return out.getvalue()


def write_atomically(path: str | os.PathLike[str], data: bytes) -> WrittenFile:
    """Write to a temporary file beside the target, then rename over it: a failure (disk full,
    the old file open in Excel on Windows) leaves the previous file as it was."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep_once(target.parent)  # what an interrupted run left here
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=document_prefix(target.name),
                                        suffix=".tmp")
    except OSError as exc:
        raise ExcelExportError("export.write_failed", path=str(target),
                               **reason_params(exc)) from exc
    try:
        normal_mode(fd)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise ExcelExportError("export.write_failed", path=str(target),
                               **reason_params(exc)) from exc
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return WrittenFile(target, hashlib.sha256(data).hexdigest(), len(data))
