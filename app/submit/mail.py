"""Mail messages of a package: headers encoded for every client, attachments, size splitting.

Subjects go out as RFC 2047 and attachment names as RFC 2231 (what `email.policy.SMTP` writes);
Outlook, Foxmail and Thunderbird all read both. Every header value passes through
`single_line`, so a name or subject with a line break cannot add a header.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from app.submit.files import FileType, single_line


class _MailPolicy(policy.EmailPolicy):
    """policy.SMTP (CRLF, RFC 2047/2231), except that Content-Type is not folded at 78: the
    folder turns the long xlsx type (application/vnd.openxmlformats-officedocument.…) into an
    encoded word that no client reads as a MIME type. Lines stay under SMTP's 998."""

    def fold(self, name: str, value: Any) -> str:
        if name.lower() == "content-type":
            wide: str = policy.EmailPolicy.fold(self.clone(max_line_length=998), name, value)
            return wide
        folded: str = super().fold(name, value)
        return folded

    def fold_binary(self, name: str, value: Any) -> bytes:
        if name.lower() == "content-type":
            wide: bytes = policy.EmailPolicy.fold_binary(self.clone(max_line_length=998), name,
                                                         value)
            return wide
        folded: bytes = super().fold_binary(name, value)
        return folded


MAIL_POLICY = _MailPolicy(linesep="\r\n")

_MIME = {
    FileType.PDF: ("application", "pdf"),
    FileType.JPEG: ("image", "jpeg"),
    FileType.PNG: ("image", "png"),
    FileType.XLSX: ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
_OCTET = ("application", "octet-stream")

# Room for the boundary line of an attachment and rounding in the estimate.
_PART_MARGIN = 200
# Room for headers a relay adds (Received, DKIM) before a size limit is applied.
_MESSAGE_MARGIN = 4096


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes
    file_type: FileType | None

    @property
    def mime(self) -> tuple[str, str]:
        return _MIME.get(self.file_type, _OCTET) if self.file_type else _OCTET


@dataclass(frozen=True)
class Sender:
    name: str
    address: str

    def header(self) -> Address:
        local, _, domain = self.address.strip().partition("@")
        return Address(display_name=single_line(self.name), username=local, domain=domain)


def new_message_id(domain: str) -> str:
    """A Message-ID made once per mail and stored, so a resend carries the same one."""
    return make_msgid(domain=domain or "licence-desk.invalid")


def message_domain(address: str | None) -> str:
    return address.rpartition("@")[2] if address and "@" in address else "licence-desk.invalid"


def build_message(
    *,
    subject: str,
    body: str,
    recipients: Sequence[str],
    attachments: Sequence[Attachment],
    message_id: str,
    date: dt.datetime,
    sender: Sender | None = None,
    draft: bool = False,
) -> EmailMessage:
    """One mail. A draft carries `X-Unsent: 1` so Outlook opens it ready to send; it may have
    no sender (the mail client fills in its own)."""
    message = EmailMessage(policy=MAIL_POLICY)
    if sender is not None and sender.address:
        message["From"] = sender.header()
    message["To"] = ", ".join(single_line(r) for r in recipients)
    message["Subject"] = single_line(subject)
    message["Date"] = format_datetime(date if date.tzinfo else date.astimezone())
    message["Message-ID"] = single_line(message_id)
    message["MIME-Version"] = "1.0"
    if draft:
        message["X-Unsent"] = "1"
    # base64, not 8bit: sendmail() does not ask the server for 8BITMIME.
    message.set_content(body.replace("\r\n", "\n"), charset="utf-8", cte="base64")
    for item in attachments:
        maintype, subtype = item.mime
        name = single_line(item.name)
        message.add_attachment(
            item.data, maintype=maintype, subtype=subtype, filename=name,
            params={"name": name},
        )
    return message


def message_bytes(message: EmailMessage) -> bytes:
    return message.as_bytes(policy=MAIL_POLICY)


def encoded_size(size: int) -> int:
    """Bytes of `size` bytes in base64 with CRLF every 76 characters (4/3 plus line ends)."""
    chars = 4 * math.ceil(size / 3)
    return chars + 2 * math.ceil(chars / 76)


def attachment_overhead(name: str, file_type: FileType | None) -> int:
    """Header bytes of one attachment part (measured, since encoded names vary in length)."""
    part = EmailMessage(policy=MAIL_POLICY)
    part.set_content(b"", *Attachment(name, b"", file_type).mime, filename=single_line(name),
                     params={"name": single_line(name)})
    return len(part.as_bytes(policy=MAIL_POLICY)) + _PART_MARGIN


def plan_parts(
    sizes: Sequence[int], base_size: int, limit: int
) -> tuple[list[list[int]], list[int]]:
    """Split attachments (their encoded sizes, in package order) into mails under `limit`.

    Next-fit in order keeps a patent's sheet and declaration side by side and mail 2 carrying
    "the next ones", which a clerk can follow. Returns the mails as lists of indexes, and the
    indexes that cannot fit in any mail on their own.
    """
    room = limit - base_size - _MESSAGE_MARGIN
    too_large = [i for i, size in enumerate(sizes) if size > room]
    mails: list[list[int]] = []
    current: list[int] = []
    used = 0
    for i, size in enumerate(sizes):
        if i in too_large:
            continue
        if current and used + size > room:
            mails.append(current)
            current, used = [], 0
        current.append(i)
        used += size
    if current or not mails:
        mails.append(current)
    return mails, too_large
