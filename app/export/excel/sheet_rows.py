"""The values of a worksheet's rows, streamed from its XML with expat.

openpyxl's read-only reading builds an element per cell and a dictionary per value, which made
it most of the time of a 50,000-row import (20 s of 36 s). This reader walks the same XML with
the standard library's expat, guarded by defusedxml (a document type declaration, any entity
declaration or external reference is refused before a byte of it is used), and gives exactly
what `ReadOnlyWorksheet.iter_rows(min_row=1, max_col=N, values_only=True)` gives after
`reset_dimensions()`:

- one tuple of N values per row from row 1 on, rows missing from the XML as tuples of None,
  a row numbered lower than one already given skipped;
- every child element of a row is a cell (its position from `r`, else the next column);
- values converted as openpyxl converts them, with the workbook's shared strings, date styles
  and epoch (1900 or 1904) as openpyxl read them: numbers to int or float, date-styled numbers
  through `from_excel` (a serial out of range reads as "#VALUE!", as openpyxl reads it),
  booleans, ISO dates (t="d"), inline strings (plain and rich runs, phonetic runs left out),
  error values and cached formula results as their text.

The workbook-level parts (sheet list, shared strings, styles) are still read by openpyxl
(`open_workbook`), but without its look for each sheet's dimension on opening: in a sheet
without a <dimension> element (every write-only openpyxl file, many exports) that look parsed
the whole sheet once more before a row was read (12 of the 36 s), and the caller ignores the
declared dimension anyway. Formulas are not looked at here: the caller asks openpyxl when a
sheet has any.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final
from xml.etree.ElementTree import ParseError
from xml.parsers import expat

from defusedxml.expatreader import DefusedExpatParser
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.xml.constants import SHEET_MAIN_NS

_SEP: Final = "}"
_ROW: Final = SHEET_MAIN_NS + _SEP + "row"
_V: Final = SHEET_MAIN_NS + _SEP + "v"
_IS: Final = SHEET_MAIN_NS + _SEP + "is"
_T: Final = SHEET_MAIN_NS + _SEP + "t"
_R: Final = SHEET_MAIN_NS + _SEP + "r"
_CHUNK: Final = 1 << 16
_DIGITS: Final = "0123456789"


def _cast_number(value: str) -> int | float:
    """As openpyxl: a decimal point or an exponent makes a float."""
    if "." in value or "E" in value or "e" in value:
        return float(value)
    return int(value)


class _SheetHandler:
    """expat's callbacks; completed rows are appended to `ready` as (number, cells)."""

    def __init__(self, shared_strings: Any, epoch: Any, date_formats: Any,
                 timedelta_formats: Any) -> None:
        self.shared = shared_strings
        self.epoch = epoch
        self.date_formats = date_formats
        self.timedelta_formats = timedelta_formats
        self.ready: list[tuple[int, list[tuple[int, Any]]]] = []
        self.columns: dict[str, int] = {}
        self.depth = 0
        self.row_depth = 0  # 0: not inside a row
        self.row_number = 0
        self.col_counter = 0
        self.cells: list[tuple[int, Any]] = []
        self.cell: dict[str, str] = {}
        self.value: str | None = None
        self.seen_v = False
        self.inline: list[str] | None = None  # the inline string's parts, once <is> is seen
        self.plain: str | None = None
        self.run: str | None = None
        self.in_run = False
        self.text: list[str] | None = None  # characters gathered for the element being read
        self.text_depth = 0

    # expat callbacks ------------------------------------------------------------------

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        depth = self.depth
        if self.text is not None:
            # ElementTree's text is what comes before the first child.
            self.text_depth = -self.text_depth if self.text_depth > 0 else self.text_depth
        row_depth = self.row_depth
        if not row_depth:
            if name == _ROW:
                self._start_row(attrs)
            return
        level = depth - row_depth
        if level == 1:
            self.cell = attrs
            self.value = None
            self.seen_v = False
            self.inline = None
        elif level == 2:
            if name == _V and not self.seen_v:
                self.seen_v = True
                self.text = []
                self.text_depth = depth
            elif name == _IS and self.inline is None:
                self.inline = []
                self.plain = None
        elif level == 3 and self.inline is not None:
            if name == _T:
                self.text = []
                self.text_depth = depth
            elif name == _R:
                self.in_run = True
                self.run = None
        elif level == 4 and self.in_run and name == _T:
            self.text = []
            self.text_depth = depth

    def data(self, text: str) -> None:
        if self.text is not None and self.text_depth == self.depth:
            self.text.append(text)

    def end(self, name: str) -> None:
        depth = self.depth
        self.depth = depth - 1
        text = self.text
        if text is not None and abs(self.text_depth) == depth:
            self.text = None
            joined = "".join(text) if text else None
            level = depth - self.row_depth
            if level == 2:
                self.value = joined
            elif level == 3:
                self.plain = joined  # the last <t> wins, as in openpyxl
            elif level == 4:
                self.run = joined
            return
        row_depth = self.row_depth
        if not row_depth:
            return
        level = depth - row_depth
        if level == 3 and self.in_run and name == _R:
            self.in_run = False
            if self.run is not None and self.inline is not None:
                self.inline.append(self.run)
        elif level == 2 and name == _IS and self.inline is not None and self.plain is not None:
            self.inline.insert(0, self.plain)
            self.plain = None
        elif level == 1:
            self._end_cell()
        elif level == 0:
            self.ready.append((self.row_number, self.cells))
            self.row_depth = 0

    # rows and cells -------------------------------------------------------------------

    def _start_row(self, attrs: dict[str, str]) -> None:
        self.row_depth = self.depth
        number = attrs.get("r")
        if number is not None:
            try:
                self.row_number = int(number)
            except ValueError:
                as_float = float(number)
                if not as_float.is_integer():
                    raise ValueError(f"{number} is not a valid row number") from None
                self.row_number = int(as_float)
        else:
            self.row_number += 1
        self.col_counter = 0
        self.cells = []

    def _column(self, coordinate: str) -> int:
        letters = coordinate.rstrip(_DIGITS)
        digits = coordinate[len(letters):]
        column = self.columns.get(letters)
        if column is None or not digits or not digits.isdigit() or not int(digits):
            # openpyxl's own parsing: it refuses what it refuses, with its message.
            column = coordinate_to_tuple(coordinate)[1]
            self.columns[letters] = column
        return column

    def _end_cell(self) -> None:
        attrs = self.cell
        kind = attrs.get("t", "n")
        coordinate = attrs.get("r")
        style = attrs.get("s", 0)
        style_id = int(style) if style else 0
        if coordinate:
            column = self.col_counter = self._column(coordinate)
        else:
            column = self.col_counter = self.col_counter + 1
        value: Any = None if kind == "inlineStr" else (self.value or None)
        if value is not None:
            if kind == "n":
                value = _cast_number(value)
                if style_id in self.date_formats:
                    try:
                        value = from_excel(value, self.epoch,
                                           timedelta=style_id in self.timedelta_formats)
                    except (OverflowError, ValueError):
                        value = "#VALUE!"  # openpyxl's reading of a serial out of range
            elif kind == "s":
                value = self.shared[int(value)]
            elif kind == "b":
                value = bool(int(value))
            elif kind == "d":
                value = from_ISO8601(value)
        elif kind == "inlineStr" and self.inline is not None:
            value = "".join(self.inline)
        self.inline = None
        self.cells.append((column, value))


class _SheetOpenedLazily(ReadOnlyWorksheet):  # type: ignore[misc]
    """openpyxl's read-only worksheet, its XML not read until its rows are."""

    def _get_size(self) -> None:
        """Nothing: the declared dimension is not trusted (`reset_dimensions`) anyway."""


class _WorkbookReader(ExcelReader):  # type: ignore[misc]
    """openpyxl's reading of a workbook in read-only mode, sheets opened lazily."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                self.read_chartsheet(sheet, rel)
                continue
            worksheet = _SheetOpenedLazily(self.wb, sheet.name, rel.target, self.shared_strings)
            worksheet.sheet_state = sheet.state
            self.wb._sheets.append(worksheet)


def open_workbook(path: Any, *, data_only: bool) -> Any:
    """What `load_workbook(path, read_only=True, data_only=data_only, keep_links=False)`
    gives, without parsing every sheet to find its declared dimension."""
    reader = _WorkbookReader(path, read_only=True, keep_vba=False, data_only=data_only,
                             keep_links=False)
    reader.read()
    return reader.wb


def _guarded_parser(handler: _SheetHandler) -> Any:
    """An expat parser with defusedxml's refusals: no DTD, no entity, no external reference."""
    guard = DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser = expat.ParserCreate(namespace_separator=_SEP)
    parser.StartDoctypeDeclHandler = guard.defused_start_doctype_decl
    parser.EntityDeclHandler = guard.defused_entity_decl
    parser.UnparsedEntityDeclHandler = guard.defused_unparsed_entity_decl
    parser.ExternalEntityRefHandler = guard.defused_external_entity_ref_handler
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.buffer_size = _CHUNK
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.data
    return parser


def iter_sheet_values(worksheet: Any, max_col: int) -> Iterator[tuple[Any, ...]]:
    """The rows of an openpyxl read-only worksheet, as `iter_rows(min_row=1,
    max_col=max_col, values_only=True)` after `reset_dimensions()` gives them."""
    workbook = worksheet.parent
    handler = _SheetHandler(worksheet._shared_strings, workbook.epoch,
                            workbook._date_formats, workbook._timedelta_formats)
    parser = _guarded_parser(handler)
    empty_row = (None,) * max_col
    counter = 1
    with workbook._archive.open(worksheet._worksheet_path) as source:
        while True:
            chunk = source.read(_CHUNK)
            try:
                parser.Parse(chunk, not chunk)
            except expat.ExpatError as exc:
                # Worded as ElementTree words it, as openpyxl's reading did.
                problem = ParseError(str(exc))
                problem.code = exc.code
                problem.position = (exc.lineno, exc.offset)
                raise problem from None
            ready = handler.ready
            if ready:
                handler.ready = []
                for number, cells in ready:
                    while counter < number:
                        counter += 1
                        yield empty_row
                    if counter <= number:
                        values: list[Any] = [None] * max_col
                        for column, value in cells:
                            if column <= max_col:
                                values[column - 1] = value
                        counter += 1
                        yield tuple(values)
            if not chunk:
                break
