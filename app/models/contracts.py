"""专利开放许可合同（参考样例） — the licence contract (notice 003, 附件 6) and its rules.

A contract is generated from what the register already holds and typed once otherwise:

- 许可人 block: the unit's profile (app.models.entities.Organisation), never retyped;
- 被许可人 block: a `Licensee` record, typed once per licensee and offered again for their next
  contract;
- 第一条: the patent records (type from the number, inventors, patentees, grant date, number,
  term from filing date to expiry, annual fee paid up to); inventors and the fee date live on
  the patent record (columns added by migration 0006_contracts);
- 第二条: the five commitments of the contract, verbatim (the contract has five: the sheet's
  "许可任何单位或个人实施本专利" is not among them);
- 第五条: either "一致" — the fee option declared on the patents' information sheet, repeated in
  the sheet's own wording and figures — or the negotiated option, typed here;
- 第三条, bank details, penalty, 第六条, 第八条, 第十条, 第十一条, 第十二条, 第十三条: typed here.

A deal (app.models.deals) is generated from a signed contract with `deal_from_contract`, so that
its figures are typed once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.contact_rules import check_email, check_phone
from app.models.deals import Deal, DealFields, payment_from_offer_fee
from app.models.entities import Base, Patent, _now
from app.models.fees import FeeKind, FeeOption, check_fee, read_fee
from app.models.findings import Finding, error, warning
from app.models.patent_number import PatentKind, parse

# 第二条, verbatim from 附件 6 (five items; the information sheet's ② has six).
CONTRACT_COMMITMENTS: tuple[str, ...] = (
    "本专利不在专利独占实施许可或者排他实施许可有效期限内；",
    "专利权在开放许可实施期间内，专利权人保证维持专利权有效；",
    "本专利通过开放许可（试点）达成的所有许可，将向试点组织单位备案；",
    "专利权人属于中国内地单位或个人，以开放许可方式技术出口的，按照《中华人民共和国技术进出口"
    "管理条例》和《技术进出口合同登记管理办法》的规定办理相关手续；",
    "专利权人承诺以上信息属实，是专利权人的真实意思表示。",
)


class FeeAgreement(StrEnum):
    CONSISTENT = "consistent"  # 一致 (with the declared fee standard)
    NEGOTIATED = "negotiated"  # 对……进行了协商修改


class Improvement(StrEnum):
    """第八条: who owns the improvements (后续改进的技术成果)."""

    LICENSEE = "licensee"  # 被许可人所有
    LICENSOR = "licensor"  # 许可人所有
    JOINT = "joint"  # 许可人和被许可人共同所有
    OTHER = "other"  # 其他


IMPROVEMENT_LABELS_ZH: dict[Improvement, str] = {
    Improvement.LICENSEE: "被许可人所有。",
    Improvement.LICENSOR: "许可人所有。",
    Improvement.JOINT: "许可人和被许可人共同所有。",
    Improvement.OTHER: "其他：",
}


class Dispute(StrEnum):
    """第十一条: how a dispute is settled when talks fail."""

    ARBITRATION = "arbitration"  # 1.提交 ____ 仲裁委员会仲裁
    COURT = "court"  # 2.依法向人民法院起诉


KIND_NAMES_ZH: dict[PatentKind, str] = {
    PatentKind.INVENTION: "发明",
    PatentKind.UTILITY_MODEL: "实用新型",
    PatentKind.DESIGN: "外观设计",
}

INVENTOR_SEPARATOR = "、"


# Entities -------------------------------------------------------------------------------------


class Licensee(Base):
    """被许可人: typed once, kept for the licensee's next contract (unique by name)."""

    __tablename__ = "licensee"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    domicile: Mapped[str] = mapped_column(String(300), default="")  # 住所地
    legal_representative: Mapped[str] = mapped_column(String(100), default="")
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    fax: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(String(300), default="")  # 通讯地址
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)


class Contract(Base):
    """One licence contract; `patents` is the JSON list of patent numbers in the contract's
    order (resolved against the register when printed, so a corrected record follows)."""

    __tablename__ = "contract"

    id: Mapped[int] = mapped_column(primary_key=True)
    licensee_id: Mapped[int | None] = mapped_column(
        ForeignKey("licensee.id", ondelete="SET NULL"), default=None, index=True
    )
    deal_id: Mapped[int | None] = mapped_column(
        ForeignKey("deal.id", ondelete="SET NULL"), default=None, index=True
    )
    patents: Mapped[str] = mapped_column(Text, default="[]")
    manner: Mapped[str] = mapped_column(Text, default="")  # 第三条 1.实施方式
    scope: Mapped[str] = mapped_column(Text, default="")  # 2.实施范围
    term: Mapped[str] = mapped_column(Text, default="")  # 3.实施期限
    fee_agreement: Mapped[str] = mapped_column(String(20), default="")
    fee: Mapped[str] = mapped_column(Text, default="{}")  # negotiated option (fees JSON)
    bank_name: Mapped[str] = mapped_column(String(300), default="")
    bank_address: Mapped[str] = mapped_column(String(300), default="")
    bank_account: Mapped[str] = mapped_column(String(100), default="")
    penalty: Mapped[str] = mapped_column(Text, default="")  # 支付违约金的计算方法
    infringement: Mapped[str] = mapped_column(Text, default="")  # 第六条 许可人应当 ……
    infringement_other: Mapped[str] = mapped_column(Text, default="")  # 第六条 其他
    improvement: Mapped[str] = mapped_column(String(20), default="")
    improvement_other: Mapped[str] = mapped_column(Text, default="")
    benefit_sharing: Mapped[str] = mapped_column(Text, default="")  # 具体利益分配方式
    termination_2: Mapped[str] = mapped_column(Text, default="")  # 第十条 2.
    termination_3: Mapped[str] = mapped_column(Text, default="")  # 第十条 3.
    dispute: Mapped[str] = mapped_column(String(20), default="")
    arbitration_commission: Mapped[str] = mapped_column(String(300), default="")
    other_matters: Mapped[str] = mapped_column(Text, default="")  # 第十二条
    copies: Mapped[int | None] = mapped_column(Integer, default=None)  # 第十三条 一式 N 份
    signed_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    # Record version (issue 16): bumped by every save; a save over a newer one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    licensee: Mapped[Licensee | None] = relationship(lazy="joined")
    deal: Mapped[Deal | None] = relationship(lazy="joined")


# Plain data -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyBlock:
    """A party's block at the head of the contract (许可人 or 被许可人), as printed."""

    name: str = ""
    domicile: str = ""  # 住所地
    legal_representative: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    email: str = ""
    fax: str = ""
    address: str = ""  # 通讯地址

    def to_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}

    @classmethod
    def of(cls, licensee: Licensee) -> PartyBlock:
        return cls(licensee.name, licensee.domicile, licensee.legal_representative,
                   licensee.contact_name, licensee.contact_phone, licensee.email, licensee.fax,
                   licensee.address)

    def apply_to(self, licensee: Licensee) -> None:
        for key, text in self.__dict__.items():
            setattr(licensee, key, text.strip())


PARTY_KEYS: tuple[str, ...] = ("name", "domicile", "legal_representative", "contact_name",
                               "contact_phone", "email", "fax", "address")


def read_party(data: Any) -> PartyBlock:
    if not isinstance(data, Mapping):
        return PartyBlock()
    return PartyBlock(**{k: str(data.get(k) or "") for k in PARTY_KEYS})


def licensor_block(org: Any) -> PartyBlock:
    """许可人 from the unit's profile (an OrganisationData or the entity): the first contact
    person is the contract's 联系人; their office phone and e-mail, else the unit's."""
    contacts = list(getattr(org, "contacts", ()) or ())
    first = contacts[0] if contacts else None
    return PartyBlock(
        name=org.name,
        domicile=org.address,
        legal_representative=org.legal_representative,
        contact_name=first.name if first else "",
        contact_phone=(first.office_phone or first.mobile if first else "") or org.phone,
        email=(first.email if first else "") or org.email,
        fax=org.fax,
        address=org.address + (f"（{org.postcode}）" if org.postcode else ""),
    )


@dataclass(frozen=True)
class ContractPatent:
    """第一条 for one patent, from the register (plus its declared fee, for 第五条 一致)."""

    number: str
    title: str = ""
    kind: PatentKind | None = None
    inventors: tuple[str, ...] = ()
    patentees: tuple[str, ...] = ()
    grant_date: dt.date | None = None
    filing_date: dt.date | None = None
    expiry: dt.date | None = None
    fee_paid_until: dt.date | None = None
    declared_fee: Any = None  # the offer's fee JSON; None when the patent has no offer
    in_register: bool = True

    @classmethod
    def of(cls, patent: Patent) -> ContractPatent:
        declared = None
        if patent.offer is not None:
            try:
                declared = json.loads(patent.offer.fee or "{}")
            except ValueError:
                declared = {"option": "?"}
        expiry = patent.expiry
        return cls(
            number=patent.number,
            title=patent.title,
            kind=patent.kind,
            inventors=tuple(inventor_names(patent.inventors)),
            patentees=tuple(patent.patentees),
            grant_date=patent.grant_date,
            filing_date=patent.filing_date,
            expiry=expiry.date if expiry else None,
            fee_paid_until=patent.annual_fee_paid_until,
            declared_fee=declared,
        )

    @classmethod
    def missing(cls, number: str) -> ContractPatent:
        result = parse(number)
        return cls(number=number, kind=result.kind, in_register=False)


def inventor_names(text: str) -> list[str]:
    """Inventors as stored (one a line; 、，, ; also separate when typed on one line)."""
    for sep in ("、", "，", ",", ";", "；"):
        text = text.replace(sep, "\n")
    return [n.strip() for n in text.splitlines() if n.strip()]


def inventors_text(names: Sequence[str]) -> str:
    return "\n".join(n.strip() for n in names if n.strip())


@dataclass(frozen=True)
class ContractFields:
    """A contract as typed (independent of the ORM; the editor checks it live)."""

    patents: tuple[str, ...] = ()
    licensee: PartyBlock = field(default_factory=PartyBlock)
    manner: str = ""
    scope: str = ""
    term: str = ""
    fee_agreement: str = ""
    fee: Any = None  # negotiated option, fees JSON
    bank_name: str = ""
    bank_address: str = ""
    bank_account: str = ""
    penalty: str = ""
    infringement: str = ""
    infringement_other: str = ""
    improvement: str = ""
    improvement_other: str = ""
    benefit_sharing: str = ""
    termination_2: str = ""
    termination_3: str = ""
    dispute: str = ""
    arbitration_commission: str = ""
    other_matters: str = ""
    copies: int | None = None
    signed_on: dt.date | None = None

    @classmethod
    def of(cls, contract: Contract) -> ContractFields:
        try:
            numbers = json.loads(contract.patents or "[]")
        except ValueError:
            numbers = []
        try:
            fee = json.loads(contract.fee or "{}") or None
        except ValueError:
            fee = {"option": "?"}
        licensee = PartyBlock.of(contract.licensee) if contract.licensee else PartyBlock()
        return cls(
            patents=tuple(str(n) for n in numbers if isinstance(n, str)),
            licensee=licensee,
            fee=fee,
            copies=contract.copies,
            signed_on=contract.signed_on,
            **{k: getattr(contract, k) for k in TEXT_FIELDS},
        )

    def apply_to(self, contract: Contract) -> None:
        """Scalar fields (the use case links the licensee record)."""
        contract.patents = json.dumps([n.strip() for n in self.patents if n.strip()],
                                      ensure_ascii=False)
        for key in TEXT_FIELDS:
            setattr(contract, key, str(getattr(self, key)).strip())
        contract.fee = json.dumps(self.fee_option().only_chosen().to_dict()
                                  if self.fee_agreement == FeeAgreement.NEGOTIATED
                                  and self.fee else {}, ensure_ascii=False, sort_keys=True)
        contract.copies = self.copies
        contract.signed_on = self.signed_on

    def fee_option(self) -> FeeOption:
        return read_fee(self.fee).fee

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (the interchange's "contracts" entries)."""
        out: dict[str, Any] = {"patents": list(self.patents),
                               "licensee": self.licensee.to_dict()}
        for key in TEXT_FIELDS:
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.fee_agreement == FeeAgreement.NEGOTIATED and self.fee:
            out["fee"] = self.fee_option().only_chosen().to_dict()
        if self.copies is not None:
            out["copies"] = self.copies
        if self.signed_on is not None:
            out["signed_on"] = self.signed_on.isoformat()
        return out


TEXT_FIELDS: tuple[str, ...] = (
    "manner", "scope", "term", "fee_agreement", "bank_name", "bank_address", "bank_account",
    "penalty", "infringement", "infringement_other", "improvement", "improvement_other",
    "benefit_sharing", "termination_2", "termination_3", "dispute", "arbitration_commission",
    "other_matters",
)


def read_contract(data: Any, path: str = "contract") -> tuple[ContractFields, list[Finding]]:
    """A contract from an interchange entry; unreadable parts become findings on `path`."""
    findings: list[Finding] = []
    if not isinstance(data, Mapping):
        return ContractFields(), [error("contract.entry_invalid", path)]
    raw = data.get("patents", [])
    patents = tuple(str(n) for n in raw) if isinstance(raw, list) else ()
    if not isinstance(raw, list):
        findings.append(error("contract.entry_invalid", f"{path}.patents"))
    copies: int | None = None
    raw_copies = data.get("copies")
    if raw_copies is not None and raw_copies != "":
        if isinstance(raw_copies, int) and not isinstance(raw_copies, bool):
            copies = raw_copies
        else:
            findings.append(error("contract.copies_invalid", f"{path}.copies", value=raw_copies))
    signed: dt.date | None = None
    raw_date = data.get("signed_on")
    if isinstance(raw_date, str) and raw_date.strip():
        try:
            signed = dt.date.fromisoformat(raw_date.strip())
        except ValueError:
            findings.append(error("contract.date_invalid", f"{path}.signed_on", value=raw_date))
    texts = {k: str(data.get(k) or "") for k in TEXT_FIELDS}
    return ContractFields(patents=patents, licensee=read_party(data.get("licensee")),
                          fee=data.get("fee"), copies=copies, signed_on=signed,
                          **texts), findings


# The fee clause (第五条) -------------------------------------------------------------------------


@dataclass(frozen=True)
class FeeClause:
    """What 第五条 prints: which box is ticked and the option with its figures."""

    agreement: FeeAgreement | None
    option: FeeOption  # the declared option (一致) or the negotiated one


def declared_fee(patents: Sequence[ContractPatent]) -> FeeOption | None:
    """The fee option all the contract's patents declared, or None when any has none or they
    differ (a 专利包 whose sheets declare different fees cannot be "一致" with one of them)."""
    options = [read_fee(p.declared_fee).fee for p in patents]
    if not options or any(o.option is None for o in options):
        return None
    first = options[0].only_chosen()
    return first if all(o.only_chosen() == first for o in options[1:]) else None


def fee_clause(contract: ContractFields, patents: Sequence[ContractPatent]) -> FeeClause:
    try:
        agreement: FeeAgreement | None = FeeAgreement(contract.fee_agreement)
    except ValueError:
        agreement = None
    if agreement is FeeAgreement.CONSISTENT:
        return FeeClause(agreement, declared_fee(patents) or FeeOption())
    if agreement is FeeAgreement.NEGOTIATED:
        return FeeClause(agreement, contract.fee_option().only_chosen())
    return FeeClause(None, FeeOption())


# Rules ------------------------------------------------------------------------------------------


def check_contract(contract: ContractFields, patents: Sequence[ContractPatent],
                   *, today: dt.date | None = None) -> list[Finding]:
    """The contract's rules; `patents` are the register's particulars of `contract.patents`."""
    today = today or dt.date.today()
    findings: list[Finding] = []
    if not contract.patents:
        findings.append(error("contract.patents_required", "patents"))
    seen: set[str] = set()
    for p in patents:
        if not p.in_register:
            findings.append(error("contract.patent_not_in_register", "patents", number=p.number))
            continue
        if p.number in seen:
            findings.append(error("contract.patent_repeated", "patents", number=p.number))
        seen.add(p.number)
        if not p.inventors:
            findings.append(warning("contract.inventors_missing", "patents", number=p.number))
        if p.grant_date is None:
            findings.append(warning("contract.grant_date_missing", "patents", number=p.number))
        if p.fee_paid_until is None:
            findings.append(warning("contract.fee_paid_missing", "patents", number=p.number))
        elif p.expiry is not None and p.fee_paid_until > p.expiry:
            findings.append(error("contract.fee_paid_after_expiry", "patents", number=p.number,
                                  paid=p.fee_paid_until, expiry=p.expiry))

    lic = contract.licensee
    if not lic.name.strip():
        findings.append(error("contract.licensee_required", "licensee.name"))
    findings += check_phone(lic.contact_phone, "licensee.contact_phone")
    findings += check_phone(lic.fax, "licensee.fax")
    findings += check_email(lic.email, "licensee.email")

    for name in ("manner", "scope", "term"):
        if not str(getattr(contract, name)).strip():
            findings.append(error("contract.required", name))

    clause = fee_clause(contract, patents)
    if clause.agreement is None:
        findings.append(error("contract.fee_agreement_required", "fee_agreement"))
    elif clause.agreement is FeeAgreement.CONSISTENT:
        if patents and declared_fee(patents) is None:
            declared = [p for p in patents if read_fee(p.declared_fee).fee.option is not None]
            code = ("contract.declared_fees_differ" if len(declared) == len(patents)
                    else "contract.no_declared_fee")
            findings.append(error(code, "fee_agreement"))
    else:
        reading = read_fee(contract.fee)
        findings.extend(reading.findings)
        if not reading.ticked:
            findings.extend(check_fee(reading.fee))
    if clause.option.option not in (None, FeeKind.FREE):
        for name in ("bank_name", "bank_account"):
            if not str(getattr(contract, name)).strip():
                findings.append(error("contract.bank_required", name))
        if not contract.penalty.strip():
            findings.append(warning("contract.penalty_missing", "penalty"))

    if not contract.improvement:
        findings.append(error("contract.choose_one", "improvement"))
    elif contract.improvement not in {i.value for i in Improvement}:
        findings.append(error("contract.choice_unknown", "improvement",
                              value=contract.improvement))
    elif contract.improvement == Improvement.OTHER and not contract.improvement_other.strip():
        findings.append(error("contract.required", "improvement_other"))
    elif contract.improvement != Improvement.OTHER and contract.improvement_other.strip():
        findings.append(error("contract.detail_not_allowed", "improvement_other"))

    if not contract.dispute:
        findings.append(error("contract.choose_one", "dispute_settlement"))
    elif contract.dispute not in {d.value for d in Dispute}:
        findings.append(error("contract.choice_unknown", "dispute_settlement",
                              value=contract.dispute))
    elif contract.dispute == Dispute.ARBITRATION and not contract.arbitration_commission.strip():
        findings.append(error("contract.required", "arbitration_commission"))
    elif contract.dispute == Dispute.COURT and contract.arbitration_commission.strip():
        findings.append(error("contract.detail_not_allowed", "arbitration_commission"))

    if contract.copies is not None and contract.copies < 1:
        findings.append(error("contract.copies_invalid", "copies", value=contract.copies))
    if contract.signed_on is not None:
        if contract.signed_on > today:
            findings.append(warning("contract.signed_future", "signed_on",
                                    date=contract.signed_on))
        for p in patents:
            if p.expiry is not None and contract.signed_on > p.expiry:
                findings.append(error("contract.signed_after_expiry", "signed_on",
                                      number=p.number, expiry=p.expiry))
    return findings


# A deal from a signed contract ------------------------------------------------------------------


def deal_from_contract(contract: ContractFields, patents: Sequence[ContractPatent],
                       offer_id: int | None = None) -> DealFields:
    """The deal (达成许可) of a signed contract: patents, licensee, date, term and the fee of
    第五条 (declared or negotiated) — typed once, in the contract."""
    clause = fee_clause(contract, patents)
    payment = payment_from_offer_fee(clause.option.only_chosen().to_dict())
    return DealFields(
        patents=tuple(contract.patents),
        licensee=contract.licensee.name.strip(),
        licence_date=contract.signed_on,
        term=contract.term.strip(),
        via_offer=True,
        offer_id=offer_id,
        payment=payment,
    )


def kind_name(kind: PatentKind | None) -> str:
    return KIND_NAMES_ZH.get(kind, "") if kind is not None else ""
