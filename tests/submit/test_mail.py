"""Mail messages read back exactly: long MIME types, long Chinese names, the body."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from email.message import EmailMessage

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
