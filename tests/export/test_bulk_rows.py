"""List rows written straight as XML give the very file openpyxl writes from cells."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.workbook import Workbook

from app.export.excel.bulk_rows import BodyRows, BulkExcelWriter
from app.export.excel.form_cells import BODY_FONT, BORDER, CENTRED, HEADING_FONT, LEFT
from app.export.excel.workbook import set_text, workbook_bytes

WHEN = dt.datetime(2024, 3, 1)
ROWS: list[tuple[float, list[tuple[str, str]]]] = [
    (20.25, [("1", "centred"), ("ZL201710601862.3", "centred"), ("一种装置", "left")]),
    (34.5, [("2", "centred"), ("", "centred"), ("  leading and trailing ", "left")]),
    (48.75, [("=1+1", "centred"), ("a < b & c > d \"q\" 'a'", "left"), ("x\u0007y", "left")]),
    (63.0, [("two\nlines", "centred"), ("  ", "centred"), ("", "left")]),
]


def _style(alignment: Alignment) -> Callable[[Cell], None]:
    def style(cell: Cell) -> None:
        set_text(cell, "")
        cell.font = BODY_FONT
        cell.alignment = alignment
        cell.border = BORDER
    return style


STYLERS = {"centred": _style(CENTRED), "left": _style(LEFT)}


def _book(rows: Sequence[tuple[float, list[tuple[str, str]]]], *, first: int, bulk: bool,
          after: bool) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    heading = sheet.cell(1, 1)
    set_text(heading, "标题")
    heading.font = HEADING_FONT
    sheet.row_dimensions[1].height = 36
    body = BodyRows(sheet, first, STYLERS)
    for offset, (height, cells) in enumerate(rows):
        if bulk:
            body.add(height, cells)
            continue
        for column, (text, kind) in enumerate(cells, start=1):
            cell = sheet.cell(first + offset, column)
            STYLERS[kind](cell)
            set_text(cell, text)
        sheet.row_dimensions[first + offset].height = height
    if after:
        total = sheet.cell(first + len(rows), 1)
        total.value = len(rows)
        total.font = HEADING_FONT
    return workbook_bytes(workbook, WHEN,
                          writer=lambda wb, archive: BulkExcelWriter(wb, archive, [body]))


@pytest.mark.parametrize("after", [False, True])
def test_bulk_rows_give_the_bytes_openpyxl_writes_from_cells(after: bool) -> None:
    assert (_book(ROWS, first=3, bulk=True, after=after)
            == _book(ROWS, first=3, bulk=False, after=after))


def test_the_rows_read_back_as_text_with_their_heights() -> None:
    book = load_workbook(io.BytesIO(_book(ROWS, first=3, bulk=True, after=True)))
    sheet = book.active
    assert sheet.dimensions == "A1:C7"
    assert sheet["A5"].value == "=1+1" and sheet["A5"].data_type == "s"
    assert sheet["B5"].value == "a < b & c > d \"q\" 'a'"
    assert sheet["C5"].value == "xy"  # the control character cannot be stored
    assert sheet["C4"].value == "  leading and trailing "
    assert sheet["B4"].value is None
    assert sheet.row_dimensions[6].height == 63
    assert sheet["C3"].alignment.horizontal == "left" and sheet["A3"].number_format == "@"
    assert sheet["A7"].value == 4


def test_a_cell_row_inside_the_list_is_refused() -> None:
    workbook = Workbook()
    sheet = workbook.active
    body = BodyRows(sheet, 1, STYLERS)
    body.add(20.25, [("1", "centred")])
    body.add(20.25, [("2", "centred")])
    sheet.cell(2, 1).value = "clash"
    with pytest.raises(ValueError, match="row 2"):
        workbook_bytes(workbook, WHEN,
                       writer=lambda wb, archive: BulkExcelWriter(wb, archive, [body]))
