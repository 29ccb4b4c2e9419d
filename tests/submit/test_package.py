"""Building a package: checks first, then a folder, a zip, manifests and .eml drafts named as
the notices name the documents."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import email
import io
import json
import zipfile
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from app.messages import EN, OS_REASONS, describe
from app.models.database import Database
from app.submit.files import safe_file_name, sha256_of
from app.submit.mail import Sender
from app.submit.package import MANIFEST_CSV, MANIFEST_JSON, PatentRow, build_package
from app.submit.records import SubmissionRecords
from app.submit.sealing import attach_sealed_copy
from app.submit.targets import TargetData

from .support import fake_pdf, package_items, summary_rows

UNIT = "华中科技大学"
DAY = dt.date(2024, 9, 10)
BUILT_AT = dt.datetime(2024, 9, 10, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
NUMBERS = ["201710601862.3", "201920123456.2"]


def _hubei(records: SubmissionRecords) -> TargetData:
    target = records.target_by_key("hubei")
    assert target is not None
    return target


def _parse(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_a_hubei_package_is_built_as_the_notice_names_the_documents(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    items = package_items(database, tmp_path / "generated", NUMBERS)
    built = build_package(_hubei(records), UNIT, DAY, items, tmp_path / "out",
                          summary_list=summary_rows(NUMBERS), sheets=summary_rows(NUMBERS),
                          contact="张三", phone="027-87654321", built_at=BUILT_AT)

    assert built.built, built.findings
    assert {f.code for f in built.findings} == {"package.unsealed"}  # confirmed, noted
    assert built.name == "华中科技大学-湖北-20240910"
    assert built.folder == tmp_path / "out" / built.name
    assert built.zip_path == tmp_path / "out" / f"{built.name}.zip"
    names = [f.file_name for f in built.files]
    assert names == ["汇总表.pdf", "201710601862.3 信息表.pdf", "201710601862.3 声明.pdf",
                     "201920123456.2 信息表.pdf", "201920123456.2 声明.pdf"]
    assert sorted(p.name for p in built.folder.iterdir()) == sorted(
        [*names, MANIFEST_CSV, MANIFEST_JSON, "邮件草稿.eml"])
    for item, name in zip(items, names, strict=True):
        assert (built.folder / name).read_bytes() == item.source.read_bytes()
    # No temporary folder left behind.
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [built.name,
                                                                    f"{built.name}.zip"]

    # The CSV manifest opens in Excel: UTF-8 with a BOM.
    raw = (built.folder / MANIFEST_CSV).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:6] == ["序号", "文件名", "文件", "专利号", "SHA-256", "大小（字节）"]
    assert rows[2][1:4] == ["201710601862.3 信息表.pdf", "201710601862.3 信息表",
                            "201710601862.3"]
    assert rows[2][4] == items[1].sha256 and rows[2][5] == str(items[1].source.stat().st_size)
    manifest = json.loads((built.folder / MANIFEST_JSON).read_text("utf-8"))
    assert [f["file"] for f in manifest["files"]] == names
    assert manifest["recipients"] == ["dingwei@hbipo.gov.cn"]

    # The zip: one top folder, UTF-8 names (flag bit 11), fixed timestamps, same bytes.
    with zipfile.ZipFile(built.zip_path) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == [f"{built.name}/{n}" for n in
                                               [*names, MANIFEST_CSV, MANIFEST_JSON]]
        for info in infos:
            assert info.flag_bits & 0x800
            assert info.date_time == (2024, 9, 10, 0, 0, 0)
            assert archive.read(info) == (built.folder / info.filename.split("/", 1)[1]
                                          ).read_bytes()
    assert built.zip_sha256 == sha256_of(built.zip_path)

    # The .eml draft: Outlook opens it ready to send; every attachment byte for byte.
    [mail] = built.mails
    message = _parse(mail.draft_path)
    assert message["X-Unsent"] == "1"
    assert message["To"] == "dingwei@hbipo.gov.cn"
    assert message["Subject"] == "华中科技大学报送专利开放许可（试点）汇总表、信息表及声明"
    assert message["Message-ID"].strip() == mail.message_id
    assert message["Date"].datetime == BUILT_AT
    raw_eml = mail.draft_path.read_bytes()
    assert b"=?utf-8?" in raw_eml and b"filename*=utf-8''" in raw_eml  # RFC 2047 / 2231
    attachments = {a.get_filename(): a.get_content() for a in message.iter_attachments()}
    assert list(attachments) == names
    for item, name in zip(items, names, strict=True):
        assert attachments[name] == item.source.read_bytes()
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert text.startswith("湖北省知识产权局运用促进处：")
    assert "1. 汇总表.pdf" in text and "联系人：张三" in text and "2024年9月10日" in text


def test_the_zip_is_the_same_bytes_when_built_again(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    items = package_items(database, tmp_path / "generated", NUMBERS)
    first = build_package(_hubei(records), UNIT, DAY, items, tmp_path / "a")
    second = build_package(_hubei(records), UNIT, DAY, items, tmp_path / "b")
    assert first.built and second.built
    assert first.zip_sha256 == second.zip_sha256
    # Building over an existing package replaces it whole.
    third = build_package(_hubei(records), UNIT, DAY, items[:3], tmp_path / "a")
    assert third.built and third.folder is not None
    assert len([p for p in third.folder.iterdir() if p.suffix == ".pdf"]) == 3
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [third.name,
                                                                  f"{third.name}.zip"]


def test_every_problem_is_listed_at_once_and_nothing_is_written(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    numbers = [*NUMBERS, "202110123456.7"]
    items = package_items(database, tmp_path / "generated", numbers)
    items[1] = dataclasses.replace(items[1], current=False)  # edited since generated
    items[2].source.unlink()  # declaration file deleted
    items[3].source.write_bytes(items[3].source.read_bytes() + b"edit")  # changed on disk
    items[4] = dataclasses.replace(items[4], unsealed_confirmed=False)
    del items[6]  # a sheet without its declaration
    listed = [PatentRow("201710601862.3", ("华中科技大学",)),  # a patentee missing
              PatentRow("201920123456.2", ("华中科技大学",)),
              PatentRow("201811111111.1", ("华中科技大学",))]  # no sheet for it
    out = tmp_path / "out"

    built = build_package(_hubei(records), UNIT, DAY, items, out, summary_list=listed,
                          sheets=summary_rows(numbers))

    assert not built.built and built.zip_path is None
    codes = sorted(f.code for f in built.findings)
    assert codes == sorted([
        "package.document_not_current", "package.file_missing", "package.file_changed",
        "package.unsealed_unconfirmed", "package.declaration_missing",
        "package.summary_missing_patent", "package.summary_extra_patent",
        "package.summary_patentees_differ",
    ])
    differ = next(f for f in built.findings if f.code == "package.summary_patentees_differ")
    assert differ.params["patent"] == "201710601862.3"
    assert not out.exists() or not any(out.iterdir())


def test_documents_the_target_does_not_take_or_cannot_name_are_findings(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    items = package_items(database, tmp_path / "generated", NUMBERS[:1])
    word = tmp_path / "总结.docx"
    word.write_bytes(b"PK\x03\x04 a Word file")
    stray = dataclasses.replace(items[0], source=word, sha256=sha256_of(word), kind="deal_list",
                                name="达成项目清单")
    unnamed = dataclasses.replace(items[1], patent=None)
    twice = items[2]
    built = build_package(_hubei(records), UNIT, DAY, [*items, stray, unnamed, twice],
                          tmp_path / "out")
    codes = {f.code for f in built.findings}
    assert codes == {"package.kind_not_for_target", "package.format_not_accepted",
                     "package.patent_missing", "package.duplicate_name"}
    empty = build_package(_hubei(records), " ", DAY, [], tmp_path / "out")
    assert {f.code for f in empty.findings} == {"package.unit_missing", "package.empty"}


def test_a_sealed_copy_is_sent_in_place_of_the_generated_file(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    items = package_items(database, tmp_path / "generated", NUMBERS[:1], confirmed=False)
    sealed_items = []
    for item in items:
        scan = tmp_path / f"scan-{item.kind}.pdf"
        fake_pdf(scan, f"stamped {item.kind}")
        assert item.document_id is not None
        seal = attach_sealed_copy(records, item.document_id, [scan])
        assert seal.attached
        sealed_items.append(dataclasses.replace(item, sealed_path=seal.path,
                                                sealed_sha256=seal.sha256))

    built = build_package(_hubei(records), UNIT, DAY, sealed_items, tmp_path / "out")

    assert built.built and built.findings == []
    assert built.folder is not None
    for item, file in zip(sealed_items, built.files, strict=True):
        assert file.sealed and item.sealed_path is not None
        assert (built.folder / file.file_name).read_bytes() == item.sealed_path.read_bytes()
        assert file.sha256 == item.sealed_sha256
    manifest = json.loads((built.folder / MANIFEST_JSON).read_text("utf-8"))
    assert all(f["sealed"] for f in manifest["files"])
    # A sealed copy changed after it was attached stops the package.
    assert sealed_items[1].sealed_path is not None
    sealed_items[1].sealed_path.write_bytes(b"%PDF-1.7 other")
    again = build_package(_hubei(records), UNIT, DAY, sealed_items, tmp_path / "out2")
    assert [f.code for f in again.findings] == ["package.sealed_changed"]


def test_a_large_package_is_split_into_mails_that_carry_every_file_once(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    numbers = [f"2021101234{i:02d}.{i % 10}" for i in range(5)]
    items = package_items(database, tmp_path / "generated", numbers, size=60_000)
    target = dataclasses.replace(_hubei(records), size_limit=250_000)
    sender = Sender("科技成果转化办公室", "clerk@example.edu.cn")

    built = build_package(target, UNIT, DAY, items, tmp_path / "out", sender=sender,
                          built_at=BUILT_AT)

    assert built.built, built.findings
    parts = len(built.mails)
    assert parts >= 3
    carried: list[str] = []
    for n, mail in enumerate(built.mails, start=1):
        data = mail.draft_path.read_bytes()
        assert len(data) <= target.size_limit
        message = _parse(mail.draft_path)
        assert message["Subject"].endswith(f" ({n}/{parts})")
        assert mail.draft_path.name == f"邮件草稿（{n}-{parts}）.eml"
        assert str(message["From"]) == "科技成果转化办公室 <clerk@example.edu.cn>"
        assert message["Message-ID"].endswith("@example.edu.cn>")
        body = message.get_body(("plain",))
        assert body is not None and f"本邮件为第 {n} 封" in body.get_content()
        for attachment in message.iter_attachments():
            name = attachment.get_filename()
            assert name is not None
            assert attachment.get_content() == (built.folder / name).read_bytes()  # type: ignore[operator]
            carried.append(name)
    assert sorted(carried) == sorted(f.file_name for f in built.files)  # each exactly once
    assert len({m.message_id for m in built.mails}) == parts
    assert [f.part for f in built.files] == sorted(f.part for f in built.files)  # in order


def test_a_file_larger_than_one_mail_may_carry_is_a_finding(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    items = package_items(database, tmp_path / "generated", NUMBERS[:1], size=120_000)
    target = dataclasses.replace(_hubei(records), size_limit=150_000)
    built = build_package(target, UNIT, DAY, items, tmp_path / "out")
    assert not built.built
    assert {f.code for f in built.findings} == {"package.file_too_large"}
    assert len(built.findings) == 3  # 120 kB grows to 160 kB in base64


def test_line_breaks_in_names_and_templates_cannot_inject_headers(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    items = package_items(database, tmp_path / "generated", NUMBERS[:1])
    target = dataclasses.replace(
        _hubei(records),
        subject_template="{unit}报送\r\nBcc: spy@example.com\nX-Injected: subject",
        file_names={**_hubei(records).file_names,
                    "summary_list": "汇总表\r\nX-Injected: file"},
    )
    sender = Sender("转化办\r\nX-Injected: sender", "clerk@example.edu.cn")
    built = build_package(target, "某大学\r\nBcc: spy@example.com", DAY, items,
                          tmp_path / "out", sender=sender)
    assert built.built, built.findings
    [mail] = built.mails
    message = _parse(mail.draft_path)
    assert message["Bcc"] is None and message["X-Injected"] is None
    assert "\n" not in message["Subject"] and "\r" not in message["Subject"]
    for part in message.walk():
        assert part["X-Injected"] is None
    first = next(iter(message.iter_attachments()))
    assert first.get_filename() == "汇总表 X-Injected_ file.pdf"


@pytest.mark.parametrize("text,expected", [
    ('华中/科技:大学*?"<>|', "华中_科技_大学______"),
    ("武汉大学. . ", "武汉大学"),
    ("CON", "_CON"),
    ("  ", "文件"),
])
def test_names_are_safe_for_windows_and_keep_chinese(text: str, expected: str) -> None:
    assert safe_file_name(text) == expected


def test_cancelling_a_build_writes_nothing(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    items = package_items(database, tmp_path / "generated", NUMBERS)
    seen: list[tuple[int, int]] = []
    built = build_package(_hubei(records), UNIT, DAY, items, tmp_path / "out",
                          progress=lambda done, total: seen.append((done, total)),
                          cancelled=lambda: len(seen) >= 2)
    assert [f.code for f in built.findings if f.is_error] == ["package.cancelled"]
    assert seen == [(1, 5), (2, 5)]
    assert not any((tmp_path / "out").iterdir())


def test_an_output_folder_that_cannot_be_made_is_a_finding(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    items = package_items(database, tmp_path / "generated", NUMBERS)
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    built = build_package(_hubei(records), UNIT, DAY, items, blocker / "out")
    assert not built.built
    failure = [f for f in built.findings if f.is_error]
    assert [f.code for f in failure] == ["package.write_failed"]
    assert failure[0].params["path"] == str(blocker / "out")
    assert failure[0].params["reason"]
    # The OS's reason in the clerk's language, whichever language the finding is shown in.
    # (Not a directory on POSIX; Windows says the path is not found.)
    assert describe(failure[0]).rsplit("：", 1)[1] in {zh for _en, zh in OS_REASONS.values()}
    assert describe(failure[0], EN).rsplit(": ", 1)[1] in {en for en, _zh in OS_REASONS.values()}
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"


def test_a_recorded_package_lists_its_files_and_planned_mails(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    items = package_items(database, tmp_path / "generated", NUMBERS)
    built = build_package(_hubei(records), UNIT, DAY, items, tmp_path / "out")
    package_id = records.record_package(built)
    package = records.package(package_id)
    assert package is not None
    assert package.name == built.name and package.target_name == "湖北"
    assert package.package_date == DAY and package.sent_at is None
    assert [f.patent_number for f in package.files] == [None, *[n for n in NUMBERS
                                                                for _ in (0, 1)]]
    assert [m.state for m in package.messages] == ["draft"]
    assert records.packages()[0].id == package_id
    assert records.sent_patents() == []


def test_package_items_come_from_the_generated_documents(
    records: SubmissionRecords, database: Database, tmp_path: Path
) -> None:
    from .support import add_offer_documents

    docs = add_offer_documents(database, tmp_path, "201710601862.3")
    scan = tmp_path / "scan.pdf"
    fake_pdf(scan, "stamped")
    seal = attach_sealed_copy(records, docs.declaration_id, [scan])
    sheet = records.package_item(docs.sheet_id, unsealed_confirmed=True)
    declaration = records.package_item(docs.declaration_id, current=False)
    assert sheet is not None and declaration is not None
    assert (sheet.kind, sheet.name, sheet.patent, sheet.sealed) == (
        "information_sheet", "201710601862.3 信息表", "201710601862.3", False)
    assert sheet.sha256 == sha256_of(sheet.source) and sheet.unsealed_confirmed
    assert declaration.sealed_path == seal.path and declaration.sealed_sha256 == seal.sha256
    assert not declaration.current
    assert records.package_item(999) is None
