"""The one place where the register is written.

The window, the command line and the importers all call these methods; each is one transaction,
so a failure leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models.allocation import BATCH_NAME, violates
from app.models.batches import (
    Batch,
    BatchInfo,
    BatchOffer,
    BatchResult,
    admit_offers,
    batch_info,
    check_batch_name,
    check_offer_for_batch,
)
from app.models.bulk_work import collection_held_off
from app.models.database import Database
from app.models.entities import Contact, DocumentState, EditorDraft, Offer, Organisation, Patent
from app.models.findings import Finding, error, has_errors, warning
from app.models.offers import (
    OfferContact,
    OfferFields,
    changed_fields,
    check_offer,
    snapshot,
)
from app.models.patent_import import ON_EXISTING, ImportOutcome, PreviewRow, merged_fields
from app.models.patent_number import parse
from app.models.patent_rules import PatentFields, check_patent
from app.models.summary_list import SummaryList, build_summary_list, official_number
from app.os_errors import errno_params, reason_params


@dataclass(frozen=True)
class ContactData:
    name: str = ""
    department: str = ""
    title: str = ""
    office_phone: str = ""
    mobile: str = ""
    email: str = ""


# The organisation's details added for the operations-centre table (migration 0008).
ORGANISATION_DETAILS = ("competent_authority", "organisation_code", "ip_leader", "centre_head")


@dataclass(frozen=True)
class OrganisationData:
    name: str = ""
    legal_representative: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    contacts: tuple[ContactData, ...] = ()
    # The operations-centre table's details of the unit (issue 11; JSON version 4).
    competent_authority: str = ""  # 主管单位
    organisation_code: str = ""  # 组织机构代码 / 统一社会信用代码
    ip_leader: str = ""  # 知识产权工作分管校领导
    centre_head: str = ""  # 知识产权运营管理中心牵头部门负责人

    @classmethod
    def of(cls, org: Organisation) -> OrganisationData:
        return cls(
            name=org.name,
            legal_representative=org.legal_representative,
            address=org.address,
            postcode=org.postcode,
            phone=org.phone,
            fax=org.fax,
            email=org.email,
            competent_authority=org.competent_authority,
            organisation_code=org.organisation_code,
            ip_leader=org.ip_leader,
            centre_head=org.centre_head,
            contacts=tuple(
                ContactData(c.name, c.department, c.title, c.office_phone, c.mobile, c.email)
                for c in org.contacts
            ),
        )


@dataclass(frozen=True)
class SaveResult:
    """What happened to a save: the record id when saved, the record's findings, and notices
    about what the save changed elsewhere (a finalised offer returned to draft)."""

    record_id: int | None
    findings: list[Finding] = field(default_factory=list)
    notices: list[Finding] = field(default_factory=list)

    @property
    def saved(self) -> bool:
        return self.record_id is not None


def _bump_if_modified(session: Session, record: Any) -> None:
    """A record an import changed gets a new version (app.models.versions), so an editor
    holding the old one notices and cannot save over the import silently."""
    if session.is_modified(record):
        from app.models.versions import editor_name

        record.version = type(record).version + 1
        record.updated_by = editor_name()


def stored_date(value: str | dt.date | None) -> dt.date | None:
    """A date column read past the ORM (as text, for speed): SQLite gives the ISO text,
    PostgreSQL's driver a date."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value) if value else None


def stored_number(text: str) -> str:
    """Normalised when valid; otherwise as typed (trimmed), so a draft keeps what was typed."""
    result = parse(text)
    return result.normalized if result.valid and result.normalized else text.strip()


class Store:
    def __init__(self, database: Database) -> None:
        self.database = database

    def session(self) -> Session:
        return self.database.session()

    # Organisation ---------------------------------------------------------------------------

    def organisation(self) -> OrganisationData:
        with self.session() as session:
            org = session.get(Organisation, 1)
            return OrganisationData.of(org) if org else OrganisationData()

    def save_organisation(self, data: OrganisationData, *,
                          expected_version: int | None = None) -> Finding | None:
        """Save the unit's profile; given `expected_version`, a save over a newer version is
        refused: the finding saying who saved it (app.models.versions), nothing written."""
        from app.models.versions import claim, editor_name

        with self.session() as session, session.begin():
            if session.get(Organisation, 1) is not None:
                newer = claim(session, Organisation, 1, expected_version, data.name or "—")
                if newer is not None:
                    session.rollback()
                    return newer
            _write_organisation(session, data)
            org = session.get(Organisation, 1)
            if org is not None and not org.updated_by:
                org.updated_by = editor_name()
        return None

    # Patents --------------------------------------------------------------------------------

    def patents(self) -> list[Patent]:
        """Every patent with its patentees, in register order (by number)."""
        with self.session() as session:
            return list(session.scalars(select(Patent).order_by(Patent.number)))

    def patent(self, patent_id: int) -> Patent | None:
        with self.session() as session:
            return session.get(Patent, patent_id)

    def holds_records(self) -> bool:
        """Whether any patent, deal or summary book is recorded: one cheap query each, not the
        records themselves (a first-start check on 50,000 patents)."""
        from app.models.deals import Deal, SummaryBook

        with self.session() as session:
            return any(session.scalar(select(entity.id).limit(1)) is not None
                       for entity in (Patent, Deal, SummaryBook))

    def find_patent(self, number: str) -> Patent | None:
        with self.session() as session:
            return session.scalar(select(Patent).where(Patent.number == stored_number(number)))

    def save_patent(self, fields: PatentFields, patent_id: int | None = None, *,
                    expected_version: int | None = None) -> SaveResult:
        """Save a patent, errors and all (a draft is kept, marked by its findings).

        Only a number another patent already has is refused: two records cannot share it; and,
        given `expected_version`, a save over a newer version (app.models.versions).
        """
        findings = check_patent(fields)
        number = stored_number(fields.number)
        with self.session() as session, session.begin():
            clash = session.scalar(select(Patent.id).where(Patent.number == number))
            if clash is not None and clash != patent_id:
                return SaveResult(None, [error("number.duplicate", "number", number=number)]
                                  + findings)
            if patent_id is not None:
                from app.models.versions import claim

                newer = claim(session, Patent, patent_id, expected_version, number)
                if newer is not None:
                    session.rollback()
                    return SaveResult(None, [newer] + findings)
            patent = session.get(Patent, patent_id) if patent_id is not None else None
            if patent is None:
                from app.models.versions import editor_name

                patent = Patent(updated_by=editor_name())
                session.add(patent)
            _apply_patent_fields(patent, fields, number)
            session.flush()
            notices = []
            if patent.offer is not None:
                notice = _return_to_draft_if_changed(patent.offer)
                if notice is not None:
                    notices.append(notice)
            return SaveResult(patent.id, findings, notices)

    def delete_patents(self, patent_ids: Iterable[int]) -> int:
        ids = list(patent_ids)
        with self.session() as session, session.begin():
            result = session.execute(delete(Patent).where(Patent.id.in_(ids)))
            session.execute(
                delete(EditorDraft).where(
                    EditorDraft.entity == "patent",
                    EditorDraft.record_key.in_([str(i) for i in ids]),
                )
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    # Offers ---------------------------------------------------------------------------------

    def offers(self) -> list[Offer]:
        """Every offer with its patent, in register order (by patent number)."""
        with self.session() as session:
            return list(
                session.scalars(select(Offer).join(Offer.patent).order_by(Patent.number))
            )

    def offer(self, offer_id: int) -> Offer | None:
        with self.session() as session:
            return session.get(Offer, offer_id)

    def offer_for_patent(self, patent_id: int) -> Offer | None:
        with self.session() as session:
            return session.scalar(select(Offer).where(Offer.patent_id == patent_id))

    def offer_states(self) -> dict[int, str]:
        """patent id → offer state, for the register's column (one query for all rows)."""
        with self.session() as session:
            rows = session.execute(select(Offer.patent_id, Offer.state)).all()
            return {patent_id: state for patent_id, state in rows}

    def save_offer(self, patent_id: int, fields: OfferFields, *,
                   expected_version: int | None = None) -> SaveResult:
        """Create or update the offer of a patent. Drafts with errors are kept.

        Saving changes to a finalised offer returns it to draft; the notice says which fields
        changed, so the window can say what the edit invalidated. Given `expected_version`, a
        save over a newer version is refused (app.models.versions).
        """
        with self.session() as session, session.begin():
            patent = session.get(Patent, patent_id)
            if patent is None:
                return SaveResult(None, [error("offer.patent_missing", "patent", id=patent_id)])
            offer_id = session.scalar(select(Offer.id).where(Offer.patent_id == patent_id))
            if offer_id is not None:
                from app.models.versions import claim

                newer = claim(session, Offer, offer_id, expected_version, patent.number)
                if newer is not None:
                    session.rollback()
                    return SaveResult(None, [newer])
                session.expire_all()  # the version and who saved, as just written
            offer = patent.offer
            if offer is None:
                from app.models.versions import editor_name

                offer = Offer(patent=patent, updated_by=editor_name())
                session.add(offer)
            fields.apply_to(offer)
            from app.models.column_limits import ColumnTooLong

            try:
                session.flush()
            except ColumnTooLong as exc:  # check_offer says which field, as it is typed
                session.rollback()
                return SaveResult(None, [error(exc.code, "offer", **exc.params)])
            notices = []
            notice = _return_to_draft_if_changed(offer)
            if notice is not None:
                notices.append(notice)
            findings = check_offer(OfferFields.of(offer), PatentFields.of(patent))
            return SaveResult(offer.id, findings, notices)

    def default_offer_contact(self) -> OfferContact:
        """⑧ defaults from the organisation profile: its first contact, its address."""
        org = self.organisation()
        first = org.contacts[0] if org.contacts else ContactData()
        return OfferContact(
            name=first.name,
            address=org.address,
            postcode=org.postcode,
            phone=first.office_phone or first.mobile or org.phone,
            email=first.email or org.email,
        )

    def create_offers(
        self, patent_ids: Sequence[int], fields_for: Callable[[Patent], OfferFields]
    ) -> dict[int, SaveResult]:
        """Offers for several patents at once, in one transaction.

        `fields_for(patent) -> OfferFields` gives each patent's sheet (shared defaults with the
        licence expiry capped per patent); a patent that already has an offer is left alone and
        reported with `offer.exists`.
        """
        results: dict[int, SaveResult] = {}
        with self.session() as session, session.begin():
            for patent_id in patent_ids:
                patent = session.get(Patent, patent_id)
                if patent is None:
                    continue
                if patent.offer is not None:
                    results[patent_id] = SaveResult(
                        patent.offer.id,
                        [warning("offer.exists", "patent", number=patent.number)],
                    )
                    continue
                fields: OfferFields = fields_for(patent)
                offer = Offer(patent=patent)
                fields.apply_to(offer)
                session.add(offer)
                session.flush()
                results[patent_id] = SaveResult(
                    offer.id, check_offer(fields, PatentFields.of(patent))
                )
        return results

    def finalise_offer(self, offer_id: int) -> SaveResult:
        """Finalise when there is no error; the data it was finalised with is recorded."""
        with self.session() as session, session.begin():
            offer = session.get(Offer, offer_id)
            if offer is None:
                return SaveResult(None, [error("offer.missing", "offer", id=offer_id)])
            offer_fields = OfferFields.of(offer)
            patent_fields = PatentFields.of(offer.patent)
            findings = check_offer(offer_fields, patent_fields)
            if has_errors(findings):
                return SaveResult(None, findings)
            if offer.state == DocumentState.DRAFT.value:
                offer.state = DocumentState.FINALISED.value
                offer.finalised_at = _utcnow()
                offer.finalised_snapshot = snapshot(offer_fields, patent_fields)
            return SaveResult(offer.id, findings)

    def delete_offers(self, offer_ids: Iterable[int]) -> int:
        ids = list(offer_ids)
        with self.session() as session, session.begin():
            result = session.execute(delete(Offer).where(Offer.id.in_(ids)))
            session.execute(
                delete(EditorDraft).where(
                    EditorDraft.entity == "offer",
                    EditorDraft.record_key.in_([str(i) for i in ids]),
                )
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    # Deals and summary books ----------------------------------------------------------------
    # (app.models.deals, app.models.summary_book; imported here to keep this section self-contained)

    def deals(self) -> list[Any]:
        """Every deal as a `DealRecord` (fields, 序号, files), in 序号 order."""
        from app.models.deals import Deal, DealRecord

        with self.session() as session:
            return [DealRecord.of(d) for d in session.scalars(select(Deal).order_by(Deal.serial))]

    def deal(self, deal_id: int) -> Any:
        """One deal as a `DealRecord`, or None."""
        from app.models.deals import Deal, DealRecord

        with self.session() as session:
            deal = session.get(Deal, deal_id)
            return DealRecord.of(deal) if deal is not None else None

    def check_deal_fields(self, fields: Any, deal_id: int | None = None) -> list[Finding]:
        """The deal rules on fields as typed (the editor checks live); files of `deal_id`."""
        from app.models.deals import Deal, check_deal, offer_numbers, register_fields

        with self.session() as session:
            deal = session.get(Deal, deal_id) if deal_id is not None else None
            kinds = {f.kind for f in deal.files} if deal is not None else set()
            numbers = offer_numbers(session)
            return check_deal(
                fields, register_fields(session), file_kinds=kinds,
                offer_number=numbers.get(fields.offer_id) if fields.offer_id else None,
            )

    def save_deal(self, fields: Any, deal_id: int | None = None, *,
                  expected_version: int | None = None) -> SaveResult:
        """Create (with the next 序号) or update a deal from `DealFields`; drafts with errors are
        kept. Patent numbers are linked to the register's records where they are there.
        Another clerk taking the same 序号 at the same moment: saved again with the next one.
        Given `expected_version`, a save over a newer version is refused (app.models.versions).
        """
        from app.models.allocation import DEAL_SERIAL, retrying_on_clash

        return retrying_on_clash(
            lambda: self._save_deal_once(fields, deal_id, expected_version), DEAL_SERIAL)

    def _save_deal_once(self, fields: Any, deal_id: int | None,
                        expected_version: int | None = None) -> SaveResult:
        from dataclasses import replace

        from app.models.deals import (
            Deal,
            DealFields,
            check_deal,
            next_serial,
            offer_numbers,
            register_fields,
            set_deal_patents,
        )

        with self.session() as session, session.begin():
            deal = session.get(Deal, deal_id) if deal_id is not None else None
            if deal_id is not None and deal is None:
                return SaveResult(None, [error("deal.missing", "deal", id=deal_id)])
            if deal is not None:
                from app.models.versions import claim

                newer = claim(session, Deal, deal.id, expected_version, f"{deal.serial}")
                if newer is not None:
                    session.rollback()
                    return SaveResult(None, [newer])
            notices: list[Finding] = []
            if fields.offer_id is not None and session.get(Offer, fields.offer_id) is None:
                notices.append(warning("deal.offer_missing", "offer", id=fields.offer_id))
                fields = replace(fields, offer_id=None)
            if deal is None:
                from app.models.versions import editor_name

                deal = Deal(serial=next_serial(session.scalars(select(Deal.serial))),
                            updated_by=editor_name())
                session.add(deal)
            fields.apply_to(deal)
            set_deal_patents(session, deal, fields.patents)
            if deal.via_offer and deal.offer_id is None:
                # An imported deal only says it came through an offer: link its patent's offer.
                for row in deal.patent_rows:
                    if row.patent is not None and row.patent.offer is not None:
                        deal.offer = row.patent.offer
                        break
            session.flush()
            saved = DealFields.of(deal)
            numbers = offer_numbers(session)
            findings = check_deal(
                saved, register_fields(session), file_kinds={f.kind for f in deal.files},
                offer_number=numbers.get(saved.offer_id) if saved.offer_id else None,
            )
            return SaveResult(deal.id, findings, notices)

    def delete_deals(self, deal_ids: Iterable[int]) -> int:
        """Delete deals. Their supporting files leave this database when no other row refers
        to the same contents (`stored_files.collect_garbage`); another register keeps its own."""
        from app.models.deals import Deal, DealFile
        from app.models.stored_files import collect_garbage

        ids = list(deal_ids)
        with self.session() as session, session.begin():
            hashes = list(session.scalars(select(DealFile.sha256)
                                          .where(DealFile.deal_id.in_(ids))))
            result = session.execute(delete(Deal).where(Deal.id.in_(ids)))
            session.execute(
                delete(EditorDraft).where(
                    EditorDraft.entity == "deal",
                    EditorDraft.record_key.in_([str(i) for i in ids]),
                )
            )
            collect_garbage(session, hashes)
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def deal_from_offer(self, offer_id: int) -> Any:
        """`DealFields` prefilled from an offer (patent, fee, term, link), or None."""
        from app.models.deals import deal_from_offer

        with self.session() as session:
            offer = session.get(Offer, offer_id)
            return deal_from_offer(offer) if offer is not None else None

    def add_deal_file(
        self, deal_id: int, source: Any, kind: str,
        original_name: str | None = None,
    ) -> SaveResult:
        """Store a supporting file in the database (by its SHA-256, once however many deals
        refer to it) under the name "<序号>-<n> <kind>.<ext>". `source` is a path; `kind` a
        DealFileKind value. The record id of the result is the file's."""
        from pathlib import Path

        from app.models.deals import (
            Deal,
            DealFields,
            DealFile,
            DealFileKind,
            check_deal,
            deal_folder,
            register_fields,
            stored_file_name,
        )
        from app.models.stored_files import StoredFileError, put_file

        path = Path(source)
        if kind not in {k.value for k in DealFileKind}:
            return SaveResult(None, [error("deal.file_kind_unknown", "files", kind=kind)])
        if not path.is_file():
            # Said as the OS would say it, so the message words it in the clerk's language.
            reason = errno_params(errno.EISDIR if path.is_dir() else errno.ENOENT)
            return SaveResult(None, [error("deal.file_unreadable", "files", path=str(path),
                                           **reason)])
        try:
            with self.session() as session, session.begin():
                deal = session.get(Deal, deal_id)
                if deal is None:
                    return SaveResult(None, [error("deal.missing", "deal", id=deal_id)])
                number = max((f.number for f in deal.files), default=0) + 1
                name = original_name or path.name
                shown = deal_folder(deal.serial) / stored_file_name(deal.serial, number, kind,
                                                                     name)
                digest, size = put_file(session, path)
                record = DealFile(number=number, kind=kind, original_name=name,
                                  stored_path=shown.as_posix(), sha256=digest, size=size)
                deal.files.append(record)
                session.flush()
                findings = check_deal(DealFields.of(deal), register_fields(session),
                                      file_kinds={f.kind for f in deal.files})
                return SaveResult(record.id, findings)
        except StoredFileError as exc:
            return SaveResult(None, [error(exc.code, "files", **exc.params)])
        except OSError as exc:
            return SaveResult(None, [error("deal.file_unreadable", "files", path=str(path),
                                           **reason_params(exc))])

    def remove_deal_file(self, file_id: int) -> bool:
        """Remove a supporting file from its deal; its contents leave this database when no
        other row refers to them."""
        from app.models.deals import DealFile
        from app.models.stored_files import collect_garbage

        with self.session() as session, session.begin():
            record = session.get(DealFile, file_id)
            if record is None:
                return False
            digest = record.sha256
            session.delete(record)
            session.flush()
            collect_garbage(session, [digest])
        return True

    def renumber_deals(self) -> dict[int, int]:
        """Give the deals 序号 1…n by licence date; their files take names under the new 序号
        (the contents, in the database by hash, do not move).

        Returns old 序号 → new for the deals that changed.
        """
        from app.models.deals import (
            Deal,
            deal_folder,
            renumber_plan,
            stored_file_name,
        )

        with self.session() as session, session.begin():
            deals = list(session.scalars(select(Deal)))
            plan = renumber_plan(deals)
            changing = [d for d in deals if plan[d.id] != d.serial]
            changes = {d.serial: plan[d.id] for d in changing}
            # Through negative 序号 first: the unique constraint holds after every statement.
            for deal in changing:
                deal.serial = -plan[deal.id]
            session.flush()
            for deal in changing:
                deal.serial = plan[deal.id]
                for record in deal.files:
                    record.stored_path = (deal_folder(deal.serial) / stored_file_name(
                        deal.serial, record.number, record.kind, record.original_name)
                    ).as_posix()
            session.flush()
        return changes

    def declared_offers(self) -> list[Any]:
        """Every offer as a `DeclaredOffer` (number, patentees, state, declaration date)."""
        from app.models.summary_book import DeclaredOffer

        with self.session() as session:
            offers = session.scalars(select(Offer).join(Offer.patent).order_by(Patent.number))
            return [
                DeclaredOffer(o.patent.number, tuple(o.patent.patentees), o.state, o.declared_on)
                for o in offers
            ]

    def summary_books(self) -> list[Any]:
        """Every summary book as `SummaryBookFields`, newest period first."""
        from app.models.deals import SummaryBook
        from app.models.summary_book import SummaryBookFields

        with self.session() as session:
            books = session.scalars(select(SummaryBook).order_by(SummaryBook.period_end.desc()))
            return [SummaryBookFields.of(b) for b in books]

    def summary_book(self, period_end: str) -> Any:
        """The book of a period ("YYYY-MM") as `SummaryBookFields`, or None."""
        from app.models.deals import SummaryBook
        from app.models.summary_book import SummaryBookFields, normal_period_end

        key = normal_period_end(period_end) or period_end
        with self.session() as session:
            book = session.scalar(select(SummaryBook).where(SummaryBook.period_end == key))
            return SummaryBookFields.of(book) if book is not None else None

    def summary_book_state(self, period_end: str) -> str | None:
        from app.models.deals import SummaryBook
        from app.models.summary_book import normal_period_end

        key = normal_period_end(period_end) or period_end
        with self.session() as session:
            return session.scalar(select(SummaryBook.state).where(SummaryBook.period_end == key))

    def save_summary_book(self, fields: Any, *, expected_version: int | None = None
                          ) -> SaveResult:
        """Create or update the book of `fields.period_end`; its findings come back with it.

        A period that is not a month is refused. Changing a finalised book returns it to draft.
        Given `expected_version`, a save over a newer version is refused (app.models.versions).
        """
        from app.models.deals import SummaryBook
        from app.models.summary_book import SummaryBookFields, normal_period_end

        key = normal_period_end(fields.period_end)
        if key is None:
            return SaveResult(None, [error("book.period_invalid", "period_end",
                                           value=fields.period_end)])
        notices: list[Finding] = []
        with self.session() as session, session.begin():
            book = session.scalar(select(SummaryBook).where(SummaryBook.period_end == key))
            if book is None:
                from app.models.versions import editor_name

                book = SummaryBook(period_end=key, updated_by=editor_name())
                session.add(book)
                before = None
            else:
                from app.models.versions import claim

                newer = claim(session, SummaryBook, book.id, expected_version, key)
                if newer is not None:
                    session.rollback()
                    return SaveResult(None, [newer])
                before = SummaryBookFields.of(book).to_dict()
            fields.apply_to(book)
            if before is not None and book.state != DocumentState.DRAFT.value:
                if SummaryBookFields.of(book).to_dict() != before:
                    notices.append(warning("book.returned_to_draft", "book", period_end=key,
                                           previous_state=book.state))
                    book.state = DocumentState.DRAFT.value
                    book.finalised_at = None
            session.flush()
            book_id = book.id
        data = self.summary_book_data(key)
        return SaveResult(book_id, list(data.findings) if data else [], notices)

    def delete_summary_book(self, period_end: str) -> bool:
        from app.models.deals import SummaryBook
        from app.models.summary_book import normal_period_end

        key = normal_period_end(period_end) or period_end
        with self.session() as session, session.begin():
            result = session.execute(delete(SummaryBook).where(SummaryBook.period_end == key))
            return bool(result.rowcount)  # type: ignore[attr-defined]

    def summary_book_data(
        self, period_end: str, fields: Any = None, *, today: Any = None
    ) -> Any:
        """The book's printable data (`SummaryBookData`) with every finding, computed from the
        records: the saved book of the period, or `fields` as typed. None when the period is
        not a month."""
        from app.models.deals import Deal, DealRecord, offer_numbers, register_fields
        from app.models.summary_book import (
            SummaryBookFields,
            UnitInfo,
            build_summary_book,
            normal_period_end,
        )

        if fields is None:
            fields = self.summary_book(period_end) or SummaryBookFields(
                normal_period_end(period_end) or period_end)
        unit = UnitInfo.of(self.organisation())
        offers = self.declared_offers()
        with self.session() as session:
            deals = [DealRecord.of(d) for d in session.scalars(select(Deal).order_by(Deal.serial))]
            register = register_fields(session)
            numbers = offer_numbers(session)
        return build_summary_book(fields, unit, deals, offers, register, offer_numbers=numbers,
                                  today=today)

    def finalise_summary_book(self, period_end: str, *, today: Any = None) -> SaveResult:
        """Finalise the saved book of a period when it has no error."""
        import datetime as dt

        from app.models.deals import SummaryBook
        from app.models.summary_book import normal_period_end

        key = normal_period_end(period_end) or period_end
        data = self.summary_book_data(key, today=today)
        if data is None:
            return SaveResult(None, [error("book.period_invalid", "period_end", value=period_end)])
        findings = list(data.findings)
        if has_errors(findings):
            return SaveResult(None, findings)
        with self.session() as session, session.begin():
            book = session.scalar(select(SummaryBook).where(SummaryBook.period_end == key))
            if book is None:
                return SaveResult(None, [error("book.missing", "book", period_end=key)])
            if book.state == DocumentState.DRAFT.value:
                book.state = DocumentState.FINALISED.value
                book.finalised_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            return SaveResult(book.id, findings)

    # Batches and imports ----------------------------------------------------------------------

    def batches(self) -> list[BatchInfo]:
        """Every batch with its offer ids in order, newest first."""
        with self.session() as session:
            query = select(Batch).order_by(Batch.created_at.desc(), Batch.id.desc())
            return [batch_info(b) for b in session.scalars(query)]

    def batch(self, batch_id: int) -> BatchInfo | None:
        with self.session() as session:
            found = session.get(Batch, batch_id)
            return batch_info(found) if found is not None else None

    def create_batch(
        self, name: str, note: str = "", offer_ids: Sequence[int] = ()
    ) -> BatchResult:
        """A new batch; offers that are not finalised are left out and reported."""
        findings = check_batch_name(name)
        if findings:
            return BatchResult(None, findings)
        try:
            return self._create_batch_once(name, note, offer_ids)
        except IntegrityError as exc:  # another clerk created the same name at the same moment
            if not violates(exc, BATCH_NAME):
                raise
            return BatchResult(None, [error("batch.name_taken", "name", name=name.strip())])

    def _create_batch_once(self, name: str, note: str, offer_ids: Sequence[int]) -> BatchResult:
        with self.session() as session, session.begin():
            if session.scalar(select(Batch.id).where(Batch.name == name.strip())) is not None:
                return BatchResult(None, [error("batch.name_taken", "name", name=name.strip())])
            batch = Batch(name=name.strip(), note=note)
            session.add(batch)
            findings, left_out = self._place_batch_offers(session, batch, list(offer_ids))
            session.flush()
            return BatchResult(batch_info(batch), findings, left_out)

    def rename_batch(self, batch_id: int, name: str, note: str | None = None) -> BatchResult:
        findings = check_batch_name(name)
        if findings:
            return BatchResult(None, findings)
        try:
            return self._rename_batch_once(batch_id, name, note)
        except IntegrityError as exc:  # another clerk took the name at the same moment
            if not violates(exc, BATCH_NAME):
                raise
            return BatchResult(None, [error("batch.name_taken", "name", name=name.strip())])

    def _rename_batch_once(self, batch_id: int, name: str, note: str | None) -> BatchResult:
        with self.session() as session, session.begin():
            batch = session.get(Batch, batch_id)
            if batch is None:
                return BatchResult(None, [error("batch.missing", "batch", batch_id=batch_id)])
            clash = session.scalar(select(Batch.id).where(Batch.name == name.strip()))
            if clash is not None and clash != batch_id:
                return BatchResult(None, [error("batch.name_taken", "name", name=name.strip())])
            batch.name = name.strip()
            if note is not None:
                batch.note = note
            return BatchResult(batch_info(batch))

    def delete_batch(self, batch_id: int) -> bool:
        """Delete a batch (its offers stay); False when there was none."""
        with self.session() as session, session.begin():
            batch = session.get(Batch, batch_id)
            if batch is None:
                return False
            session.delete(batch)
            return True

    def set_batch_offers(self, batch_id: int, offer_ids: Sequence[int]) -> BatchResult:
        """Make the batch hold exactly `offer_ids`, in that order (序号 1, 2, …). Offers that are
        not finalised are left out, each reported with its own findings; the rest are set."""
        with self.session() as session, session.begin():
            batch = session.get(Batch, batch_id)
            if batch is None:
                return BatchResult(None, [error("batch.missing", "batch", batch_id=batch_id)])
            findings, left_out = self._place_batch_offers(session, batch, list(offer_ids))
            session.flush()
            return BatchResult(batch_info(batch), findings, left_out)

    def batch_offers(self, batch_id: int) -> list[Offer]:
        """The batch's offers with their patents, in the batch's order."""
        with self.session() as session:
            query = (
                select(Offer)
                .join(BatchOffer, BatchOffer.offer_id == Offer.id)
                .where(BatchOffer.batch_id == batch_id)
                .order_by(BatchOffer.position)
            )
            return list(session.scalars(query).unique())

    def summary_list(self, batch_id: int) -> tuple[SummaryList | None, list[Finding]]:
        """The batch's summary list (汇总表), from the records, and what is wrong with it.

        An offer edited back to draft since it entered the batch is left off the list and
        reported (`batch.offer_not_finalised`); empty summary fields are warnings.
        """
        info = self.batch(batch_id)
        if info is None:
            return None, [error("batch.missing", "batch", batch_id=batch_id)]
        findings: list[Finding] = []
        listed: list[Offer] = []
        for offer in self.batch_offers(batch_id):
            refusal = check_offer_for_batch(offer)
            if refusal is not None:
                findings.append(refusal)
                continue
            listed.append(offer)
            empty = [name for name in ("single_term", "open_scope", "contact.name",
                                       "contact.phone")
                     if not getattr(offer, name.replace(".", "_")).strip()]
            if empty:
                findings.append(warning("summary_list.field_missing", "offers", fields=empty,
                                        number=official_number(offer.patent.number)))
        if not listed:
            findings.append(warning("summary_list.empty", "offers", batch=info.name))
        org = self.organisation()
        if not org.name.strip():
            findings.append(warning("summary_list.unit_missing", "name"))
        first = org.contacts[0] if org.contacts else ContactData()
        summary = build_summary_list(
            org.name, first.name, first.office_phone or first.mobile or org.phone, listed,
            subject=info.name,
        )
        return summary, findings

    def patent_numbers(self) -> set[str]:
        """Every stored number (normalised), for an import preview to mark rows already there."""
        with self.session() as session:
            return set(session.scalars(select(Patent.number)))

    def import_patents(
        self,
        rows: Sequence[PreviewRow],
        *,
        on_existing: str = "skip",
        skip_bad_rows: bool = False,
    ) -> ImportOutcome:
        """Write previewed rows in ONE transaction: all of them or, on any failure, nothing.

        A row with errors refuses the whole import unless `skip_bad_rows`, which imports the
        good rows only. A number already in the register is skipped (`on_existing="skip"`) or
        updated with the cells the file fills in (`"update"`); the summary-list columns go to the
        patent's offer (created as a draft when it has none). Records with rule findings (no
        filing date, …) are kept as drafts, as the window keeps them.
        """
        if on_existing not in ON_EXISTING:
            raise ValueError(f"on_existing must be one of {ON_EXISTING}")
        bad = [row.row for row in rows if row.has_errors]
        if bad and not skip_bad_rows:
            return ImportOutcome(False, findings=(
                error("import.refused_rows_with_errors", "file", count=len(bad),
                      rows="、".join(str(n) for n in bad[:10]) + ("…" if len(bad) > 10 else "")),
            ))
        good = [row for row in rows if not row.has_errors]
        if not good:
            return ImportOutcome(False, skipped_rows=tuple(bad),
                                 findings=(error("import.nothing_to_import", "file"),))
        with collection_held_off():  # tens of thousands of rows' values, all kept until the end
            return self._import_rows(good, bad, on_existing)

    def _import_rows(self, good: list[PreviewRow], bad: list[int],
                     on_existing: str) -> ImportOutcome:
        from sqlalchemy.exc import SQLAlchemyError

        from app.models.column_limits import ColumnTooLong

        created: list[str] = []
        updated: list[str] = []
        skipped: list[str] = []
        notices: list[Finding] = []
        offers_created = offers_updated = 0
        try:
            with self.session() as session, session.begin():
                ids = {n: i for n, i in session.execute(select(Patent.number, Patent.id))}
                seen: set[str] = set()
                new: list[tuple[str, PreviewRow]] = []
                for row in good:
                    number = stored_number(row.patent.number)
                    if number in seen:  # rows not from one preview: the first one wins
                        continue
                    seen.add(number)
                    patent_id = ids.get(number)
                    if patent_id is None:
                        new.append((number, row))
                        continue
                    if on_existing == "skip":
                        skipped.append(number)
                        continue
                    patent = session.get_one(Patent, patent_id)
                    _apply_patent_fields(patent, merged_fields(PatentFields.of(patent), row),
                                         number)
                    _bump_if_modified(session, patent)
                    updated.append(number)
                    offer = patent.offer
                    if row.has_offer_fields:
                        if offer is None:
                            offer = Offer(patent=patent, state=DocumentState.DRAFT.value)
                            session.add(offer)
                            offers_created += 1
                        else:
                            offers_updated += 1
                        self._apply_summary_fields(offer, row)
                        if offer.id is not None:
                            _bump_if_modified(session, offer)
                    if offer is not None and offer.id is not None:
                        # An update changed a finalised sheet's data: back to draft, and say so.
                        notice = _return_to_draft_if_changed(offer)
                        if notice is not None:
                            notices.append(notice)
                session.flush()
                offers_created += self._insert_new_patents(session, new)
                created = [number for number, _row in new]
        except SQLAlchemyError as exc:
            return ImportOutcome(False, findings=(
                error("import.write_failed", "file", reason=str(exc).splitlines()[0]),))
        except ColumnTooLong as exc:  # one transaction: nothing was written
            return ImportOutcome(False, findings=(error(exc.code, "file", **exc.params),))
        return ImportOutcome(
            True, tuple(created), tuple(updated), tuple(skipped), tuple(bad), offers_created,
            offers_updated, tuple(notices),
        )

    @staticmethod
    def _apply_summary_fields(offer: Offer, row: PreviewRow) -> None:
        for name in ("single_term", "open_scope", "contact_name", "contact_phone"):
            if name in row.provided:
                setattr(offer, name, getattr(row.offer, name).strip())

    def _insert_new_patents(self, session: Session, new: list[tuple[str, PreviewRow]]) -> int:
        """New patents, their patentees and offers as plain rows (`_insert_rows`, as the JSON
        restore writes them), a few thousand at a time, each chunk's ids read back by number:
        10,000 rows through the unit of work took about six seconds, this way a fraction of one.
        Returns offers created."""
        patent_ids = [patent_id for chunk in _insert_patents(session, [
            (_patent_columns(row.patent, number), [n.strip() for n in row.patent.patentees
                                                   if n.strip()])
            for number, row in new]) for patent_id in chunk]
        offers = [
            {"patent_id": patent_id, "state": DocumentState.DRAFT.value,
             # A cell the list leaves out gets the column's default, as an INSERT gives it.
             **{name: getattr(row.offer, name).strip() if name in row.provided else ""
                for name in ("single_term", "open_scope", "contact_name", "contact_phone")}}
            for patent_id, (_number, row) in zip(patent_ids, new, strict=True)
            if row.has_offer_fields
        ]
        for start in range(0, len(offers), BULK_CHUNK):
            _insert_rows(session, Offer, offers[start : start + BULK_CHUNK])
        return len(offers)

    def _place_batch_offers(
        self, session: Session, batch: Batch, offer_ids: list[int]
    ) -> tuple[list[Finding], dict[int, list[Finding]]]:
        offers = {offer_id: session.get(Offer, offer_id) for offer_id in dict.fromkeys(offer_ids)}
        admitted, missing, left_out = admit_offers(offers, offer_ids)
        refusals = [fs[0] for fs in left_out.values()]
        kept = {entry.offer_id: entry for entry in batch.entries}
        batch.entries = [kept.get(i) or BatchOffer(offer_id=i) for i in admitted]
        batch.entries.reorder()  # type: ignore[attr-defined]  # ordering_list: 序号 follows the order
        return missing + refusals, left_out

    # Generated documents --------------------------------------------------------------------
    # (app.export.offer_documents writes the PDFs; these record them and read them back)

    @staticmethod
    def offer_data_hash(offer: OfferFields, patent: PatentFields) -> str:
        """SHA-256 of the data an offer's documents are rendered from (its snapshot)."""
        import hashlib

        return hashlib.sha256(snapshot(offer, patent).encode("utf-8")).hexdigest()

    def record_generated_documents(self, documents: Sequence[Any]) -> list[int]:
        """Record files just written (unsaved `GeneratedDocument`s), in one transaction.

        A final document moves its offer from finalised to generated, but only while the offer
        still holds the data the document was rendered from: an offer edited meanwhile keeps
        its state, and the document shows as out of date.
        """
        # Without autoflush: the rows go in with one flush at the end, not one per look-up.
        with self.session() as session, session.begin(), session.no_autoflush:
            for document in documents:
                session.add(document)
                if document.draft or document.offer_id is None:
                    continue
                offer = session.get(Offer, document.offer_id)
                if offer is None or offer.state != DocumentState.FINALISED.value:
                    continue
                current = self.offer_data_hash(OfferFields.of(offer),
                                               PatentFields.of(offer.patent))
                if current == document.data_hash:
                    offer.state = DocumentState.GENERATED.value
            session.flush()
            return [int(document.id) for document in documents]

    def unrecord_generated_documents(self, ids: Sequence[int]) -> None:
        """Take back records of files that could not be renamed into place (issue 18: a
        document is recorded before its file appears). An offer that thereby has no final
        document left goes back from generated to finalised."""
        from app.models.entities import GeneratedDocument

        if not ids:
            return
        with self.session() as session, session.begin():
            rows = list(session.scalars(
                select(GeneratedDocument).where(GeneratedDocument.id.in_(list(ids)))))
            offer_ids = {row.offer_id for row in rows if row.offer_id is not None}
            for row in rows:
                session.delete(row)
            session.flush()
            for offer_id in offer_ids:
                offer = session.get(Offer, offer_id)
                left = session.scalars(select(GeneratedDocument.id).where(
                    GeneratedDocument.offer_id == offer_id,
                    GeneratedDocument.draft.is_(False))).first()
                if (offer is not None and left is None
                        and offer.state == DocumentState.GENERATED.value):
                    offer.state = DocumentState.FINALISED.value

    def generated_documents(self, offer_ids: Iterable[int] | None = None) -> list[Any]:
        """Recorded `GeneratedDocument`s, oldest first; of the given offers only, if given."""
        from app.models.entities import GeneratedDocument

        query = select(GeneratedDocument).order_by(GeneratedDocument.id)
        if offer_ids is not None:
            query = query.where(GeneratedDocument.offer_id.in_(list(offer_ids)))
        with self.session() as session:
            return list(session.scalars(query))

    # Summary list documents -----------------------------------------------------------------
    # (app.export.summary_list_documents writes a batch's 汇总表.pdf/.xlsx; this reads them back)

    def documents_about(self, subject: str, kinds: Iterable[str]) -> list[Any]:
        """Final `GeneratedDocument`s of `kinds` about `subject` and no offer (a summary list's
        files, whose subject is the batch's name), oldest first."""
        from app.models.entities import GeneratedDocument

        query = (
            select(GeneratedDocument)
            .where(GeneratedDocument.subject == subject,
                   GeneratedDocument.kind.in_(list(kinds)),
                   GeneratedDocument.offer_id.is_(None),
                   GeneratedDocument.draft.is_(False))
            .order_by(GeneratedDocument.id)
        )
        with self.session() as session:
            return list(session.scalars(query))

    # Editor drafts --------------------------------------------------------------------------

    def save_draft(self, entity: str, record_id: int | None, payload: dict[str, Any]) -> None:
        key = _draft_key(record_id)
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
        with self.session() as session, session.begin():
            draft = session.scalar(
                select(EditorDraft).where(
                    EditorDraft.entity == entity, EditorDraft.record_key == key
                )
            )
            if draft is None:
                session.add(EditorDraft(entity=entity, record_key=key, payload=text))
            elif draft.payload != text:
                draft.payload = text

    def load_draft(self, entity: str, record_id: int | None) -> dict[str, Any] | None:
        with self.session() as session:
            text = session.scalar(
                select(EditorDraft.payload).where(
                    EditorDraft.entity == entity, EditorDraft.record_key == _draft_key(record_id)
                )
            )
        if text is None:
            return None
        try:
            value = json.loads(text)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def discard_draft(self, entity: str, record_id: int | None) -> None:
        with self.session() as session, session.begin():
            session.execute(
                delete(EditorDraft).where(
                    EditorDraft.entity == entity, EditorDraft.record_key == _draft_key(record_id)
                )
            )

    def drafts(self, entity: str) -> list[tuple[int | None, dict[str, Any]]]:
        """Unsaved editor states of `entity`, (record id or None for a new record, payload)."""
        with self.session() as session:
            rows = session.execute(
                select(EditorDraft.record_key, EditorDraft.payload).where(
                    EditorDraft.entity == entity
                )
            ).all()
        out: list[tuple[int | None, dict[str, Any]]] = []
        for key, text in rows:
            try:
                payload = json.loads(text)
            except ValueError:
                continue
            out.append((None if key.startswith("new") else int(key), payload))
        return out

    # Whole dataset (interchange) --------------------------------------------------------------

    def replace_all(
        self,
        organisation: OrganisationData | None,
        patents: Sequence[PatentFields],
        offers: Sequence[tuple[str, OfferFields, bool]] = (),
        deals: Sequence[tuple[int | None, int, Any]] = (),
        books: Sequence[Any] = (),
        progress: Callable[[int, int], bool] | None = None,
    ) -> None:
        """Merge a whole dataset in one transaction, all or nothing: patents matched by number,
        offers by their patent's number. `offers` are (number, fields, finalise); an offer asked
        to be finalised stays a draft when it has errors.

        `deals` are (stored deal id or None, 序号 for a new deal, `DealFields`) as planned by
        app.interchange.plan_deals: an updated deal keeps its 序号 and its supporting files.
        `books` are `SummaryBookFields`, matched by period; a finalised book whose content
        changes returns to draft (as `save_summary_book`).

        Patents are written as bulk INSERT/UPDATE statements a few thousand rows at a time (one
        statement per row took 44 s for 50,000). `progress(done, total)` is called after each
        such step; when it returns False the transaction is rolled back and `Cancelled` raised:
        nothing of the dataset is written."""
        from dataclasses import replace

        from app.models.deals import Deal, SummaryBook, set_deal_patents
        from app.models.summary_book import SummaryBookFields, normal_period_end

        with self.session() as session, session.begin():
            if organisation is not None:
                _write_organisation(session, organisation)
            _merge_patents_in_bulk(session, patents, progress)
            _merge_offers_in_bulk(session, offers)
            for deal_id, serial, deal_fields in deals:
                deal = session.get(Deal, deal_id) if deal_id is not None else None
                if deal_id is not None and deal is None:
                    raise LookupError(deal_id)  # deleted since the plan: roll everything back
                if deal is None:
                    deal = Deal(serial=serial)
                    session.add(deal)
                if deal_fields.offer_id is not None and session.get(
                    Offer, deal_fields.offer_id
                ) is None:
                    deal_fields = replace(deal_fields, offer_id=None)
                deal_fields.apply_to(deal)
                set_deal_patents(session, deal, deal_fields.patents)
                if deal.via_offer and deal.offer_id is None:
                    # As save_deal: a deal that came through an offer links its patent's offer.
                    for row in deal.patent_rows:
                        if row.patent is not None and row.patent.offer is not None:
                            deal.offer = row.patent.offer
                            break
                session.flush()
            for book_fields in books:
                key = normal_period_end(book_fields.period_end)
                if key is None:
                    raise ValueError(book_fields.period_end)  # the reader checked every period
                book = session.scalar(select(SummaryBook).where(SummaryBook.period_end == key))
                before = SummaryBookFields.of(book).to_dict() if book is not None else None
                if book is None:
                    book = SummaryBook(period_end=key)
                    session.add(book)
                book_fields.apply_to(book)
                if before is not None and book.state != DocumentState.DRAFT.value and (
                    SummaryBookFields.of(book).to_dict() != before
                ):
                    book.state = DocumentState.DRAFT.value
                    book.finalised_at = None
                session.flush()

    # Queries for the window (appended) --------------------------------------------------------

    def patent_register(self, ids: Iterable[int] | None = None) -> list[tuple[int, PatentFields]]:
        """Patents as (id, fields) in register order, or only those in `ids`.

        Reads columns, not ORM objects, and leaves dates as text for `date.fromisoformat`:
        10,000 patents load in about 0.1 s instead of 0.4 s with `patents()`, which matters
        for opening the window.
        """
        import datetime as dt

        from sqlalchemy import String, type_coerce

        from app.models.entities import Patentee

        days: dict[str, dt.date] = {}  # 50,000 patents share a few thousand dates

        def day(text: str | dt.date | None) -> dt.date | None:
            if not isinstance(text, str) or not text:
                return stored_date(text)
            found = days.get(text)
            if found is None:
                found = days[text] = dt.date.fromisoformat(text)
            return found

        if ids is None:  # the whole register: the driver's tuples, fields made from them
            from app.models.register_table import fields_of

            return [(row[0], fields_of(row)) for row in self.register_table()]
        wanted = list(ids)
        names_query = select(Patentee.patent_id, Patentee.name).order_by(
            Patentee.patent_id, Patentee.position
        )
        query = select(
            Patent.id,
            Patent.number,
            Patent.title,
            type_coerce(Patent.filing_date, String),
            type_coerce(Patent.grant_date, String),
            Patent.legal_status,
            Patent.entered_kind,
            Patent.term_compensation_days,
            type_coerce(Patent.expiry_override, String),
            Patent.expiry_override_note,
            Patent.remarks,
            Patent.pledged,
        ).order_by(Patent.number)
        names_query = names_query.where(Patentee.patent_id.in_(wanted))
        query = query.where(Patent.id.in_(wanted))
        names: dict[int, list[str]] = {}
        with self.session() as session:
            # Core rows through the session's connection: no ORM loading per row.
            connection = session.connection()
            # In slices of a few thousand rows: one call into the driver per slice, not one per
            # row as iterating does, and not every raw row in memory at once as fetchall.
            for part in connection.execute(names_query).partitions(5000):
                for patent_id, name in part:
                    names.setdefault(patent_id, []).append(name)
            return [
                (
                    row[0],
                    PatentFields(
                        number=row[1],
                        title=row[2],
                        patentees=tuple(names.get(row[0], ())),
                        filing_date=day(row[3]),
                        grant_date=day(row[4]),
                        legal_status=row[5],
                        entered_kind=row[6],
                        term_compensation_days=row[7],
                        expiry_override=day(row[8]),
                        expiry_override_note=row[9],
                        remarks=row[10],
                        pledged=bool(row[11]),
                    ),
                )
                for part in connection.execute(query).partitions(5000)
                for row in part
            ]

    def register_table(self) -> list[tuple[Any, ...]]:
        """Every patent as a plain tuple in register order, for the register window: read
        through the driver's cursor, no ORM or SQLAlchemy row per patent
        (app.models.register_table)."""
        from app.models.register_table import read_register

        with self.session() as session:
            cursor = session.connection().connection.cursor()
            try:
                return read_register(cursor)
            finally:
                cursor.close()

    def check_patent_fields(
        self, fields: PatentFields, patent_id: int | None = None
    ) -> list[Finding]:
        """`check_patent` plus the register's own rule, for an editor checking as it is typed:
        the number must not belong to another patent (the one thing `save_patent` refuses)."""
        findings = check_patent(fields)
        number = stored_number(fields.number)
        if number:
            with self.session() as session:
                clash = session.scalar(select(Patent.id).where(Patent.number == number))
            if clash is not None and clash != patent_id:
                findings.insert(0, error("number.duplicate", "number", number=number))
        return findings


def _utcnow() -> Any:
    import datetime as dt

    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _return_to_draft_if_changed(offer: Offer) -> Finding | None:
    """A finalised (or later) offer whose data changed goes back to draft, with a notice."""
    if offer.state == DocumentState.DRAFT.value:
        return None
    changed = changed_fields(
        offer.finalised_snapshot, OfferFields.of(offer), PatentFields.of(offer.patent)
    )
    if not changed:
        return None
    previous = offer.state
    offer.state = DocumentState.DRAFT.value
    offer.finalised_at = None
    return warning(
        "offer.returned_to_draft", "offer", fields=changed, previous_state=previous,
        number=offer.patent.number,
    )


def _draft_key(record_id: int | None) -> str:
    return "new" if record_id is None else str(record_id)


def _write_organisation(session: Session, data: OrganisationData) -> None:
    org = session.get(Organisation, 1)
    if org is None:
        org = Organisation(id=1)
        session.add(org)
    for name in ("name", "legal_representative", "address", "postcode", "phone", "fax", "email",
                 *ORGANISATION_DETAILS):
        setattr(org, name, getattr(data, name))
    org.contacts = [
        Contact(
            name=c.name,
            department=c.department,
            title=c.title,
            office_phone=c.office_phone,
            mobile=c.mobile,
            email=c.email,
        )
        for c in data.contacts
    ]


class Cancelled(Exception):  # noqa: N818 - what the clerk did, not an error
    """The clerk cancelled a long write; its transaction was rolled back."""


BULK_CHUNK = 2000  # rows per INSERT/UPDATE statement and per progress report


def _patent_columns(fields: PatentFields, number: str) -> dict[str, Any]:
    """A patent's columns, as `_apply_patent_fields` sets them."""
    return {
        "number": number,
        "title": fields.title.strip(),
        "filing_date": fields.filing_date,
        "grant_date": fields.grant_date,
        "legal_status": fields.legal_status,
        "entered_kind": fields.entered_kind or None,
        "term_compensation_days": fields.term_compensation_days or None,
        "expiry_override": fields.expiry_override,
        "expiry_override_note": fields.expiry_override_note.strip(),
        "remarks": fields.remarks,
        "pledged": fields.pledged,
    }


def _merge_patents_in_bulk(
    session: Session,
    patents: Sequence[PatentFields],
    progress: Callable[[int, int], bool] | None,
) -> None:
    """Patents matched by normalised number: new ones inserted, changed ones updated (an
    unchanged record is left alone, its `updated_at` too), patentee lists replaced where they
    differ. A number given twice: the later record wins, as with one write after another."""

    from sqlalchemy import String, type_coerce, update

    from app.models.entities import Patentee

    wanted: dict[str, dict[str, Any]] = {}
    names: dict[str, list[str]] = {}
    for fields in patents:
        number = stored_number(fields.number)
        wanted[number] = _patent_columns(fields, number)
        names[number] = [n.strip() for n in fields.patentees if n.strip()]
    total = len(wanted)
    columns = list(_patent_columns(PatentFields(""), ""))
    date_columns = {"filing_date", "grant_date", "expiry_override"}
    stored: dict[str, tuple[int, dict[str, Any]]] = {}
    query = select(Patent.id, *(
        type_coerce(getattr(Patent, c), String) if c in date_columns else getattr(Patent, c)
        for c in columns
    ))
    for row in session.execute(query):
        values = dict(zip(columns, row[1:], strict=True))
        for c in date_columns:
            values[c] = stored_date(values[c])
        values["pledged"] = bool(values["pledged"])
        stored[values["number"]] = (row[0], values)
    stored_names: dict[int, list[str]] = {}
    for patent_id, name in session.execute(
        select(Patentee.patent_id, Patentee.name).order_by(Patentee.patent_id, Patentee.position)
    ):
        stored_names.setdefault(patent_id, []).append(name)

    new = [number for number in wanted if number not in stored]
    changed: list[dict[str, Any]] = []
    renamed: list[int] = []
    for number, values in wanted.items():
        if number not in stored:
            continue
        patent_id, before = stored[number]
        if values != before:
            changed.append({"id": patent_id, **values})
        if names[number] != stored_names.get(patent_id, []):
            renamed.append(patent_id)
    done = total - len(new) - len(changed)

    def report(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None and progress(min(done, total), total) is False:
            raise Cancelled

    report(0)
    for start in range(0, len(changed), BULK_CHUNK):
        chunk = changed[start : start + BULK_CHUNK]
        session.execute(update(Patent), chunk)
        report(len(chunk))
    for start in range(0, len(renamed), BULK_CHUNK):
        chunk_ids = renamed[start : start + BULK_CHUNK]
        session.execute(delete(Patentee).where(Patentee.patent_id.in_(chunk_ids)))
    by_id = {stored[number][0]: number for number in wanted if number in stored}
    rows = [
        {"patent_id": patent_id, "position": position, "name": name}
        for patent_id in renamed
        for position, name in enumerate(names[by_id[patent_id]])
    ]
    for start in range(0, len(rows), BULK_CHUNK):
        _insert_rows(session, Patentee, rows[start : start + BULK_CHUNK])
    for new_ids in _insert_patents(session, [(wanted[number], names[number]) for number in new]):
        report(len(new_ids))


def _insert_patents(session: Session, patents: Sequence[tuple[dict[str, Any], Sequence[str]]]
                    ) -> Iterator[list[int]]:
    """New patents, each (its columns as `_patent_columns` gives them, its patentees), with
    their patentees, as plain rows a few thousand at a time; yields each chunk's new ids, in
    order. The ids are read back by number: INSERT … RETURNING of thousands of rows is one huge
    statement that psycopg parses in Python (on the server a third of the time of a restore)."""
    from app.models.entities import Patentee

    for start in range(0, len(patents), BULK_CHUNK):
        chunk = patents[start : start + BULK_CHUNK]
        numbers = [columns["number"] for columns, _names in chunk]
        _insert_rows(session, Patent, [columns for columns, _names in chunk])
        found: dict[str, int] = {number: patent_id for number, patent_id in session.execute(
            select(Patent.number, Patent.id).where(Patent.number.in_(numbers)))}
        ids = [found[number] for number in numbers]
        rows = [{"patent_id": patent_id, "position": position, "name": name}
                for patent_id, (_columns, names) in zip(ids, chunk, strict=True)
                for position, name in enumerate(names)]
        if rows:
            _insert_rows(session, Patentee, rows)
        yield ids


def _merge_offers_in_bulk(
    session: Session, offers: Sequence[tuple[str, OfferFields, bool]]
) -> None:
    """Offers matched by their patent's number, as `replace_all` says; an offer asked to be
    finalised stays a draft when it has errors. A number given twice: the later entry wins.

    The patents' fields are read as columns a few thousand at a time, stored offers are
    loaded as records and updated by one flush, new ones inserted as plain rows a few thousand
    at a time (one executemany: a pipeline on the server). A query and two flushes per offer
    took 46 s for 10,000 on the office server, and 11 ms an offer on SQLite.
    """
    from types import SimpleNamespace

    from app.models.entities import Patentee

    latest = {stored_number(number): (fields, finalise) for number, fields, finalise in offers}
    wanted = sorted(latest)
    patent_columns = [c for c in _patent_columns(PatentFields(""), "") if c != "number"]
    ids: dict[str, int] = {}
    values: dict[int, dict[str, Any]] = {}
    names: dict[int, list[str]] = {}
    stored: dict[int, Offer] = {}
    for start in range(0, len(wanted), BULK_CHUNK):
        query = select(Patent.id, Patent.number, *(getattr(Patent, c) for c in patent_columns))
        for row in session.execute(query.where(Patent.number.in_(
                wanted[start : start + BULK_CHUNK]))):
            ids[row[1]] = row[0]
            values[row[0]] = dict(zip(patent_columns, row[2:], strict=True))
    id_list = sorted(values)
    for start in range(0, len(id_list), BULK_CHUNK):
        chunk = id_list[start : start + BULK_CHUNK]
        for patent_id, name in session.execute(
            select(Patentee.patent_id, Patentee.name).where(Patentee.patent_id.in_(chunk))
            .order_by(Patentee.patent_id, Patentee.position)
        ):
            names.setdefault(patent_id, []).append(name)
        for loaded in session.scalars(select(Offer).where(Offer.patent_id.in_(chunk))):
            stored[loaded.patent_id] = loaded
    columns = [c.key for c in Offer.__table__.columns
               if c.key not in ("id", "created_at", "updated_at", "version", "updated_by")]
    new_rows: list[dict[str, Any]] = []
    for number, (offer_fields, finalise) in latest.items():
        if number not in ids:
            raise LookupError(number)  # the reader checked every reference
        patent_id = ids[number]
        column_values = values[patent_id]
        patent_fields = PatentFields(
            number=number, patentees=tuple(names.get(patent_id, ())),
            **{**column_values, "pledged": bool(column_values["pledged"])})
        offer: Any = stored.get(patent_id)
        if offer is None:  # a plain row to insert below, with the defaults a flush would give
            offer = SimpleNamespace(patent_id=patent_id, state=DocumentState.DRAFT.value,
                                    finalised_snapshot="", finalised_at=None)
        offer_fields.apply_to(offer)
        fields_now = OfferFields.of(offer)
        errors = has_errors(check_offer(fields_now, patent_fields))
        if finalise and not errors:
            if offer.state == DocumentState.DRAFT.value:
                offer.state = DocumentState.FINALISED.value
                offer.finalised_at = _utcnow()
                offer.finalised_snapshot = snapshot(fields_now, patent_fields)
        elif patent_id in stored:
            _return_to_draft_if_changed(offer)
            if not finalise:
                offer.state = DocumentState.DRAFT.value
        if patent_id not in stored:
            new_rows.append({key: getattr(offer, key) for key in columns})
    session.flush()
    for start in range(0, len(new_rows), BULK_CHUNK):
        _insert_rows(session, Offer, new_rows[start : start + BULK_CHUNK])
    if new_rows:
        session.expire_all()  # patents loaded earlier in the session know no offer for these


def _insert_rows(session: Session, entity: Any, rows: list[dict[str, Any]]) -> None:
    """Insert plain rows of a mapped class (attribute names as keys, the same in every row)
    in the session's transaction: on the office server one COPY (a statement per row, even
    pipelined, made a 10,000-patent restore wait on 35,000 statements), elsewhere one
    executemany. The columns' Python defaults are filled in here, as an INSERT would (COPY
    knows only the server's)."""
    from sqlalchemy import inspect

    if not rows:
        return
    from app.models.column_limits import ColumnTooLong, column_limit

    mapper = inspect(entity)
    keys = list(rows[0])
    columns = [mapper.columns[key] for key in keys]
    for key, column in zip(keys, columns, strict=True):  # as the session's guard would
        limit = column_limit(entity, key)
        if limit is None:
            continue
        longest = max((len(value) for row in rows if isinstance(value := row[key], str)),
                      default=0)
        if longest > limit:
            raise ColumnTooLong(mapper.local_table.name, column.name, longest, limit)
    connection = session.connection()
    table = mapper.local_table
    extra = [column for column in table.columns
             if column not in columns and column.default is not None
             and not column.primary_key]
    filled = tuple(column.default.arg(None) if column.default.is_callable
                   else column.default.arg for column in extra)
    row_values = operator.itemgetter(*keys) if len(keys) > 1 else (
        lambda row: (row[keys[0]],))
    if connection.dialect.name != "postgresql":
        # The driver's executemany with the columns' own bind processors (dates as ISO text,
        # booleans as 0/1), as SQLAlchemy would send them: its per-row parameter processing
        # took longer than SQLite's own work (the ORM's bulk insert, besides, splits the rows
        # into a statement per run of rows with the same None values).
        dialect = connection.dialect

        def processor_of(column: Any) -> Any:
            return column.type.dialect_impl(dialect).bind_processor(dialect)

        processors = [(index, processor) for index, column in enumerate(columns)
                      if (processor := processor_of(column)) is not None]
        filled = tuple(value if (processor := processor_of(column)) is None else processor(value)
                       for column, value in zip(extra, filled, strict=True))
        if processors:
            params = []
            for row in rows:
                values = list(row_values(row))
                for index, processor in processors:
                    values[index] = processor(values[index])
                params.append((*values, *filled))
        else:
            params = [(*row_values(row), *filled) for row in rows]
        quote = dialect.identifier_preparer.quote
        names = ", ".join(quote(column.name) for column in [*columns, *extra])
        marks = ", ".join("?" * (len(columns) + len(extra)))
        connection.exec_driver_sql(
            f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})", params)
        return
    quoted = ", ".join(f'"{column.name}"' for column in [*columns, *extra])
    driver = connection.connection.driver_connection
    with driver.cursor() as cursor:  # type: ignore[union-attr]
        with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row((*row_values(row), *filled))


def _apply_patent_fields(patent: Patent, fields: PatentFields, number: str) -> None:
    patent.number = number
    patent.title = fields.title.strip()
    patent.patentees = [n.strip() for n in fields.patentees if n.strip()]
    patent.filing_date = fields.filing_date
    patent.grant_date = fields.grant_date
    patent.legal_status = fields.legal_status
    patent.entered_kind = fields.entered_kind or None
    patent.term_compensation_days = fields.term_compensation_days or None
    patent.expiry_override = fields.expiry_override
    patent.expiry_override_note = fields.expiry_override_note.strip()
    patent.remarks = fields.remarks
    patent.pledged = fields.pledged
