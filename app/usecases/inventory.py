"""Stock-patent inventory (存量专利盘点): the clerk's actions on the screening of the portfolio.

One public function per action, shared by the screening window and the command line: read the
portfolio with its screening, save one screening, set a field for many patents at once (and undo
it), record an enterprise's feedback, check everything, write the two Anhui tables, list the fees
falling due and the patents expiring. No Qt, no printing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from app.models.annual_fees import DueItem, expiring_within_year, fees_due_within
from app.models.deals import Deal, DealPatent
from app.models.entities import Patent
from app.models.findings import Finding
from app.models.inventory import (
    SCREENING_FIELD_NAMES,
    EnterpriseFeedback,
    FeedbackFields,
    InventoryRow,
    Screening,
    ScreeningFields,
    check_feedback,
    check_screening,
    read_value,
)
from app.models.inventory_tables import (
    ClassificationTable,
    TransferTable,
    classification_table,
    transfer_table,
)
from app.models.patent_number import parse
from app.models.store import Store, stored_number
from app.models.term import patent_expiry

TRANSFER_TABLE_FILE = "高校和科研机构转化专利统计表"
CLASSIFICATION_TABLE_FILE = "高校和科研机构存量可转化专利分类统计表"


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


# Reading ------------------------------------------------------------------------------------


def screenings(store: Store, ids: Iterable[int] | None = None) -> dict[int, ScreeningFields]:
    """patent id → its screening, for the patents that have one."""
    from sqlalchemy import String, type_coerce

    from app.models.inventory import split_intentions
    from app.models.store import stored_date

    # Columns, not ORM objects: the window and the tables read 10,000 of them.
    query = select(
        Screening.patent_id, Screening.intentions, Screening.strategic_category,
        Screening.economy_category, Screening.ipc, Screening.maturity, Screening.prospect,
        Screening.verdict, Screening.licence, Screening.transfer, Screening.abandon,
        Screening.dispute, Screening.evaluator, type_coerce(Screening.evaluated_on, String),
        Screening.note)
    if ids is not None:
        query = query.where(Screening.patent_id.in_(list(ids)))
    out: dict[int, ScreeningFields] = {}
    with store.session() as session:
        for row in session.execute(query):
            out[row[0]] = ScreeningFields(
                split_intentions(row[1]), row[2], row[3], row[4], row[5], row[6], row[7],
                row[8], row[9], bool(row[10]), bool(row[11]), row[12],
                stored_date(row[13]), row[14])
    return out


def inventory_rows(store: Store) -> list[InventoryRow]:
    """Every patent of the register, in register order, with its screening, the deals naming it
    and its number of feedback entries."""
    register = store.patent_register()
    screened = screenings(store)
    deals: dict[int, list[int]] = {}
    feedback: dict[int, int] = {}
    with store.session() as session:
        for patent_id, serial in session.execute(
            select(DealPatent.patent_id, Deal.serial).join(Deal, DealPatent.deal_id == Deal.id)
            .where(DealPatent.patent_id.is_not(None)).order_by(Deal.serial)
        ):
            if patent_id is not None:
                deals.setdefault(patent_id, []).append(serial)
        for patent_id, count in session.execute(
            select(EnterpriseFeedback.patent_id, func.count()).group_by(
                EnterpriseFeedback.patent_id)
        ):
            feedback[patent_id] = count
    rows = []
    for patent_id, p in register:
        derived = parse(p.number).kind
        kind = derived.value if derived is not None else (p.entered_kind or "")
        expiry = patent_expiry(derived or (_kind(p.entered_kind)), p.filing_date,
                               p.term_compensation_days, p.expiry_override)
        rows.append(InventoryRow(
            patent_id=patent_id, number=p.number, title=p.title, kind=kind,
            patentees=tuple(p.patentees), legal_status=p.legal_status,
            filing_date=p.filing_date, grant_date=p.grant_date,
            expiry=expiry.date if expiry is not None else None,
            screening=screened.get(patent_id, ScreeningFields()),
            deal_serials=tuple(deals.get(patent_id, ())),
            feedback_count=feedback.get(patent_id, 0),
        ))
    return rows


def _kind(value: str | None) -> Any:
    from app.models.patent_number import PatentKind

    try:
        return PatentKind(value) if value else None
    except ValueError:
        return None


# Editing ------------------------------------------------------------------------------------


def _write(session: Any, patent_id: int, fields: ScreeningFields | None) -> None:
    row = session.scalar(select(Screening).where(Screening.patent_id == patent_id))
    if fields is None or fields.is_empty:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        from app.models.versions import editor_name

        row = Screening(patent_id=patent_id, updated_by=editor_name())
        session.add(row)
    fields.apply_to(row)


def save_screening(store: Store, patent_id: int, fields: ScreeningFields,
                   *, today: dt.date | None = None,
                   expected_version: int | None = None) -> list[Finding]:
    """Save one patent's screening, findings and all (a draft keeps what was typed). Given
    `expected_version`, a save over a newer version is refused: nothing is written and the
    only finding is record.changed_elsewhere, saying who saved it and when."""
    from app.models.versions import claim

    with store.session() as session, session.begin():
        row_id = session.scalar(select(Screening.id).where(Screening.patent_id == patent_id))
        if row_id is not None:
            number = session.scalar(select(Patent.number).where(Patent.id == patent_id))
            newer = claim(session, Screening, row_id, expected_version, number or "")
            if newer is not None:
                session.rollback()
                return [newer]
        _write(session, patent_id, fields)
    return check_screening(fields, today=_today(today))


@dataclass(frozen=True)
class BulkEdit:
    """What a bulk edit changed: enough to undo it (`before`: None where there was no record)."""

    name: str
    value: Any
    before: Mapping[int, ScreeningFields | None]

    @property
    def count(self) -> int:
        return len(self.before)


def set_field(store: Store, patent_ids: Sequence[int], name: str, value: Any) -> BulkEdit:
    """Set one screening field to `value` for every patent in `patent_ids`, in one transaction.

    `value` is a typed value (a tuple of intentions, a level …) or text as a clerk writes it
    ("许可、转让", "6", "较好"); text that cannot be read raises ValueError with the finding.
    """
    if name not in SCREENING_FIELD_NAMES:
        raise KeyError(name)
    if isinstance(value, str):
        value, problem = read_value(name, value)
        if problem is not None:
            raise ValueError(problem)
    ids = list(dict.fromkeys(patent_ids))
    with store.session() as session, session.begin():
        existing = {row.patent_id: row for row in session.scalars(
            select(Screening).where(Screening.patent_id.in_(ids)))}
        before: dict[int, ScreeningFields | None] = {}
        for patent_id in ids:
            row = existing.get(patent_id)
            old = ScreeningFields.of(row) if row is not None else None
            before[patent_id] = old
            new = (old or ScreeningFields()).with_value(name, value)
            if row is None:
                if new.is_empty:
                    continue
                row = Screening(patent_id=patent_id)
                session.add(row)
            new.apply_to(row)
            if row.id is not None and session.is_modified(row):
                from app.models.versions import editor_name

                row.version = Screening.version + 1  # an open editor holding it notices
                row.updated_by = editor_name()
    return BulkEdit(name, value, before)


def undo_bulk_edit(store: Store, edit: BulkEdit) -> int:
    """Put back the one field a bulk edit set, on every patent it touched, as it was before.

    Only that field, and only where it still holds the value the edit set: another clerk may
    have changed the same screenings since (the office server), and undoing must not wipe
    their work. A record the edit created is removed again if it holds nothing else. Returns
    how many patents were left as they are because their field changed since.
    """
    from app.models.versions import editor_name

    name = edit.name
    set_value = getattr(ScreeningFields().with_value(name, edit.value), name)
    kept = 0
    with store.session() as session, session.begin():
        rows = {row.patent_id: row for row in session.scalars(
            select(Screening).where(Screening.patent_id.in_(list(edit.before))))}
        for patent_id, old in edit.before.items():
            row = rows.get(patent_id)
            if row is None:
                continue  # deleted since, or the edit left it empty: nothing to put back
            current = ScreeningFields.of(row)
            if getattr(current, name) != set_value:
                kept += 1
                continue
            restored = current.with_value(name, getattr(old or ScreeningFields(), name))
            if old is None and restored.is_empty:
                session.delete(row)
                continue
            restored.apply_to(row)
            if session.is_modified(row):
                row.version = Screening.version + 1  # an open editor holding it notices
                row.updated_by = editor_name()
    return kept


def feedback_of(store: Store, patent_id: int) -> list[tuple[int, FeedbackFields]]:
    with store.session() as session:
        return [(row.id, FeedbackFields.of(row)) for row in session.scalars(
            select(EnterpriseFeedback).where(EnterpriseFeedback.patent_id == patent_id)
            .order_by(EnterpriseFeedback.received_on, EnterpriseFeedback.id))]


def add_feedback(store: Store, patent_id: int, fields: FeedbackFields,
                 *, today: dt.date | None = None) -> tuple[int | None, list[Finding]]:
    """Record an enterprise's feedback; refused (None) while it names no enterprise."""
    findings = check_feedback(fields, today=_today(today))
    if any(f.code == "inventory.feedback_enterprise_required" for f in findings):
        return None, findings
    with store.session() as session, session.begin():
        row = EnterpriseFeedback(patent_id=patent_id)
        fields.apply_to(row)
        session.add(row)
        session.flush()
        return row.id, findings


def delete_feedback(store: Store, feedback_id: int) -> bool:
    with store.session() as session, session.begin():
        result = session.execute(
            delete(EnterpriseFeedback).where(EnterpriseFeedback.id == feedback_id))
        return bool(result.rowcount)  # type: ignore[attr-defined]


# Importing screening columns ------------------------------------------------------------------


@dataclass(frozen=True)
class ScreeningImport:
    written: int
    findings: tuple[tuple[int, Finding], ...]  # (sheet row, finding)


def import_screenings(store: Store, rows: Sequence[tuple[int, str, Mapping[str, Any]]]
                      ) -> ScreeningImport:
    """Write the screening columns of imported rows: (sheet row, patent number, {field: cell}).

    Only the fields with a filled cell change; a cell that cannot be read leaves its field as it
    was and is reported with its row. Patents not in the register are reported and skipped.
    """
    findings: list[tuple[int, Finding]] = []
    ids = {number: patent_id for patent_id, number in _numbers(store)}
    with store.session() as session, session.begin():
        written = 0
        for sheet_row, number, cells in rows:
            patent_id = ids.get(stored_number(number))
            if patent_id is None:
                from app.models.findings import error

                findings.append((sheet_row, error("inventory.import_unknown_patent", "number",
                                                  row=sheet_row, number=number)))
                continue
            row = session.scalar(select(Screening).where(Screening.patent_id == patent_id))
            fields = ScreeningFields.of(row) if row is not None else ScreeningFields()
            changed = False
            for name, raw in cells.items():
                if raw is None or (isinstance(raw, str) and not raw.strip()):
                    continue
                value, problem = read_value(name, raw)
                if problem is not None:
                    findings.append((sheet_row, problem))
                    continue
                fields = fields.with_value(name, value)
                changed = True
            if changed:
                _write(session, patent_id, fields)
                written += 1
    return ScreeningImport(written, tuple(findings))


def import_sheet_screenings(store: Store, rows: Sequence[Any],
                            skipped_rows: Sequence[int] = ()) -> ScreeningImport:
    """After a patent-list import (app.models.patent_import `PreviewRow`s): write the screening
    columns of every row that went in (no errors, not left out)."""
    left_out = set(skipped_rows)
    return import_screenings(store, [
        (row.row, row.patent.number, row.screening) for row in rows
        if row.screening and not row.has_errors and row.row not in left_out])


def _numbers(store: Store) -> list[tuple[int, str]]:
    from app.models.entities import Patent

    with store.session() as session:
        return [(int(i), str(n)) for i, n in session.execute(select(Patent.id, Patent.number))]


# Checking -----------------------------------------------------------------------------------


def inventory_findings(store: Store, *, today: dt.date | None = None,
                       rows: Sequence[InventoryRow] | None = None
                       ) -> list[tuple[str, Finding]]:
    """(patent number, finding) of every screening and every feedback entry."""
    day = _today(today)
    out: list[tuple[str, Finding]] = []
    for row in rows if rows is not None else inventory_rows(store):
        if row.screening.is_empty:
            continue
        for finding in check_screening(row.screening, legal_status=row.legal_status,
                                       has_deal=bool(row.deal_serials), today=day):
            out.append((row.number, finding))
    with store.session() as session:
        from app.models.entities import Patent

        for number, feedback in session.execute(
            select(Patent.number, EnterpriseFeedback).join(
                Patent, Patent.id == EnterpriseFeedback.patent_id).order_by(Patent.number)
        ):
            for finding in check_feedback(FeedbackFields.of(feedback), today=day):
                out.append((number, finding))
    return out


# The tables ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class InventoryTables:
    transfer: TransferTable
    classification: ClassificationTable


def inventory_tables(store: Store, *, today: dt.date | None = None,
                     rows: Sequence[InventoryRow] | None = None) -> InventoryTables:
    day = _today(today)
    rows = rows if rows is not None else inventory_rows(store)
    unit = store.organisation().name
    return InventoryTables(transfer_table(rows, unit, day), classification_table(rows, unit, day))


@dataclass(frozen=True)
class RenderedInventory:
    """What `render_inventory` wrote. `findings`: the screening's (errors make the PDFs drafts);
    `failures`: what kept a file from being written — the folder or a file not writable
    (export.write_failed / pdf.write_failed) or a character the PDF font lacks
    (pdf.missing_glyph); the other files are still written."""

    files: tuple[Path, ...]
    tables: InventoryTables
    findings: tuple[tuple[str, Finding], ...]
    failures: tuple[Finding, ...] = ()
    recorded: tuple[int, ...] = ()  # generated-document ids, for the Anhui package

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for _, f in self.findings)

    @property
    def unwritable(self) -> bool:
        return any(f.code in {"export.write_failed", "pdf.write_failed"} for f in self.failures)


def render_inventory(store: Store, out: Path, *, today: dt.date | None = None,
                     pdf: bool = True) -> RenderedInventory:
    """Write both tables as .xlsx (and .pdf) into `out`; never raises for a file that cannot be
    written (see RenderedInventory.failures)."""
    from app.export.excel.inventory_tables import write_classification_table, write_transfer_table
    from app.export.excel.workbook import ExcelExportError
    from app.export.offer_documents import missing_glyph_findings
    from app.export.pdf.inventory_tables import (
        UnprintableText,
        write_classification_table_pdf,
        write_transfer_table_pdf,
    )
    from app.models.findings import Severity, error
    from app.os_errors import reason_params

    day = _today(today)
    rows = inventory_rows(store)
    tables = inventory_tables(store, today=day, rows=rows)
    findings = tuple(inventory_findings(store, today=day, rows=rows))
    failures: list[Finding] = []
    files: list[Path] = []
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        failures.append(error("export.write_failed", "file", path=str(out), **reason_params(exc)))
        return RenderedInventory((), tables, findings, tuple(failures))
    watermark = any(f.is_error for _, f in findings)
    books: list[tuple[str, Callable[[Path], Any]]] = [
        (f"{TRANSFER_TABLE_FILE}.xlsx", lambda p: write_transfer_table(tables.transfer, p)),
        (f"{CLASSIFICATION_TABLE_FILE}.xlsx",
         lambda p: write_classification_table(tables.classification, p)),
    ]
    if pdf:
        books += [
            (f"{TRANSFER_TABLE_FILE}.pdf", lambda p: write_transfer_table_pdf(
                tables.transfer, p, watermark=watermark)),
            (f"{CLASSIFICATION_TABLE_FILE}.pdf", lambda p: write_classification_table_pdf(
                tables.classification, p, watermark=watermark)),
        ]
    for name, write in books:
        path = out / name
        try:
            write(path)
        except ExcelExportError as exc:
            failures.append(Finding(exc.code, "file", Severity.ERROR, exc.params))
            continue
        except UnprintableText as exc:
            failures += missing_glyph_findings(exc.missing)
            continue
        except OSError as exc:
            failures.append(error("pdf.write_failed", "file", path=str(path),
                                  **reason_params(exc)))
            continue
        files.append(path)
    recorded = () if watermark else _record_tables(store, tables, files)
    return RenderedInventory(tuple(files), tables, findings, tuple(failures), recorded)


# The tables as documents a package sends (the Anhui target) ----------------------------------


def table_data_hash(table: TransferTable | ClassificationTable) -> str:
    """What a table shows, without its date: a table written yesterday from the same records
    is still current; one written before a screening (or a patent, a deal) changed is not."""
    import dataclasses
    import hashlib
    import json

    content = dataclasses.asdict(table)
    content.pop("dated", None)
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _kind_of(path: Path) -> str:
    from app.submit.presets import DocumentKind

    return (DocumentKind.INVENTORY_TRANSFER_TABLE if path.stem == TRANSFER_TABLE_FILE
            else DocumentKind.INVENTORY_CLASSIFICATION_TABLE)


def _record_tables(store: Store, tables: InventoryTables, files: Sequence[Path]
                   ) -> tuple[int, ...]:
    """Record the tables just written (not drafts), each file as a generated document whose
    subject is its file name, so a package takes the newest PDF and the newest workbook."""
    import hashlib

    from app.models.entities import GeneratedDocument
    from app.submit.presets import DocumentKind

    hashes: dict[str, str] = {
        DocumentKind.INVENTORY_TRANSFER_TABLE: table_data_hash(tables.transfer),
        DocumentKind.INVENTORY_CLASSIFICATION_TABLE: table_data_hash(tables.classification)}
    documents = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue  # gone already: nothing to record, the next render writes it again
        kind = _kind_of(path)
        documents.append(GeneratedDocument(
            kind=kind, subject=path.name, path=str(path.resolve()),
            sha256=hashlib.sha256(data).hexdigest(), size=len(data), data_hash=hashes[kind],
            draft=False))
    return tuple(store.record_generated_documents(documents)) if documents else ()


def current_table_hashes(store: Store, *, today: dt.date | None = None) -> dict[str, str]:
    """document kind → the data hash its table would have if written now."""
    from app.submit.presets import DocumentKind

    tables = inventory_tables(store, today=today)
    return {DocumentKind.INVENTORY_TRANSFER_TABLE: table_data_hash(tables.transfer),
            DocumentKind.INVENTORY_CLASSIFICATION_TABLE: table_data_hash(tables.classification)}


def last_screening_change(store: Store) -> dt.datetime | None:
    """When a screening was last saved (None: no screening yet)."""
    with store.session() as session:
        changed = session.scalar(select(func.max(Screening.updated_at)))
    return changed if isinstance(changed, dt.datetime) else None


# Fees and expiry --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueReport:
    today: dt.date
    days: int
    fees: tuple[DueItem, ...]
    expiring: tuple[DueItem, ...]


def due_report(store: Store, days: int, *, today: dt.date | None = None,
               rows: Sequence[InventoryRow] | None = None) -> DueReport:
    """The annual fees of patents in force falling due within `days` days, and the patents in
    force whose term ends within a year."""
    if days < 0:
        raise ValueError(days)
    day = _today(today)
    rows = rows if rows is not None else inventory_rows(store)
    items = [(r.patent_id, r.number, r.title, r.filing_date, r.expiry)
             for r in rows if r.in_force]
    return DueReport(day, days, tuple(fees_due_within(items, days, day)),
                     tuple(expiring_within_year(items, day)))


