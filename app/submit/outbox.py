"""Putting a package's mails into the outbox: the final .eml of each, from a chosen account.

The .eml in `<data>/outbox/` holds the exact bytes that will be sent, so a failed message can
be retried (or opened by the clerk's mail client) even after the package folder is gone.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Sequence
from pathlib import Path

from app.models.findings import Finding, error, has_errors
from app.models.submission import OutboxState
from app.paths import user_data_dir
from app.submit.accounts import AccountData, check_account
from app.submit.files import safe_file_name, sha256_of, sniff, write_staged
from app.submit.mail import (
    Attachment,
    build_message,
    message_bytes,
    message_domain,
    new_message_id,
)
from app.submit.package import BuiltPackage
from app.submit.records import OutboxData, PackageData, SubmissionRecords

log = logging.getLogger(__name__)


def outbox_dir() -> Path:
    path = user_data_dir() / "outbox"
    path.mkdir(parents=True, exist_ok=True)
    return path


def record_and_queue(
    records: SubmissionRecords, built: BuiltPackage, account: AccountData | None = None
) -> tuple[int, list[Finding]]:
    """Record a built package and, with an account, queue its mails. (package id, findings)"""
    package_id = records.record_package(built)
    if account is None:
        return package_id, []
    return package_id, queue_package(records, package_id, account)


def queue_package(
    records: SubmissionRecords, package_id: int, account: AccountData, *,
    requeue_failed: bool = True,
) -> list[Finding]:
    """Write each unsent mail of the package as it will go out from `account` and queue it.

    The package folder's files must still be what was built (checked by hash). A mail already
    sent, or left "sending" by an interrupted send, is not touched; a failed one is rewritten
    (same Message-ID) only with `requeue_failed`, e.g. after choosing another account.
    """
    findings = [f for f in check_account(account) if f.is_error]
    if account.id is None:
        findings.append(error("account.not_saved", "account"))
    package = records.package(package_id)
    if package is None:
        return findings + [error("package.missing", "package", id=package_id)]
    states = {OutboxState.DRAFT, OutboxState.QUEUED}
    if requeue_failed:
        states.add(OutboxState.FAILED)
    messages = [m for m in package.messages if m.state in states]
    findings += _check_package_files(package, messages)
    if has_errors(findings):
        return findings
    folder = Path(package.folder)
    built_at = package.built_at.replace(tzinfo=dt.UTC)  # stored as UTC
    domain = message_domain(account.sender_address)
    for message in messages:
        message_id = message.message_id
        if message.state == OutboxState.DRAFT and not message_id.rstrip(">").endswith(domain):
            # Never queued yet: take the account's domain. From the first queueing on, the
            # Message-ID stays fixed, so a resend is recognisable.
            message_id = new_message_id(domain)
        attachments = [
            Attachment(name, (folder / name).read_bytes(), sniff(folder / name))
            for name in message.attachments
        ]
        mail = build_message(
            subject=message.subject, body=records.body(message.id),
            recipients=message.recipients, attachments=attachments, message_id=message_id,
            date=built_at, sender=account.sender,
        )
        data = message_bytes(mail)
        # The number, the part and the extension survive any length of unit name.
        outbox = outbox_dir()
        eml = outbox / safe_file_name(
            f"{message.id:06d} {package.name}", f"{message.id:06d}",
            extension=f" ({message.part}-{message.parts}).eml", folder=outbox,
        )
        # Queued first, then renamed into place: a kill in between leaves scratch or a queued
        # mail whose file is missing (sending says so), never a mail file the outbox does
        # not know.
        staged = write_staged(eml, data)
        try:
            queued = records.set_queued(message.id, account_id=account.id,
                                        sender=account.sender_address, eml_path=eml,
                                        size=len(data), mail_message_id=message_id)
            if queued:
                os.replace(staged, eml)
        finally:
            staged.unlink(missing_ok=True)  # not queued (its state changed meanwhile), or failed
        if queued:
            log.info("queued mail %s/%s of package %s (%d bytes)", message.part, message.parts,
                     package.name, len(data))
    return findings


def _check_package_files(
    package: PackageData, messages: Sequence[OutboxData]
) -> list[Finding]:
    """The files these mails carry still in the package folder, unchanged since the build."""
    findings: list[Finding] = []
    folder = Path(package.folder)
    pending = {name for m in messages for name in m.attachments}
    for file in package.files:
        if file.file_name not in pending:
            continue
        path = folder / file.file_name
        if not path.is_file():
            findings.append(error("package.file_missing", "items", document=file.file_name,
                                  path=str(path)))
        elif sha256_of(path) != file.sha256:
            findings.append(error("package.file_changed", "items", document=file.file_name,
                                  path=str(path)))
    return findings
