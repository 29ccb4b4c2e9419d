"""Long lists of text rows written straight into a sheet's XML.

openpyxl keeps one Python object per cell, a style object per cell, and serialises each cell
through an element tree: a list of thousands of patents (tens of thousands of cells) takes
seconds. A sheet's list rows are instead kept here as text, one style per kind of cell, and the
sheet's writer emits them as the very XML openpyxl would have written for the same cells (inline
strings, the same style indices, the same row heights), in their place among the sheet's other
rows. Everything else of the sheet (headings, merges, totals, page setup) stays openpyxl's.

The writer relies on openpyxl writing with the standard library's XML serialiser, which the
application pins (app/__init__.py) before openpyxl is imported.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from openpyxl.cell.cell import Cell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from app.export.excel.workbook import clean_text

# Styles one template cell: called once per kind of cell, with a cell outside the sheet.
Styler = Callable[[Cell], None]


@dataclass
class BodyRows:
    """The list rows of one sheet: consecutive rows from `first_row`, each its height in points
    and its cells as (text, kind); a kind is styled once by its Styler."""

    sheet: Worksheet
    first_row: int
    stylers: dict[str, Styler]
    rows: list[tuple[float, Sequence[tuple[str, str]]]] = field(default_factory=list)
    _styles: dict[str, Any] = field(default_factory=dict)
    _ids: dict[str, str] = field(default_factory=dict)

    def add(self, height: float, cells: Sequence[tuple[str, str]]) -> int:
        """Append a row; returns its row number."""
        for _text, kind in cells:
            if kind not in self._styles:
                # Styled when first used, as openpyxl registers fonts, borders and alignments
                # in the order cells are styled: the workbook's style table stays the same.
                template = Cell(self.sheet)
                self.stylers[kind](template)
                self._styles[kind] = template._style
        self.rows.append((height, cells))
        return self.last_row

    @property
    def last_row(self) -> int:
        return self.first_row + len(self.rows) - 1

    @property
    def columns(self) -> int:
        return max((len(cells) for _, cells in self.rows), default=0)

    def _style_id(self, kind: str) -> str:
        style_id = self._ids.get(kind)
        if style_id is None:
            style_id = str(self.sheet.parent._cell_styles.add(self._styles[kind]))
            self._ids[kind] = style_id
        return style_id

    def xml(self) -> Iterator[str]:
        """The rows' XML, one row at a time, as openpyxl writes a styled text cell."""
        letters = [get_column_letter(c) for c in range(1, self.columns + 1)]
        for offset, (height, cells) in enumerate(self.rows):
            row = str(self.first_row + offset)
            parts = [f'<row r="{row}" ht="{height:.16g}" customHeight="1">']
            for letter, (text, kind) in zip(letters, cells, strict=False):
                head = f'<c r="{letter}{row}" s="{self._style_id(kind)}" t="inlineStr"'
                value = clean_text(text)
                if not value:
                    parts.append(head + " />")
                    continue
                stripped = value.strip()
                space = ' xml:space="preserve"' if stripped and stripped != value else ""
                parts.append(f"{head}><is><t{space}>{escape(value)}</t></is></c>")
            parts.append("</row>")
            yield "".join(parts)


class _SheetWriter(WorksheetWriter):  # type: ignore[misc]
    def __init__(self, sheet: Worksheet, body: BodyRows) -> None:
        self.body = body
        super().__init__(sheet)

    def write_dimensions(self) -> None:
        # The used range covers the list rows, which are not among openpyxl's cells.
        cells = self.ws._cells
        last_row = max(max((r for r, _ in cells), default=1), self.body.last_row)
        last_col = max(max((c for _, c in cells), default=1), self.body.columns)
        first_row = min(min((r for r, _ in cells), default=self.body.first_row),
                        self.body.first_row)
        first_col = min((c for _, c in cells), default=1)
        ref = f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"
        self.xf.send(SheetDimension(ref).to_tree())

    def write_rows(self) -> None:
        xf = self.xf.send(True)
        raw = xf._file  # the serialiser's own output function: the rows are already XML
        with xf.element("sheetData"):
            pending = True
            for row_number, cells in self.rows():
                if pending and row_number > self.body.first_row:
                    for line in self.body.xml():
                        raw(line)
                    pending = False
                if self.body.first_row <= row_number <= self.body.last_row:
                    raise ValueError(f"row {row_number} is both a list row and a cell row")
                self.write_row(xf, cells, row_number)
            if pending:
                for line in self.body.xml():
                    raw(line)
        self.xf.send(None)


class BulkExcelWriter(ExcelWriter):  # type: ignore[misc]
    """openpyxl's package writer, with the list rows of the sheets in `bodies` written here."""

    def __init__(self, workbook: Workbook, archive: zipfile.ZipFile,
                 bodies: Sequence[BodyRows]) -> None:
        super().__init__(workbook, archive)
        self.bodies = {id(body.sheet): body for body in bodies}

    def write_worksheet(self, ws: Worksheet) -> None:
        body = self.bodies.get(id(ws))
        if body is None or not body.rows:
            super().write_worksheet(ws)
            return
        # As ExcelWriter.write_worksheet does before writing a sheet.
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = _SheetWriter(ws, body)
        writer.write()
        ws._rels = writer._rels
        self._archive.write(writer.out, ws.path[1:])
        self.manifest.append(ws)
        writer.cleanup()
