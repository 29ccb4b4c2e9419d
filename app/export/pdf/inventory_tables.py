"""The Anhui inventory tables (seed 004) as PDF, A4 landscape, laid out as the workbooks
(app.export.excel.inventory_tables): the same headings, rows, counts and notes from
app.models.inventory_tables.

Each begins with its title and the line 填报单位（盖章）：… 填报日期：…, with a blank area beside
the unit's name for its seal; the heading rows repeat on every page.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from app.export.pdf import (
    LANDSCAPE,
    Cell,
    check_text,
    form_grid,
    frame_width,
    kit_styles,
    para,
    register_fonts,
    render_pdf,
    write_atomic,
)
from app.export.pdf.flowables import CELL_PADDING
from app.export.pdf.long_grid import LongGrid
from app.export.pdf.summary_book import UnprintableText
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

__all__ = [
    "UnprintableText",
    "classification_story",
    "render_classification_table",
    "render_transfer_table",
    "transfer_story",
    "write_classification_table_pdf",
    "write_transfer_table_pdf",
]

SEAL_WIDTH = 50 * mm
SEAL_HEIGHT = 30 * mm
# Millimetres, scaled to the frame: 序号 专利号 名称 类型 专利权人 授权公告日 | 7 marks | 备注.
# 序号 is wide enough for four digits: a list of thousands must not print "119/0".
TRANSFER_WIDTHS_MM = (11, 38, 32, 16, 36, 23, 12, 12, 12, 13, 14, 14, 14, 27)
FIELD_WIDTH_MM = 48
DETAIL_WIDTHS_MM = (11, 38, 31, 13, 30, 26, 24, 16, 12, 12, 20, 13, 21)


def _styles() -> dict[str, ParagraphStyle]:
    s = kit_styles()
    return {
        "title": ParagraphStyle("inventory_title", parent=s.title, spaceAfter=2),
        "header": ParagraphStyle("inventory_header", parent=s.body, spaceAfter=0),
        "section": ParagraphStyle("inventory_section", parent=s.heading),
        "head": ParagraphStyle("inventory_head", parent=s.label, fontSize=9, leading=12),
        "cell": ParagraphStyle("inventory_cell", parent=s.cell, fontSize=9, leading=12),
        "centre": ParagraphStyle("inventory_centre", parent=s.cell, fontSize=9, leading=12,
                                 alignment=TA_CENTER),
        "note": ParagraphStyle("inventory_note", parent=s.note, alignment=TA_LEFT,
                               spaceBefore=4),
    }


def _scaled(widths_mm: Sequence[float]) -> list[float]:
    total = frame_width(LANDSCAPE)
    scale = total / (sum(widths_mm) * mm)
    return [w * mm * scale for w in widths_mm]


def _header_line(unit: str, day_text: str) -> Table:
    st = _styles()
    width = frame_width(LANDSCAPE)
    date_w = 70 * mm
    unit_w = width - SEAL_WIDTH - date_w
    return Table(
        [[para(UNIT_LABEL + unit, st["header"]), "", para(DATE_LABEL + day_text, st["header"])]],
        colWidths=[unit_w, SEAL_WIDTH, date_w], minRowHeights=[SEAL_HEIGHT], hAlign="LEFT",
        style=TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
        ]),
    )


def _head(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(para(text, _styles()["head"]), colspan, rowspan, label=True)


# 转化专利统计表 ----------------------------------------------------------------------------------


def transfer_story(table: TransferTable) -> list[Flowable]:
    st = _styles()
    top: list[Cell | str | Flowable | None] = [_head(h, rowspan=2)
                                               for h in TRANSFER_LEAD_COLUMNS]
    second: list[Cell | str | Flowable | None] = []
    seen: set[str] = set()
    for _key, heading, group in SITUATION_COLUMNS:
        if group:
            if group not in seen:
                seen.add(group)
                span = sum(1 for _, _, g in SITUATION_COLUMNS if g == group)
                top.append(_head(group, colspan=span))
            second.append(_head(heading))
        else:
            top.append(_head(heading, rowspan=2))
    top.append(_head(TRANSFER_TAIL_COLUMNS[0], rowspan=2))
    rows: list[list[Cell | str | Flowable | None]] = []
    left = {2, 4, len(TRANSFER_LEAD_COLUMNS) + len(SITUATION_COLUMNS)}
    for row in table.rows:
        rows.append([Cell(para(text, st["cell"] if i in left else st["centre"]))
                     for i, text in enumerate(row.cells())])
    total: list[Cell | str | Flowable | None] = [
        _head(TOTAL_LABEL, colspan=len(TRANSFER_LEAD_COLUMNS))]
    total += [Cell(para(str(n), st["centre"])) for n in table.totals]
    total.append(Cell(para(f"有效专利 {table.patents_in_force} 件", st["cell"])))
    rows.append(total)
    grid = LongGrid([top, second], rows, _scaled(TRANSFER_WIDTHS_MM))
    return [para(table.title, st["title"]),
            _header_line(table.unit_name, chinese_date(table.dated)),
            grid, para(TRANSFER_NOTE, st["note"])]


def transfer_texts(table: TransferTable) -> list[tuple[str, str, str]]:
    texts = [("表头", "unit", table.unit_name)]
    for row in table.rows:
        texts += [(row.number, "title", row.title), (row.number, "patentees", row.patentees),
                  (row.number, "remark", row.remark)]
    return texts


def render_transfer_table(table: TransferTable, *, watermark: bool = False) -> bytes:
    missing = check_text(transfer_texts(table))
    if missing:
        raise UnprintableText(missing)
    return render_pdf(transfer_story(table), title=table.title, author=table.unit_name,
                      creation_date=table.dated, orientation=LANDSCAPE, watermark=watermark)


def write_transfer_table_pdf(table: TransferTable, path: str | os.PathLike[str], *,
                             watermark: bool = False) -> Path:
    return write_atomic(path, render_transfer_table(table, watermark=watermark))


# 分类统计表 --------------------------------------------------------------------------------------


def _count_grid(rows: Sequence[CountRow]) -> Table:
    st = _styles()
    count_columns = sum(len(cols) for _, cols in COUNT_GROUPS)
    width = frame_width(LANDSCAPE)
    field_w = FIELD_WIDTH_MM * mm
    widths = [field_w, *([(width - field_w) / count_columns] * count_columns)]
    top: list[Cell | str | Flowable | None] = [_head("技术领域", rowspan=2)]
    second: list[Cell | str | Flowable | None] = []
    for group, columns in COUNT_GROUPS:
        top.append(_head(group, colspan=len(columns)))
        second += [_head(heading) for _, heading in columns]
    body: list[list[Cell | str | Flowable | None]] = [top, second]
    for row in rows:
        first = (_head(row.heading) if row.heading == TOTAL_LABEL
                 else Cell(para(row.heading, st["cell"])))
        body.append([first, *(Cell(para(str(n), st["centre"])) for n in row.counts)])
    return form_grid(body, widths, repeat_rows=2)


def classification_story(table: ClassificationTable) -> list[Flowable]:
    st = _styles()
    story: list[Flowable] = [
        para(table.title, st["title"]),
        _header_line(table.unit_name, chinese_date(table.dated)),
        para(SECTION_STRATEGIC, st["section"]),
        _count_grid(table.by_strategic),
        Spacer(0, 4 * mm),
        para(SECTION_ECONOMY, st["section"]),
        _count_grid(table.by_economy),
        para(CLASSIFICATION_NOTE, st["note"]),
    ]
    if table.details:
        story += [PageBreak(), para(f"{table.title}（{DETAIL_TITLE}）", st["title"])]
        left = {2, 4, 5, 6}
        rows: list[list[Cell | str | Flowable | None]] = [
            [Cell(para(text, st["cell"] if i in left else st["centre"]))
             for i, text in enumerate(detail.cells)] for detail in table.details]
        story.append(LongGrid([[_head(h) for h in DETAIL_COLUMNS]], rows,
                              _scaled(DETAIL_WIDTHS_MM)))
    return story


def classification_texts(table: ClassificationTable) -> list[tuple[str, str, str]]:
    texts = [("表头", "unit", table.unit_name)]
    for detail in table.details:
        texts += [(detail.cells[1], "title", detail.cells[2]),
                  (detail.cells[1], "patentees", detail.cells[4]),
                  (detail.cells[1], "evaluator", detail.cells[11])]
    return texts


def render_classification_table(table: ClassificationTable, *, watermark: bool = False
                                ) -> bytes:
    missing = check_text(classification_texts(table))
    if missing:
        raise UnprintableText(missing)
    return render_pdf(classification_story(table), title=table.title, author=table.unit_name,
                      creation_date=table.dated, orientation=LANDSCAPE, watermark=watermark)


def write_classification_table_pdf(table: ClassificationTable, path: str | os.PathLike[str],
                                   *, watermark: bool = False) -> Path:
    return write_atomic(path, render_classification_table(table, watermark=watermark))
