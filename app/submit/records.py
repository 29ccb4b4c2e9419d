"""Every database write of submission, in one place (as `Store` is for the register).

Each method is one transaction. The outbox methods commit one message's state at a time, so a
send killed half-way loses nothing: what was sent says "sent", what was on the wire says
"sending" (the caller must confirm before sending that again), the rest is untouched.
Reads return plain dataclasses, safe to hand to another thread.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.database import Database
from app.models.entities import DocumentState, GeneratedDocument, Offer, _now
from app.models.findings import Finding, error, warning
from app.models.stored_files import StoredFileError, collect_garbage, file_path
from app.models.submission import (
    MailAccount,
    OutboxMessage,
    OutboxState,
    SendTarget,
    SubmissionFile,
    SubmissionPackage,
)
from app.submit.accounts import AccountData, check_account
from app.submit.package import BuiltPackage, PackageItem
from app.submit.presets import DEFAULT_TARGETS, PER_PATENT_KINDS, DocumentKind
from app.submit.targets import TargetData, check_target, kind_label_zh

# Both documents of an offer must be sealed for the offer to count as sealed.
OFFER_DOCUMENT_KINDS = (DocumentKind.INFORMATION_SHEET, DocumentKind.DECLARATION)


@dataclass(frozen=True)
class Saved:
    record_id: int | None
    findings: tuple[Finding, ...] = ()

    @property
    def saved(self) -> bool:
        return self.record_id is not None


@dataclass(frozen=True)
class SealRecord:
    """What attaching a sealed copy changed: the offer's state after it, and notices."""

    document_id: int
    offer_state: str | None
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class OutboxData:
    id: int
    package_id: int
    part: int
    parts: int
    message_id: str
    subject: str
    recipients: tuple[str, ...]
    attachments: tuple[str, ...]
    sender: str
    account_id: int | None
    eml_path: str
    size: int
    state: str
    attempts: int
    failure_code: str
    failure_detail: str
    queued_at: dt.datetime | None
    last_attempt_at: dt.datetime | None
    sent_at: dt.datetime | None

    @classmethod
    def of(cls, row: OutboxMessage) -> OutboxData:
        return cls(
            row.id, row.package_id, row.part, row.parts, row.message_id, row.subject,
            tuple(json.loads(row.recipients)), tuple(json.loads(row.attachments)), row.sender,
            row.account_id, row.eml_path, row.size, row.state, row.attempts, row.failure_code,
            row.failure_detail, row.queued_at, row.last_attempt_at, row.sent_at,
        )


@dataclass(frozen=True)
class PackageFileData:
    file_name: str
    document_kind: str
    document_name: str
    patent_number: str | None
    document_id: int | None
    sha256: str
    size: int
    sealed: bool
    part: int


@dataclass(frozen=True)
class PackageData:
    id: int
    name: str
    target_id: int | None
    target_name: str
    unit: str
    package_date: dt.date
    built_at: dt.datetime
    folder: str
    zip_path: str
    zip_sha256: str
    recipients: tuple[str, ...]
    sent_at: dt.datetime | None
    sent_to: tuple[str, ...]
    files: tuple[PackageFileData, ...]
    messages: tuple[OutboxData, ...]

    @classmethod
    def of(cls, row: SubmissionPackage) -> PackageData:
        return cls(
            row.id, row.name, row.target_id, row.target_name, row.unit, row.package_date,
            row.built_at, row.folder, row.zip_path, row.zip_sha256,
            tuple(json.loads(row.recipients)), row.sent_at, tuple(json.loads(row.sent_to)),
            tuple(
                PackageFileData(f.file_name, f.document_kind, f.document_name, f.patent_number,
                                f.document_id, f.sha256, f.size, f.sealed, f.part)
                for f in row.files
            ),
            tuple(OutboxData.of(m) for m in row.messages),
        )


@dataclass(frozen=True)
class SentPatent:
    """A patent's document that went out: which package, which mail, to whom, when."""

    patent_number: str
    document_kind: str
    file_name: str
    package_id: int
    package_name: str
    target_name: str
    message_id: str
    recipients: tuple[str, ...]
    sent_at: dt.datetime


class SubmissionRecords:
    def __init__(self, database: Database) -> None:
        self.database = database

    def session(self) -> Session:
        return self.database.session()

    # Targets -------------------------------------------------------------------------------

    def ensure_default_targets(self) -> int:
        """Seed the shipped targets when there are none (first use); how many were added."""
        with self.session() as session, session.begin():
            if session.scalar(select(func.count()).select_from(SendTarget)):
                return 0
            for position, preset in enumerate(DEFAULT_TARGETS):
                row = SendTarget(position=position)
                TargetData.from_preset(preset).apply_to(row)
                session.add(row)
            return len(DEFAULT_TARGETS)

    def targets(self) -> list[TargetData]:
        self.ensure_default_targets()
        with self.session() as session:
            rows = session.scalars(select(SendTarget).order_by(SendTarget.position,
                                                               SendTarget.id))
            return [TargetData.of(row) for row in rows]

    def target(self, target_id: int) -> TargetData | None:
        with self.session() as session:
            row = session.get(SendTarget, target_id)
            return TargetData.of(row) if row else None

    def target_by_key(self, key: str) -> TargetData | None:
        self.ensure_default_targets()
        with self.session() as session:
            row = session.scalar(select(SendTarget).where(SendTarget.key == key))
            return TargetData.of(row) if row else None

    def save_target(self, data: TargetData) -> Saved:
        """Save a target, incomplete or not (its findings say what stops sending); only a key
        another target has is refused."""
        findings = tuple(check_target(data))
        with self.session() as session, session.begin():
            clash = session.scalar(select(SendTarget.id).where(SendTarget.key == data.key.strip()))
            if clash is not None and clash != data.id:
                return Saved(None, (error("target.key_duplicate", "key", key=data.key),
                                    *findings))
            row = session.get(SendTarget, data.id) if data.id is not None else None
            if row is None:
                position = session.scalar(select(func.max(SendTarget.position)))
                row = SendTarget(position=(position or 0) + 1)
                session.add(row)
            data.apply_to(row)
            session.flush()
            return Saved(row.id, findings)

    def delete_target(self, target_id: int) -> bool:
        with self.session() as session, session.begin():
            row = session.get(SendTarget, target_id)
            if row is None:
                return False
            session.delete(row)
            return True

    def restore_default_target(self, key: str) -> Saved:
        """Put a shipped target back as it was shipped (the clerk's edits are lost)."""
        preset = next((p for p in DEFAULT_TARGETS if p.key == key), None)
        if preset is None:
            return Saved(None, (error("target.not_a_preset", "key", key=key),))
        current = self.target_by_key(key)
        data = TargetData.from_preset(preset)
        if current is not None:
            data = TargetData(**{**data.__dict__, "id": current.id})
        return self.save_target(data)

    # Accounts ------------------------------------------------------------------------------

    def accounts(self) -> list[AccountData]:
        with self.session() as session:
            return [AccountData.of(r) for r in session.scalars(select(MailAccount)
                                                               .order_by(MailAccount.id))]

    def account(self, account_id: int) -> AccountData | None:
        with self.session() as session:
            row = session.get(MailAccount, account_id)
            return AccountData.of(row) if row else None

    def save_account(self, data: AccountData) -> Saved:
        """Save an account with its findings (an incomplete one is kept, to finish later)."""
        findings = tuple(check_account(data))
        with self.session() as session, session.begin():
            row = session.get(MailAccount, data.id) if data.id is not None else None
            if row is None:
                row = MailAccount()
                session.add(row)
            data.apply_to(row)
            session.flush()
            return Saved(row.id, findings)

    def delete_account(self, account_id: int) -> AccountData | None:
        """Remove the account; the caller removes its keyring entry
        (app.usecases.accounts.remove_account)."""
        with self.session() as session, session.begin():
            row = session.get(MailAccount, account_id)
            if row is None:
                return None
            data = AccountData.of(row)
            session.delete(row)
            return data

    # Sealed copies -------------------------------------------------------------------------

    def document(self, document_id: int) -> GeneratedDocument | None:
        with self.session() as session:
            return session.get(GeneratedDocument, document_id)

    def package_item(
        self, document_id: int, *, current: bool = True, unsealed_confirmed: bool = False
    ) -> PackageItem | None:
        """The package item of a generated document, with its sealed copy when attached.

        `current`: the caller's judgement that the document is finalised and generated from
        the data as it is now (offer state, data hash). The display name is "<subject> <kind>"
        for a per-patent document, whose subject is the patent number.
        """
        with self.session() as session:
            document = session.get(GeneratedDocument, document_id)
            if document is None:
                return None
            per_patent = document.kind in PER_PATENT_KINDS
            label = kind_label_zh(document.kind)
            return PackageItem(
                source=Path(document.path),
                kind=document.kind,
                name=f"{document.subject} {label}" if per_patent else label,
                patent=document.subject if per_patent else None,
                sha256=document.sha256,
                current=current,
                sealed_path=_sealed_copy(self.database, document),
                sealed_sha256=document.sealed_sha256,
                unsealed_confirmed=unsealed_confirmed,
                document_id=document.id,
            )

    def record_sealed_copy(
        self, document_id: int, path: Path | None, sha256: str
    ) -> SealRecord:
        """Set (or with `path` None, clear) the sealed copy of a document and derive its
        offer's state: "sealed" once both of the offer's current documents have one."""
        with self.session() as session, session.begin():
            document = session.get(GeneratedDocument, document_id)
            if document is None:
                return SealRecord(document_id, None,
                                  (error("sealed.document_missing", "document", id=document_id),))
            previous = document.sealed_sha256
            document.sealed_path = path.as_posix() if path is not None else ""
            document.sealed_sha256 = sha256 if path is not None else ""
            session.flush()
            collect_garbage(session, [previous])  # issue 16: unused contents leave
            document.sealed_at = _now() if path is not None else None
            session.flush()
            if document.offer_id is None:
                return SealRecord(document_id, None)
            offer = session.get(Offer, document.offer_id)
            if offer is None:
                return SealRecord(document_id, None)
            notices = tuple(_derive_offer_state(session, offer))
            return SealRecord(document_id, offer.state, notices)

    # Packages and the outbox -----------------------------------------------------------------

    def record_package(self, built: BuiltPackage) -> int:
        """Record a built package, its files and its planned mails (outbox drafts)."""
        if not built.built or built.target is None or built.date is None:
            raise ValueError("only a built package can be recorded")
        target = built.target
        with self.session() as session, session.begin():
            package = SubmissionPackage(
                name=built.name,
                target_id=_existing(session, SendTarget, target.id),
                target_name=target.name,
                unit=built.unit,
                package_date=built.date,
                built_at=_naive_utc(built.built_at),
                folder=str(built.folder or ""),
                zip_path=str(built.zip_path or ""),
                zip_sha256=built.zip_sha256,
                recipients=_dumps(list(target.recipients)),
            )
            package.files = [
                SubmissionFile(
                    position=i, file_name=f.file_name, document_kind=f.kind,
                    document_name=f.document_name, patent_number=f.patent,
                    document_id=_existing(session, GeneratedDocument, f.document_id),
                    sha256=f.sha256, size=f.size, sealed=f.sealed, part=f.part,
                )
                for i, f in enumerate(built.files)
            ]
            package.messages = [
                OutboxMessage(
                    part=m.part, parts=m.parts, message_id=m.message_id, subject=m.subject,
                    body=m.body, attachments=_dumps(list(m.attachments)),
                    recipients=_dumps(list(m.recipients)), eml_path=str(m.draft_path),
                    size=m.size, state=OutboxState.DRAFT.value,
                )
                for m in built.mails
            ]
            session.add(package)
            session.flush()
            return package.id

    def unrecord_package(self, package_id: int) -> None:
        """Take back the record of a package that could not be put in place (it is recorded
        before its folder and zip appear: issue 18), with its files and planned mails."""
        with self.session() as session, session.begin():
            package = session.get(SubmissionPackage, package_id)
            if package is not None:
                session.delete(package)

    def packages(self) -> list[PackageData]:
        with self.session() as session:
            rows = session.scalars(select(SubmissionPackage)
                                   .order_by(SubmissionPackage.built_at.desc(),
                                             SubmissionPackage.id.desc()))
            return [PackageData.of(r) for r in rows]

    def package(self, package_id: int) -> PackageData | None:
        with self.session() as session:
            row = session.get(SubmissionPackage, package_id)
            return PackageData.of(row) if row else None

    def outbox(
        self, package_id: int | None = None, states: Iterable[str] | None = None
    ) -> list[OutboxData]:
        query = select(OutboxMessage).order_by(OutboxMessage.package_id, OutboxMessage.part)
        if package_id is not None:
            query = query.where(OutboxMessage.package_id == package_id)
        if states is not None:
            query = query.where(OutboxMessage.state.in_(list(states)))
        with self.session() as session:
            return [OutboxData.of(r) for r in session.scalars(query)]

    def message(self, message_id: int) -> OutboxData | None:
        with self.session() as session:
            row = session.get(OutboxMessage, message_id)
            return OutboxData.of(row) if row else None

    def body(self, message_id: int) -> str:
        with self.session() as session:
            row = session.get(OutboxMessage, message_id)
            return row.body if row else ""

    def set_queued(
        self, message_id: int, *, account_id: int | None, sender: str, eml_path: Path,
        size: int, mail_message_id: str,
    ) -> bool:
        """A draft (or failed) message gets its final .eml and goes to the queue. A message
        sent, or possibly sent ("sending"), is left alone: False."""
        with self.session() as session, session.begin():
            row = session.get(OutboxMessage, message_id)
            if row is None or row.state in (OutboxState.SENT, OutboxState.SENDING):
                return False
            row.account_id = account_id
            row.sender = sender
            row.eml_path = str(eml_path)
            row.size = size
            row.message_id = mail_message_id
            row.state = OutboxState.QUEUED.value
            row.queued_at = _now()
            return True

    def mark_sending(self, message_id: int, *, allow_uncertain: bool = False) -> bool:
        """Claim a message for sending (committed before the first byte goes out). Refused for
        a message already sent, and for one left "sending" unless the caller confirmed."""
        allowed = {OutboxState.QUEUED.value, OutboxState.FAILED.value}
        if allow_uncertain:
            allowed.add(OutboxState.SENDING.value)
        with self.session() as session, session.begin():
            row = session.get(OutboxMessage, message_id)
            if row is None or row.state not in allowed:
                return False
            row.state = OutboxState.SENDING.value
            row.attempts += 1
            row.last_attempt_at = _now()
            return True

    def mark_sent(self, message_id: int, detail: str = "") -> list[Finding]:
        """The server accepted the message. When it was the package's last, the package
        records when and to whom it went, and its offers become "submitted"."""
        with self.session() as session, session.begin():
            row = session.get(OutboxMessage, message_id)
            if row is None:
                return []
            row.state = OutboxState.SENT.value
            row.sent_at = _now()
            row.failure_code = ""
            row.failure_detail = detail
            session.flush()
            package = row.package
            if any(m.state != OutboxState.SENT for m in package.messages):
                return []
            package.sent_at = max(m.sent_at for m in package.messages if m.sent_at)
            package.sent_to = _dumps(sorted({r for m in package.messages
                                             for r in json.loads(m.recipients)}))
            return _mark_submitted(session, package)

    def mark_uncertain(self, message_id: int, code: str, detail: str) -> None:
        """The message went out whole but the server's answer never came: it stays "sending"
        (fate unknown, resent only when the clerk confirms), with the reason kept."""
        with self.session() as session, session.begin():
            row = session.get(OutboxMessage, message_id)
            if row is None or row.state != OutboxState.SENDING:
                return
            row.failure_code = code
            row.failure_detail = detail[:4000]

    def mark_failed(
        self, message_id: int, code: str, detail: str, *, new_attempt: bool = False
    ) -> None:
        """The send failed; `new_attempt` when it failed before `mark_sending` (no connection,
        login refused), so the attempt still counts."""
        with self.session() as session, session.begin():
            row = session.get(OutboxMessage, message_id)
            if row is None or row.state == OutboxState.SENT:
                return
            if new_attempt:
                row.attempts += 1
                row.last_attempt_at = _now()
            row.state = OutboxState.FAILED.value
            row.failure_code = code
            row.failure_detail = detail[:4000]

    # Register queries ------------------------------------------------------------------------

    def sent_patents(self, patent_number: str | None = None) -> list[SentPatent]:
        """Which patents went out in which package and mail, to whom and when (newest first)."""
        query = (
            select(SubmissionFile, SubmissionPackage, OutboxMessage)
            .join(SubmissionPackage, SubmissionFile.package_id == SubmissionPackage.id)
            .join(OutboxMessage, (OutboxMessage.package_id == SubmissionFile.package_id)
                  & (OutboxMessage.part == SubmissionFile.part))
            .where(OutboxMessage.state == OutboxState.SENT.value,
                   SubmissionFile.patent_number.is_not(None))
            .order_by(OutboxMessage.sent_at.desc(), SubmissionFile.position)
        )
        if patent_number is not None:
            query = query.where(SubmissionFile.patent_number == patent_number)
        with self.session() as session:
            return [
                SentPatent(f.patent_number or "", f.document_kind, f.file_name, p.id, p.name,
                           p.target_name, m.message_id, tuple(json.loads(m.recipients)),
                           m.sent_at or p.built_at)
                for f, p, m in session.execute(query)
            ]


def _derive_offer_state(session: Session, offer: Offer) -> list[Finding]:
    """An offer is sealed when the latest sheet and declaration both carry a sealed copy.

    The state is derived from the documents rather than set per click, so removing a sealed
    copy or generating a new sheet takes the offer back to "generated". A draft offer (edited
    since) stays a draft: the scan shows paper that no longer matches the data.
    """
    documents = {
        kind: session.scalar(
            select(GeneratedDocument)
            .where(GeneratedDocument.offer_id == offer.id, GeneratedDocument.kind == kind,
                   GeneratedDocument.draft.is_(False))
            .order_by(GeneratedDocument.generated_at.desc(), GeneratedDocument.id.desc())
            .limit(1)
        )
        for kind in OFFER_DOCUMENT_KINDS
    }
    both_sealed = all(d is not None and d.sealed_sha256 for d in documents.values())
    state = offer.state
    if state == DocumentState.DRAFT:
        return [warning("sealed.offer_is_draft", "document", number=offer.patent.number)]
    if state in (DocumentState.FINALISED, DocumentState.GENERATED) and both_sealed:
        offer.state = DocumentState.SEALED.value
    elif state == DocumentState.SEALED and not both_sealed:
        offer.state = DocumentState.GENERATED.value
    return []


def _mark_submitted(session: Session, package: SubmissionPackage) -> list[Finding]:
    notices: list[Finding] = []
    for file in package.files:
        if file.document_id is None:
            continue
        document = session.get(GeneratedDocument, file.document_id)
        if document is None or document.offer_id is None:
            continue
        offer = session.get(Offer, document.offer_id)
        if offer is not None and offer.state in (
            DocumentState.FINALISED, DocumentState.GENERATED, DocumentState.SEALED
        ):
            offer.state = DocumentState.SUBMITTED.value
            notices.append(warning("package.offer_submitted", "offer",
                                   number=offer.patent.number))
    return notices


def _existing(session: Session, entity: type[Any], record_id: int | None) -> int | None:
    """The id when that record still exists (it may have been deleted since the build)."""
    if record_id is None or session.get(entity, record_id) is None:
        return None
    return record_id


def _naive_utc(moment: dt.datetime | None) -> dt.datetime:
    if moment is None:
        return _now()
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _dumps(value: Sequence[str] | list[str]) -> str:
    return json.dumps(list(value), ensure_ascii=False)


def _sealed_copy(database: Database, document: GeneratedDocument) -> Path | None:
    """A document's sealed copy as a file: from the database (issue 16) into its cache,
    verified by hash; the recorded path when the database does not hold it (the package then
    says it is missing)."""
    if not document.sealed_path:
        return None
    try:
        return file_path(database, document.sealed_sha256, document.sealed_path,
                         document.sealed_path)
    except (StoredFileError, OSError):
        return Path(document.sealed_path)
