"""Open-licence offers: the information sheet's data and its rules R2–R7 (FORMS.md §1).

`OfferFields` is the sheet as typed, independent of the ORM, so the editor can check it live and
the importer can check it before anything is written. Patent particulars (①) and patentees come
from the patent record and are checked there (R1, R5); `check_offer` folds the patent's errors in
under the field "patent" so that an offer on a bad record cannot be finalised.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from app.models.contact_rules import check_email, check_phone, check_postcode
from app.models.fees import FeeOption, check_fee, read_fee
from app.models.findings import Finding, error, warning
from app.models.legal_status import LegalStatus
from app.models.patent_rules import PatentFields, check_patent
from app.models.ranges import date_finding
from app.models.term import patent_expiry

if TYPE_CHECKING:  # the rules and OfferFields work without the ORM (a PDF worker has none)
    from app.models.entities import Offer, Patent


class SelfExploitation(StrEnum):
    NONE = "none"  # 未自行实施专利技术
    IMPLEMENTED = "implemented"  # 已自行实施专利技术


class Licensing(StrEnum):
    NONE = "none"  # 未许可他人实施专利
    LICENSED = "licensed"  # 已许可他人实施专利


class LicenceKind(StrEnum):
    ORDINARY = "ordinary"  # 普通许可
    EXCLUSIVE = "exclusive"  # 独占许可
    SOLE = "sole"  # 排他许可


PROVINCE_WIDE = "全省"

# The six commitments (② on the sheet, and the declaration's body), verbatim from 附件 4/5.
COMMITMENTS: tuple[str, ...] = (
    "本专利不在专利独占实施许可或者排他实施许可有效期限内；",
    "许可任何单位或个人实施本专利；",
    "专利权在开放许可（试点）实施期间内，专利权人保证维持专利权有效；",
    "本专利通过开放许可（试点）达成的所有许可，将向试点组织单位备案；",
    "专利权人属于中国内地单位或个人，以开放许可方式技术出口的，按照《中华人民共和国技术进出口"
    "管理条例》和《技术进出口合同登记管理办法》的规定办理相关手续；",
    "专利权人承诺以上信息属实，是专利权人的真实意思表示。",
)


@dataclass(frozen=True)
class OfferContact:
    """⑧ 许可人联系方式."""

    name: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class OfferFields:
    """Everything an information sheet holds beyond the patent record."""

    self_exploitation: str = ""
    self_exploitation_period: str = ""
    self_exploitation_scope: str = ""
    self_exploitation_manner: str = ""
    licensing: str = ""
    licensing_period: str = ""
    licensing_scope: str = ""
    licensing_kind: str = ""
    licence_expiry: dt.date | None = None
    fee: Any = None  # JSON-like fee data; read with app.models.fees.read_fee
    other_terms: str = ""
    contact: OfferContact = field(default_factory=OfferContact)
    open_scope: str = ""
    single_term: str = ""
    declared_on: dt.date | None = None

    @property
    def fee_option(self) -> FeeOption:
        return read_fee(self.fee).fee

    @classmethod
    def of(cls, offer: Offer) -> OfferFields:
        try:
            fee = json.loads(offer.fee or "{}")
        except ValueError:
            fee = {"option": "?"}
        return cls(
            self_exploitation=offer.self_exploitation,
            self_exploitation_period=offer.self_exploitation_period,
            self_exploitation_scope=offer.self_exploitation_scope,
            self_exploitation_manner=offer.self_exploitation_manner,
            licensing=offer.licensing,
            licensing_period=offer.licensing_period,
            licensing_scope=offer.licensing_scope,
            licensing_kind=offer.licensing_kind,
            licence_expiry=offer.licence_expiry,
            fee=fee,
            other_terms=offer.other_terms,
            contact=OfferContact(
                offer.contact_name,
                offer.contact_address,
                offer.contact_postcode,
                offer.contact_phone,
                offer.contact_email,
            ),
            open_scope=offer.open_scope,
            single_term=offer.single_term,
            declared_on=offer.declared_on,
        )

    def apply_to(self, offer: Offer) -> None:
        # Details are kept as given even when "未…" is chosen: rule R2 then reports them, rather
        # than an import silently dropping what was written. The editor sends them empty.
        offer.self_exploitation = self.self_exploitation
        offer.self_exploitation_period = self.self_exploitation_period.strip()
        offer.self_exploitation_scope = self.self_exploitation_scope.strip()
        offer.self_exploitation_manner = self.self_exploitation_manner.strip()
        offer.licensing = self.licensing
        offer.licensing_period = self.licensing_period.strip()
        offer.licensing_scope = self.licensing_scope.strip()
        offer.licensing_kind = self.licensing_kind
        offer.licence_expiry = self.licence_expiry
        offer.fee = fee_json(self.fee)
        offer.other_terms = self.other_terms
        offer.contact_name = self.contact.name.strip()
        offer.contact_address = self.contact.address.strip()
        offer.contact_postcode = self.contact.postcode.strip()
        offer.contact_phone = self.contact.phone.strip()
        offer.contact_email = self.contact.email.strip()
        offer.open_scope = self.open_scope.strip()
        offer.single_term = self.single_term.strip()
        offer.declared_on = self.declared_on

    def to_dict(self) -> dict[str, Any]:
        """A stable, JSON-ready form (snapshots, drafts)."""
        data = asdict(self)
        data["fee"] = json.loads(fee_json(self.fee))
        for key in ("licence_expiry", "declared_on"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        return data


def fee_json(fee: Any) -> str:
    """Fee data as stored: the chosen option's own parameters only, exact decimals."""
    if isinstance(fee, FeeOption):
        return json.dumps(fee.only_chosen().to_dict(), ensure_ascii=False, sort_keys=True)
    reading = read_fee(fee)
    if reading.ticked or any(f.code == "fee.option_unknown" for f in reading.findings):
        # Keep what was imported so the finding stays visible until the clerk chooses.
        return json.dumps(fee, ensure_ascii=False, sort_keys=True, default=str)
    return json.dumps(reading.fee.only_chosen().to_dict(), ensure_ascii=False, sort_keys=True)


def _required(text: str, field_name: str, findings: list[Finding]) -> None:
    if not text.strip():
        findings.append(error("offer.required", field_name))


def check_offer(
    offer: OfferFields,
    patent: PatentFields,
    *,
    today: dt.date | None = None,
) -> list[Finding]:
    """Rules R1–R7 on one information sheet (and so its declaration)."""
    today = today or dt.date.today()
    findings: list[Finding] = []

    # R1, R5: the patent itself. Its errors block the offer; its warnings stay with the patent.
    patent_findings = check_patent(patent, today=today)
    for finding in patent_findings:
        if finding.is_error:
            findings.append(
                error("offer.patent_has_errors", "patent", nested_code=finding.code,
                      nested_field=finding.field, **dict(finding.params))
            )

    # Texts no longer than their columns (the office server refuses longer ones).
    from app.models.column_limits import text_limit
    from app.models.entities import Offer as OfferRecord
    from app.models.ranges import text_finding

    for key, attribute, text in (
            ("contact.name", "contact_name", offer.contact.name),
            ("contact.address", "contact_address", offer.contact.address),
            ("contact.postcode", "contact_postcode", offer.contact.postcode),
            ("contact.phone", "contact_phone", offer.contact.phone),
            ("contact.email", "contact_email", offer.contact.email),
            ("open_scope", "open_scope", offer.open_scope),
            ("single_term", "single_term", offer.single_term)):
        if (too_long := text_finding(key, text.strip(), "name",
                                     text_limit("name", OfferRecord, attribute))) is not None:
            findings.append(too_long)

    # R7: in force, not under an exclusive or sole licence, not pledged.
    if patent.legal_status != LegalStatus.VALID.value:
        findings.append(error("offer.patent_not_in_force", "patent", status=patent.legal_status))
    kind = parse_kind(patent)
    expiry = patent_expiry(kind, patent.filing_date, patent.term_compensation_days,
                           patent.expiry_override)
    if expiry is not None and expiry.date < today:
        findings.append(error("offer.patent_term_ended", "patent", expiry=expiry.date))
    if patent.pledged:
        findings.append(error("offer.patent_pledged", "patent"))

    # R2: ③ exactly one alternative; details only with "已…".
    _check_alternative(
        offer.self_exploitation,
        {s.value for s in SelfExploitation},
        SelfExploitation.IMPLEMENTED.value,
        "self_exploitation",
        {
            "self_exploitation_period": offer.self_exploitation_period,
            "self_exploitation_scope": offer.self_exploitation_scope,
            "self_exploitation_manner": offer.self_exploitation_manner,
        },
        findings,
    )
    _check_alternative(
        offer.licensing,
        {s.value for s in Licensing},
        Licensing.LICENSED.value,
        "licensing",
        {"licensing_period": offer.licensing_period, "licensing_scope": offer.licensing_scope},
        findings,
    )
    if offer.licensing == Licensing.LICENSED:
        if offer.licensing_kind in (LicenceKind.EXCLUSIVE, LicenceKind.SOLE):
            findings.append(
                error("offer.exclusive_licence", "licensing_kind", kind=offer.licensing_kind)
            )
        elif offer.licensing_kind and offer.licensing_kind not in {k.value for k in LicenceKind}:
            findings.append(error("offer.choice_unknown", "licensing_kind",
                                  value=offer.licensing_kind))

    # R3: ⑤ not after the patent's expiry; after today and after the declaration date.
    for key, day in (("licence_expiry", offer.licence_expiry),
                     ("declared_on", offer.declared_on)):
        if (out_of_range := date_finding(key, day)) is not None:
            findings.append(out_of_range)
    if offer.licence_expiry is None:
        findings.append(error("offer.required", "licence_expiry"))
    else:
        if expiry is not None and offer.licence_expiry > expiry.date:
            findings.append(
                error(
                    "offer.licence_after_patent_expiry",
                    "licence_expiry",
                    licence_expiry=offer.licence_expiry,
                    patent_expiry=expiry.date,
                )
            )
        if offer.licence_expiry <= today:
            findings.append(
                error("offer.licence_expiry_not_future", "licence_expiry",
                      licence_expiry=offer.licence_expiry)
            )
        elif offer.declared_on is not None and offer.licence_expiry <= offer.declared_on:
            findings.append(
                error(
                    "offer.licence_expiry_before_declaration",
                    "licence_expiry",
                    licence_expiry=offer.licence_expiry,
                    declared_on=offer.declared_on,
                )
            )

    # R4: ⑥ one option with sound parameters.
    reading = read_fee(offer.fee)
    findings.extend(reading.findings)
    if not reading.ticked:
        findings.extend(check_fee(reading.fee))

    # R6: ⑧ contact.
    contact = offer.contact
    _required(contact.name, "contact.name", findings)
    _required(contact.address, "contact.address", findings)
    findings.extend(check_postcode(contact.postcode, "contact.postcode", required=True))
    findings.extend(check_phone(contact.phone, "contact.phone", required=True))
    findings.extend(check_email(contact.email, "contact.email", required=True))

    # What the summary list needs; the sheet prints without it, so only warnings here.
    if not offer.open_scope.strip():
        findings.append(warning("offer.summary_field_missing", "open_scope"))
    if not offer.single_term.strip():
        findings.append(warning("offer.summary_field_missing", "single_term"))
    if offer.declared_on is None:
        findings.append(warning("offer.declared_on_missing", "declared_on"))
    elif offer.declared_on > today:
        findings.append(warning("offer.declared_on_future", "declared_on",
                                declared_on=offer.declared_on))
    return findings


def parse_kind(patent: PatentFields) -> Any:
    from app.models.patent_number import PatentKind, parse

    derived = parse(patent.number).kind
    if derived is not None:
        return derived
    try:
        return PatentKind(patent.entered_kind) if patent.entered_kind else None
    except ValueError:
        return None


def _check_alternative(
    chosen: str,
    allowed: set[str],
    with_details: str,
    field_name: str,
    details: dict[str, str],
    findings: list[Finding],
) -> None:
    if not chosen:
        findings.append(error("offer.choose_one", field_name))
        return
    if chosen not in allowed:
        findings.append(error("offer.choice_unknown", field_name, value=chosen))
        return
    for name, text in details.items():
        if chosen == with_details and not text.strip():
            findings.append(error("offer.detail_required", name))
        elif chosen != with_details and text.strip():
            findings.append(error("offer.detail_not_allowed", name))


def check_offer_record(offer: Offer, *, today: dt.date | None = None) -> list[Finding]:
    patent: Patent = offer.patent
    return check_offer(OfferFields.of(offer), PatentFields.of(patent), today=today)


def default_licence_expiry(
    patent_expiry_date: dt.date | None, years: int | None, today: dt.date
) -> dt.date | None:
    """The bulk default: the patent's last day, or `years` from today capped at it."""
    if years is None:
        return patent_expiry_date
    from app.models.term import add_years

    target = add_years(today, years)
    if patent_expiry_date is not None and target > patent_expiry_date:
        return patent_expiry_date
    return target


def snapshot(offer: OfferFields, patent: PatentFields) -> str:
    """What a document was finalised with, as stable JSON."""
    patent_data = asdict(patent)
    for key, value in list(patent_data.items()):
        if isinstance(value, dt.date):
            patent_data[key] = value.isoformat()
        elif isinstance(value, tuple):
            patent_data[key] = list(value)
    return json.dumps({"offer": offer.to_dict(), "patent": patent_data}, ensure_ascii=False,
                      sort_keys=True)


def changed_fields(old_snapshot: str, offer: OfferFields, patent: PatentFields) -> list[str]:
    """Names of the fields that differ from a finalised snapshot (to say what an edit undid)."""
    try:
        old = json.loads(old_snapshot)
    except ValueError:
        return []
    new = json.loads(snapshot(offer, patent))
    out: list[str] = []
    for part in ("patent", "offer"):
        for key in sorted(set(old.get(part, {})) | set(new[part])):
            if old.get(part, {}).get(key) != new[part].get(key):
                out.append(key if part == "offer" else f"patent.{key}")
    return out


def summary_names(names: Sequence[str]) -> str:
    """All patentees in order, as the summary list writes them."""
    return "、".join(names)
