"""The one place where the register is written.

The window, the command line and the importers all call these methods; each is one transaction,
so a failure leaves the database as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models.database import Database
from app.models.entities import Contact, EditorDraft, Organisation, Patent
from app.models.findings import Finding, error
from app.models.patent_number import parse
from app.models.patent_rules import PatentFields, check_patent


@dataclass(frozen=True)
class ContactData:
    name: str = ""
    department: str = ""
    title: str = ""
    office_phone: str = ""
    mobile: str = ""
    email: str = ""


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
            contacts=tuple(
                ContactData(c.name, c.department, c.title, c.office_phone, c.mobile, c.email)
                for c in org.contacts
            ),
        )


@dataclass(frozen=True)
class SaveResult:
    """What happened to a save: the record id when saved, and the record's findings."""

    record_id: int | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def saved(self) -> bool:
        return self.record_id is not None


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

    def save_organisation(self, data: OrganisationData) -> None:
        with self.session() as session, session.begin():
            _write_organisation(session, data)

    # Patents --------------------------------------------------------------------------------

    def patents(self) -> list[Patent]:
        """Every patent with its patentees, in register order (by number)."""
        with self.session() as session:
            return list(session.scalars(select(Patent).order_by(Patent.number)))

    def patent(self, patent_id: int) -> Patent | None:
        with self.session() as session:
            return session.get(Patent, patent_id)

    def find_patent(self, number: str) -> Patent | None:
        with self.session() as session:
            return session.scalar(select(Patent).where(Patent.number == stored_number(number)))

    def save_patent(self, fields: PatentFields, patent_id: int | None = None) -> SaveResult:
        """Save a patent, errors and all (a draft is kept, marked by its findings).

        Only a number another patent already has is refused: two records cannot share it.
        """
        findings = check_patent(fields)
        number = stored_number(fields.number)
        with self.session() as session, session.begin():
            clash = session.scalar(select(Patent.id).where(Patent.number == number))
            if clash is not None and clash != patent_id:
                return SaveResult(None, [error("number.duplicate", "number", number=number)]
                                  + findings)
            patent = session.get(Patent, patent_id) if patent_id is not None else None
            if patent is None:
                patent = Patent()
                session.add(patent)
            _apply_patent_fields(patent, fields, number)
            session.flush()
            return SaveResult(patent.id, findings)

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
        self, organisation: OrganisationData | None, patents: Sequence[PatentFields]
    ) -> None:
        """Merge a whole dataset in one transaction: patents matched by number, all or nothing."""
        with self.session() as session, session.begin():
            if organisation is not None:
                _write_organisation(session, organisation)
            for fields in patents:
                number = stored_number(fields.number)
                patent = session.scalar(select(Patent).where(Patent.number == number))
                if patent is None:
                    patent = Patent()
                    session.add(patent)
                _apply_patent_fields(patent, fields, number)
                session.flush()


def _draft_key(record_id: int | None) -> str:
    return "new" if record_id is None else str(record_id)


def _write_organisation(session: Session, data: OrganisationData) -> None:
    org = session.get(Organisation, 1)
    if org is None:
        org = Organisation(id=1)
        session.add(org)
    for name in ("name", "legal_representative", "address", "postcode", "phone", "fax", "email"):
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
