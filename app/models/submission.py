"""Entities of submission: send targets, mail accounts, packages, their files, the outbox.

Targets and accounts are data the clerk edits (addresses change every year); the defaults are
seeded on first use by app.submit. No password is ever stored here: it lives in the OS keyring.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.entities import Base, _now


class SendTarget(Base):
    """Where a set of documents goes (a provincial or city office), with its mail templates.

    List-valued settings are JSON text: recipients, document kinds, file types, file names
    (document kind → name template without extension).
    """

    __tablename__ = "send_target"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40))  # stable slug: "hubei", "henan", …
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(100))  # short, goes into the package name: 湖北
    office: Mapped[str] = mapped_column(String(200), default="")  # 湖北省知识产权局运用促进处
    recipients: Mapped[str] = mapped_column(Text, default="[]")
    subject_template: Mapped[str] = mapped_column(Text, default="")
    body_template: Mapped[str] = mapped_column(Text, default="")
    document_kinds: Mapped[str] = mapped_column(Text, default="[]")
    file_types: Mapped[str] = mapped_column(Text, default="[]")
    file_names: Mapped[str] = mapped_column(Text, default="{}")
    size_limit: Mapped[int] = mapped_column(Integer, default=50_000_000)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)


class AccountSecurity(StrEnum):
    SSL = "ssl"  # implicit TLS, usually port 465
    STARTTLS = "starttls"  # usually port 587
    NONE = "none"  # loopback only (tests, a local relay)


class MailAccount(Base):
    """An outgoing mail account. The password (authorisation code) is in the keyring only."""

    __tablename__ = "mail_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    host: Mapped[str] = mapped_column(String(200), default="")
    port: Mapped[int] = mapped_column(Integer, default=465)
    security: Mapped[str] = mapped_column(String(20), default=AccountSecurity.SSL.value)
    user: Mapped[str] = mapped_column(String(200), default="")
    sender_name: Mapped[str] = mapped_column(String(200), default="")
    sender_address: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)


class SubmissionPackage(Base):
    """A built package: the folder and zip, to whom it goes, when it was sent."""

    __tablename__ = "submission_package"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(250))  # <unit>-<target>-<YYYYMMDD>
    target_id: Mapped[int | None] = mapped_column(
        ForeignKey("send_target.id", ondelete="SET NULL"), default=None
    )
    target_name: Mapped[str] = mapped_column(String(100), default="")  # as it was when built
    unit: Mapped[str] = mapped_column(String(200), default="")
    package_date: Mapped[dt.date] = mapped_column(Date)
    built_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    folder: Mapped[str] = mapped_column(Text, default="")
    zip_path: Mapped[str] = mapped_column(Text, default="")
    zip_sha256: Mapped[str] = mapped_column(String(64), default="")
    recipients: Mapped[str] = mapped_column(Text, default="[]")  # JSON, as it was when built
    # Set when every mail of the package has gone out.
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    sent_to: Mapped[str] = mapped_column(Text, default="[]")

    files: Mapped[list[SubmissionFile]] = relationship(
        back_populates="package", order_by="SubmissionFile.position",
        cascade="all, delete-orphan",
    )
    messages: Mapped[list[OutboxMessage]] = relationship(
        back_populates="package", order_by="OutboxMessage.part", cascade="all, delete-orphan",
    )


class SubmissionFile(Base):
    """One document file of a package, with the mail (part) that carries it."""

    __tablename__ = "submission_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(
        ForeignKey("submission_package.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    file_name: Mapped[str] = mapped_column(String(250))
    document_kind: Mapped[str] = mapped_column(String(40))
    document_name: Mapped[str] = mapped_column(String(250), default="")
    patent_number: Mapped[str | None] = mapped_column(String(40), default=None, index=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("generated_document.id", ondelete="SET NULL"), default=None
    )
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer, default=0)
    sealed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    part: Mapped[int] = mapped_column(Integer, default=1)

    package: Mapped[SubmissionPackage] = relationship(back_populates="files")


class OutboxState(StrEnum):
    DRAFT = "draft"  # planned with the package, no account chosen yet
    QUEUED = "queued"
    SENDING = "sending"  # committed before the send: left over, the server may have it
    SENT = "sent"
    FAILED = "failed"


class OutboxMessage(Base):
    """One mail of a package. Its .eml (exact bytes sent) stays in the outbox folder."""

    __tablename__ = "outbox_message"
    __table_args__ = (UniqueConstraint("message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(
        ForeignKey("submission_package.id", ondelete="CASCADE"), index=True
    )
    part: Mapped[int] = mapped_column(Integer, default=1)
    parts: Mapped[int] = mapped_column(Integer, default=1)
    message_id: Mapped[str] = mapped_column(String(250))  # fixed: a resend is recognisable
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[str] = mapped_column(Text, default="[]")  # JSON file names
    recipients: Mapped[str] = mapped_column(Text, default="[]")  # JSON addresses
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("mail_account.id", ondelete="SET NULL"), default=None
    )
    sender: Mapped[str] = mapped_column(String(250), default="")
    eml_path: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(20), default=OutboxState.DRAFT.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    failure_code: Mapped[str] = mapped_column(String(60), default="")
    failure_detail: Mapped[str] = mapped_column(Text, default="")  # the server's own words
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    queued_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    last_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)

    package: Mapped[SubmissionPackage] = relationship(back_populates="messages")
