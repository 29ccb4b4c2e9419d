"""Stock-patent inventory (存量专利盘点, seed 004): each patent's screening record and its rules.

Anhui's plan (皖市监知促函〔2024〕4号) and the national plan it carries ask every university to
go through its granted patents and, per patent, mark

- the transfer intention(s): 转让 / 许可 / 自行应用或产业化;
- the technical field: a strategic-emerging-industry category (战略性新兴产业分类 2018) and/or a
  national-economy category (GB/T 4754-2017), plus the IPC class where known; the lists ship as
  data (``data/inventory_categories.json``);
- the technology maturity on the nine technology readiness levels, and the market prospect;
- whether it has "潜在市场价值" — the screening verdict that puts it on the classification table;
- the five situations of 《高校和科研机构转化专利统计表》: 已发生或即将实施许可,
  已达成或即将达成转让协议, 即将放弃专利权, 与企业共有专利权, 涉及权属纠纷. Two follow from
  records already there and are never typed: a deal of the register naming the patent means
  licensed (已发生许可); a patentee that is a company means co-owned with a company;
- who evaluated it and when; and the enterprises' feedback as it comes back
  (产业化前景评价, 技术改进需求, 产学研合作意向).

The screening is one row per patent (``screening``), feedback any number of rows
(``enterprise_feedback``). Rules return findings (codes ``inventory.*``), never sentences.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, Final

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.entities import Base, _now
from app.models.findings import Finding, error, warning


class Intention(StrEnum):
    TRANSFER = "transfer"  # 转让
    LICENCE = "licence"  # 许可
    SELF_USE = "self_use"  # 自行应用或产业化


INTENTION_LABELS: Final[dict[str, tuple[str, str]]] = {
    Intention.TRANSFER: ("Transfer", "转让"),
    Intention.LICENCE: ("Licence", "许可"),
    Intention.SELF_USE: ("Own use / industrialise", "自行应用或产业化"),
}


class Prospect(StrEnum):
    GOOD = "good"  # 好
    FAIRLY_GOOD = "fairly_good"  # 较好
    AVERAGE = "average"  # 一般
    POOR = "poor"  # 较差


PROSPECT_LABELS: Final[dict[str, tuple[str, str]]] = {
    Prospect.GOOD: ("Good", "好"),
    Prospect.FAIRLY_GOOD: ("Fairly good", "较好"),
    Prospect.AVERAGE: ("Average", "一般"),
    Prospect.POOR: ("Poor", "较差"),
}


class Stage(StrEnum):
    """A licence or transfer: 已发生/已达成 (done) or 即将 (planned)."""

    DONE = "done"
    PLANNED = "planned"


LICENCE_LABELS: Final[dict[str, tuple[str, str]]] = {
    Stage.DONE: ("Licensed", "已发生许可"),
    Stage.PLANNED: ("Licence planned", "即将实施许可"),
}
TRANSFER_LABELS: Final[dict[str, tuple[str, str]]] = {
    Stage.DONE: ("Transfer agreed", "已达成转让协议"),
    Stage.PLANNED: ("Transfer about to be agreed", "即将达成转让协议"),
}

# The screening verdict: the patent has (or lacks) potential market value (筛选结论).
VERDICT_LABELS: Final[dict[str, tuple[str, str]]] = {
    "yes": ("Convertible", "可转化"),
    "no": ("Not convertible", "暂不转化"),
}

MATURITY_LEVELS: Final = range(1, 10)
# The classification table groups the nine levels in three stages.
MATURITY_STAGES: Final[tuple[tuple[str, range], ...]] = (
    ("1–3 级（基础研究）", range(1, 4)),
    ("4–6 级（小试中试）", range(4, 7)),
    ("7–9 级（工程化产业化）", range(7, 10)),
)

# Words that make a patentee an enterprise (与企业共有专利权). Universities, institutes and
# hospitals do not match; a person's name never does.
_COMPANY = re.compile(
    r"(公司|企业|集团|工厂|厂$|株式会社|有限合伙|商行|合作社|"
    r"\b(co|corp|corporation|inc|ltd|llc|gmbh|ag|s\.a|plc|kk)\b\.?)",
    re.IGNORECASE,
)
_IPC = re.compile(r"^([A-H])(\d{2})([A-Z])?(?:\s*(\d{1,4})\s*/\s*(\d{1,6}))?$")


# The shipped lists --------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryList:
    source: str
    items: tuple[tuple[str, str], ...]

    @cached_property
    def names(self) -> dict[str, str]:
        return dict(self.items)

    def top_level(self, code: str) -> str:
        """The first-level code a code belongs to ("1.3" → "1", "C39" → "C")."""
        if "." in code:
            return code.split(".", 1)[0]
        return code[:1] if code[:1].isalpha() else code

    def label(self, code: str) -> str:
        name = self.names.get(code, "")
        return f"{code} {name}".strip() if name else code


@dataclass(frozen=True)
class Categories:
    strategic: CategoryList  # 战略性新兴产业分类
    economy: CategoryList  # 国民经济行业分类
    ipc_sections: CategoryList
    maturity: CategoryList


@lru_cache(maxsize=1)
def categories() -> Categories:
    """The category lists shipped with the application (``data/inventory_categories.json``)."""
    text = resources.files("app.models").joinpath(
        "data", "inventory_categories.json").read_text(encoding="utf-8")
    data = json.loads(text)

    def read(key: str) -> CategoryList:
        part = data[key]
        return CategoryList(str(part["source"]),
                            tuple((str(c), str(n)) for c, n in part["categories"]))

    return Categories(read("strategic_emerging_industries"), read("national_economy"),
                      read("ipc_sections"), read("maturity_levels"))


# Entities -----------------------------------------------------------------------------------


class Screening(Base):
    """One patent's screening (盘点) record. Absent: the patent is not screened yet."""

    __tablename__ = "screening"
    __table_args__ = (UniqueConstraint("patent_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patent_id: Mapped[int] = mapped_column(ForeignKey("patent.id", ondelete="CASCADE"))
    # Comma-separated Intention values in their fixed order ("transfer,licence").
    intentions: Mapped[str] = mapped_column(String(60), default="")
    strategic_category: Mapped[str] = mapped_column(String(20), default="")
    economy_category: Mapped[str] = mapped_column(String(20), default="")
    ipc: Mapped[str] = mapped_column(String(40), default="")
    maturity: Mapped[int | None] = mapped_column(Integer, default=None)
    prospect: Mapped[str] = mapped_column(String(20), default="")
    verdict: Mapped[str] = mapped_column(String(10), default="")  # "" | yes | no
    licence: Mapped[str] = mapped_column(String(10), default="")  # "" | done | planned
    transfer: Mapped[str] = mapped_column(String(10), default="")  # "" | done | planned
    abandon: Mapped[bool] = mapped_column(default=False, server_default="0")
    dispute: Mapped[bool] = mapped_column(default=False, server_default="0")
    evaluator: Mapped[str] = mapped_column(String(100), default="")
    evaluated_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    # Record version (issue 16): bumped by every save; a save over a newer one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")


class EnterpriseFeedback(Base):
    """An enterprise's evaluation of a patent, as the city office passes it back."""

    __tablename__ = "enterprise_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    patent_id: Mapped[int] = mapped_column(ForeignKey("patent.id", ondelete="CASCADE"),
                                           index=True)
    enterprise: Mapped[str] = mapped_column(String(300), default="")
    received_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    prospect: Mapped[str] = mapped_column(String(20), default="")  # 产业化前景评价 (Prospect)
    improvement_needs: Mapped[str] = mapped_column(Text, default="")  # 技术改进需求
    cooperation: Mapped[str] = mapped_column(String(10), default="")  # 产学研合作意向 yes/no/""
    cooperation_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


# Plain data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScreeningFields:
    """A screening as typed or imported, independent of the ORM."""

    intentions: tuple[str, ...] = ()
    strategic_category: str = ""
    economy_category: str = ""
    ipc: str = ""
    maturity: int | None = None
    prospect: str = ""
    verdict: str = ""
    licence: str = ""
    transfer: str = ""
    abandon: bool = False
    dispute: bool = False
    evaluator: str = ""
    evaluated_on: dt.date | None = None
    note: str = ""

    @classmethod
    def of(cls, row: Screening) -> ScreeningFields:
        return cls(
            intentions=split_intentions(row.intentions),
            strategic_category=row.strategic_category,
            economy_category=row.economy_category,
            ipc=row.ipc,
            maturity=row.maturity,
            prospect=row.prospect,
            verdict=row.verdict,
            licence=row.licence,
            transfer=row.transfer,
            abandon=bool(row.abandon),
            dispute=bool(row.dispute),
            evaluator=row.evaluator,
            evaluated_on=row.evaluated_on,
            note=row.note,
        )

    def apply_to(self, row: Screening) -> None:
        for name in SCREENING_FIELD_NAMES:
            value = getattr(self, name)
            if name == "intentions":
                value = join_intentions(value)
            if getattr(row, name) != value:
                setattr(row, name, value)

    @property
    def is_empty(self) -> bool:
        return self == ScreeningFields()

    def with_value(self, name: str, value: Any) -> ScreeningFields:
        if name not in SCREENING_FIELD_NAMES:
            raise KeyError(name)
        if name == "intentions":
            value = tuple(value)
        return replace(self, **{name: value})


SCREENING_FIELD_NAMES: Final = tuple(f.name for f in fields(ScreeningFields))


def split_intentions(text: str) -> tuple[str, ...]:
    parts = {p.strip() for p in text.split(",") if p.strip()}
    known = [i.value for i in Intention if i.value in parts]
    return (*known, *sorted(parts - set(known)))


def join_intentions(values: Iterable[str]) -> str:
    return ",".join(split_intentions(",".join(values)))


@dataclass(frozen=True)
class FeedbackFields:
    enterprise: str = ""
    received_on: dt.date | None = None
    prospect: str = ""
    improvement_needs: str = ""
    cooperation: str = ""
    cooperation_note: str = ""

    @classmethod
    def of(cls, row: EnterpriseFeedback) -> FeedbackFields:
        return cls(row.enterprise, row.received_on, row.prospect, row.improvement_needs,
                   row.cooperation, row.cooperation_note)

    def apply_to(self, row: EnterpriseFeedback) -> None:
        for f in fields(self):
            setattr(row, f.name, getattr(self, f.name))


# Columns of a spreadsheet the import's mapping step can map (app.models.patent_import), with
# the headings clerks and the national platform's export use for them, compared as header keys.
SCREENING_COLUMNS: Final = ("verdict", "intentions", "strategic_category", "economy_category",
                            "ipc", "maturity", "prospect", "licence", "transfer", "abandon",
                            "dispute", "evaluator", "evaluated_on")
SCREENING_SYNONYMS: Final[Mapping[str, tuple[str, ...]]] = {
    "verdict": ("筛选结论", "是否可转化", "可转化", "是否具有潜在市场价值"),
    "intentions": ("转化意愿", "转化方式", "转化意向"),
    "strategic_category": ("战略性新兴产业分类", "战略性新兴产业", "战略性新兴产业类别",
                           "产业领域"),
    "economy_category": ("国民经济行业分类", "国民经济行业", "行业分类", "所属行业"),
    "ipc": ("IPC分类号", "IPC分类", "IPC", "主分类号", "分类号"),
    "maturity": ("技术成熟度", "成熟度", "技术就绪水平", "TRL"),
    "prospect": ("市场应用前景", "市场前景", "应用前景", "产业化前景"),
    "licence": ("已发生或即将实施许可", "许可情况"),
    "transfer": ("已达成或即将达成转让协议", "转让情况"),
    "abandon": ("即将放弃专利权", "即将放弃", "拟放弃"),
    "dispute": ("涉及权属纠纷", "权属纠纷"),
    "evaluator": ("评价人", "评估人", "评价人员"),
    "evaluated_on": ("评价日期", "评估日期", "评价时间"),
}


# Derived situations -------------------------------------------------------------------------


def is_company(name: str) -> bool:
    return bool(_COMPANY.search(name.strip()))


def company_patentees(patentees: Sequence[str]) -> list[str]:
    """The patentees that are enterprises: any makes the patent 与企业共有."""
    return [name for name in patentees if is_company(name)]


def ipc_parts(text: str) -> tuple[str, str] | None:
    """(section, class) of an IPC symbol ("G06F 16/00" → ("G", "G06")); None if malformed."""
    match = _IPC.match(text.strip().upper())
    if match is None:
        return None
    return match.group(1), match.group(1) + match.group(2)


# Rules --------------------------------------------------------------------------------------


def check_screening(
    screening: ScreeningFields,
    *,
    legal_status: str = "valid",
    has_deal: bool = False,
    today: dt.date | None = None,
) -> list[Finding]:
    """Every rule on one screening record."""
    today = today or dt.date.today()
    cats = categories()
    found: list[Finding] = []
    for value in screening.intentions:
        if value not in {i.value for i in Intention}:
            found.append(error("inventory.intention_unknown", "intentions", value=value))
    if screening.strategic_category and screening.strategic_category not in cats.strategic.names:
        found.append(error("inventory.category_unknown", "strategic_category",
                           value=screening.strategic_category))
    if screening.economy_category and screening.economy_category not in cats.economy.names:
        found.append(error("inventory.category_unknown", "economy_category",
                           value=screening.economy_category))
    if screening.ipc and ipc_parts(screening.ipc) is None:
        found.append(error("inventory.ipc_malformed", "ipc", value=screening.ipc))
    if screening.maturity is not None and screening.maturity not in MATURITY_LEVELS:
        found.append(error("inventory.maturity_range", "maturity", value=screening.maturity))
    if screening.prospect and screening.prospect not in {p.value for p in Prospect}:
        found.append(error("inventory.prospect_unknown", "prospect", value=screening.prospect))
    if screening.verdict not in ("", "yes", "no"):
        found.append(error("inventory.verdict_unknown", "verdict", value=screening.verdict))
    for name in ("licence", "transfer"):
        if getattr(screening, name) not in ("", Stage.DONE, Stage.PLANNED):
            found.append(error("inventory.stage_unknown", name, value=getattr(screening, name)))
    if screening.evaluated_on is not None and screening.evaluated_on > today:
        found.append(error("inventory.evaluated_future", "evaluated_on",
                           date=screening.evaluated_on))

    if screening.verdict == "yes":
        if screening.abandon:
            found.append(error("inventory.convertible_abandoned", "abandon"))
        if legal_status != "valid":
            found.append(error("inventory.convertible_not_in_force", "verdict",
                               status=legal_status))
        if not screening.strategic_category and not screening.economy_category:
            found.append(warning("inventory.field_missing", "strategic_category"))
        if screening.maturity is None:
            found.append(warning("inventory.maturity_missing", "maturity"))
        if not screening.prospect:
            found.append(warning("inventory.prospect_missing", "prospect"))
        if not screening.intentions:
            found.append(warning("inventory.intention_missing", "intentions"))
        if has_deal or screening.licence == Stage.DONE or screening.transfer == Stage.DONE:
            # The classification table counts patents not yet converted (还没有进行转化运用).
            found.append(warning("inventory.convertible_already_used", "verdict"))
    if screening.abandon and (screening.licence or screening.transfer or has_deal):
        found.append(error("inventory.abandon_while_used", "abandon"))
    screened = any((screening.verdict, screening.maturity is not None, screening.prospect))
    if screened and not screening.evaluator.strip():
        found.append(warning("inventory.evaluator_missing", "evaluator"))
    if screened and screening.evaluated_on is None:
        found.append(warning("inventory.evaluated_on_missing", "evaluated_on"))
    return found


def check_feedback(feedback: FeedbackFields, *, today: dt.date | None = None) -> list[Finding]:
    today = today or dt.date.today()
    found: list[Finding] = []
    if not feedback.enterprise.strip():
        found.append(error("inventory.feedback_enterprise_required", "feedback.enterprise"))
    if feedback.received_on is not None and feedback.received_on > today:
        found.append(error("inventory.evaluated_future", "feedback.received_on",
                           date=feedback.received_on))
    if feedback.prospect and feedback.prospect not in {p.value for p in Prospect}:
        found.append(error("inventory.prospect_unknown", "feedback.prospect",
                           value=feedback.prospect))
    if feedback.cooperation not in ("", "yes", "no"):
        found.append(error("inventory.verdict_unknown", "feedback.cooperation",
                           value=feedback.cooperation))
    return found


# Reading a cell or a JSON value into a field ---------------------------------------------------


def _label_lookup(table: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for code, (english, chinese) in table.items():
        for word in (code, english, chinese):
            out[_fold(word)] = str(code)
    return out


def _fold(text: str) -> str:
    import unicodedata

    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


_YES = {"是", "有", "√", "✓", "y", "yes", "true", "1", "x", "可转化", "有意向"}
_NO = {"否", "无", "n", "no", "false", "0", "暂不转化", "不转化", "无意向"}


def read_value(name: str, raw: Any) -> tuple[Any, Finding | None]:
    """A field's value from what a clerk wrote in a cell ("许可、转让", "TRL 6", "较好", "是")
    or a JSON value; a finding (on `name`) when it cannot be read. Blank is the empty value."""
    default = getattr(ScreeningFields(), name)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return default, None
    text = str(raw).strip()
    folded = _fold(text)
    bad = error("inventory.value_unreadable", name, value=text)
    if name == "intentions":
        if isinstance(raw, (list, tuple)):
            parts = [str(p) for p in raw]
        else:
            parts = [p for p in re.split(r"[、,，;；/\s]+", text) if p]
        lookup = _label_lookup(INTENTION_LABELS)
        lookup.update({_fold("自行应用"): Intention.SELF_USE, _fold("产业化"): Intention.SELF_USE,
                       _fold("自行实施"): Intention.SELF_USE})
        values = [lookup.get(_fold(p)) for p in parts]
        if any(v is None for v in values):
            return default, bad
        return split_intentions(",".join(str(v) for v in values)), None
    if name == "maturity":
        if isinstance(raw, bool):
            return default, bad
        if isinstance(raw, int):
            level: int | None = raw
        elif isinstance(raw, float) and raw.is_integer():
            level = int(raw)
        else:
            match = re.search(r"(\d+)", folded)
            level = int(match.group(1)) if match else None
        if level is None or level not in MATURITY_LEVELS:
            return default, error("inventory.maturity_range", name, value=text)
        return level, None
    if name in ("strategic_category", "economy_category"):
        cats = categories()
        listing = cats.strategic if name == "strategic_category" else cats.economy
        code = text.split()[0].upper() if text.split() else ""
        if code in listing.names:
            return code, None
        for code, label in listing.items:  # the name alone
            if _fold(label) == folded:
                return code, None
        return default, error("inventory.category_unknown", name, value=text)
    if name == "ipc":
        if ipc_parts(text) is None:
            return default, error("inventory.ipc_malformed", name, value=text)
        return text.upper(), None
    if name == "prospect":
        value = _label_lookup(PROSPECT_LABELS).get(folded)
        return (value, None) if value else (default, bad)
    if name == "verdict":
        if folded in _YES:
            return "yes", None
        if folded in _NO:
            return "no", None
        return default, bad
    if name in ("licence", "transfer"):
        labels = LICENCE_LABELS if name == "licence" else TRANSFER_LABELS
        lookup = _label_lookup(labels)
        lookup.update({_fold(w): Stage.DONE for w in ("已发生", "已达成", "已许可", "已转让")})
        lookup.update({_fold(w): Stage.PLANNED for w in ("即将", "即将实施", "即将达成")})
        value = lookup.get(folded)
        return (str(value), None) if value else (default, bad)
    if name in ("abandon", "dispute"):
        if isinstance(raw, bool):
            return raw, None
        if folded in _YES:
            return True, None
        if folded in _NO:
            return False, None
        return default, bad
    if name == "evaluated_on":
        if isinstance(raw, dt.datetime):
            return raw.date(), None
        if isinstance(raw, dt.date):
            return raw, None
        match = re.match(r"^(\d{4})\D(\d{1,2})\D(\d{1,2})", text)
        try:
            if match:
                return dt.date(*(int(g) for g in match.groups())), None
        except ValueError:
            pass
        return default, bad
    return text, None  # evaluator, note


# What the tables and the window show per patent -----------------------------------------------


@dataclass(frozen=True)
class InventoryRow:
    """One patent of the register with its screening and what the records say about it."""

    patent_id: int
    number: str
    title: str
    kind: str  # PatentKind value or ""
    patentees: tuple[str, ...]
    legal_status: str
    filing_date: dt.date | None
    grant_date: dt.date | None
    expiry: dt.date | None
    screening: ScreeningFields = field(default_factory=ScreeningFields)
    deal_serials: tuple[int, ...] = ()  # deals of the register naming this patent
    feedback_count: int = 0

    @property
    def licence_stage(self) -> str:
        """已发生许可 when a deal names the patent, whatever was marked; else as marked."""
        return Stage.DONE.value if self.deal_serials else self.screening.licence

    @property
    def co_owned(self) -> bool:
        return bool(company_patentees(self.patentees))

    @property
    def in_force(self) -> bool:
        return self.legal_status == "valid"

    @property
    def situations(self) -> tuple[str, ...]:
        """The columns of the transfer-statistics table this patent is marked in."""
        out = []
        if self.licence_stage == Stage.DONE:
            out.append("licence_done")
        elif self.licence_stage == Stage.PLANNED:
            out.append("licence_planned")
        if self.screening.transfer == Stage.DONE:
            out.append("transfer_done")
        elif self.screening.transfer == Stage.PLANNED:
            out.append("transfer_planned")
        if self.screening.abandon:
            out.append("abandon")
        if self.co_owned:
            out.append("co_owned")
        if self.screening.dispute:
            out.append("dispute")
        return tuple(out)

    @property
    def convertible(self) -> bool:
        """On the classification table: in force, screened as having potential market value,
        and not yet put to use (no licence or transfer done)."""
        return (self.in_force and self.screening.verdict == "yes"
                and self.licence_stage != Stage.DONE and self.screening.transfer != Stage.DONE
                and not self.screening.abandon)

    @property
    def screened(self) -> bool:
        return bool(self.screening.verdict)
