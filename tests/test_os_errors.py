"""An operating-system error's reason is shown in the message's language, not Python's English.

Headless modules keep the OS's text and its numbers in a finding's params (app.os_errors);
app.messages picks the words when the finding is shown.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from app import messages, os_errors
from app.os_errors import errno_params, reason_kind, reason_of, reason_params

NOT_FOUND_ZH = messages.OS_REASONS["not_found"][1]
NOT_FOUND_EN = messages.OS_REASONS["not_found"][0]


class SharingViolation(PermissionError):
    """What Windows raises for a file Excel holds open; the class attribute stands in for the
    `winerror` Python sets on Windows only."""

    winerror = 32


def test_every_kind_has_words_in_both_languages() -> None:
    assert set(messages.OS_REASONS) == os_errors.KINDS
    for english, chinese in messages.OS_REASONS.values():
        assert english and chinese and english != chinese


def test_an_os_error_keeps_its_text_and_its_number() -> None:
    exc = FileNotFoundError(errno.ENOENT, "No such file or directory", "/x/y.json")
    assert reason_params(exc) == {"reason": "No such file or directory",
                                  "reason_errno": errno.ENOENT}


def test_an_os_error_without_numbers_is_known_by_its_class() -> None:
    assert reason_params(PermissionError("locked"))["reason_errno"] == errno.EACCES
    assert reason_params(OSError("odd")) == {"reason": "odd"}


def test_anything_else_keeps_its_text_or_the_fallback() -> None:
    assert reason_params(ValueError("bad zip")) == {"reason": "bad zip"}
    assert reason_params(ValueError("bad zip"), "ValueError: bad zip") == {
        "reason": "ValueError: bad zip"}


@pytest.mark.parametrize(("exc", "zh", "en"), [
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), "不存在", "does not exist"),
    (PermissionError(errno.EACCES, "Permission denied"), "没有权限", "permission denied"),
    (IsADirectoryError(errno.EISDIR, "Is a directory"), "是文件夹", "folder, not a file"),
    (NotADirectoryError(errno.ENOTDIR, "Not a directory"), "不是文件夹", "not a folder"),
    (OSError(errno.ENOSPC, "No space left on device"), "磁盘空间不足", "disk is full"),
    (OSError(errno.EROFS, "Read-only file system"), "只读", "read-only"),
    (FileExistsError(errno.EEXIST, "File exists"), "同名", "already exists"),
    (OSError(errno.ENAMETOOLONG, "File name too long"), "太长", "too long"),
    (OSError(errno.EINVAL, "Invalid argument"), "无效", "not valid"),
    (OSError(errno.ENODEV, "No such device"), "未就绪或已移除", "not ready or was removed"),
    (SharingViolation(errno.EACCES, "The process cannot access the file"), "占用", "in use"),
])
def test_common_reasons_read_in_both_languages(exc: OSError, zh: str, en: str) -> None:
    params = {"path": "D:\\报送\\汇总表.xlsx", **reason_params(exc)}
    chinese = messages.message("export.write_failed", params, messages.ZH)
    english = messages.message("export.write_failed", params, messages.EN)
    assert zh in chinese and str(exc.strerror) not in chinese
    assert en in english and "D:\\报送\\汇总表.xlsx" in english


def test_a_sharing_violation_says_so_rather_than_permission_denied() -> None:
    params = reason_params(SharingViolation(errno.EACCES, "The process cannot access the file"))
    assert params["reason_winerror"] == 32
    assert reason_kind(params) == "in_use"
    assert "Excel" in messages.message("pdf.write_failed", {"path": "a.pdf", **params})


def test_an_unknown_errno_falls_back_to_the_os_text() -> None:
    unknown = max(errno.errorcode) + 1000  # no system has it
    exc = OSError(unknown, "Something the OS says")
    params = {"path": "x.json", **reason_params(exc)}
    assert reason_kind(params) is None
    assert messages.message("json.unreadable", params, messages.ZH) == (
        "无法读取 x.json：Something the OS says")
    assert messages.message("json.unreadable", params, messages.EN) == (
        "Cannot read x.json: Something the OS says")
    cross_device = OSError(errno.EXDEV, os.strerror(errno.EXDEV))  # known, but not worded
    params = {"path": "x.json", **reason_params(cross_device)}
    assert messages.message("json.unreadable", params) == (
        f"无法读取 x.json：{os.strerror(errno.EXDEV)}")


def test_errno_params_word_a_condition_found_by_the_code() -> None:
    params = errno_params(errno.EISDIR)
    assert params["reason"] == os.strerror(errno.EISDIR)
    assert "是文件夹" in messages.message("deal.file_unreadable", {"path": "合同", **params})


def test_reason_of_carries_the_reason_into_another_finding() -> None:
    params = {"path": "a", **reason_params(PermissionError(errno.EACCES, "Permission denied"))}
    assert reason_of(params) == {"reason": "Permission denied", "reason_errno": errno.EACCES}
    assert reason_of({"path": "a"}) == {}


# Findings built in headless modules stay data; the words come when they are shown.


def test_a_missing_mapping_file_in_app_models(tmp_path: Path) -> None:
    from app.models.patent_import import load_mapping

    mapping, [finding] = load_mapping(tmp_path / "没有.json")
    assert mapping is None and finding.params["reason_errno"] == errno.ENOENT
    assert messages.describe(finding) == f"无法读取保存的列对应关系（{NOT_FOUND_ZH}）。"
    assert messages.describe(finding, messages.EN) == (
        f"The saved column mapping cannot be read ({NOT_FOUND_EN}).")
    assert finding.to_dict()["params"]["reason"] == os.strerror(errno.ENOENT)


def test_a_missing_patent_list_in_app_export(tmp_path: Path) -> None:
    from app.export.excel.patent_list import read_table

    [finding] = read_table(tmp_path / "专利清单.xlsx").findings
    assert finding.code == "import.file_unreadable"
    assert messages.describe(finding).endswith(f"：{NOT_FOUND_ZH}")
    assert messages.describe(finding, messages.EN).endswith(f": {NOT_FOUND_EN}")


def test_a_folder_where_the_workbook_goes_in_app_export(tmp_path: Path) -> None:
    from app.export.excel.workbook import ExcelExportError, write_atomically

    (tmp_path / "汇总表.xlsx").mkdir()
    (tmp_path / "汇总表.xlsx" / "x").write_text("x")
    with pytest.raises(ExcelExportError) as caught:
        write_atomically(tmp_path / "汇总表.xlsx", b"data")
    chinese = messages.message(caught.value.code, caught.value.params, messages.ZH)
    english = messages.message(caught.value.code, caught.value.params, messages.EN)
    assert "这是文件夹，不是文件" in chinese and "Is a directory" not in chinese
    assert "it is a folder, not a file" in english

