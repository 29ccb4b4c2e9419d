"""湖北省专利开放许可（试点）汇总表 — the summary list as PDF (FORMS.md §3; notice 003, 附件 3).

One A4 landscape document: the title centred; the header line 单位名称（盖章）：… with a blank
area beside the unit's name for its seal, then 联系人:… 联系电话：… (the notice's punctuation,
ASCII colon after 联系人 included); then the table with the official headings (broken over
lines where the notice breaks them, 专利法律状态 and 专利类型 further when their column is
narrow), repeated at the top of every page.  Rows move to the next page whole; only a row
that fits on no page (or the first under the header line) is split, its box closed and
reopened, nothing clipped.

Rows, headings and labels come from :mod:`app.models.summary_list` — the workbook
(:mod:`app.export.excel.summary_list`) prints the same ones.  Column widths follow the
content: each short column is as wide as its heading and values need (a patent number or a
phone number is never broken), and 专利名称 and 专利权人 share what is left.
"""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from app.export.excel.summary_list import LEFT_ALIGNED
from app.export.pdf import (
    LANDSCAPE,
    SEAL_MIN_WIDTH,
    Cell,
    MissingGlyph,
    check_text,
    form_grid,
    frame_width,
    kit_styles,
    label,
    para,
    register_fonts,
    render_pdf,
    value,
    write_atomic,
)
from app.export.pdf.flowables import CELL_PADDING
from app.export.pdf.information_sheet import UnprintableText
from app.export.pdf.kit import RunningHead, continuation_head
from app.export.pdf.text import is_wide
from app.models.summary_list import (
    COLUMNS,
    CONTACT_LABEL,
    PHONE_LABEL,
    UNIT_LABEL,
    SummaryList,
    SummaryRow,
)

__all__ = [
    "HEADER_RECORD",
    "SEAL_HEIGHT",
    "SEAL_WIDTH",
    "UnprintableText",
    "column_widths",
    "field_heading",
    "header_line",
    "render_summary_list",
    "summary_list_story",
    "summary_list_texts",
    "write_summary_list_pdf",
]

# The blank area beside 单位名称（盖章）: a unit's round seal is about 42 mm across.
SEAL_WIDTH = 50 * mm
SEAL_HEIGHT = 42 * mm
assert SEAL_WIDTH >= SEAL_MIN_WIDTH

# Where each column's data lives in the register, for findings the window can point at.
FIELDS: dict[str, str] = {
    "serial": "serial", "number": "number", "title": "title", "patentees": "patentees",
    "single_term": "single_term", "legal_status": "legal_status", "kind": "kind",
    "open_scope": "open_scope", "contact_name": "contact.name",
    "contact_phone": "contact.phone",
}
HEADER_RECORD = "汇总表表头"  # the "record" of the header line's texts in findings
HEADER_FIELDS = (("unit_name", "name", UNIT_LABEL), ("contact_name", "contacts", CONTACT_LABEL),
                 ("contact_phone", "phone", PHONE_LABEL))

# Short columns: never narrower than their heading and longest unbreakable word, never wider
# than this, so that 专利名称 and 专利权人 keep at least ~70 mm between them.  专利法律状态
# fits "失效（未缴年费）" on one line (broken it reads "失效（未缴年 / 费）").
MAX_WIDTH: dict[str, float] = {
    "serial": 13 * mm, "number": 40 * mm, "single_term": 22 * mm, "legal_status": 34 * mm,
    "kind": 30 * mm, "open_scope": 24 * mm, "contact_name": 18 * mm, "contact_phone": 30 * mm,
}
WIDE_COLUMNS = ("title", "patentees")
MIN_WIDE = 35 * mm
LEAST_WIDE = 25 * mm  # when short columns cannot give more (a phone with an extension…)
# Values from a short fixed list, whole on one line: "失效（未缴年 / 费）" would read badly.
WHOLE_VALUES = frozenset({"serial", "legal_status", "kind"})
# Headings that may wrap further than the model's form when their values are short (the notice
# itself sets them in narrow cells): the column need only hold this line.  "有效" and "发明"
# then leave ~12 mm more to 专利名称 and 专利权人.
HEADING_MIN_LINE = {"legal_status": "专利法律", "kind": "外观设计）"}
# 专利名称's share of the room the two wide columns share, from how much text each holds.
ANNEX = "附件 3"  # the Hubei notice (003) prints it above the form
TITLE_SHARE = (0.45, 0.68)
_SLACK = 3.0  # points: air beside a number that fills its cell, and rounding


# --------------------------------------------------------------------------------- glyphs


def summary_list_texts(summary: SummaryList) -> list[tuple[str, str, str]]:
    """Every data text the PDF prints, as (record, field, text) for ``check_text``: the
    header line's under :data:`HEADER_RECORD`, a row's under its patent number."""
    texts = [(HEADER_RECORD, field, getattr(summary, attr)) for attr, field, _ in HEADER_FIELDS]
    for row in summary.rows:
        record = row.number or f"序号 {row.serial}"
        texts += [(record, FIELDS[column.key], str(getattr(row, column.key)))
                  for column in COLUMNS if column.key != "serial"]
    return texts


def field_heading(field: str) -> str:
    """The printed heading (or header label) of a field of :func:`summary_list_texts`."""
    for attr, name, text in HEADER_FIELDS:
        if name == field:
            return {"unit_name": "单位名称"}.get(attr, text.rstrip(":："))
    for column in COLUMNS:
        if FIELDS[column.key] == field:
            return column.heading
    return field


# --------------------------------------------------------------------------------- widths


def _width(text: str, size: float) -> float:
    return float(stringWidth(text, register_fonts(), size))


def _longest_word(text: str, size: float) -> float:
    """The widest run of narrow characters (a number, a phone): what must not be broken."""
    widest, run = 0.0, ""
    for ch in text + " ":
        if ch.isspace() or is_wide(ch):  # as the kit's line breaker: these end a word
            widest = max(widest, _width(run, size))
            run = ""
        else:
            run += ch
    return widest


def column_widths(summary: SummaryList, total: float | None = None) -> list[float]:
    """Widths of the ten columns (points), summing to ``total`` (the landscape frame).

    A short column gets what its values want up to its cap, never less than its heading's
    widest line and its longest word (a patent or phone number); 专利名称 and 专利权人 share
    the rest by how much text each holds and stay the widest.  When the rest is too small,
    short columns give up what they have beyond their floor first.
    """
    styles = kit_styles()
    size = styles.cell.fontSize
    pad = 2 * CELL_PADDING + _SLACK
    total = frame_width(LANDSCAPE) if total is None else total
    floors: dict[str, float] = {}
    wants: dict[str, float] = {}
    for column in COLUMNS:
        if column.key in WIDE_COLUMNS:
            continue
        lines = column.wrapped.split("\n")
        if column.key in HEADING_MIN_LINE:
            lines = [HEADING_MIN_LINE[column.key]]
        heading = max(_width(line, styles.label.fontSize) for line in lines)
        values = [str(getattr(row, column.key)) for row in summary.rows]
        natural = max([_width(line, size) for v in values for line in v.split("\n")] or [0])
        word = max([_longest_word(v, size) for v in values] or [0])
        if column.key in WHOLE_VALUES:
            word = natural
        floors[column.key] = max(heading, word) + pad
        wants[column.key] = max(floors[column.key], min(natural + pad, MAX_WIDTH[column.key]))
    widths = dict(wants)
    # Both wide columns stay wider than any short one (the table is about them).
    wide_floor = max(MIN_WIDE, max(floors.values()) + 2 * mm)
    short_of = 2 * wide_floor - (total - sum(widths.values()))
    slack = sum(wants[k] - floors[k] for k in wants)
    if short_of > 0 and slack > 0:
        give = min(short_of, slack) / slack
        widths = {k: wants[k] - (wants[k] - floors[k]) * give for k in wants}
    room = total - sum(widths.values())
    if room < 2 * LEAST_WIDE:  # only with absurd data: everything shrinks alike
        scale = (total - 2 * LEAST_WIDE) / sum(widths.values())
        widths = {k: w * scale for k, w in widths.items()}
        room = 2 * LEAST_WIDE
    wide_floor = min(wide_floor, room / 2)
    amount = {key: sum(_width(str(getattr(r, key)), size) for r in summary.rows)
              for key in WIDE_COLUMNS}
    share = amount["title"] / (amount["title"] + amount["patentees"] or 1) if summary.rows else 0.55
    share = min(max(share, TITLE_SHARE[0]), TITLE_SHARE[1])
    widths["title"] = min(max(room * share, wide_floor), room - wide_floor)
    widths["patentees"] = room - widths["title"]
    return [widths[column.key] for column in COLUMNS]


# --------------------------------------------------------------------------------- story


def _styles() -> dict[str, ParagraphStyle]:
    s = kit_styles()
    hang = _width(UNIT_LABEL, s.body.fontSize)
    return {
        "title": ParagraphStyle("summary_title", parent=s.title, spaceAfter=4),
        "header": ParagraphStyle("summary_header", parent=s.body, spaceAfter=0),
        # A long unit name wraps under itself, not under 单位名称.
        "unit": ParagraphStyle("summary_unit", parent=s.body, spaceAfter=0, leftIndent=hang,
                               firstLineIndent=-hang),
    }


# Room left after a label whose value is empty, to write it in by hand.
HAND_BLANK = {"contact": 25 * mm, "phone": 38 * mm}


def header_line(summary: SummaryList, width: float | None = None) -> Table:
    """单位名称（盖章）：<unit> | blank seal area | 联系人:<name> | 联系电话：<phone>.

    One row as tall as the seal area, text centred on it, so the seal goes beside the unit's
    name without covering any text.  The phone ends at the right edge, like the notice's
    line; an empty contact or phone leaves room to write it in.
    """
    styles = _styles()
    size = styles["header"].fontSize
    width = frame_width(LANDSCAPE) if width is None else width
    unit = f"{UNIT_LABEL}{summary.unit_name}"
    contact = f"{CONTACT_LABEL}{summary.contact_name}"
    phone = f"{PHONE_LABEL}{summary.contact_phone}"
    pad = 2 * CELL_PADDING + _SLACK
    contact_w = min(max(_width(contact, size), _width(CONTACT_LABEL, size)
                        + HAND_BLANK["contact"]) + pad, 60 * mm)
    phone_w = min(max(_width(phone, size), _width(PHONE_LABEL, size)
                      + HAND_BLANK["phone"]) + pad, 70 * mm)
    unit_room = width - SEAL_WIDTH - contact_w - phone_w - 10 * mm  # 10 mm: air before 联系人
    unit_w = max(min(_width(unit, size) + pad, unit_room), _width(UNIT_LABEL, size) * 2 + pad)
    gap = width - unit_w - SEAL_WIDTH - contact_w - phone_w
    cells: list[list[object]] = [[
        para(unit, styles["unit"]), "", para(contact, styles["header"]), "",
        para(phone, styles["header"]),
    ]]
    return Table(
        cells, colWidths=[unit_w, SEAL_WIDTH, contact_w, gap, phone_w],
        minRowHeights=[SEAL_HEIGHT], hAlign="LEFT",  # taller only for a very long name
        style=TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("LEFTPADDING", (0, 0), (0, 0), 0),  # the label starts at the margin
            ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
        ]),
    )


def _row_cells(row: SummaryRow) -> list[Cell]:
    cells = []
    for column, content in zip(COLUMNS, row.cells(), strict=True):
        align = None if column.key in LEFT_ALIGNED else "center"
        cells.append(value(str(content), align=align))
    return cells


def summary_list_story(summary: SummaryList) -> list[Flowable]:
    """The document's flowables (a fresh list on every call: reportlab consumes them)."""
    styles = _styles()
    widths = column_widths(summary)
    heading = [label(column.wrapped) for column in COLUMNS]
    table = form_grid([heading, *(_row_cells(row) for row in summary.rows)], widths,
                      repeat_rows=1)
    return [RunningHead(continuation_head(summary.title, summary.unit_name), mark=ANNEX),
            para(summary.title, styles["title"]), header_line(summary), table]


def render_summary_list(summary: SummaryList) -> bytes:
    """The PDF's bytes (same list, same bytes: the creation date is the list's own
    ``dated``); raises :class:`UnprintableText` before any layout when a character of the data
    is not in the font."""
    missing: list[MissingGlyph] = check_text(summary_list_texts(summary))
    if missing:
        raise UnprintableText(missing)
    return render_pdf(
        summary_list_story(summary),
        title=summary.title,
        author=summary.unit_name,
        subject=summary.subject,
        creation_date=summary.dated,
        orientation=LANDSCAPE,
    )


def write_summary_list_pdf(summary: SummaryList, path: str | os.PathLike[str]) -> Path:
    """Render, then write ``path`` atomically (a failure leaves the old file as it was).
    Raises :class:`UnprintableText` (nothing written) or ``OSError``."""
    return write_atomic(path, render_summary_list(summary))

