"""Cells of the forms' Excel tables, styled as the notices print them: 宋体, thin borders,
centred or left text, merged headings, and an A4 page one page wide with 第 x 页 共 y 页 in the
footer. The summary book's, Xinyang's, the ops centre's, the contacts sheet's and the
inventory's tables are built from these."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from app.export.excel.workbook import LINE_HEIGHT_POINTS, set_text

FONT_NAME = "宋体"
FOOTER = "第 &P 页 共 &N 页"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BODY_FONT = Font(name=FONT_NAME, size=11)
HEADING_FONT = Font(name=FONT_NAME, size=11, bold=True)
TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True)
SECTION_FONT = Font(name=FONT_NAME, size=14, bold=True)
NOTE_FONT = Font(name=FONT_NAME, size=10)
CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
LEFT_TOP = Alignment(horizontal="left", vertical="top", wrap_text=True)


# Cells -------------------------------------------------------------------------------------------


def row_height(lines: int) -> float:
    return round(lines * LINE_HEIGHT_POINTS + 6, 2)


def text_cell(sheet: Worksheet, row: int, column: int, text: str, *, font: Font = BODY_FONT,
              alignment: Alignment = CENTRED, border: bool = True) -> None:
    cell = sheet.cell(row, column)
    set_text(cell, text)
    cell.font = font
    cell.alignment = alignment
    if border:
        cell.border = BORDER


def number_cell(sheet: Worksheet, row: int, column: int, value: int | Decimal | None) -> None:
    cell = sheet.cell(row, column)
    if value is None:
        set_text(cell, "")
    else:
        # Decimal is written as its exact text ("18.5957"), General format shows it as typed.
        cell.value = value
    cell.font = BODY_FONT
    cell.alignment = CENTRED
    cell.border = BORDER


def merged_range(sheet: Worksheet, first_row: int, first_col: int, last_row: int,
                 last_col: int) -> None:
    """Merge and border the whole range (openpyxl borders only the cells that are written)."""
    for r in range(first_row, last_row + 1):
        for c in range(first_col, last_col + 1):
            sheet.cell(r, c).border = BORDER
    if (first_row, first_col) != (last_row, last_col):
        sheet.merge_cells(start_row=first_row, start_column=first_col, end_row=last_row,
                          end_column=last_col)


def line_across(sheet: Worksheet, row: int, last_col: int, text: str, *,
                font: Font = BODY_FONT, alignment: Alignment = LEFT, height: float = 24) -> None:
    """A line of text across the table's width, without borders (titles, 填报单位, notes)."""
    text_cell(sheet, row, 1, text, font=font, alignment=alignment, border=False)
    if last_col > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    sheet.row_dimensions[row].height = height


def set_widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def page_setup(sheet: Worksheet, *, landscape: bool, title_rows: str, last_row: int,
               last_col: int) -> None:
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.print_title_rows = title_rows
    sheet.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    sheet.print_options.horizontalCentered = True
    # 25 mm on the bound side (left in portrait, top in landscape), 20 mm elsewhere.
    sheet.page_margins.left = 0.79 if landscape else 0.98
    sheet.page_margins.top = 0.98 if landscape else 0.79
    sheet.page_margins.right = 0.79
    sheet.page_margins.bottom = 0.79
    sheet.page_margins.header = 0.3
    sheet.page_margins.footer = 0.35
    sheet.oddFooter.center.text = FOOTER
    sheet.oddFooter.center.font = FONT_NAME
    sheet.oddFooter.center.size = 10
