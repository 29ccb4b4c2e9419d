"""Names made from unit names, patent numbers and titles are valid on Windows (app.file_names)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from app.file_names import (
    MAX_NAME_BYTES,
    MAX_PATH_CHARS,
    is_reserved_name,
    safe_file_name,
    windows_length,
)
from app.models.database import Database

LONG_UNIT = "中国科学院武汉岩土力学研究所与华中科技大学联合共建的岩土与地下工程国家重点实验室" * 3


@pytest.mark.parametrize("text,expected", [
    ('华中/科技:大学*?"<>|', "华中_科技_大学______"),
    ("武汉\\大学", "武汉_大学"),
    ("武汉大学. . ", "武汉大学"),
    ("..", "文件"),
    (" .隐藏", "隐藏"),
    ("行一\r\n行二\u2028行三", "行一 行二 行三"),
    ("合同\u202efdp.exe", "合同_fdp.exe"),  # a direction override would show "exe.pdf"
    ("坏\ud800字", "坏_字"),  # a lone surrogate (undecodable input) cannot be written
    ("CON", "_CON"),
    ("nul", "_nul"),
    ("Com1", "_Com1"),
    ("LPT9", "_LPT9"),
    ("COM¹", "_COM¹"),
    ("CONOUT$", "_CONOUT$"),
    ("COM10", "COM10"),  # not a device
    ("CONSOLE", "CONSOLE"),
    ("  ", "文件"),
])
def test_names_are_valid_on_windows_and_keep_chinese(text: str, expected: str) -> None:
    assert safe_file_name(text) == expected


@pytest.mark.parametrize("name", ["NUL.txt", "nul.tar.gz", "CON .pdf", "aux", "PRN.信息表.pdf"])
def test_a_device_name_with_an_extension_is_still_the_device(name: str) -> None:
    assert is_reserved_name(name)
    assert not is_reserved_name(safe_file_name(name))


def test_the_extension_makes_a_device_name_too() -> None:
    assert safe_file_name("NUL", extension=".pdf") == "_NUL.pdf"
    assert safe_file_name("NUL.txt 许可", extension=".pdf") == "_NUL.txt 许可.pdf"


def test_names_are_capped_at_255_bytes_not_120_characters(tmp_path: Path) -> None:
    name = safe_file_name(LONG_UNIT, extension=".eml")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.endswith(".eml")
    assert len(name.encode("utf-8")) > MAX_NAME_BYTES - 4  # as long as allowed, not 120 chars
    latin = safe_file_name("a" * 400, extension=".pdf")
    assert len(latin) == MAX_NAME_BYTES and latin.endswith(".pdf")
    (tmp_path / name).write_bytes(b"x")  # the file system takes it (ENAMETOOLONG before)
    (tmp_path / latin).write_bytes(b"x")


def test_shortening_never_cuts_a_character_in_half() -> None:
    text = "𠀀" * 100  # 4 bytes in UTF-8, 2 units in UTF-16 each
    name = safe_file_name(text, extension=".pdf")
    assert name.encode("utf-8").decode("utf-8") == name
    assert set(name[:-4]) == {"𠀀"}
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES


def test_a_name_keeps_the_whole_path_under_260_characters(tmp_path: Path) -> None:
    folder = tmp_path / ("材料" * 60)  # the path, not the 255 bytes, is the limit here
    name = safe_file_name(LONG_UNIT, extension=" (1-2).eml", folder=folder)
    assert name.endswith(" (1-2).eml")
    assert windows_length(str(folder / name)) <= MAX_PATH_CHARS
    assert windows_length(str(folder / name)) >= MAX_PATH_CHARS - 1
    reserved = safe_file_name(LONG_UNIT, folder=folder, reserve=30)
    assert windows_length(str(folder / reserved)) + 30 <= MAX_PATH_CHARS


def test_a_folder_too_long_for_any_name_is_an_error_saying_so(tmp_path: Path) -> None:
    folder = tmp_path / ("很长的文件夹" * 45)
    with pytest.raises(OSError) as raised:
        safe_file_name("武汉大学-湖北-20240910", extension=".zip", folder=folder)
    assert raised.value.errno == errno.ENAMETOOLONG
    assert str(folder) in str(raised.value.filename)


def test_max_chars_caps_the_whole_name() -> None:
    name = safe_file_name(LONG_UNIT, extension="-湖北-20240910", max_chars=64)
    assert windows_length(name) == 64 and name.endswith("-湖北-20240910")


def test_offer_pdf_names_go_through_the_reserved_name_check(tmp_path: Path) -> None:
    from app.export.offer_documents import DECLARATION, INFORMATION_SHEET, file_name

    assert file_name("NUL.txt", INFORMATION_SHEET) == "_NUL.txt 信息表.pdf"
    assert file_name("CON.1", DECLARATION, draft=True) == "_CON.1 声明（草稿）.pdf"
    assert file_name("COM1", DECLARATION) == "COM1 声明.pdf"  # not the device: "COM1 声明"
    assert file_name("201710601862.3", INFORMATION_SHEET, folder=tmp_path) == (
        "ZL201710601862.3 信息表.pdf")
    with pytest.raises(OSError) as raised:
        file_name("201710601862.3", INFORMATION_SHEET, folder=tmp_path / ("文件夹" * 80))
    assert raised.value.errno == errno.ENAMETOOLONG


def test_a_sealed_copy_of_a_document_with_a_long_title_gets_a_valid_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database: Database
) -> None:
    import datetime as dt
    from types import SimpleNamespace

    from app.submit import sealing

    document = SimpleNamespace(id=7, kind="information_sheet", subject="一种" + "输电线路" * 80)
    recorded: list[Path] = []

    class Records:  # the document is not in the database; the copy's bytes go there (issue 16)
        def __init__(self) -> None:
            self.database = database

        def session(self) -> object:
            return database.session()

        def document(self, document_id: int) -> object:
            return document

        def record_sealed_copy(self, document_id: int, path: Path, digest: str) -> object:
            recorded.append(path)
            return SimpleNamespace(findings=(), offer_state="sealed")

    monkeypatch.setattr(sealing, "sealed_dir", lambda: tmp_path)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + str(dt.date.today()).encode() + b"\n%%EOF\n")
    result = sealing.attach_sealed_copy(Records(), 7, [scan])  # type: ignore[arg-type]
    assert not result.findings, result.findings
    [name] = recorded
    assert len(name.name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.name.startswith("7-information_sheet-一种输电线路") and name.suffix == ".pdf"
    # Opened from the database's cache folder under a name Windows takes too.
    assert result.path is not None and result.path.is_file() and result.path.suffix == ".pdf"
    assert len(result.path.name.encode("utf-8")) <= MAX_NAME_BYTES
    assert result.path.read_bytes() == scan.read_bytes()


def test_summary_list_names_go_through_the_same_check(tmp_path: Path) -> None:
    from app.export.summary_list_documents import PDF_KIND, XLSX_KIND, file_names

    assert file_names() == {PDF_KIND: "汇总表.pdf", XLSX_KIND: "汇总表.xlsx"}
    assert file_names("CON")[PDF_KIND] == "_CON.pdf"
    with pytest.raises(OSError) as raised:
        file_names(folder=tmp_path / ("文件夹" * 85))
    assert raised.value.errno == errno.ENAMETOOLONG
