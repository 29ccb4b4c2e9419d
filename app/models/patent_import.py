"""Importing patent lists: from a sheet's cells to checked patent records, before any write.

Clerks keep their portfolios in Excel files of every layout. Reading a file is two steps:
app.export.excel.patent_list turns the file into a `SheetTable` (cell values by row, no
interpretation); this module finds the heading row, maps columns to fields, reads every cell
the way Excel may have mangled it (numbers as floats or scientific notation, dates as serials,
text or datetimes, patentees in one cell) and returns an `ImportPreview`: every row with the
fields it would write and its findings. Nothing is written until the caller confirms and passes
the rows to `Store.import_patents`.

Two kinds of findings per row:
- `findings`: the import's own (a number that is missing, invalid or lost its digits, a date
  that cannot be read, a duplicate in the file). Errors here keep the row out.
- `record_findings`: what the register's rules say about the record as it would be saved (no
  filing date in a summary list, a type that disagrees with the number). Such records import
  as drafts and show their findings in the window, as if typed there.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import math
import operator
import os
import re
import tempfile
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final

from app.file_modes import normal_mode
from app.models.bulk_work import collection_held_off
from app.models.entities import LEGAL_STATUS_LABELS_ZH, LegalStatus
from app.models.findings import Finding, error, has_errors, warning
from app.models.inventory import SCREENING_COLUMNS, SCREENING_SYNONYMS, read_value
from app.models.patent_number import NumberCheck, PatentKind, check_character, parse
from app.models.patent_rules import PatentFields, check_patent_parts
from app.models.ranges import NUMBER_TEXT_MAX
from app.os_errors import reason_params

log = logging.getLogger(__name__)

# Fields a column can be mapped to: the patent's, then the summary list's offer fields.
PATENT_FIELDS: Final = (
    "number", "title", "patentees", "filing_date", "grant_date", "legal_status", "kind",
    "remarks",
)
OFFER_FIELDS: Final = ("single_term", "open_scope", "contact_name", "contact_phone")
# The stock-patent inventory's screening columns (issue 15), written by app.usecases.inventory.
SCREENING_FIELDS: Final = SCREENING_COLUMNS
FIELDS: Final = PATENT_FIELDS + OFFER_FIELDS + SCREENING_FIELDS

# Header texts clerks use for each field, most specific first. Compared after `header_key`
# (full-width folded, spaces and bracketed notes dropped), so "专利权人（全部）" is "专利权人".
SYNONYMS: Final[Mapping[str, tuple[str, ...]]] = {
    "number": ("专利号", "申请号", "专利申请号", "申请（专利）号", "专利（申请）号", "申请专利号",
               "专利号/申请号", "申请号/专利号", "patentnumber", "applicationnumber", "number"),
    "title": ("专利名称", "发明名称", "发明创造名称", "名称", "专利题名", "题名", "title"),
    "patentees": ("专利权人", "权利人", "申请人（专利权人）", "申请人", "专利申请人",
                  "专利权人名称", "权利人名称", "patentees", "patentee"),
    "filing_date": ("申请日", "申请日期", "专利申请日", "filingdate"),
    "grant_date": ("授权日", "授权公告日", "授权日期", "授权公告日期", "公告日", "grantdate"),
    "legal_status": ("专利法律状态", "法律状态", "当前法律状态", "专利状态", "legalstatus"),
    "kind": ("专利类型", "类型", "专利种类", "kind", "type"),
    "remarks": ("备注", "remarks", "note"),
    "single_term": ("单次许可期限", "许可期限"),
    "open_scope": ("开放范围",),
    "contact_name": ("联系人",),
    "contact_phone": ("联系电话", "电话", "联系人电话", "联系人手机", "手机", "联系方式"),
    **SCREENING_SYNONYMS,
}

# The summary list's own headings (notice 003 附件 3) as header keys, in order.
SUMMARY_LIST_HEADINGS: Final = (
    ("serial", "序号"), ("number", "专利号"), ("title", "专利名称"), ("patentees", "专利权人"),
    ("single_term", "单次许可期限"), ("legal_status", "专利法律状态"), ("kind", "专利类型"),
    ("open_scope", "开放范围"), ("contact_name", "联系人"), ("contact_phone", "联系电话"),
)

HEADER_SCAN_ROWS: Final = 20  # the heading row is looked for among the first rows
MAPPING_FORMAT: Final = "licence-desk-column-mapping"
MEMORY_FORMAT: Final = "licence-desk-column-mappings"

_BRACKETED = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_HEADER_NOISE = re.compile(r"[\s*＊:：]+")
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d+)?E[+-]?\d+$")
_DATE_TEXT = re.compile(
    r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# Excel serials of the years 1900-2100 stay far below this; larger ones overflow the calendar.
_SERIAL_LIMIT: Final = 1_000_000
_PATENTEE_SEPARATORS = re.compile(r"[、;；,，\r\n]+")
_EXCEL_ERRORS: Final = frozenset(
    {"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#GETTING_DATA",
     "#SPILL!", "#CALC!"}
)

# Words for the legal status, as registers and the CNIPA site write them.
_STATUS_WORDS: Final[tuple[tuple[LegalStatus, tuple[str, ...]], ...]] = (
    (LegalStatus.INVALIDATED, ("宣告无效", "无效宣告", "全部无效", "被宣告无效")),
    (LegalStatus.EXPIRED, ("期限届满", "届满", "期满")),
    (LegalStatus.LAPSED, ("未缴年费", "未缴费", "年费终止", "权利终止", "终止")),
    (LegalStatus.VALID, ("有效", "授权", "维持", "专利权维持", "在保护期")),
)
_KIND_WORDS: Final[Mapping[str, PatentKind]] = {
    "发明": PatentKind.INVENTION, "发明专利": PatentKind.INVENTION,
    "实用新型": PatentKind.UTILITY_MODEL, "实用新型专利": PatentKind.UTILITY_MODEL,
    "新型": PatentKind.UTILITY_MODEL,
    "外观设计": PatentKind.DESIGN, "外观设计专利": PatentKind.DESIGN, "外观": PatentKind.DESIGN,
    **{k.value: k for k in PatentKind},
}


# What the reader hands over ---------------------------------------------------------------


@dataclass(frozen=True)
class SheetRow:
    """One non-empty row as read: `row` is its number in the sheet (or the CSV record number),
    `values` the cell values from column A on. `problems` marks cells that hold no usable value:
    column index → "formula_without_value" | "error_value" (with the text shown)."""

    row: int
    values: tuple[Any, ...]
    problems: Mapping[int, tuple[str, str]] = field(default_factory=dict)

    def value(self, column: int) -> Any:
        return self.values[column] if column < len(self.values) else None


@dataclass(frozen=True)
class SheetTable:
    """A sheet (or CSV file) as cell values, and what kept the reader from reading it all."""

    source: str
    sheet: str = ""
    sheet_names: tuple[str, ...] = ()
    rows: tuple[SheetRow, ...] = ()
    findings: tuple[Finding, ...] = ()
    date1904: bool = False  # the workbook counts serial dates from 1904 (old Mac Excel)

    @property
    def readable(self) -> bool:
        return not has_errors(self.findings)


# Column mappings --------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnMapping:
    """Which column holds which field: a header text, or a 0-based column position.

    `header_row` is the 1-based row holding the headings; None finds it, 0 means the sheet has
    no heading row (positions only)."""

    columns: Mapping[str, str | int]
    header_row: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": MAPPING_FORMAT,
            "version": 1,
            "header_row": self.header_row,
            "columns": {k: self.columns[k] for k in FIELDS if k in self.columns},
        }

    @classmethod
    def from_dict(cls, data: Any) -> tuple[ColumnMapping | None, list[Finding]]:
        if not isinstance(data, Mapping) or not isinstance(data.get("columns"), Mapping):
            return None, [error("import.mapping_unreadable", "mapping", reason="columns")]
        findings: list[Finding] = []
        columns: dict[str, str | int] = {}
        for name, column in data["columns"].items():
            if name not in FIELDS:
                findings.append(error("import.mapping_field_unknown", "mapping", item=name))
            elif isinstance(column, bool) or not isinstance(column, (str, int)):
                findings.append(error("import.mapping_unreadable", "mapping", reason=name))
            elif isinstance(column, int) and column < 0:
                findings.append(error("import.mapping_unreadable", "mapping", reason=name))
            else:
                columns[name] = column
        header_row = data.get("header_row")
        if header_row is not None and (
            isinstance(header_row, bool) or not isinstance(header_row, int) or header_row < 0
        ):
            findings.append(error("import.mapping_unreadable", "mapping", reason="header_row"))
            header_row = None
        if findings:
            return None, findings
        return cls(columns, header_row), []


def mapping_to_json(mapping: ColumnMapping) -> str:
    return json.dumps(mapping.to_dict(), ensure_ascii=False, indent=2, sort_keys=True)


def mapping_from_json(text: str) -> tuple[ColumnMapping | None, list[Finding]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        return None, [error("import.mapping_unreadable", "mapping", reason=str(exc))]
    return ColumnMapping.from_dict(data)


def save_mapping(path: str | os.PathLike[str], mapping: ColumnMapping) -> None:
    _write_text_atomically(Path(path), mapping_to_json(mapping))


def load_mapping(path: str | os.PathLike[str]) -> tuple[ColumnMapping | None, list[Finding]]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [error("import.mapping_unreadable", "mapping", **reason_params(exc))]
    return mapping_from_json(text)


def header_key(text: Any) -> str:
    """A header text as compared: half-width, lower case, no spaces, no bracketed notes."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).lower()
    return _HEADER_NOISE.sub("", _BRACKETED.sub("", folded))


def _synonym_keys() -> dict[str, tuple[str, ...]]:
    return {name: tuple(dict.fromkeys(header_key(s) for s in words))
            for name, words in SYNONYMS.items()}


_KEYS: Final = _synonym_keys()


def propose_mapping(headers: Sequence[Any]) -> dict[str, int]:
    """field → 0-based column, from header texts via the synonym table.

    Exact matches first (so "申请号" is the number and "申请日" the filing date), then a
    heading that contains a synonym ("第一专利权人"); each column serves one field.
    """
    keys = [header_key(h) for h in headers]
    found: dict[str, int] = {}
    used: set[int] = set()
    for name in FIELDS:
        for i, key in enumerate(keys):
            if i not in used and key and key in _KEYS[name]:
                found[name] = i
                used.add(i)
                break
    # Containment: the longest synonym wins across fields, so "联系人电话" is not the contact.
    candidates: list[tuple[int, int, str]] = []
    for i, key in enumerate(keys):
        if i in used or not key:
            continue
        for name in FIELDS:
            if name in found:
                continue
            for synonym in _KEYS[name]:
                if len(synonym) >= 2 and synonym in key:
                    candidates.append((-len(synonym), i, name))
    for _length, i, name in sorted(candidates):
        if name not in found and i not in used:
            found[name] = i
            used.add(i)
    return {name: found[name] for name in FIELDS if name in found}


def is_summary_list(headers: Sequence[Any]) -> bool:
    """True when the headings are the summary list's, in its order (title rows above allowed)."""
    keys = [header_key(h) for h in headers if header_key(h)]
    return keys[: len(SUMMARY_LIST_HEADINGS)] == [k for _, k in SUMMARY_LIST_HEADINGS]


class MappingMemory:
    """Mappings the clerk confirmed, remembered by the header texts they were made for, in a
    JSON file (the user data folder's `column-mappings.json` by default)."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        if path is None:
            from app.paths import user_data_dir

            path = user_data_dir() / "column-mappings.json"
        self.path = Path(path)

    @staticmethod
    def signature(headers: Sequence[Any]) -> str:
        return "|".join(header_key(h) for h in headers).rstrip("|")

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != MEMORY_FORMAT:
            return {}
        mappings = data.get("mappings")
        return mappings if isinstance(mappings, dict) else {}

    def recall(self, headers: Sequence[Any]) -> ColumnMapping | None:
        mapping, findings = ColumnMapping.from_dict(self._load().get(self.signature(headers)))
        return None if findings else mapping

    def remember(self, headers: Sequence[Any], mapping: ColumnMapping) -> None:
        mappings = self._load()
        mappings[self.signature(headers)] = mapping.to_dict()
        document = {"format": MEMORY_FORMAT, "version": 1, "mappings": mappings}
        _write_text_atomically(
            self.path, json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
        )


def _write_text_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        normal_mode(fd)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# The preview ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryFields:
    """The offer's summary-list fields a row carries (only those in `provided` are written)."""

    single_term: str = ""
    open_scope: str = ""
    contact_name: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class PreviewRow:
    row: int  # the row number in the sheet, as Excel shows it
    patent: PatentFields
    offer: SummaryFields
    provided: frozenset[str]  # the fields whose cells are filled in
    findings: tuple[Finding, ...] = ()
    record_findings: tuple[Finding, ...] = ()
    existing: bool = False  # the number is already in the register
    # Screening cells as read (field → value), for app.usecases.inventory; filled ones only.
    screening: Mapping[str, Any] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)

    @property
    def has_offer_fields(self) -> bool:
        return any(name in self.provided for name in OFFER_FIELDS)


@dataclass(frozen=True)
class ImportPreview:
    """Everything an import would do, before it does it."""

    source: str
    sheet: str = ""
    sheet_names: tuple[str, ...] = ()
    layout: str = ""  # "summary_list", "mapped" (the caller's mapping) or "proposed"
    header_row: int = 0
    headers: tuple[str, ...] = ()
    columns: Mapping[str, int] = field(default_factory=dict)  # the mapping as applied
    findings: tuple[Finding, ...] = ()  # about the file or the mapping as a whole
    rows: tuple[PreviewRow, ...] = ()
    ignored_rows: tuple[int, ...] = ()  # rows with no number, title or patentee (notes, blanks)

    @property
    def needs_mapping(self) -> bool:
        """The layout is not the summary list's and no mapping was given: show the mapping step
        (the rows are read with the proposed mapping meanwhile)."""
        return self.layout == "proposed"

    @property
    def readable(self) -> bool:
        return not has_errors(self.findings)

    @property
    def rows_with_errors(self) -> tuple[PreviewRow, ...]:
        return tuple(r for r in self.rows if r.has_errors)

    @property
    def existing_rows(self) -> tuple[PreviewRow, ...]:
        return tuple(r for r in self.rows if r.existing)

    def all_findings(self) -> list[Finding]:
        out = list(self.findings)
        for row in self.rows:
            out.extend(row.findings)
        return out


ON_EXISTING: Final = ("skip", "update")  # what the import does with numbers already there


@dataclass(frozen=True)
class ImportOutcome:
    """What `Store.import_patents` did. `written` False: nothing was written, `findings` say
    why. Otherwise the numbers created, updated and skipped, and notices (offers returned to
    draft because the import changed their data)."""

    written: bool
    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    skipped_existing: tuple[str, ...] = ()
    skipped_rows: tuple[int, ...] = ()  # rows with errors left out (skip_bad_rows=True)
    offers_created: int = 0
    offers_updated: int = 0
    findings: tuple[Finding, ...] = ()


def merged_fields(current: PatentFields, row: PreviewRow) -> PatentFields:
    """The record after an update: the file's columns replace what it has, the rest stays (a
    summary list has no filing date; importing it must not erase the one in the register)."""
    changes: dict[str, Any] = {}
    for name in PATENT_FIELDS:
        if name not in row.provided or name == "number":
            continue
        target = "entered_kind" if name == "kind" else name
        changes[target] = getattr(row.patent, target)
    return replace(current, **changes)


def find_header_row(table: SheetTable, mapping: ColumnMapping | None = None) -> int | None:
    """Index in `table.rows` of the heading row among the first rows, or None.

    With a mapping by header texts, the row holding most of them; otherwise the row whose texts
    match most fields (at least the number and one more).
    """
    wanted = (
        {header_key(c) for c in mapping.columns.values() if isinstance(c, str)}
        if mapping else set()
    )
    best: tuple[int, int] | None = None
    for index, sheet_row in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        if sheet_row.row > HEADER_SCAN_ROWS * 5:
            break
        if wanted:
            keys = {header_key(v) for v in sheet_row.values}
            score = len(wanted & keys)
            if score == 0:
                continue
        else:
            proposed = propose_mapping(sheet_row.values)
            if "number" not in proposed or len(proposed) < 2:
                continue
            score = len(proposed)
        if best is None or score > best[0]:
            best = (score, index)
    return best[1] if best else None


def _resolve(
    mapping: ColumnMapping, headers: Sequence[Any]
) -> tuple[dict[str, int], list[Finding]]:
    keys = [header_key(h) for h in headers]
    raw = ["" if h is None else str(h).strip() for h in headers]
    columns: dict[str, int] = {}
    findings: list[Finding] = []
    for name, column in mapping.columns.items():
        if name not in FIELDS:
            findings.append(error("import.mapping_field_unknown", "mapping", item=name))
        elif isinstance(column, int):
            columns[name] = column
        else:
            text = str(column).strip()
            if text in raw:
                columns[name] = raw.index(text)
            elif header_key(text) and header_key(text) in keys:
                columns[name] = keys.index(header_key(text))
            else:
                findings.append(error("import.mapping_column_missing", "mapping", item=name,
                                      fields=(_finding_field(name),), column=text))
    if "number" not in columns and not any(f.field == "mapping" and f.params.get("item") ==
                                           "number" for f in findings):
        findings.append(error("import.mapping_number_missing", "mapping"))
    return columns, findings


def preview_table(
    table: SheetTable,
    mapping: ColumnMapping | None = None,
    *,
    existing_numbers: Collection[str] = (),
    today: dt.date | None = None,
) -> ImportPreview:
    """Read every row of `table` into fields and findings. Nothing is written.

    Without a mapping, a sheet laid out like the summary list is read as such; any other layout
    is read with the proposed mapping and flagged `needs_mapping`.
    """
    with collection_held_off():  # every row's fields and findings are kept: nothing to collect
        return _preview_table(table, mapping, existing_numbers, today)


def _preview_table(
    table: SheetTable,
    mapping: ColumnMapping | None,
    existing_numbers: Collection[str],
    today: dt.date | None,
) -> ImportPreview:
    base = ImportPreview(source=table.source, sheet=table.sheet, sheet_names=table.sheet_names,
                         findings=table.findings)
    if not table.readable:
        return base
    if not table.rows:
        return replace(base, findings=(*table.findings, error("import.empty", "file")))

    if mapping is not None and mapping.header_row == 0:
        header_index: int | None = None
    elif mapping is not None and mapping.header_row is not None:
        header_index = next(
            (i for i, r in enumerate(table.rows) if r.row == mapping.header_row), None
        )
        if header_index is None:
            return replace(base, findings=(*table.findings, error(
                "import.header_row_empty", "mapping", row=mapping.header_row)))
    else:
        header_index = find_header_row(table, mapping)

    headers: tuple[str, ...] = ()
    if header_index is not None:
        headers = tuple(_header_text(v) for v in table.rows[header_index].values)
    findings = list(table.findings)
    if mapping is not None:
        columns, mapping_findings = _resolve(mapping, headers)
        findings.extend(mapping_findings)
        layout = "mapped"
    else:
        if header_index is None:
            # Nothing looks like a heading row: offer the first row's texts for the mapping.
            header_index = 0
            headers = tuple(_header_text(v) for v in table.rows[0].values)
        columns = propose_mapping(headers)
        layout = "summary_list" if is_summary_list(headers) else "proposed"
        if layout == "proposed":
            findings.append(warning("import.mapping_needed", "mapping",
                                    row=table.rows[header_index].row))
        if "number" not in columns:
            findings.append(error("import.mapping_number_missing", "mapping"))
    header_row = table.rows[header_index].row if header_index is not None else 0
    base = replace(base, layout=layout, header_row=header_row, headers=headers, columns=columns)
    if has_errors(findings):
        return replace(base, findings=tuple(findings))

    data = table.rows[header_index + 1:] if header_index is not None else table.rows
    reader = _RowReader(columns, headers, table.date1904, today or dt.date.today())
    existing = set(existing_numbers)
    rows: list[PreviewRow] = []
    ignored: list[int] = []
    first_row_of: dict[str, int] = {}
    for sheet_row in data:
        try:
            preview = reader.read(sheet_row)
        except (ValueError, OverflowError, ArithmeticError, TypeError) as exc:
            # A cell no reader above foresaw: the row is reported, the import goes on.
            log.warning("row %s of %s unreadable: %r", sheet_row.row, table.source, exc)
            rows.append(PreviewRow(sheet_row.row, PatentFields(number=""), SummaryFields(),
                                   frozenset(), (error("import.row_unreadable", "number",
                                                       row=sheet_row.row,
                                                       reason=type(exc).__name__),), ()))
            continue
        if preview is None:
            ignored.append(sheet_row.row)
            continue
        number = preview.patent.number
        extra: list[Finding] = []
        if number and not _number_errors(preview.findings):
            if number in first_row_of:
                extra.append(error("import.duplicate_in_file", "number", row=sheet_row.row,
                                   first_row=first_row_of[number], number=number))
            else:
                first_row_of[number] = sheet_row.row
            if number in existing:
                preview = replace(preview, existing=True)
                extra.append(warning("import.number_in_register", "number", row=sheet_row.row,
                                     number=number))
        if extra:
            preview = replace(preview, findings=(*preview.findings, *extra))
        rows.append(preview)
    return replace(base, findings=tuple(findings), rows=tuple(rows), ignored_rows=tuple(ignored))


def _number_errors(findings: Iterable[Finding]) -> bool:
    return any(f.is_error and f.field == "number" for f in findings)


def _header_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


# Reading cells ----------------------------------------------------------------------------


class _RowReader:
    def __init__(
        self, columns: Mapping[str, int], headers: Sequence[str], date1904: bool, today: dt.date
    ) -> None:
        self.columns = dict(columns)
        self.headers = headers
        self.date1904 = date1904
        self.today = today
        # The year the numbers are read in: when it is the rules' year too, the rules take the
        # number as read here instead of parsing it a second time.
        self.now = dt.date.today()
        self.names = tuple(self.columns)
        positions = tuple(self.columns.values())
        self.width = max(positions, default=-1) + 1
        self.cells = operator.itemgetter(*positions) if len(positions) > 1 else (
            lambda values: tuple(values[p] for p in positions))
        self.screening_fields = tuple(n for n in SCREENING_FIELDS if n in self.columns)

    def _label(self, column: int) -> str:
        if column < len(self.headers) and self.headers[column]:
            return self.headers[column].replace("\n", "")
        return _column_letter(column)

    def read(self, sheet_row: SheetRow) -> PreviewRow | None:
        row = sheet_row.row
        cells = sheet_row.values
        if len(cells) < self.width:
            cells = (*cells, *(None,) * (self.width - len(cells)))
        values = dict(zip(self.names, self.cells(cells), strict=True))
        # The fields whose cells are filled in (blank text is empty, as _blank says).
        filled = {name for name, value in values.items() if value is not None and (
            not isinstance(value, str) or value.strip())}
        if not filled.intersection(("number", "title", "patentees")) and not any(
                column in sheet_row.problems for column in self.columns.values()):
            # Nothing there. (Formulas without a stored value, or error values, in its cells
            # are something: the row is reported, never dropped in silence.)
            return None
        findings: list[Finding] = []
        if sheet_row.problems:
            for name, column in self.columns.items():
                problem = sheet_row.problems.get(column)
                if problem is not None:
                    kind, shown = problem
                    code = ("import.formula_without_value" if kind == "formula_without_value"
                            else "import.cell_error")
                    findings.append(error(code, _finding_field(name), row=row,
                                          column=self._label(column), value=shown))

        number, number_findings, checked = read_number(values.get("number"), row, self.now)
        findings.extend(number_findings)
        filing_date = self._date("filing_date", values, row, findings)
        grant_date = self._date("grant_date", values, row, findings)
        legal_status = LegalStatus.VALID.value
        if "legal_status" in filled:
            status = read_legal_status(values["legal_status"])
            if status is None:
                findings.append(error("import.status_unknown", "legal_status", row=row,
                                      value=to_text(values["legal_status"])))
            else:
                legal_status = status.value
        entered_kind: str | None = None
        if "kind" in filled:
            patent_kind = read_kind(values["kind"])
            if patent_kind is None:
                findings.append(error("import.kind_unknown", "kind", row=row,
                                      value=to_text(values["kind"])))
            elif patent_kind is not (checked or parse(number)).kind:
                # Kept only when it adds something: the number says the type when valid.
                entered_kind = patent_kind.value
        phone, phone_findings = read_phone(values.get("contact_phone"), row)
        findings.extend(phone_findings)

        patent = PatentFields(
            number=number,
            title=to_text(values.get("title")),
            patentees=_split_names(to_text(values.get("patentees"))),
            filing_date=filing_date,
            grant_date=grant_date,
            legal_status=legal_status,
            entered_kind=entered_kind,
            remarks=to_text(values.get("remarks")),
        )
        offer = SummaryFields(
            single_term=to_text(values.get("single_term")),
            open_scope=to_text(values.get("open_scope")),
            contact_name=to_text(values.get("contact_name")),
            contact_phone=phone,
        )
        screening: dict[str, Any] = {}
        for name in self.screening_fields:
            if name not in filled:
                continue
            value, unreadable = read_value(name, values[name])
            if unreadable is None:
                screening[name] = value
            else:  # the patent still imports; the clerk sets this one in the inventory window
                findings.append(warning(unreadable.code, name,
                                        **{**unreadable.params, "row": row}))
        known = checked if checked is not None and self.today.year == self.now.year else None
        record = [f for f in check_patent_parts(patent, today=self.today, number=known)[0]
                  if f.field != "number"]
        # Only cells with something in them count as given: an update must not blank a field
        # because the clerk's list left the cell empty.
        return PreviewRow(row, patent, offer, frozenset(filled), tuple(findings),
                          tuple(record), screening=screening)

    def _date(
        self, name: str, values: Mapping[str, Any], row: int, findings: list[Finding]
    ) -> dt.date | None:
        value = values.get(name)
        if _blank(value):
            return None
        day = read_date(value, date1904=self.date1904)
        if day is None:
            findings.append(error("import.date_unreadable", name, row=row, value=shown(value),
                                  fields=(name,)))
        return day


def _finding_field(name: str) -> str:
    """The field name the message table labels ("contact.phone" for the offer's phone)."""
    return {"contact_name": "contact.name", "contact_phone": "contact.phone"}.get(name, name)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def shown(value: Any) -> str:
    """A cell value as a clerk would recognise it in a message."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return "" if value is None else str(value).strip()


def to_text(value: Any) -> str:
    """A text field from any cell: numbers without a spurious ".0", dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return shown(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def split_patentees(value: Any) -> list[str]:
    """All patentees in order, from one cell: 、 ; ； , ， or new lines between them."""
    return list(_split_names(to_text(value)))


@functools.lru_cache(maxsize=4096)  # a portfolio repeats its few patentee cells
def _split_names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in _PATENTEE_SEPARATORS.split(text) if n.strip())


def _plain(value: Any) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", to_text(value)).lower())


def read_legal_status(value: Any) -> LegalStatus | None:
    # A list holds a few status words, 50,000 times: each text is read once.
    return _status_of(value) if isinstance(value, str) else _read_legal_status(value)


@functools.lru_cache(maxsize=1024)
def _status_of(text: str) -> LegalStatus | None:
    return _read_legal_status(text)


def _read_legal_status(value: Any) -> LegalStatus | None:
    # Bracketed words matter here (失效（期限届满）): no header_key.
    text = _plain(value)
    for status, label in LEGAL_STATUS_LABELS_ZH.items():
        if _plain(label) == text or text == status.value:
            return status
    if "失效" in text and not any(w in text for _, words in _STATUS_WORDS for w in words):
        return None  # "失效" alone does not say which: ask rather than guess
    for status, words in _STATUS_WORDS:
        if any(word in text for word in words):
            return status
    return None


def read_kind(value: Any) -> PatentKind | None:
    return _kind_of(value) if isinstance(value, str) else _KIND_WORDS.get(header_key(value))


@functools.lru_cache(maxsize=1024)
def _kind_of(text: str) -> PatentKind | None:
    return _KIND_WORDS.get(header_key(text))


def read_date(value: Any, *, date1904: bool = False) -> dt.date | None:
    """A date from every form Excel and clerks leave it in; None when it cannot be one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if not -_SERIAL_LIMIT < value < 100_000_000:  # 3000000, 1e10, 1e300: not a date
            return None
        if isinstance(value, float) and not value.is_integer():
            value = int(value)  # a serial with a time of day
        number = int(value)
        compact = _COMPACT_DATE.match(str(number))
        if compact:  # 20170721 typed as a number
            return _ymd(*compact.groups())
        return _from_serial(number, date1904)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = _DATE_TEXT.match(text) or _COMPACT_DATE.match(text)
    if match:
        return _ymd(*match.groups()[:3])
    # isdigit() is true of "፩" and "²", which int() refuses: ASCII digits only, bounded.
    if text.isascii() and text.isdigit() and len(text) <= 8:
        number = int(text)
        compact = _COMPACT_DATE.match(text)
        if compact:
            return _ymd(*compact.groups())
        return _from_serial(number, date1904) if number < _SERIAL_LIMIT else None
    return None


def _ymd(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _from_serial(serial: int, date1904: bool) -> dt.date | None:
    if not -_SERIAL_LIMIT < serial < _SERIAL_LIMIT:
        return None  # beyond the calendar (3000000, −2000000 in a 1904 workbook)
    if date1904:
        day = dt.date(1904, 1, 1) + dt.timedelta(days=serial)
    elif serial >= 61:
        day = dt.date(1899, 12, 30) + dt.timedelta(days=serial)  # Lotus's 1900-02-29
    else:
        return None  # January–February 1900: no patent date
    # Patents in the register are filed from 1985 on; anything else was not a date.
    return day if 1985 <= day.year <= 2100 else None


def read_number(
    value: Any, row: int, today: dt.date | None = None
) -> tuple[str, list[Finding], NumberCheck | None]:
    """The normalised number (or the text as found), the import's findings about it, and the
    number as parsed (in `today`'s year) when the text was valid.

    Excel stores a number typed into a General cell as a double: 2017106018623 stays exact, but
    what was shown or exported as text (2.01710601862E+11) has lost its last digits.
    """
    if _blank(value):
        return "", [error("import.number_missing", "number", row=row)], None
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        return shown(value), [_invalid(parse(shown(value)).findings, row)], None
    if isinstance(value, (int, float)):
        return (*_number_from_numeric(value, row), None)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if _SCIENTIFIC.match(text.upper()):
        return (*_number_from_scientific(text, row), None)
    checked = parse(text, today=today)
    if checked.valid and checked.normalized:
        return checked.normalized, [], checked
    return text, [_invalid(checked.findings, row)], None


def _invalid(findings: Sequence[Finding], row: int) -> Finding:
    inner = findings[0]
    return error("import.number_invalid", "number", row=row, nested_code=inner.code,
                 nested_field=inner.field, **dict(inner.params))


def _number_from_numeric(value: int | float, row: int) -> tuple[str, list[Finding]]:
    if isinstance(value, float) and not value.is_integer():
        digits = repr(value)  # shortest repr: 201710601862.3 reads back exactly
    else:
        digits = str(int(value))
    head = digits.partition(".")[0]
    if len(head) < 8:  # old-format numbers of 2000–2003 start with 0, which a number drops
        digits = digits.zfill(len(digits) + 8 - len(head))
    checked = parse(digits)
    if checked.valid and checked.normalized:
        return checked.normalized, [warning("import.number_was_numeric", "number", row=row,
                                            value=shown(value), number=checked.normalized)]
    if digits.rstrip("0") != digits and len(digits) - len(digits.rstrip("0")) >= 4:
        # 2017110000000: the trailing zeros are what became of digits Excel rounded away.
        return shown(value), [error("import.number_lost_digits", "number", row=row,
                                    value=shown(value))]
    return shown(value), [_invalid(checked.findings, row)]


def _number_from_scientific(text: str, row: int) -> tuple[str, list[Finding]]:
    try:
        exact = Decimal(text)
    except InvalidOperation:
        return text, [_invalid(parse(text).findings, row)]
    if len(text) > NUMBER_TEXT_MAX or not -20 < exact.adjusted() < 20:
        # 1e9999999999 written out would take gigabytes: no patent number is that long.
        return text, [_invalid(parse(text[:NUMBER_TEXT_MAX]).findings, row)]
    plain = format(exact, "f")
    head, _, tail = plain.partition(".")
    tail = tail.rstrip("0")
    # All digits are there when the mantissa still holds digits + check character.
    if (len(head) in (13, 9) and not tail) or (len(head) in (12, 8) and len(tail) == 1):
        candidate = f"{head}.{tail}" if tail else head
        checked = parse(candidate)
        if checked.valid and checked.normalized:
            return checked.normalized, [warning("import.number_was_numeric", "number", row=row,
                                                value=text, number=checked.normalized)]
    params: dict[str, Any] = {"row": row, "value": text}
    if len(head) in (12, 8) and not tail:
        # Only the check character went; it can be computed, but the clerk must confirm it.
        params["suggestion"] = f"{head}.{check_character(head)}"
    return text, [error("import.number_lost_digits", "number", **params)]


def read_phone(value: Any, row: int) -> tuple[str, list[Finding]]:
    """A phone number as text. A landline typed as a number lost its leading 0: put it back."""
    if _blank(value):
        return "", []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = shown(value)
        if digits.isdigit() and len(digits) in (9, 10, 11) and digits[0] not in "01":
            phone = "0" + digits
            return phone, [warning("import.phone_was_numeric", "contact.phone", row=row,
                                   value=digits, phone=phone)]
        return digits, []
    return to_text(value), []


def is_excel_error(value: Any) -> bool:
    return isinstance(value, str) and value.strip().upper() in _EXCEL_ERRORS
