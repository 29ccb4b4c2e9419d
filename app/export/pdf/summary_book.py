"""河南省专利开放许可试点工作总结书 — the summary book (FORMS.md §4; notice 000, 附件 4).

Cover, then 一 to 五 each from a new page, in the notice's order and wording
(app.models.summary_book holds the wording). 三 and 四 are computed from the records
(`SummaryBookData`); the footnote is printed verbatim under 四. 二's long self-evaluation flows
over as many pages as it needs, paragraph by paragraph. 五 has the unit's pledge with blank
areas for the legal representative's signature or seal and the unit's seal, and the three
boxes the province fills in (专家组意见, 部门意见, 审核意见) left blank with their labels.

The cover's "二〇二三年十二月" is the edition line of the province's template (under
"河南省知识产权局编制", as "二〇二三年制" under the ops-centre table's issuer), so it is printed
as it stands; the unit's own date is 填报时间.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from app.export.pdf import (
    Cell,
    MissingGlyph,
    SealBlock,
    check_text,
    date_text,
    fixed_text,
    form_grid,
    frame_width,
    kit_styles,
    label,
    page_box,
    para,
    register_fonts,
    render_pdf,
    value,
    write_atomic,
)
from app.export.pdf.flowables import GRID_LINE, AtBottom, sealed_cover_lines
from app.export.pdf.kit import RunningHead, continuation_head
from app.models.summary_book import (
    BOOK_TITLE,
    COVER_DATE_LABEL,
    COVER_ISSUER,
    COVER_SEAL_MARK,
    COVER_TITLE_LINES,
    COVER_UNIT_LABEL,
    DEAL_LIST_HEADINGS,
    DEAL_LIST_NOTES,
    DEALS_GROUP,
    DEPARTMENT_LABEL,
    DEPARTMENT_SIGN,
    EXPERT_LABEL,
    EXPERT_SIGN,
    LEAD_GROUP,
    LEAD_LABELS,
    LEGAL_REPRESENTATIVE_LABEL,
    PLEDGE,
    REVIEW_LABEL,
    REVIEW_SIGN,
    REVIEW_UNIT_LABEL,
    SECTION_DEAL_LIST,
    SECTION_REVIEW,
    SECTION_SELF_EVALUATION,
    SECTION_STATISTICS,
    SECTION_UNIT,
    SELF_EVALUATION_GUIDANCE,
    SIGN_OR_SEAL,
    STATISTICS_GROUP_START,
    STATISTICS_HEADINGS,
    TEMPLATE_EDITION,
    UNIT_GROUP,
    UNIT_LABELS,
    UNIT_PROFILE_LABEL,
    UNIT_SEAL_LABEL,
    SummaryBookData,
)

SEAL_WIDTH = 50 * mm


ANNEX = "附件 4"  # the Henan notice (000) prints it above the cover

def frame_height() -> float:
    return page_box().frame_height

SEAL_HEIGHT = 38 * mm


class UnprintableText(ValueError):
    """Characters of the data the bundled font cannot draw (they would print as boxes)."""

    def __init__(self, missing: Sequence[MissingGlyph]) -> None:
        super().__init__(", ".join(f"{m.field}: {m.code}" for m in missing))
        self.missing = list(missing)


# Styles ------------------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    s = kit_styles()
    return {
        "cover_title": ParagraphStyle("book_cover_title", parent=s.title, fontSize=26,
                                      leading=40, spaceAfter=0),
        "cover_line": ParagraphStyle("book_cover_line", parent=s.body, fontSize=15, leading=24),
        "cover_bottom": ParagraphStyle("book_cover_bottom", parent=s.body, fontSize=15,
                                       leading=26, alignment=TA_CENTER),
        "section": ParagraphStyle("book_section", parent=s.heading, fontSize=15, leading=24,
                                  spaceBefore=0, spaceAfter=6, keepWithNext=1),
        "guidance": ParagraphStyle("book_guidance", parent=s.body, fontSize=12, leading=20,
                                   spaceAfter=8, keepWithNext=1),
        "body": s.body_indent,
        "cell": s.cell,
        "head": ParagraphStyle("book_head", parent=s.label, fontSize=9.5, leading=13),
        "small": ParagraphStyle("book_small", parent=s.cell, fontSize=9.5, leading=13),
        "small_centre": ParagraphStyle("book_small_c", parent=s.cell, fontSize=9.5, leading=13,
                                       alignment=TA_CENTER),
        "note": s.note,
        "box": ParagraphStyle("book_box", parent=s.cell, fontSize=12, leading=20,
                              alignment=TA_LEFT),
    }


# Cover --------------------------------------------------------------------------------------------


def cover_story(data: SummaryBookData, *, edition: str = TEMPLATE_EDITION) -> list[Flowable]:
    """The cover: title on two lines, 填报单位 with room for the seal, 填报时间, the issuer."""
    st = _styles()
    lines = sealed_cover_lines(COVER_UNIT_LABEL, data.unit.name, COVER_SEAL_MARK,
                               COVER_DATE_LABEL, date_text(data.fields.filled_on),
                               st["cover_line"], underline_date=False)
    return [
        Spacer(1, 45 * mm),
        *(para(line, st["cover_title"]) for line in COVER_TITLE_LINES),
        Spacer(1, 12 * mm),
        lines,
        AtBottom([para(COVER_ISSUER, st["cover_bottom"]), para(edition, st["cover_bottom"]),
                  Spacer(1, 8 * mm)], spacing=False),
        PageBreak(),
    ]


# 一 ---------------------------------------------------------------------------------------------


def unit_story(data: SummaryBookData) -> list[Flowable]:
    st = _styles()
    width = frame_width()
    cols = [18 * mm, 41 * mm, 0.0, 24 * mm, 0.0]
    rest = width - sum(cols)
    cols[2] = cols[4] = rest / 2
    unit = data.unit
    lead = data.fields.lead
    u = dict(UNIT_LABELS)
    ld = dict(LEAD_LABELS)
    rows: list[list[Cell | str | Flowable | None]] = [
        [label(UNIT_GROUP, rowspan=5), label(u["name"]), value(unit.name, colspan=3)],
        [label(u["legal_representative"]), value(unit.legal_representative, colspan=3)],
        [label(u["phone"]), value(unit.phone), label(u["fax"]), value(unit.fax)],
        [label(u["address"]), value(unit.address, colspan=3)],
        [label(u["postcode"]), value(unit.postcode), label(u["email"]), value(unit.email)],
        # Broken as on the form: "工作" over "负责人".
        [label(LEAD_GROUP[:2] + "\n" + LEAD_GROUP[2:], rowspan=3), label(ld["name"]),
         value(lead.name), label(ld["mobile"]), value(lead.mobile)],
        [label(ld["department"]), value(lead.department), label(ld["title"]),
         value(lead.title)],
        [label(ld["phone"]), value(lead.phone), label(ld["fax"]), value(lead.fax)],
        [label(UNIT_PROFILE_LABEL, colspan=5)],
    ]
    grid = form_grid(rows, cols, row_heights=[10 * mm] * 9)
    profile = boxed_text(data.fields.unit_profile, width, st["cell"], empty_height=60 * mm)
    return [para(SECTION_UNIT, st["section"]), grid, profile]


class _BoxedTable(Table):  # type: ignore[misc]
    """A table that rules a box round whatever part of it a page holds.

    reportlab's "splitfirst"/"splitlast" lines only close the first two parts of a table split
    over three or more pages; each part here is a _BoxedTable and draws its own box.
    """

    def draw(self) -> None:
        super().draw()
        self.canv.saveState()
        self.canv.setLineWidth(GRID_LINE)
        self.canv.rect(0, 0, self._width, self._height)
        self.canv.restoreState()


def boxed_text(text: str, width: float, style: ParagraphStyle, *, empty_height: float
               ) -> Table:
    """Text in a ruled box under the grid, one table row per paragraph: a long text splits
    between rows onto as many pages as it needs, the box closed at every page break.

    Rows are never split inside (reportlab leaves an empty sliver of a split row behind), so a
    paragraph longer than a third of a page is cut into several rows first.
    """
    padding = 12
    cells: list[list[Flowable]] = []
    limit = frame_height() / 3
    for paragraph in _paragraphs(text, style):
        pieces = [paragraph]
        while pieces[-1].wrap(width - padding, limit)[1] > limit:
            parts = pieces.pop().split(width - padding, limit)
            if len(parts) < 2:
                break
            pieces += parts
        cells += [[piece] for piece in pieces]
    heights: list[float | None] | None = None
    if not text.strip():
        cells, heights = [[Spacer(1, 1)]], [empty_height]  # room to write by hand
    return _BoxedTable(
        cells,
        colWidths=[width],
        rowHeights=heights,
        splitByRow=1,
        hAlign="CENTER",
        style=TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
            ("LEFTPADDING", (0, 0), (-1, -1), padding / 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), padding / 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("TOPPADDING", (0, 0), (-1, 0), 5),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
        ]),
    )


def _paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """One paragraph per line of the text as typed (blank lines kept as space), so a long text
    can split between paragraphs across pages."""
    out: list[Flowable] = []
    for line in (text or "").replace("\r\n", "\n").split("\n"):
        out.append(para(line.strip() or "\u00a0", style))
    return out


# 二 ---------------------------------------------------------------------------------------------


def self_evaluation_story(data: SummaryBookData) -> list[Flowable]:
    st = _styles()
    story: list[Flowable] = [para(SECTION_SELF_EVALUATION, st["section"]),
                             para(SELF_EVALUATION_GUIDANCE, st["guidance"])]
    story += _paragraphs(data.fields.self_evaluation, st["body"])
    return story


# 三 ---------------------------------------------------------------------------------------------

STATISTICS_WIDTHS_MM = (16.0, 16.0, 20.0, 25.0, 17.0, 15.0, 17.0, 17.0, 22.0)


def statistics_story(data: SummaryBookData) -> list[Flowable]:
    st = _styles()
    width = frame_width()
    scale = width / (sum(STATISTICS_WIDTHS_MM) * mm)
    cols = [w * mm * scale for w in STATISTICS_WIDTHS_MM]
    head = st["head"]
    # The first five headings span both heading rows; 达成许可情况 spans its four columns.
    top: list[Cell | str | Flowable | None] = [
        Cell(para(heading, head), rowspan=2, label=True)
        for _, heading in STATISTICS_HEADINGS[:STATISTICS_GROUP_START]
    ]
    top.append(Cell(para(DEALS_GROUP, head), colspan=len(STATISTICS_HEADINGS)
                    - STATISTICS_GROUP_START, label=True))
    second: list[Cell | str | Flowable | None] = [
        Cell(para(heading, head), label=True)
        for _, heading in STATISTICS_HEADINGS[STATISTICS_GROUP_START:]
    ]
    figures: list[Cell | str | Flowable | None] = [
        Cell(para(data.statistics.text(key), st["small_centre"]))
        for key, _ in STATISTICS_HEADINGS
    ]
    grid = form_grid([top, second, figures], cols, row_heights=[None, None, 16 * mm])
    return [para(SECTION_STATISTICS + data.as_of, st["section"]), grid]


# 四 ---------------------------------------------------------------------------------------------

DEAL_LIST_WIDTHS_MM = (10.0, 34.0, 32.0, 33.0, 22.0, 34.0)


def deal_list_story(data: SummaryBookData) -> list[Flowable]:
    st = _styles()
    width = frame_width()
    scale = width / (sum(DEAL_LIST_WIDTHS_MM) * mm)
    cols = [w * mm * scale for w in DEAL_LIST_WIDTHS_MM]
    rows: list[list[Cell | str | Flowable | None]] = [
        [Cell(para(h, st["head"]), label=True) for h in DEAL_LIST_HEADINGS]
    ]
    for row in data.rows:
        rows.append([
            Cell(para(str(row.serial), st["small_centre"])),
            Cell(para(row.licensors_text, st["small"])),
            Cell(para(row.licensee, st["small"])),
            # One number per line: a package's numbers stay whole and easy to count.
            Cell(para(row.numbers_text("\n"), st["small_centre"])),
            Cell(para(row.amount_text, st["small_centre"])),
            Cell(para(row.remarks, st["small"])),
        ])
    heights: list[float | None] = [None] * len(rows)
    if not data.rows:
        rows.append([None] * len(DEAL_LIST_HEADINGS))
        heights.append(10 * mm)
    grid = form_grid(rows, cols, repeat_rows=1, row_heights=heights)
    notes = fixed_text(DEAL_LIST_NOTES, st["note"])
    return [para(SECTION_DEAL_LIST + data.as_of, st["section"]), grid, Spacer(1, 2 * mm),
            *notes]


# 五 ---------------------------------------------------------------------------------------------


def review_story(data: SummaryBookData) -> list[Flowable]:
    st = _styles()
    s = kit_styles()
    width = frame_width()
    label_w = 24 * mm
    inner = width - label_w - 8  # the cell's padding
    sign_style = ParagraphStyle("book_sign", parent=s.body, fontSize=12, leading=20)
    right = ParagraphStyle("book_sign_right", parent=sign_style, alignment=TA_RIGHT)
    no_padding = TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts()),
                             ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    # Side by side as on the form: the legal representative signs or seals on the left, the
    # unit's seal on the right; each label stands over its blank area.
    half = inner / 2
    signatures = Table(
        [[SealBlock(f"{LEGAL_REPRESENTATIVE_LABEL}\n{SIGN_OR_SEAL}", date_line=False,
                    seal_width=max(SEAL_WIDTH, half), seal_height=SEAL_HEIGHT,
                    style=sign_style, align="left"),
          SealBlock(UNIT_SEAL_LABEL, date_line=False, seal_width=max(SEAL_WIDTH, half),
                    seal_height=SEAL_HEIGHT, style=sign_style, align="left")]],
        colWidths=[half, half], style=no_padding,
    )
    pledge = [
        para(PLEDGE, ParagraphStyle("book_pledge", parent=st["box"], firstLineIndent=24)),
        signatures,
        para(date_text(data.fields.filled_on), right),
    ]

    def province_box(signature: str) -> list[Flowable]:
        # Blank room for the opinion, then the signature line with its date.
        line = Table([[para(signature, sign_style), para(date_text(None), right)]],
                     colWidths=[inner * 0.55, inner * 0.45], style=no_padding)
        return [Spacer(1, 24 * mm), line]

    department = "\u3000\u3000\u3000\u3000".join(DEPARTMENT_SIGN)
    review = [Spacer(1, 10 * mm),
              SealBlock(REVIEW_SIGN, seal_width=SEAL_WIDTH, seal_height=SEAL_HEIGHT,
                        style=sign_style, space_before=0)]
    rows: list[list[Cell | str | Flowable | None]] = [
        [label(REVIEW_UNIT_LABEL), value(pledge)],
        [label(EXPERT_LABEL), value(province_box(EXPERT_SIGN))],
        [label(DEPARTMENT_LABEL), value(province_box(department))],
        [label(REVIEW_LABEL), value(review)],
    ]
    grid = form_grid(rows, [label_w, width - label_w])
    return [para(SECTION_REVIEW, st["section"]), grid]


# The book -----------------------------------------------------------------------------------------


def summary_book_story(data: SummaryBookData, *, edition: str = TEMPLATE_EDITION
                       ) -> list[Flowable]:
    """Every flowable of the book, cover to 五 (a fresh list on every call)."""
    story: list[Flowable] = [
        RunningHead(continuation_head(BOOK_TITLE, f"{data.unit.name}　{data.as_of}"),
                    mark=ANNEX)]
    story += cover_story(data, edition=edition)
    story += unit_story(data)
    story.append(PageBreak())
    story += self_evaluation_story(data)
    story.append(PageBreak())
    story += statistics_story(data)
    story.append(PageBreak())
    story += deal_list_story(data)
    story.append(PageBreak())
    # 五 is one form: kept on one page.
    story.append(KeepTogether(review_story(data)))
    return story


def summary_book_texts(data: SummaryBookData) -> list[tuple[str, str, str]]:
    """Every data text the book prints, as (record, field, text) for ``check_text``."""
    record = data.period.end_month
    unit, lead, fields = data.unit, data.fields.lead, data.fields
    texts = [(f"organisation.{k}", getattr(unit, k)) for k, _ in UNIT_LABELS]
    texts += [(f"lead.{k}", getattr(lead, k)) for k, _ in LEAD_LABELS]
    texts += [("unit_profile", fields.unit_profile), ("self_evaluation", fields.self_evaluation),
              ("platform_name", fields.platform_name), ("platform_url", fields.platform_url)]
    for row in data.rows:
        where = f"deals[{row.serial}]"
        texts += [(f"{where}.licensors", row.licensors_text), (f"{where}.licensee", row.licensee),
                  (f"{where}.patents", row.numbers_text()), (f"{where}.remarks", row.remarks)]
    return [(record, name, text) for name, text in texts if text]


def creation_day(data: SummaryBookData) -> dt.date:
    """The PDF's creation date, from the data: 填报时间, else the period's last day."""
    return data.fields.filled_on or data.period.end


def render_summary_book(
    data: SummaryBookData,
    *,
    watermark: bool = False,
    edition: str = TEMPLATE_EDITION,
) -> bytes:
    """The book as PDF bytes (same data, same bytes); raises :class:`UnprintableText` before
    any layout when a character of the data is not in the font."""
    missing = check_text(summary_book_texts(data))
    if missing:
        raise UnprintableText(missing)
    return render_pdf(
        summary_book_story(data, edition=edition),
        title=BOOK_TITLE,
        subject=f"{data.unit.name} {data.as_of}",
        author=data.unit.name,
        creation_date=creation_day(data),
        watermark=watermark,
    )


def write_summary_book(
    data: SummaryBookData,
    path: str | os.PathLike[str],
    *,
    watermark: bool = False,
    edition: str = TEMPLATE_EDITION,
) -> Path:
    """Render and write the book atomically; return the path."""
    return write_atomic(path, render_summary_book(data, watermark=watermark, edition=edition))
