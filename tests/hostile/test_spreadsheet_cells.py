"""Excel and CSV cells that crashed the import (issue 18 point 3) become findings on their row
and field: Excel serial dates beyond the calendar, 1E+308, digits int() refuses, numbers
whose decimal expansion would take gigabytes."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.export.excel.patent_list import preview_patent_list
from app.models.patent_import import read_date
from tests.export.test_excel_support import number, rewrite_member

HEADINGS = ("专利号", "专利名称", "专利权人", "申请日")
MARK = 43210  # a plain serial (2018-04-20) to find and replace in the sheet's XML


def _workbook(path: Path, date_cells: list[Any], *, epoch1904: bool = False) -> Path:
    workbook = openpyxl.Workbook()
    if epoch1904:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        workbook.epoch = CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.append(HEADINGS)
    for i, cell in enumerate(date_cells, start=1):
        sheet.append([number(i), "一种方法", "武汉大学", MARK + i if cell is _RAW else cell])
    workbook.save(path)
    return path


_RAW = object()


def _findings_by_row(path: Path) -> dict[int, set[tuple[str, str]]]:
    preview = preview_patent_list(path)
    assert not [f for f in preview.findings if f.is_error], preview.findings
    return {r.row: {(f.code, f.field) for f in (*r.findings, *r.record_findings)}
            for r in preview.rows}


@pytest.mark.parametrize("epoch1904", [False, True])
def test_serial_dates_beyond_the_calendar_are_findings_on_their_row(
    tmp_path: Path, epoch1904: bool,
) -> None:
    values = [3_000_000, 1e10, 1e300, -2_000_000, "3000000", "፩", "²", "9999-12-31"]
    path = _workbook(tmp_path / "dates.xlsx", values, epoch1904=epoch1904)
    by_row = _findings_by_row(path)
    for row in range(2, 2 + len(values)):
        assert ("import.date_unreadable", "filing_date") in by_row[row] or (
            "range.date", "filing_date") in by_row[row], (row, values[row - 2], by_row[row])


def test_a_cached_value_of_1e308_and_a_huge_exponent(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "raw.xlsx", [_RAW, _RAW, _RAW])
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        f"<v>{MARK + 1}</v>", "<v>1E+308</v>").replace(
        f"<v>{MARK + 2}</v>", "<v>-1E+308</v>").replace(
        f"<v>{MARK + 3}</v>", "<v>4.9E-324</v>"))
    by_row = _findings_by_row(path)
    for row in (2, 3, 4):
        assert ("import.date_unreadable", "filing_date") in by_row[row], by_row[row]


def test_a_csv_cell_of_1e9999999999_costs_nothing(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text("专利号,专利名称,专利权人,申请日\n"
                    "1e9999999999,一种方法,武汉大学,1e9999999999\n"
                    f"{number(1)},一种方法,武汉大学,99999999999999999999999\n",
                    encoding="utf-8")
    started = time.perf_counter()
    by_row = _findings_by_row(path)
    assert time.perf_counter() - started < 5  # was 30 s and 10 GB
    assert ("import.number_invalid", "number") in by_row[2]
    assert ("import.date_unreadable", "filing_date") in by_row[2]
    assert ("import.date_unreadable", "filing_date") in by_row[3]


@pytest.mark.parametrize("value", [3_000_000, 1e10, 1e300, -1e300, float("inf"), float("nan"),
                                   -2_000_000, "3000000", "፩", "٣", "²",
                                   pytest.param("1" * 5000, id="5000-digits")])
def test_the_date_reader_never_raises(value: Any) -> None:
    assert read_date(value) is None
    assert read_date(value, date1904=True) is None


def test_a_row_of_formulas_without_cached_values_is_reported_not_dropped(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADINGS)
    sheet.append([number(1), "一种方法", "武汉大学", None])
    sheet.append(["=A2", "=B2", "=C2", None])  # written by a program: no values stored
    path = tmp_path / "formulas.xlsx"
    workbook.save(path)
    preview = preview_patent_list(path)
    assert [r.row for r in preview.rows] == [2, 3] and preview.ignored_rows == ()
    third = preview.rows[1]
    assert {f.code for f in third.findings} >= {"import.formula_without_value"}
    assert third.has_errors


def test_a_csv_after_more_than_a_hundred_blank_lines_is_read(tmp_path: Path) -> None:
    path = tmp_path / "padded.csv"
    path.write_text("\n" * 150 + "专利号,专利名称,专利权人,申请日\n"
                    f"{number(1)},一种方法,武汉大学,2017-01-05\n", encoding="utf-8")
    preview = preview_patent_list(path)
    assert [r.row for r in preview.rows] == [152]
    assert not [f for f in preview.findings if f.code == "import.empty"]


@pytest.mark.parametrize(("codec", "name", "text"), [
    ("big5", "Big5",
     "序號,專利號,專利名稱,專利權人\n1,{n},一種高強度鋼的熱處理方法,國立臺灣大學\n"),
    ("shift_jis", "Shift-JIS",
     "番号,特許番号,名称,特許権者\n1,{n},高強度鋼の熱処理方法,東京大学\n"),
])
def test_big5_and_shift_jis_csvs_are_named_not_misread_as_gbk(
    tmp_path: Path, codec: str, name: str, text: str,
) -> None:
    path = tmp_path / "other.csv"
    path.write_bytes(text.format(n=number(1)).encode(codec))
    preview = preview_patent_list(path)
    [finding] = preview.findings
    assert finding.code == "import.csv_encoding_other" and finding.params["encoding"] == name
    assert preview.rows == ()


def test_gbk_csvs_with_rare_names_still_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes(("专利号,专利名称,专利权人\n"
                      f"{number(1)},一种基于石墨烯的柔性压力传感器,华中科技大学、喆犇\n"
                      ).encode("gb18030"))
    preview = preview_patent_list(path)
    assert [r.patent.patentees for r in preview.rows] == [("华中科技大学", "喆犇")]
