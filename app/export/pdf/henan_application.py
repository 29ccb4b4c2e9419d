"""河南省专利开放许可试点工作申请书 and 工作方案 — the Henan application and work plan as PDF
(notice 001, 申报指南).

The application: the cover (申报单位 with room for the seal, 申报时间, the issuer and the
template's edition line "二〇二三年四月"), 一、申报单位基本信息 laid out as the notice's table
(单 位 / 负责人 / 联络人 blocks, then 申报单位基本情况), and 二、专利开放许可试点工作指标 with
1. 工作指标 and 2. 经费保障机制. The work plan: its title with the plan years, the unit's name,
and its four sections. The bracketed guidance of the template is not printed (the editor shows
it beside the field); a section left empty keeps a ruled box to write in.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from app.export.pdf import (
    Cell,
    check_text,
    date_text,
    form_grid,
    frame_width,
    kit_styles,
    label,
    para,
    render_pdf,
    value,
)
from app.export.pdf.flowables import AtBottom, sealed_cover_lines
from app.export.pdf.information_sheet import UnprintableText
from app.export.pdf.kit import RunningHead, continuation_head
from app.export.pdf.summary_book import boxed_text
from app.models.henan_application import APPLICATION_TITLE, ApplicationFields

COVER_TITLE_LINES = ("河南省专利开放许可试点工作", "申请书")
COVER_UNIT_LABEL = "申报单位："
COVER_SEAL_MARK = "（盖章）"
COVER_DATE_LABEL = "申报时间："
COVER_ISSUER = "河南省市场监督管理局（知识产权局）编制"
TEMPLATE_EDITION = "二〇二三年四月"

SECTION_UNIT = "一、申报单位基本信息"
UNIT_GROUP = "单 位"
LEAD_GROUP = "负责人"
LIAISON_GROUP = "联络人"
UNIT_PROFILE_LABEL = "申报单位基本情况"
SECTION_TARGETS = "二、专利开放许可试点工作指标"
TARGETS_LABEL = "1. 工作指标"
FUNDING_LABEL = "2. 经费保障机制"

PLAN_SECTIONS: tuple[tuple[str, str], ...] = (
    ("measures", "一、工作举措"),
    ("goals", "二、工作目标"),
    ("tasks", "三、工作任务分解及职责划分"),
    ("safeguards", "四、保障措施"),
)


def _styles() -> dict[str, ParagraphStyle]:
    s = kit_styles()
    return {
        "cover_title": ParagraphStyle("app_cover_title", parent=s.title, fontSize=26,
                                      leading=40, spaceAfter=0),
        "cover_line": ParagraphStyle("app_cover_line", parent=s.body, fontSize=15, leading=24),
        "cover_bottom": ParagraphStyle("app_cover_bottom", parent=s.body, fontSize=15,
                                       leading=26, alignment=TA_CENTER),
        "section": ParagraphStyle("app_section", parent=s.heading, fontSize=15, leading=24,
                                  spaceBefore=6, spaceAfter=6, keepWithNext=1),
        "sub": ParagraphStyle("app_sub", parent=s.body, fontSize=14, leading=22, spaceBefore=4,
                              keepWithNext=1),
        "body": s.body_indent,
        "cell": s.cell,
        "plan_title": ParagraphStyle("plan_title", parent=s.title, fontSize=20, leading=30,
                                     spaceAfter=0),
        "plan_unit": ParagraphStyle("plan_unit", parent=s.body, fontSize=15, leading=24,
                                    alignment=TA_CENTER, spaceAfter=12),
    }


def cover_story(app: ApplicationFields, unit: str) -> list[Flowable]:
    st = _styles()
    lines = sealed_cover_lines(COVER_UNIT_LABEL, unit, COVER_SEAL_MARK, COVER_DATE_LABEL,
                               date_text(app.filed_on), st["cover_line"], underline_date=True)
    return [
        Spacer(1, 45 * mm),
        *(para(line, st["cover_title"]) for line in COVER_TITLE_LINES),
        Spacer(1, 12 * mm),
        lines,
        AtBottom([para(COVER_ISSUER, st["cover_bottom"]),
                  para(TEMPLATE_EDITION, st["cover_bottom"]), Spacer(1, 8 * mm)], spacing=False),
        PageBreak(),
    ]


def unit_table(app: ApplicationFields, unit: object) -> list[Flowable]:
    """一、申报单位基本信息: the notice's five-column table."""
    st = _styles()
    width = frame_width()
    cols = [20 * mm, 24 * mm, 0.0, 22 * mm, 0.0]
    cols[2] = cols[4] = (width - sum(cols)) / 2
    u = unit
    rows: list[list[Cell | str | Flowable | None]] = [
        [label(UNIT_GROUP, rowspan=3), label("单位名称"), value(getattr(u, "name", ""), colspan=3)],
        [label("法人代表"), value(getattr(u, "legal_representative", ""), colspan=3)],
        [label("联系电话"), value(getattr(u, "phone", "")), label("传真号码"),
         value(getattr(u, "fax", ""))],
        [label(LEAD_GROUP, rowspan=3), label("姓 名"), value(app.lead_name), label("手 机"),
         value(app.lead_mobile)],
        [label("所在部门"), value(app.lead_department), label("职 务"), value(app.lead_title)],
        [label("固定电话"), value(app.lead_phone), label("传真号码"), value(app.lead_fax)],
        [label(LIAISON_GROUP, rowspan=5), label("姓 名"), value(app.liaison_name),
         label("手 机"), value(app.liaison_mobile)],
        [label("所在部门"), value(app.liaison_department), label("职 务"),
         value(app.liaison_title)],
        [label("固定电话"), value(app.liaison_phone), label("传真号码"), value(app.liaison_fax)],
        [label("通讯地址"), value(app.liaison_address, colspan=3)],
        [label("邮 编"), value(app.liaison_postcode), label("E-mail"), value(app.liaison_email)],
        [label(UNIT_PROFILE_LABEL, colspan=5)],
    ]
    grid = form_grid(rows, cols, row_heights=[10 * mm] * len(rows))
    profile = boxed_text(app.unit_profile, width, st["cell"], empty_height=60 * mm)
    return [para(SECTION_UNIT, st["section"]), grid, profile]


def _text(text: str, st: dict[str, ParagraphStyle], empty_height: float) -> list[Flowable]:
    if not text.strip():
        return [boxed_text("", frame_width(), st["cell"], empty_height=empty_height)]
    return [para(line.strip() or "\u00a0", st["body"])
            for line in text.replace("\r\n", "\n").split("\n")]


def application_story(app: ApplicationFields, unit: object) -> list[Flowable]:
    st = _styles()
    name = str(getattr(unit, "name", ""))
    return [
        *cover_story(app, name),
        *unit_table(app, unit),
        PageBreak(),
        para(SECTION_TARGETS, st["section"]),
        para(TARGETS_LABEL, st["sub"]),
        *_text(app.work_targets, st, 80 * mm),
        para(FUNDING_LABEL, st["sub"]),
        *_text(app.funding, st, 60 * mm),
    ]


def plan_story(app: ApplicationFields, unit_name: str) -> list[Flowable]:
    st = _styles()
    # Broken where the notice breaks it: "河南省专利开放许可试点" over "工作方案（…）".
    head, _, tail = app.plan_title.partition("工作方案")
    story: list[Flowable] = [para(head, st["plan_title"]),
                             para("工作方案" + tail, st["plan_title"]),
                             para(unit_name, st["plan_unit"])]
    for key, heading in PLAN_SECTIONS:
        story.append(para(heading, st["section"]))
        story += _text(str(getattr(app, key)), st, 50 * mm)
    return story


def application_texts(app: ApplicationFields, unit: object) -> list[tuple[str, str, str]]:
    from app.models.henan_application import TEXT_KEYS

    out = [("unit", k, str(getattr(unit, k, ""))) for k in
           ("name", "legal_representative", "phone", "fax")]
    return out + [("application", k, str(getattr(app, k))) for k in TEXT_KEYS]


def render_application(app: ApplicationFields, unit: object, *,
                       creation_date: dt.date | dt.datetime, watermark: bool = False) -> bytes:
    missing = check_text(application_texts(app, unit))
    if missing:
        raise UnprintableText(missing)
    name = str(getattr(unit, "name", ""))
    story = [RunningHead(continuation_head(APPLICATION_TITLE, name.strip())),
             *application_story(app, unit)]
    return render_pdf(story, title=APPLICATION_TITLE, subject=name,
                      creation_date=creation_date, watermark=watermark)


def render_work_plan(app: ApplicationFields, unit_name: str, *,
                     creation_date: dt.date | dt.datetime, watermark: bool = False) -> bytes:
    missing = check_text(application_texts(app, object()) + [("unit", "name", unit_name)])
    if missing:
        raise UnprintableText(missing)
    story = [RunningHead(continuation_head(app.plan_title, unit_name.strip())),
             *plan_story(app, unit_name)]
    return render_pdf(story, title=app.plan_title, subject=unit_name,
                      creation_date=creation_date, watermark=watermark)
