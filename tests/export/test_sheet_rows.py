"""Our streaming reader of a sheet's rows gives exactly what openpyxl's read-only iteration
gives (values and their types), on generated workbooks and on hand-written sheet XML with the
odd corners of the format; the autouse fixture of this folder compares the two on every other
workbook the tests read."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from defusedxml import DTDForbidden, EntitiesForbidden
from openpyxl.styles import Alignment

from app.export.excel import sheet_rows
from app.export.excel.patent_list import read_table
from app.export.excel.sheet_rows import iter_sheet_values  # not the comparing wrapper
from tests.sheet_rows_check import openpyxl_rows

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def both(path: Path, max_col: int = 64) -> tuple[list[Any], list[Any]]:
    ours_book = sheet_rows.open_workbook(path, data_only=True)
    theirs_book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    try:
        ours = list(iter_sheet_values(ours_book.worksheets[0], max_col))
        theirs = list(openpyxl_rows(theirs_book.worksheets[0], max_col))
    finally:
        ours_book.close()
        theirs_book.close()
    return ours, theirs


def typed(rows: list[Any]) -> list[list[tuple[type, Any]]]:
    return [[(type(v), v) for v in row] for row in rows]


@pytest.mark.parametrize("epoch1904", [False, True])
def test_a_generated_workbook_reads_as_openpyxl_reads_it(tmp_path: Path, epoch1904: bool) -> None:
    book = openpyxl.Workbook()
    if epoch1904:
        book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    assert sheet is not None
    sheet.append(["专利清单"])
    sheet.merge_cells("A1:F1")  # a merged title over the headings
    sheet.append(["专利号", "名称", "申请日", "授权日", "有效", "年费", "时长", "时刻"])
    sheet.merge_cells("G2:H2")
    for index in range(300):
        day = dt.date(2001, 1, 1) + dt.timedelta(days=index * 37)
        row: list[Any] = [f"ZL2019{index:07d}.X", f"一种装置 {index}" if index % 7 else None,
                          dt.datetime(day.year, day.month, day.day), day, index % 2 == 0,
                          index * 1.25 if index % 3 else index, dt.timedelta(hours=index),
                          dt.time(index % 24, index % 60)]
        sheet.append(row)
    sheet.append([])
    sheet.append([None, None, "", " ", 0, -1e-7, 1e300, "=不是公式"])
    sheet["B5"].alignment = Alignment(wrap_text=True)
    path = tmp_path / "清单.xlsx"
    book.save(path)
    ours, theirs = both(path)
    assert len(ours) == 304
    assert typed(ours) == typed(theirs)
    assert ours[2][2] == dt.datetime(2001, 1, 1) and ours[2][4] is True


def _styles(path: Path) -> dict[str, str]:
    """The style index openpyxl gave each of A1 … D1 (date, [h]:mm, time, plain)."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    return dict(re.findall(r'<c r="([A-D]1)" s="(\d+)"', xml))


def _with_sheet(tmp_path: Path, body: str, *, epoch1904: bool = False,
                prolog: str = "") -> Path:
    """A workbook whose first sheet's XML is `body` (inside <sheetData>), with styles for
    dates ({date}), durations ({duration}) and times ({time})."""
    book = openpyxl.Workbook()
    if epoch1904:
        book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = dt.date(2020, 1, 1)
    sheet["B1"] = dt.timedelta(hours=30)
    sheet["B1"].number_format = "[h]:mm:ss"
    sheet["C1"] = dt.time(12, 30)
    sheet["D1"] = "x"
    sheet["D1"].number_format = "0.00"
    base = tmp_path / "base.xlsx"
    book.save(base)
    styles = _styles(base)
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{NS}">'
           "<sheetData>" + body.format(date=styles["A1"], duration=styles["B1"],
                                       time=styles["C1"], number=styles["D1"]) +
           "</sheetData></worksheet>")
    path = tmp_path / "hand.xlsx"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = xml.encode()
            target.writestr(item, data)
    return path


HAND_WRITTEN = (
    # inline strings: plain, rich runs, phonetic runs left out, empty, none at all
    '<row r="1"><c r="A1" t="inlineStr"><is><t>专利</t></is></c>'
    '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>一种</t></r>'
    '<r><t xml:space="preserve"> 电池 </t></r>'
    '<rPh sb="0" eb="1"><t>ふり</t></rPh></is></c>'
    '<c r="C1" t="inlineStr"><is><t>前</t><r><t>后</t></r></is></c>'
    '<c r="D1" t="inlineStr"><is/></c><c r="E1" t="inlineStr"><v>ignored</v></c>'
    '<c r="F1" t="inlineStr"/></row>'
    # numbers, dates, durations, times, booleans, errors, cached formula text, ISO dates
    '<row r="3"><c r="A3" s="{date}"><v>43831</v></c><c r="B3" s="{duration}"><v>1.25</v></c>'
    '<c r="C3" s="{time}"><v>0.5</v></c><c r="D3" s="{number}"><v>12</v></c>'
    '<c r="E3" t="b"><v>0</v></c><c r="F3" t="e"><v>#N/A</v></c>'
    '<c r="G3" t="str"><f>A1</f><v>专利</v></c><c r="H3" t="d"><v>2020-02-29T10:00:00</v></c>'
    '<c r="I3"><v>1.5E3</v></c><c r="J3"><v> 7 </v></c><c r="K3"><v></v></c>'
    '<c r="L3" s="{date}"><v>99999999</v></c><c r="M3" s="{date}"><v>-5</v></c></row>'
    # no r on cells or rows, a child that is not a cell, a column past the last one read
    '<row><c t="inlineStr"><is><t>a</t></is></c><x/><c><v>3</v></c>'
    '<c r="BZ4"><v>9</v></c><c r="c4"><v>8</v></c></row>'
    # a row numbered as a float, one out of order (skipped), a duplicate (skipped), a gap
    '<row r="6.0"><c r="a6"><v>6</v></c></row><row r="5"><c r="A5"><v>5</v></c></row>'
    '<row r="6"><c r="A6"><v>66</v></c></row>'
    '<row r="9" spans="1:2"><c r="B9"><v>1<!-- a comment -->2</v></c></row>'
)


@pytest.mark.parametrize("epoch1904", [False, True])
def test_hand_written_sheet_xml_reads_as_openpyxl_reads_it(
    tmp_path: Path, epoch1904: bool
) -> None:
    path = _with_sheet(tmp_path, HAND_WRITTEN, epoch1904=epoch1904)
    for max_col in (64, 3):
        ours, theirs = both(path, max_col)
        assert typed(ours) == typed(theirs)
    ours, _ = both(path)
    assert ours[0][:6] == ("专利", "一种 电池 ", "前后", "", None, None)
    assert ours[2][11] == "#VALUE!"  # a date serial out of range, as openpyxl reads it
    assert len(ours) == 9 and ours[5][0] == 6


def test_a_document_type_declaration_in_a_sheet_is_refused(tmp_path: Path) -> None:
    """Stricter than openpyxl, which lets a DTD without entities through: a sheet has none."""
    plain = _with_sheet(tmp_path, '<row r="1"><c r="A1"><v>1</v></c></row>',
                        prolog='<!DOCTYPE worksheet>')
    book = sheet_rows.open_workbook(plain, data_only=True)
    with pytest.raises(DTDForbidden):
        list(iter_sheet_values(book.worksheets[0], 64))
    book.close()


def test_entities_in_a_sheet_are_refused_and_reported(tmp_path: Path) -> None:
    path = _with_sheet(tmp_path, '<row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row>',
                       prolog='<!DOCTYPE x [<!ENTITY a "aaaa">]>')
    book = sheet_rows.open_workbook(path, data_only=True)
    with pytest.raises((DTDForbidden, EntitiesForbidden)):
        list(iter_sheet_values(book.worksheets[0], 64))
    book.close()
    assert [f.code for f in read_table(path).findings] == ["import.workbook_unreadable"]


def test_opening_a_workbook_does_not_read_its_sheets(tmp_path: Path) -> None:
    """A sheet that is not XML at all is found out when its rows are read, not before."""
    path = _with_sheet(tmp_path, "")
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = b"<worksheet><sheetData><row>"
            target.writestr(item, data)
    book = sheet_rows.open_workbook(broken, data_only=True)
    assert book.sheetnames == ["Sheet"]
    with pytest.raises(SyntaxError):  # ElementTree's ParseError, as openpyxl raised it
        list(iter_sheet_values(book.worksheets[0], 64))
    book.close()
