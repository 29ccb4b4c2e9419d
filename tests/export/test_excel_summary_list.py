"""The summary list workbook: official wording, text cells, no formulas, print set-up, bytes."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from app import messages
from app.export.excel.summary_list import summary_list_workbook, write_summary_list
from app.export.excel.workbook import ExcelExportError
from app.models.summary_list import COLUMNS, SummaryList, SummaryRow

DATED = dt.datetime(2026, 9, 1, 10, 30, 15)


def row(serial: int, **changes: object) -> SummaryRow:
    values: dict[str, object] = dict(
        serial=serial, number="ZL201710601862.3", title="一种基于深度学习的图像识别方法",
        patentees="武汉大学、张三", single_term="3年", legal_status="有效", kind="发明",
        open_scope="全省", contact_name="李老师", contact_phone="027-68754321",
    )
    values.update(changes)
    return SummaryRow(**values)  # type: ignore[arg-type]


def summary(*rows: SummaryRow) -> SummaryList:
    return SummaryList("武汉大学", "王老师", "02768752222", rows or (row(1),), DATED,
                       subject="第一批")


HOSTILE = ("=HYPERLINK(\"http://x\",\"点我\")", "+86 13912345678", "-3年", "@SUM(A1:A2)",
           "=1+1")


@pytest.fixture
def written(tmp_path: Path) -> Path:
    rows = [row(1), row(2, title=HOSTILE[0], contact_phone=HOSTILE[1], single_term=HOSTILE[2],
                    patentees=HOSTILE[3], open_scope=HOSTILE[4], contact_name="0710"),
            row(3, number="ZL02123456.X", contact_phone="13912345678")]
    path = tmp_path / "汇总表.xlsx"
    write_summary_list(summary(*rows), path)
    return path


def test_title_header_line_and_official_headings(written: Path) -> None:
    sheet = openpyxl.load_workbook(written).active
    assert sheet["A1"].value == "湖北省专利开放许可（试点）汇总表"
    assert "A1:J1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A1"].alignment.horizontal == "center"
    # The notice's header line, with its ASCII colon after 联系人.
    assert sheet["A2"].value == "单位名称（盖章）：武汉大学  联系人:王老师  联系电话：02768752222"
    headings = [sheet.cell(3, c).value for c in range(1, 11)]
    assert [h.replace("\n", "") for h in headings] == [
        "序号", "专利号", "专利名称", "专利权人（全部）", "单次许可期限", "专利法律状态",
        "专利类型（发明/实用新型/外观设计）", "开放范围（全省/XX 市）", "联系人", "联系电话",
    ]
    assert headings[3] == "专利权人\n（全部）" and headings[7] == "开放范围\n（全省/\nXX 市）"
    assert [c.heading for c in COLUMNS] == [h.replace("\n", "") for h in headings]


def test_every_value_and_its_type(written: Path) -> None:
    sheet = openpyxl.load_workbook(written).active
    first = [c.value for c in sheet[4]]
    assert first == [1, "ZL201710601862.3", "一种基于深度学习的图像识别方法", "武汉大学、张三",
                     "3年", "有效", "发明", "全省", "李老师", "027-68754321"]
    for r in (4, 5, 6):
        assert sheet.cell(r, 1).data_type == "n"
        for c in range(2, 11):
            cell = sheet.cell(r, c)
            assert cell.data_type == "s", (r, c)
            assert cell.number_format == "@", (r, c)
            assert cell.border.left.style == "thin" and cell.alignment.wrap_text
    assert sheet["B6"].value == "ZL02123456.X"
    assert sheet["J6"].value == "13912345678"
    assert sheet["I5"].value == "0710"  # a leading zero survives


def test_formula_like_text_stays_text(written: Path) -> None:
    sheet = openpyxl.load_workbook(written).active
    hostile_row = {c.value for c in sheet[5]}
    assert set(HOSTILE) <= hostile_row
    with zipfile.ZipFile(written) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml
    assert "=HYPERLINK" in xml  # there, as a string
    # data_only gives the same as the plain load: nothing to compute.
    computed = openpyxl.load_workbook(written, data_only=True).active
    assert [c.value for c in computed[5]] == [c.value for c in sheet[5]]


def test_print_setup(written: Path) -> None:
    sheet = openpyxl.load_workbook(written).active
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert int(sheet.page_setup.fitToWidth) == 1 and int(sheet.page_setup.fitToHeight) == 0
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert sheet.print_area == "'汇总表'!$A$1:$J$6"
    assert sheet.freeze_panes == "A4"


def test_widths_fit_chinese_text_and_rows_fit_wrapped_lines(tmp_path: Path) -> None:
    long_title = "一种用于高压输电线路巡检的多旋翼无人机及其自主避障控制方法" * 2
    path = tmp_path / "x.xlsx"
    write_summary_list(summary(row(1), row(2, title=long_title)), path)
    sheet = openpyxl.load_workbook(path).active
    widths = {c.heading: sheet.column_dimensions[chr(65 + i)].width
              for i, c in enumerate(COLUMNS)}
    assert widths["专利号"] >= len("ZL201710601862.3") + 2
    assert widths["专利名称"] <= 40  # long titles wrap rather than widen the page
    assert widths["联系电话"] >= 14
    assert sheet.row_dimensions[5].height > sheet.row_dimensions[4].height  # wrapped lines
    assert sheet.row_dimensions[3].height >= 3 * 14  # the three-line headings


def test_same_data_gives_the_same_bytes_and_fixed_dates(tmp_path: Path) -> None:
    first = write_summary_list(summary(), tmp_path / "a.xlsx")
    second = write_summary_list(summary(), tmp_path / "b.xlsx")
    assert first.sha256 == second.sha256 and first.size == second.size
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    props = openpyxl.load_workbook(tmp_path / "a.xlsx").properties
    assert props.created == DATED and props.modified == DATED
    assert props.creator == "Licence Desk" and props.title == "湖北省专利开放许可（试点）汇总表"
    other = write_summary_list(summary(row(1, title="另一个名称")), tmp_path / "c.xlsx")
    assert other.sha256 != first.sha256


def test_control_characters_are_dropped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    write_summary_list(summary(row(1, title="图像\x00识别\x07方法")), path)
    assert openpyxl.load_workbook(path).active["C4"].value == "图像识别方法"


def test_an_empty_list_still_has_its_headings(tmp_path: Path) -> None:
    workbook = summary_list_workbook(SummaryList("", "", "", ()))
    sheet = workbook.active
    assert sheet["A3"].value == "序号" and sheet.max_row == 3


def test_writing_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "汇总表.xlsx"
    path.write_bytes(b"previous")

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExcelExportError) as caught:
        write_summary_list(summary(), path)
    assert caught.value.code == "export.write_failed"
    assert path.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["汇总表.xlsx"]
    assert "WPS" in messages.message(caught.value.code, caught.value.params, messages.EN)


def test_a_written_list_gives_its_generated_document_record(tmp_path: Path) -> None:
    from app.export.excel.summary_list import DOCUMENT_KIND, generated_document

    written = write_summary_list(summary(), tmp_path / "汇总表.xlsx")
    document = generated_document(summary(), written)
    assert document.kind == DOCUMENT_KIND and document.subject == "第一批"
    assert document.sha256 == written.sha256 and document.size == written.size
    assert document.data_hash == summary().data_hash()
    assert document.data_hash != summary(row(1, single_term="5年")).data_hash()
