"""Clerk actions on the operations-centre summary table (河南省高校知识产权运营管理中心建设工作
总结表, notice 000 附件 3): open, check, save, finalise, attach a policy document, render, and
whether the Henan package may go without it.

Shared by the window (app/ui/ops_centre_editor.py) and the command line. No Qt, no printing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.models import ops_centre_records as records
from app.models.findings import Finding, error
from app.models.ops_centre import OpsCentreData, OpsCentreFields, report_data_hash
from app.models.ops_centre_records import ListedUniversity, ReportSave
from app.models.store import Store

DOCUMENT_KIND = "ops_centre_table"  # app.submit.presets.DocumentKind.OPS_CENTRE_TABLE
PDF_NAME = "运营管理中心建设工作总结表.pdf"
TABLES_NAME = "运营管理中心建设工作总结表.xlsx"


def default_year(today: dt.date | None = None) -> int:
    """The report year a clerk most likely means: this year (the notice asks in December)."""
    return (today or dt.date.today()).year


def report_years(store: Store) -> list[int]:
    return records.report_years(store)


def open_report(store: Store, year: int) -> OpsCentreFields:
    """The saved report of the year, or a new one: the school's details (一), the lead
    department and the leading group carried over from the newest earlier report, else the
    unit's first contact filled in — typed once, not every year."""
    saved = records.load_report(store, year)
    if saved is not None:
        return saved
    earlier = [r for r in records.all_reports(store) if r.report_year < year]
    if earlier:
        last = earlier[-1]
        return OpsCentreFields(year, basic=dict(last.basic),
                               lead_department=last.lead_department,
                               leading_group=last.leading_group)
    org = store.organisation()
    basic: dict[str, str] = {}
    if org.contacts:
        contact = org.contacts[0]
        basic = {"contact": contact.name, "contact_mobile": contact.mobile,
                 "office_phone": contact.office_phone, "contact_email": contact.email}
    return OpsCentreFields(year, basic={k: v for k, v in basic.items() if v})


def check_report(store: Store, fields: OpsCentreFields, *, today: dt.date | None = None
                 ) -> OpsCentreData:
    """The report as typed, with the figures from the registers and every finding."""
    return records.report_data(store, fields.report_year, fields, today=today)


def save_report(store: Store, fields: OpsCentreFields, *, today: dt.date | None = None,
                expected_version: int | None = None) -> ReportSave:
    return records.save_report(store, fields, today=today, expected_version=expected_version)


def finalise_report(store: Store, year: int, *, today: dt.date | None = None) -> ReportSave:
    return records.finalise_report(store, year, today=today)


def report_state(store: Store, year: int) -> str | None:
    return records.report_state(store, year)


def all_reports(store: Store) -> list[OpsCentreFields]:
    return records.all_reports(store)


def attach_policy_document(store: Store, fields: OpsCentreFields, row: int, path: str | Path
                           ) -> OpsCentreFields:
    """Store the file of 2.2's document `row` (0-based) and return the fields pointing at it."""
    name, digest = records.store_document(store, path)
    documents = list(fields.documents)
    documents[row] = replace(documents[row], file_name=name, file_sha256=digest)
    return replace(fields, documents=tuple(documents))


@dataclass(frozen=True)
class RenderedReport:
    """What `render_report` wrote; `draft` when the report has errors (marked 草稿, not
    recorded for a package)."""

    paths: tuple[Path, ...] = ()
    findings: tuple[Finding, ...] = ()
    draft: bool = False

    @property
    def written(self) -> bool:
        return bool(self.paths)


def render_report(store: Store, year: int, out: str | Path, *,
                  today: dt.date | None = None) -> RenderedReport:
    """Write the PDF and the workbook of the saved report of `year` into `out`.

    A report with errors is still written, marked 草稿, and nothing is recorded; a clean one is
    recorded so that the Henan package can take it.
    """
    from app.export.excel.ops_centre import ops_centre_bytes
    from app.export.excel.workbook import ExcelExportError
    from app.export.offer_documents import missing_glyph_findings
    from app.export.pdf import StagedFile, stage_file
    from app.export.pdf.ops_centre import render_ops_centre
    from app.export.pdf.summary_book import UnprintableText
    from app.export.placing import record_then_place
    from app.file_names import safe_file_name
    from app.models.entities import GeneratedDocument
    from app.os_errors import reason_params

    data = records.report_data(store, year, today=today)
    findings = list(data.findings)
    draft = bool(data.errors)
    try:
        pdf = render_ops_centre(data, watermark=draft)
    except UnprintableText as exc:
        return RenderedReport((), (*findings, *missing_glyph_findings(exc.missing)), True)
    folder = Path(out)
    staged: list[StagedFile] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Windows-safe names that fit the folder (MAX_PATH), as every output file is named.
        pdf_path = folder / safe_file_name(PDF_NAME.removesuffix(".pdf"), extension=".pdf",
                                           folder=folder)
        tables_path = folder / safe_file_name(TABLES_NAME.removesuffix(".xlsx"),
                                              extension=".xlsx", folder=folder)
        staged.append(stage_file(pdf_path, pdf))
    except OSError as exc:
        return RenderedReport((), (*findings, error("pdf.write_failed", "file",
                                                    path=str(exc.filename or folder),
                                                    **reason_params(exc))), draft)
    try:
        staged.append(stage_file(tables_path, ops_centre_bytes(data)))
    except ExcelExportError as exc:
        findings.append(error(exc.code, "file", **exc.params))
    except OSError as exc:
        findings.append(error("export.write_failed", "file", path=str(tables_path),
                              **reason_params(exc)))
    # Recorded, then renamed into place: a kill in between leaves scratch or a recorded table
    # shown as missing, never a finished table the register does not know.
    document = None if draft else GeneratedDocument(
        kind=DOCUMENT_KIND, subject=str(year), path=str(pdf_path.resolve()),
        sha256=hashlib.sha256(pdf).hexdigest(), size=len(pdf),
        data_hash=report_data_hash(data), draft=False)
    placed = record_then_place(store, staged, [document, None][:len(staged)])
    if placed.failed is not None:
        path, failure = placed.failed
        code = "pdf.write_failed" if path == pdf_path else "export.write_failed"
        findings.append(error(code, "file", path=str(path), **reason_params(failure)))
    return RenderedReport(tuple(placed.paths), tuple(findings), draft)


def report_current(store: Store, document: Any) -> bool:
    """Whether a generated table still prints what the records say now."""
    try:
        year = int(document.subject)
    except (TypeError, ValueError):
        return False
    data = records.report_data(store, year)
    return bool(report_data_hash(data) == document.data_hash)


# The Henan package --------------------------------------------------------------------------


def listed_universities(store: Store) -> list[ListedUniversity]:
    return records.listed_universities(store)


def set_listed_universities(store: Store, universities: Sequence[ListedUniversity]) -> None:
    records.set_listed_universities(store, list(universities))


def builds_centre(store: Store) -> bool:
    """Whether the unit is a 省知识产权运营管理中心建设高校 on the (editable) 附件 2 list."""
    return records.builds_centre(store, store.organisation().name)


@dataclass(frozen=True)
class PackageRequirement:
    """What the Henan package needs of the ops-centre table."""

    required: bool
    findings: list[Finding] = field(default_factory=list)


def henan_package_requirement(store: Store, document_kinds: Sequence[str], *,
                              not_needed: bool = False, year: int | None = None
                              ) -> PackageRequirement:
    """A centre university's Henan package needs its ops-centre table: an error while no
    current, clean table is generated, unless the clerk says it is not needed this time."""
    if DOCUMENT_KIND not in document_kinds or not builds_centre(store):
        return PackageRequirement(False)
    if not_needed:
        return PackageRequirement(False)
    unit = store.organisation().name
    generated = [d for d in store.generated_documents()
                 if d.kind == DOCUMENT_KIND and not d.draft and d.offer_id is None]
    if year is not None:
        generated = [d for d in generated if d.subject == str(year)]
    saved = records.report_years(store)
    wanted = year or (saved[0] if saved else default_year())
    if not generated:
        return PackageRequirement(True, [error("ops.package_needs_report", "items", unit=unit,
                                               year=wanted)])
    newest = generated[-1]
    if not report_current(store, newest):
        data = records.report_data(store, int(newest.subject))
        if data.errors:
            return PackageRequirement(True, [error("ops.package_report_errors", "items",
                                                   year=newest.subject,
                                                   count=len(data.errors))])
    return PackageRequirement(True)
