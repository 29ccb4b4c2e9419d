"""河南省专利开放许可试点工作总结书 (Henan notice 2023-11-30, 附件 4) and the Xinyang tables.

The official wording lives here once, verbatim from the notices (seeds 000 and 001), for the PDF
and the Excel modules. The statistics (三) and the deal list (四) are computed from the records:

- 开放许可信息声明量: offers finalised or later whose declaration date is on or before the period
  end (a draft is no declaration; an undated one cannot be placed in time and is reported);
- 已进行开放许可专利数量: the distinct patents of those offers (one sheet per patent in this
  register, so equal to the declarations unless the clerk overrides one of them);
- 达成许可总数 / 免费 / 收费 / 总金额（万元）: the deals dated within the period; free + paid =
  total by construction; the amount is the sum of the list's footnote amounts in exact yuan,
  then 万元.

What the records cannot give (platform name and address, SMEs reached) is entered on the book.
A clerk may override a computed figure; the override is printed and its difference from the
records is a warning, and free + paid ≠ total after overrides is an error.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from app.models.contact_rules import check_email, check_phone, check_postcode
from app.models.deals import (
    DealListRow,
    DealRecord,
    Period,
    SummaryBook,
    check_deal,
    deal_row,
    format_wan,
    normalised_number,
    parse_period_end,
    reported_amount_yuan,
    yuan_to_wan,
)
from app.models.entities import DocumentState
from app.models.fees import decimal_text, to_decimal
from app.models.findings import Finding, error, warning
from app.models.patent_rules import PatentFields
from app.models.ranges import (
    Domain,
    date_finding,
    magnitude_finding,
    range_finding,
    text_finding,
)

# Official wording: 附件 4 of the Henan notice (seed 000) ------------------------------------------

BOOK_TITLE = "河南省专利开放许可试点工作总结书"
# The cover sets the title on two lines.
COVER_TITLE_LINES = ("河南省专利开放许可试点", "工作总结书")
COVER_UNIT_LABEL = "填报单位："
COVER_SEAL_MARK = "（盖章）"
COVER_DATE_LABEL = "填报时间："
COVER_ISSUER = "河南省知识产权局编制"
# The template's edition line under the issuer, printed as it stands: it dates the province's
# template, not the unit's report (the report's own date is 填报时间).
TEMPLATE_EDITION = "二〇二三年十二月"

SECTION_UNIT = "一、专利开放许可试点工作单位基本信息"
UNIT_GROUP = "单 位"
UNIT_LABELS: tuple[tuple[str, str], ...] = (
    ("name", "单位名称"),
    ("legal_representative", "主要负责人或法人代表"),
    ("phone", "联系电话"),
    ("fax", "传真号码"),
    ("address", "通讯地址"),
    ("postcode", "邮 编"),
    ("email", "E-mail"),
)
LEAD_GROUP = "工作负责人"
LEAD_LABELS: tuple[tuple[str, str], ...] = (
    ("name", "姓 名"),
    ("mobile", "手 机"),
    ("department", "所在部门"),
    ("title", "职 务"),
    ("phone", "联系电话"),
    ("fax", "传真号码"),
)
UNIT_PROFILE_LABEL = "申报单位基本情况"

SECTION_SELF_EVALUATION = "二、专利开放许可试点工作自评"
SELF_EVALUATION_GUIDANCE = (
    "（从专利开放许可试点工作相关政策出台和细化措施，经费保障机制，工作量，包括许可信息征集"
    "筛选发布数量、宣传对接工作量、许可达成数量及金额等方面阐述。）"
)

SECTION_STATISTICS = "三、专利开放许可试点工作成效统计表"
SECTION_DEAL_LIST = "四、专利开放许可达成项目清单"
SECTION_REVIEW = "五、专利开放许可试点工作成效审核意见"

DEALS_GROUP = "达成许可情况"


class Figure(StrEnum):
    """The computed figures a clerk may override (keys of SummaryBookFields.overrides)."""

    DECLARATIONS = "declarations"
    PATENTS_OFFERED = "patents_offered"
    DEALS_TOTAL = "deals_total"
    DEALS_FREE = "deals_free"
    DEALS_PAID = "deals_paid"
    PAID_AMOUNT_WAN = "paid_amount_wan"
    # Xinyang 附件 1 only
    PATENTEES_ACADEMIC = "patentees_academic"
    PATENTEES_ENTERPRISE = "patentees_enterprise"


# 三's columns, in order; the last four under 达成许可情况.
STATISTICS_HEADINGS: tuple[tuple[str, str], ...] = (
    (Figure.DECLARATIONS.value, "开放许可信息声明量"),
    (Figure.PATENTS_OFFERED.value, "已进行开放许可专利数量"),
    ("platform_name", "开放许可试点信息发布平台名称"),
    ("platform_url", "开放许可试点信息发布平台网址"),
    ("smes_reached", "匹配推送后惠及的中小微企业数量"),
    (Figure.DEALS_TOTAL.value, "达成许可总数"),
    (Figure.DEALS_FREE.value, "其中，达成免费许可总数"),
    (Figure.DEALS_PAID.value, "其中，达成收费许可总数"),
    (Figure.PAID_AMOUNT_WAN.value,
     "达成收费许可的总金额（按固定或可折算金额方式进行支付，单位：万元）"),
)
STATISTICS_GROUP_START = 5  # index of the first column under 达成许可情况

# 四's columns. The asterisks point to the footnote.
DEAL_LIST_HEADINGS: tuple[str, ...] = (
    "序号",
    "达成许可的专利权人名称",
    "达成许可的被许可人名称",
    "达成许可涉及专利的专利号*",
    "达成许可的使用费金额*（万元）",
    "备注（代理机构）",
)
# The footnote under 四, verbatim (the notice's own text runs "专利号达成免费许可时" without a
# semicolon; the Xinyang copy has one — see XINYANG_DEAL_LIST_NOTE).
DEAL_LIST_NOTES: tuple[str, ...] = (
    "1.*注：达成许可的 1 份合同涉及的专利超过 1 件的（即为专利包），请填写所有涉及专利的专利号"
    "达成免费许可时，使用费金额填 0；以“入门费+提成”方式进行使用费支付的，使用费金额仅填写入门费"
    "金额，同时在备注中注明该支付方式；以提成方式进行使用费支付的，使用费金额填 0，同时在备注中"
    "注明该支付方式。",
    "2.许可达成需提供合同协议或者备案文件，产生使用费的需提供相关经费来往票据，支撑材料按序号"
    "标注清楚。",
)

# 五
REVIEW_UNIT_LABEL = "专利开放许可试点工作成效总结单位意见"
PLEDGE = (
    "我单位保证上述填报内容及所提供的附件材料真实、完整、无误，如有不实，我单位承担由此引起的"
    "一切责任。"
)
LEGAL_REPRESENTATIVE_LABEL = "法定代表人或单位负责人："
SIGN_OR_SEAL = "（签字或盖章）"
UNIT_SEAL_LABEL = "单位（盖章）："
DATE_BLANK = "年 月 日"
EXPERT_LABEL = "专家组意见"
EXPERT_SIGN = "组长："
DEPARTMENT_LABEL = "部门意见"
DEPARTMENT_SIGN = ("经办人：", "处室：")
REVIEW_LABEL = "审核意见"
REVIEW_SIGN = "河南省知识产权局（盖章）："


# Field names of book findings, for the window's labels (as DEAL_FIELD_LABELS for deals).
BOOK_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "period_end": ("Period end (month)", "截止月份"),
    "filled_on": ("Date filled in", "填报时间"),
    "organisation.name": ("Unit name", "单位名称"),
    "organisation.legal_representative": ("Principal or legal representative",
                                          "主要负责人或法人代表"),
    "organisation.phone": ("Unit phone", "联系电话"),
    "organisation.address": ("Postal address", "通讯地址"),
    "organisation.postcode": ("Postcode", "邮编"),
    "organisation.email": ("E-mail", "E-mail"),
    "lead.name": ("Person in charge", "工作负责人姓名"),
    "lead.mobile": ("Mobile", "手机"),
    "lead.department": ("Department", "所在部门"),
    "lead.title": ("Position", "职务"),
    "lead.phone": ("Phone", "联系电话"),
    "lead.fax": ("Fax", "传真号码"),
    "unit_profile": ("About the unit", "申报单位基本情况"),
    "self_evaluation": ("Self-evaluation", "专利开放许可试点工作自评"),
    "platform_name": ("Publishing platform", "开放许可试点信息发布平台名称"),
    "platform_url": ("Platform address", "开放许可试点信息发布平台网址"),
    "smes_reached": ("SMEs reached", "匹配推送后惠及的中小微企业数量"),
    "deals": ("Deal list", "达成项目清单"),
    **{f"statistics.{key}": (key, heading) for key, heading in STATISTICS_HEADINGS},
}


# Official wording: 信阳 附件 1 and 附件 2 (seed 001), punctuation as printed there ------------

COUNTY_BLANK = "_____县(区)"
XINYANG_STATISTICS_TITLE = "{county}专利开放许可试点情况统计表(截至 {year} 年 {month} 月底)"
XINYANG_STATISTICS_UNIT = "填报单位(盖章):"
XINYANG_STATISTICS_DATE = "填报时间:"
XINYANG_PATENTEES_GROUP = "参与试点、提出开放许可的专利权人数量"
XINYANG_STATISTICS_HEADINGS: tuple[tuple[str, str], ...] = (
    ("serial", "序号"),
    (Figure.PATENTEES_ACADEMIC.value, "高校、科研院所数量"),
    (Figure.PATENTEES_ENTERPRISE.value, "企业数量"),
    (Figure.PATENTS_OFFERED.value, "已进行开放许可专利数量"),
    ("platform_name", "开放许可试点信息发布平台名称"),
    ("platform_url", "开放许可试点信息发布平台网址"),
    ("smes_reached", "匹配推送后惠及的中小微企业数量"),
    (Figure.DEALS_TOTAL.value, "达成许可总数"),
    (Figure.DEALS_FREE.value, "其中,达成免费许可总数"),
    (Figure.DEALS_PAID.value, "其中,达成收费许可总数"),
    (Figure.PAID_AMOUNT_WAN.value,
     "达成收费许可的总金额(按固定或可折算金额方式进行支付,单位:万元)"),
)
XINYANG_DEAL_LIST_TITLE = "{county}专利开放许可达成项目清单（截至 {year} 年 {month} 月底）"
XINYANG_DEAL_LIST_UNIT = "填报单位（盖章）："
XINYANG_DEAL_LIST_DATE = "填报时间："
XINYANG_DEAL_LIST_HEADINGS: tuple[str, ...] = DEAL_LIST_HEADINGS[:5] + ("备注",)
XINYANG_DEAL_LIST_NOTE = (
    "* 注：达成许可的 1 份合同涉及的专利超过 1 件的（即为专利包），请填写所有涉及专利的专利号；"
    "达成免费许可时，使用费金额填 0；以“入门费+提成”方式进行使用费支付的，使用费金额仅填写入门费"
    "金额，同时在备注中注明该支付方式；以提成方式进行使用费支付的，使用费金额填 0，同时在备注中"
    "注明该支付方式。"
)


def as_of_text(period: Period, *, full_width: bool = True) -> str:
    """"（截至 2023 年 11 月底）" — the period line of 三 and 四."""
    inner = f"截至 {period.end.year} 年 {period.end.month} 月底"
    return f"（{inner}）" if full_width else f"({inner})"


DATE_TO_WRITE = "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"


def date_text(day: dt.date | None) -> str:
    """"2023 年 12 月 5 日", or a blank "    年  月  日" with room to write the date by hand."""
    if day is None:
        return DATE_TO_WRITE
    return f"{day.year} 年 {day.month} 月 {day.day} 日"


def county_text(county: str | None, *, full_width: bool = False) -> str:
    """The county in the Xinyang titles: the blank "_____县(区)" when none is given. 附件 1
    prints its brackets half-width, 附件 2 full-width ("_____县（区）"): `full_width` for 附件 2."""
    suffix = "县（区）" if full_width else "县(区)"
    name = (county or "").strip()
    if not name:
        return COUNTY_BLANK.replace("县(区)", suffix)
    return name if name.endswith(("县", "区", "市", "县(区)", "县（区）")) else name + suffix


# Offers counted in 三 ---------------------------------------------------------------------------

DECLARED_STATES = frozenset(
    {
        DocumentState.FINALISED.value,
        DocumentState.GENERATED.value,
        DocumentState.SEALED.value,
        DocumentState.SUBMITTED.value,
    }
)


@dataclass(frozen=True)
class DeclaredOffer:
    """What the statistics need of an offer."""

    number: str
    patentees: tuple[str, ...]
    state: str
    declared_on: dt.date | None


_ENTERPRISE_MARKS = ("公司", "有限", "股份", "集团", "企业", "厂", "合作社")
_ACADEMIC_MARKS = ("大学", "学院", "学校", "研究院", "研究所", "科学院", "研究中心", "实验室")


def patentee_category(name: str) -> str:
    """"academic" (高校、科研院所), "enterprise" (企业) or "other" (individuals), by the name.

    Company marks win: "某某研究院有限公司" is a company.
    """
    if any(mark in name for mark in _ENTERPRISE_MARKS):
        return "enterprise"
    if any(mark in name for mark in _ACADEMIC_MARKS):
        return "academic"
    return "other"


# Statistics -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComputedStatistics:
    """三 as the records give it."""

    declarations: int = 0  # 开放许可信息声明量
    patents_offered: int = 0  # 已进行开放许可专利数量
    deals_total: int = 0  # 达成许可总数
    deals_free: int = 0  # 其中，达成免费许可总数
    deals_paid: int = 0  # 其中，达成收费许可总数
    paid_amount_yuan: Decimal = Decimal(0)  # exact
    patentees_academic: int = 0  # 信阳: 高校、科研院所数量
    patentees_enterprise: int = 0  # 信阳: 企业数量

    @property
    def paid_amount_wan(self) -> Decimal:
        return yuan_to_wan(self.paid_amount_yuan)

    def figure(self, name: str) -> int | Decimal:
        if name == Figure.PAID_AMOUNT_WAN:
            return self.paid_amount_wan
        value: int = getattr(self, Figure(name).value)
        return value


def compute_statistics(
    period: Period,
    offers: Sequence[DeclaredOffer],
    deals: Sequence[DealRecord],
) -> tuple[ComputedStatistics, list[Finding]]:
    """三 from the records, and the warnings about records it could not count."""
    findings: list[Finding] = []
    declared: list[DeclaredOffer] = []
    for offer in offers:
        if offer.state not in DECLARED_STATES:
            continue
        if offer.declared_on is None:
            findings.append(warning("book.offer_undated", "statistics.declarations",
                                    number=offer.number))
        elif period.contains(offer.declared_on):
            declared.append(offer)
    numbers = {normalised_number(o.number) or o.number for o in declared}
    names: dict[str, None] = {}
    for offer in declared:
        for name in offer.patentees:
            names.setdefault(name.strip(), None)
    categories = [patentee_category(n) for n in names if n]

    counted = [d for d in deals if d.fields.licence_date and period.contains(d.fields.licence_date)]
    free = sum(1 for d in counted if d.fields.payment.is_free)
    amount = Decimal(0)
    for d in counted:
        if not d.fields.payment.is_free:
            amount += reported_amount_yuan(d.fields.payment)
    stats = ComputedStatistics(
        declarations=len(declared),
        patents_offered=len(numbers),
        deals_total=len(counted),
        deals_free=free,
        deals_paid=len(counted) - free,
        paid_amount_yuan=amount,
        patentees_academic=categories.count("academic"),
        patentees_enterprise=categories.count("enterprise"),
    )
    return stats, findings


_COUNT_FIGURES = {f.value for f in Figure} - {Figure.PAID_AMOUNT_WAN.value}


def read_overrides(data: Any) -> tuple[dict[str, Decimal], list[Finding]]:
    """Overrides from stored or imported data: figure → value; bad entries become findings."""
    out: dict[str, Decimal] = {}
    findings: list[Finding] = []
    if isinstance(data, str):
        try:
            data = json.loads(data or "{}")
        except ValueError:
            data = {}
    if not isinstance(data, Mapping):
        return out, findings
    for key, raw in data.items():
        where = f"overrides.{key}"
        if key not in {f.value for f in Figure}:
            findings.append(error("book.override_unknown", where, figure=key))
            continue
        if raw is None or raw == "":
            continue
        number = to_decimal(raw)
        if number is None or number < 0 or (
            key in _COUNT_FIGURES and number != number.to_integral_value()
        ):
            findings.append(error("book.override_invalid", where, value=raw))
            continue
        domain = Domain.COUNT if key in _COUNT_FIGURES else Domain.MONEY_WAN
        if (problem := magnitude_finding(where, number, domain)) is not None:
            findings.append(problem)  # left out: the computed figure stands
            continue
        out[key] = number if key == Figure.PAID_AMOUNT_WAN else Decimal(int(number))
    return out, findings


@dataclass(frozen=True)
class StatisticsTable:
    """三 as printed: computed figures, overridden where the clerk entered one, and the entries."""

    computed: ComputedStatistics
    overrides: Mapping[str, Decimal] = field(default_factory=dict)
    platform_name: str = ""
    platform_url: str = ""
    smes_reached: int | None = None

    def value(self, figure: str) -> int | Decimal:
        if figure in self.overrides:
            entered = self.overrides[figure]
            return entered if figure == Figure.PAID_AMOUNT_WAN else int(entered)
        return self.computed.figure(figure)

    def text(self, key: str) -> str:
        """The cell text for a column key of STATISTICS_HEADINGS / XINYANG_STATISTICS_HEADINGS."""
        if key == "platform_name":
            return self.platform_name
        if key == "platform_url":
            return self.platform_url
        if key == "smes_reached":
            return "" if self.smes_reached is None else str(self.smes_reached)
        value = self.value(key)
        if key == Figure.PAID_AMOUNT_WAN:
            return format_wan(Decimal(value))
        return str(value)

    def is_overridden(self, figure: str) -> bool:
        return figure in self.overrides


def check_statistics(table: StatisticsTable) -> list[Finding]:
    """Overrides that differ from the records (warnings) and totals that do not add up (error)."""
    findings: list[Finding] = []
    # The Henan headings first: the Xinyang table only adds its two patentee counts.
    headings = dict(XINYANG_STATISTICS_HEADINGS) | dict(STATISTICS_HEADINGS)
    for figure, entered in table.overrides.items():
        computed = table.computed.figure(figure)
        if Decimal(computed) != entered:
            is_amount = figure == Figure.PAID_AMOUNT_WAN
            shown = format_wan if is_amount else (lambda v: str(int(v)))
            findings.append(
                warning(
                    "book.override_differs",
                    f"statistics.{figure}",
                    figure=figure,
                    heading=headings.get(figure, figure),
                    entered=shown(entered),
                    computed=shown(Decimal(computed)),
                    difference=_signed(entered - Decimal(computed), is_amount),
                )
            )
    total = table.value(Figure.DEALS_TOTAL)
    free = table.value(Figure.DEALS_FREE)
    paid = table.value(Figure.DEALS_PAID)
    if free + paid != total:
        findings.append(
            error("book.totals_mismatch", "statistics.deals_total", total=total, free=free,
                  paid=paid)
        )
    if table.smes_reached is not None and table.smes_reached < 0:
        findings.append(error("book.not_a_count", "smes_reached", value=table.smes_reached))
    return findings


def _signed(value: Decimal, is_amount: bool) -> str:
    text = format_wan(abs(value)) if is_amount else str(abs(int(value)))
    return ("+" if value > 0 else "−") + text


# The book's own data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LeadContact:
    """工作负责人."""

    name: str = ""
    mobile: str = ""
    department: str = ""
    title: str = ""
    phone: str = ""
    fax: str = ""


@dataclass(frozen=True)
class UnitInfo:
    """一's 单位 block, from the organisation profile (app.models.store.OrganisationData)."""

    name: str = ""
    legal_representative: str = ""
    phone: str = ""
    fax: str = ""
    address: str = ""
    postcode: str = ""
    email: str = ""

    @classmethod
    def of(cls, organisation: Any) -> UnitInfo:
        return cls(**{k: str(getattr(organisation, k, "") or "") for k, _ in UNIT_LABELS})


@dataclass(frozen=True)
class SummaryBookFields:
    """A summary book as typed or imported (the interchange's "summary_books" entries)."""

    period_end: str  # "YYYY-MM"
    filled_on: dt.date | None = None
    lead: LeadContact = field(default_factory=LeadContact)
    unit_profile: str = ""
    self_evaluation: str = ""
    platform_name: str = ""
    platform_url: str = ""
    smes_reached: int | None = None
    overrides: Mapping[str, Any] = field(default_factory=dict)  # Figure value → number

    @classmethod
    def of(cls, book: SummaryBook) -> SummaryBookFields:
        try:
            overrides = json.loads(book.overrides or "{}")
        except ValueError:
            overrides = {}
        return cls(
            period_end=book.period_end,
            filled_on=book.filled_on,
            lead=LeadContact(book.lead_name, book.lead_mobile, book.lead_department,
                             book.lead_title, book.lead_phone, book.lead_fax),
            unit_profile=book.unit_profile,
            self_evaluation=book.self_evaluation,
            platform_name=book.platform_name,
            platform_url=book.platform_url,
            smes_reached=book.smes_reached,
            overrides=overrides if isinstance(overrides, dict) else {},
        )

    def apply_to(self, book: SummaryBook) -> None:
        book.period_end = normal_period_end(self.period_end) or self.period_end.strip()
        book.filled_on = self.filled_on
        book.lead_name = self.lead.name.strip()
        book.lead_mobile = self.lead.mobile.strip()
        book.lead_department = self.lead.department.strip()
        book.lead_title = self.lead.title.strip()
        book.lead_phone = self.lead.phone.strip()
        book.lead_fax = self.lead.fax.strip()
        # Long texts keep their line breaks and indentation as typed.
        book.unit_profile = self.unit_profile
        book.self_evaluation = self.self_evaluation
        book.platform_name = self.platform_name.strip()
        book.platform_url = self.platform_url.strip()
        book.smes_reached = self.smes_reached
        book.overrides = overrides_json(self.overrides)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, in the shape of the interchange's summary_books entries (version 3)."""
        out: dict[str, Any] = {"period_end": self.period_end}
        if self.filled_on:
            out["filled_on"] = self.filled_on.isoformat()
        lead = {k: v for k, v in vars(self.lead).items() if v}
        if lead:
            out["lead"] = lead
        for key in ("unit_profile", "self_evaluation", "platform_name", "platform_url"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.smes_reached is not None:
            out["smes_reached"] = self.smes_reached
        overrides = json.loads(overrides_json(self.overrides))
        if overrides:
            out["overrides"] = overrides
        return out


def read_summary_book(data: Any, path: str = "") -> tuple[SummaryBookFields | None,
                                                         list[Finding]]:
    """A book from an interchange entry (the shape of `SummaryBookFields.to_dict`); None when
    its period is not a month. Bad values become findings at `path` + the key."""
    if not isinstance(data, Mapping):
        return None, [error("book.entry_invalid", path or "book")]

    def where(key: str) -> str:
        return f"{path}.{key}" if path else key

    findings: list[Finding] = []
    period = normal_period_end(str(data.get("period_end") or ""))
    if period is None:
        return None, [error("book.period_invalid", where("period_end"),
                            value=data.get("period_end"))]
    filled_on: dt.date | None = None
    raw_date = data.get("filled_on")
    if isinstance(raw_date, str) and raw_date.strip():
        try:
            filled_on = dt.date.fromisoformat(raw_date.strip())
        except ValueError:
            findings.append(error("book.date_invalid", where("filled_on"), value=raw_date))
        if (out_of_range := date_finding(where("filled_on"), filled_on)) is not None:
            findings.append(out_of_range)
            filled_on = None
    smes: int | None = None
    raw_smes = data.get("smes_reached")
    if raw_smes is not None and raw_smes != "":
        number = to_decimal(raw_smes)
        if number is None or number < 0 or number != number.to_integral_value():
            findings.append(error("book.not_a_count", where("smes_reached"), value=raw_smes))
        elif (problem := magnitude_finding(where("smes_reached"), number, Domain.COUNT)):
            findings.append(problem)
        else:
            smes = int(number)
    raw_lead, raw_overrides = data.get("lead"), data.get("overrides")
    lead: Mapping[str, Any] = raw_lead if isinstance(raw_lead, Mapping) else {}
    overrides: Mapping[str, Any] = raw_overrides if isinstance(raw_overrides, Mapping) else {}
    _, override_findings = read_overrides(overrides)
    findings += [replace(f, field=where(f.field)) for f in override_findings]
    fields = SummaryBookFields(
        period_end=period,
        filled_on=filled_on,
        lead=LeadContact(**{k: str(lead.get(k) or "") for k, _ in LEAD_LABELS}),
        unit_profile=str(data.get("unit_profile") or ""),
        self_evaluation=str(data.get("self_evaluation") or ""),
        platform_name=str(data.get("platform_name") or ""),
        platform_url=str(data.get("platform_url") or ""),
        smes_reached=smes,
        overrides=dict(overrides),
    )
    return fields, findings


def book_data_hash(data: SummaryBookData) -> str:
    """SHA-256 of what the book prints (for GeneratedDocument.data_hash: a PDF or workbook is
    out of date when the records or the book change what it would print)."""
    printed = {
        "fields": data.fields.to_dict(),
        "unit": vars(data.unit),
        "statistics": {k: data.statistics.text(k) for k, _ in XINYANG_STATISTICS_HEADINGS[1:]},
        "declarations": data.statistics.text(Figure.DECLARATIONS),
        "rows": [[r.serial, r.licensors_text, r.licensee, list(r.patent_numbers),
                  r.amount_text, r.remarks] for r in data.rows],
    }
    text = json.dumps(printed, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def overrides_json(overrides: Mapping[str, Any]) -> str:
    """Stored form: only the entered figures, exact decimal text, stable key order."""
    clean: dict[str, Any] = {}
    for key, raw in overrides.items():
        if raw is None or raw == "":
            continue
        number = to_decimal(raw)
        clean[key] = decimal_text(number) if number is not None else raw
    return json.dumps(clean, ensure_ascii=False, sort_keys=True, default=str)


def normal_period_end(text: str) -> str | None:
    end = parse_period_end(text)
    return f"{end.year:04d}-{end.month:02d}" if end else None


@dataclass(frozen=True)
class SummaryBookData:
    """Everything the summary book's PDF and the Excel tables print, already checked."""

    fields: SummaryBookFields
    period: Period
    unit: UnitInfo
    statistics: StatisticsTable
    rows: tuple[DealListRow, ...]
    findings: tuple[Finding, ...] = ()
    excluded_serials: tuple[int, ...] = ()  # deals outside the period (not in 三 or 四)

    @property
    def as_of(self) -> str:
        return as_of_text(self.period)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


def check_book_fields(fields: SummaryBookFields, unit: UnitInfo, *,
                      today: dt.date) -> list[Finding]:
    """The book's own entries: the period, the unit, the lead contact, what 三 needs entered."""
    findings: list[Finding] = []
    end = parse_period_end(fields.period_end)
    if end is None:
        findings.append(error("book.period_invalid", "period_end", value=fields.period_end))
    elif end.replace(day=1) > today:
        findings.append(warning("book.period_in_future", "period_end",
                                period_end=fields.period_end))
    if (out_of_range := date_finding("filled_on", fields.filled_on)) is not None:
        findings.append(out_of_range)
    for key, text, kind in (("unit_profile", fields.unit_profile, "essay"),
                            ("self_evaluation", fields.self_evaluation, "essay"),
                            ("platform_name", fields.platform_name, "name"),
                            ("platform_url", fields.platform_url, "note")):
        if (too_long := text_finding(key, text, kind, _book_limit(key, kind))) is not None:
            findings.append(too_long)
    if fields.smes_reached is not None and (
            problem := range_finding("smes_reached", fields.smes_reached, Domain.COUNT)):
        findings.append(problem)
    if not unit.name.strip():
        findings.append(error("book.unit_name_missing", "organisation.name"))
    for key, text in (
        ("organisation.legal_representative", unit.legal_representative),
        ("organisation.phone", unit.phone),
        ("organisation.address", unit.address),
        ("lead.name", fields.lead.name),
        ("lead.mobile", fields.lead.mobile),
        ("filled_on", "x" if fields.filled_on else ""),
        ("unit_profile", fields.unit_profile),
        ("self_evaluation", fields.self_evaluation),
        ("platform_name", fields.platform_name),
        ("platform_url", fields.platform_url),
        ("smes_reached", "" if fields.smes_reached is None else "x"),
    ):
        if not text.strip():
            findings.append(warning("book.field_missing", key))
    findings.extend(check_phone(fields.lead.mobile, "lead.mobile"))
    findings.extend(check_phone(fields.lead.phone, "lead.phone"))
    findings.extend(check_phone(fields.lead.fax, "lead.fax"))
    findings.extend(check_postcode(unit.postcode, "organisation.postcode"))
    findings.extend(check_email(unit.email, "organisation.email"))
    url = fields.platform_url.strip()
    if url and ("." not in url or " " in url):
        findings.append(warning("book.url_invalid", "platform_url", url=url))
    return findings


def build_summary_book(
    fields: SummaryBookFields,
    unit: UnitInfo,
    deals: Sequence[DealRecord],
    offers: Sequence[DeclaredOffer],
    register: Mapping[str, PatentFields],
    *,
    offer_numbers: Mapping[int, str] | None = None,
    today: dt.date | None = None,
) -> SummaryBookData | None:
    """The book's printable data and every finding; None when the period is not a month.

    `deals` are all deals of the register (those outside the period are left out and named),
    `register` maps normalised numbers to patents, `offer_numbers` maps offer ids to the number
    of their patent (for the deal rule on the linked offer).
    """
    today = today or dt.date.today()
    end = parse_period_end(fields.period_end)
    if end is None:
        return None
    period = Period(end)
    findings = check_book_fields(fields, unit, today=today)

    rows: list[DealListRow] = []
    excluded: list[int] = []
    for record in sorted(deals, key=lambda d: d.serial):
        offer_number = None
        if record.fields.offer_id is not None and offer_numbers is not None:
            offer_number = offer_numbers.get(record.fields.offer_id)
        for finding in check_deal(record.fields, register, file_kinds=record.file_kinds,
                                  period=period, offer_number=offer_number, today=today):
            where = f"deals[{record.serial}].{finding.field}"
            if "nested_code" in finding.params:
                # An invalid number already carries the number rule's finding: keep that one.
                findings.append(error("book.deal_patent_invalid", where, serial=record.serial,
                                      **dict(finding.params)))
                continue
            code = "book.deal_error" if finding.is_error else "book.deal_warning"
            make = error if finding.is_error else warning
            findings.append(
                make(code, where, serial=record.serial, nested_code=finding.code,
                     nested_field=finding.field, **dict(finding.params))
            )
        day = record.fields.licence_date
        if day is not None and period.contains(day):
            rows.append(deal_row(record, register))
        elif day is not None:
            excluded.append(record.serial)
    serials = [r.serial for r in rows]
    if serials != list(range(1, len(serials) + 1)):
        findings.append(warning("book.numbering_gap", "deals", serials=_serial_text(serials),
                                count=len(serials)))

    computed, stat_findings = compute_statistics(period, offers, deals)
    findings.extend(stat_findings)
    overrides, override_findings = read_overrides(fields.overrides)
    findings.extend(override_findings)
    table = StatisticsTable(
        computed=computed,
        overrides=overrides,
        platform_name=fields.platform_name.strip(),
        platform_url=fields.platform_url.strip(),
        smes_reached=fields.smes_reached,
    )
    findings.extend(check_statistics(table))
    return SummaryBookData(
        fields=fields,
        period=period,
        unit=unit,
        statistics=table,
        rows=tuple(rows),
        findings=tuple(findings),
        excluded_serials=tuple(excluded),
    )


def _serial_text(serials: Sequence[int]) -> str:
    return "、".join(str(s) for s in serials)


def _book_limit(key: str, kind: str) -> int:
    """The rule's limit for a book field: the domain's, or its column's when shorter."""
    from app.models.column_limits import text_limit
    from app.models.deals import SummaryBook

    return text_limit(kind, SummaryBook, key)
