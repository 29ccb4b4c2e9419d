"""Deals: licences actually achieved (达成许可), their payment, supporting files and rules.

A deal is one licence contract: a licensee, one or more patents of the register (a 专利包 when
several), a payment method with its figures in yuan, an optional agency (代理机构), and the
supporting files the Henan summary book asks for (合同或备案文件, 经费来往票据), copied into the
data folder and numbered by the deal's 序号 ("3-1 合同.pdf").

The deal list's figures follow the footnote of 附件 4 四 / 信阳 附件 2 and are computed, never
typed: free → 0; lump sum / instalments → the total; 入门费+提成 → the entry fee only, the remark
naming the method; 提成 only → 0, the remark naming the method; other → the amount if given.
The licensors are the patentees of the patents, read from the register, never typed twice.

`SummaryBook` (one per unit and reporting period) lives here too, so that one module holds the
entities of this feature; its statistics and layout data are in app.models.summary_book.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from app.models.entities import Base, DocumentState, Offer, Patent, _now
from app.models.fees import FeeKind, decimal_text, parameter_domain, read_fee, to_decimal
from app.models.findings import Finding, error, warning
from app.models.patent_number import parse
from app.models.patent_rules import PatentFields
from app.models.ranges import (
    YEAR_MAX,
    Domain,
    date_finding,
    in_domain,
    magnitude_finding,
    range_finding,
    text_finding,
)

log = logging.getLogger(__name__)


class PaymentMethod(StrEnum):
    FREE = "free"  # 免费许可
    LUMP_SUM = "lump_sum"  # 一次总付
    INSTALMENTS = "instalments"  # 总付额内分期支付
    ENTRY_PLUS_ROYALTY = "entry_plus_royalty"  # 入门费+提成
    ROYALTY = "royalty"  # 提成
    OTHER = "other"  # 其他


PAYMENT_METHOD_LABELS: dict[PaymentMethod, tuple[str, str]] = {
    PaymentMethod.FREE: ("free", "免费"),
    PaymentMethod.LUMP_SUM: ("lump sum", "一次总付"),
    PaymentMethod.INSTALMENTS: ("instalments", "分期支付"),
    PaymentMethod.ENTRY_PLUS_ROYALTY: ("entry fee + royalty", "入门费+提成"),
    PaymentMethod.ROYALTY: ("royalty", "提成"),
    PaymentMethod.OTHER: ("other", "其他"),
}

# The footnote's wording for the remark: "同时在备注中注明该支付方式".
METHOD_REMARKS: dict[PaymentMethod, str] = {
    PaymentMethod.ENTRY_PLUS_ROYALTY: "入门费+提成",
    PaymentMethod.ROYALTY: "提成",
}

# The figures each method takes; those of other methods are cleared when saved.
METHOD_PARAMETERS: dict[PaymentMethod, tuple[str, ...]] = {
    PaymentMethod.FREE: (),
    PaymentMethod.LUMP_SUM: ("amount_yuan",),
    PaymentMethod.INSTALMENTS: ("amount_yuan",),
    PaymentMethod.ENTRY_PLUS_ROYALTY: ("entry_fee_yuan", "royalty_percent"),
    PaymentMethod.ROYALTY: ("royalty_percent",),
    PaymentMethod.OTHER: ("amount_yuan", "text"),
}

_DECIMAL_FIGURES = ("amount_yuan", "entry_fee_yuan", "royalty_percent")


class DealFileKind(StrEnum):
    CONTRACT = "contract"  # 合同协议
    FILING_RECORD = "filing_record"  # 备案文件
    RECEIPT = "receipt"  # 经费来往票据
    OTHER = "other"


# The label in a stored file's name ("3-1 合同.pdf") and in the window.
FILE_KIND_LABELS: dict[DealFileKind, tuple[str, str]] = {
    DealFileKind.CONTRACT: ("contract", "合同"),
    DealFileKind.FILING_RECORD: ("filing record", "备案文件"),
    DealFileKind.RECEIPT: ("receipt", "票据"),
    DealFileKind.OTHER: ("other", "其他材料"),
}

# Field names of deal findings, for the window's labels (app.messages.FIELD_LABELS has no room
# for them yet; the window can merge this table).
DEAL_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "patents": ("Patents", "达成许可涉及专利的专利号"),
    "licensee": ("Licensee", "被许可人名称"),
    "licence_date": ("Licence date", "许可日期"),
    "term": ("Licence term", "许可期限"),
    "offer": ("Open-licence offer", "开放许可声明"),
    "payment.method": ("Payment method", "使用费支付方式"),
    "payment.amount_yuan": ("Amount (yuan)", "使用费金额（元）"),
    "payment.entry_fee_yuan": ("Entry fee (yuan)", "入门费（元）"),
    "payment.royalty_percent": ("Royalty (%)", "提成比例（%）"),
    "payment.text": ("Payment terms", "支付方式说明"),
    "agency": ("Agency", "代理机构"),
    "remarks": ("Remarks", "备注"),
    "files": ("Supporting files", "支撑材料"),
    "received_yuan": ("Amount received (yuan)", "到款额（元）"),
}


# Entities -------------------------------------------------------------------------------------


class Deal(Base):
    """An achieved licence. `serial` is its 序号 on the deal list and on its supporting files."""

    __tablename__ = "deal"
    __table_args__ = (UniqueConstraint("serial"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[int] = mapped_column(Integer)
    licensee: Mapped[str] = mapped_column(String(300), default="")
    licence_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    term: Mapped[str] = mapped_column(Text, default="")
    via_offer: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    offer_id: Mapped[int | None] = mapped_column(
        ForeignKey("offer.id", ondelete="SET NULL"), default=None, index=True
    )
    payment_method: Mapped[str] = mapped_column(String(30), default="")
    # Money as exact decimal text ("12500", "0.5"): SQLite has no exact decimal type.
    amount_yuan: Mapped[str] = mapped_column(String(40), default="")
    entry_fee_yuan: Mapped[str] = mapped_column(String(40), default="")
    royalty_percent: Mapped[str] = mapped_column(String(40), default="")
    payment_text: Mapped[str] = mapped_column(Text, default="")
    agency: Mapped[str] = mapped_column(String(300), default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    # 到款额: what the licensee has actually paid, in yuan (ops-centre table; migration 0006)
    received_yuan: Mapped[str] = mapped_column(String(40), default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    # Record version (issue 16): bumped by every save; a save over a newer one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    patent_rows: Mapped[list[DealPatent]] = relationship(
        back_populates="deal",
        order_by="DealPatent.position",
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
        lazy="selectin",
    )
    files: Mapped[list[DealFile]] = relationship(
        back_populates="deal",
        order_by="DealFile.number",
        cascade="all, delete-orphan",
        lazy="selectin",
    )
    offer: Mapped[Offer | None] = relationship(lazy="joined")

    def __repr__(self) -> str:
        return f"Deal({self.serial}, {self.licensee!r})"


class DealPatent(Base):
    """One patent of a deal, in the contract's order.

    `number` keeps what was entered (normalised when valid) so that a deal naming a patent not
    (or no longer) in the register still shows it, as a finding; `patent_id` links the register's
    record, so a corrected number in the register follows through.
    """

    __tablename__ = "deal_patent"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    patent_id: Mapped[int | None] = mapped_column(
        ForeignKey("patent.id", ondelete="SET NULL"), default=None, index=True
    )
    number: Mapped[str] = mapped_column(String(40), default="")

    deal: Mapped[Deal] = relationship(back_populates="patent_rows")
    patent: Mapped[Patent | None] = relationship(lazy="joined")

    @property
    def current_number(self) -> str:
        return self.patent.number if self.patent is not None else self.number


class DealFile(Base):
    """A supporting file, stored in the database by its SHA-256 (app.models.stored_files; never
    linked: the original may move)."""

    __tablename__ = "deal_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer, default=1)  # the "1" of "3-1 合同.pdf"
    kind: Mapped[str] = mapped_column(String(20), default=DealFileKind.OTHER.value)
    original_name: Mapped[str] = mapped_column(Text, default="")
    # The file's shown name, "deals/3/3-1 合同.pdf" (before 0009_stored_files: its path under
    # the user data folder, from which the upgrade moved it into the database).
    stored_path: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    deal: Mapped[Deal] = relationship(back_populates="files")


class SummaryBook(Base):
    """河南省专利开放许可试点工作总结书: one per unit and reporting period ("YYYY-MM").

    The unit's particulars come from the organisation profile and the statistics from the
    records; what the records cannot give is entered here once. `overrides` is a JSON object
    figure → value for a clerk who must print another figure than the computed one (each
    difference is a warning).
    """

    __tablename__ = "summary_book"
    __table_args__ = (UniqueConstraint("period_end"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_end: Mapped[str] = mapped_column(String(7))  # "2023-11": 截至 2023 年 11 月底
    filled_on: Mapped[dt.date | None] = mapped_column(Date, default=None)  # 填报时间
    # 工作负责人
    lead_name: Mapped[str] = mapped_column(String(100), default="")
    lead_mobile: Mapped[str] = mapped_column(String(50), default="")
    lead_department: Mapped[str] = mapped_column(String(200), default="")
    lead_title: Mapped[str] = mapped_column(String(100), default="")
    lead_phone: Mapped[str] = mapped_column(String(50), default="")
    lead_fax: Mapped[str] = mapped_column(String(50), default="")
    unit_profile: Mapped[str] = mapped_column(Text, default="")  # 申报单位基本情况
    self_evaluation: Mapped[str] = mapped_column(Text, default="")  # 二、自评
    platform_name: Mapped[str] = mapped_column(String(300), default="")
    platform_url: Mapped[str] = mapped_column(String(500), default="")
    smes_reached: Mapped[int | None] = mapped_column(Integer, default=None)
    overrides: Mapped[str] = mapped_column(Text, default="{}")
    state: Mapped[str] = mapped_column(String(20), default=DocumentState.DRAFT.value)
    finalised_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    # Record version (issue 16): bumped by every save; a save over a newer one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")


# Payment --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Payment:
    """How the licensee pays; figures in yuan (Decimal, exact) and percent."""

    method: str = ""  # a PaymentMethod value; "" while not chosen
    amount_yuan: Decimal | None = None  # lump sum, instalments total, other
    entry_fee_yuan: Decimal | None = None  # 入门费
    royalty_percent: Decimal | None = None  # 提成比例
    text: str = ""  # other: the terms in words

    @property
    def kind(self) -> PaymentMethod | None:
        try:
            return PaymentMethod(self.method)
        except ValueError:
            return None

    @property
    def is_free(self) -> bool:
        return self.method == PaymentMethod.FREE.value

    def only_chosen(self) -> Payment:
        """The same method with the figures of other methods cleared."""
        kind = self.kind
        keep = set(METHOD_PARAMETERS[kind]) if kind else set(_DECIMAL_FIGURES) | {"text"}
        return Payment(
            method=self.method,
            amount_yuan=self.amount_yuan if "amount_yuan" in keep else None,
            entry_fee_yuan=self.entry_fee_yuan if "entry_fee_yuan" in keep else None,
            royalty_percent=self.royalty_percent if "royalty_percent" in keep else None,
            text=self.text if "text" in keep else "",
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (the interchange's "payment"): money as exact decimal strings."""
        out: dict[str, Any] = {"method": self.method}
        for name in _DECIMAL_FIGURES:
            value = getattr(self, name)
            if value is not None:
                out[name] = decimal_text(value)
        if self.text:
            out["text"] = self.text
        return out


def read_payment(data: Any, field_prefix: str = "payment") -> tuple[Payment, list[Finding]]:
    """A payment from JSON-like data; bad figures become findings, never exceptions."""
    if not isinstance(data, Mapping):
        return Payment(), [error("deal.method_required", f"{field_prefix}.method")]
    findings: list[Finding] = []
    values: dict[str, Any] = {"method": str(data.get("method") or "").strip()}
    for name in _DECIMAL_FIGURES:
        raw = data.get(name)
        if raw is None or raw == "":
            continue
        number = to_decimal(raw)
        where = f"{field_prefix}.{name}"
        if number is None:
            findings.append(error("deal.not_a_number", where, value=raw))
        elif (problem := magnitude_finding(where, number, parameter_domain(name))) is not None:
            findings.append(problem)  # left out: nothing computes with it
        else:
            values[name] = number
    text = data.get("text")
    if text is not None:
        values["text"] = str(text)
    return Payment(**values), findings


def payment_from_offer_fee(fee_data: Any) -> Payment:
    """The deal's payment prefilled from an offer's fee option (⑥ of the information sheet)."""
    fee = read_fee(fee_data).fee
    if fee.option is FeeKind.FREE:
        return Payment(PaymentMethod.FREE.value)
    if fee.option is FeeKind.ENTRY_PLUS_ROYALTY:
        return Payment(
            PaymentMethod.ENTRY_PLUS_ROYALTY.value,
            entry_fee_yuan=fee.entry_fee_yuan,
            royalty_percent=fee.royalty_percent,
        )
    if fee.option is FeeKind.LUMP_SUM:
        return Payment(PaymentMethod.LUMP_SUM.value, amount_yuan=fee.amount_yuan)
    if fee.option is FeeKind.INSTALMENTS:
        return Payment(PaymentMethod.INSTALMENTS.value, amount_yuan=fee.total_yuan)
    if fee.option is FeeKind.OTHER:
        return Payment(PaymentMethod.OTHER.value, text=fee.text)
    return Payment()


# The footnote rules ----------------------------------------------------------------------------

TEN_THOUSAND = Decimal(10000)
WAN_PLACES = Decimal("0.0001")


def reported_amount_yuan(payment: Payment) -> Decimal:
    """达成许可的使用费金额 in yuan, by the footnote: what the list reports, not the worth."""
    kind = payment.kind
    amount: Decimal | None = None
    if kind in (PaymentMethod.LUMP_SUM, PaymentMethod.INSTALMENTS, PaymentMethod.OTHER):
        amount = payment.amount_yuan
    elif kind is PaymentMethod.ENTRY_PLUS_ROYALTY:
        amount = payment.entry_fee_yuan
    # An amount out of range is an error of the deal (check_payment); it counts as nothing
    # rather than overflowing every total it would enter.
    if amount is not None and in_domain(amount, Domain.MONEY_YUAN):
        return amount
    # Free and royalty only report 0; so does a method not chosen yet (it is an error anyway).
    return Decimal(0)


def yuan_to_wan(yuan: Decimal) -> Decimal:
    """万元, to 4 places (1 yuan), rounded half up: exact for whole yuan."""
    return (yuan / TEN_THOUSAND).quantize(WAN_PLACES, rounding=ROUND_HALF_UP)


def format_wan(wan: Decimal) -> str:
    """"1.25", "0", "12" — no trailing zeros, no exponent, no thousands separator. A value out
    of range (an error wherever it was entered) is shown as it is, never rounded."""
    if not in_domain(abs(wan), Domain.MONEY_WAN):
        return str(wan)
    value = wan.quantize(WAN_PLACES, rounding=ROUND_HALF_UP).normalize()
    text = format(value, "f")
    return "0" if text in ("-0", "0") else text


def payment_remark(payment: Payment) -> str:
    """The method named in 备注 when the footnote asks for it (入门费+提成, 提成), and for
    any other method: its amount alone would not say how it was paid."""
    kind = payment.kind
    if kind in METHOD_REMARKS:
        return METHOD_REMARKS[kind]
    if kind is PaymentMethod.OTHER:
        return f"其他方式：{payment.text.strip()}" if payment.text.strip() else "其他方式"
    return ""


def list_remark(payment: Payment, agency: str, remarks: str) -> str:
    """备注（代理机构）: the method when the footnote requires it, the agency, the clerk's note."""
    parts = [payment_remark(payment), agency.strip(), remarks.strip()]
    return "；".join(p for p in parts if p)


def licensors(patentee_lists: Iterable[Sequence[str]]) -> list[str]:
    """All patentees of the deal's patents, each once, in the order they first appear."""
    seen: dict[str, None] = {}
    for names in patentee_lists:
        for name in names:
            name = name.strip()
            if name:
                seen.setdefault(name, None)
    return list(seen)


def official_number(number: str) -> str:
    """ZL notation for a valid number (ZL201710601862.3); what was entered otherwise."""
    result = parse(number)
    if result.valid and result.number is not None:
        return result.number.official
    return number.strip()


# Deal data, independent of the ORM -----------------------------------------------------------


@dataclass(frozen=True)
class DealFields:
    """A deal as typed or imported (the interchange's "deals" entries map onto it one to one)."""

    patents: tuple[str, ...] = ()  # patent numbers, in the contract's order
    licensee: str = ""
    licence_date: dt.date | None = None
    term: str = ""
    via_offer: bool = False
    offer_id: int | None = None
    payment: Payment = field(default_factory=Payment)
    agency: str = ""
    remarks: str = ""
    received_yuan: Decimal | None = None  # 到款额 (yuan), for the ops-centre table

    @classmethod
    def of(cls, deal: Deal) -> DealFields:
        payment = Payment(
            method=deal.payment_method,
            amount_yuan=to_decimal(deal.amount_yuan),
            entry_fee_yuan=to_decimal(deal.entry_fee_yuan),
            royalty_percent=to_decimal(deal.royalty_percent),
            text=deal.payment_text,
        )
        return cls(
            patents=tuple(row.current_number for row in deal.patent_rows),
            licensee=deal.licensee,
            licence_date=deal.licence_date,
            term=deal.term,
            via_offer=bool(deal.via_offer),
            offer_id=deal.offer_id,
            payment=payment,
            agency=deal.agency,
            remarks=deal.remarks,
            received_yuan=to_decimal(deal.received_yuan or ""),
        )

    def apply_to(self, deal: Deal) -> None:
        """Scalar fields onto the entity (the store resolves the patents against the register)."""
        payment = self.payment.only_chosen()
        deal.licensee = self.licensee.strip()
        deal.licence_date = self.licence_date
        deal.term = self.term.strip()
        # A link to an offer means it came through it.
        deal.via_offer = self.via_offer or self.offer_id is not None
        deal.offer_id = self.offer_id
        deal.payment_method = payment.method
        deal.amount_yuan = _money_text(payment.amount_yuan)
        deal.entry_fee_yuan = _money_text(payment.entry_fee_yuan)
        deal.royalty_percent = _money_text(payment.royalty_percent)
        deal.payment_text = payment.text.strip()
        deal.agency = self.agency.strip()
        deal.remarks = self.remarks.strip()
        deal.received_yuan = _money_text(self.received_yuan)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, in the shape of the interchange's deal entries (version 3)."""
        out: dict[str, Any] = {
            "patents": list(self.patents),
            "licensee": self.licensee,
            "date": self.licence_date.isoformat() if self.licence_date else None,
            "via_offer": self.via_offer or self.offer_id is not None,
            "payment": self.payment.only_chosen().to_dict(),
        }
        for key, value in (("term", self.term), ("agency", self.agency),
                           ("remarks", self.remarks)):
            if value:
                out[key] = value
        if self.received_yuan is not None:  # format version 4
            out["received_yuan"] = decimal_text(self.received_yuan)
        return out


def read_deal(data: Any, path: str = "") -> tuple[DealFields, list[Finding]]:
    """A deal from an interchange entry (the shape of `DealFields.to_dict`); what cannot be
    read becomes a finding whose field is `path` + the key ("$.deals[2].date"), never an
    exception. The domain rules (`check_deal`) are separate: a readable draft is kept."""
    findings: list[Finding] = []
    if not isinstance(data, Mapping):
        return DealFields(), [error("deal.entry_invalid", path or "deal")]

    def where(key: str) -> str:
        return f"{path}.{key}" if path else key

    raw_patents = data.get("patents", [])
    if isinstance(raw_patents, str):
        raw_patents = [raw_patents]
    patents: list[str] = []
    if isinstance(raw_patents, (list, tuple)):
        patents = [str(n) for n in raw_patents if n is not None]
    else:
        findings.append(error("deal.entry_invalid", where("patents")))
    day: dt.date | None = None
    raw_date = data.get("date")
    if isinstance(raw_date, dt.date):
        day = raw_date
    elif isinstance(raw_date, str) and raw_date.strip():
        try:
            day = dt.date.fromisoformat(raw_date.strip())
        except ValueError:
            findings.append(error("deal.date_invalid", where("date"), value=raw_date))
    payment, payment_findings = read_payment(data.get("payment"), where("payment"))
    findings.extend(payment_findings)
    received: Decimal | None = None
    raw_received = data.get("received_yuan")  # format version 4
    if raw_received is not None and raw_received != "":
        received = to_decimal(raw_received)
        if received is None or received < 0:
            findings.append(error("deal.not_a_number", where("received_yuan"),
                                  value=raw_received))
            received = None
    fields = DealFields(
        patents=tuple(patents),
        licensee=str(data.get("licensee") or ""),
        licence_date=day,
        term=str(data.get("term") or ""),
        via_offer=bool(data.get("via_offer", False)),
        payment=payment,
        agency=str(data.get("agency") or ""),
        remarks=str(data.get("remarks") or ""),
        received_yuan=received,
    )
    return fields, findings


def _money_text(value: Decimal | None) -> str:
    return decimal_text(value) if value is not None else ""


@dataclass(frozen=True)
class DealFileInfo:
    """A supporting file as the window and the package see it."""

    id: int | None
    number: int
    kind: str
    original_name: str
    stored_path: str  # the shown name, "deals/3/3-1 合同.pdf" (the bytes are in the database)
    sha256: str
    size: int = 0

    def label(self, serial: int) -> str:
        """"3-1 合同" — the numbering the notice asks for (支撑材料按序号标注清楚)."""
        return f"{serial}-{self.number} {file_kind_label(self.kind)}"


def file_kind_label(kind: str) -> str:
    try:
        return FILE_KIND_LABELS[DealFileKind(kind)][1]
    except ValueError:
        return FILE_KIND_LABELS[DealFileKind.OTHER][1]


def stored_file_name(serial: int, number: int, kind: str, original_name: str) -> str:
    """"3-1 合同.pdf": the deal's 序号, the file's number, its kind, the original extension."""
    suffix = ""
    dot = original_name.rfind(".")
    if 0 <= dot < len(original_name) - 1:
        ext = original_name[dot + 1 :].lower()
        if ext.isalnum() and len(ext) <= 8:
            suffix = "." + ext
    return f"{serial}-{number} {file_kind_label(kind)}{suffix}"


@dataclass(frozen=True)
class DealRecord:
    """A saved deal: its 序号, its fields, its files (plain data for the window and exports)."""

    id: int | None
    serial: int
    fields: DealFields
    files: tuple[DealFileInfo, ...] = ()

    @property
    def file_kinds(self) -> set[str]:
        return {f.kind for f in self.files}

    @classmethod
    def of(cls, deal: Deal) -> DealRecord:
        return cls(
            id=deal.id,
            serial=deal.serial,
            fields=DealFields.of(deal),
            files=tuple(
                DealFileInfo(f.id, f.number, f.kind, f.original_name, f.stored_path, f.sha256,
                             f.size)
                for f in deal.files
            ),
        )


# Period -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A reporting period: "截至 YYYY 年 MM 月底", and a start only where a form states one.

    The Henan summary book states no start (the pilot runs since the 2022 implementation plan
    and the book is cumulative), so `start` is None there and nothing is "before" the period.
    """

    end: dt.date  # the last day of the end month
    start: dt.date | None = None

    @property
    def end_month(self) -> str:
        return f"{self.end.year:04d}-{self.end.month:02d}"

    def contains(self, day: dt.date) -> bool:
        return day <= self.end and (self.start is None or day >= self.start)


def parse_period_end(text: str) -> dt.date | None:
    """The last day of "YYYY-MM" (also "YYYY-M", "YYYY年MM月"); None when not a month."""
    cleaned = (text or "").strip().replace("年", "-").replace("月", "").replace("/", "-")
    parts = cleaned.split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return None
    year, month = int(parts[0]), int(parts[1])
    if not 1 <= month <= 12 or year < 1985 or year > YEAR_MAX:
        return None
    first_next = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def period_of(period_end: str, start: dt.date | None = None) -> Period | None:
    end = parse_period_end(period_end)
    return Period(end, start) if end is not None else None


# Rules -------------------------------------------------------------------------------------------

PAID_FILE_KINDS = {DealFileKind.RECEIPT.value}
EVIDENCE_FILE_KINDS = {DealFileKind.CONTRACT.value, DealFileKind.FILING_RECORD.value}


def normalised_number(text: str) -> str | None:
    result = parse(text)
    return result.normalized if result.valid else None


def check_deal(
    deal: DealFields,
    register: Mapping[str, PatentFields],
    *,
    file_kinds: Collection[str] | None = None,
    period: Period | None = None,
    offer_number: str | None = None,
    today: dt.date | None = None,
) -> list[Finding]:
    """Every rule on one deal.

    `register` maps normalised patent numbers to the register's patents; `file_kinds` are the
    kinds of the attached files (None: not checked, e.g. while importing before files exist);
    `period` the book's reporting period; `offer_number` the number of the linked offer's patent.
    """
    today = today or dt.date.today()
    findings: list[Finding] = []

    # Patents: at least one, each a valid number of the register, each once.
    if not any(n.strip() for n in deal.patents):
        findings.append(error("deal.patents_required", "patents"))
    seen: set[str] = set()
    for index, number in enumerate(deal.patents):
        where = f"patents[{index}]"
        result = parse(number, today=today)
        if not result.valid:
            inner = result.findings[0] if result.findings else error("number.empty", "number")
            findings.append(
                error("deal.patent_number_invalid", where, number=number.strip(),
                      nested_code=inner.code, **dict(inner.params))
            )
            continue
        normal = result.normalized or ""
        if normal in seen:
            findings.append(error("deal.patent_repeated", where, number=normal))
            continue
        seen.add(normal)
        if normal not in register:
            findings.append(error("deal.patent_not_in_register", where, number=normal))

    if not deal.licensee.strip():
        findings.append(error("deal.licensee_required", "licensee"))
    for key, text, kind in (("licensee", deal.licensee, "name"), ("agency", deal.agency, "name"),
                            ("term", deal.term, "note"), ("remarks", deal.remarks, "note"),
                            ("payment.text", deal.payment.text, "note")):
        if (too_long := text_finding(key, text, kind)) is not None:
            findings.append(too_long)

    if deal.licence_date is None:
        findings.append(error("deal.date_required", "licence_date"))
    elif (out_of_range := date_finding("licence_date", deal.licence_date)) is not None:
        findings.append(out_of_range)
    else:
        if deal.licence_date > today:
            findings.append(warning("deal.date_future", "licence_date", date=deal.licence_date))
        if period is not None and deal.licence_date > period.end:
            findings.append(
                warning("deal.date_after_period", "licence_date", date=deal.licence_date,
                        period_end=period.end_month)
            )
        elif period is not None and period.start and deal.licence_date < period.start:
            findings.append(
                warning("deal.date_before_period", "licence_date", date=deal.licence_date,
                        period_start=period.start)
            )

    if offer_number is not None and normalised_number(offer_number) not in seen:
        findings.append(warning("deal.offer_patent_not_in_deal", "offer", number=offer_number))

    findings.extend(check_payment(deal.payment))

    if file_kinds is not None:
        kinds = set(file_kinds)
        if not kinds & EVIDENCE_FILE_KINDS:
            findings.append(error("deal.contract_missing", "files"))
        payment = deal.payment
        if payment.kind is not None and not payment.is_free and not kinds & PAID_FILE_KINDS:
            if reported_amount_yuan(payment) > 0:
                findings.append(error("deal.receipt_missing", "files"))
            else:
                # Royalties (or other terms without a figure) may not have produced a fee yet.
                findings.append(warning("deal.receipt_pending", "files"))
    return findings


def check_payment(payment: Payment, field_prefix: str = "payment") -> list[Finding]:
    findings: list[Finding] = []
    if not payment.method.strip():
        return [error("deal.method_required", f"{field_prefix}.method")]
    kind = payment.kind
    if kind is None:
        return [error("deal.method_unknown", f"{field_prefix}.method", method=payment.method)]

    def positive(name: str) -> None:
        value: Decimal | None = getattr(payment, name)
        where = f"{field_prefix}.{name}"
        if value is None:
            findings.append(error("deal.amount_required", where))
        elif value <= 0:
            findings.append(error("deal.amount_not_positive", where, value=decimal_text(value)))
        elif (problem := range_finding(where, value, Domain.MONEY_YUAN)) is not None:
            findings.append(problem)

    def percent(required: bool) -> None:
        value = payment.royalty_percent
        where = f"{field_prefix}.royalty_percent"
        if value is None:
            if required:
                findings.append(warning("deal.royalty_percent_missing", where))
        elif not 0 < value <= 100:
            findings.append(error("deal.royalty_percent_range", where, value=decimal_text(value)))

    if kind in (PaymentMethod.LUMP_SUM, PaymentMethod.INSTALMENTS):
        positive("amount_yuan")
    elif kind is PaymentMethod.ENTRY_PLUS_ROYALTY:
        positive("entry_fee_yuan")
        percent(required=True)
    elif kind is PaymentMethod.ROYALTY:
        percent(required=True)
    elif kind is PaymentMethod.OTHER:
        if not payment.text.strip():
            findings.append(error("deal.payment_text_required", f"{field_prefix}.text"))
        if payment.amount_yuan is not None and payment.amount_yuan <= 0:
            findings.append(
                error("deal.amount_not_positive", f"{field_prefix}.amount_yuan",
                      value=decimal_text(payment.amount_yuan))
            )
        elif payment.amount_yuan is not None and (problem := range_finding(
                f"{field_prefix}.amount_yuan", payment.amount_yuan, Domain.MONEY_YUAN)):
            findings.append(problem)
    return findings


# Deals started from an offer ---------------------------------------------------------------------


def deal_from_offer(offer: Offer) -> DealFields:
    """A new deal prefilled from an open-licence offer: its patent, its fee, its single term.

    The licensors need no prefilling: they are the patent's patentees, read from the register.
    """
    try:
        fee = json.loads(offer.fee or "{}")
    except ValueError:
        fee = {}
    return DealFields(
        patents=(offer.patent.number,),
        term=offer.single_term,
        via_offer=True,
        offer_id=offer.id,
        payment=payment_from_offer_fee(fee),
    )


# The deal list (四 of the summary book; 信阳 附件 2) ----------------------------------------------


@dataclass(frozen=True)
class DealListRow:
    """One row of 专利开放许可达成项目清单, as printed."""

    serial: int  # 序号
    licensors: tuple[str, ...]  # 达成许可的专利权人名称
    licensee: str  # 达成许可的被许可人名称
    patent_numbers: tuple[str, ...]  # 达成许可涉及专利的专利号*, ZL notation, all of a package
    amount_yuan: Decimal  # what the footnote reports, in yuan (exact)
    remarks: str  # 备注（代理机构）
    free: bool
    deal_id: int | None = None

    @property
    def amount_wan(self) -> Decimal:
        return yuan_to_wan(self.amount_yuan)

    @property
    def amount_text(self) -> str:
        return format_wan(self.amount_wan)

    @property
    def licensors_text(self) -> str:
        return "、".join(self.licensors)

    def numbers_text(self, separator: str = "、") -> str:
        return separator.join(self.patent_numbers)


def deal_row(record: DealRecord, register: Mapping[str, PatentFields]) -> DealListRow:
    """The list row of a deal: licensors from the register, amount and remark by the footnote."""
    fields = record.fields
    patentee_lists: list[Sequence[str]] = []
    for number in fields.patents:
        patent = register.get(normalised_number(number) or "")
        if patent is not None:
            patentee_lists.append(patent.patentees)
    return DealListRow(
        serial=record.serial,
        licensors=tuple(licensors(patentee_lists)),
        licensee=fields.licensee.strip(),
        patent_numbers=tuple(official_number(n) for n in fields.patents if n.strip()),
        amount_yuan=reported_amount_yuan(fields.payment),
        remarks=_row_remark(fields),
        free=fields.payment.is_free,
        deal_id=record.id,
    )


def _row_remark(fields: DealFields) -> str:
    return list_remark(fields.payment, fields.agency, fields.remarks)


def next_serial(serials: Iterable[int]) -> int:
    """The 序号 after the highest in range; a stored 序号 out of range (a database written
    before ranges were checked) is skipped, never incremented into an overflow."""
    used = {s for s in serials if in_domain(s, Domain.SERIAL)}
    candidate = max(used, default=0) + 1
    if in_domain(candidate, Domain.SERIAL):
        return candidate
    return next(n for n in range(1, candidate) if n not in used)


# Persistence helpers (app.models.store wraps these; every call runs in the store's transaction) --


def register_fields(session: Session) -> dict[str, PatentFields]:
    """Stored number → the register's patent (valid numbers are stored normalised)."""
    patents = session.scalars(select(Patent)).all()
    return {p.number: PatentFields.of(p) for p in patents}


def offer_numbers(session: Session) -> dict[int, str]:
    """Offer id → its patent's number (the deal rule on the linked offer)."""
    rows = session.execute(select(Offer.id, Patent.number).join(Offer.patent)).all()
    return {offer_id: number for offer_id, number in rows}


def set_deal_patents(session: Session, deal: Deal, numbers: Sequence[str]) -> None:
    """The deal's patents in order, linked to the register's records where the number is there."""
    rows: list[DealPatent] = []
    for text in numbers:
        if not text.strip():
            continue
        result = parse(text)
        number = result.normalized if result.valid and result.normalized else text.strip()
        patent = session.scalar(select(Patent).where(Patent.number == number))
        rows.append(DealPatent(number=number, patent=patent))
    deal.patent_rows = rows


def deal_folder(serial: int) -> Path:
    """The folder part of a deal's files' shown names ("deals/3")."""
    return Path("deals") / str(serial)


def renumber_plan(deals: Sequence[Deal]) -> dict[int, int]:
    """deal id → new 序号, by licence date (undated last), then the old 序号."""
    ordered = sorted(
        deals,
        key=lambda d: (d.licence_date is None, d.licence_date or dt.date.min, d.serial),
    )
    return {deal.id: index for index, deal in enumerate(ordered, start=1)}
