"""The Anhui inventory tables (seed 004) as Excel: 《高校和科研机构转化专利统计表》 and
《高校和科研机构存量可转化专利分类统计表》.

Layout and counts come from app.models.inventory_tables; this module only places them. Both
print on A4 landscape, one page wide, headings repeated, "第 x 页 共 y 页" in the footer; counts
are numbers, everything else text (patent numbers never become numbers or formulas).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from functools import lru_cache

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.export.excel.bulk_rows import BodyRows, BulkExcelWriter
from app.export.excel.form_cells import (
    BODY_FONT,
    BORDER,
    CENTRED,
    HEADING_FONT,
    LEFT,
    NOTE_FONT,
    SECTION_FONT,
    TITLE_FONT,
    line_across,
    merged_range,
    number_cell,
    page_setup,
    row_height,
    set_widths,
    text_cell,
)
from app.export.excel.workbook import (
    WrittenFile,
    lines_needed,
    set_fixed_dates,
    set_text,
    workbook_bytes,
    write_atomically,
)
from app.models.inventory_tables import (
    CLASSIFICATION_NOTE,
    COUNT_GROUPS,
    DATE_LABEL,
    DETAIL_COLUMNS,
    DETAIL_TITLE,
    SECTION_ECONOMY,
    SECTION_STRATEGIC,
    SITUATION_COLUMNS,
    TOTAL_LABEL,
    TRANSFER_LEAD_COLUMNS,
    TRANSFER_NOTE,
    TRANSFER_TAIL_COLUMNS,
    UNIT_LABEL,
    ClassificationTable,
    CountRow,
    TransferTable,
    chinese_date,
)

TRANSFER_SHEET = "转化专利统计表"
CLASSIFICATION_SHEET = "可转化专利分类统计表"
DETAIL_SHEET = "可转化专利明细"

# 序号 专利号 名称 类型 专利权人 授权公告日 | 7 situations | 备注
TRANSFER_WIDTHS = (6.0, 19.0, 30.0, 9.0, 26.0, 11.5, 7.0, 7.0, 7.0, 7.0, 9.0, 9.0, 9.0, 20.0)
# 技术领域, then one narrow column per count.
FIELD_WIDTH = 30.0
COUNT_WIDTH = 7.5
DETAIL_WIDTHS = (6.0, 19.0, 28.0, 9.0, 24.0, 18.0, 18.0, 11.0, 8.0, 8.0, 14.0, 9.0, 11.0)
LEFT_DETAIL = {2, 4, 5, 6}  # 0-based: 名称, 专利权人, 类别 columns read better left aligned


def _body_rows(sheet: Worksheet, first_row: int) -> BodyRows:
    """The list rows: bordered 宋体 text, centred or left aligned, written as text."""
    def styler(alignment: Alignment) -> Callable[[Cell], None]:
        def style(cell: Cell) -> None:
            set_text(cell, "")
            cell.font = BODY_FONT
            cell.alignment = alignment
            cell.border = BORDER
        return style
    return BodyRows(sheet, first_row, {"centred": styler(CENTRED), "left": styler(LEFT)})


@lru_cache(maxsize=4096)
def _lines(text: str, width: float) -> int:
    # Patentees and categories repeat on thousands of rows.
    return lines_needed(text, width)


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def _header_lines(sheet: Worksheet, title: str, unit: str, day: dt.date, columns: int) -> None:
    line_across(sheet, 1, columns, title, font=TITLE_FONT, alignment=CENTRED, height=36)
    half = max(columns // 2, 1)
    text_cell(sheet, 2, 1, UNIT_LABEL + unit, alignment=LEFT, border=False)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=half)
    text_cell(sheet, 2, half + 1, DATE_LABEL + chinese_date(day), alignment=LEFT, border=False)
    if columns > half + 1:
        sheet.merge_cells(start_row=2, start_column=half + 1, end_row=2, end_column=columns)
    sheet.row_dimensions[2].height = 30


def add_transfer_sheet(workbook: Workbook, table: TransferTable) -> BodyRows:
    sheet = workbook.create_sheet(TRANSFER_SHEET)
    columns = len(TRANSFER_LEAD_COLUMNS) + len(SITUATION_COLUMNS) + len(TRANSFER_TAIL_COLUMNS)
    set_widths(sheet, TRANSFER_WIDTHS)
    _header_lines(sheet, table.title, table.unit_name, table.dated, columns)
    group_row, sub_row = 3, 4
    lead = len(TRANSFER_LEAD_COLUMNS)
    for i, heading in enumerate(TRANSFER_LEAD_COLUMNS, start=1):
        text_cell(sheet, group_row, i, heading, font=HEADING_FONT)
        merged_range(sheet, group_row, i, sub_row, i)
    column = lead + 1
    index = 0
    while index < len(SITUATION_COLUMNS):
        _key, heading, group = SITUATION_COLUMNS[index]
        if group:
            span = sum(1 for _, _, g in SITUATION_COLUMNS if g == group)
            text_cell(sheet, group_row, column, group, font=HEADING_FONT)
            merged_range(sheet, group_row, column, group_row, column + span - 1)
            for offset in range(span):
                text_cell(sheet, sub_row, column + offset, SITUATION_COLUMNS[index + offset][1],
                      font=HEADING_FONT)
            column += span
            index += span
        else:
            text_cell(sheet, group_row, column, heading, font=HEADING_FONT)
            merged_range(sheet, group_row, column, sub_row, column)
            column += 1
            index += 1
    text_cell(sheet, group_row, columns, TRANSFER_TAIL_COLUMNS[0], font=HEADING_FONT)
    merged_range(sheet, group_row, columns, sub_row, columns)
    sheet.row_dimensions[group_row].height = row_height(2)
    sheet.row_dimensions[sub_row].height = row_height(2)
    body = _body_rows(sheet, sub_row + 1)
    left = {3, 5, columns}
    kinds = ["left" if c in left else "centred" for c in range(1, columns + 1)]
    for row in table.rows:
        cells = row.cells()
        lines = max(_lines(cells[c - 1], TRANSFER_WIDTHS[c - 1]) for c in left)
        body.add(row_height(lines), list(zip(cells, kinds, strict=True)))
    row_number = sub_row + len(table.rows) + 1
    text_cell(sheet, row_number, 1, TOTAL_LABEL, font=HEADING_FONT)
    merged_range(sheet, row_number, 1, row_number, lead)
    for i, total in enumerate(table.totals):
        number_cell(sheet, row_number, lead + 1 + i, total)
    text_cell(sheet, row_number, columns, f"有效专利 {table.patents_in_force} 件")
    sheet.row_dimensions[row_number].height = row_height(1)
    note_row = row_number + 1
    line_across(sheet, note_row, columns, TRANSFER_NOTE, font=NOTE_FONT,
          height=row_height(lines_needed(TRANSFER_NOTE, sum(TRANSFER_WIDTHS))))
    page_setup(sheet, landscape=True, title_rows=f"{group_row}:{sub_row}", last_row=note_row,
                last_col=columns)
    return body


def _count_headings(sheet: Worksheet, group_row: int, first_heading: str) -> int:
    """The two heading rows of a count table; returns its number of columns."""
    text_cell(sheet, group_row, 1, first_heading, font=HEADING_FONT)
    merged_range(sheet, group_row, 1, group_row + 1, 1)
    column = 2
    for group, columns in COUNT_GROUPS:
        text_cell(sheet, group_row, column, group, font=HEADING_FONT)
        merged_range(sheet, group_row, column, group_row, column + len(columns) - 1)
        for offset, (_key, heading) in enumerate(columns):
            text_cell(sheet, group_row + 1, column + offset, heading, font=HEADING_FONT)
        column += len(columns)
    sheet.row_dimensions[group_row].height = row_height(2)
    longest = max(lines_needed(h, COUNT_WIDTH) for _, cols in COUNT_GROUPS for _, h in cols)
    sheet.row_dimensions[group_row + 1].height = row_height(longest)
    return column - 1


def _count_rows(sheet: Worksheet, first_row: int, rows: Sequence[CountRow]) -> int:
    row_number = first_row
    for row in rows:
        total = row.heading == TOTAL_LABEL
        text_cell(sheet, row_number, 1, row.heading, font=HEADING_FONT if total else BODY_FONT,
              alignment=CENTRED if total else LEFT)
        for offset, count in enumerate(row.counts):
            number_cell(sheet, row_number, 2 + offset, count)
        sheet.row_dimensions[row_number].height = row_height(lines_needed(row.heading,
                                                                       FIELD_WIDTH))
        row_number += 1
    return row_number


def add_classification_sheet(workbook: Workbook, table: ClassificationTable) -> Worksheet:
    sheet = workbook.create_sheet(CLASSIFICATION_SHEET)
    columns = 1 + sum(len(cols) for _, cols in COUNT_GROUPS)
    set_widths(sheet, (FIELD_WIDTH, *([COUNT_WIDTH] * (columns - 1))))
    _header_lines(sheet, table.title, table.unit_name, table.dated, columns)
    line_across(sheet, 3, columns, SECTION_STRATEGIC, font=SECTION_FONT, height=26)
    _count_headings(sheet, 4, "技术领域")
    row_number = _count_rows(sheet, 6, table.by_strategic)
    line_across(sheet, row_number, columns, SECTION_ECONOMY, font=SECTION_FONT, height=26)
    _count_headings(sheet, row_number + 1, "技术领域")
    row_number = _count_rows(sheet, row_number + 3, table.by_economy)
    line_across(sheet, row_number, columns, CLASSIFICATION_NOTE, font=NOTE_FONT,
          height=row_height(lines_needed(CLASSIFICATION_NOTE,
                                      FIELD_WIDTH + COUNT_WIDTH * (columns - 1))))
    page_setup(sheet, landscape=True, title_rows="4:5", last_row=row_number, last_col=columns)
    return sheet


def add_detail_sheet(workbook: Workbook, table: ClassificationTable) -> BodyRows:
    sheet = workbook.create_sheet(DETAIL_SHEET)
    columns = len(DETAIL_COLUMNS)
    set_widths(sheet, DETAIL_WIDTHS)
    line_across(sheet, 1, columns, f"{table.title}（{DETAIL_TITLE}）", font=TITLE_FONT,
          alignment=CENTRED, height=36)
    for c, heading in enumerate(DETAIL_COLUMNS, start=1):
        text_cell(sheet, 2, c, heading, font=HEADING_FONT)
    sheet.row_dimensions[2].height = row_height(max(lines_needed(h, DETAIL_WIDTHS[i])
                                                 for i, h in enumerate(DETAIL_COLUMNS)))
    body = _body_rows(sheet, 3)
    kinds = ["left" if c in LEFT_DETAIL else "centred" for c in range(columns)]
    for detail in table.details:
        lines = max(_lines(detail.cells[c], DETAIL_WIDTHS[c]) for c in LEFT_DETAIL)
        body.add(row_height(lines), list(zip(detail.cells, kinds, strict=True)))
    page_setup(sheet, landscape=True, title_rows="2:2", last_row=2 + len(table.details),
                last_col=columns)
    return body


def _bytes(workbook: Workbook, bodies: Sequence[BodyRows], day: dt.date) -> bytes:
    return workbook_bytes(workbook, _stamp(day),
                          writer=lambda wb, archive: BulkExcelWriter(wb, archive, bodies))


def transfer_table_bytes(table: TransferTable) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    body = add_transfer_sheet(workbook, table)
    set_fixed_dates(workbook, _stamp(table.dated), table.title)
    return _bytes(workbook, [body], table.dated)


def classification_table_bytes(table: ClassificationTable) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    add_classification_sheet(workbook, table)
    body = add_detail_sheet(workbook, table)
    set_fixed_dates(workbook, _stamp(table.dated), table.title)
    return _bytes(workbook, [body], table.dated)


def write_transfer_table(table: TransferTable, path: str | os.PathLike[str]) -> WrittenFile:
    return write_atomically(path, transfer_table_bytes(table))


def write_classification_table(table: ClassificationTable, path: str | os.PathLike[str]
                               ) -> WrittenFile:
    return write_atomically(path, classification_table_bytes(table))
