"""The summary book's tables (三 统计表, 四 达成项目清单) and the Xinyang tables, as Excel.

Henan (seed 000, 附件 4): the statistics table with 达成许可情况 over its four columns and the
other five headings merged down both heading rows; the deal list with its two footnotes.
Xinyang (seed 001): 附件 1 统计表 with its own title, 填报单位(盖章), 填报时间 and the
two-level headings (参与试点、提出开放许可的专利权人数量 over two columns, 达成许可情况 over
four); 附件 2 清单 with its title and note. Wording and punctuation are each notice's own
(app.models.summary_book).

Every sheet prints on A4, one page wide, headings repeated, "第 x 页 共 y 页" in the footer.
Text cells are written as text (patent numbers, URLs, anything starting with = + - @); counts,
序号 and 万元 amounts are numbers, amounts exact (Decimal).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from decimal import Decimal

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.export.excel.form_cells import (
    CENTRED,
    HEADING_FONT,
    LEFT,
    LEFT_TOP,
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
    display_width,
    lines_needed,
    set_fixed_dates,
    workbook_bytes,
    write_atomically,
)
from app.models.deals import DealListRow
from app.models.summary_book import (
    DEAL_LIST_HEADINGS,
    DEAL_LIST_NOTES,
    DEALS_GROUP,
    SECTION_DEAL_LIST,
    SECTION_STATISTICS,
    STATISTICS_GROUP_START,
    STATISTICS_HEADINGS,
    XINYANG_DEAL_LIST_DATE,
    XINYANG_DEAL_LIST_HEADINGS,
    XINYANG_DEAL_LIST_NOTE,
    XINYANG_DEAL_LIST_TITLE,
    XINYANG_DEAL_LIST_UNIT,
    XINYANG_PATENTEES_GROUP,
    XINYANG_STATISTICS_DATE,
    XINYANG_STATISTICS_HEADINGS,
    XINYANG_STATISTICS_TITLE,
    XINYANG_STATISTICS_UNIT,
    Figure,
    StatisticsTable,
    SummaryBookData,
    county_text,
    date_text,
)

BOOK_STATISTICS_SHEET = "三 统计表"
BOOK_DEAL_LIST_SHEET = "四 达成项目清单"
XINYANG_STATISTICS_SHEET = "附件1 统计表"
XINYANG_DEAL_LIST_SHEET = "附件2 达成项目清单"


_NUMERIC = {f.value for f in Figure} | {"smes_reached"}

# Widths in Excel units: headings wrap inside them; the URL and names get room.
BOOK_STATISTICS_WIDTHS = (11.0, 11.0, 16.0, 18.0, 12.0, 10.0, 11.0, 11.0, 16.0)
XINYANG_STATISTICS_WIDTHS = (6.0, 11.0, 9.0, 11.0, 16.0, 18.0, 12.0, 10.0, 11.0, 11.0, 16.0)
# 序号, 专利权人, 被许可人, 专利号, 金额, 备注: minimum and maximum.
DEAL_LIST_MIN = (6.0, 18.0, 18.0, 21.0, 12.0, 14.0)
DEAL_LIST_MAX = (6.0, 30.0, 28.0, 21.0, 14.0, 26.0)


def _heading_height(sheet: Worksheet, row: int, texts: Sequence[tuple[int, str]],
                    widths: Sequence[float]) -> None:
    lines = max(lines_needed(text, widths[col - 1]) for col, text in texts)
    sheet.row_dimensions[row].height = row_height(lines)


def _two_row_heading_heights(sheet: Worksheet, group_row: int, sub_row: int,
                             widths: Sequence[float], *,
                             groups: Sequence[tuple[int, int, str]],
                             subs: Sequence[tuple[int, str]],
                             merged_down: Sequence[tuple[int, str]]) -> None:
    """Heights of a two-row heading from every cell's own wrapped lines: a group heading
    (first column, span, text) needs its lines in the first row across its merged width; a
    heading under it, its lines in the second row alone; a heading merged down both rows, its
    lines in the two together. (Giving the second row "the longest heading less two" clipped
    a long heading that sits in the second row only, such as 达成收费许可的总金额.)"""
    group = max((lines_needed(text, sum(widths[start:start + span]))
                 for start, span, text in groups), default=1)
    sub = max((lines_needed(text, widths[i]) for i, text in subs), default=1)
    down = max((lines_needed(text, widths[i]) for i, text in merged_down), default=1)
    sub = max(sub, down - group)
    sheet.row_dimensions[group_row].height = row_height(max(group, 1))
    sheet.row_dimensions[sub_row].height = row_height(max(sub, 1))


def _dated(data: SummaryBookData) -> dt.datetime:
    """The workbook's fixed date, from the data: the filling date, or the period end."""
    day = data.fields.filled_on or data.period.end
    return dt.datetime(day.year, day.month, day.day)


# 三 and 附件 1 -----------------------------------------------------------------------------------


def _statistics_values(sheet: Worksheet, row: int, first_col: int, keys: Sequence[str],
                       table: StatisticsTable) -> int:
    """One row of figures; returns the lines the row needs."""
    lines = 1
    widths = [sheet.column_dimensions[get_column_letter(first_col + i)].width or 10
              for i in range(len(keys))]
    for offset, key in enumerate(keys):
        column = first_col + offset
        if key in _NUMERIC:
            if key == "smes_reached":
                number_cell(sheet, row, column, table.smes_reached)
            elif key == Figure.PAID_AMOUNT_WAN:
                number_cell(sheet, row, column, Decimal(table.text(key)))  # "18.5957", "0"
            else:
                number_cell(sheet, row, column, table.value(key))
        else:
            text = table.text(key)
            text_cell(sheet, row, column, text)
            lines = max(lines, lines_needed(text, widths[offset]))
    return lines


def add_book_statistics_sheet(workbook: Workbook, data: SummaryBookData,
                              title: str = BOOK_STATISTICS_SHEET) -> Worksheet:
    """三、专利开放许可试点工作成效统计表 in the book's layout."""
    sheet = workbook.create_sheet(title)
    columns = len(STATISTICS_HEADINGS)
    set_widths(sheet, BOOK_STATISTICS_WIDTHS)
    line_across(sheet, 1, columns, SECTION_STATISTICS + data.as_of, font=SECTION_FONT, height=30)
    group_row, sub_row, value_row = 2, 3, 4
    for index, (_key, heading) in enumerate(STATISTICS_HEADINGS, start=1):
        if index <= STATISTICS_GROUP_START:
            text_cell(sheet, group_row, index, heading, font=HEADING_FONT)
            merged_range(sheet, group_row, index, sub_row, index)
        else:
            text_cell(sheet, sub_row, index, heading, font=HEADING_FONT)
    text_cell(sheet, group_row, STATISTICS_GROUP_START + 1, DEALS_GROUP, font=HEADING_FONT)
    merged_range(sheet, group_row, STATISTICS_GROUP_START + 1, group_row, columns)
    headings = [h for _, h in STATISTICS_HEADINGS]
    _two_row_heading_heights(
        sheet, group_row, sub_row, BOOK_STATISTICS_WIDTHS,
        groups=[(STATISTICS_GROUP_START, columns - STATISTICS_GROUP_START, DEALS_GROUP)],
        subs=list(enumerate(headings))[STATISTICS_GROUP_START:],
        merged_down=list(enumerate(headings))[:STATISTICS_GROUP_START])
    lines = _statistics_values(sheet, value_row, 1, [k for k, _ in STATISTICS_HEADINGS],
                               data.statistics)
    sheet.row_dimensions[value_row].height = row_height(max(lines, 2))
    page_setup(sheet, landscape=False, title_rows=f"{group_row}:{sub_row}",
                last_row=value_row, last_col=columns)
    return sheet


def add_xinyang_statistics_sheet(workbook: Workbook, data: SummaryBookData, *,
                                 county: str | None = None,
                                 title: str = XINYANG_STATISTICS_SHEET) -> Worksheet:
    """信阳 附件 1 专利开放许可试点情况统计表: one row, the unit's own figures."""
    sheet = workbook.create_sheet(title)
    columns = len(XINYANG_STATISTICS_HEADINGS)
    set_widths(sheet, XINYANG_STATISTICS_WIDTHS)
    line_across(sheet, 1, 2, "附件 1", height=22)
    heading = XINYANG_STATISTICS_TITLE.format(county=county_text(county),
                                              year=data.period.end.year,
                                              month=data.period.end.month)
    line_across(sheet, 2, columns, heading, font=TITLE_FONT, alignment=CENTRED, height=36)
    line_across(sheet, 3, columns, XINYANG_STATISTICS_UNIT + data.unit.name)
    line_across(sheet, 4, columns, XINYANG_STATISTICS_DATE + date_text(data.fields.filled_on))
    group_row, sub_row, value_row = 5, 6, 7
    grouped = {1: XINYANG_PATENTEES_GROUP, 7: DEALS_GROUP}  # 0-based start → group heading
    spans = {1: 2, 7: 4}
    inside = {i for start, span in spans.items() for i in range(start, start + span)}
    for index, (_key, text) in enumerate(XINYANG_STATISTICS_HEADINGS):
        column = index + 1
        if index in inside:
            text_cell(sheet, sub_row, column, text, font=HEADING_FONT)
        else:
            text_cell(sheet, group_row, column, text, font=HEADING_FONT)
            merged_range(sheet, group_row, column, sub_row, column)
    for start, text in grouped.items():
        text_cell(sheet, group_row, start + 1, text, font=HEADING_FONT)
        merged_range(sheet, group_row, start + 1, group_row, start + spans[start])
    headings = [h for _, h in XINYANG_STATISTICS_HEADINGS]
    _two_row_heading_heights(
        sheet, group_row, sub_row, XINYANG_STATISTICS_WIDTHS,
        groups=[(start, spans[start], text) for start, text in grouped.items()],
        subs=[(i, h) for i, h in enumerate(headings) if i in inside],
        merged_down=[(i, h) for i, h in enumerate(headings) if i not in inside])
    number_cell(sheet, value_row, 1, 1)  # 序号
    lines = _statistics_values(sheet, value_row, 2,
                               [k for k, _ in XINYANG_STATISTICS_HEADINGS[1:]], data.statistics)
    sheet.row_dimensions[value_row].height = row_height(max(lines, 2))
    page_setup(sheet, landscape=True, title_rows=f"{group_row}:{sub_row}", last_row=value_row,
                last_col=columns)
    return sheet


# 四 and 附件 2 -----------------------------------------------------------------------------------


def deal_list_widths(rows: Sequence[DealListRow]) -> list[float]:
    widths: list[float] = []
    for index, (low, high) in enumerate(zip(DEAL_LIST_MIN, DEAL_LIST_MAX, strict=True)):
        wanted = 0
        for row in rows:
            text = _row_texts(row)[index]
            wanted = max(wanted, *(display_width(line) for line in text.split("\n")))
        widths.append(float(min(max(wanted + 2, low), high)))
    return widths


def _row_texts(row: DealListRow) -> tuple[str, str, str, str, str, str]:
    return (str(row.serial), row.licensors_text, row.licensee, row.numbers_text("\n"),
            row.amount_text, row.remarks)


def _deal_rows(sheet: Worksheet, first_row: int, rows: Sequence[DealListRow],
               widths: Sequence[float]) -> int:
    """The rows of the list from `first_row`; one blank bordered row when there are none.
    Returns the last row written."""
    if not rows:
        for column in range(1, len(widths) + 1):
            text_cell(sheet, first_row, column, "")
        sheet.row_dimensions[first_row].height = row_height(2)
        return first_row
    number = first_row
    for number, row in enumerate(rows, start=first_row):
        texts = _row_texts(row)
        number_cell(sheet, number, 1, row.serial)
        for column in (2, 3, 4):
            text_cell(sheet, number, column, texts[column - 1],
                  alignment=CENTRED if column == 4 else LEFT)
        number_cell(sheet, number, 5, Decimal(row.amount_text))
        text_cell(sheet, number, 6, texts[5], alignment=LEFT)
        lines = max(lines_needed(t, widths[i]) for i, t in enumerate(texts))
        sheet.row_dimensions[number].height = row_height(lines)
    return number


def _notes(sheet: Worksheet, first_row: int, last_col: int, notes: Sequence[str],
           widths: Sequence[float]) -> int:
    total = sum(widths)
    row = first_row
    for row, note in enumerate(notes, start=first_row):
        text_cell(sheet, row, 1, note, font=NOTE_FONT, alignment=LEFT_TOP, border=False)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
        # 10-point notes fit a little more per line than 11-point cells.
        sheet.row_dimensions[row].height = row_height(lines_needed(note, total * 1.05))
    return row


def add_book_deal_list_sheet(workbook: Workbook, data: SummaryBookData,
                             title: str = BOOK_DEAL_LIST_SHEET) -> Worksheet:
    """四、专利开放许可达成项目清单 in the book's layout, with its two footnotes."""
    sheet = workbook.create_sheet(title)
    columns = len(DEAL_LIST_HEADINGS)
    widths = deal_list_widths(data.rows)
    set_widths(sheet, widths)
    line_across(sheet, 1, columns, SECTION_DEAL_LIST + data.as_of, font=SECTION_FONT, height=30)
    heading_row = 2
    for column, text in enumerate(DEAL_LIST_HEADINGS, start=1):
        text_cell(sheet, heading_row, column, text, font=HEADING_FONT)
    _heading_height(sheet, heading_row, list(enumerate(DEAL_LIST_HEADINGS, start=1)), widths)
    last = _deal_rows(sheet, heading_row + 1, data.rows, widths)
    last = _notes(sheet, last + 1, columns, DEAL_LIST_NOTES, widths)
    page_setup(sheet, landscape=False, title_rows=f"{heading_row}:{heading_row}",
                last_row=last, last_col=columns)
    sheet.freeze_panes = f"A{heading_row + 1}"
    return sheet


def add_xinyang_deal_list_sheet(workbook: Workbook, data: SummaryBookData, *,
                                county: str | None = None,
                                title: str = XINYANG_DEAL_LIST_SHEET) -> Worksheet:
    """信阳 附件 2 专利开放许可达成项目清单, with its title, 填报单位, 填报时间 and note."""
    sheet = workbook.create_sheet(title)
    columns = len(XINYANG_DEAL_LIST_HEADINGS)
    widths = deal_list_widths(data.rows)
    set_widths(sheet, widths)
    line_across(sheet, 1, 2, "附件 2", height=22)
    heading = XINYANG_DEAL_LIST_TITLE.format(county=county_text(county, full_width=True),
                                             year=data.period.end.year,
                                             month=data.period.end.month)
    line_across(sheet, 2, columns, heading, font=TITLE_FONT, alignment=CENTRED,
          height=row_height(lines_needed(heading, sum(widths) * 0.7)) + 8)
    line_across(sheet, 3, columns, XINYANG_DEAL_LIST_UNIT + data.unit.name)
    line_across(sheet, 4, columns, XINYANG_DEAL_LIST_DATE + date_text(data.fields.filled_on))
    heading_row = 5
    for column, text in enumerate(XINYANG_DEAL_LIST_HEADINGS, start=1):
        text_cell(sheet, heading_row, column, text, font=HEADING_FONT)
    _heading_height(sheet, heading_row, list(enumerate(XINYANG_DEAL_LIST_HEADINGS, start=1)),
                    widths)
    last = _deal_rows(sheet, heading_row + 1, data.rows, widths)
    last = _notes(sheet, last + 1, columns, (XINYANG_DEAL_LIST_NOTE,), widths)
    page_setup(sheet, landscape=False, title_rows=f"{heading_row}:{heading_row}",
                last_row=last, last_col=columns)
    sheet.freeze_panes = f"A{heading_row + 1}"
    return sheet


# Workbooks --------------------------------------------------------------------------------------


def _empty_workbook() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def book_tables_workbook(data: SummaryBookData) -> Workbook:
    """三 and 四 of the summary book, one sheet each."""
    workbook = _empty_workbook()
    add_book_statistics_sheet(workbook, data)
    add_book_deal_list_sheet(workbook, data)
    set_fixed_dates(workbook, _dated(data), "河南省专利开放许可试点工作总结书 统计表和达成项目清单")
    return workbook


def xinyang_tables_workbook(data: SummaryBookData, *, county: str | None = None,
                            statistics: bool = True, deal_list: bool = True) -> Workbook:
    """信阳 附件 1 and/or 附件 2."""
    workbook = _empty_workbook()
    if statistics:
        add_xinyang_statistics_sheet(workbook, data, county=county)
    if deal_list:
        add_xinyang_deal_list_sheet(workbook, data, county=county)
    set_fixed_dates(workbook, _dated(data), "专利开放许可试点情况统计表和达成项目清单")
    return workbook


def book_tables_bytes(data: SummaryBookData) -> bytes:
    return workbook_bytes(book_tables_workbook(data), _dated(data))


def xinyang_tables_bytes(data: SummaryBookData, *, county: str | None = None,
                         statistics: bool = True, deal_list: bool = True) -> bytes:
    workbook = xinyang_tables_workbook(data, county=county, statistics=statistics,
                                       deal_list=deal_list)
    return workbook_bytes(workbook, _dated(data))


def write_book_tables(data: SummaryBookData, path: str | os.PathLike[str]) -> WrittenFile:
    """Write 三 and 四 to `path` atomically; ExcelExportError ("export.write_failed") when the
    file cannot be written (e.g. it is open in Excel)."""
    return write_atomically(path, book_tables_bytes(data))


def write_xinyang_tables(data: SummaryBookData, path: str | os.PathLike[str], *,
                         county: str | None = None, statistics: bool = True,
                         deal_list: bool = True) -> WrittenFile:
    """Write 信阳 附件 1 and/or 附件 2 to `path` atomically."""
    return write_atomically(path, xinyang_tables_bytes(data, county=county,
                                                       statistics=statistics,
                                                       deal_list=deal_list))
