"""Hostile or broken files end in a finding with its code and parameters: no crash, no hang."""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

import pytest

from app import messages
from app.export.excel import patent_list
from app.export.excel.patent_list import preview_patent_list, read_table
from tests.export.test_excel_support import (
    number,
    rewrite_member,
    summary_list_rows,
    write_xlsx,
)

OLE_HEADER = bytes.fromhex("D0CF11E0A1B11AE1")


def only_code(path: Path) -> str:
    table = read_table(path)
    [finding] = table.findings
    assert finding.is_error and table.rows == ()
    # Every finding words itself in both languages with its parameters filled in.
    for language in messages.LANGUAGES:
        text = messages.describe(finding, language)
        assert "{" not in text and text != finding.code
    return finding.code


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "清单.xlsx"
    path.write_bytes(os.urandom(4096).replace(b"PK", b"pk"))
    assert only_code(path) == "import.not_a_workbook"


def test_a_word_document_renamed(tmp_path: Path) -> None:
    path = tmp_path / "清单.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert only_code(path) == "import.not_a_workbook"
    assert read_table(path).findings[0].params["kind"] == "docx"


def test_a_truncated_workbook(tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "whole.xlsx", summary_list_rows()).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    assert only_code(path) == "import.not_a_workbook"


def test_an_empty_file_and_a_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert only_code(empty) == "import.not_a_workbook"
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    assert only_code(folder) == "import.file_unreadable"
    assert only_code(tmp_path / "missing.xlsx") == "import.file_unreadable"


def test_a_password_protected_workbook(tmp_path: Path) -> None:
    # Excel wraps an encrypted .xlsx in an OLE compound file; its header is enough to tell.
    path = tmp_path / "加密.xlsx"
    path.write_bytes(OLE_HEADER + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"))
    assert only_code(path) == "import.encrypted"
    bare = tmp_path / "bare.xlsx"
    bare.write_bytes(OLE_HEADER + b"\x00" * 1024)
    assert only_code(bare) == "import.encrypted"


def test_an_old_xls_workbook_and_an_html_table_named_xls(tmp_path: Path) -> None:
    old = tmp_path / "旧.xls"
    old.write_bytes(OLE_HEADER + b"\x00" * 504 + "Workbook".encode("utf-16-le"))
    assert only_code(old) == "import.xls_format"
    renamed = tmp_path / "旧.xlsx"  # an .xls renamed to .xlsx is still an .xls
    renamed.write_bytes(old.read_bytes())
    assert only_code(renamed) == "import.xls_format"
    html = tmp_path / "导出.xls"
    html.write_text("<html><table><tr><td>专利号</td></tr></table></html>", encoding="utf-8")
    assert only_code(html) == "import.xls_format"
    assert "另存为 .xlsx" in messages.describe(read_table(html).findings[0])


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "bomb.xlsx", summary_list_rows())
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/zeros.bin", b"\x00" * (64 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    started = time.perf_counter()
    assert only_code(path) == "import.zip_bomb"
    assert time.perf_counter() - started < 1.0
    assert read_table(path).findings[0].params["reason"] == "xl/media/zeros.bin"


def test_declared_sizes_over_the_limit_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_xlsx(tmp_path / "big.xlsx", summary_list_rows())
    monkeypatch.setattr(patent_list, "MAX_UNCOMPRESSED_BYTES", 1000)
    assert only_code(path) == "import.zip_bomb"


def test_entity_expansion_is_refused_by_defusedxml(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "laughs.xlsx", summary_list_rows(["1", number(1)]))
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    rewrite_member(path, "xl/workbook.xml",
                   lambda xml: laughs + xml.replace("<sheets>", "<sheets>&lol3;", 1))
    started = time.perf_counter()
    assert only_code(path) == "import.workbook_unreadable"
    assert time.perf_counter() - started < 2.0
    # Refused by defusedxml, not by luck: the entity declarations themselves are forbidden.
    assert read_table(path).findings[0].params["reason"].startswith("EntitiesForbidden")


def test_entity_expansion_in_a_sheet_is_refused_while_reading(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "laughs.xlsx", summary_list_rows(["1", number(1)]))
    laughs = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda xml: laughs + xml)
    assert only_code(path) == "import.workbook_unreadable"


def test_a_million_empty_rows_and_a_huge_declared_dimension(tmp_path: Path) -> None:
    rows = summary_list_rows(["1", number(1), "一种电池", "武汉大学"], title_rows=False)
    path = write_xlsx(tmp_path / "huge.xlsx", rows)
    empty_rows = "".join(f'<row r="{r}"/>' for r in range(3, 1_000_001))
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        "</sheetData>", empty_rows + '<row r="1000002"><c r="A1000002" t="inlineStr"><is><t>x'
        "</t></is></c></row></sheetData>"
    ).replace('<dimension ref="A1:J2" />', '<dimension ref="A1:XFD1048576" />'))
    assert 'ref="A1:XFD1048576"' in zipfile.ZipFile(path).read(
        "xl/worksheets/sheet1.xml").decode()
    started = time.perf_counter()
    preview = preview_patent_list(path)
    elapsed = time.perf_counter() - started
    assert [r.patent.number for r in preview.rows] == [number(1)]
    assert elapsed < 3.0, elapsed  # stops after a run of empty rows


def test_a_workbook_with_no_rows(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "empty.xlsx", [])
    preview = preview_patent_list(path)
    assert [f.code for f in preview.findings] == ["import.empty"]


def test_a_sheet_of_junk_has_no_heading_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "junk.xlsx", [["a", "b"], [1, 2], [None, "=1/0"]])
    preview = preview_patent_list(path)
    assert preview.needs_mapping and "import.mapping_number_missing" in [
        f.code for f in preview.findings]
    assert preview.rows == ()


def test_too_many_rows_are_cut_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patent_list, "MAX_DATA_ROWS", 5)
    rows = [["专利号", "专利名称", "专利权人"]] + [[number(i), "x", "y"] for i in range(1, 20)]
    table = read_table(write_xlsx(tmp_path / "many.xlsx", rows))
    assert len(table.rows) == 5 and [f.code for f in table.findings] == ["import.too_many_rows"]
    csv_path = tmp_path / "many.csv"
    csv_path.write_text("\n".join(",".join(map(str, r)) for r in rows), encoding="utf-8")
    assert [f.code for f in read_table(csv_path).findings] == ["import.too_many_rows"]


def test_a_file_too_large_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patent_list, "MAX_FILE_BYTES", 10)
    path = tmp_path / "x.csv"
    path.write_text("专利号\n" + number(1), encoding="utf-8")
    assert only_code(path) == "import.file_too_large"


def test_a_csv_with_a_huge_field(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('专利号,专利名称\n"' + "长" * 200_000 + '",x\n', encoding="utf-8")
    assert only_code(path) == "import.csv_unreadable"


def test_unknown_files_are_not_guessed_at(tmp_path: Path) -> None:
    path = tmp_path / "清单.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    assert only_code(path) == "import.not_a_workbook"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    zipped = tmp_path / "x.xlsx"
    zipped.write_bytes(buffer.getvalue())
    assert only_code(zipped) == "import.not_a_workbook"
