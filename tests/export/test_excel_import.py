"""Reading patent lists: layouts, mappings, and every way Excel mangles numbers and dates."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import openpyxl
import pytest

from app import messages
from app.export.excel.patent_list import preview_patent_list, read_table
from app.models.entities import LegalStatus
from app.models.patent_import import (
    ColumnMapping,
    MappingMemory,
    load_mapping,
    mapping_from_json,
    propose_mapping,
    read_date,
    save_mapping,
    split_patentees,
)
from tests.export.test_excel_support import (
    number,
    rewrite_member,
    summary_list_rows,
    write_xlsx,
)

N1, N2, N3 = number(1), number(2), number(3)
TODAY = dt.date(2026, 11, 21)


def summary_row(serial: int, patent_number: object, **changes: object) -> list[object]:
    values = {
        "serial": serial, "number": patent_number, "title": "一种图像识别方法",
        "patentees": "武汉大学、张三", "single_term": "3年", "status": "有效", "kind": "发明",
        "scope": "全省", "contact": "李老师", "phone": "027-68754321",
    }
    values.update(changes)
    return list(values.values())


def codes(findings: object) -> list[str]:
    return [f.code for f in findings]  # type: ignore[attr-defined]


def test_defused_xml_is_in_use() -> None:
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


def test_a_summary_list_is_recognised_below_its_title_rows(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "汇总表.xlsx", summary_list_rows(
        summary_row(1, "ZL" + N1),
        summary_row(2, N2, patentees="华中科技大学；李四\n王五", status="失效（期限届满）",
                    kind="发明", scope="武汉市", phone="13912345678"),
    ), merges=("A1:J1", "A2:J2"))
    preview = preview_patent_list(path, today=TODAY)
    assert preview.layout == "summary_list" and not preview.needs_mapping
    assert preview.header_row == 3 and preview.findings == ()
    first, second = preview.rows
    assert (first.row, first.patent.number, first.patent.title) == (4, N1, "一种图像识别方法")
    assert first.patent.patentees == ("武汉大学", "张三")
    assert first.patent.entered_kind is None  # agrees with the number: the number says it
    assert first.offer.single_term == "3年" and first.offer.open_scope == "全省"
    assert first.offer.contact_phone == "027-68754321" and first.has_offer_fields
    assert first.findings == ()
    # A summary list has no filing date: the record imports as a draft, saying so.
    assert "filing_date.required" in codes(first.record_findings)
    assert second.patent.patentees == ("华中科技大学", "李四", "王五")
    assert second.patent.legal_status == LegalStatus.EXPIRED.value
    assert second.offer.open_scope == "武汉市"


def test_another_layout_needs_a_mapping_and_one_is_proposed(tmp_path: Path) -> None:
    rows = [
        ["某某大学专利清单（2026 年）"],
        ["申请号", "发明名称", "申请人（专利权人）", "申请日", "授权公告日", "法律状态", "备注",
         "联系人电话"],
        [N1, "一种电池", "武汉大学,张三", "2017-07-21", "2019/3/5", "有效", "转让中",
         "02787654321"],
    ]
    path = write_xlsx(tmp_path / "清单.xlsx", rows)
    preview = preview_patent_list(path, today=TODAY)
    assert preview.needs_mapping and "import.mapping_needed" in codes(preview.findings)
    assert preview.header_row == 2
    assert preview.columns == {"number": 0, "title": 1, "patentees": 2, "filing_date": 3,
                               "grant_date": 4, "legal_status": 5, "remarks": 6,
                               "contact_phone": 7}
    [row] = preview.rows  # read with the proposal meanwhile
    assert row.patent.filing_date == dt.date(2017, 7, 21)
    assert row.patent.grant_date == dt.date(2019, 3, 5)
    assert row.patent.remarks == "转让中" and row.record_findings == ()

    mapping = ColumnMapping({"number": "申请号", "title": "发明名称", "patentees": 2,
                             "filing_date": "申请日"})
    mapped = preview_patent_list(path, mapping, today=TODAY)
    assert mapped.layout == "mapped" and not mapped.needs_mapping and mapped.findings == ()
    assert mapped.rows[0].patent.patentees == ("武汉大学", "张三")
    assert mapped.rows[0].provided == {"number", "title", "patentees", "filing_date"}


def test_a_mapping_naming_a_missing_column_or_no_number_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [["专利号", "名称"], [N1, "x"]])
    preview = preview_patent_list(path, ColumnMapping({"number": "专利号", "title": "标题"}))
    assert codes(preview.findings) == ["import.mapping_column_missing"] and preview.rows == ()
    assert "标题" in messages.describe(preview.findings[0])
    assert "发明创造名称" in messages.describe(preview.findings[0])  # the field's label
    preview = preview_patent_list(path, ColumnMapping({"title": 1}, header_row=1))
    assert codes(preview.findings) == ["import.mapping_number_missing"]
    headless = write_xlsx(tmp_path / "b.xlsx", [[N1, "一种电池"], [N2, "一种电机"]])
    preview = preview_patent_list(headless, ColumnMapping({"number": 0, "title": 1},
                                                          header_row=0))
    assert [r.patent.title for r in preview.rows] == ["一种电池", "一种电机"]


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["专利号", "专利名称", "专利权人"], {"number": 0, "title": 1, "patentees": 2}),
        (["专利申请号", "发明创造名称", "权利人", "申请日期", "授权日"],
         {"number": 0, "title": 1, "patentees": 2, "filing_date": 3, "grant_date": 4}),
        (["申请日", "申请号", "申请人"], {"filing_date": 0, "number": 1, "patentees": 2}),
        (["名称", " 专利号 ", "专利类型", "法律状态", "备注"],
         {"title": 0, "number": 1, "kind": 2, "legal_status": 3, "remarks": 4}),
        (["第一专利权人", "专利号*", "专利名称："], {"patentees": 0, "number": 1, "title": 2}),
        (["序号", "无关", None, "专利号"], {"number": 3}),
    ],
)
def test_proposed_mappings_use_the_synonyms(headers: list[object], expected: dict) -> None:
    assert propose_mapping(headers) == expected


def digit_checked(start: int) -> str:
    """A number whose check character is a digit, so that it can be stored as a number."""
    serial = start
    while number(serial).endswith("X"):
        serial += 1
    return number(serial)


def test_numbers_excel_turned_into_floats_or_scientific_notation(tmp_path: Path) -> None:
    from app.models.patent_number import check_character

    as_int, as_float = digit_checked(1), digit_checked(100)
    old_digits = next(d for d in (f"0212345{i}" for i in range(10))
                      if check_character(d) != "X")
    old = f"{old_digits}.{check_character(old_digits)}"
    rows = summary_list_rows(
        summary_row(1, int(as_int.replace(".", ""))),  # int: every digit is there
        summary_row(2, float(as_float)),  # float with the check digit after the point
        summary_row(3, "2.01710601862E+11"),  # text as Excel showed it: check digit gone
        summary_row(4, "2.017106018623E+12"),  # text, but all 13 digits survive
        summary_row(5, 2017110000000),  # a number rebuilt from 2.01711E+12
        summary_row(6, float(old)),  # 2000–2003 numbers start with 0, which a number drops
        summary_row(7, 201710601862),  # an int without its check digit
        title_rows=False,
    )
    path = write_xlsx(tmp_path / "n.xlsx", rows)
    preview = preview_patent_list(path, today=TODAY)
    by_row = {r.row: r for r in preview.rows}
    assert by_row[2].patent.number == as_int and not by_row[2].has_errors
    [numeric] = by_row[2].findings
    assert numeric.code == "import.number_was_numeric" and numeric.params["number"] == as_int
    assert by_row[3].patent.number == as_float and not by_row[3].has_errors
    lost = by_row[4].findings[0]
    assert lost.code == "import.number_lost_digits" and lost.params["row"] == 4
    assert lost.params["suggestion"] == "201710601862.3"
    assert messages.describe(lost) == (
        "第 4 行：专利号 2.01710601862E+11 被 Excel 显示成了科学计数法，且末尾数字已丢失，"
        "请在 Excel 中把该列设为文本后重新填写。"
    )
    assert by_row[5].patent.number == "201710601862.3" and not by_row[5].has_errors
    assert codes(by_row[6].findings) == ["import.number_lost_digits"]
    assert by_row[7].patent.number == old and not by_row[7].has_errors  # its 0 put back
    seventh = by_row[8].findings[0]
    assert seventh.code == "import.number_invalid"
    assert seventh.params["nested_code"] == "number.check_missing"
    assert "201710601862.3" in messages.describe(seventh)


def test_invalid_and_missing_numbers(tmp_path: Path) -> None:
    rows = summary_list_rows(
        summary_row(1, "201710601862.4"), summary_row(2, None), summary_row(3, "CN104919132B"),
        summary_row(4, None, title=None, patentees=None), title_rows=False,
    )
    preview = preview_patent_list(write_xlsx(tmp_path / "n.xlsx", rows), today=TODAY)
    assert [(r.row, codes(r.findings)) for r in preview.rows] == [
        (2, ["import.number_invalid"]), (3, ["import.number_missing"]),
        (4, ["import.number_invalid"]),
    ]
    assert preview.ignored_rows == (5,)  # only 序号 and offer columns: a template line
    assert messages.describe(preview.rows[0].findings[0]).startswith("第 2 行：校验位 4 不正确")


def test_dates_in_every_form(tmp_path: Path) -> None:
    forms: list[object] = [
        dt.datetime(2017, 7, 21), 42937, 42937.0, "42937", "2017.7.21", "2017/7/21",
        "2017-07-21", "2017年7月21日", "2017 年 7 月 21 日", "20170721", 20170721,
        "２０１７－０７－２１", "2017-07-21 00:00:00",
    ]
    rows: list[list[object]] = [["专利号", "专利名称", "专利权人", "申请日"]]
    rows += [[N1 if i == 0 else number(i + 10), "名称", "武汉大学", form]
             for i, form in enumerate(forms)]
    rows.append([number(99), "名称", "武汉大学", "2017.13.40"])
    path = write_xlsx(tmp_path / "d.xlsx", rows)
    mapping = ColumnMapping({"number": "专利号", "title": "专利名称", "patentees": "专利权人",
                             "filing_date": "申请日"})
    preview = preview_patent_list(path, mapping, today=TODAY)
    assert [r.patent.filing_date for r in preview.rows[:-1]] == [dt.date(2017, 7, 21)] * len(forms)
    bad = preview.rows[-1]
    assert codes(bad.findings) == ["import.date_unreadable"] and bad.patent.filing_date is None
    assert messages.describe(bad.findings[0]) == (
        f"第 {bad.row} 行：申请日“2017.13.40”不是可识别的日期，请写成 2017-07-21 或 2017年7月21日。"
    )


def test_date_reader_edges() -> None:
    assert read_date(42937, date1904=True) == dt.date(2021, 7, 22)
    assert read_date(12) is None and read_date(True) is None  # not dates
    assert read_date(42937.75) == dt.date(2017, 7, 21)  # a time of day
    assert read_date("2017-02-30") is None


def test_patentees_in_one_cell() -> None:
    assert split_patentees("武汉大学、张三;李四；王五,赵六，钱七\n孙八\r\n周九") == [
        "武汉大学", "张三", "李四", "王五", "赵六", "钱七", "孙八", "周九"]
    assert split_patentees(" 武汉大学 、、 ") == ["武汉大学"]
    assert split_patentees(None) == []


def test_duplicates_in_the_file_and_numbers_already_in_the_register(tmp_path: Path) -> None:
    rows = summary_list_rows(summary_row(1, N1), summary_row(2, N2), summary_row(3, "ZL" + N1),
                             title_rows=False)
    preview = preview_patent_list(write_xlsx(tmp_path / "d.xlsx", rows), existing_numbers={N2},
                                  today=TODAY)
    first, second, third = preview.rows
    assert first.findings == () and not first.existing
    assert second.existing and codes(second.findings) == ["import.number_in_register"]
    assert not second.has_errors
    [duplicate] = third.findings
    assert duplicate.code == "import.duplicate_in_file"
    assert (duplicate.params["row"], duplicate.params["first_row"]) == (4, 2)
    assert messages.describe(duplicate) == f"第 4 行：专利 {N1} 与本文件第 2 行重复。"
    assert preview.rows_with_errors == (third,)


def test_status_kind_and_phone_cells(tmp_path: Path) -> None:
    rows = summary_list_rows(
        summary_row(1, N1, status="失效（宣告无效）", kind="发明专利", phone=2787654321),
        summary_row(2, N2, status="失效", kind="外观"),
        summary_row(3, number(3, kind="2"), status="未缴年费终止", kind="发明"),
        summary_row(4, N3, status="授权", kind="专利", phone=13912345678),
        title_rows=False,
    )
    preview = preview_patent_list(write_xlsx(tmp_path / "s.xlsx", rows), today=TODAY)
    one, two, three, four = preview.rows
    assert one.patent.legal_status == "invalidated"
    assert one.offer.contact_phone == "02787654321"
    assert codes(one.findings) == ["import.phone_was_numeric"]
    assert codes(two.findings) == ["import.status_unknown"]  # which kind of 失效?
    assert two.patent.entered_kind == "design"  # kept: it disagrees with the number …
    assert "kind.mismatch" in codes(two.record_findings)  # … and the record says so
    assert three.patent.legal_status == "lapsed" and three.patent.entered_kind == "invention"
    assert codes(four.findings) == ["import.kind_unknown"]
    assert four.offer.contact_phone == "13912345678"


def test_merged_cells_read_their_top_left_value(tmp_path: Path) -> None:
    rows = summary_list_rows(summary_row(1, N1), summary_row(2, N2, patentees=None, scope=None),
                             summary_row(3, N3, patentees=None, scope=None), title_rows=False)
    path = write_xlsx(tmp_path / "m.xlsx", rows, merges=("D2:D4", "H2:H3"))
    preview = preview_patent_list(path, today=TODAY)
    assert [r.patent.patentees for r in preview.rows] == [("武汉大学", "张三")] * 3
    assert [r.offer.open_scope for r in preview.rows] == ["全省", "全省", ""]


def test_formulas_read_their_cached_values_or_are_reported(tmp_path: Path) -> None:
    rows = summary_list_rows(summary_row(1, N1, title='="一种"&"电池"'),
                             summary_row(2, N2, title="=A1&A2", single_term="#N/A"),
                             title_rows=False)
    path = write_xlsx(tmp_path / "f.xlsx", rows)
    # Give the first formula the value Excel would have stored with it.
    # (the writer may escape the Chinese as character references and write <v></v> or <v />)
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda xml: re.sub(
        r'<c r="C2"><f>(.*?)</f><v\s*(?:/>|></v>)</c>',
        r'<c r="C2" t="str"><f>\1</f><v>一种电池</v></c>', xml, count=1,
    ))
    preview = preview_patent_list(path, today=TODAY)
    first, second = preview.rows
    assert first.patent.title == "一种电池" and first.findings == ()
    assert codes(second.findings) == ["import.formula_without_value", "import.cell_error"]
    formula = second.findings[0]
    assert formula.params["column"] == "专利名称" and formula.params["value"] == "=A1&A2"
    assert "第 3 行“专利名称”列" in messages.describe(formula)


def test_the_sheet_with_the_headings_is_chosen(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "说明"
    workbook.active["A1"] = "本表用于……"
    data = workbook.create_sheet("专利")
    for values in summary_list_rows(summary_row(1, N1)):
        data.append(list(values))
    path = tmp_path / "two.xlsx"
    workbook.save(path)
    preview = preview_patent_list(path, today=TODAY)
    assert preview.sheet == "专利" and preview.sheet_names == ("说明", "专利")
    assert len(preview.rows) == 1
    chosen = preview_patent_list(path, sheet="说明", today=TODAY)
    assert chosen.needs_mapping and chosen.rows == ()
    missing = preview_patent_list(path, sheet="无此表")
    assert codes(missing.findings) == ["import.sheet_missing"]


# CSV --------------------------------------------------------------------------------------

CSV_TEXT = (
    "序号,专利号,专利名称,专利权人（全部）,单次许可期限,专利法律状态,专利类型（发明/实用新型/外观设计）,"
    "开放范围（全省/XX 市）,联系人,联系电话\n"
    f"1,ZL{N1},一种图像识别方法,\"武汉大学、张三\",3年,有效,发明,全省,李老师,027-68754321\n"
    f"2,2.01710601862E+11,一种电池,武汉大学,3年,有效,发明,全省,李老师,027-68754321\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "utf-16"])
def test_csv_in_utf8_with_or_without_bom_gbk_and_utf16(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "清单.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    preview = preview_patent_list(path, today=TODAY)
    assert preview.layout == "summary_list"
    first, second = preview.rows
    assert first.patent.number == N1 and first.patent.title == "一种图像识别方法"
    assert first.patent.patentees == ("武汉大学", "张三")
    assert codes(second.findings) == ["import.number_lost_digits"]


def test_tab_separated_text_and_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "清单.txt"
    path.write_text(CSV_TEXT.replace(",", "\t").replace('"', ""), encoding="utf-8")
    assert preview_patent_list(path, today=TODAY).rows[0].patent.number == N1
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x80\x81abc\xff" * 10)  # neither UTF-8 nor GBK
    assert codes(read_table(bad).findings) == ["import.csv_encoding"]


# Mappings as JSON -------------------------------------------------------------------------


def test_a_mapping_saves_and_loads_as_json(tmp_path: Path) -> None:
    mapping = ColumnMapping({"number": "申请号", "title": 1, "contact_phone": "电话"}, 2)
    path = tmp_path / "mapping.json"
    save_mapping(path, mapping)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "licence-desk-column-mapping" and data["columns"]["number"] == "申请号"
    loaded, findings = load_mapping(path)
    assert findings == [] and loaded == mapping
    assert codes(mapping_from_json("{")[1]) == ["import.mapping_unreadable"]
    assert codes(mapping_from_json('{"columns": {"colour": 1}}')[1]) == [
        "import.mapping_field_unknown"]
    assert codes(mapping_from_json('{"columns": {"number": -1}}')[1]) == [
        "import.mapping_unreadable"]
    assert codes(load_mapping(tmp_path / "none.json")[1]) == ["import.mapping_unreadable"]


def test_mappings_are_remembered_by_header_text(tmp_path: Path) -> None:
    memory = MappingMemory(tmp_path / "memory.json")
    headers = ["申请号", "发明名称", None, "权利人"]
    assert memory.recall(headers) is None
    mapping = ColumnMapping({"number": 0, "title": 1, "patentees": 3})
    memory.remember(headers, mapping)
    assert MappingMemory(tmp_path / "memory.json").recall(["申请号 ", "发明名称", "", "权利人"]) \
        == mapping
    assert memory.recall(["申请号", "名称"]) is None
    (tmp_path / "memory.json").write_text("garbage", encoding="utf-8")
    assert memory.recall(headers) is None  # a damaged file is forgotten, not fatal


def test_progress_is_reported_and_can_cancel(tmp_path: Path) -> None:
    rows = [["专利号", "专利名称", "专利权人"]] + [
        [number(i), "名称", "武汉大学"] for i in range(1, 1202)]
    path = write_xlsx(tmp_path / "p.xlsx", rows)
    seen: list[int] = []
    table = read_table(path, progress=lambda n: seen.append(n) or True)
    assert seen == [500, 1000] and len(table.rows) == 1202
    cancelled = read_table(path, progress=lambda n: False)
    assert codes(cancelled.findings) == ["import.cancelled"] and cancelled.rows == ()


def test_every_code_the_import_batches_and_workbook_use_has_both_languages() -> None:
    import re

    root = Path(__file__).resolve().parents[2]
    sources = [
        "app/models/patent_import.py", "app/models/batches.py", "app/models/store.py",
        "app/export/excel/patent_list.py", "app/export/excel/workbook.py",
        "app/export/excel/summary_list.py",
    ]
    found: set[str] = set()
    for source in sources:
        text = (root / source).read_text(encoding="utf-8")
        found |= set(re.findall(r'"((?:import|batch|summary_list|export)\.[a-z_]+)"', text))
    found -= {"batch.id"}  # a foreign key, not a code
    assert {"import.number_lost_digits", "import.zip_bomb", "batch.offer_not_finalised",
            "export.write_failed", "import.duplicate_in_file"} <= found
    for code in sorted(found):
        english, chinese = messages.MESSAGES[code]
        assert english.strip() and any("\u4e00" <= ch <= "\u9fff" for ch in chinese), code


@pytest.mark.parametrize("formula", ["<f>A1</f>", "<x:f>A1</x:f>", "<f t=\"shared\" si=\"0\"/>",
                                     "<x:f\n>A1</x:f>"])
@pytest.mark.parametrize("at", [10, (1 << 20) - 3, (1 << 20) + 100])
def test_the_sheet_scan_finds_formulas_and_merges_wherever_they_are(
    tmp_path: Path, formula: str, at: int
) -> None:
    """The look for formulas and merged cells before the rows are read: namespace prefixes, a
    formula cut by the 1 MB chunks, and a sheet with neither."""
    import types
    import zipfile

    from app.export.excel.patent_list import _scan_sheet_xml

    def scanned(xml: str) -> tuple[bool, list[tuple[int, int, int, int]]]:
        path = tmp_path / "sheet.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("sheet.xml", xml)
        with zipfile.ZipFile(path) as archive:
            return _scan_sheet_xml(types.SimpleNamespace(_archive=archive), "sheet.xml")

    head = '<worksheet xmlns:x="urn:x"><sheetData><row r="1"><c r="A1"><v>pdf f/ :g<'
    padding = "文" * ((at - len(head)) // 3) + " " * ((at - len(head)) % 3)
    tail = "</v></c></row></sheetData>"
    plain = head[:-1] + padding + tail + "</worksheet>"
    assert scanned(plain) == (False, [])
    cell = f'<c r="B1">{formula}<v>1</v></c>'
    with_formula = head[:-1] + padding + "</v></c>" + cell + "</row></sheetData></worksheet>"
    assert scanned(with_formula)[0] is True
    merged = plain.replace("</worksheet>", '<mergeCells count="1"><x:mergeCell ref="B2:C4"/>'
                           "</mergeCells></worksheet>")
    assert scanned(merged) == (False, [(2, 2, 4, 3)])
