"""Package, zip and outbox names with a long Chinese unit name (issue 18 point 10): valid on
Windows, within 255 bytes and MAX_PATH, extension kept."""

from __future__ import annotations

import datetime as dt
import errno
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.file_names import MAX_NAME_BYTES, MAX_PATH_CHARS, windows_length
from app.models.database import Database
from app.submit.outbox import record_and_queue
from app.submit.package import PACKAGE_ENTRY_CHARS, PACKAGE_NAME_CHARS, build_package
from app.submit.records import SubmissionRecords

from .support import USER, Server, package_items, summary_rows

NUMBERS = ["201710601862.3", "201920123456.2"]
DAY = dt.date(2024, 9, 10)
# About a hundred characters, as a joint laboratory's full name can be.
LONG_UNIT = ("中国科学院武汉岩土力学研究所与华中科技大学联合共建的岩土力学与工程国家重点实验室"
             "暨湖北省岩土与地下工程技术创新中心（武汉）暨长江流域岩土工程安全国际联合研究中心分部"
             "与产业技术研究院成果转化办公室")


def test_a_long_unit_name_gives_a_package_zip_and_eml_that_windows_accepts(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    assert len(LONG_UNIT) > 90
    target = records.target_by_key("hubei")
    assert target is not None
    items = package_items(database, tmp_path / "generated", NUMBERS)
    account = smtp_server().account(user=USER)
    built = build_package(target, LONG_UNIT, DAY, items, tmp_path / "out",
                          summary_list=summary_rows(NUMBERS), sender=account.sender)
    assert built.built, built.findings
    assert built.folder is not None and built.zip_path is not None
    assert built.folder.name.endswith("-湖北-20240910")
    assert built.folder.name.startswith(LONG_UNIT[:20])
    assert windows_length(built.folder.name) <= PACKAGE_NAME_CHARS
    assert built.zip_path.name == built.folder.name + ".zip"
    for path in built.folder.iterdir():
        assert windows_length(path.name) <= max(PACKAGE_ENTRY_CHARS, len("邮件草稿（1-2）.eml"))
        assert windows_length(str(path.absolute())) <= MAX_PATH_CHARS
    with zipfile.ZipFile(built.zip_path) as archive:
        for info in archive.infolist():
            assert info.flag_bits & 0x800  # UTF-8 names: Explorer shows the Chinese
            assert info.filename.startswith(built.folder.name + "/")

    saved = records.save_account(account)
    assert saved.record_id is not None
    stored = records.account(saved.record_id)
    assert stored is not None
    package_id, findings = record_and_queue(records, built, stored)
    assert findings == []
    package = records.package(package_id)
    assert package is not None and package.messages
    for message in package.messages:
        eml = Path(message.eml_path)
        assert eml.is_file()
        assert eml.name.endswith(f" ({message.part}-{message.parts}).eml")  # extension kept
        assert len(eml.name.encode("utf-8")) <= MAX_NAME_BYTES
        assert LONG_UNIT[:20] in eml.name
        assert windows_length(str(eml)) <= MAX_PATH_CHARS


def test_an_output_folder_too_long_for_a_package_is_refused_with_the_reason(
    records: SubmissionRecords, database: Database, tmp_path: Path,
) -> None:
    target = records.target_by_key("hubei")
    assert target is not None
    items = package_items(database, tmp_path / "generated", NUMBERS)
    out = tmp_path / ("很长的文件夹名" * 25)
    built = build_package(target, "华中科技大学", DAY, items, out,
                          summary_list=summary_rows(NUMBERS))
    assert not built.built
    [problem] = [f for f in built.findings if f.code == "package.write_failed"]
    assert problem.params["reason_errno"] == errno.ENAMETOOLONG
    assert str(out) in problem.params["path"]


@pytest.mark.skipif(shutil.which("unzip") is None, reason="Info-ZIP unzip is not installed")
def test_a_reader_not_written_in_python_lists_the_zip_in_chinese(
    records: SubmissionRecords, database: Database, tmp_path: Path,
) -> None:
    target = records.target_by_key("hubei")
    assert target is not None
    items = package_items(database, tmp_path / "generated", NUMBERS)
    built = build_package(target, "华中科技大学", DAY, items, tmp_path / "out",
                          summary_list=summary_rows(NUMBERS))
    assert built.built and built.zip_path is not None
    listed = subprocess.run(["unzip", "-Z1", str(built.zip_path)], capture_output=True,
                            check=True).stdout.decode("utf-8").splitlines()
    with zipfile.ZipFile(built.zip_path) as archive:
        assert listed == archive.namelist()
    assert "华中科技大学-湖北-20240910/201710601862.3 信息表.pdf" in listed
    assert "华中科技大学-湖北-20240910/清单.csv" in listed
