"""专利开放许可（试点）信息表 — the information sheet (FORMS.md §1; notice 003, 附件 4).

One boxed grid in the official order ①–⑨, section labels in the left column, then the sheet's
注意事项 on its last page.  Wording is the notice's, character for character; only the blanks
are filled.  Filled values are underlined like text typed over the blanks of the Word form, and
a blank that the data leaves empty stays an underlined gap, so an unchosen alternative reads
exactly as on paper.  Tick boxes (☑/☐) stand before every alternative of ③, ④ and ⑥ and before
月份/季度/年度 of the instalment option (the notice's extracted text shows the gaps where its
boxes were).

The data comes in as ``PatentFields`` and ``OfferFields`` (no ORM, no database): the
generation service (``app.export.offer_documents``) reads them from the store.
:func:`render_information_sheet` checks every character against the font before any layout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.export.pdf import (
    Cell,
    MissingGlyph,
    SealBlock,
    check_box,
    check_text,
    circled,
    fixed_text,
    form_grid,
    frame_width,
    kit_styles,
    label,
    para,
    render_pdf,
    value,
)
from app.export.pdf.kit import RunningHead, continuation_head
from app.models.fees import (
    PERIOD_LABELS_ZH,
    FeeKind,
    FeeOption,
    InstalmentPeriod,
    decimal_text,
    read_fee,
)
from app.models.offers import COMMITMENTS, Licensing, OfferFields, SelfExploitation
from app.models.patent_number import parse
from app.models.patent_rules import PatentFields

TITLE = "专利开放许可（试点）信息表"

ANNEX = "附件 4"  # the Hubei notice (003) prints it above the form

# Section labels ①–⑨, verbatim (the circled number is prefixed when printed).
SECTION_LABELS: dict[int, str] = {
    1: "专利信息",
    2: "专利权人承诺符合开放许可（试点）声明条件",
    3: "自行实施专利的情况",
    4: "许可他人实施专利的状况",
    5: "许可期限",
    6: "许可使用费标准（任选其一）",
    7: "其他约定事项",
    8: "许可人联系方式",
    9: "专利权人签章：",  # the notice's colon
}

NOTES_TITLE = "注 意 事 项"
# The sheet's own 注意事项, verbatim from the notice (FORMS.md words items 二, 四, 五 differently).
NOTES: tuple[str, ...] = (
    "一、本表应当使用中文填写，字迹为黑色，文字应当打字或印刷，提交一式一份。",
    "二、本表第①栏所填内容应当与该专利申请请求书中内容一致。其中，专利权人应填写全体专利权人。"
    "如果该专利办理过著录项目变更手续，应当按照国家知识产权局批准变更后的内容填写。",
    "三、本表第②栏为许可方应当承诺的内容，作出不实承诺提出开放许可声明的，试点组织单位有权撤销该声明。",
    "四、本表第③④⑤栏应当从备选项中选择一项，不得多选。",
    "五、本表第⑤栏许可期限届满日不能超过专利期限届满日。",
    "六、第⑨栏中代表人盖章的，需要同时提交全体专利权人签字或者盖章的同意开放许可的声明。",
)

PATENTEE_SEPARATOR = "、"

NBSP = "\u00a0"  # reportlab keeps it; an underlined run of them is a blank to fill in
SHORT_BLANK = 10  # NBSPs: about 2.5 characters, for days, counts, percentages
MONEY_BLANK = 14
TEXT_BLANK = 24

SEAL_WIDTH = 50 * mm  # ≥ 45 mm (DESIGN.md); a unit's round seal is about 42 mm across
SEAL_HEIGHT = 42 * mm  # the declaration: one area per patentee
# ⑨: a little less, so that the usual sheet's grid fits on page 1; a seal stamped over the
# date line below it is the usual practice (骑年盖月).
SHEET_SEAL_HEIGHT = 38 * mm


class UnprintableText(ValueError):
    """The data holds characters the PDF font cannot draw (they would print as boxes)."""

    def __init__(self, missing: Sequence[MissingGlyph]) -> None:
        super().__init__(", ".join(f"{m.record} {m.field} {m.code}" for m in missing))
        self.missing = list(missing)


def official_number(number: str) -> str:
    """ZL + the normalised number when it is valid, else the number as stored."""
    result = parse(number)
    return result.number.official if result.valid and result.number else number.strip()


def authors(patent: PatentFields) -> str:
    """The PDF's Author: the patentees who sign the sheet and the declaration."""
    return "、".join(name for name in patent.patentees if name.strip())


def patentee_line(patentees: Iterable[str]) -> str:
    """All patentees in order, as ① prints them."""
    return PATENTEE_SEPARATOR.join(patentees)


# --------------------------------------------------------------------------------- blanks


def blank(text: str | None, width: int = SHORT_BLANK) -> str:
    """Markup for a fill-in blank: the value underlined, or an underlined gap."""
    if text:
        return f"<u>{NBSP}{escape(text)}{NBSP}</u>"
    return f"<u>{NBSP * width}</u>"


def _number(value: int | Decimal | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return decimal_text(value)
    return str(value)


def date_blanks(day: dt.date | None) -> str:
    """"____年__月__日" with the date's figures in the blanks."""
    if day is None:
        return f"{blank(None, 14)}年{blank(None, 8)}月{blank(None, 8)}日"
    return f"{blank(str(day.year))}年{blank(str(day.month))}月{blank(str(day.day))}日"


# --------------------------------------------------------------------------------- ③ ④ ⑥ texts


def self_exploitation_options(offer: OfferFields) -> tuple[list[str], int | None]:
    """③: the two alternatives as markup and the index chosen (None when neither)."""
    chosen = offer.self_exploitation == SelfExploitation.IMPLEMENTED
    fill = (lambda t: t) if chosen else (lambda t: "")
    options = [
        "未自行实施专利技术",
        "已自行实施专利技术，自行实施专利技术的时间"
        f"{blank(fill(offer.self_exploitation_period), TEXT_BLANK)}<br/>"
        f"范围{blank(fill(offer.self_exploitation_scope), TEXT_BLANK)}"
        f"方式{blank(fill(offer.self_exploitation_manner), TEXT_BLANK)}",
    ]
    index = {SelfExploitation.NONE.value: 0, SelfExploitation.IMPLEMENTED.value: 1}
    return options, index.get(offer.self_exploitation)


def licensing_options(offer: OfferFields) -> tuple[list[str], int | None]:
    """④: the two alternatives as markup and the index chosen (None when neither)."""
    chosen = offer.licensing == Licensing.LICENSED
    fill = (lambda t: t) if chosen else (lambda t: "")
    options = [
        "未许可他人实施专利",
        "已许可他人实施专利，许可他人实施专利的时间"
        f"{blank(fill(offer.licensing_period), TEXT_BLANK)}<br/>"
        f"许可他人实施专利的范围{blank(fill(offer.licensing_scope), TEXT_BLANK)}",
    ]
    index = {Licensing.NONE.value: 0, Licensing.LICENSED.value: 1}
    return options, index.get(offer.licensing)


FEE_ORDER: tuple[FeeKind, ...] = (
    FeeKind.FREE,
    FeeKind.ENTRY_PLUS_ROYALTY,
    FeeKind.LUMP_SUM,
    FeeKind.INSTALMENTS,
    FeeKind.OTHER,
)


def _periods(chosen: InstalmentPeriod | None) -> str:
    return "/".join(
        check_box(period == chosen) + PERIOD_LABELS_ZH[period] for period in InstalmentPeriod
    )


def fee_option_texts(fee: FeeOption) -> list[str]:
    """⑥: the five official sentences as markup, the chosen one with its parameters."""
    texts: list[str] = []
    for kind in FEE_ORDER:
        f = fee if fee.option is kind else FeeOption()
        if kind is FeeKind.FREE:
            texts.append("免费使用。")
        elif kind is FeeKind.ENTRY_PLUS_ROYALTY:
            texts.append(
                f"采用入门费和提成费相结合的方式，其中入门费为"
                f"{blank(_number(f.entry_fee_yuan), MONEY_BLANK)}元，"
                f"提成费按当年度合同产品净销售额的{blank(_number(f.royalty_percent))}%提取。"
            )
        elif kind is FeeKind.LUMP_SUM:
            texts.append(
                f"采用一次总付的方式，在合同生效后{blank(_number(f.days))}日内"
                f"一次性全额支付所有使用费{blank(_number(f.amount_yuan), MONEY_BLANK)}元。"
            )
        elif kind is FeeKind.INSTALMENTS:
            texts.append(
                f"采用总付额内分期支付的方式，在合同生效后{blank(_number(f.first_days))}日内"
                f"支付第一批次{blank(_number(f.first_yuan), MONEY_BLANK)}元，"
                f"后在每个会计{_periods(f.period)}截止前的{blank(_number(f.period_days))}日内，"
                f"分{blank(_number(f.batches))}批次支付，"
                f"每次支付{blank(_number(f.each_yuan), MONEY_BLANK)}元。"
                f"包括第一次在内总共支付{blank(_number(f.count))}次，"
                f"共计{blank(_number(f.total_yuan), MONEY_BLANK)}元。"
            )
        else:
            texts.append(f"其他明确合理的许可使用费标准{blank(f.text.strip(), TEXT_BLANK)}")
    return texts


# --------------------------------------------------------------------------------- layout

# The grid has two columns, section label | content, so that no content cell spans columns:
# reportlab wraps the halves of a spanned cell split across pages one column wide.  ①'s
# sub-labels are a grid of their own inside the content cell, its box on the outer lines.
# The section column holds five characters a line, like the notice's "②专利权/人承诺符/…".
COL_SECTION = 23 * mm
COL_SUBLABEL = 26 * mm
COL_NUMBER = 42 * mm
COL_SUBLABEL_2 = 23 * mm


def _columns() -> list[float]:
    return [COL_SECTION, frame_width() - COL_SECTION]


def _patent_grid(patent: PatentFields, width: float) -> Table:
    """①: 专利号 · 授权公告日 · 发明创造名称 · 专利权人."""
    rest = width - COL_SUBLABEL - COL_NUMBER - COL_SUBLABEL_2
    return form_grid(
        [
            [label("专利号"), value(official_number(patent.number)), label("授权公告日"),
             value(_date(patent.grant_date))],
            [label("发明创造名称"), value(patent.title, colspan=3)],
            [label("专利权人"), value(patentee_line(patent.patentees), colspan=3)],
        ],
        [COL_SUBLABEL, COL_NUMBER, COL_SUBLABEL_2, rest],
    )


def _section(n: int) -> Cell:
    return label(circled(n) + SECTION_LABELS[n])


def _choices(options: Sequence[str], selected: int | None,
             style: ParagraphStyle) -> list[Flowable]:
    """"☑ option" paragraphs (markup), wrapped lines hanging under the text."""
    box = stringWidth(check_box(True) + " ", style.fontName, style.fontSize)
    hanging = ParagraphStyle(f"{style.name}_choice", parent=style, leftIndent=box,
                             firstLineIndent=-box, spaceAfter=0)
    return [para(f"{check_box(i == selected)} {text}", hanging, markup=True)
            for i, text in enumerate(options)]


class _MinHeight(Flowable):  # type: ignore[misc]
    """An empty space so that an empty ⑦ still leaves a box to read, not a sliver."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, self.height

    def draw(self) -> None:
        pass


def sheet_story(patent: PatentFields, offer: OfferFields) -> list[Flowable]:
    """The information sheet's flowables (a fresh list on every call)."""
    s = kit_styles()
    cell = s.cell
    # Tighter than the kit's defaults: with usual data the whole grid then fits on page 1.
    fixed = ParagraphStyle("sheet_fixed", parent=s.fixed, leading=cell.leading, spaceAfter=0)
    title = ParagraphStyle("sheet_title", parent=s.title, spaceAfter=6)
    fee = read_fee(offer.fee).fee

    commitments = fixed_text([f"{i}.{text}" for i, text in enumerate(COMMITMENTS, 1)], fixed)
    third, third_choice = self_exploitation_options(offer)
    fourth, fourth_choice = licensing_options(offer)
    fees = fee_option_texts(fee)
    fee_choice = FEE_ORDER.index(fee.option) if fee.option in FEE_ORDER else None
    c = offer.contact
    contact = [
        para(f"收件人姓名：{blank(c.name, TEXT_BLANK)}　地址：{blank(c.address, TEXT_BLANK)}",
             cell, markup=True),
        para(f"邮编：{blank(c.postcode, MONEY_BLANK)}　电话：{blank(c.phone, MONEY_BLANK)}"
             f"　电子邮件：{blank(c.email, TEXT_BLANK)}", cell, markup=True),
    ]
    other: list[Flowable] = (
        [para(offer.other_terms, cell)] if offer.other_terms.strip() else [_MinHeight(14 * mm)]
    )
    seal = SealBlock("", date=offer.declared_on, seal_width=SEAL_WIDTH,
                     seal_height=SHEET_SEAL_HEIGHT, style=cell, space_before=0)

    columns = _columns()
    rows = [
        [_section(1), value(_patent_grid(patent, columns[1]))],
        [_section(2), value(commitments)],
        [_section(3), value(_choices(third, third_choice, cell))],
        [_section(4), value(_choices(fourth, fourth_choice, cell))],
        [_section(5), value(para(f"许可期限届满日{date_blanks(offer.licence_expiry)}", cell,
                                 markup=True))],
        [_section(6), value(_choices(fees, fee_choice, cell))],
        [_section(7), value(other)],
        [_section(8), value(contact)],
        [_section(9), value(seal)],
    ]
    grid = form_grid(rows, columns)
    # ①'s own grid fills its cell edge to edge, its box drawn on the outer grid's lines.
    grid.setStyle(TableStyle([(side, (1, 0), (1, 0), 0) for side in (
        "LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]))
    notes_title = ParagraphStyle("sheet_notes_title", parent=s.heading, alignment=TA_CENTER,
                                 spaceBefore=0)
    return [
        RunningHead(continuation_head(TITLE, official_number(patent.number)), mark=ANNEX),
        para(TITLE, title),
        grid,
        Spacer(1, 8 * mm),
        # The notes stay together on the sheet's last page.
        KeepTogether([para(NOTES_TITLE, notes_title), *fixed_text(NOTES, s.fixed)]),
    ]


def _date(day: dt.date | None) -> str:
    return f"{day.year} 年 {day.month} 月 {day.day} 日" if day else ""


# --------------------------------------------------------------------------------- checking


def sheet_texts(patent: PatentFields, offer: OfferFields) -> list[tuple[str, str, str]]:
    """Every data text the sheet prints, as (record, field, text) for ``check_text``."""
    record = official_number(patent.number)
    fee = read_fee(offer.fee).fee
    c = offer.contact
    fields = [
        ("patent.number", patent.number),
        ("patent.title", patent.title),
        ("patent.patentees", patentee_line(patent.patentees)),
        ("self_exploitation_period", offer.self_exploitation_period),
        ("self_exploitation_scope", offer.self_exploitation_scope),
        ("self_exploitation_manner", offer.self_exploitation_manner),
        ("licensing_period", offer.licensing_period),
        ("licensing_scope", offer.licensing_scope),
        ("fee.text", fee.text),
        ("other_terms", offer.other_terms),
        ("contact.name", c.name),
        ("contact.address", c.address),
        ("contact.postcode", c.postcode),
        ("contact.phone", c.phone),
        ("contact.email", c.email),
    ]
    return [(record, name, text) for name, text in fields]


def creation_day(offer: OfferFields, finalised_at: dt.datetime | None,
                 fallback: dt.date) -> dt.date:
    """The date written into the PDF's metadata: from the data, never the clock, so the same
    data gives the same bytes.  The declaration date, else the day it was finalised."""
    if offer.declared_on is not None:
        return offer.declared_on
    if finalised_at is not None:
        return finalised_at.date()
    return fallback


def render_information_sheet(
    patent: PatentFields,
    offer: OfferFields,
    *,
    creation_date: dt.date | dt.datetime,
    watermark: bool = False,
) -> bytes:
    """The sheet as PDF bytes; raises :class:`UnprintableText` before any layout when a
    character of the data is not in the font."""
    missing = check_text(sheet_texts(patent, offer))
    if missing:
        raise UnprintableText(missing)
    return render_pdf(
        sheet_story(patent, offer),
        title=TITLE,
        subject=official_number(patent.number),
        author=authors(patent),
        creation_date=creation_date,
        watermark=watermark,
    )
