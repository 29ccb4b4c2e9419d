"""同意开放许可（试点）的声明 — the declaration (FORMS.md §2; notice 003, 附件 5).

Derived from the information sheet's data: the patent number in official notation, the six
commitments, then every patentee on a line of its own with a blank seal/signature area beside
it (the declaration must carry all patentees' seals), and the date from the offer's
``declared_on`` (blank to write by hand when there is none).  Seal areas never split across
pages; the date stays with the last patentee.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.export.pdf import (
    SealBlock,
    check_text,
    date_text,
    fixed_text,
    kit_styles,
    para,
    render_pdf,
)
from app.export.pdf.information_sheet import (
    SEAL_HEIGHT,
    SEAL_WIDTH,
    UnprintableText,
    authors,
    official_number,
)
from app.export.pdf.kit import RunningHead, continuation_head
from app.models.offers import COMMITMENTS, OfferFields
from app.models.patent_rules import PatentFields

TITLE = "同意开放许可（试点）的声明"
ANNEX = "附件 5"  # the Hubei notice (003) prints it above the form
INTRO = (
    "专利权人知晓并认可专利开放许可（试点）声明的内容，"
    "同意对专利（专利号：{number}）实行开放许可（试点）。"
)
JOINT = "全体专利权人共同声明如下："
ALL_PATENTEES = "全体专利权人："
SIGN = "签章："
DATE_LABEL = "日期："


def intro_text(number: str) -> str:
    """The opening sentence with the official number filled in."""
    return INTRO.format(number=official_number(number))


def declaration_story(patent: PatentFields, offer: OfferFields) -> list[Flowable]:
    """The declaration's flowables (a fresh list on every call)."""
    s = kit_styles()
    lead = ParagraphStyle("declaration_lead", parent=s.body, keepWithNext=1, spaceBefore=6)
    right = ParagraphStyle("declaration_date", parent=s.body, alignment=TA_RIGHT,
                           spaceBefore=4 * mm)
    commitments = fixed_text([f"{i}.{text}" for i, text in enumerate(COMMITMENTS, 1)], s.body)
    story: list[Flowable] = [
        RunningHead(continuation_head(TITLE, official_number(patent.number)), mark=ANNEX),
        para(TITLE, s.title),
        Spacer(1, 4 * mm),
        para(intro_text(patent.number), s.body_indent),
        para(JOINT, s.body_indent),
        *commitments,
        Spacer(1, 6 * mm),
        para(ALL_PATENTEES, lead),
    ]
    names = list(patent.patentees) or [""]
    blocks = [
        # The name beside its own blank area, right-aligned so the areas form one column.
        SealBlock(f"{name}{SIGN}", date_line=False, seal_width=SEAL_WIDTH,
                  seal_height=SEAL_HEIGHT, style=s.body, space_before=3 * mm)
        for name in names
    ]
    story += blocks[:-1]
    # The date belongs under the last seal: they move to a new page together.
    story.append(KeepTogether([blocks[-1], para(DATE_LABEL + date_text(offer.declared_on),
                                                right)]))
    return story


def declaration_texts(patent: PatentFields, offer: OfferFields) -> list[tuple[str, str, str]]:
    """Every data text the declaration prints, as (record, field, text) for ``check_text``."""
    record = official_number(patent.number)
    return [(record, "patent.number", patent.number),
            *((record, "patent.patentees", name) for name in patent.patentees)]


def render_declaration(
    patent: PatentFields,
    offer: OfferFields,
    *,
    creation_date: dt.date | dt.datetime,
    watermark: bool = False,
) -> bytes:
    """The declaration as PDF bytes; raises :class:`UnprintableText` before any layout when a
    character of the data is not in the font."""
    missing = check_text(declaration_texts(patent, offer))
    if missing:
        raise UnprintableText(missing)
    return render_pdf(
        declaration_story(patent, offer),
        title=TITLE,
        subject=official_number(patent.number),
        author=authors(patent),
        creation_date=creation_date,
        watermark=watermark,
    )
