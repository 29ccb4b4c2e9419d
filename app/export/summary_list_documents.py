"""The files of a batch's summary list (湖北省专利开放许可（试点）汇总表), headless (no Qt).

:func:`write_summary_list_documents` is the one call for the window and the command line: it
builds the batch's list from the records (``Store.summary_list``), checks every character
against the PDF font, lays the PDF out in memory, then writes ``汇总表.pdf`` (what Hubei wants,
sealed beside 单位名称（盖章）) and ``汇总表.xlsx`` (the same table as a workbook) into a folder,
each atomically, and records both as ``GeneratedDocument`` (kinds ``summary_list`` and
``summary_list_xlsx``, subject = the batch's name) with the file's SHA-256 and size and the
SHA-256 of the list's data.  It never raises for bad data or an unwritable file: everything
goes into the result's findings, together with the offers the list left out.

:func:`summary_list_status` later says whether the recorded files still match the batch's
data and the files on disk ("PDF out of date" after an edit).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.export.excel.summary_list import DOCUMENT_KIND as XLSX_KIND
from app.export.excel.summary_list import generated_document as xlsx_document
from app.export.excel.summary_list import summary_list_bytes
from app.export.excel.workbook import ExcelExportError
from app.export.excel.workbook import WrittenFile as WrittenWorkbook
from app.export.offer_documents import Freshness, RecordedDocument, file_sha256
from app.export.pdf import MissingGlyph, StagedFile, check_text, stage_file
from app.export.pdf.summary_list import field_heading, render_summary_list, summary_list_texts
from app.file_names import safe_file_name
from app.models.entities import GeneratedDocument
from app.models.findings import Finding, Severity, error
from app.models.summary_list import SummaryList
from app.os_errors import reason_of, reason_params

if TYPE_CHECKING:
    from app.models.store import Store

log = logging.getLogger(__name__)

PDF_KIND = "summary_list"  # what the submission package looks for (DocumentKind.SUMMARY_LIST)
KINDS = (PDF_KIND, XLSX_KIND)
FILE_STEM = "汇总表"

__all__ = [
    "FILE_STEM",
    "KINDS",
    "PDF_KIND",
    "XLSX_KIND",
    "SummaryListFile",
    "SummaryListResult",
    "SummaryListStatus",
    "file_names",
    "missing_glyph_findings",
    "summary_list_status",
    "write_summary_list_documents",
]


@dataclass(frozen=True)
class SummaryListFile:
    """A file written and recorded; ``document_id`` is its ``GeneratedDocument`` (None when
    not recorded)."""

    kind: str
    path: Path
    sha256: str
    size: int
    document_id: int | None


@dataclass
class SummaryListResult:
    summary: SummaryList | None  # None: no such batch
    files: list[SummaryListFile] = field(default_factory=list)
    # The list's own findings (offers left out, empty fields, no unit name) and why a file
    # was not written.
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Both files were written and nothing stands in the way of printing."""
        return len(self.files) == len(KINDS) and not any(f.is_error for f in self.findings)

    def file(self, kind: str) -> SummaryListFile | None:
        return next((f for f in self.files if f.kind == kind), None)

    @property
    def pdf(self) -> SummaryListFile | None:
        return self.file(PDF_KIND)

    @property
    def workbook(self) -> SummaryListFile | None:
        return self.file(XLSX_KIND)


def file_names(stem: str = FILE_STEM, folder: Path | None = None) -> dict[str, str]:
    """``{kind: file name}``: 汇总表.pdf and 汇总表.xlsx, through app.file_names (valid on
    Windows, within MAX_PATH in `folder`; OSError ENAMETOOLONG when it leaves no room)."""
    return {kind: safe_file_name(stem, FILE_STEM, extension=f".{kind_ext}", folder=folder)
            for kind, kind_ext in ((PDF_KIND, "pdf"), (XLSX_KIND, "xlsx"))}


def missing_glyph_findings(missing: Iterable[MissingGlyph]) -> list[Finding]:
    """``summary_list.missing_glyph`` errors naming the character, its code point, the record
    (the patent number, or the header line) and the column as printed."""
    return [
        Finding("range.text", m.field, Severity.ERROR, {"length": m.length, "limit": m.limit})
        if m.limit else
        Finding("summary_list.missing_glyph", m.field, Severity.ERROR,
                {"char": m.char, "codepoint": m.code, "record": m.record,
                 "column": field_heading(m.field)})
        for m in missing
    ]


def _write_failed(path: Path, reason: Mapping[str, Any]) -> Finding:
    return error("summary_list.write_failed", "file", path=str(path), **reason)


def write_summary_list_documents(
    store: Store,
    batch_id: int,
    out_dir: str | Path,
    *,
    stem: str = FILE_STEM,
    generated_at: dt.datetime | None = None,
) -> SummaryListResult:
    """Write ``<stem>.pdf`` and ``<stem>.xlsx`` of the batch into ``out_dir`` and record them.

    Nothing is written when a character cannot be printed or the PDF cannot be laid out.
    A file that cannot be written (e.g. open in WPS or a PDF reader) becomes a
    ``summary_list.write_failed`` finding; the other file is still written and recorded.
    """
    summary, listed = store.summary_list(batch_id)
    result = SummaryListResult(summary, findings=list(listed))
    if summary is None:
        return result
    # Before any layout or writing: a missing glyph would print as an empty box.
    missing = check_text(summary_list_texts(summary))
    if missing:
        result.findings += missing_glyph_findings(missing)
        return result
    try:
        pdf = render_summary_list(summary)
    except Exception as exc:  # a layout failure is a finding, not a crash of the window
        log.exception("laying out the summary list of batch %s failed", batch_id)
        result.findings.append(error("summary_list.render_failed", "file", **reason_params(exc)))
        return result

    out = Path(out_dir)
    try:
        names = file_names(stem, out.absolute())
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        result.findings.append(_write_failed(out, reason_params(exc)))
        return result

    documents: list[GeneratedDocument] = []
    written: list[tuple[str, Path, str, int]] = []
    stamp = generated_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    pdf_path = out / names[PDF_KIND]
    staged: StagedFile | None = None  # renamed into place once recorded
    try:
        staged = stage_file(pdf_path, pdf)
    except OSError as exc:
        result.findings.append(_write_failed(pdf_path, reason_params(exc)))
    else:
        digest = hashlib.sha256(pdf).hexdigest()
        written.append((PDF_KIND, pdf_path, digest, len(pdf)))
        documents.append(GeneratedDocument(
            kind=PDF_KIND, subject=summary.subject, path=str(pdf_path.resolve()),
            sha256=digest, size=len(pdf), data_hash=summary.data_hash(), draft=False,
            generated_at=stamp,
        ))
    staged_files = [staged] if staged is not None else []
    xlsx_path = out / names[XLSX_KIND]
    try:
        data = summary_list_bytes(summary)
        staged_files.append(stage_file(xlsx_path, data))
    except ExcelExportError as exc:
        reason = reason_of(exc.params) or {"reason": exc.code}
        result.findings.append(_write_failed(xlsx_path, reason))
    except OSError as exc:
        result.findings.append(_write_failed(xlsx_path, reason_params(exc)))
    else:
        workbook = WrittenWorkbook(xlsx_path, hashlib.sha256(data).hexdigest(), len(data))
        written.append((XLSX_KIND, workbook.path, workbook.sha256, workbook.size))
        documents.append(xlsx_document(summary, workbook, stamp))

    # Recorded first, then renamed into place: a kill in between leaves scratch or a recorded
    # file shown as missing, never a finished file the register does not know.
    try:
        ids: Sequence[int | None] = (store.record_generated_documents(documents) if documents
                                     else [])
    except BaseException:
        for file in staged_files:
            file.discard()
        raise
    placed = []
    for file, entry, document_id in zip(staged_files, written, ids, strict=True):
        try:
            file.commit()
        except OSError as exc:  # not in place: its record is taken back
            result.findings.append(_write_failed(file.target, reason_params(exc)))
            if document_id is not None:
                store.unrecord_generated_documents([document_id])
        else:
            placed.append((entry, document_id))
    result.files = [SummaryListFile(kind, path, digest, size, document_id)
                    for (kind, path, digest, size), document_id in placed]
    return result


# --------------------------------------------------------------------------------- status


@dataclass(frozen=True)
class SummaryListStatus:
    batch_id: int
    freshness: Freshness
    documents: tuple[RecordedDocument, ...] = ()  # the latest generation's files

    @property
    def current(self) -> bool:
        return self.freshness is Freshness.CURRENT

    @property
    def out_of_date(self) -> bool:
        return self.freshness not in (Freshness.NONE, Freshness.CURRENT)

    def document(self, kind: str = PDF_KIND) -> RecordedDocument | None:
        """The recorded file of ``kind`` (its ``id`` goes into a submission package)."""
        return next((d for d in self.documents if d.kind == kind), None)

    def finding(self) -> Finding | None:
        """A warning for the window or the command line, None when nothing needs saying."""
        if not self.out_of_date:
            return None
        paths = [str(d.path) for d in self.documents]
        return Finding(f"document.{self.freshness.value}", "summary_list", Severity.WARNING,
                       {"paths": "、".join(paths), "count": len(paths)})


def summary_list_status(store: Store, batch_id: int, *,
                        check_files: bool = True) -> SummaryListStatus:
    """Whether the batch's recorded summary-list files were made from the data as it is now
    and (with ``check_files``) are still on disk with the bytes that were written."""
    summary, _ = store.summary_list(batch_id)
    if summary is None:
        return SummaryListStatus(batch_id, Freshness.NONE)
    rows = store.documents_about(summary.subject, KINDS)
    if not rows:
        return SummaryListStatus(batch_id, Freshness.NONE)
    latest = max(r.generated_at for r in rows)  # one call stamps both of its files alike
    documents = tuple(RecordedDocument.of(r) for r in rows if r.generated_at == latest)
    current = summary.data_hash()
    if any(d.data_hash != current for d in documents):
        return SummaryListStatus(batch_id, Freshness.DATA_CHANGED, documents)
    if check_files:
        for d in documents:
            try:
                if file_sha256(d.path) != d.sha256:
                    return SummaryListStatus(batch_id, Freshness.FILE_CHANGED, documents)
            except OSError:
                return SummaryListStatus(batch_id, Freshness.FILE_MISSING, documents)
    return SummaryListStatus(batch_id, Freshness.CURRENT, documents)
