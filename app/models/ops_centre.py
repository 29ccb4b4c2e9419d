"""河南省高校知识产权运营管理中心建设工作总结表 (Henan notice 2023-11-30, 附件 3; FORMS.md §6).

The official wording lives here once, verbatim from the notice (seed 000), for the PDF, the Excel
workbook and the editor, together with each long text's guidance as the notice prints it.

One report per report year. "近三年" and "近两年" are derived from the report year (the 2023
edition asks for 2021–2023 and 2022–2023), never written into the code.

Figures from the records, typed once:

- 专利许可 (件数 · 合同额 · 到款额 · 涉及企业数 per year) from the deals register: the deals dated
  in the year; 件数 counts each deal's patents, 合同额 is the amount the deal list reports (the
  footnote's 使用费金额), 到款额 the amount actually received recorded on the deal, 涉及企业数
  the distinct licensees;
- 发明授权 · 专利授权 per year (by grant date) and 累计有效发明专利拥有量 at each year
  end (invention patents granted by then and valid) from the patent register.

The register is rarely every patent a university owns: each computed cell can be overridden;
the override is printed and, when it differs from the records, is a warning naming both figures.
Every 小计 is computed; the stock column's 小计 is "/" as on the form.

Numbers are kept as typed (text) so nothing typed is lost; the rules say what is wrong with them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from app.models.deals import DealRecord, format_wan, reported_amount_yuan, yuan_to_wan
from app.models.entities import LegalStatus
from app.models.findings import Finding, error, warning
from app.models.patent_number import PatentKind, parse
from app.models.patent_rules import PatentFields

# Official wording: 附件 3 of the Henan notice (seed 000) ----------------------------------------

REPORT_TITLE = "河南省高校知识产权运营管理中心建设工作总结表"
COVER_TITLE_LINES = ("河南省高校知识产权运营管理中心", "建设工作总结表")
# The cover's labels as printed (spaced out to one width, as on the form).
COVER_LABELS: tuple[tuple[str, str], ...] = (
    ("school_name", "学 校 名 称 ："),
    ("lead_department", "项目建设牵头部门："),
    ("contact", "联 系 人 ："),
    ("contact_phone", "联 系 电 话 ："),
    ("filled_on", "填 报 日 期 ："),
)
COVER_ISSUER = "河南省知识产权局"
# The template's edition line, printed as it stands: it dates the province's template, not the
# report (the report's own date is 填报日期).
TEMPLATE_EDITION = "二〇二三年制"

SECTION_BASIC = "一、基本情况"
BASIC_GROUP = "基本信息"
# (key, label) in the form's order; "school_name" comes from the organisation record.
BASIC_LABELS: tuple[tuple[str, str], ...] = (
    ("school_name", "学校名称:"),
    ("competent_authority", "主管单位:"),
    ("organisation_code", "组织机构代码:"),
    ("legal_representative", "法定代表人:"),
    ("ip_leader", "知识产权工作分管校领导："),
    ("centre_head", "知识产权运营管理中心牵头部门负责人："),
    ("centre_head_mobile", "移动电话:"),
    ("contact", "联系人："),
    ("contact_mobile", "移动电话:"),
    ("contact_email", "电子邮箱:"),
    ("office_phone", "办公电话:"),
    ("address", "联系地址："),
    ("postcode", "邮政编码："),
)

SECTION_PROGRESS = "二、工作推进情况"
LEADING_GROUP_LABEL = "1.校级知识产权领导小组或科技成果转移转化工作领导小组名称："
SYSTEMS_HEADING = "2.高校知识产权管理制度完善与创新情况"
STANDARD_LABEL = "2.1《高等学校知识产权管理规范》实施及第三方认证情况："


class StandardStatus(StrEnum):
    """2.1: exactly one of the three boxes."""

    NOT_IMPLEMENTED = "not_implemented"
    IMPLEMENTED = "implemented"
    CERTIFIED = "certified"


STANDARD_OPTIONS: tuple[tuple[StandardStatus, str], ...] = (
    (StandardStatus.NOT_IMPLEMENTED, "未实施"),
    (StandardStatus.IMPLEMENTED, "已实施未认证"),
    (StandardStatus.CERTIFIED, "已通过第三方认证"),
)
DOCUMENTS_LABEL = "2.2 近两年修订出台知识产权相关制度文件（附文件）"
DOCUMENT_HEADINGS = ("文件名称", "出台时间", "政策亮点（简述）")


@dataclass(frozen=True)
class TextSection:
    """A long text of the form: its key, its printed heading and the notice's guidance."""

    key: str
    heading: str
    guidance: str = ""


# 二 2.3 – 4: headings and guidance verbatim (the notice breaks lines inside the guidance; the
# breaks are the template's, not part of the text).
PROGRESS_TEXTS: tuple[TextSection, ...] = (
    TextSection("grading", "2.3 知识产权分级分类管理制度建立及实施情况",
                "（含知识产权分级分类具体划分标准和各类知识产权项目库数量）"),
    TextSection("benefit_sharing", "2.4 知识产权权益分配机制完善情况",
                "(含知识产权转化收益分配规定、职务发明成果所有权和长期使用权改革推进落实情况等)"),
    TextSection("other_systems",
                "2.5 其他制度完善情况（专利申请前评估、职务发明成果披露等管理制度完善情况）"),
    TextSection("evaluation", "3.评价体系（知识产权相关指标纳入高校评价体系和绩效考核体系情况）"),
    TextSection("measures",
                "4.工作举措（在促进高校知识产权高质量创造、高效益运用、高标准保护和高水平管理等"
                "方面采取的措施。特别是提升专利质量、拓宽转化渠道、促进转化运用方面的有效举措。）"),
)

SECTION_SUPPORT = "三、保障措施"
FUNDING_HEADING = "1.保障中心运行的资金投入和使用情况"
FUNDING_GROUP = "近三年知识产权运营管理资金投入情况"
FUNDING_YEAR = "年份"
FUNDING_UNIT = "资金投入（万元）"
FUNDING_COLUMNS: tuple[tuple[str, str], ...] = (
    ("provincial", "省级奖补资金"),
    ("matching", "高校配套资金"),
    ("other", "其他资金来源及金额"),
)
SUBTOTAL = "小计"
SUPPORT_SPENDING_TEXTS: tuple[TextSection, ...] = (
    TextSection("provincial_spending",
                "省财政高校知识产权运营管理中心奖补资金支出情况（具体支出内容和金额）："),
    TextSection("matching_spending", "高校配套资金及其他来源资金支出情况："),
)
STAFF_HEADING = "2.人才队伍（知识产权运营管理中心人才队伍建设情况）（附专兼职人员名单）"
STAFF_LABELS: tuple[tuple[str, str], ...] = (
    ("total", "专兼职人员总数："),
    ("growth", "较建设前增长数量："),
    ("full_time", "其中：专职人员总数："),
    ("part_time", "兼职人员总数："),
    ("specialists", "高校知识产权专员人数："),
    ("agents", "具备专利代理师资格人数："),
    ("managers", "培养或引进技术经理人数量："),
)
SUPPORT_TEXTS: tuple[TextSection, ...] = (
    TextSection("incentives", "运营管理中心人员的激励制度、绩效管理制度等"),
    TextSection("platform", "3.运营中心线上运营管理平台建设运行情况"),
    TextSection("premises", "4.中心场地（运营管理中心线下服务场地、软硬件设施保障）"),
)

SECTION_OUTPUT = "四、绩效产出"
CULTIVATION_GROUP = "近三年高价值知识产权培育工作"
PATENT_OUTPUT_HEADING = "专利产出情况（附清单）"
PATENT_OUTPUT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("invention_applications", "发明申请（件）"),
    ("inventions_granted", "发明授权（件）"),
    ("patents_granted", "专利授权（件）"),
    ("valid_inventions", "累计有效发明专利拥有量（件）"),
)
NO_SUBTOTAL = "/"
NAVIGATION_HEADING = "高校专利导航项目实施情况"
NAVIGATION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("serial", "序号"),
    ("category", "项目类别（产业类或微导航类）"),
    ("name", "项目名称"),
    ("period", "起止时间"),
    ("funding", "经费（万元）"),
    ("provider", "专利导航服务提供方"),
)
OUTPUT_TEXTS: tuple[TextSection, ...] = (
    TextSection("high_value",
                "围绕高校优势学科建设、重大科研项目实施、产学研合作等，培育并产出高价值专利及专利"
                "组合具体情况："),
    TextSection("other_output", "其他知识产权产出情况："),
)
OPERATION_GROUP = "近三年知识产权运营成效（附清单）"
YEAR_COLUMN = "年度"


@dataclass(frozen=True)
class YearTable:
    """A by-year table of 四: its key, heading, columns (key, heading, kind) and year label."""

    key: str
    heading: str
    columns: tuple[tuple[str, str, str], ...]  # kind: "count" or "amount"
    year_label: str = YEAR_COLUMN


TRANSFERS = YearTable("transfers", "专利转让", (
    ("count", "专利转让（件）", "count"),
    ("contract", "合同额（万元）", "amount"),
    ("received", "到款额（万元）", "amount"),
    ("companies", "涉及企业数", "count"),
))
LICENCES = YearTable("licences", "专利许可", (
    ("count", "专利许可（件）", "count"),
    ("contract", "合同额（万元）", "amount"),
    ("received", "到款额（万元）", "amount"),
    ("companies", "涉及企业数", "count"),
))
EQUITY = YearTable("equity", "专利作价入股", (
    ("count", "作价入股专利数（件）", "count"),
    ("value", "作价金额（万元）", "amount"),
    ("companies", "涉及企业数", "count"),
))
INCUBATION = YearTable("incubation", "知识产权孵化企业情况", (
    ("companies", "孵化企业数（家）", "count"),
    ("revenue", "年度营业收入（万元）", "amount"),
))
PATENT_OUTPUT = YearTable(
    "patent_output", PATENT_OUTPUT_HEADING,
    tuple((key, heading, "count") for key, heading in PATENT_OUTPUT_COLUMNS),
    year_label=FUNDING_YEAR,
)
OPERATION_TABLES: tuple[YearTable, ...] = (TRANSFERS, LICENCES, EQUITY, INCUBATION)
OTHER_TRANSFERS = TextSection(
    "other_transfers",
    "近两年其他知识产权转移转化情况（其他类型知识产权转化形式、项数、合同额、到款额等。）",
)
SME_GROUP = "服务中小企业情况"
SME_ITEM = "项目"
SME_MATCHMAKING = "知识产权转移转化对接活动"
SME_OTHER_GROUP = "其他服务中小企业工作"
SME_ACTIVITY_NAME = "活动(工作)名称 {n}:"
SME_FIGURES: tuple[tuple[str, str], ...] = (
    ("events", "活动开展场次（次）"),
    ("companies", "服务企业数量（家）"),
)
# The other activities' rows say 场次（次） where the matchmaking row says 活动开展场次（次）.
SME_OTHER_FIGURES: tuple[tuple[str, str], ...] = (
    ("events", "场次（次）"),
    ("companies", "服务企业数量（家）"),
)
PARTNERS_LABEL = "截至目前与高校建立战略合作关系的企业数量："

SECTION_FEATURES = "五、特色工作和典型案例"
FEATURES = TextSection(
    "features", SECTION_FEATURES,
    "包括高校在知识产权创造、保护、运用、管理等方面有典型意义的、取得显著成效的好经验好做法、"
    "典型案例等。",
)
SECTION_PROBLEMS = "六、高校运营工作的难点问题和建议"
PROBLEMS = TextSection(
    "problems", SECTION_PROBLEMS,
    "包括高校在提升高质量专利供给、拓宽专利技术转化渠道、促进供需对接、推进专利转化运用过程中"
    "遇到的主要困难、难点问题，高校的针对性对策措施，相关建设性意见建议等。",
)

SECTION_OPINION = "七、试点建设单位意见"
OPINION_LABEL = "试点建设单位意见"
PLEDGE = (
    "我单位保证上述填报内容及所提供的附件材料真实、完整、无误，如有不实，我单位承担由此引起的"
    "一切责任。"
)
SEAL_LABEL = "申报单位公章："
DATE_BLANK = "年 月 日"

# 附件 2: 河南省国家知识产权信息服务中心高校、试点高校建设知识产权运营管理中心高校名录
# (排名不分先后).
# Shipped as the preset of an editable list (app.models.ops_centre_records): the province
# changes it. The notice says "22 家" centre universities; its list has 23 rows, the first
# (郑州大学) only a 国家知识产权信息服务中心高校, so 22 centre universities.
CENTRE_CATEGORY = "省知识产权运营管理中心建设高校"
INFO_CENTRE = "国家知识产权信息服务中心高校"
PILOT = "国家知识产权试点高校"
UNIVERSITY_LIST: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("郑州大学", (INFO_CENTRE,)),
    ("河南师范大学", (CENTRE_CATEGORY,)),
    ("河南大学", (PILOT, CENTRE_CATEGORY)),
    ("中原工学院", (CENTRE_CATEGORY,)),
    ("河南科技大学", (PILOT, CENTRE_CATEGORY)),
    ("洛阳理工学院", (PILOT, CENTRE_CATEGORY)),
    ("郑州航空工业管理学院", (CENTRE_CATEGORY,)),
    ("商丘师范学院", (CENTRE_CATEGORY,)),
    ("信阳师范大学", (CENTRE_CATEGORY,)),
    ("河南工业大学", (CENTRE_CATEGORY,)),
    ("河南理工大学", (CENTRE_CATEGORY,)),
    ("华北水利水电大学", (CENTRE_CATEGORY,)),
    ("许昌学院", (CENTRE_CATEGORY,)),
    ("南阳理工学院", (CENTRE_CATEGORY,)),
    ("周口师范学院", (CENTRE_CATEGORY,)),
    ("黄淮学院", (CENTRE_CATEGORY,)),
    ("平顶山学院", (CENTRE_CATEGORY,)),
    ("安阳工学院", (CENTRE_CATEGORY,)),
    ("河南工学院", (CENTRE_CATEGORY,)),
    ("郑州财经学院", (CENTRE_CATEGORY,)),
    ("河南工程学院", (CENTRE_CATEGORY,)),
    ("新乡医学院", (CENTRE_CATEGORY,)),
    ("河南城建学院", (CENTRE_CATEGORY,)),
)

# Every long text of the form, in the form's order (the editor and the JSON use these keys).
ALL_TEXTS: tuple[TextSection, ...] = (
    *PROGRESS_TEXTS, *SUPPORT_SPENDING_TEXTS, *SUPPORT_TEXTS, *OUTPUT_TEXTS, OTHER_TRANSFERS,
    FEATURES, PROBLEMS,
)
TEXT_KEYS = tuple(t.key for t in ALL_TEXTS)

COUNT_LIMIT = 10**7
AMOUNT_PLACES = 4


# Years ----------------------------------------------------------------------------------------


def recent_years(report_year: int, count: int = 3) -> tuple[int, ...]:
    """"近三年" (count 3) or "近两年" (count 2) of a report year, oldest first."""
    return tuple(range(report_year - count + 1, report_year + 1))


def year_label(year: int) -> str:
    return f"{year} 年"


# The report as typed --------------------------------------------------------------------------

YearCells = Mapping[int, Mapping[str, str]]  # year → column key → text as typed


@dataclass(frozen=True)
class PolicyDocument:
    """2.2: one policy document; its file is attached (stored by SHA-256)."""

    name: str = ""
    issued: str = ""  # 出台时间 as typed: "2023-05" or "2023-05-12"
    highlights: str = ""
    file_name: str = ""
    file_sha256: str = ""


@dataclass(frozen=True)
class NavigationProject:
    """四: one 专利导航 project row."""

    category: str = ""  # 产业类 / 微导航类
    name: str = ""
    period: str = ""  # 起止时间 as written
    funding: str = ""  # 万元, as typed
    provider: str = ""


NAVIGATION_CATEGORIES = ("产业类", "微导航类")


@dataclass(frozen=True)
class SmeActivity:
    """服务中小企业情况: one named other activity, its figures by year."""

    name: str = ""
    years: YearCells = field(default_factory=dict)  # year → {"events", "companies"}


@dataclass(frozen=True)
class OpsCentreFields:
    """A report as typed or imported (the interchange's "ops_centre_reports" entries)."""

    report_year: int
    filled_on: dt.date | None = None
    lead_department: str = ""  # 项目建设牵头部门
    basic: Mapping[str, str] = field(default_factory=dict)  # BASIC_LABELS keys but school_name
    leading_group: str = ""
    standard: str = ""  # a StandardStatus value, "" while not chosen
    documents: tuple[PolicyDocument, ...] = ()
    texts: Mapping[str, str] = field(default_factory=dict)  # TEXT_KEYS
    funding: YearCells = field(default_factory=dict)  # provincial, matching, other, other_source
    staff: Mapping[str, str] = field(default_factory=dict)  # STAFF_LABELS keys
    # Typed figures of the by-year tables; for licences and patent output these are overrides
    # of the computed figures.
    tables: Mapping[str, YearCells] = field(default_factory=dict)
    override_note: str = ""  # why the register's figures were overridden
    projects: tuple[NavigationProject, ...] = ()
    matchmaking: YearCells = field(default_factory=dict)  # year → events, companies
    activities: tuple[SmeActivity, ...] = ()
    partners: str = ""  # 战略合作企业数量

    @property
    def years(self) -> tuple[int, ...]:
        return recent_years(self.report_year)

    @property
    def document_years(self) -> tuple[int, ...]:
        return recent_years(self.report_year, 2)

    def text(self, key: str) -> str:
        return str(self.texts.get(key, "") or "")

    def cell(self, table: str, year: int, column: str) -> str:
        return str(self.tables.get(table, {}).get(year, {}).get(column, "") or "").strip()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; empty entries left out, years as strings (JSON keys)."""
        out: dict[str, Any] = {"report_year": self.report_year}
        if self.filled_on:
            out["filled_on"] = self.filled_on.isoformat()
        for key in ("lead_department", "leading_group", "standard", "override_note", "partners"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        for key in ("basic", "texts", "staff"):
            values = {k: v for k, v in sorted(getattr(self, key).items()) if v}
            if values:
                out[key] = values
        if self.documents:
            out["documents"] = [_nonempty(vars(d)) for d in self.documents]
        if self.projects:
            out["projects"] = [_nonempty(vars(p)) for p in self.projects]
        for key in ("funding", "matchmaking"):
            cells = _cells_dict(getattr(self, key))
            if cells:
                out[key] = cells
        tables = {k: _cells_dict(v) for k, v in sorted(self.tables.items())}
        tables = {k: v for k, v in tables.items() if v}
        if tables:
            out["tables"] = tables
        if self.activities:
            out["activities"] = [
                {"name": a.name, "years": _cells_dict(a.years)} for a in self.activities
            ]
        return out


def _nonempty(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v}


def _cells_dict(cells: YearCells) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for year in sorted(cells):
        row = {k: str(v) for k, v in sorted(cells[year].items()) if str(v or "").strip()}
        if row:
            out[str(year)] = row
    return out


def _read_cells(data: Any) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    if not isinstance(data, Mapping):
        return out
    for year, row in data.items():
        try:
            number = int(str(year))
        except ValueError:
            continue
        if isinstance(row, Mapping):
            out[number] = {str(k): str(v) for k, v in row.items() if v is not None}
    return out


def _strings(data: Any) -> dict[str, str]:
    if not isinstance(data, Mapping):
        return {}
    return {str(k): str(v) for k, v in data.items() if v is not None}


def read_ops_centre(data: Any, path: str = "") -> tuple[OpsCentreFields | None, list[Finding]]:
    """A report from an interchange entry (the shape of `OpsCentreFields.to_dict`); None when
    its report year is not a year. Bad values become findings at `path` + the key."""

    def where(key: str) -> str:
        return f"{path}.{key}" if path else key

    if not isinstance(data, Mapping):
        return None, [error("ops.entry_invalid", path or "ops_centre")]
    raw_year = data.get("report_year")
    try:
        year = int(str(raw_year))
    except ValueError:
        year = 0
    if not 2000 <= year <= 2100:
        return None, [error("ops.year_invalid", where("report_year"), value=raw_year)]
    findings: list[Finding] = []
    filled_on = None
    raw_date = data.get("filled_on")
    if isinstance(raw_date, str) and raw_date.strip():
        try:
            filled_on = dt.date.fromisoformat(raw_date.strip())
        except ValueError:
            findings.append(error("ops.date_invalid", where("filled_on"), value=raw_date))
    standard = str(data.get("standard") or "")
    if standard and standard not in {s.value for s in StandardStatus}:
        findings.append(error("ops.standard_unknown", where("standard"), value=standard))
        standard = ""

    def rows(key: str, kind: type[Any]) -> tuple[Any, ...]:
        raw = data.get(key)
        if not isinstance(raw, list):
            return ()
        names = set(kind.__dataclass_fields__)
        return tuple(kind(**{k: str(v) for k, v in item.items() if k in names})
                     for item in raw if isinstance(item, Mapping))

    activities = []
    raw_activities = data.get("activities")
    for item in raw_activities if isinstance(raw_activities, list) else []:
        if isinstance(item, Mapping):
            activities.append(SmeActivity(str(item.get("name") or ""),
                                          _read_cells(item.get("years"))))
    raw_tables = data.get("tables")
    tables = ({str(k): _read_cells(v) for k, v in raw_tables.items()}
              if isinstance(raw_tables, Mapping) else {})
    fields = OpsCentreFields(
        report_year=year,
        filled_on=filled_on,
        lead_department=str(data.get("lead_department") or ""),
        basic=_strings(data.get("basic")),
        leading_group=str(data.get("leading_group") or ""),
        standard=standard,
        documents=rows("documents", PolicyDocument),
        texts=_strings(data.get("texts")),
        funding=_read_cells(data.get("funding")),
        staff=_strings(data.get("staff")),
        tables=tables,
        override_note=str(data.get("override_note") or ""),
        projects=rows("projects", NavigationProject),
        matchmaking=_read_cells(data.get("matchmaking")),
        activities=tuple(activities),
        partners=str(data.get("partners") or ""),
    )
    return fields, findings


# Numbers --------------------------------------------------------------------------------------


def parse_count(text: str) -> int | None:
    """A whole non-negative number as typed ("12", "１２"), or None when it is not one."""
    clean = _ascii_digits(text).replace(",", "").strip()
    if not clean.isdigit():
        return None
    value = int(clean)
    return value if value < COUNT_LIMIT else None


def parse_amount(text: str) -> Decimal | None:
    """万元 as typed: non-negative, at most four decimals; None when not such a number."""
    clean = _ascii_digits(text).replace(",", "").strip()
    if not clean or clean.startswith(("+", "-")) or "e" in clean.lower():
        return None
    try:
        value = Decimal(clean)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0:
        return None
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -AMOUNT_PLACES:
        return None
    return value


def _ascii_digits(text: str) -> str:
    return str(text or "").translate({0xFF10 + i: 0x30 + i for i in range(10)} | {0xFF0E: 0x2E})


def amount_text(value: Decimal | None) -> str:
    return "" if value is None else format_wan(value)


# Figures from the records ---------------------------------------------------------------------


@dataclass(frozen=True)
class LicenceYear:
    count: int = 0
    contract_yuan: Decimal = Decimal(0)
    received_yuan: Decimal = Decimal(0)
    companies: int = 0
    unreceived_deals: tuple[int, ...] = ()  # paid deals with no 到款额 recorded


def licence_figures(deals: Sequence[DealRecord], years: Sequence[int]
                    ) -> dict[int, LicenceYear]:
    """专利许可 per year from the deals register (deals dated in the year)."""
    out: dict[int, LicenceYear] = {}
    for year in years:
        counted = [d for d in deals
                   if d.fields.licence_date is not None and d.fields.licence_date.year == year]
        contract = sum((reported_amount_yuan(d.fields.payment) for d in counted), Decimal(0))
        received = sum((d.fields.received_yuan or Decimal(0) for d in counted), Decimal(0))
        licensees = {d.fields.licensee.strip() for d in counted if d.fields.licensee.strip()}
        missing = tuple(d.serial for d in counted
                        if not d.fields.payment.is_free and d.fields.received_yuan is None)
        out[year] = LicenceYear(
            count=sum(max(1, len(d.fields.patents)) for d in counted),
            contract_yuan=contract,
            received_yuan=received,
            companies=len(licensees),
            unreceived_deals=missing,
        )
    return out


def _is_invention(patent: PatentFields) -> bool:
    kind = parse(patent.number).kind
    if kind is not None:
        return kind is PatentKind.INVENTION
    return (patent.entered_kind or "") == PatentKind.INVENTION.value


def patent_figures(register: Sequence[PatentFields], years: Sequence[int]
                   ) -> dict[int, dict[str, int]]:
    """发明授权 · 专利授权 (granted in the year) and 累计有效发明专利拥有量 (invention patents
    granted by the year end and valid) from the register."""
    out: dict[int, dict[str, int]] = {}
    for year in years:
        end = dt.date(year, 12, 31)
        granted = [p for p in register if p.grant_date is not None and p.grant_date.year == year]
        stock = [p for p in register
                 if _is_invention(p) and p.grant_date is not None and p.grant_date <= end
                 and p.legal_status == LegalStatus.VALID.value]
        out[year] = {
            "inventions_granted": sum(1 for p in granted if _is_invention(p)),
            "patents_granted": len(granted),
            "valid_inventions": len(stock),
        }
    return out


COMPUTED_PATENT_COLUMNS = ("inventions_granted", "patents_granted", "valid_inventions")
COMPUTED_LICENCE_COLUMNS = ("count", "contract", "received", "companies")


# The printable report -------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintedTable:
    """A by-year table as printed: one row of cell texts per year, then the 小计 row."""

    spec: YearTable
    years: tuple[int, ...]
    rows: tuple[tuple[str, ...], ...]
    subtotal: tuple[str, ...]
    computed: tuple[tuple[str, ...], ...] = ()  # the records' figures where the table has them


@dataclass(frozen=True)
class UnitInfo:
    """What the report takes from the organisation record."""

    name: str = ""
    legal_representative: str = ""
    address: str = ""
    postcode: str = ""
    email: str = ""
    phone: str = ""
    competent_authority: str = ""
    organisation_code: str = ""
    ip_leader: str = ""
    centre_head: str = ""

    @classmethod
    def of(cls, organisation: Any) -> UnitInfo:
        keys = ("name", "legal_representative", "address", "postcode", "email", "phone",
                "competent_authority", "organisation_code", "ip_leader", "centre_head")
        return cls(**{k: str(getattr(organisation, k, "") or "") for k in keys})


# The organisation record's fields that fill 一 when the report leaves them blank (the unit's
# own details are the organisation's, typed once; a value typed on a report still wins, as
# reports saved before the organisation had them hold them there).
BASIC_FROM_UNIT = {"competent_authority": "competent_authority",
                   "organisation_code": "organisation_code",
                   "legal_representative": "legal_representative",
                   "ip_leader": "ip_leader", "centre_head": "centre_head",
                   "address": "address", "postcode": "postcode", "contact_email": "email",
                   "office_phone": "phone"}


@dataclass(frozen=True)
class OpsCentreData:
    """Everything the PDF and the workbook print, already checked."""

    fields: OpsCentreFields
    unit: UnitInfo
    basic: Mapping[str, str]  # every BASIC_LABELS key, the organisation's where not typed
    funding: PrintedTable
    patent_output: PrintedTable
    operations: tuple[PrintedTable, ...]  # TRANSFERS, LICENCES, EQUITY, INCUBATION
    matchmaking: tuple[tuple[str, ...], ...]  # per SME_FIGURES row: one text per year
    activities: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
    findings: tuple[Finding, ...] = ()

    @property
    def years(self) -> tuple[int, ...]:
        return self.fields.years

    @property
    def cover(self) -> dict[str, str]:
        phone = self.basic.get("office_phone") or self.basic.get("contact_mobile") or ""
        return {"school_name": self.unit.name, "lead_department": self.fields.lead_department,
                "contact": self.basic.get("contact", ""), "contact_phone": phone}

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


def _checked_cell(text: str, kind: str, where: str, findings: list[Finding]
                  ) -> int | Decimal | None:
    text = str(text or "").strip()
    if not text:
        return None
    if kind == "count":
        count = parse_count(text)
        if count is None:
            findings.append(error("ops.not_a_count", where, value=text))
        return count
    amount = parse_amount(text)
    if amount is None:
        findings.append(error("ops.not_an_amount", where, value=text, places=AMOUNT_PLACES))
    return amount


def _show(value: int | Decimal | None, kind: str) -> str:
    if value is None:
        return ""
    return str(value) if kind == "count" else format_wan(Decimal(value))


def _year_table(
    spec: YearTable,
    fields: OpsCentreFields,
    findings: list[Finding],
    computed: Mapping[int, Mapping[str, int | Decimal]] | None = None,
    *,
    no_subtotal: Sequence[str] = (),
) -> PrintedTable:
    years = fields.years
    columns = spec.columns
    rows: list[tuple[str, ...]] = []
    computed_rows: list[tuple[str, ...]] = []
    totals: list[int | Decimal | None] = [None] * len(columns)
    for year in years:
        row: list[str] = []
        shown_computed: list[str] = []
        for i, (key, heading, kind) in enumerate(columns):
            where = f"{spec.key}[{year}].{key}"
            typed = _checked_cell(fields.cell(spec.key, year, key), kind, where, findings)
            record = computed.get(year, {}).get(key) if computed is not None else None
            shown_computed.append(_show(record, kind))
            value = typed if typed is not None else record
            if typed is not None and record is not None and Decimal(typed) != Decimal(record):
                findings.append(warning(
                    "ops.override_differs", where, heading=heading, year=year,
                    entered=_show(typed, kind), computed=_show(record, kind)))
            row.append(_show(value, kind))
            if value is not None:
                total = totals[i]
                totals[i] = value if total is None else total + value
        rows.append(tuple(row))
        computed_rows.append(tuple(shown_computed))
    subtotal = tuple(
        NO_SUBTOTAL if key in no_subtotal else _show(totals[i], kind)
        for i, (key, _, kind) in enumerate(columns)
    )
    return PrintedTable(spec, years, tuple(rows), subtotal,
                        tuple(computed_rows) if computed is not None else ())


FUNDING = YearTable("funding", FUNDING_UNIT, (
    ("provincial", "省级奖补资金", "amount"),
    ("matching", "高校配套资金", "amount"),
    ("other", "其他资金来源及金额", "amount"),
), year_label=FUNDING_YEAR)


def _funding_table(fields: OpsCentreFields, findings: list[Finding]) -> PrintedTable:
    as_tables = OpsCentreFields(fields.report_year, tables={"funding": fields.funding})
    table = _year_table(FUNDING, as_tables, findings)
    # 其他资金来源及金额: the source's name before the amount.
    rows = []
    for year, row in zip(table.years, table.rows, strict=True):
        source = str(fields.funding.get(year, {}).get("other_source", "") or "").strip()
        rows.append((*row[:2], f"{source} {row[2]}".strip() if source else row[2]))
    return PrintedTable(table.spec, table.years, tuple(rows), table.subtotal)


def _received_check(table: PrintedTable, findings: list[Finding]) -> None:
    """到款额 ≤ 合同额, year by year and in the 小计."""
    keys = [key for key, _, _ in table.spec.columns]
    contract_i, received_i = keys.index("contract"), keys.index("received")
    for year, row in zip(table.years, table.rows, strict=True):
        contract, received = parse_amount(row[contract_i]), parse_amount(row[received_i])
        if contract is not None and received is not None and received > contract:
            findings.append(error("ops.received_exceeds_contract",
                                  f"{table.spec.key}[{year}].received", year=year,
                                  table=table.spec.heading, received=format_wan(received),
                                  contract=format_wan(contract)))


def _staff_check(staff: Mapping[str, str], findings: list[Finding]) -> None:
    values: dict[str, int | Decimal | None] = {}
    for key, _ in STAFF_LABELS:
        values[key] = _checked_cell(staff.get(key, ""), "count", f"staff.{key}", findings)
    total, full, part = values["total"], values["full_time"], values["part_time"]
    if total is not None and full is not None and part is not None and full + part != total:
        findings.append(error("ops.staff_mismatch", "staff.total", total=total, full_time=full,
                              part_time=part))


def _date_check(text: str, where: str, today: dt.date, findings: list[Finding]) -> None:
    text = text.strip()
    if not text:
        return
    normal = text.replace("年", "-").replace("月", "-").replace("日", "").replace(".", "-")
    normal = normal.replace("/", "-").strip("- ")
    parts = [p for p in normal.split("-") if p]
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            day = dt.date(numbers[0], 1, 1)
        elif len(numbers) == 2:
            day = dt.date(numbers[0], numbers[1], 1)
        elif len(numbers) == 3:
            day = dt.date(numbers[0], numbers[1], numbers[2])
        else:
            raise ValueError(text)
    except ValueError:
        findings.append(error("ops.date_invalid", where, value=text))
        return
    if day > today:
        findings.append(error("ops.date_in_future", where, value=text))


def _missing(name: str) -> Finding:
    return warning("ops.field_missing", name, label=field_label(name))


def check_fields(fields: OpsCentreFields, unit: UnitInfo, *, today: dt.date) -> list[Finding]:
    """The report's own entries (the tables are checked as they are built)."""
    findings: list[Finding] = []
    if fields.report_year > today.year:
        findings.append(error("ops.year_in_future", "report_year", year=fields.report_year))
    if not unit.name.strip():
        findings.append(error("ops.unit_name_missing", "organisation.name"))
    if fields.filled_on is None:
        findings.append(_missing("filled_on"))
    elif fields.filled_on > today:
        findings.append(error("ops.date_in_future", "filled_on",
                              value=fields.filled_on.isoformat()))
    if not fields.standard:
        findings.append(error("ops.standard_missing", "standard"))
    for key in ("lead_department", "leading_group"):
        if not str(getattr(fields, key)).strip():
            findings.append(_missing(key))
    for key in ("competent_authority", "organisation_code", "ip_leader", "centre_head",
                "contact"):
        from_unit = str(getattr(unit, BASIC_FROM_UNIT.get(key, ""), "") or "")
        if not str(fields.basic.get(key, "")).strip() and not from_unit.strip():
            findings.append(_missing(f"basic.{key}"))
    for text in ALL_TEXTS:
        if not fields.text(text.key).strip():
            findings.append(_missing(f"texts.{text.key}"))
    for i, doc in enumerate(fields.documents, start=1):
        where = f"documents[{i}]"
        if not doc.name.strip():
            findings.append(error("ops.document_name_missing", f"{where}.name", row=i))
        if not doc.issued.strip():
            findings.append(_missing(f"{where}.issued"))
        _date_check(doc.issued, f"{where}.issued", today, findings)
        if not doc.file_sha256:
            findings.append(warning("ops.document_file_missing", f"{where}.file", row=i,
                                    name=doc.name))
    for i, project in enumerate(fields.projects, start=1):
        where = f"projects[{i}]"
        if not project.name.strip():
            findings.append(error("ops.project_name_missing", f"{where}.name", row=i))
        _checked_cell(project.funding, "amount", f"{where}.funding", findings)
    for i, activity in enumerate(fields.activities, start=1):
        if not activity.name.strip():
            findings.append(error("ops.activity_name_missing", f"activities[{i}].name", row=i))
    _checked_cell(fields.partners, "count", "partners", findings)
    _staff_check(fields.staff, findings)
    return findings


def _sme_rows(cells: YearCells, years: Sequence[int], where: str, findings: list[Finding]
              ) -> tuple[tuple[str, ...], ...]:
    rows = []
    for key, _ in SME_FIGURES:
        row = []
        for year in years:
            value = _checked_cell(str(cells.get(year, {}).get(key, "") or ""), "count",
                                  f"{where}[{year}].{key}", findings)
            row.append(_show(value, "count"))
        rows.append(tuple(row))
    return tuple(rows)


def build_ops_centre(
    fields: OpsCentreFields,
    unit: UnitInfo,
    deals: Sequence[DealRecord],
    register: Sequence[PatentFields],
    *,
    today: dt.date | None = None,
) -> OpsCentreData:
    """The report's printable data and every finding."""
    today = today or dt.date.today()
    findings = check_fields(fields, unit, today=today)
    basic = {key: str(fields.basic.get(key, "") or "").strip() for key, _ in BASIC_LABELS}
    basic["school_name"] = unit.name
    for key, unit_key in BASIC_FROM_UNIT.items():
        if not basic[key]:
            basic[key] = getattr(unit, unit_key)
    years = fields.years

    funding = _funding_table(fields, findings)

    patents = patent_figures(register, years)
    patent_output = _year_table(PATENT_OUTPUT, fields, findings, patents,
                                no_subtotal=("valid_inventions",))

    licences_raw = licence_figures(deals, years)
    licence_cells: dict[int, dict[str, int | Decimal]] = {}
    for year, figures in licences_raw.items():
        licence_cells[year] = {
            "count": figures.count,
            "contract": yuan_to_wan(figures.contract_yuan),
            "received": yuan_to_wan(figures.received_yuan),
            "companies": figures.companies,
        }
        if figures.unreceived_deals:
            findings.append(warning(
                "ops.deal_received_missing", f"licences[{year}].received", year=year,
                serials="、".join(str(s) for s in figures.unreceived_deals)))
    operations = []
    for spec in OPERATION_TABLES:
        table = _year_table(spec, fields, findings,
                            licence_cells if spec is LICENCES else None)
        if spec in (TRANSFERS, LICENCES):
            _received_check(table, findings)
        operations.append(table)

    matchmaking = _sme_rows(fields.matchmaking, years, "matchmaking", findings)
    activities = tuple(
        (a.name.strip(), _sme_rows(a.years, years, f"activities[{i}]", findings))
        for i, a in enumerate(fields.activities, start=1)
    )
    return OpsCentreData(
        fields=fields,
        unit=unit,
        basic=basic,
        funding=funding,
        patent_output=patent_output,
        operations=tuple(operations),
        matchmaking=matchmaking,
        activities=activities,
        findings=tuple(findings),
    )


def report_data_hash(data: OpsCentreData) -> str:
    """SHA-256 of what the report prints (a PDF is out of date when this changes)."""
    printed = {
        "fields": data.fields.to_dict(),
        "unit": vars(data.unit),
        "basic": dict(data.basic),
        "tables": [[t.rows, t.subtotal] for t in (data.funding, data.patent_output,
                                                  *data.operations)],
    }
    text = json.dumps(printed, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Field names of findings, for the window's labels and the command line.
def field_label(name: str) -> str:
    """The official wording of a finding's field ("licences[2023].received" → "专利许可 2023 年
    到款额（万元）"), for messages."""
    head, _, column = name.partition(".")
    table, _, rest = head.partition("[")
    rows = {"documents": ("2.2 第 {} 个文件", {"name": "文件名称", "issued": "出台时间",
                                                "highlights": "政策亮点", "file": "附文件"}),
            "projects": ("专利导航项目 {}", {k: v for k, v in NAVIGATION_COLUMNS}),
            "activities": ("其他服务中小企业工作 {}", {"name": "活动(工作)名称"})}
    if table in rows and rest.endswith("]") and rest[:-1].isdigit() and column in rows[table][1]:
        title, columns = rows[table]
        return f"{title.format(rest[:-1])} {columns[column]}"
    year = rest.rstrip("]")
    specs: dict[str, YearTable] = {t.key: t for t in (*OPERATION_TABLES, PATENT_OUTPUT, FUNDING)}
    if table in specs and year:
        spec = specs[table]
        columns = {key: heading for key, heading, _ in spec.columns}
        return f"{spec.heading} {year} 年 {columns.get(column, column)}"
    labels: dict[str, str] = {f"basic.{k}": v.rstrip(":：") for k, v in BASIC_LABELS}
    labels |= {f"texts.{t.key}": t.heading for t in ALL_TEXTS}
    labels |= {f"staff.{k}": v.rstrip(":：") for k, v in STAFF_LABELS}
    labels |= {"standard": STANDARD_LABEL.rstrip(":："), "leading_group":
               LEADING_GROUP_LABEL.rstrip(":："), "lead_department": "项目建设牵头部门",
               "filled_on": "填报日期", "partners": PARTNERS_LABEL.rstrip(":："),
               "report_year": "报告年度"}
    return labels.get(name, name)

