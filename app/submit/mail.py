"""Mail messages of a package: headers encoded for every client, attachments, size splitting.

Subjects go out as RFC 2047. Attachment names go out twice: as RFC 2231 (`name*=`,
`filename*=`, what Thunderbird, mutt and Python read) and as quoted RFC 2047 encoded words
(`name="=?utf-8?b?…?="`, what Outlook, Chinese webmail and munpack read), each encoded word
within the 75 characters RFC 2047 allows.

Every header value taken from data passes through `header_text`: line breaks become spaces and
RFC 2047 encoded words are decoded first (then broken, should any remain), so a unit name such
as `=?utf-8?b?DQpCY2M6…?=` cannot add a header whatever the interpreter. Python before 3.13
and the 3.12.5/3.11.10 patch releases re-emits a decoded CR LF verbatim (CVE-2024-6923); the
finished header block is parsed back and checked as well (`check_header_block`).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import math
import quopri
import re
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import format_datetime, make_msgid
from typing import Any

from app.submit.files import FileType, single_line


class _MailPolicy(policy.EmailPolicy):
    """policy.SMTP (CRLF, RFC 2047/2231), except that Content-Type is not folded at 78: the
    folder turns the long xlsx type (application/vnd.openxmlformats-officedocument.…) into an
    encoded word that no client reads as a MIME type. Lines stay under SMTP's 998."""

    def fold(self, name: str, value: Any) -> str:
        if isinstance(value, _PreparedHeader):
            return f"{name}: {value}{self.linesep}"
        if name.lower() == "content-type":
            wide: str = policy.EmailPolicy.fold(self.clone(max_line_length=998), name, value)
            return wide
        folded: str = super().fold(name, value)
        return folded

    def fold_binary(self, name: str, value: Any) -> bytes:
        if isinstance(value, _PreparedHeader):
            return f"{name}: {value}{self.linesep}".encode("ascii")
        if name.lower() == "content-type":
            wide: bytes = policy.EmailPolicy.fold_binary(self.clone(max_line_length=998), name,
                                                         value)
            return wide
        folded: bytes = super().fold_binary(name, value)
        return folded


    def header_store_parse(self, name: str, value: Any) -> tuple[str, Any]:
        if isinstance(value, _PreparedHeader):
            return name, value  # already folded ASCII, written as it is
        stored: tuple[str, Any] = super().header_store_parse(name, value)
        return stored


class _PreparedHeader(str):
    """A header value this module built and folded itself (pure ASCII, CRLF-space
    continuations, every line short): the policy writes it unchanged."""


MAIL_POLICY = _MailPolicy(linesep="\r\n")

# An RFC 2047 encoded word, leniently (spaces inside are tolerated by some decoders).
_ENCODED_WORD = re.compile(r"=\?([^?]*)\?([bBqQ])\?([^?]*)\?=")
_MAX_DECODE_ROUNDS = 8
# RFC 2047: an encoded word is at most 75 characters; "=?utf-8?b?" and "?=" take 12.
_WORD_LIMIT = 75
_WORD_BYTES = (_WORD_LIMIT - 12) // 4 * 3  # 45 bytes of UTF-8 -> 60 base64 characters


class HeaderInjection(ValueError):
    """The header block of a finished mail is not the one that was built."""


def header_text(text: str) -> str:
    """`text` made safe as (part of) one header value: encoded words decoded (repeatedly, as a
    mail client would), line breaks made spaces, and any `=?` left broken as `= ?` so that no
    parser can decode it into something else."""
    value = single_line(text)
    for _ in range(_MAX_DECODE_ROUNDS):
        if "=?" not in value:
            break
        decoded = single_line(_ENCODED_WORD.sub(_decode_word, value))
        if decoded == value:
            break
        value = decoded
    return value.replace("=?", "= ?")


def _decode_word(match: re.Match[str]) -> str:
    charset, encoding, payload = match.groups()
    charset = charset.partition("*")[0] or "ascii"  # RFC 2231 language suffix
    try:
        if encoding in "bB":
            raw = base64.b64decode(payload + "=" * (-len(payload) % 4))
        else:
            raw = quopri.decodestring(payload.replace("_", " ").encode("ascii", "replace"),
                                      header=True)
        return raw.decode(charset, "replace")
    except (LookupError, binascii.Error, ValueError):
        return match.group(0)


def encoded_words(text: str) -> list[str]:
    """`text` as RFC 2047 base64 encoded words of at most 75 characters, never splitting a
    character."""
    words: list[str] = []
    chunk = b""
    for char in text:
        data = char.encode("utf-8")
        if chunk and len(chunk) + len(data) > _WORD_BYTES:
            words.append(_word(chunk))
            chunk = b""
        chunk += data
    if chunk or not words:
        words.append(_word(chunk))
    return words


def _word(data: bytes) -> str:
    return "=?utf-8?b?" + base64.b64encode(data).decode("ascii") + "?="


_ATTR_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _rfc2231(name: str, value: str) -> list[str]:
    """`name*=` (or `name*0*=`, `name*1*=` … when long) parameters, each line short."""
    quoted = "".join(
        chr(b) if chr(b) in _ATTR_CHARS else f"%{b:02X}"
        for b in value.encode("utf-8"))
    first = "utf-8''"
    if len(first + quoted) + len(name) + 3 <= 70:
        return [f"{name}*={first}{quoted}"]
    pieces: list[str] = []
    rest = first + quoted
    while rest:
        size = 60
        # never cut a %XX escape in two
        while size < len(rest) and "%" in rest[size - 2:size]:
            size -= 1
        pieces.append(rest[:size])
        rest = rest[size:]
    return [f"{name}*{i}*={piece}" for i, piece in enumerate(pieces)]


def _attachment_headers(mime: tuple[str, str], file_name: str) -> tuple[str, str]:
    """Content-Type and Content-Disposition of an attachment, each name in both forms."""
    if file_name.isascii() and '"' not in file_name and "\\" not in file_name:
        legacy = [f'"{file_name}"']
    else:
        legacy = ['"' + "\r\n ".join(encoded_words(file_name)) + '"']
    content_type = ";\r\n ".join(
        [f"{mime[0]}/{mime[1]}", "name=" + legacy[0], *_rfc2231("name", file_name)])
    disposition = ";\r\n ".join(
        ["attachment", "filename=" + legacy[0], *_rfc2231("filename", file_name)])
    return content_type, disposition


def check_header_block(data: bytes, expected: Sequence[str]) -> None:
    """Raise `HeaderInjection` unless the top-level headers of mail `data` are exactly
    `expected` (names, in order) and no value decodes to a line break."""
    parsed = BytesHeaderParser(policy=policy.default).parsebytes(data)
    names = [name.lower() for name in parsed.keys()]
    if names != [name.lower() for name in expected]:
        raise HeaderInjection(f"headers {names} instead of {list(expected)}")
    for name in parsed.keys():
        if any(c in str(parsed[name]) for c in "\r\n"):
            raise HeaderInjection(f"{name} decodes to a line break")

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
        return Address(display_name=header_text(self.name), username=header_text(local),
                       domain=header_text(domain))


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
    message["To"] = ", ".join(header_text(r) for r in recipients)
    message["Subject"] = header_text(subject)
    message["Date"] = format_datetime(date if date.tzinfo else date.astimezone())
    message["Message-ID"] = header_text(message_id)
    message["MIME-Version"] = "1.0"
    if draft:
        message["X-Unsent"] = "1"
    # base64, not 8bit: sendmail() does not ask the server for 8BITMIME.
    message.set_content(body.replace("\r\n", "\n"), charset="utf-8", cte="base64")
    for item in attachments:
        _add_attachment(message, item)
    return message


def _add_attachment(message: EmailMessage, item: Attachment) -> None:
    maintype, subtype = item.mime
    message.add_attachment(item.data, maintype=maintype, subtype=subtype)
    parts = message.get_payload()
    assert isinstance(parts, list)
    part = parts[-1]
    assert isinstance(part, EmailMessage)
    content_type, disposition = _attachment_headers(item.mime, header_text(item.name))
    part.replace_header("Content-Type", _PreparedHeader(content_type))
    del part["Content-Disposition"]
    part["Content-Disposition"] = _PreparedHeader(disposition)


def message_bytes(message: EmailMessage) -> bytes:
    """The mail as sent; refused (`HeaderInjection`) if its header block is not the one built."""
    data = message.as_bytes(policy=MAIL_POLICY)
    check_header_block(data, list(message.keys()))
    return data


def encoded_size(size: int) -> int:
    """Bytes of `size` bytes in base64 with CRLF every 76 characters (4/3 plus line ends)."""
    chars = 4 * math.ceil(size / 3)
    return chars + 2 * math.ceil(chars / 76)


def attachment_overhead(name: str, file_type: FileType | None) -> int:
    """Header bytes of one attachment part (measured, since encoded names vary in length)."""
    item = Attachment(name, b"", file_type)
    content_type, disposition = _attachment_headers(item.mime, header_text(name))
    headers = f"Content-Type: {content_type}\r\nContent-Disposition: {disposition}\r\n"
    return len(headers.encode("ascii")) + 64 + _PART_MARGIN


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
