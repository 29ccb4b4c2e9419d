"""A unit name carrying an RFC 2047 encoded word whose decoded text holds CR LF must not add a
header, in the .eml draft of a package or in the mail sent to a real SMTP server
(CPython's CVE-2024-6923 is present in the interpreters this project supports)."""

from __future__ import annotations

import datetime as dt
import email
from collections.abc import Callable
from email import policy
from pathlib import Path

import pytest

from app.models.database import Database
from app.submit.files import FileType
from app.submit.mail import (
    Attachment,
    HeaderInjection,
    Sender,
    build_message,
    check_header_block,
    header_text,
    message_bytes,
)
from app.submit.outbox import record_and_queue
from app.submit.package import build_package
from app.submit.records import SubmissionRecords
from app.submit.smtp import send_outbox

from .support import ASCII_PASSWORD, Server, package_items, summary_rows

# The exact input of issue 18: decodes to "\r\nBcc: attacker@evil.example\r\nX-Injected: ".
EVIL = "=?utf-8?b?DQpCY2M6IGF0dGFja2VyQGV2aWwuZXhhbXBsZQ0KWC1JbmplY3RlZDog?=武汉大学"
NUMBERS = ["201710601862.3", "201920123456.2"]
DAY = dt.date(2024, 9, 10)
TOP = ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"]


def _headers(raw: bytes) -> list[str]:
    """Top-level header names as two different parsers see them."""
    modern = email.message_from_bytes(raw, policy=policy.default)
    legacy = email.message_from_bytes(raw, policy=policy.compat32)
    assert list(modern.keys()) == list(legacy.keys())
    return list(modern.keys())


def _assert_clean(raw: bytes, draft: bool) -> None:
    names = _headers(raw)
    assert names == TOP[:6] + (["X-Unsent"] if draft else []) + TOP[6:], names
    assert b"\r\nBcc:" not in raw and b"\nX-Injected:" not in raw
    parsed = email.message_from_bytes(raw, policy=policy.default)
    for name in names:
        assert "\n" not in str(parsed[name]) and "\r" not in str(parsed[name])
    for part in parsed.walk():
        for name, value in part.items():
            assert "\n" not in str(value), (name, value)


def test_header_text_decodes_encoded_words_and_breaks_what_remains() -> None:
    assert header_text(EVIL) == "Bcc: attacker@evil.example X-Injected: 武汉大学"
    # Nested: an encoded word whose text is another encoded word.
    nested = ("=?utf-8?b?PT91dGYtOD9iP0RRcENZMk02SUdGMGRHRmphMlZ5UUdWMmFXd3VaWGhoYlhCc1pRPT0"
              "/PQ==?=")
    assert "\n" not in header_text(nested) and "=?" not in header_text(nested)
    # A charset nobody knows is left undecoded, then broken so no client decodes it.
    assert header_text("=?x-unknown?b?DQpCY2M6IGE=?=") == "= ?x-unknown?b?DQpCY2M6IGE= ?="
    assert header_text("a\r\nb\u2028c") == "a b c"


def test_a_hostile_unit_name_cannot_add_a_header_to_a_mail() -> None:
    message = build_message(
        subject=EVIL + "报送专利开放许可材料", body="您好！\n", recipients=["dingwei@hbipo.gov.cn"],
        attachments=[Attachment(EVIL + ".pdf", b"%PDF-1.4", FileType.PDF)],
        message_id="<1.2@example.edu.cn>", date=dt.datetime(2024, 12, 1, 9, 0, tzinfo=dt.UTC),
        sender=Sender(EVIL, "kjc@example.edu.cn"), draft=True,
    )
    raw = message_bytes(message)
    _assert_clean(raw, draft=True)
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert str(parsed["Subject"]) == (
        "Bcc: attacker@evil.example X-Injected: 武汉大学报送专利开放许可材料")
    [attachment] = list(parsed.iter_attachments())
    assert attachment.get_filename() == "Bcc: attacker@evil.example X-Injected: 武汉大学.pdf"


def test_a_header_block_that_is_not_the_one_built_is_refused() -> None:
    raw = b"From: a@b.c\r\nBcc: attacker@evil.example\r\nSubject: x\r\n\r\nbody"
    with pytest.raises(HeaderInjection):
        check_header_block(raw, ["From", "Subject"])
    check_header_block(b"From: a@b.c\r\nSubject: x\r\n\r\nbody", ["From", "Subject"])


def test_the_package_draft_and_the_mail_sent_over_smtp_carry_no_injected_header(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("starttls")
    target = records.target_by_key("hubei")
    assert target is not None
    items = package_items(database, tmp_path / "generated", NUMBERS)
    account = server.account(sender_name=EVIL)
    built = build_package(target, EVIL, DAY, items, tmp_path / "out",
                          summary_list=summary_rows(NUMBERS), sender=account.sender)
    assert built.built, built.findings
    assert built.folder is not None
    [draft] = sorted(built.folder.glob("*.eml"))
    _assert_clean(draft.read_bytes(), draft=True)

    saved = records.save_account(account)
    assert saved.record_id is not None
    stored = records.account(saved.record_id)
    assert stored is not None
    package_id, findings = record_and_queue(records, built, stored)
    assert findings == []
    report = send_outbox(records, [m.id for m in records.outbox(package_id)], stored,
                         lambda _account: ASCII_PASSWORD, ssl_context=server.client_context,
                         timeout=5)
    assert report.all_sent, report
    [received] = server.recorder.received
    assert received.rcpt_tos == ["dingwei@hbipo.gov.cn"]  # no Bcc reached the envelope
    _assert_clean(received.content, draft=False)
    parsed = email.message_from_bytes(received.content, policy=policy.default)
    assert "武汉大学" in str(parsed["Subject"]) and "Bcc" not in parsed
