"""河南省专利开放许可试点工作申请书 and 工作方案（2023年-2024年）（模版） (notice 001, 申报指南).

The application's 单位 block (单位名称 · 法人代表 · 联系电话 · 传真号码) comes from the unit's
profile;
the 负责人 and 联络人 blocks, the unit's background, 二、1 工作指标 and 2 经费保障机制, and the work
plan's four sections are typed here, once per plan period (the notice's period is 2023–2024).
The guidance the notice prints in brackets under each section is the template's instruction: the
editor shows it beside the field, the PDF does not print it.

Figures the register holds (offers declared, deals achieved and their amounts) are offered to
the clerk by the use case (app.usecases.henan_application.register_figures), not retyped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Date, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.contact_rules import check_email, check_phone, check_postcode
from app.models.entities import Base, _now
from app.models.findings import Finding, error, warning

APPLICATION_TITLE = "河南省专利开放许可试点工作申请书"
PLAN_TITLE_TEMPLATE = "河南省专利开放许可试点工作方案（{start}年-{end}年）"
FIRST_PLAN_YEAR = 2023

# The notice's guidance for each long text section (shown beside the field, not printed).
GUIDANCE: dict[str, str] = {
    "work_targets": (
        "从专利开放许可试点工作相关政策出台和细化措施，工作量和预期效果，包括许可信息征集筛选发布数"
        "量、"
        "宣传对接工作量、许可达成数量及金额等方面阐述。"
    ),
    "measures": (
        "针对本单位实际，落实《河南省专利开放许可试点工作实施方案》专利开放许可试点工作组织领导和部"
        "门"
        "统筹协调管理制度等，明确专利开放许可试点工作细化措施，如：1. 提升专利开放许可试点供给质量"
        "举措。"
        "2. 拓宽专利开放许可试点转化渠道举措。3. 促进专利开放许可试点供需精准对接举措。4. 线上线下"
        "专利开放"
        "许可试点展示发布举措。5. 建立专利开放许可台账，对许可双方达成许可后的专利实施成效进行跟踪"
        "举措。"
    ),
    "goals": (
        "设置分时间节点可量化的目标，如专利开放许可试点信息征集筛选、发布数量；专利开放许可试点对接"
        "中小微"
        "企业数量、对接场次；以许可、转让、作价入股的方式及各种付费方式转化运用的许可达成数量、金额"
        "等。"
    ),
    "safeguards": "组织保障，资金投入，运营队伍建设，其他等。",
}


class HenanApplication(Base):
    """One application and work plan per plan period (its first year, 2023 for 2023–2024)."""

    __tablename__ = "henan_application"
    __table_args__ = (UniqueConstraint("plan_start_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_start_year: Mapped[int] = mapped_column(Integer, default=FIRST_PLAN_YEAR)
    filed_on: Mapped[dt.date | None] = mapped_column(Date, default=None)  # 申报时间
    lead_name: Mapped[str] = mapped_column(String(100), default="")
    lead_mobile: Mapped[str] = mapped_column(String(50), default="")
    lead_department: Mapped[str] = mapped_column(String(200), default="")
    lead_title: Mapped[str] = mapped_column(String(100), default="")
    lead_phone: Mapped[str] = mapped_column(String(50), default="")
    lead_fax: Mapped[str] = mapped_column(String(50), default="")
    liaison_name: Mapped[str] = mapped_column(String(100), default="")
    liaison_mobile: Mapped[str] = mapped_column(String(50), default="")
    liaison_department: Mapped[str] = mapped_column(String(200), default="")
    liaison_title: Mapped[str] = mapped_column(String(100), default="")
    liaison_phone: Mapped[str] = mapped_column(String(50), default="")
    liaison_fax: Mapped[str] = mapped_column(String(50), default="")
    liaison_address: Mapped[str] = mapped_column(String(300), default="")
    liaison_postcode: Mapped[str] = mapped_column(String(20), default="")
    liaison_email: Mapped[str] = mapped_column(String(200), default="")
    unit_profile: Mapped[str] = mapped_column(Text, default="")  # 申报单位基本情况
    work_targets: Mapped[str] = mapped_column(Text, default="")  # 二、1. 工作指标
    funding: Mapped[str] = mapped_column(Text, default="")  # 二、2. 经费保障机制
    measures: Mapped[str] = mapped_column(Text, default="")  # 方案 一、工作举措
    goals: Mapped[str] = mapped_column(Text, default="")  # 二、工作目标
    tasks: Mapped[str] = mapped_column(Text, default="")  # 三、工作任务分解及职责划分
    safeguards: Mapped[str] = mapped_column(Text, default="")  # 四、保障措施
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    # Record version (issue 16): bumped by every save; a save over a newer one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")


@dataclass(frozen=True)
class ApplicationFields:
    """The application and work plan as typed (the interchange's entries map one to one)."""

    plan_start_year: int = FIRST_PLAN_YEAR
    filed_on: dt.date | None = None
    lead_name: str = ""
    lead_mobile: str = ""
    lead_department: str = ""
    lead_title: str = ""
    lead_phone: str = ""
    lead_fax: str = ""
    liaison_name: str = ""
    liaison_mobile: str = ""
    liaison_department: str = ""
    liaison_title: str = ""
    liaison_phone: str = ""
    liaison_fax: str = ""
    liaison_address: str = ""
    liaison_postcode: str = ""
    liaison_email: str = ""
    unit_profile: str = ""
    work_targets: str = ""
    funding: str = ""
    measures: str = ""
    goals: str = ""
    tasks: str = ""
    safeguards: str = ""

    @property
    def plan_title(self) -> str:
        return PLAN_TITLE_TEMPLATE.format(start=self.plan_start_year,
                                          end=self.plan_start_year + 1)

    @classmethod
    def of(cls, record: HenanApplication) -> ApplicationFields:
        return cls(**{f.name: getattr(record, f.name) for f in fields(cls)})

    def apply_to(self, record: HenanApplication) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            setattr(record, f.name, value.strip() if isinstance(value, str) else value)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, dt.date):
                out[f.name] = value.isoformat()
            elif value not in ("", None):
                out[f.name] = value
        out["plan_start_year"] = self.plan_start_year
        return out


TEXT_KEYS: tuple[str, ...] = tuple(
    f.name for f in fields(ApplicationFields) if f.name not in ("plan_start_year", "filed_on")
)


def read_application(data: Any, path: str = "application") -> tuple[ApplicationFields,
                                                                      list[Finding]]:
    findings: list[Finding] = []
    if not isinstance(data, dict):
        return ApplicationFields(), [error("application.entry_invalid", path)]
    year = data.get("plan_start_year", FIRST_PLAN_YEAR)
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        findings.append(error("application.year_invalid", f"{path}.plan_start_year",
                              value=year))
        year = FIRST_PLAN_YEAR
    filed: dt.date | None = None
    raw = data.get("filed_on")
    if isinstance(raw, str) and raw.strip():
        try:
            filed = dt.date.fromisoformat(raw.strip())
        except ValueError:
            findings.append(error("application.date_invalid", f"{path}.filed_on", value=raw))
    texts = {k: str(data.get(k) or "") for k in TEXT_KEYS}
    return ApplicationFields(plan_start_year=year, filed_on=filed, **texts), findings


REQUIRED: tuple[str, ...] = ("lead_name", "liaison_name", "unit_profile", "work_targets",
                             "funding", "measures", "goals", "tasks", "safeguards")


def check_application(app: ApplicationFields, unit_name: str,
                      *, today: dt.date | None = None) -> list[Finding]:
    today = today or dt.date.today()
    findings: list[Finding] = []
    if not unit_name.strip():
        findings.append(error("application.unit_name_missing", "unit.name"))
    for name in REQUIRED:
        if not str(getattr(app, name)).strip():
            findings.append(error("application.required", name))
    for prefix in ("lead", "liaison"):
        findings += check_phone(getattr(app, f"{prefix}_mobile"), f"{prefix}_mobile")
        findings += check_phone(getattr(app, f"{prefix}_phone"), f"{prefix}_phone")
        findings += check_phone(getattr(app, f"{prefix}_fax"), f"{prefix}_fax")
    if not (app.liaison_mobile.strip() or app.liaison_phone.strip()):
        findings.append(error("application.liaison_phone_required", "liaison_mobile"))
    findings += check_postcode(app.liaison_postcode, "liaison_postcode")
    findings += check_email(app.liaison_email, "liaison_email")
    if app.filed_on is None:
        findings.append(warning("application.date_missing", "filed_on"))
    elif app.filed_on > today:
        findings.append(warning("application.date_future", "filed_on", date=app.filed_on))
    return findings
