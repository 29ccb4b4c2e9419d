"""Reading a clerk's patent list (.xlsx or .csv) into a `SheetTable`, safely.

The file may be anything: a workbook, a CSV from another system, a Word file renamed, a
password-protected workbook, a zip bomb, a sheet whose XML declares a million rows. Every such
file ends in a finding (code + parameters), never in an exception or a hang:
- the first bytes say what the file is, whatever its name;
- a zip's declared sizes and ratios are checked before openpyxl opens it (zipfile never
  inflates a member beyond its declared size, so the declaration bounds the work);
- the workbook's parts are read by openpyxl in read-only mode, a sheet's rows by our own
  streaming reader (`sheet_rows`, expat guarded by defusedxml), which gives what openpyxl's
  read-only iteration gives in a fraction of the time; the declared dimension is ignored,
  columns are capped, and reading stops after a run of empty rows or a row limit;
- workbook XML is parsed through defusedxml (entity expansion refused), as openpyxl does
  whenever defusedxml is installed.

Interpretation (headings, mapping, numbers, dates) is app.models.patent_import's business.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import re
import warnings
import zipfile
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any, Final

from app.models.bulk_work import collection_held_off
from app.models.findings import Finding, error, warning
from app.models.patent_import import (
    ColumnMapping,
    ImportPreview,
    SheetRow,
    SheetTable,
    is_excel_error,
    preview_table,
)
from app.os_errors import reason_params

MAX_FILE_BYTES: Final = 100 * 1024 * 1024  # the file on disk
MAX_UNCOMPRESSED_BYTES: Final = 200 * 1024 * 1024  # all members of a workbook, as declared
MAX_RATIO: Final = 100  # declared size / compressed size of one large member
LARGE_MEMBER_BYTES: Final = 10 * 1024 * 1024  # members this large must respect MAX_RATIO
MAX_MEMBERS: Final = 10_000
MAX_COLUMNS: Final = 64  # columns read per row; a patent list has a dozen
EMPTY_ROWS_TO_STOP: Final = 100  # a run this long of empty rows ends the table
# … but before the first row with anything in it, blank lines are a layout (a title area
# pushed down, an export with padding): only this many end the search.
LEADING_EMPTY_ROWS_TO_STOP: Final = 10_000
MAX_DATA_ROWS: Final = 100_000
MAX_MERGED_RANGES: Final = 50_000
PROGRESS_EVERY: Final = 500

OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS: Final = (b"PK\x03\x04", b"PK\x05\x06")

# Called with the number of rows read so far; returning False cancels the reading.
Progress = Callable[[int], bool]


class _Cancelled(Exception):
    pass


def _problem(code: str, path: Path, **params: Any) -> Finding:
    return error(code, "file", path=str(path), name=path.name, **params)


def _table(path: Path, *findings: Finding) -> SheetTable:
    return SheetTable(source=str(path), findings=tuple(findings))


def read_table(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> SheetTable:
    """The non-empty rows of a patent list file, or the findings that say why not."""
    with collection_held_off():  # a few million cell values, all kept: nothing to collect
        return _read_table(Path(path), sheet, progress)


def _read_table(path: Path, sheet: str | None, progress: Progress | None) -> SheetTable:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return _table(path, _problem("import.file_too_large", path,
                                         size_mb=round(size / 2**20),
                                         limit_mb=MAX_FILE_BYTES >> 20))
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        return _table(path, _problem("import.file_unreadable", path, **_reason(exc)))
    suffix = path.suffix.lower()
    try:
        if head.startswith(ZIP_MAGICS):
            return _read_workbook(path, sheet, progress)
        if head.startswith(OLE_MAGIC):
            return _table(path, _ole_finding(path, suffix))
        if suffix == ".xls":
            # Web systems export HTML or XML tables named .xls: also "save it as .xlsx".
            return _table(path, _problem("import.xls_format", path))
        if suffix in (".csv", ".txt", ".tsv"):
            return _read_csv(path, progress)
        return _table(path, _problem("import.not_a_workbook", path))
    except _Cancelled:
        return _table(path, warning("import.cancelled", "file", path=str(path)))


def preview_patent_list(
    path: str | os.PathLike[str],
    mapping: ColumnMapping | None = None,
    *,
    existing_numbers: Collection[str] = (),
    sheet: str | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read a patent list and say what importing it would do; nothing is written.

    `existing_numbers` are the register's numbers (`Store.patent_numbers()`), so rows already
    there are marked. Without a mapping, a sheet laid out like the summary list is read at once;
    any other layout comes back with `needs_mapping` and a proposed mapping in `columns`.
    """
    with collection_held_off():  # one pause for both steps: the rows read are kept
        table = read_table(path, sheet=sheet, progress=progress)
        return preview_table(table, mapping, existing_numbers=existing_numbers, today=today)


def _reason(exc: BaseException) -> dict[str, Any]:
    """The root cause in one line (openpyxl wraps a parser's refusal in a long ValueError);
    an OS error's with its numbers, to be worded in the clerk's language."""
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return reason_params(exc, f"{type(exc).__name__}: {text}" if text else type(exc).__name__)


def _ole_finding(path: Path, suffix: str) -> Finding:
    """An OLE compound file is either an old .xls or an encrypted .xlsx (Excel wraps a
    password-protected workbook in one, with streams EncryptionInfo and EncryptedPackage)."""
    try:
        with path.open("rb") as handle:
            sample = handle.read(4 * 1024 * 1024)
    except OSError:
        sample = b""
    encrypted = "EncryptedPackage".encode("utf-16-le") in sample
    old_workbook = any(n.encode("utf-16-le") in sample for n in ("Workbook", "Book"))
    if encrypted or (suffix in (".xlsx", ".xlsm") and not old_workbook):
        return _problem("import.encrypted", path)
    return _problem("import.xls_format", path)


# Workbooks --------------------------------------------------------------------------------


def check_zip(path: Path) -> Finding | None:
    """Refuse a workbook whose zip could not be opened safely, before openpyxl sees it."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        return _problem("import.not_a_workbook", path, **_reason(exc))
    if len(members) > MAX_MEMBERS:
        return _problem("import.zip_bomb", path, reason=f"{len(members)} members")
    total = 0
    for member in members:
        total += member.file_size
        if member.flag_bits & 0x1:
            return _problem("import.encrypted", path)
        large = member.file_size > LARGE_MEMBER_BYTES
        if large and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            return _problem("import.zip_bomb", path, reason=member.filename)
    if total > MAX_UNCOMPRESSED_BYTES:
        return _problem("import.zip_bomb", path, reason=f"{total >> 20} MB")
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names or not any(
        n.startswith("xl/") or n.endswith("workbook.xml") for n in names
    ):
        kind = "docx" if "word/document.xml" in names else "zip"
        return _problem("import.not_a_workbook", path, kind=kind)
    return None


def _read_workbook(path: Path, sheet: str | None, progress: Progress | None) -> SheetTable:
    refused = check_zip(path)
    if refused is not None:
        return _table(path, refused)
    from app.export.excel.sheet_rows import open_workbook  # imports openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns about extensions it skips (data validation, conditional formats).
            warnings.simplefilter("ignore", UserWarning)
            workbook = open_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises whatever its parsers raise on a broken file
        return _table(path, _problem("import.workbook_unreadable", path, **_reason(exc)))
    try:
        names = tuple(workbook.sheetnames)
        if not names:
            return _table(path, _problem("import.workbook_unreadable", path, reason="no sheet"))
        if sheet is not None and sheet not in names:
            return SheetTable(source=str(path), sheet_names=names, findings=(
                _problem("import.sheet_missing", path, sheet=sheet),))
        date1904 = bool(getattr(workbook, "epoch", None) and workbook.epoch.year == 1904)
        if sheet is None:
            sheet = _sheet_with_headings(workbook, names)
        worksheet = workbook[sheet]
        if not hasattr(worksheet, "reset_dimensions"):  # a chart sheet
            return SheetTable(source=str(path), sheet=sheet, sheet_names=names, findings=(
                _problem("import.sheet_not_a_table", path, sheet=sheet),))
        rows, findings = _read_sheet(path, worksheet, progress)
        return SheetTable(source=str(path), sheet=sheet, sheet_names=names, rows=rows,
                          findings=tuple(findings), date1904=date1904)
    except _Cancelled:
        raise
    except Exception as exc:  # a member openpyxl only parses while iterating
        return _table(path, _problem("import.workbook_unreadable", path, **_reason(exc)))
    finally:
        workbook.close()


def _sheet_with_headings(workbook: Any, names: tuple[str, ...]) -> str:
    """The first sheet whose first rows hold a heading row; else the first sheet."""
    from app.models.patent_import import HEADER_SCAN_ROWS, find_header_row

    for name in names:
        worksheet = workbook[name]
        if not hasattr(worksheet, "reset_dimensions"):
            continue
        worksheet.reset_dimensions()
        rows = []
        for number, values in enumerate(
            worksheet.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS, max_col=MAX_COLUMNS,
                                values_only=True),
            start=1,
        ):
            rows.append(SheetRow(number, tuple(values)))
        if find_header_row(SheetTable(source="", rows=tuple(rows))) is not None:
            return name
    return names[0]


def _read_sheet(
    path: Path, worksheet: Any, progress: Progress | None
) -> tuple[tuple[SheetRow, ...], list[Finding]]:
    member = getattr(worksheet, "_worksheet_path", None)
    has_formulas, merged = _scan_sheet_xml(worksheet.parent, member)
    findings: list[Finding] = []
    if len(merged) >= MAX_MERGED_RANGES:
        findings.append(warning("import.too_many_merged_cells", "file", limit=MAX_MERGED_RANGES))

    from app.export.excel import sheet_rows

    # The declared dimension may claim a million rows: the rows are read as they come.
    values_rows = sheet_rows.iter_sheet_values(worksheet, MAX_COLUMNS)
    formula_rows: Iterator[Any] | None = None
    formula_book = None
    if has_formulas:
        # A formula's cached value is what data_only reads; one without (never calculated, or
        # written by a program) reads as empty. A second pass over the formulas tells them apart.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            formula_book = sheet_rows.open_workbook(path, data_only=False)
        formula_sheet = formula_book[worksheet.title]
        formula_sheet.reset_dimensions()
        formula_rows = formula_sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True)
    try:
        rows = _collect_rows(values_rows, formula_rows, merged, progress, findings)
    finally:
        if formula_book is not None:
            formula_book.close()
    return rows, findings


_NONES: Final = [None] * MAX_COLUMNS


def _collect_rows(
    values_rows: Iterator[Any],
    formula_rows: Iterator[Any] | None,
    merged: list[tuple[int, int, int, int]],
    progress: Progress | None,
    findings: list[Finding],
) -> tuple[SheetRow, ...]:
    merges = sorted(merged)  # by first row
    next_merge = 0
    active: list[tuple[int, int, int, int]] = []
    anchors: dict[tuple[int, int], Any] = {}
    rows: list[SheetRow] = []
    empty_run = 0
    for number, values in enumerate(values_rows, start=1):
        formulas = next(formula_rows, None) if formula_rows is not None else None
        cells = list(values)
        # Merged ranges: every cell shows the top-left value (a patentee merged down rows).
        while next_merge < len(merges) and merges[next_merge][0] <= number:
            active.append(merges[next_merge])
            next_merge += 1
        if active:
            active = [m for m in active if m[2] >= number]
            for first_row, first_col, _last_row, last_col in active:
                if first_row == number:
                    anchors[(first_row, first_col)] = cells[first_col - 1]
                anchor = anchors.get((first_row, first_col))
                for col in range(first_col, min(last_col, MAX_COLUMNS) + 1):
                    if (number, col) != (first_row, first_col):
                        cells[col - 1] = anchor
        problems: dict[int, tuple[str, str]] = {}
        if formulas is not None:
            for index, formula in enumerate(formulas):
                if cells[index] is None and formula is not None and (
                    not isinstance(formula, str) or formula.startswith("=")
                ):
                    problems[index] = ("formula_without_value",
                                       str(getattr(formula, "text", formula)))
        if cells and cells[-1] is None:
            # The run of empty cells at the end (most of the 64 read), found by halving:
            # popping them one by one took longer than reading the row.
            low, high = 0, len(cells)
            while low < high:
                middle = (low + high) // 2
                if cells[middle:] == _NONES[middle:len(cells)]:
                    high = middle
                else:
                    low = middle + 1
            del cells[low:]
        while cells and (cells[-1] is None or (isinstance(cells[-1], str) and
                                               not cells[-1].strip())):
            cells.pop()
        for index, value in enumerate(cells):
            # Every error value starts with "#": the set is looked at only then.
            if value.__class__ is str and "#" in value and is_excel_error(value):
                problems[index] = ("error_value", value.strip())
                cells[index] = None
        if not cells and not problems:
            empty_run += 1
            if empty_run >= (EMPTY_ROWS_TO_STOP if rows
                             else LEADING_EMPTY_ROWS_TO_STOP):
                break
            continue
        empty_run = 0
        rows.append(SheetRow(number, tuple(cells), problems))
        if len(rows) > MAX_DATA_ROWS:
            rows.pop()
            findings.append(warning("import.too_many_rows", "file", limit=MAX_DATA_ROWS))
            break
        if progress is not None and len(rows) % PROGRESS_EVERY == 0 and not progress(len(rows)):
            raise _Cancelled
    return tuple(rows)


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_FORMULA_STARTS: Final = (b"<f", b":f")  # every match of _FORMULA holds one of these
_MERGE = re.compile(
    rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})\""
)
_CHUNK = 1 << 20
_OVERLAP = 256  # longer than any mergeCell element, so none is cut in two


def _scan_sheet_xml(
    workbook: Any, member: str | None
) -> tuple[bool, list[tuple[int, int, int, int]]]:
    """Whether the sheet has formulas, and its merged ranges (first row, first col, last row,
    last col), found by streaming the sheet's XML once. Read-only openpyxl exposes neither."""
    archive = getattr(workbook, "_archive", None)
    if archive is None or member is None:
        return False, []
    has_formulas = False
    merged: list[tuple[int, int, int, int]] = []
    tail = b""
    with archive.open(member) as source:
        while True:
            chunk = source.read(_CHUNK)
            data = tail + chunk
            # The regular expressions only where their plain text occurs: searching for that
            # is several times faster than trying them at every "<" of the sheet.
            if not has_formulas and any(start in data for start in _FORMULA_STARTS) and \
                    _FORMULA.search(data):
                has_formulas = True
            # Matches ending in the overlap are left for the next round, which sees them whole.
            cut = max(len(data) - _OVERLAP, 0) if chunk else len(data)
            for match in _MERGE.finditer(data) if b"mergeCell" in data else ():
                if match.end() > cut:
                    break
                if len(merged) < MAX_MERGED_RANGES:
                    found = _merge_range(*match.groups())
                    if found[1] <= MAX_COLUMNS:
                        merged.append(found)
            if not chunk:
                break
            tail = data[cut:]
    return has_formulas, merged


def _merge_range(c1: bytes, r1: bytes, c2: bytes, r2: bytes) -> tuple[int, int, int, int]:
    return int(r1), _column_number(c1), int(r2), _column_number(c2)


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


# CSV --------------------------------------------------------------------------------------


def decode_csv(data: bytes) -> tuple[str, str] | None:
    """(text, encoding): UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"),
    else GBK (read as its superset GB18030, as Chinese Windows Excel saves CSV)."""
    candidates: tuple[str, ...]
    if data.startswith(codecs.BOM_UTF8):
        candidates = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "gb18030")
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


_OTHER_CJK = (("big5", "Big5"), ("shift_jis", "Shift-JIS"))


def other_cjk_encoding(data: bytes) -> str | None:
    """"Big5" or "Shift-JIS" when `data` (not UTF-8) reads as that far more plausibly than as
    GB18030; None otherwise. Plausible: the share of its hanzi among GB2312's 3,755 common
    ones (level 1), which Chinese text in GBK keeps high and other encodings read as GBK do
    not."""
    sample = data[:65536]
    gb = _common_share(sample.decode("gb18030", "replace"))
    if gb is None or gb >= 0.6:
        return None
    best: tuple[float, str] | None = None
    for codec, name in _OTHER_CJK:
        try:
            share = _common_share(sample.decode(codec))
        except UnicodeDecodeError:
            continue
        if share is not None and share > gb and (best is None or share > best[0]):
            best = (share, name)
    return best[1] if best else None


def _common_share(text: str) -> float | None:
    hanzi = [c for c in text if "\u3400" <= c <= "\u9fff"]
    if len(hanzi) < 4:
        return None
    common = 0
    for char in hanzi:
        try:
            encoded = char.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 0xB0 <= encoded[0] <= 0xD7
    return common / len(hanzi)


def _read_csv(path: Path, progress: Progress | None) -> SheetTable:
    data = path.read_bytes()
    decoded = decode_csv(data)
    if decoded is None or "\x00" in decoded[0][:4096]:
        return _table(path, _problem("import.csv_encoding", path))
    text, encoding = decoded
    other = other_cjk_encoding(data) if encoding == "gb18030" else None
    if other is not None:  # GB18030 decodes nearly any bytes: Big5 and Shift-JIS read as junk
        return _table(path, _problem("import.csv_encoding_other", path, encoding=other))
    sample = text[:16384]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",\t;").delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    findings: list[Finding] = []
    rows: list[SheetRow] = []
    empty_run = 0
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for number, record in enumerate(reader, start=1):
            cells: list[Any] = [c if c.strip() else None for c in record[:MAX_COLUMNS]]
            while cells and cells[-1] is None:
                cells.pop()
            if not cells:
                empty_run += 1
                if empty_run >= (EMPTY_ROWS_TO_STOP if rows
                                 else LEADING_EMPTY_ROWS_TO_STOP):
                    break
                continue
            empty_run = 0
            rows.append(SheetRow(number, tuple(cells)))
            if len(rows) > MAX_DATA_ROWS:
                rows.pop()
                findings.append(warning("import.too_many_rows", "file", limit=MAX_DATA_ROWS))
                break
            if progress is not None and len(rows) % PROGRESS_EVERY == 0 and not progress(
                len(rows)
            ):
                raise _Cancelled
    except csv.Error as exc:
        return _table(path, _problem("import.csv_unreadable", path, **_reason(exc)))
    return SheetTable(source=str(path), sheet=path.name, rows=tuple(rows),
                      findings=tuple(findings))
