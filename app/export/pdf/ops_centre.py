"""河南省高校知识产权运营管理中心建设工作总结表 — the operations-centre summary table (FORMS.md §6;
notice 000, 附件 3).

Cover, then 一 to 七 each from a new page, in the notice's order and wording
(app.models.ops_centre holds the wording and the guidance). Long texts flow over as many pages as
they need in ruled boxes (`boxed_text`, shared with the summary book); the tables with rows
(2.2 documents, 专利导航 projects) repeat their headings on every page they reach. The by-year
tables are computed (`OpsCentreData`): every 小计 is a sum, the stock column's is "/".

The notice sets the group labels of 三 and 四 (近三年知识产权运营管理资金投入情况,
近三年高价值知识产权培育工作, 近三年知识产权运营成效（附清单）, 服务中小企业情况) in a narrow
column down the side of several tables and texts; a side column that long could not split across
pages, so the funding and SME tables keep theirs at the side and the two long groups print as a
heading line over their tables, the wording unchanged.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from app.export.pdf import (
    Cell,
    SealBlock,
    check_box,
    check_text,
    date_text,
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
from app.export.pdf.flowables import GRID_LINE, AtBottom
from app.export.pdf.kit import RunningHead, continuation_head
from app.export.pdf.summary_book import UnprintableText, boxed_text
from app.models.ops_centre import (
    BASIC_GROUP,
    BASIC_LABELS,
    COVER_ISSUER,
    COVER_LABELS,
    COVER_TITLE_LINES,
    CULTIVATION_GROUP,
    DOCUMENT_HEADINGS,
    DOCUMENTS_LABEL,
    FEATURES,
    FUNDING_COLUMNS,
    FUNDING_GROUP,
    FUNDING_HEADING,
    FUNDING_UNIT,
    FUNDING_YEAR,
    LEADING_GROUP_LABEL,
    NAVIGATION_COLUMNS,
    NAVIGATION_HEADING,
    OPERATION_GROUP,
    OPINION_LABEL,
    OTHER_TRANSFERS,
    OUTPUT_TEXTS,
    PARTNERS_LABEL,
    PLEDGE,
    PROBLEMS,
    PROGRESS_TEXTS,
    REPORT_TITLE,
    SEAL_LABEL,
    SECTION_BASIC,
    SECTION_OPINION,
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
    STAFF_HEADING,
    STAFF_LABELS,
    STANDARD_LABEL,
    STANDARD_OPTIONS,
    SUBTOTAL,
    SUPPORT_SPENDING_TEXTS,
    SUPPORT_TEXTS,
    SYSTEMS_HEADING,
    TEMPLATE_EDITION,
    OpsCentreData,
    PrintedTable,
    TextSection,
    parse_count,
    year_label,
)

SEAL_WIDTH = 55 * mm
SEAL_HEIGHT = 45 * mm
EMPTY_TEXT_HEIGHT = 40 * mm  # room to write by hand under an empty text
BLANK_ROWS = 3  # rows printed for an empty 2.2 or 专利导航 list
ANNEX = "附件 3"  # the Henan notice (000) prints it above the cover


def _styles() -> dict[str, ParagraphStyle]:
    s = kit_styles()
    return {
        "cover_title": ParagraphStyle("ops_cover_title", parent=s.title, fontSize=24,
                                      leading=38, spaceAfter=0),
        "cover_line": ParagraphStyle("ops_cover_line", parent=s.body, fontSize=15, leading=24),
        "cover_bottom": ParagraphStyle("ops_cover_bottom", parent=s.body, fontSize=15,
                                       leading=26, alignment=TA_CENTER),
        "section": ParagraphStyle("ops_section", parent=s.heading, fontSize=15, leading=24,
                                  spaceBefore=0, spaceAfter=6, keepWithNext=1),
        "group": ParagraphStyle("ops_group", parent=s.heading, fontSize=13, leading=20,
                                spaceBefore=4, spaceAfter=4, keepWithNext=1),
        "item": ParagraphStyle("ops_item", parent=s.body, fontSize=12, leading=19,
                               spaceBefore=6, spaceAfter=3, keepWithNext=1),
        "guidance": ParagraphStyle("ops_guidance", parent=s.body, fontSize=10.5, leading=16,
                                   spaceAfter=4, keepWithNext=1),
        "cell": s.cell,
        "centre": ParagraphStyle("ops_centre_cell", parent=s.cell, alignment=TA_CENTER),
        "head": ParagraphStyle("ops_head", parent=s.label, fontSize=10, leading=14),
        # Figures beside a two-line label: the label's size and leading, so lines align.
        "figures": ParagraphStyle("ops_figures", parent=s.cell, fontSize=10, leading=14,
                                  alignment=TA_CENTER),
        "box": ParagraphStyle("ops_box", parent=s.cell, fontSize=12, leading=20),
        "right": ParagraphStyle("ops_right", parent=s.body, alignment=TA_RIGHT),
    }


# Cover ----------------------------------------------------------------------------------------


def cover_story(data: OpsCentreData, *, edition: str = TEMPLATE_EDITION) -> list[Flowable]:
    st = _styles()
    width = frame_width()
    label_w = 60 * mm
    value_w = min(85 * mm, width - label_w)
    cover = data.cover
    values = dict(cover, filled_on=date_text(data.fields.filled_on) if data.fields.filled_on
                  else "")
    rows = [[para(text, st["cover_line"]), para(values.get(key, ""), st["cover_line"])]
            for key, text in COVER_LABELS]
    lines = Table(rows, colWidths=[label_w, value_w], hAlign="CENTER", style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
        ("LINEBELOW", (1, 0), (1, -1), GRID_LINE, "black"),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 9),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [
        Spacer(1, 40 * mm),
        *(para(line, st["cover_title"]) for line in COVER_TITLE_LINES),
        Spacer(1, 30 * mm),
        lines,
        AtBottom([para(COVER_ISSUER, st["cover_bottom"]), para(edition, st["cover_bottom"]),
                  Spacer(1, 8 * mm)]),
        PageBreak(),
    ]


# Pieces ---------------------------------------------------------------------------------------


def text_block(section: TextSection, text: str, *, heading: bool = True) -> list[Flowable]:
    """A long text of the form: its heading, the notice's guidance, the text in a ruled box."""
    st = _styles()
    out: list[Flowable] = []
    if heading:
        out.append(para(section.heading, st["item"]))
    if section.guidance:
        out.append(para(section.guidance, st["guidance"]))
    out.append(boxed_text(text, frame_width(), st["box"], empty_height=EMPTY_TEXT_HEIGHT))
    return out


def year_grid(table: PrintedTable, *, first: Sequence[Cell] = (), first_width: float = 0.0
              ) -> Table:
    """A by-year table: heading row, one row per year, the 小计 row (computed)."""
    st = _styles()
    width = frame_width() - first_width
    year_w = 24 * mm
    n = len(table.spec.columns)
    cols = [year_w] + [(width - year_w) / n] * n
    rows: list[list[Cell | str | Flowable | None]] = [[
        Cell(para(table.spec.year_label, st["head"]), label=True),
        *(Cell(para(heading, st["head"]), label=True) for _, heading, _ in table.spec.columns),
    ]]
    for year, row in zip(table.years, table.rows, strict=True):
        rows.append([label(year_label(year)), *(Cell(para(t, st["centre"])) for t in row)])
    rows.append([label(SUBTOTAL), *(Cell(para(t, st["centre"])) for t in table.subtotal)])
    return form_grid(rows, cols, repeat_rows=1)


# 一 --------------------------------------------------------------------------------------------


def basic_story(data: OpsCentreData) -> list[Flowable]:
    st = _styles()
    width = frame_width()
    cols = [46 * mm, 0.0, 26 * mm, 0.0]
    cols[1] = cols[3] = (width - sum(cols)) / 2
    b = data.basic
    lab = dict(BASIC_LABELS)
    rows: list[list[Cell | str | Flowable | None]] = [
        [label(BASIC_GROUP, colspan=4)],
        [label(lab["school_name"]), value(b["school_name"], colspan=3)],
        [label(lab["competent_authority"]), value(b["competent_authority"], colspan=3)],
        [label(lab["organisation_code"]), value(b["organisation_code"]),
         label(lab["legal_representative"]), value(b["legal_representative"])],
        [label(lab["ip_leader"]), value(b["ip_leader"], colspan=3)],
        [label(lab["centre_head"]), value(b["centre_head"]), label(lab["centre_head_mobile"]),
         value(b["centre_head_mobile"])],
        [label(lab["contact"]), value(b["contact"]), label(lab["contact_mobile"]),
         value(b["contact_mobile"])],
        [label(lab["contact_email"]), value(b["contact_email"]), label(lab["office_phone"]),
         value(b["office_phone"])],
        [label(lab["address"]), value(b["address"], colspan=3)],
        [label(lab["postcode"]), value(b["postcode"], colspan=3)],
    ]
    return [para(SECTION_BASIC, st["section"]),
            form_grid(rows, cols, row_heights=[10 * mm] + [12 * mm] * 9)]


# 二 --------------------------------------------------------------------------------------------


def progress_story(data: OpsCentreData) -> list[Flowable]:
    st = _styles()
    width = frame_width()
    f = data.fields
    story: list[Flowable] = [para(SECTION_PROGRESS, st["section"]),
                             para(LEADING_GROUP_LABEL, st["item"]),
                             boxed_text(f.leading_group, width, st["box"],
                                        empty_height=12 * mm),
                             para(SYSTEMS_HEADING, st["item"]),
                             para(STANDARD_LABEL, st["item"])]
    boxes = "\u3000\u3000".join(f"{check_box(status.value == f.standard)}{text}"
                                for status, text in STANDARD_OPTIONS)
    story.append(para(boxes, st["box"]))
    story.append(para(DOCUMENTS_LABEL, st["item"]))
    cols = [0.34 * width, 0.18 * width, 0.48 * width]
    rows: list[list[Cell | str | Flowable | None]] = [
        [Cell(para(h, st["head"]), label=True) for h in DOCUMENT_HEADINGS]]
    for i, doc in enumerate(f.documents, start=1):
        rows.append([Cell(para(f"({i}) {doc.name}".rstrip(), st["cell"])),
                     Cell(para(doc.issued, st["centre"])), Cell(para(doc.highlights, st["cell"]))])
    if not f.documents:
        rows += [[Cell(para(f"({i})", st["cell"])), None, None]
                 for i in range(1, BLANK_ROWS + 1)]
    rows.append([Cell(para("...", st["cell"])), None, None])
    story.append(form_grid(rows, cols, repeat_rows=1))
    for section in PROGRESS_TEXTS:
        story += text_block(section, f.text(section.key))
    return story


# 三 --------------------------------------------------------------------------------------------


def support_story(data: OpsCentreData) -> list[Flowable]:
    st = _styles()
    width = frame_width()
    f = data.fields
    story: list[Flowable] = [para(SECTION_SUPPORT, st["section"]),
                             para(FUNDING_HEADING, st["item"])]
    group_w, year_w = 26 * mm, 22 * mm
    rest = (width - group_w - year_w) / 3
    t = data.funding
    n_rows = 2 + len(t.years) + 1
    rows: list[list[Cell | str | Flowable | None]] = [
        [Cell(para(FUNDING_GROUP, st["head"]), rowspan=n_rows, label=True),
         Cell(para(FUNDING_YEAR, st["head"]), rowspan=2, label=True),
         Cell(para(FUNDING_UNIT, st["head"]), colspan=3, label=True)],
        [Cell(para(h, st["head"]), label=True) for _, h in FUNDING_COLUMNS],
    ]
    for year, row in zip(t.years, t.rows, strict=True):
        rows.append([label(year_label(year)), *(Cell(para(x, st["centre"])) for x in row)])
    rows.append([label(SUBTOTAL), *(Cell(para(x, st["centre"])) for x in t.subtotal)])
    story.append(form_grid(rows, [group_w, year_w, rest, rest, rest]))
    for section in SUPPORT_SPENDING_TEXTS:
        story += text_block(section, f.text(section.key))
    story.append(para(STAFF_HEADING, st["item"]))
    lab = dict(STAFF_LABELS)
    s = {k: f.staff.get(k, "").strip() for k, _ in STAFF_LABELS}
    cols = [0.3 * width, 0.2 * width, 0.3 * width, 0.2 * width]
    grid = form_grid([
        [label(lab["total"]), value(s["total"]), label(lab["growth"]), value(s["growth"])],
        [label(lab["full_time"]), value(s["full_time"]), label(lab["part_time"]),
         value(s["part_time"])],
        [label(lab["specialists"]), value(s["specialists"]), label(lab["agents"]),
         value(s["agents"])],
        [label(lab["managers"]), value(s["managers"], colspan=3)],
    ], cols, row_heights=[10 * mm] * 4)
    story.append(grid)
    for section in SUPPORT_TEXTS:
        story += text_block(section, f.text(section.key))
    return story


# 四 --------------------------------------------------------------------------------------------


def output_story(data: OpsCentreData) -> list[Flowable]:
    st = _styles()
    width = frame_width()
    f = data.fields
    story: list[Flowable] = [para(SECTION_OUTPUT, st["section"]),
                             para(CULTIVATION_GROUP, st["group"]),
                             para(data.patent_output.spec.heading, st["item"]),
                             year_grid(data.patent_output),
                             para(NAVIGATION_HEADING, st["item"])]
    widths = (10, 27, 45, 25, 18, 35)
    scale = width / sum(widths)
    rows: list[list[Cell | str | Flowable | None]] = [
        [Cell(para(h, st["head"]), label=True) for _, h in NAVIGATION_COLUMNS]]
    for i, p in enumerate(f.projects, start=1):
        rows.append([Cell(para(str(i), st["centre"])), Cell(para(p.category, st["centre"])),
                     Cell(para(p.name, st["cell"])), Cell(para(p.period, st["centre"])),
                     Cell(para(p.funding, st["centre"])), Cell(para(p.provider, st["cell"]))])
    heights: list[float | None] = [None] * len(rows)
    if not f.projects:
        rows += [[None] * len(NAVIGATION_COLUMNS) for _ in range(BLANK_ROWS)]
        heights += [10 * mm] * BLANK_ROWS
    story.append(form_grid(rows, [w * scale for w in widths], repeat_rows=1,
                           row_heights=heights))
    for section in OUTPUT_TEXTS:
        story += text_block(section, f.text(section.key))
    story.append(para(OPERATION_GROUP, st["group"]))
    for table in data.operations:
        story += [para(table.spec.heading, st["item"]), year_grid(table)]
    story += text_block(OTHER_TRANSFERS, f.text(OTHER_TRANSFERS.key))
    # Not kept with its heading: a table moved whole with it would repeat its headings
    # mid-page; room for the heading and a few rows is asked for instead.
    story += [CondPageBreak(60 * mm),
              para(SME_GROUP, ParagraphStyle("ops_group_free", parent=st["group"],
                                             keepWithNext=0)),
              sme_grid(data),
              para(PARTNERS_LABEL + (f" {parse_count(f.partners)}"
                                     if parse_count(f.partners) is not None
                                     else f" {f.partners}".rstrip()), st["item"])]
    return story


def sme_grid(data: OpsCentreData) -> Table:
    """服务中小企业情况: the matchmaking row and the named other activities, by year.

    The notice sets 其他服务中小企业工作 down the side of all the activities; a side cell that
    tall could not split across pages, so it heads their rows instead, across the table. Each
    activity's two rows (场次, 服务企业数量) stay together.
    """
    st = _styles()
    width = frame_width()
    name_w, figure_w = 52 * mm, 40 * mm
    years = data.years
    year_w = (width - name_w - figure_w) / len(years)
    head = st["head"]
    rows: list[list[Cell | str | Flowable | None]] = [
        [Cell(para(SME_ITEM, head), colspan=2, label=True),
         *(Cell(para(year_label(y), head), label=True) for y in years)],
    ]
    for i, ((_, figure), values) in enumerate(zip(SME_FIGURES, data.matchmaking, strict=True)):
        first: list[Cell | str | Flowable | None] = (
            [Cell(para(SME_MATCHMAKING, head), rowspan=2, label=True)] if i == 0 else [])
        rows.append([*first, Cell(para(figure, head), label=True),
                     *(Cell(para(v, st["centre"])) for v in values)])
    rows.append([Cell(para(SME_OTHER_GROUP, head), colspan=2 + len(years), label=True)])
    # One table row per activity, its two figures one above the other (a pair of rows joined
    # by a spanned name cell would let reportlab split between them).
    activities = list(data.activities) or [("", (("",) * len(years),) * 2)] * 2
    figure_lines = "\n".join(figure for _, figure in SME_OTHER_FIGURES)
    for n, (name, figures) in enumerate(activities, start=1):
        rows.append([
            Cell(para(f"{SME_ACTIVITY_NAME.format(n=n)}{name}", st["cell"])),
            Cell(para(figure_lines, head), label=True),
            *(Cell(para("\n".join(figures[i][y] or "\u00a0" for i in range(2)),
                        st["figures"])) for y in range(len(years))),
        ])
    return form_grid(rows, [name_w, figure_w, *([year_w] * len(years))], repeat_rows=1)


# 五 六 七 ----------------------------------------------------------------------------------------


def features_story(data: OpsCentreData) -> list[Flowable]:
    st = _styles()
    f = data.fields
    story: list[Flowable] = [para(FEATURES.heading, st["section"])]
    story += text_block(FEATURES, f.text(FEATURES.key), heading=False)
    return story


def problems_story(data: OpsCentreData) -> list[Flowable]:
    st = _styles()
    story: list[Flowable] = [para(PROBLEMS.heading, st["section"])]
    story += text_block(PROBLEMS, data.fields.text(PROBLEMS.key), heading=False)
    return story


def opinion_story(data: OpsCentreData) -> list[Flowable]:
    st = _styles()
    width = frame_width()
    label_w = 26 * mm
    pledge = ParagraphStyle("ops_pledge", parent=st["box"], firstLineIndent=24)
    seal = SealBlock(SEAL_LABEL, date_line=False, seal_width=SEAL_WIDTH,
                     seal_height=SEAL_HEIGHT, style=st["box"], align="right",
                     space_before=10 * mm)
    content = [Spacer(1, 6 * mm), para(PLEDGE, pledge), seal,
               para(date_text(data.fields.filled_on), st["right"]), Spacer(1, 6 * mm)]
    grid = form_grid([[label("\n".join([OPINION_LABEL[:6], OPINION_LABEL[6:]])),
                       value(content)]], [label_w, width - label_w])
    return [para(SECTION_OPINION, st["section"]), KeepTogether([grid])]


# The report -----------------------------------------------------------------------------------


def ops_centre_story(data: OpsCentreData, *, edition: str = TEMPLATE_EDITION
                     ) -> list[Flowable]:
    """Every flowable of the report, cover to 七 (a fresh list on every call)."""
    story: list[Flowable] = [RunningHead(continuation_head(REPORT_TITLE, running_subject(data)),
                                         mark=ANNEX)]
    story += cover_story(data, edition=edition)
    parts = (basic_story, progress_story, support_story, output_story, features_story,
             problems_story, opinion_story)
    for i, part in enumerate(parts):
        if i:
            story.append(PageBreak())
        story += part(data)
    return story


def running_subject(data: OpsCentreData) -> str:
    """What pages after the cover name besides the title: the unit and the report year."""
    return "　".join(p for p in (data.unit.name.strip(), f"{data.fields.report_year}年") if p)


def ops_centre_texts(data: OpsCentreData) -> list[tuple[str, str, str]]:
    """Every data text the report prints, as (record, field, text) for ``check_text``."""
    f = data.fields
    record = str(f.report_year)
    texts = [(f"basic.{k}", v) for k, v in data.basic.items()]
    texts += [("lead_department", f.lead_department), ("leading_group", f.leading_group),
              ("partners", f.partners)]
    texts += [(f"texts.{k}", v) for k, v in f.texts.items()]
    for i, d in enumerate(f.documents, start=1):
        texts += [(f"documents[{i}].name", d.name), (f"documents[{i}].issued", d.issued),
                  (f"documents[{i}].highlights", d.highlights)]
    for i, p in enumerate(f.projects, start=1):
        texts += [(f"projects[{i}].{k}", str(v)) for k, v in vars(p).items()]
    for i, a in enumerate(f.activities, start=1):
        texts.append((f"activities[{i}].name", a.name))
    for year, row in f.funding.items():
        texts.append((f"funding[{year}].other_source", row.get("other_source", "")))
    return [(record, name, text) for name, text in texts if text]


def creation_day(data: OpsCentreData) -> dt.date:
    """The PDF's creation date, from the data: 填报日期, else the report year's last day."""
    return data.fields.filled_on or dt.date(data.fields.report_year, 12, 31)


def render_ops_centre(data: OpsCentreData, *, watermark: bool = False,
                      edition: str = TEMPLATE_EDITION) -> bytes:
    """The report as PDF bytes (same data, same bytes); raises :class:`UnprintableText`
    before any layout when a character of the data is not in the font."""
    missing = check_text(ops_centre_texts(data))
    if missing:
        raise UnprintableText(missing)
    return render_pdf(
        ops_centre_story(data, edition=edition),
        title=REPORT_TITLE,
        subject=f"{data.unit.name} {data.fields.report_year}",
        author=data.unit.name,
        creation_date=creation_day(data),
        watermark=watermark,
    )


def write_ops_centre(data: OpsCentreData, path: str | os.PathLike[str], *,
                     watermark: bool = False, edition: str = TEMPLATE_EDITION) -> Path:
    """Render and write the report atomically; return the path."""
    return write_atomic(path, render_ops_centre(data, watermark=watermark, edition=edition))
