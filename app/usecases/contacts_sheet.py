"""Clerk action: write the contacts sheet (联系人信息表) of a notice, as Excel and PDF.

The rows are the unit's contact persons. A sheet whose profile has errors is written as a
draft (草稿 watermark, （草稿） in the names) and not recorded; a clean one is recorded as a
generated document of its notice's kind, so the Henan and Xinyang packages attach it, and
`is_current` tells a package whether the contacts changed since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.models.contacts_sheet import (
    LAYOUTS,
    ContactsNotice,
    check_contacts_sheet,
    contacts_sheet,
    sheet_data_hash,
)
from app.models.findings import Finding, Severity, error, has_errors
from app.os_errors import reason_params

if TYPE_CHECKING:
    from app.models.store import Store

DOCUMENT_KINDS: frozenset[str] = frozenset(layout.document_kind for layout in LAYOUTS.values())


@dataclass(frozen=True)
class ContactsSheetFiles:
    paths: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    draft: bool = False


def check(store: Store) -> list[Finding]:
    return check_contacts_sheet(store.organisation())


def write(store: Store, notice: ContactsNotice, out_dir: Path, *,
          today: dt.date | None = None) -> ContactsSheetFiles:
    """`<title>.xlsx` and `<title>.pdf` of `notice` in `out_dir`."""
    from app.export.excel.contacts_sheet import contacts_sheet_bytes
    from app.export.excel.workbook import ExcelExportError
    from app.export.offer_documents import missing_glyph_findings
    from app.export.pdf import StagedFile, stage_file
    from app.export.pdf.contacts_sheet import render_contacts_sheet
    from app.export.pdf.information_sheet import UnprintableText
    from app.export.placing import discard, record_then_place
    from app.models.entities import GeneratedDocument

    org = store.organisation()
    findings = check_contacts_sheet(org)
    draft = has_errors(findings)
    sheet = contacts_sheet(org, notice)
    day = today or dt.date.today()
    when = dt.datetime(day.year, day.month, day.day)
    try:
        pdf = render_contacts_sheet(sheet, creation_date=when, watermark=draft)
    except UnprintableText as exc:
        return ContactsSheetFiles([], findings + missing_glyph_findings(exc.missing), draft)
    try:
        xlsx = contacts_sheet_bytes(sheet, when)
    except ExcelExportError as exc:  # a text longer than a cell holds
        return ContactsSheetFiles([], findings + [Finding(exc.code, "contacts", Severity.ERROR,
                                                          exc.params)], draft)
    stem = sheet.layout.file_stem + ("（草稿）" if draft else "")
    staged: list[StagedFile] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staged.append(stage_file(out_dir / f"{stem}.pdf", pdf))
        staged.append(stage_file(out_dir / f"{stem}.xlsx", xlsx))
    except OSError as exc:
        discard(staged)
        return ContactsSheetFiles([], findings + [error(
            "export.write_failed", "contacts", path=str(out_dir / stem), **reason_params(exc))],
            draft)
    # Recorded, then renamed into place: a kill in between leaves scratch or a recorded sheet
    # shown as missing, never a finished sheet the register does not know.
    document = None if draft else GeneratedDocument(
        kind=sheet.layout.document_kind, subject=sheet.unit,
        path=str(staged[0].target.resolve()), sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf), data_hash=sheet_data_hash(sheet), draft=False)
    placed = record_then_place(store, staged, [document, None])
    if placed.failed is not None:
        path, failure = placed.failed
        findings = findings + [error("export.write_failed", "contacts", path=str(path),
                                     **reason_params(failure))]
    return ContactsSheetFiles(placed.paths, findings, draft)


def notice_of_kind(kind: str) -> ContactsNotice | None:
    for notice, layout in LAYOUTS.items():
        if layout.document_kind == kind:
            return notice
    return None


def is_current(store: Store, document: Any) -> bool:
    """Whether a recorded contacts sheet still shows the unit's contacts as they are now."""
    notice = notice_of_kind(document.kind)
    if notice is None:
        return True
    return bool(sheet_data_hash(contacts_sheet(store.organisation(), notice))
                == document.data_hash)
