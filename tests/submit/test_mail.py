"""Mail messages read back exactly: long MIME types, long Chinese names, the body."""

from __future__ import annotations

import datetime as dt
import email
import re
import shutil
import subprocess
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from app.submit.files import FileType
from app.submit.mail import (
    Attachment,
    Sender,
    build_message,
    encoded_size,
    message_bytes,
    plan_parts,
)

XLSX = "河南省高校知识产权运营管理中心建设工作总结表（二〇二三年）.xlsx"


def test_a_workbook_with_a_long_chinese_name_keeps_its_type_and_name() -> None:
    data = bytes(range(256)) * 40
    message = build_message(
        subject="某大学报送专利开放许可试点工作总结材料", body="河南省……：\n\n您好！\n",
        recipients=["zscqyy@126.com"], attachments=[Attachment(XLSX, data, FileType.XLSX)],
        message_id="<1.2@example.edu.cn>", date=dt.datetime(2024, 12, 1, 9, 0).astimezone(),
        sender=Sender("科技处", "kjc@example.edu.cn"),
    )
    raw = message_bytes(message)
    assert b"Content-Transfer-Encoding: 8bit" not in raw  # no 8BITMIME needed
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    [attachment] = list(parsed.iter_attachments())
    assert attachment.get_content_type() == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert attachment.get_filename() == XLSX
    assert attachment.get_content() == data
    body = parsed.get_body(("plain",))
    assert body is not None  # text in canonical form: CRLF line ends inside the base64
    assert body.get_content().replace("\r\n", "\n") == "河南省……：\n\n您好！\n"


def test_encoded_sizes_and_the_split_plan() -> None:
    assert encoded_size(0) == 0
    assert encoded_size(57) == 76 + 2  # one full base64 line
    assert encoded_size(3_000_000) == 4_000_000 + 2 * 52_632
    mails, too_large = plan_parts([40, 40, 40, 200, 40], base_size=0, limit=4096 + 100)
    assert mails == [[0, 1], [2, 4]] and too_large == [3]


def _long_name_message() -> bytes:
    return message_bytes(build_message(
        subject="报送材料", body="您好！\n", recipients=["zscqyy@126.com"],
        attachments=[Attachment(XLSX, b"PK\x03\x04" + bytes(range(256)), FileType.XLSX),
                     Attachment("声明.pdf", b"%PDF-1.4 two", FileType.PDF),
                     Attachment("manifest.txt", b"plain", None)],
        message_id="<1.2@example.edu.cn>", date=dt.datetime(2024, 12, 1, 9, 0, tzinfo=dt.UTC),
    ))


def test_attachment_names_go_out_as_rfc2231_and_as_rfc2047_encoded_words() -> None:
    raw = _long_name_message()
    words = re.findall(rb"=\?[^?]+\?[bBqQ]\?[^?]*\?=", raw)
    assert words and max(len(w) for w in words) <= 75
    text = raw.decode("ascii")
    assert 'name="=?utf-8?b?' in text and 'filename="=?utf-8?b?' in text  # Outlook, webmail
    assert "name*0*=utf-8''" in text and "filename*0*=utf-8''" in text  # RFC 2231
    assert 'filename="manifest.txt"' in text
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert [a.get_filename() for a in parsed.iter_attachments()] == [
        XLSX, "声明.pdf", "manifest.txt"]
    # Each encoded-word form decodes to the same name.
    from email.header import decode_header, make_header

    for block in re.findall(rb'filename="([^"]*)"', raw):
        name = str(make_header(decode_header(block.decode("ascii").replace("\r\n", ""))))
        assert name in (XLSX, "声明.pdf", "manifest.txt")


def test_munpack_finds_every_attachment_by_name_and_byte_for_byte(tmp_path: Path) -> None:
    """munpack (mpack) reads neither RFC 2231 nor decodes RFC 2047: with the quoted fallback
    it still names each part (before, it wrote part1, part2 …) and keeps every byte."""
    if shutil.which("munpack") is None:
        pytest.skip("munpack (mpack) is not installed")
    (tmp_path / "mail.eml").write_bytes(_long_name_message())
    result = subprocess.run(["munpack", "-f", "-C", str(tmp_path), "mail.eml"],
                            capture_output=True, text=True, timeout=30, check=True)
    written = [line.rsplit(" (", 1)[0] for line in result.stdout.splitlines()]
    assert len(written) == 3 and not any(re.fullmatch(r"part\d+", w) for w in written)
    contents = sorted((tmp_path / w).read_bytes() for w in written)
    assert contents == sorted([b"PK\x03\x04" + bytes(range(256)), b"%PDF-1.4 two", b"plain"])
    assert "manifest.txt" in written
