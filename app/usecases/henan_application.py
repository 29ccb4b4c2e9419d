"""Clerk actions on the Henan application and work plan (001, 申报指南).

Load and save (one per plan period), check, write the two PDFs, and offer the figures the
register holds — information sheets declared, licences achieved and their amounts — so that the
clerk inserts them into 工作指标 rather than counting by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.models.findings import Finding, error, has_errors
from app.models.form_records import save_application_version
from app.models.henan_application import (
    APPLICATION_TITLE,
    ApplicationFields,
    HenanApplication,
    check_application,
)
from app.models.store import SaveResult
from app.os_errors import reason_params

if TYPE_CHECKING:
    from app.models.store import Store


def load(store: Store, plan_start_year: int) -> ApplicationFields:
    """The saved application of the plan period, or a new one (`new_application`)."""
    with store.session() as session:
        row = session.scalar(select(HenanApplication)
                             .where(HenanApplication.plan_start_year == plan_start_year))
        if row is not None:
            return ApplicationFields.of(row)
    return new_application(store, plan_start_year)


def new_application(store: Store, plan_start_year: int) -> ApplicationFields:
    """A new application: the first contact of the unit's profile offered as liaison, with the
    unit's fax, address, postcode and e-mail."""
    org = store.organisation()
    first = org.contacts[0] if org.contacts else None
    return ApplicationFields(
        plan_start_year=plan_start_year,
        liaison_name=first.name if first else "",
        liaison_mobile=first.mobile if first else "",
        liaison_department=first.department if first else "",
        liaison_title=first.title if first else "",
        liaison_phone=first.office_phone if first else "",
        liaison_fax=org.fax,
        liaison_address=org.address,
        liaison_postcode=org.postcode,
        liaison_email=(first.email if first else "") or org.email,
    )


def plan_years(store: Store) -> list[int]:
    with store.session() as session:
        return list(session.scalars(select(HenanApplication.plan_start_year)
                                    .order_by(HenanApplication.plan_start_year)))


def check(store: Store, fields: ApplicationFields, *, today: dt.date | None = None
          ) -> list[Finding]:
    return check_application(fields, store.organisation().name, today=today)


def save(store: Store, fields: ApplicationFields, *,
         expected_version: int | None = None) -> SaveResult:
    """Save (errors and all: a draft is kept, marked by its findings); given
    `expected_version`, a save over a newer version is refused (record.changed_elsewhere)."""
    saved = save_application_version(store, fields, expected_version=expected_version)
    if not saved.saved:
        return saved
    return SaveResult(saved.record_id, check(store, fields))


@dataclass(frozen=True)
class RegisterFigures:
    """What the register says about the pilot so far (offered for 工作指标, never retyped)."""

    offers_declared: int  # information sheets finalised or further
    deals: int
    free_deals: int
    paid_deals: int
    paid_amount_wan: Decimal  # by the deal list's footnote rules


def register_figures(store: Store) -> RegisterFigures:
    from app.models.deals import (
        PaymentMethod,
        reported_amount_yuan,
        yuan_to_wan,
    )
    from app.models.entities import DocumentState, Offer

    with store.session() as session:
        declared = len(list(session.scalars(
            select(Offer.id).where(Offer.state != DocumentState.DRAFT.value))))
    deals = store.deals()
    free = sum(1 for d in deals if d.fields.payment.kind is PaymentMethod.FREE)
    amount = sum((reported_amount_yuan(d.fields.payment) for d in deals), Decimal(0))
    return RegisterFigures(declared, len(deals), free, len(deals) - free, yuan_to_wan(amount))


def figures_text(figures: RegisterFigures, today: dt.date) -> str:
    """The figures as a sentence the clerk can insert into 工作指标 and edit."""
    from app.models.deals import format_wan

    return (f"截至{today.year}年{today.month}月{today.day}日，本单位已提出开放许可声明的专利"
            f"{figures.offers_declared}件，达成许可{figures.deals}项（其中免费许可"
            f"{figures.free_deals}项、收费许可{figures.paid_deals}项），收费许可金额合计"
            f"{format_wan(figures.paid_amount_wan)}万元。")


@dataclass(frozen=True)
class ApplicationFiles:
    paths: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    draft: bool = False


def write(store: Store, plan_start_year: int, out_dir: Path, *, draft: bool = False,
          today: dt.date | None = None) -> ApplicationFiles:
    """`河南省专利开放许可试点工作申请书.pdf` and the work plan's PDF in `out_dir`; refused while
    there are errors unless `draft` (then both say 草稿)."""
    from app.export.offer_documents import missing_glyph_findings
    from app.export.pdf import write_atomic
    from app.export.pdf.henan_application import render_application, render_work_plan
    from app.export.pdf.information_sheet import UnprintableText

    fields = load(store, plan_start_year)
    findings = check(store, fields, today=today)
    if has_errors(findings) and not draft:
        return ApplicationFiles([], findings)
    unit = store.organisation()
    when = fields.filed_on or today or dt.date.today()
    try:
        application = render_application(fields, unit, creation_date=when, watermark=draft)
        plan = render_work_plan(fields, unit.name, creation_date=when, watermark=draft)
    except UnprintableText as exc:
        return ApplicationFiles([], findings + missing_glyph_findings(exc.missing), draft)
    mark = "（草稿）" if draft else ""
    paths: list[Path] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        paths.append(write_atomic(out_dir / f"{APPLICATION_TITLE}{mark}.pdf", application))
        paths.append(write_atomic(out_dir / f"{fields.plan_title}{mark}.pdf", plan))
    except OSError as exc:
        return ApplicationFiles([], findings + [error(
            "pdf.write_failed", "application", path=str(out_dir), **reason_params(exc))], draft)
    return ApplicationFiles(paths, [f for f in findings if not f.is_error] if not draft
                            else findings, draft)
