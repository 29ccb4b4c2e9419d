"""The operations-centre summary table's tables (notice 000, 附件 3) as an Excel workbook.

One sheet per table, in the form's order: 2.2 制度文件, 三 资金投入, 四 专利产出, 专利导航,
运营成效 (转让 · 许可 · 作价入股 · 孵化企业, one under the other), 服务中小企业. Headings are the
notice's wording (app.models.ops_centre); figures are the computed ones the PDF prints, counts and
万元 amounts as numbers (amounts exact), 小计 as on the form ("/" under the stock column).
Every sheet prints on A4, one page wide, headings repeated, "第 x 页 共 y 页" in the footer,
with the layout helpers of the summary book's tables.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from decimal import Decimal

from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.export.excel.form_cells import (
    HEADING_FONT,
    LEFT,
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
    workbook_bytes,
    write_atomically,
)
from app.models.ops_centre import (
    DOCUMENT_HEADINGS,
    DOCUMENTS_LABEL,
    FUNDING_COLUMNS,
    FUNDING_GROUP,
    FUNDING_UNIT,
    FUNDING_YEAR,
    NAVIGATION_COLUMNS,
    NAVIGATION_HEADING,
    NO_SUBTOTAL,
    OPERATION_GROUP,
    PARTNERS_LABEL,
    REPORT_TITLE,
    SECTION_OUTPUT,
    SECTION_PROGRESS,
    SECTION_SUPPORT,
    SME_ACTIVITY_NAME,
    SME_FIGURES,
    SME_GROUP,
    SME_ITEM,
    SME_MATCHMAKING,
    SME_OTHER_FIGURES,
    SME_OTHER_GROUP,
    SUBTOTAL,
    OpsCentreData,
    PrintedTable,
    parse_amount,
    parse_count,
    year_label,
)

DOCUMENTS_SHEET = "二 制度文件"
FUNDING_SHEET = "三 资金投入"
PATENTS_SHEET = "四 专利产出"
NAVIGATION_SHEET = "四 专利导航"
OPERATIONS_SHEET = "四 运营成效"
SME_SHEET = "四 服务中小企业"


def _cell_value(text: str, kind: str) -> int | Decimal | str:
    """A printed figure as a number where it is one ("/" and blanks stay text)."""
    if kind == "count":
        count = parse_count(text)
        return text if count is None else count
    amount = parse_amount(text)
    return text if amount is None else amount


def _put(sheet: Worksheet, row: int, column: int, text: str, kind: str) -> None:
    value = _cell_value(text, kind)
    if isinstance(value, str):
        text_cell(sheet, row, column, value)
    else:
        number_cell(sheet, row, column, value)


def _heading_row(sheet: Worksheet, row: int, texts: Sequence[str], widths: Sequence[float],
                 first_col: int = 1) -> None:
    for i, text in enumerate(texts):
        text_cell(sheet, row, first_col + i, text, font=HEADING_FONT)
    lines = max(lines_needed(t, widths[first_col - 1 + i]) for i, t in enumerate(texts))
    sheet.row_dimensions[row].height = row_height(lines)


def _title(sheet: Worksheet, data: OpsCentreData, section: str, last_col: int) -> int:
    line_across(sheet, 1, last_col, REPORT_TITLE, font=TITLE_FONT, height=30)
    line_across(sheet, 2, last_col, f"{data.unit.name}\u3000{section}", font=SECTION_FONT)
    return 3


def _year_table(sheet: Worksheet, row: int, table: PrintedTable, widths: Sequence[float],
                heading: str | None = None) -> int:
    """A by-year table from `row`: its heading line, column headings, years, 小计."""
    last_col = len(table.spec.columns) + 1
    if heading:
        line_across(sheet, row, last_col, heading, font=HEADING_FONT)
        row += 1
    _heading_row(sheet, row, [table.spec.year_label,
                              *(h for _, h, _ in table.spec.columns)], widths)
    row += 1
    for year, values in zip(table.years, table.rows, strict=True):
        text_cell(sheet, row, 1, year_label(year))
        for i, ((_, _, kind), text) in enumerate(zip(table.spec.columns, values, strict=True)):
            _put(sheet, row, 2 + i, text, kind)
        row += 1
    text_cell(sheet, row, 1, SUBTOTAL, font=HEADING_FONT)
    for i, ((_, _, kind), text) in enumerate(zip(table.spec.columns, table.subtotal,
                                                 strict=True)):
        _put(sheet, row, 2 + i, text if text != NO_SUBTOTAL else NO_SUBTOTAL, kind)
    return row + 1


def add_documents_sheet(workbook: Workbook, data: OpsCentreData) -> None:
    sheet = workbook.create_sheet(DOCUMENTS_SHEET)
    widths = [8.0, 40.0, 14.0, 50.0]
    set_widths(sheet, widths)
    row = _title(sheet, data, SECTION_PROGRESS, 4)
    line_across(sheet, row, 4, DOCUMENTS_LABEL, font=HEADING_FONT)
    _heading_row(sheet, row + 1, ["序号", *DOCUMENT_HEADINGS], widths)
    row += 2
    first = row
    for i, doc in enumerate(data.fields.documents, start=1):
        text_cell(sheet, row, 1, f"({i})")
        text_cell(sheet, row, 2, doc.name, alignment=LEFT)
        text_cell(sheet, row, 3, doc.issued)
        text_cell(sheet, row, 4, doc.highlights, alignment=LEFT)
        lines = max(lines_needed(doc.name, widths[1]), lines_needed(doc.highlights, widths[3]))
        sheet.row_dimensions[row].height = row_height(lines)
        row += 1
    page_setup(sheet, landscape=False, title_rows=f"{first - 1}:{first - 1}",
                last_row=max(row - 1, first), last_col=4)


def add_funding_sheet(workbook: Workbook, data: OpsCentreData) -> None:
    sheet = workbook.create_sheet(FUNDING_SHEET)
    widths = [22.0, 12.0, 18.0, 18.0, 26.0]
    set_widths(sheet, widths)
    row = _title(sheet, data, SECTION_SUPPORT, 5)
    table = data.funding
    last = row + 2 + len(table.years)
    text_cell(sheet, row, 1, FUNDING_GROUP, font=HEADING_FONT)
    merged_range(sheet, row, 1, last, 1)
    text_cell(sheet, row, 2, FUNDING_YEAR, font=HEADING_FONT)
    merged_range(sheet, row, 2, row + 1, 2)
    text_cell(sheet, row, 3, FUNDING_UNIT, font=HEADING_FONT)
    merged_range(sheet, row, 3, row, 5)
    _heading_row(sheet, row + 1, [h for _, h in FUNDING_COLUMNS], widths, first_col=3)
    r = row + 2
    for year, values in zip(table.years, table.rows, strict=True):
        text_cell(sheet, r, 2, year_label(year))
        _put(sheet, r, 3, values[0], "amount")
        _put(sheet, r, 4, values[1], "amount")
        _put(sheet, r, 5, values[2], "amount")  # "企业捐赠 5" stays text
        r += 1
    text_cell(sheet, r, 2, SUBTOTAL, font=HEADING_FONT)
    for i, text in enumerate(table.subtotal):
        _put(sheet, r, 3 + i, text, "amount")
    sheet.row_dimensions[row].height = row_height(2)
    page_setup(sheet, landscape=False, title_rows=f"{row}:{row + 1}", last_row=r, last_col=5)


def add_patents_sheet(workbook: Workbook, data: OpsCentreData) -> None:
    sheet = workbook.create_sheet(PATENTS_SHEET)
    widths = [12.0, 16.0, 16.0, 16.0, 20.0]
    set_widths(sheet, widths)
    row = _title(sheet, data, SECTION_OUTPUT, 5)
    heading_row = row + 1
    last = _year_table(sheet, row, data.patent_output, widths, data.patent_output.spec.heading)
    page_setup(sheet, landscape=False, title_rows=f"{heading_row}:{heading_row}",
                last_row=last - 1, last_col=5)


def add_navigation_sheet(workbook: Workbook, data: OpsCentreData) -> None:
    sheet = workbook.create_sheet(NAVIGATION_SHEET)
    widths = [6.0, 16.0, 36.0, 18.0, 12.0, 28.0]
    set_widths(sheet, widths)
    row = _title(sheet, data, SECTION_OUTPUT, 6)
    line_across(sheet, row, 6, NAVIGATION_HEADING, font=HEADING_FONT)
    _heading_row(sheet, row + 1, [h for _, h in NAVIGATION_COLUMNS], widths)
    first = row + 1
    r = row + 2
    for i, p in enumerate(data.fields.projects, start=1):
        number_cell(sheet, r, 1, i)
        text_cell(sheet, r, 2, p.category)
        text_cell(sheet, r, 3, p.name, alignment=LEFT)
        text_cell(sheet, r, 4, p.period)
        _put(sheet, r, 5, p.funding, "amount")
        text_cell(sheet, r, 6, p.provider, alignment=LEFT)
        lines = max(lines_needed(p.name, widths[2]), lines_needed(p.provider, widths[5]))
        sheet.row_dimensions[r].height = row_height(lines)
        r += 1
    page_setup(sheet, landscape=False, title_rows=f"{first}:{first}",
                last_row=max(r - 1, first), last_col=6)


def add_operations_sheet(workbook: Workbook, data: OpsCentreData) -> None:
    sheet = workbook.create_sheet(OPERATIONS_SHEET)
    widths = [12.0, 18.0, 16.0, 16.0, 14.0]
    set_widths(sheet, widths)
    row = _title(sheet, data, SECTION_OUTPUT, 5)
    line_across(sheet, row, 5, OPERATION_GROUP, font=SECTION_FONT)
    row += 1
    for table in data.operations:
        row = _year_table(sheet, row, table, widths, table.spec.heading) + 1
    page_setup(sheet, landscape=False, title_rows="1:2", last_row=row - 2, last_col=5)


def add_sme_sheet(workbook: Workbook, data: OpsCentreData) -> None:
    sheet = workbook.create_sheet(SME_SHEET)
    years = data.years
    widths = [14.0, 26.0, 20.0, *([12.0] * len(years))]
    last_col = 3 + len(years)
    set_widths(sheet, widths)
    row = _title(sheet, data, SME_GROUP, last_col)
    text_cell(sheet, row, 1, SME_ITEM, font=HEADING_FONT)
    merged_range(sheet, row, 1, row, 3)
    _heading_row(sheet, row, [year_label(y) for y in years], widths, first_col=4)
    head = row
    r = row + 1
    text_cell(sheet, r, 1, SME_MATCHMAKING, font=HEADING_FONT)
    merged_range(sheet, r, 1, r + 1, 2)
    for (_, figure), values in zip(SME_FIGURES, data.matchmaking, strict=True):
        text_cell(sheet, r, 3, figure, font=HEADING_FONT)
        for i, text in enumerate(values):
            _put(sheet, r, 4 + i, text, "count")
        r += 1
    if data.activities:
        text_cell(sheet, r, 1, SME_OTHER_GROUP, font=HEADING_FONT)
        merged_range(sheet, r, 1, r + 2 * len(data.activities) - 1, 1)
    for n, (name, figures) in enumerate(data.activities, start=1):
        text_cell(sheet, r, 2, f"{SME_ACTIVITY_NAME.format(n=n)}{name}", alignment=LEFT)
        merged_range(sheet, r, 2, r + 1, 2)
        for (_, figure), values in zip(SME_OTHER_FIGURES, figures, strict=True):
            text_cell(sheet, r, 3, figure, font=HEADING_FONT)
            for i, text in enumerate(values):
                _put(sheet, r, 4 + i, text, "count")
            r += 1
    partners = parse_count(data.fields.partners)
    line_across(sheet, r + 1, last_col, PARTNERS_LABEL + (str(partners) if partners is not None
                                                    else data.fields.partners))
    page_setup(sheet, landscape=False, title_rows=f"{head}:{head}", last_row=r + 1,
                last_col=last_col)


def _dated(data: OpsCentreData) -> dt.datetime:
    day = data.fields.filled_on or dt.date(data.fields.report_year, 12, 31)
    return dt.datetime(day.year, day.month, day.day)


def ops_centre_workbook(data: OpsCentreData) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    add_documents_sheet(workbook, data)
    add_funding_sheet(workbook, data)
    add_patents_sheet(workbook, data)
    add_navigation_sheet(workbook, data)
    add_operations_sheet(workbook, data)
    add_sme_sheet(workbook, data)
    set_fixed_dates(workbook, _dated(data), REPORT_TITLE)
    return workbook


def ops_centre_bytes(data: OpsCentreData) -> bytes:
    return workbook_bytes(ops_centre_workbook(data), _dated(data))


def write_ops_centre_tables(data: OpsCentreData, path: str | os.PathLike[str]) -> WrittenFile:
    """Write the workbook atomically; ExcelExportError ("export.write_failed") when the file
    cannot be written."""
    return write_atomically(path, ops_centre_bytes(data))
