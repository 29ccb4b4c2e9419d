"""The summary book and the deal tables of a period: write the PDF and the workbooks.

The book's data and findings come from the records (Store.summary_book_data). The files are
written whatever the findings, so a book with errors can still be read, but its PDF says 草稿
and nothing is recorded for a package: only a clean book can be sent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.file_names import safe_file_name
from app.models.findings import Finding, Severity, error
from app.os_errors import reason_params

if TYPE_CHECKING:
    from app.export.pdf import StagedFile
    from app.models.store import Store
    from app.models.summary_book import SummaryBookData

Progress = Callable[..., None]  # progress(done, total, file name)
Cancelled = Callable[[], bool]

BOOK_PDF = "总结书.pdf"
BOOK_TABLES = "统计表和达成项目清单.xlsx"
XINYANG_FILES = {"statistics_table": "专利开放许可试点情况统计表.xlsx",
                 "deal_list": "专利开放许可试点达成项目清单.xlsx"}

# Findings that say a file could not be written (the folder, the disk), not the data.
WRITE_FAILURES = frozenset({"pdf.write_failed", "export.write_failed"})


class BookOutput(StrEnum):
    """What one writing action produces."""

    PDF = "pdf"  # 总结书.pdf (the Henan tables are bound into it)
    TABLES = "excel"  # 统计表和达成项目清单.xlsx: 三 and 四 as a workbook
    XINYANG = "xinyang"  # 信阳 附件 1 and 附件 2, each its own workbook


@dataclass(frozen=True)
class BookFile:
    """A file to write: its document kind for the package ("" when it is never sent on its
    own) and its name."""

    kind: str
    name: str


def book_files(what: str, *, period_end: str, county: str = "") -> list[BookFile]:
    """The files `what` writes for the book ending `period_end` (YYYY-MM): one naming rule
    for the window and the command line. The names carry the period (and a Xinyang county
    first), so books of several periods share a folder: 总结书_2023-11.pdf."""

    def named(name: str, prefix: str = "") -> str:
        stem, _dot, suffix = name.rpartition(".")
        return safe_file_name(f"{prefix}{stem}_{period_end}", stem, extension=f".{suffix}")

    if what == BookOutput.PDF:
        return [BookFile("summary_book", named(BOOK_PDF))]
    if what == BookOutput.TABLES:
        return [BookFile("", named(BOOK_TABLES))]
    prefix = f"{county.strip()}_" if county.strip() else ""
    return [BookFile(kind, named(name, prefix)) for kind, name in XINYANG_FILES.items()]


def book_data(store: Store, period: str) -> SummaryBookData | None:
    """The book of the month `period` (YYYY-MM) as the records give it; None for a period
    that is not a month."""
    data: SummaryBookData | None = store.summary_book_data(period)
    return data


@dataclass(frozen=True)
class WrittenBookFile:
    kind: str
    path: Path
    sha256: str
    size: int


@dataclass
class BookFilesWritten:
    """What `write_book_files` wrote, and why it stopped if it did."""

    written: list[WrittenBookFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # why a file could not be written
    draft: bool = False  # the book has errors: marked 草稿 and not recorded
    recorded: bool = False

    @property
    def unwritable(self) -> bool:
        """A file or the folder could not be written (not a problem of the data)."""
        return any(f.code in WRITE_FAILURES for f in self.findings)


def write_book_files(
    store: Store,
    data: SummaryBookData,
    folder: Path,
    files: Sequence[BookFile],
    *,
    county: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> BookFilesWritten:
    """Write `files` of the book `data` into `folder` (created if need be), then, for a book
    without errors, record the ones with a kind so the package finds them and can tell when
    the records have changed since."""
    result = BookFilesWritten(draft=bool(data.errors))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        result.findings.append(error("export.write_failed", "file", path=str(folder),
                                     **reason_params(exc)))
        return result
    staged: list[tuple[StagedFile, WrittenBookFile]] = []
    finished = _stage_book_files(data, folder, files, county, progress, cancelled, result,
                                 staged)
    if finished and progress is not None:
        progress(len(files), len(files))
    # What was staged is recorded (a book without errors), then renamed into place: a kill in
    # between leaves scratch or a recorded file shown as missing, never a finished file the
    # register does not know.
    _place(store, data, staged, result)
    return result


def _stage_book_files(
    data: SummaryBookData, folder: Path, files: Sequence[BookFile], county: str | None,
    progress: Progress | None, cancelled: Cancelled | None, result: BookFilesWritten,
    staged: list[tuple[StagedFile, WrittenBookFile]],
) -> bool:
    """Write each file under a scratch name into `staged`; False when it stopped early (a
    finding in `result`, or cancelled)."""
    from app.export.excel.deal_tables import book_tables_bytes, xinyang_tables_bytes
    from app.export.excel.workbook import ExcelExportError
    from app.export.offer_documents import missing_glyph_findings
    from app.export.pdf import stage_file
    from app.export.pdf.summary_book import UnprintableText, render_summary_book

    for done, file in enumerate(files):
        if cancelled is not None and cancelled():
            return False
        if progress is not None:
            progress(done, len(files), file.name)
        path = folder / file.name
        if file.name.endswith(".pdf"):
            try:
                content = render_summary_book(data, watermark=result.draft)
            except UnprintableText as exc:
                result.findings += missing_glyph_findings(exc.missing)
                return False
            failed = "pdf.write_failed"
        else:
            try:
                if file.kind in XINYANG_FILES:
                    statistics = file.kind == "statistics_table"
                    content = xinyang_tables_bytes(data, county=county or None,
                                                   statistics=statistics,
                                                   deal_list=not statistics)
                else:
                    content = book_tables_bytes(data)
            except ExcelExportError as exc:
                result.findings.append(Finding(exc.code, "file", Severity.ERROR, exc.params))
                return False
            failed = "export.write_failed"
        try:
            staged.append((stage_file(path, content), WrittenBookFile(
                file.kind, path, hashlib.sha256(content).hexdigest(), len(content))))
        except OSError as exc:
            result.findings.append(error(failed, "file", path=str(path),
                                         **reason_params(exc)))
            return False
    return True


def _place(store: Store, data: SummaryBookData,
           staged: Sequence[tuple[StagedFile, WrittenBookFile]],
           result: BookFilesWritten) -> None:
    from app.export.placing import record_then_place

    documents = [None if result.draft else _document(data, file) for _, file in staged]
    placed = record_then_place(store, [s for s, _ in staged], documents)
    result.written = [file for _, file in staged[:len(placed.paths)]]
    result.recorded = any(i is not None for i in placed.ids)
    if placed.failed is not None:
        path, failure = placed.failed
        code = "pdf.write_failed" if path.suffix == ".pdf" else "export.write_failed"
        result.findings.append(error(code, "file", path=str(path), **reason_params(failure)))


def _document(data: SummaryBookData, file: WrittenBookFile) -> Any:
    """The record of a book file that the package can take (one with a kind), else None."""
    from app.models.entities import GeneratedDocument
    from app.models.summary_book import book_data_hash

    if not file.kind:
        return None
    return GeneratedDocument(kind=file.kind, subject=data.period.end_month,
                             path=str(file.path.resolve()), sha256=file.sha256,
                             size=file.size, data_hash=book_data_hash(data), draft=False)


