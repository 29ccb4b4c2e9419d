"""Rules on a patent record (FORMS.md §9, rule R1 and the register's own sanity checks).

Each rule returns findings; none builds a sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.models.findings import Finding, error, warning
from app.models.legal_status import LegalStatus
from app.models.patent_number import NumberCheck, PatentKind, parse
from app.models.ranges import TEXT_LIMITS, date_finding, text_finding
from app.models.term import MAX_COMPENSATION_DAYS, Expiry, patent_expiry

if TYPE_CHECKING:  # not at run time: the register checks rows before SQLAlchemy is imported
    from app.models.entities import Patent


@dataclass(frozen=True, slots=True)  # slots: the register holds 50,000 of them
class PatentFields:
    """The fields of a patent as typed, independent of the ORM (the editor checks these live)."""

    number: str
    title: str = ""
    patentees: Sequence[str] = ()
    filing_date: dt.date | None = None
    grant_date: dt.date | None = None
    legal_status: str = LegalStatus.VALID.value
    entered_kind: str | None = None
    term_compensation_days: int | None = None
    expiry_override: dt.date | None = None
    expiry_override_note: str = ""
    remarks: str = ""
    pledged: bool = False  # 质押 (rule R7 on offers)

    @classmethod
    def of(cls, patent: Patent) -> PatentFields:
        return cls(
            number=patent.number,
            title=patent.title,
            patentees=tuple(patent.patentees),
            filing_date=patent.filing_date,
            grant_date=patent.grant_date,
            legal_status=patent.legal_status,
            entered_kind=patent.entered_kind,
            term_compensation_days=patent.term_compensation_days,
            expiry_override=patent.expiry_override,
            expiry_override_note=patent.expiry_override_note,
            remarks=patent.remarks,
            pledged=bool(patent.pledged),
        )


def check_patent(fields: PatentFields, *, today: dt.date | None = None) -> list[Finding]:
    return check_patent_parts(fields, today=today)[0]


def check_patent_parts(
    fields: PatentFields, *, today: dt.date | None = None, number: NumberCheck | None = None
) -> tuple[list[Finding], NumberCheck, PatentKind | None, Expiry | None]:
    """`check_patent`'s findings with what it worked out on the way: the number read, the type
    (the number's, else the one entered) and the expiry. The register shows these in its cells;
    taking them from here spares it parsing the number and computing the expiry again.

    `number`: `fields.number` as the caller already parsed it in `today`'s year (an import
    reads each number before the rules see it), so it is not parsed again."""
    today = today or dt.date.today()
    findings: list[Finding] = []

    if number is None:
        number = parse(fields.number, today=today)
    findings.extend(number.findings)
    kind: PatentKind | None = number.kind
    if fields.entered_kind:
        try:
            entered = PatentKind(fields.entered_kind)
        except ValueError:
            findings.append(error("kind.unknown", "kind", kind=fields.entered_kind))
        else:
            if kind is not None and entered is not kind:
                findings.append(
                    error("kind.mismatch", "kind", entered=entered.value, derived=kind.value)
                )
            kind = kind or entered

    if not fields.title.strip():
        findings.append(error("title.required", "title"))

    names = [n.strip() for n in fields.patentees]
    if not any(names):
        findings.append(error("patentees.required", "patentees"))
    else:
        if any(not n for n in names):
            findings.append(error("patentees.blank", "patentees"))
        seen: set[str] = set()
        for name in names:
            if name and name in seen:
                findings.append(error("patentees.duplicate", "patentees", name=name))
            seen.add(name)

    if fields.filing_date is None:
        findings.append(error("filing_date.required", "filing_date"))
    else:
        if fields.filing_date > today:
            findings.append(error("filing_date.future", "filing_date", date=fields.filing_date))
        if number.number is not None and number.number.filing_year != fields.filing_date.year:
            # A PCT national-phase number carries the entry year, not the international filing
            # date the term runs from: there a difference is expected, so only a warning.
            make = warning if number.number.is_pct else error
            findings.append(
                make(
                    "filing_date.year_mismatch",
                    "filing_date",
                    number_year=number.number.filing_year,
                    year=fields.filing_date.year,
                )
            )

    texts = (fields.title, fields.remarks, fields.expiry_override_note, *fields.patentees)
    # Nothing is too long within the shortest limit (a name's): the usual case, checked at once.
    if max(map(len, filter(None, texts)), default=0) > TEXT_LIMITS["name"]:
        for key, text, room in (("title", fields.title, "name"),
                                ("remarks", fields.remarks, "note"),
                                ("expiry_override_note", fields.expiry_override_note, "note"),
                                *(("patentees", name, "name") for name in fields.patentees)):
            if (too_long := text_finding(key, text or "", room)) is not None:
                findings.append(too_long)
    for key, day in (("filing_date", fields.filing_date), ("grant_date", fields.grant_date),
                     ("expiry_override", fields.expiry_override)):
        if (out_of_range := date_finding(key, day)) is not None:
            findings.append(out_of_range)
    if fields.grant_date is not None:
        if fields.filing_date is not None and fields.grant_date < fields.filing_date:
            findings.append(
                error(
                    "grant_date.before_filing",
                    "grant_date",
                    grant=fields.grant_date,
                    filing=fields.filing_date,
                )
            )
        if fields.grant_date > today:
            findings.append(error("grant_date.future", "grant_date", date=fields.grant_date))
    elif fields.legal_status == LegalStatus.VALID.value:
        findings.append(warning("grant_date.missing", "grant_date"))

    try:
        status = LegalStatus(fields.legal_status)
    except ValueError:
        findings.append(error("legal_status.unknown", "legal_status", status=fields.legal_status))
        status = None

    days = fields.term_compensation_days
    if days:
        if days < 0:
            findings.append(error("compensation.negative", "term_compensation_days", days=days))
        elif days > MAX_COMPENSATION_DAYS:
            findings.append(error("compensation.too_large", "term_compensation_days", days=days,
                                  limit=MAX_COMPENSATION_DAYS))
        elif kind is not None and kind is not PatentKind.INVENTION:
            findings.append(
                error("compensation.not_invention", "term_compensation_days", kind=kind.value)
            )

    if fields.expiry_override is not None and not fields.expiry_override_note.strip():
        findings.append(warning("expiry_override.note_missing", "expiry_override_note"))

    expiry = patent_expiry(kind, fields.filing_date, days, fields.expiry_override)
    if expiry is not None and status is LegalStatus.VALID and expiry.date < today:
        findings.append(warning("legal_status.term_ended", "legal_status", expiry=expiry.date))
    return findings, number, kind, expiry


def check_patent_record(patent: Patent, *, today: dt.date | None = None) -> list[Finding]:
    return check_patent(PatentFields.of(patent), today=today)
