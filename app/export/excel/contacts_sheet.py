"""专利开放许可试点工作联系人信息表 as Excel, in the notice's own title and columns.

A4 landscape (as the PDF), one page wide, the heading row repeated, "第 x 页 共 y 页" in the
footer; every cell is text (phone numbers keep their leading zero, nothing becomes a
formula); columns as wide as their content needs, rows as high as their wrapped text.
"""

from __future__ import annotations

import datetime as dt
import os

from openpyxl.workbook import Workbook

from app.export.excel.form_cells import (
    BODY_FONT,
    CENTRED,
    HEADING_FONT,
    TITLE_FONT,
    line_across,
    page_setup,
    row_height,
    set_widths,
    text_cell,
)
from app.export.excel.workbook import (
    WrittenFile,
    display_width,
    lines_needed,
    set_fixed_dates,
    workbook_bytes,
    write_atomically,
)
from app.models.contacts_sheet import ContactsSheet

MIN_WIDTHS = (20.0, 9.0, 10.0, 14.0, 14.0, 20.0)
MAX_WIDTHS = (30.0, 12.0, 18.0, 16.0, 14.0, 30.0)


def column_widths(sheet: ContactsSheet) -> list[float]:
    widths = []
    for i, (low, high) in enumerate(zip(MIN_WIDTHS, MAX_WIDTHS, strict=True)):
        texts = [sheet.layout.headings[i], *(row[i] for row in sheet.rows)]
        widths.append(min(high, max(low, *(display_width(t) + 2.0 for t in texts))))
    return widths


def contacts_workbook(sheet: ContactsSheet, when: dt.datetime) -> Workbook:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "联系人信息表"
    columns = len(sheet.layout.headings)
    widths = column_widths(sheet)
    set_widths(ws, widths)
    line_across(ws, 1, columns, sheet.layout.title, font=TITLE_FONT, alignment=CENTRED, height=36)
    for col, heading in enumerate(sheet.layout.headings, start=1):
        text_cell(ws, 2, col, heading, font=HEADING_FONT)
    ws.row_dimensions[2].height = row_height(1)
    for r, row in enumerate(sheet.rows, start=3):
        for col, text in enumerate(row, start=1):
            text_cell(ws, r, col, text, font=BODY_FONT)
        ws.row_dimensions[r].height = row_height(max(lines_needed(t, widths[c])
                                                  for c, t in enumerate(row)))
    last = max(2 + len(sheet.rows), 2)
    page_setup(ws, landscape=True, title_rows="2:2", last_row=last, last_col=columns)
    set_fixed_dates(workbook, when, sheet.layout.title)
    return workbook


def contacts_sheet_bytes(sheet: ContactsSheet, when: dt.datetime) -> bytes:
    return workbook_bytes(contacts_workbook(sheet, when), when)


def write_contacts_sheet_xlsx(sheet: ContactsSheet, path: str | os.PathLike[str],
                              when: dt.datetime) -> WrittenFile:
    """Write the workbook atomically; ExcelExportError ("export.write_failed") on failure."""
    return write_atomically(path, contacts_sheet_bytes(sheet, when))
