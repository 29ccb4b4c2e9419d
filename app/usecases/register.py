"""The register as a whole: check every record, import and export the JSON data file, bring
in a clerk's patent list."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.messages import ZH, message
from app.models.findings import Finding, error
from app.os_errors import reason_params

if TYPE_CHECKING:
    from app.interchange import ImportResult
    from app.models.patent_import import ColumnMapping, ImportOutcome, ImportPreview, PreviewRow
    from app.models.store import OrganisationData, Store


@dataclass(frozen=True)
class RecordFinding:
    """A finding and the record it belongs to, for listing."""

    entity: str  # organisation, contact, patent, offer, deal, summary_book or ops_centre
    record: str  # the patent number, "organisation", or "contacts[i]"
    finding: Finding
    record_label: str = ""


def organisation_findings(org: OrganisationData, lang: str = ZH) -> list[RecordFinding]:
    """The unit's profile checked with the contact rules, each finding named by its record."""
    from app.models.contact_rules import check_organisation

    unit = message("cli.record_organisation", None, lang)
    out: list[RecordFinding] = []
    for f in check_organisation(org):
        match = re.match(r"^contacts\[(\d+)\]\.(.+)$", f.field)
        if match is None:
            out.append(RecordFinding("organisation", "organisation", f, unit))
            continue
        i = int(match.group(1))
        contact = org.contacts[i]
        who = message("cli.record_contact", {"index": i + 1, "name": contact.name}, lang).strip()
        local = Finding(f.code, match.group(2), f.severity, f.params)
        out.append(RecordFinding("contact", f"contacts[{i}]", local, who))
    return out


def register_findings(store: Store, lang: str = ZH) -> tuple[list[RecordFinding], int]:
    """Every finding of the organisation, every patent and every offer; the number of patents."""
    from app.models.offers import check_offer_record
    from app.models.patent_rules import check_patent_record

    found = organisation_findings(store.organisation(), lang)
    patents = store.patents()
    for patent in patents:
        for f in check_patent_record(patent):
            found.append(RecordFinding("patent", patent.number, f, patent.number))
    for offer in store.offers():
        number = offer.patent.number
        name = message("cli.record_offer", {"number": number}, lang)
        for f in check_offer_record(offer):
            if f.code == "offer.patent_has_errors":
                continue  # already listed under the patent itself
            found.append(RecordFinding("offer", number, f, name))
    for deal in store.deals():
        name = message("cli.record_deal", {"serial": deal.serial}, lang)
        for f in store.check_deal_fields(deal.fields, deal.id):
            found.append(RecordFinding("deal", str(deal.serial), f, name))
    from app.usecases.inventory import inventory_findings

    for number, f in inventory_findings(store):  # the stock-patent inventory (issue 15)
        name = message("cli.record_screening", {"number": number}, lang)
        found.append(RecordFinding("screening", number, f, name))
    for book in store.summary_books():
        data = store.summary_book_data(book.period_end)
        if data is None:
            continue
        name = message("cli.record_book", {"period": book.period_end}, lang)
        for f in data.findings:
            if f.code in {"book.deal_error", "book.deal_warning"}:
                continue  # the deal's own findings are listed under the deal
            found.append(RecordFinding("summary_book", book.period_end, f, name))
    from app.usecases import ops_centre  # the ops-centre tables (附件 3)

    for report in ops_centre.all_reports(store):
        name = message("ops.record", {"year": report.report_year}, lang)
        for f in ops_centre.check_report(store, report).findings:
            found.append(RecordFinding("ops_centre", str(report.report_year), f, name))
    return found, len(patents)



# The JSON data file ------------------------------------------------------------------------


@dataclass(frozen=True)
class DataImport:
    """A JSON data file brought in, or refused whole with every problem and its path."""

    problems: tuple[Finding, ...] = ()
    unreadable: bool = False  # not JSON, or not this application's file at all
    result: ImportResult | None = None

    @property
    def refused(self) -> bool:
        return self.result is None


def import_data_file(
    path: Path, open_store: Callable[[], Store],
    progress: Callable[[int, int], bool] | None = None,
) -> DataImport:
    """Check the whole file, then import it into the store `open_store` gives. The file is
    read and checked before the store is opened, so a refused file changes nothing, not
    even by creating an empty database; references that only the register can check (an
    offer's or a deal's patent in neither the file nor the register) refuse it whole too.

    `progress(done, total)` counts patents written; returning False cancels the import:
    nothing is written and `app.models.store.Cancelled` is raised."""
    from app import interchange

    read = interchange.read_file(path)
    if read.dataset is None or read.problems:
        return DataImport(read.problems, unreadable=read.unreadable)
    result = interchange.import_dataset(open_store(), read.dataset, progress)
    if result.problems:
        return DataImport(result.problems)
    return DataImport(result=result)


@dataclass(frozen=True)
class DataExport:
    count: int = 0
    findings: tuple[Finding, ...] = ()  # json.write_failed


def export_data_file(store: Store, path: Path) -> DataExport:
    """Write the whole register to `path` as the JSON data file."""
    from app import interchange

    try:
        return DataExport(interchange.export_file(store, path))
    except OSError as exc:
        return DataExport(findings=(error("json.write_failed", "file", path=str(path),
                                          **reason_params(exc)),))


# A clerk's patent list ---------------------------------------------------------------------
# An Excel or CSV list goes through the same preview as the window's import dialog: every row
# checked first, nothing written while any row has errors (unless asked), and a layout that is
# not the summary list's asks for a column mapping instead of guessing.


@dataclass(frozen=True)
class PatentListCheck:
    """A patent list read and checked row by row; nothing written."""

    mapping_problems: tuple[Finding, ...] = ()  # the mapping file cannot be used: nothing read
    table_problems: tuple[Finding, ...] = ()  # the list cannot be read: nothing previewed
    preview: ImportPreview | None = None
    # A layout that is not the summary list's and no mapping given: the mapping the preview
    # applied, for the clerk to save, correct and pass back.
    proposed: ColumnMapping | None = None


def check_patent_list(path: Path, mapping_file: Path | None,
                      existing_numbers: Callable[[], set[str]]) -> PatentListCheck:
    """Read the list at `path` (with the column mapping in `mapping_file`, if any) and check
    every row. `existing_numbers` is asked only once the list has been read, so a list that
    cannot be read never opens (or creates) the register."""
    from app.export.excel.patent_list import read_table
    from app.models.patent_import import load_mapping, preview_table

    mapping = None
    if mapping_file is not None:
        mapping, problems = load_mapping(mapping_file)
        if mapping is None:
            return PatentListCheck(mapping_problems=tuple(problems))
    table = read_table(path)
    if not table.readable:
        return PatentListCheck(table_problems=tuple(table.findings))
    preview = preview_table(table, mapping, existing_numbers=existing_numbers())
    proposed = proposed_mapping(preview) if preview.needs_mapping and mapping is None else None
    return PatentListCheck(preview=preview, proposed=proposed)


def proposed_mapping(preview: ImportPreview) -> ColumnMapping:
    """The mapping the preview applied, by heading text where that is unambiguous (easier to
    read and edit than column positions)."""
    from app.models.patent_import import ColumnMapping

    headers = list(preview.headers)
    columns: dict[str, str | int] = {}
    for name, index in preview.columns.items():
        text = headers[index] if index < len(headers) else ""
        columns[name] = text if text and headers.count(text) == 1 else index
    return ColumnMapping(columns, header_row=preview.header_row or None)


@dataclass(frozen=True)
class PatentListImport:
    outcome: ImportOutcome
    drafts: int = 0  # patents written whose record has errors: kept as drafts
    screenings_written: int = 0  # patents whose inventory screening columns were written


def import_patent_rows(store: Store, rows: list[PreviewRow], *, update: bool = False,
                       skip_bad_rows: bool = False) -> PatentListImport:
    """Write the previewed rows of a patent list (app.models.patent_import.preview_table):
    nothing while any row has errors unless `skip_bad_rows`; patents already in the register
    skipped, or with `update` updated with the cells the list fills in."""
    outcome = store.import_patents(rows, on_existing="update" if update else "skip",
                                   skip_bad_rows=skip_bad_rows)
    if not outcome.written:
        return PatentListImport(outcome)
    written = {*outcome.created, *outcome.updated}
    drafts = sum(1 for r in rows if not r.has_errors and r.patent.number in written
                 and any(f.is_error for f in r.record_findings))
    from app.usecases.inventory import import_sheet_screenings

    screened = import_sheet_screenings(store, rows, outcome.skipped_rows)
    return PatentListImport(outcome, drafts, screened.written)


# First start and the sample register ----------------------------------------------------------
# A register without the unit's name is a first start: the window asks for the unit's details.
# An empty register may instead be filled with the sample register (app/usecases/data), clearly
# marked by its unit name, to explore; it is offered only on an empty register, so it is never
# mixed into a real one, and removed in one step, with whatever was added while exploring.

SAMPLE_UNIT_NAME = "示例大学（样例）"
SAMPLE_FILE = "sample_register.json"


def sample_data_path() -> Path:
    """The sample register shipped with the application (package data; in the bundle too)."""
    return Path(__file__).resolve().parent / "data" / SAMPLE_FILE


@dataclass(frozen=True)
class FirstStart:
    """What the window should offer when the register opens."""

    needs_unit_details: bool  # the unit has no name yet: ask for its details first
    sample_offered: bool  # the register is empty: the sample may be loaded
    is_sample: bool  # the register is the sample: mark it, offer its removal


def register_is_empty(store: Store) -> bool:
    """Nothing a clerk entered: no unit name, no patent, no deal, no summary book."""
    return not store.organisation().name.strip() and not store.holds_records()


def is_sample_register(store: Store) -> bool:
    return store.organisation().name.strip() == SAMPLE_UNIT_NAME


def first_start(store: Store) -> FirstStart:
    name = store.organisation().name.strip()
    return FirstStart(needs_unit_details=not name,
                      sample_offered=not name and register_is_empty(store),
                      is_sample=name == SAMPLE_UNIT_NAME)


def load_sample(store: Store, path: Path | None = None) -> DataImport:
    """Fill an empty register with the sample. A register with anything in it is refused
    (register.sample_not_empty): the sample never mixes with a clerk's records."""
    if not register_is_empty(store):
        return DataImport((error("register.sample_not_empty", "register"),))
    return import_data_file(path or sample_data_path(), lambda: store)


@dataclass(frozen=True)
class SampleRemoval:
    removed: bool
    findings: tuple[Finding, ...] = ()


def remove_sample(store: Store) -> SampleRemoval:
    """Empty the sample register in one step: the sample's records and whatever was added
    while exploring it (batches, deals, books, patents with their sheets and screenings, the
    unit's details). A register that is not the sample is refused (register.not_sample)."""
    from app.models.store import OrganisationData

    if not is_sample_register(store):
        return SampleRemoval(False, (error("register.not_sample", "register"),))
    for batch in store.batches():
        store.delete_batch(batch.id)
    store.delete_deals([deal.id for deal in store.deals()])
    for book in store.summary_books():
        store.delete_summary_book(book.period_end)
    store.delete_offers([offer.id for offer in store.offers()])
    store.delete_patents([patent.id for patent in store.patents()])
    store.save_organisation(OrganisationData())
    return SampleRemoval(True)
