"""The summary list (湖北省专利开放许可（试点）汇总表) as an Excel workbook, ready to print.

Layout, top to bottom: the title merged across the table and centred; the header line
(单位名称（盖章）：… 联系人:… 联系电话：…); the official column headings with the notice's line
breaks; one row per offer. Printing: A4 landscape, one page wide, the heading row repeated on
every page, "第 x 页 共 y 页" in the footer. All cells but 序号 are text, so patent and phone
numbers keep their digits and nothing a clerk typed can become a formula.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.export.excel.form_cells import page_setup
from app.export.excel.workbook import (
    LINE_HEIGHT_POINTS,
    ExcelExportError,
    WrittenFile,
    display_width,
    lines_needed,
    set_fixed_dates,
    set_text,
    workbook_bytes,
    write_atomically,
)
from app.models.summary_list import COLUMNS, SummaryList

if TYPE_CHECKING:
    from app.models.entities import GeneratedDocument
    from app.models.findings import Finding
    from app.models.store import Store

SHEET_TITLE = "汇总表"
DOCUMENT_KIND = "summary_list_xlsx"  # GeneratedDocument.kind of the workbook
TITLE_ROW, HEADER_LINE_ROW, HEADING_ROW = 1, 2, 3
FIRST_DATA_ROW = 4
FOOTER = "第 &P 页 共 &N 页"
FONT_NAME = "宋体"

# Column widths (Excel units): at least what the heading needs, at most what keeps a landscape
# page readable once fitted to width; long titles and patentee lists wrap.
MIN_WIDTH: dict[str, float] = {
    "serial": 6, "number": 20, "title": 24, "patentees": 18, "single_term": 10,
    "legal_status": 10, "kind": 14, "open_scope": 10, "contact_name": 10, "contact_phone": 15,
}
MAX_WIDTH: dict[str, float] = {
    "serial": 6, "number": 20, "title": 40, "patentees": 34, "single_term": 14,
    "legal_status": 18, "kind": 16, "open_scope": 16, "contact_name": 14, "contact_phone": 20,
}

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BODY_FONT = Font(name=FONT_NAME, size=11)
HEADING_FONT = Font(name=FONT_NAME, size=11, bold=True)
TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True)
CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
# Short codes and names read best centred; titles and patentee lists read left-aligned.
LEFT_ALIGNED = frozenset({"title", "patentees"})


def column_widths(summary: SummaryList) -> list[float]:
    widths = []
    for column in COLUMNS:
        wanted = max(display_width(line) for line in column.wrapped.split("\n"))
        for row in summary.rows:
            text = str(getattr(row, column.key))
            wanted = max(wanted, *(display_width(line) for line in text.split("\n")))
        wanted += 2  # padding inside the borders
        widths.append(float(min(max(wanted, MIN_WIDTH[column.key]), MAX_WIDTH[column.key])))
    return widths


def summary_list_workbook(summary: SummaryList) -> Workbook:
    """The workbook in memory (for tests and callers that add to it)."""
    workbook = Workbook()
    sheet: Worksheet = workbook.active
    sheet.title = SHEET_TITLE
    last_col = len(COLUMNS)
    last_letter = get_column_letter(last_col)
    widths = column_widths(summary)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    title = sheet.cell(TITLE_ROW, 1)
    set_text(title, summary.title)
    title.font = TITLE_FONT
    title.alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(f"A{TITLE_ROW}:{last_letter}{TITLE_ROW}")
    sheet.row_dimensions[TITLE_ROW].height = 30

    header = sheet.cell(HEADER_LINE_ROW, 1)
    set_text(header, summary.header_line)
    header.font = BODY_FONT
    header.alignment = Alignment(horizontal="left", vertical="center")
    sheet.merge_cells(f"A{HEADER_LINE_ROW}:{last_letter}{HEADER_LINE_ROW}")
    sheet.row_dimensions[HEADER_LINE_ROW].height = 24

    heading_lines = 1
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(HEADING_ROW, index)
        set_text(cell, column.wrapped)
        cell.font = HEADING_FONT
        cell.alignment = CENTRED
        cell.border = BORDER
        heading_lines = max(heading_lines, lines_needed(column.wrapped, widths[index - 1]))
    sheet.row_dimensions[HEADING_ROW].height = _height(heading_lines)

    for offset, row in enumerate(summary.rows):
        number = FIRST_DATA_ROW + offset
        lines = 1
        for index, (column, value) in enumerate(zip(COLUMNS, row.cells(), strict=True), start=1):
            cell = sheet.cell(number, index)
            if isinstance(value, int):
                cell.value = value
            else:
                set_text(cell, value)
                lines = max(lines, lines_needed(value, widths[index - 1]))
            cell.font = BODY_FONT
            cell.alignment = LEFT if column.key in LEFT_ALIGNED else CENTRED
            cell.border = BORDER
        # openpyxl cannot measure text; Excel and LibreOffice keep a stored height, so store one
        # that fits the wrapped lines rather than print clipped rows.
        sheet.row_dimensions[number].height = _height(lines)

    last_row = max(FIRST_DATA_ROW - 1 + len(summary.rows), HEADING_ROW)
    _page_setup(sheet, last_row, last_col)
    set_fixed_dates(workbook, summary.dated, summary.title)
    return workbook


def _height(lines: int) -> float:
    return round(lines * LINE_HEIGHT_POINTS + 6, 2)


ANNEX = "附件 3"  # the Hubei notice (003)


def _page_setup(sheet: Worksheet, last_row: int, last_col: int) -> None:
    # Landscape pages bound into a portrait set are bound at the top (as the PDFs are).
    page_setup(sheet, landscape=True, title_rows=f"{HEADING_ROW}:{HEADING_ROW}",
               last_row=last_row, last_col=last_col)
    # The notice prints "附件 3" above the form: on the first page only.
    sheet.HeaderFooter.differentFirst = True
    sheet.firstHeader.left.text = ANNEX
    sheet.firstHeader.left.font = FONT_NAME
    sheet.firstHeader.left.size = 12
    sheet.firstFooter.center.text = FOOTER
    sheet.firstFooter.center.font = FONT_NAME
    sheet.firstFooter.center.size = 10
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"


def summary_list_bytes(summary: SummaryList) -> bytes:
    """The .xlsx file's bytes: the same summary list always gives the same bytes."""
    return workbook_bytes(summary_list_workbook(summary), summary.dated)


def write_summary_list(summary: SummaryList, path: str | os.PathLike[str]) -> WrittenFile:
    """Write the summary list workbook to `path` atomically; raises ExcelExportError
    ("export.write_failed") when the file cannot be written (e.g. it is open in Excel)."""
    return write_atomically(path, summary_list_bytes(summary))


def generated_document(
    summary: SummaryList, written: WrittenFile, generated_at: dt.datetime | None = None
) -> GeneratedDocument:
    """The record of a written workbook (unsaved), for `Store.record_generated_documents`:
    its hashes tell later whether the file or the batch's data changed since."""
    from app.models.entities import GeneratedDocument

    document = GeneratedDocument(
        kind=DOCUMENT_KIND, subject=summary.subject, path=str(written.path.resolve()),
        sha256=written.sha256, size=written.size, data_hash=summary.data_hash(), draft=False,
    )
    if generated_at is not None:
        document.generated_at = generated_at
    return document


def export_batch_summary_list(
    store: Store, batch_id: int, path: str | os.PathLike[str]
) -> tuple[SummaryList | None, WrittenFile | None, list[Finding]]:
    """One call for the window and the command line: the batch's summary list from the
    records, written to `path`. Returns the list, the file (None when nothing was written) and
    the findings (the list's warnings, or why it could not be written)."""
    from app.models.findings import error

    summary, findings = store.summary_list(batch_id)
    if summary is None:
        return None, None, findings
    try:
        written = write_summary_list(summary, path)
    except ExcelExportError as exc:
        return summary, None, [*findings, error(exc.code, "file", **exc.params)]
    return summary, written, findings
