"""Package and send: which documents a target receives, check, build, record, send.

What a package contains is worked out here once: `package_documents` lists the latest
generated documents of the kinds a target receives, each with its state (the window shows
them for the clerk to tick), and `choose_documents` picks from that same list what goes in
when nobody ticks (the command line). Both then go through `check_package` and
`build_and_record_package`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.export.offer_documents import Freshness, data_hash, file_sha256
from app.export.summary_list_documents import summary_list_status
from app.models.entities import DocumentState
from app.models.findings import Finding, error, warning
from app.models.offers import OfferFields
from app.models.patent_rules import PatentFields
from app.models.summary_list import SummaryList, official_number
from app.submit.package import BuiltPackage, PackageItem, PatentRow, build_package, check_items
from app.submit.presets import PER_FORMAT_KINDS, PER_PATENT_KINDS, DocumentKind
from app.submit.records import SubmissionRecords
from app.submit.targets import TargetData
from app.usecases import contacts_sheet
from app.usecases.offers import offers_for_patents

if TYPE_CHECKING:
    from app.models.store import Store
    from app.submit.accounts import AccountData
    from app.submit.smtp import SendReport

# Called as progress(done, total, text) and cancelled() by the window's background helper.
Progress = Callable[..., None]
Cancelled = Callable[[], bool]

# Documents about a period whose data the records give (Store.summary_book_data).
BOOK_KINDS = frozenset({"summary_book", "statistics_table", "deal_list"})


# The documents a target receives ---------------------------------------------------------


@dataclass(frozen=True)
class DocumentRow:
    """One generated document a package can take (plain data, no ORM object)."""

    document_id: int
    kind: str
    subject: str  # the patent number (ZL…) of a sheet or declaration, the batch name of a list
    title: str
    file_name: str
    offer_id: int | None
    patent_id: int | None
    patentees: tuple[str, ...]
    freshness: Freshness
    offer_draft: bool
    sealed: bool

    @property
    def current(self) -> bool:
        """Finalised, generated from the data as it is now, and the file as written."""
        return self.freshness is Freshness.CURRENT and not self.offer_draft

    @property
    def data_current(self) -> bool:
        """Finalised and generated from the data as it is now; a file moved or edited on disk
        is left to the package check, which names its path."""
        return self.freshness is not Freshness.DATA_CHANGED and not self.offer_draft


def package_documents(store: Store, target: TargetData) -> list[DocumentRow]:
    """The latest generated documents of the kinds `target` receives: documents of a batch or
    period first, then each offer's in register order, in the target's kind order."""
    kinds = list(target.document_kinds)
    order = {kind: i for i, kind in enumerate(kinds)}
    rows: list[DocumentRow] = []

    documents = store.generated_documents()  # oldest first
    latest_other: dict[tuple[str, str], Any] = {}
    for document in documents:  # a later generation replaces an earlier one
        if document.offer_id is None and not document.draft and document.kind in order:
            latest_other[(document.kind, document.subject)] = document
    batches = {b.name: b.id for b in store.batches()} if DocumentKind.SUMMARY_LIST in order \
        else {}
    inventory_hashes: dict[str, str] | None = None  # the inventory tables' as of now, once
    for document in sorted(latest_other.values(), key=lambda d: (order[d.kind], d.subject)):
        if document.kind == DocumentKind.SUMMARY_LIST and document.subject in batches:
            # A batch's list: out of date once the batch's data changed since.
            freshness = summary_list_status(store, batches[document.subject]).freshness
        elif document.kind in BOOK_KINDS and not _book_data_current(store, document):
            freshness = Freshness.DATA_CHANGED
        elif (document.kind in contacts_sheet.DOCUMENT_KINDS
              and not contacts_sheet.is_current(store, document)):
            freshness = Freshness.DATA_CHANGED  # the unit's contacts changed since
        elif document.kind == DocumentKind.OPS_CENTRE_TABLE and not _ops_centre_current(
                store, document):
            freshness = Freshness.DATA_CHANGED
        elif document.kind in PER_FORMAT_KINDS:  # the inventory tables (Anhui)
            if inventory_hashes is None:
                from app.usecases.inventory import current_table_hashes
                inventory_hashes = current_table_hashes(store)
            freshness = (_file_freshness(document)
                         if inventory_hashes.get(document.kind) == document.data_hash
                         else Freshness.DATA_CHANGED)
        else:
            freshness = _file_freshness(document)
        rows.append(DocumentRow(
            document.id, document.kind, document.subject, "", Path(document.path).name, None,
            None, (), freshness, False, bool(document.sealed_path),
        ))

    if PER_PATENT_KINDS & set(kinds):
        offers = {o.id: o for o in store.offers()}
        per_offer: dict[int, list[Any]] = {}
        for document in documents:
            if (document.offer_id is not None and not document.draft
                    and document.kind in PER_PATENT_KINDS and document.kind in order):
                per_offer.setdefault(document.offer_id, []).append(document)
        for offer_id, offer in offers.items():  # register order
            if offer_id not in per_offer:
                continue
            draft = offer.state == DocumentState.DRAFT.value
            for recorded, freshness in _offer_documents(offer, per_offer[offer_id], order):
                rows.append(DocumentRow(
                    recorded.id, recorded.kind, recorded.subject, offer.patent.title,
                    Path(recorded.path).name, offer_id, offer.patent_id,
                    tuple(offer.patent.patentees), freshness, draft, bool(recorded.sealed_path),
                ))
    return rows


def _offer_documents(offer: Any, recorded: Sequence[Any],
                     order: dict[str, int]) -> list[tuple[Any, Freshness]]:
    """Per kind, the document of `offer` a package takes: the newest generation that is
    current (data and file), else the newest of that kind with what is wrong with it.

    Any current generation counts: a combined print file or another folder's files written
    later do not make the earlier separate sheet and declaration stale (issue 17 §10)."""
    current_hash = data_hash(OfferFields.of(offer), PatentFields.of(offer.patent))
    chosen: list[tuple[Any, Freshness]] = []
    for kind in sorted({d.kind for d in recorded}, key=lambda k: order.get(k, 99)):
        newest_first = sorted((d for d in recorded if d.kind == kind),
                              key=lambda d: (d.generated_at, d.id), reverse=True)
        judged = [(d, Freshness.DATA_CHANGED if d.data_hash != current_hash
                   else _file_freshness(d)) for d in newest_first]
        chosen.append(next((j for j in judged if j[1] is Freshness.CURRENT), judged[0]))
    return chosen


def _file_freshness(document: Any) -> Freshness:
    """A document with no data to compare (a batch gone): its file only."""
    path = Path(document.path)
    try:
        if file_sha256(path) != document.sha256:
            return Freshness.FILE_CHANGED
    except OSError:
        return Freshness.FILE_MISSING
    return Freshness.CURRENT


def _ops_centre_current(store: Store, document: Any) -> bool:
    """Whether an ops-centre table was generated from the records as they are now."""
    from app.usecases.ops_centre import report_current

    return report_current(store, document)


def _book_data_current(store: Store, document: Any) -> bool:
    """Whether a book or deal table was generated from the records as they are now."""
    from app.models.summary_book import book_data_hash

    data = store.summary_book_data(document.subject)
    return data is not None and book_data_hash(data) == document.data_hash


def summary_of(store: Store, document: Any) -> SummaryList | None:
    """The summary list a summary-list document was made from: its batch, by name."""
    if document.kind != DocumentKind.SUMMARY_LIST:
        return None
    batch = next((b for b in store.batches() if b.name == document.subject), None)
    if batch is None:
        return None
    summary, _findings = store.summary_list(batch.id)
    return summary


# Choosing without a clerk ticking: the command line ------------------------------------


@dataclass
class PackageContents:
    """What goes into a package, the rows to compare, and why something could not."""

    items: list[PackageItem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    summary_rows: list[PatentRow] | None = None
    sheet_rows: list[PatentRow] | None = None
    unmatched: list[Finding] = field(default_factory=list)  # patents named that match no offer

    @property
    def refused(self) -> bool:
        """A patent named matches no offer, or something the package needs is missing."""
        return bool(self.unmatched) or any(f.is_error for f in self.findings)


def choose_documents(
    store: Store,
    target: TargetData,
    patents: Sequence[str] | None = None,
    *,
    send_unsealed: bool = False,
    records: SubmissionRecords | None = None,
) -> PackageContents:
    """What a package for `target` takes when nobody ticks, from `package_documents`.

    Named patents: their sheets and declarations, and the summary list of the newest batch
    that holds exactly them (else the newest with a list: the check names every difference).
    No patents: the newest batch with a list and its offers' documents, or without a list
    every generated or sealed offer's. One-off documents (the book, the Xinyang tables): the
    newest of each kind.
    """
    records = records or SubmissionRecords(store.database)
    chosen = PackageContents()
    kinds = list(target.document_kinds)
    rows = package_documents(store, target)
    offers: list[Any] = []
    if patents:
        choice = offers_for_patents(store, patents)
        offers, chosen.unmatched = choice.offers, choice.unmatched

    def item(row: DocumentRow) -> PackageItem | None:
        return records.package_item(row.document_id, current=row.data_current,
                                    unsealed_confirmed=send_unsealed)

    if DocumentKind.SUMMARY_LIST in kinds:
        lists = {r.subject: r for r in rows if r.kind == DocumentKind.SUMMARY_LIST}
        with_list = [b for b in store.batches() if b.name in lists]  # newest first
        if not with_list:
            chosen.findings.append(error("cli.package_no_summary_list", "summary_list"))
        else:
            wanted = {o.id for o in offers}
            batch = next((b for b in with_list if set(b.offer_ids) == wanted), with_list[0])
            if not patents:
                by_id = {o.id: o for o in store.offers()}
                offers = [by_id[i] for i in batch.offer_ids if i in by_id]
            list_item = item(lists[batch.name])
            if list_item is not None:
                chosen.items.append(list_item)
            summary, _ = store.summary_list(batch.id)
            chosen.summary_rows = ([PatentRow(r.number, tuple(r.patentees.split("、")))
                                    for r in summary.rows] if summary is not None else [])
    elif not patents and any(k in PER_PATENT_KINDS for k in kinds):
        offers = [o for o in store.offers() if o.state in ("generated", "sealed")]

    if any(k in PER_PATENT_KINDS for k in kinds):
        by_offer: dict[int, list[DocumentRow]] = {}
        for row in rows:
            if row.offer_id is not None:
                by_offer.setdefault(row.offer_id, []).append(row)
        sheets: list[PatentRow] = []
        for offer in offers:
            number = official_number(offer.patent.number)
            documents = by_offer.get(offer.id, [])
            if not documents:
                chosen.findings.append(error("cli.package_not_rendered", "offer", number=number))
                continue
            for row in documents:
                offer_item = item(row)
                if offer_item is not None:
                    chosen.items.append(offer_item)
            sheets.append(PatentRow(number, tuple(offer.patent.patentees)))
        chosen.sheet_rows = sheets if chosen.summary_rows is not None else None

    # The newest of each kind; of the inventory tables, the newest of each format.
    newest: dict[tuple[str, str], DocumentRow] = {}
    for row in rows:
        if row.offer_id is None and row.kind != DocumentKind.SUMMARY_LIST:
            key = (row.kind, Path(row.file_name).suffix.casefold()
                   if row.kind in PER_FORMAT_KINDS else "")
            if key not in newest or row.document_id > newest[key].document_id:
                newest[key] = row
    for kind in kinds:
        if kind in PER_PATENT_KINDS or kind == DocumentKind.SUMMARY_LIST:
            continue
        of_kind = [row for (k, _), row in sorted(newest.items()) if k == kind]
        if not of_kind:
            # The front end names the kind in its language (DOCUMENT_KIND_LABELS).
            chosen.findings.append(warning("cli.package_kind_missing", "items", kind=kind))
            continue
        for row in of_kind:
            one_off = item(row)
            if one_off is not None:
                chosen.items.append(one_off)
    chosen.findings += _inventory_outdated(store, chosen.items)
    return chosen


def compare_rows(
    store: Store, chosen: Sequence[DocumentRow], records: SubmissionRecords | None = None
) -> tuple[list[PatentRow] | None, list[PatentRow] | None]:
    """The chosen summary list's rows and the chosen sheets' patents, for the package check to
    compare; (None, None) without a summary list whose batch is known."""
    lists = [d for d in chosen if d.kind == DocumentKind.SUMMARY_LIST]
    if not lists:
        return None, None
    records = records or SubmissionRecords(store.database)
    summary = summary_of(store, records.document(lists[0].document_id))
    if summary is None:
        return None, None
    listed = [PatentRow(r.number, tuple(p for p in r.patentees.split("、") if p))
              for r in summary.rows]
    sheets = [PatentRow(d.subject, d.patentees) for d in chosen
              if d.kind == DocumentKind.INFORMATION_SHEET]
    return listed, sheets


def ticked_contents(
    store: Store, ticked: Sequence[tuple[DocumentRow, bool]],
    records: SubmissionRecords | None = None,
) -> PackageContents:
    """What a package takes from the rows a clerk ticked: (row, send unsealed) each."""
    records = records or SubmissionRecords(store.database)
    items = []
    for row, unsealed in ticked:
        item = records.package_item(row.document_id, current=row.current,
                                    unsealed_confirmed=unsealed)
        if item is not None:
            items.append(item)
    summary_rows, sheet_rows = compare_rows(store, [row for row, _ in ticked], records)
    return PackageContents(items, _inventory_outdated(store, items), summary_rows, sheet_rows)


# Checking and building ---------------------------------------------------------------------


@dataclass(frozen=True)
class UnitContact:
    """Who the mails name: the unit, its first contact and a phone number."""

    unit: str
    contact: str
    phone: str


def unit_contact(store: Store) -> UnitContact:
    organisation = store.organisation()
    contact = organisation.contacts[0] if organisation.contacts else None
    name = contact.name if contact else ""
    phone = (contact.office_phone or contact.mobile) if contact else organisation.phone
    return UnitContact(organisation.name, name, phone or organisation.phone)


def check_package(store: Store, target: TargetData, contents: PackageContents) -> list[Finding]:
    """Every problem that stops the package, the selection's own first; nothing is written."""
    return [*contents.findings, *check_items(
        target, store.organisation().name, contents.items, contents.summary_rows,
        contents.sheet_rows)]


def _inventory_outdated(store: Store, items: Sequence[PackageItem]) -> list[Finding]:
    """Why an inventory table is not current: it was written before the screening (or a
    patent, a deal) last changed. The item itself is refused as not current."""
    stale = [i for i in items if i.kind in PER_FORMAT_KINDS and not i.current
             and i.document_id is not None]
    if not stale:
        return []
    from app.usecases.inventory import last_screening_change

    records = SubmissionRecords(store.database)
    changed = last_screening_change(store)
    findings = []
    for stale_item in stale:
        document = records.document(stale_item.document_id or 0)
        if document is None:
            continue
        written = document.generated_at
        screened_since = changed is not None and changed >= written
        findings.append(error(
            "package.inventory_screened_since" if screened_since else "package.inventory_outdated",
            "items", document=Path(document.path).name,
            generated=written.strftime("%Y-%m-%d %H:%M"),
            changed=changed.strftime("%Y-%m-%d %H:%M") if changed else ""))
    return findings


@dataclass(frozen=True)
class PackageOutcome:
    built: BuiltPackage
    package_id: int | None = None
    findings: list[Finding] = field(default_factory=list)  # the selection's and the build's
    queued: list[Finding] = field(default_factory=list)  # from queueing the mails


def build_and_record_package(
    store: Store,
    target: TargetData,
    contents: PackageContents,
    folder: Path,
    *,
    day: dt.date | None = None,
    account: AccountData | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    progress_text: str = "",
) -> PackageOutcome:
    """Build the package folder, zip and .eml drafts, record it, and with an account queue its
    mails in the outbox. Refused whole (nothing written) when the package check finds errors."""
    from app.submit.outbox import queue_package

    records = SubmissionRecords(store.database)
    recorded: list[int] = []

    def record(package: BuiltPackage) -> Callable[[], None]:
        # Before the folder and zip are renamed into place (issue 18): a kill never leaves a
        # package on disk that the register does not know.
        package_id = records.record_package(package)
        recorded.append(package_id)
        return lambda: records.unrecord_package(package_id)

    who = unit_contact(store)
    built = build_package(
        target, who.unit, day or dt.date.today(), contents.items, folder,
        summary_list=contents.summary_rows, sheets=contents.sheet_rows,
        contact=who.contact, phone=who.phone, sender=account.sender if account else None,
        progress=(lambda done, total: progress(done, total, progress_text))
        if progress is not None else None,
        cancelled=cancelled, record=record,
    )
    findings = [*contents.findings, *built.findings]
    if not built.built:
        return PackageOutcome(built, None, findings)
    package_id = recorded[-1]
    queued = queue_package(records, package_id, account) if account is not None else []
    return PackageOutcome(built, package_id, findings, queued)


# Finding a target, a package and an account by what a clerk types -------------------------


def find_target(records: SubmissionRecords, wanted: str) -> TargetData | None:
    """The send target whose key or name is `wanted` (any case)."""
    wanted = wanted.strip().casefold()
    for target in records.targets():
        if wanted in (target.key.casefold(), target.name.strip().casefold()):
            return target
    return None


def find_package(records: SubmissionRecords, given: Path) -> Any | None:
    """The recorded package built in folder (or zip) `given`: the newest, a rebuilt folder
    being the newest record."""
    given = given.resolve()
    for package in records.packages():  # newest first
        places = {Path(package.folder).resolve()}
        if package.zip_path:
            places.add(Path(package.zip_path).resolve())
        if given in places:
            return package
    return None


def find_account(records: SubmissionRecords, wanted: str) -> AccountData | None:
    """The account whose name, sender address or user name is `wanted` (any case)."""
    wanted = wanted.strip().casefold()
    for account in records.accounts():
        if wanted in {account.name.strip().casefold(), account.sender_address.casefold(),
                      account.user.casefold()}:
            return account
    return None


def send_built_package(
    records: SubmissionRecords,
    package_id: int,
    account: AccountData,
    password: Callable[[Any], str | None],
    **options: Any,
) -> SendReport:
    """Queue the package's mails not queued yet and send every one not sent (a retry too).
    `options` are those of app.submit.smtp.send_outbox (progress, cancelled, on_login …)."""
    from app.submit.smtp import send_package

    return send_package(records, package_id, account, password, **options)


def send_mails(
    records: SubmissionRecords,
    message_ids: Sequence[int],
    account: AccountData,
    password: Callable[[Any], str | None],
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    **options: Any,
) -> SendReport:
    """Send (or retry) the outbox mails `message_ids` through `account`, first writing again
    those not ready for it: drafts, and mails queued or failed for another account.

    `progress(done, total)` after each mail; `options` are send_outbox's (confirm_uncertain,
    on_login, ssl_context, timeout). The queueing findings come first in the report.
    """
    from app.models.submission import OutboxState
    from app.submit.outbox import queue_package
    from app.submit.smtp import SendProgress, send_outbox

    mails = [m for m in (records.message(i) for i in message_ids) if m is not None]
    requeue = sorted({
        m.package_id for m in mails
        if m.state == OutboxState.DRAFT
        or (m.state in (OutboxState.QUEUED, OutboxState.FAILED) and m.account_id != account.id)
    })
    queued: list[Finding] = []
    for package_id in requeue:
        queued += queue_package(records, package_id, account)

    def tell(step: SendProgress) -> None:
        if progress is not None:
            progress(step.done, step.total)

    report = send_outbox(records, list(message_ids), account, password, progress=tell,
                         cancelled=cancelled, **options)
    report.findings[:0] = queued
    return report


@dataclass(frozen=True)
class OutboxCounts:
    """The outbox's mails by the state each row shows, so the counter and the rows agree: a
    mail not yet queued (no sending account chosen) is not counted as waiting (issue 17 §9)."""

    not_queued: int
    waiting: int
    failed: int
    sent: int
    uncertain: int  # interrupted mid-send: fate unknown


def outbox_counts(mails: Sequence[Any]) -> OutboxCounts:
    from app.models.submission import OutboxState

    def count(state: OutboxState) -> int:
        return sum(1 for m in mails if m.state == state)

    return OutboxCounts(count(OutboxState.DRAFT), count(OutboxState.QUEUED),
                        count(OutboxState.FAILED), count(OutboxState.SENT),
                        count(OutboxState.SENDING))
