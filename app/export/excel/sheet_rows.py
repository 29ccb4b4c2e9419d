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


class _SheetHandler:
    """expat's callbacks; completed rows are appended to `ready` as (number, values), the
    values a tuple of `max_col` cells.

    The callbacks are closures over local state rather than methods: they run a few million
    times for a 50,000-row sheet, and every attribute looked up or set on each of them showed.
    """

    def __init__(self, shared_strings: Any, epoch: Any, date_formats: Any,
                 timedelta_formats: Any, max_col: int) -> None:
        self.ready: list[tuple[int, tuple[Any, ...]]] = []
        ready = self.ready
        columns: dict[str, int] = {}
        # A cell's style attribute → 0 plain, 1 a date, 2 a duration (openpyxl's date styles).
        styles: dict[str, int] = {}
        empty = [None] * max_col
        depth = 0
        row_depth = 0  # 0: not inside a row
        row_number = 0
        col_counter = 0
        values: list[Any] = []
        cell: dict[str, str] = {}
        value: str | None = None
        seen_v = False
        inline: list[str] | None = None  # the inline string's parts, once <is> is seen
        plain: str | None = None
        run: str | None = None
        in_run = False
        text: str | None = None  # characters gathered for the element being read
        text_depth = 0

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal depth, row_depth, row_number, col_counter, values, cell, value, seen_v
            nonlocal inline, plain, run, in_run, text, text_depth
            depth += 1
            if text is not None and text_depth > 0:
                # ElementTree's text is what comes before the first child.
                text_depth = -text_depth
            if not row_depth:
                if name == _ROW:
                    row_depth = depth
                    number = attrs.get("r")
                    if number is not None:
                        try:
                            row_number = int(number)
                        except ValueError:
                            as_float = float(number)
                            if not as_float.is_integer():
                                raise ValueError(
                                    f"{number} is not a valid row number") from None
                            row_number = int(as_float)
                    else:
                        row_number += 1
                    col_counter = 0
                    values = empty.copy()
                return
            level = depth - row_depth
            if level == 1:
                cell = attrs
                value = None
                seen_v = False
                inline = None
            elif level == 2:
                if name == _V and not seen_v:
                    seen_v = True
                    text = ""
                    text_depth = depth
                elif name == _IS and inline is None:
                    inline = []
                    plain = None
            elif level == 3 and inline is not None:
                if name == _T:
                    text = ""
                    text_depth = depth
                elif name == _R:
                    in_run = True
                    run = None
            elif level == 4 and in_run and name == _T:
                text = ""
                text_depth = depth

        def data(characters: str) -> None:
            nonlocal text
            if text is not None and text_depth == depth:
                text += characters

        def end(name: str) -> None:
            nonlocal depth, row_depth, col_counter, value, inline, plain, run, in_run, text
            ended = depth
            depth = ended - 1
            if text is not None and (text_depth == ended or text_depth == -ended):
                joined = text or None
                text = None
                level = ended - row_depth
                if level == 2:
                    value = joined
                elif level == 3:
                    plain = joined  # the last <t> wins, as in openpyxl
                elif level == 4:
                    run = joined
                return
            if not row_depth:
                return
            level = ended - row_depth
            if level == 1:
                attrs = cell
                kind = attrs.get("t", "n")
                coordinate = attrs.get("r")
                style = attrs.get("s")
                if coordinate:
                    letters = coordinate.rstrip(_DIGITS)
                    column = columns.get(letters)
                    if column is None or len(letters) == len(coordinate) or \
                            coordinate[len(letters)] == "0":
                        # openpyxl's own parsing: it refuses what it refuses, with its message.
                        column = coordinate_to_tuple(coordinate)[1]
                        columns[letters] = column
                    col_counter = column
                else:
                    col_counter = column = col_counter + 1
                date_style = 0
                if style:
                    date_style = styles.get(style, -1)
                    if date_style < 0:
                        style_id = int(style)
                        date_style = styles[style] = (
                            0 if style_id not in date_formats
                            else 2 if style_id in timedelta_formats else 1)
                found: Any = None
                if kind == "inlineStr":
                    if inline is not None:
                        found = "".join(inline)
                elif value:
                    if kind == "n":
                        # As openpyxl: a decimal point or an exponent makes a float.
                        found = float(value) if "." in value or "E" in value or "e" in value \
                            else int(value)
                        if date_style:
                            try:
                                found = from_excel(found, epoch, timedelta=date_style == 2)
                            except (OverflowError, ValueError):
                                found = "#VALUE!"  # openpyxl's reading of a serial out of range
                    elif kind == "s":
                        found = shared_strings[int(value)]
                    elif kind == "b":
                        found = bool(int(value))
                    elif kind == "d":
                        found = from_ISO8601(value)
                    else:
                        found = value
                inline = None
                if column <= max_col:
                    values[column - 1] = found
            elif level == 0:
                ready.append((row_number, tuple(values)))
                row_depth = 0
            elif level == 2:
                if name == _IS and inline is not None and plain is not None:
                    inline.insert(0, plain)
                    plain = None
            elif level == 3 and in_run and name == _R:
                in_run = False
                if run is not None and inline is not None:
                    inline.append(run)

        self.start = start
        self.data = data
        self.end = end


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
                            workbook._date_formats, workbook._timedelta_formats, max_col)
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
                for number, values in ready:
                    while counter < number:
                        counter += 1
                        yield empty_row
                    if counter <= number:
                        counter += 1
                        yield values
                ready.clear()
            if not chunk:
                break
