"""The summary book's tables and the Xinyang tables as Excel, read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from app.export.excel.deal_tables import (
    BOOK_DEAL_LIST_SHEET,
    BOOK_STATISTICS_SHEET,
    XINYANG_DEAL_LIST_SHEET,
    XINYANG_STATISTICS_SHEET,
    book_tables_bytes,
    write_book_tables,
    write_xinyang_tables,
    xinyang_tables_bytes,
)
from app.models.deals import DealFields, DealRecord, Payment
from app.models.summary_book import (
    DEAL_LIST_HEADINGS,
    DEAL_LIST_NOTES,
    STATISTICS_HEADINGS,
    XINYANG_DEAL_LIST_HEADINGS,
    XINYANG_DEAL_LIST_NOTE,
    XINYANG_STATISTICS_HEADINGS,
    DeclaredOffer,
    SummaryBookData,
    SummaryBookFields,
    UnitInfo,
    build_summary_book,
)
from tests.models.test_deals import BOOK, DEALS, P1, P2, P3, REGISTER, TODAY, UNIT

OFFERS = [
    DeclaredOffer(P1, ("河南大学", "张三"), "finalised", dt.date(2023, 5, 1)),
    DeclaredOffer(P2, ("河南大学",), "submitted", dt.date(2023, 6, 1)),
    DeclaredOffer(P3, ("河南大学", "郑州某某科技有限公司"), "generated", dt.date(2022, 7, 1)),
]


def data(fields: SummaryBookFields = BOOK, deals: list[DealRecord] = DEALS,
         unit: UnitInfo = UNIT) -> SummaryBookData:
    built = build_summary_book(fields, unit, deals, OFFERS, REGISTER, today=TODAY)
    assert built is not None
    return built


def load(raw: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(raw))


def merged(sheet: Worksheet) -> set[str]:
    return {str(r) for r in sheet.merged_cells.ranges}


def assert_printable(sheet: Worksheet, *, landscape: bool, title_rows: str) -> None:
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)  # 9: A4
    assert sheet.page_setup.orientation == ("landscape" if landscape else "portrait")
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == title_rows
    assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页"


def assert_no_formulas(raw: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_book_statistics_sheet_has_the_official_headings_merged_and_the_figures() -> None:
    raw = book_tables_bytes(data())
    sheet = load(raw)[BOOK_STATISTICS_SHEET]
    assert sheet["A1"].value == "三、专利开放许可试点工作成效统计表（截至 2023 年 11 月底）"
    assert [sheet.cell(2, c).value for c in range(1, 6)] == [h for _, h in STATISTICS_HEADINGS[:5]]
    assert sheet["F2"].value == "达成许可情况"
    assert [sheet.cell(3, c).value for c in range(6, 10)] == [h for _, h in STATISTICS_HEADINGS[5:]]
    assert sheet["I3"].value == "达成收费许可的总金额（按固定或可折算金额方式进行支付，单位：万元）"
    assert {"A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:I2"} <= merged(sheet)
    values = [sheet.cell(4, c).value for c in range(1, 10)]
    # Three offers declared by 2023-11-30 (one in 2022): three declarations, three patents.
    assert values == [3, 3, "河南省知识产权公共服务平台", "https://www.hnipsp.cn", 12, 6, 2, 4,
                      pytest.approx(18.5957)]
    assert sheet["C4"].data_type == "s" and sheet["F4"].data_type == "n"
    assert sheet["A2"].border.left.style == "thin" and sheet["I4"].border.bottom.style == "thin"
    assert sheet["A2"].alignment.wrap_text
    assert_printable(sheet, landscape=False, title_rows="$2:$3")
    assert_no_formulas(raw)


def test_the_amount_is_stored_exactly() -> None:
    raw = book_tables_bytes(data())
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<v>18.5957</v>" in xml


def test_book_deal_list_sheet_has_the_rows_and_the_footnotes_verbatim() -> None:
    raw = book_tables_bytes(data())
    sheet = load(raw)[BOOK_DEAL_LIST_SHEET]
    assert sheet["A1"].value == "四、专利开放许可达成项目清单（截至 2023 年 11 月底）"
    assert tuple(sheet.cell(2, c).value for c in range(1, 7)) == DEAL_LIST_HEADINGS
    assert sheet["D2"].value == "达成许可涉及专利的专利号*"
    assert sheet["E2"].value == "达成许可的使用费金额*（万元）"
    rows = [[sheet.cell(r, c).value for c in range(1, 7)] for r in range(3, 9)]
    assert [r[0] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[0][1] == "河南大学、张三、郑州某某科技有限公司"
    assert rows[0][3] == f"ZL{P1}\nZL{P2}\nZL{P3}"
    assert [r[4] for r in rows] == [1.25, 5, 0, 0, 0, pytest.approx(12.3457)]
    assert rows[1][5] == "入门费+提成" and rows[2][5] == "提成"
    assert sheet["D3"].data_type == "s"
    assert sheet["A9"].value == DEAL_LIST_NOTES[0] and sheet["A10"].value == DEAL_LIST_NOTES[1]
    assert {"A9:F9", "A10:F10"} <= merged(sheet)
    assert sheet.row_dimensions[3].height >= 3 * 14.25  # three numbers, three lines
    assert_printable(sheet, landscape=False, title_rows="$2:$2")
    assert_no_formulas(raw)


def test_xinyang_statistics_has_its_title_unit_date_and_two_level_headings() -> None:
    raw = xinyang_tables_bytes(data(), county="罗山县", deal_list=False)
    book = load(raw)
    assert book.sheetnames == [XINYANG_STATISTICS_SHEET]
    sheet = book[XINYANG_STATISTICS_SHEET]
    assert sheet["A1"].value == "附件 1"
    assert sheet["A2"].value == "罗山县专利开放许可试点情况统计表(截至 2023 年 11 月底)"
    assert sheet["A3"].value == "填报单位(盖章):河南大学"
    assert sheet["A4"].value == "填报时间:2023 年 12 月 5 日"
    assert sheet["B5"].value == "参与试点、提出开放许可的专利权人数量"
    assert sheet["H5"].value == "达成许可情况"
    expected_top = {1: "序号", 4: "已进行开放许可专利数量", 5: "开放许可试点信息发布平台名称",
                    6: "开放许可试点信息发布平台网址", 7: "匹配推送后惠及的中小微企业数量"}
    for column, text in expected_top.items():
        assert sheet.cell(5, column).value == text
    assert [sheet.cell(6, c).value for c in (2, 3, 8, 9, 10, 11)] == [
        "高校、科研院所数量", "企业数量", "达成许可总数", "其中,达成免费许可总数",
        "其中,达成收费许可总数", "达成收费许可的总金额(按固定或可折算金额方式进行支付,单位:万元)"]
    assert {"A5:A6", "B5:C5", "D5:D6", "E5:E6", "F5:F6", "G5:G6", "H5:K5"} <= merged(sheet)
    # 河南大学 (academic) and 郑州某某科技有限公司 (enterprise); 张三 is neither.
    assert [sheet.cell(7, c).value for c in range(1, 12)] == [
        1, 1, 1, 3, "河南省知识产权公共服务平台", "https://www.hnipsp.cn", 12, 6, 2, 4,
        pytest.approx(18.5957)]
    assert_printable(sheet, landscape=True, title_rows="$5:$6")
    assert_no_formulas(raw)
    assert len(XINYANG_STATISTICS_HEADINGS) == 11


def test_xinyang_deal_list_has_its_title_headings_and_note() -> None:
    raw = xinyang_tables_bytes(data(replace(BOOK, filled_on=None)), statistics=False)
    sheet = load(raw)[XINYANG_DEAL_LIST_SHEET]
    assert sheet["A1"].value == "附件 2"
    assert sheet["A2"].value == "_____县（区）专利开放许可达成项目清单（截至 2023 年 11 月底）"
    assert sheet["A3"].value == "填报单位（盖章）：河南大学"
    assert sheet["A4"].value == "填报时间：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"
    assert tuple(sheet.cell(5, c).value for c in range(1, 7)) == XINYANG_DEAL_LIST_HEADINGS
    assert sheet["F5"].value == "备注"
    assert sheet["A12"].value == XINYANG_DEAL_LIST_NOTE
    assert_printable(sheet, landscape=False, title_rows="$5:$5")


def test_text_that_looks_like_a_formula_stays_text() -> None:
    tricky = DealRecord(1, 1, DealFields(
        patents=(P1,), licensee="=HYPERLINK(\"http://x\")", licence_date=dt.date(2023, 1, 1),
        payment=Payment("free"), agency="+86 代理", remarks="@备注"))
    built = data(replace(BOOK, platform_name="-平台", platform_url="=1+1"), deals=[tricky],
                 unit=replace(UNIT, name="=单位"))
    raw = book_tables_bytes(built) + b""
    book = load(raw)
    assert book[BOOK_DEAL_LIST_SHEET]["C3"].value == "=HYPERLINK(\"http://x\")"
    assert book[BOOK_DEAL_LIST_SHEET]["C3"].data_type == "s"
    assert book[BOOK_DEAL_LIST_SHEET]["F3"].value == "+86 代理；@备注"
    assert book[BOOK_STATISTICS_SHEET]["D4"].value == "=1+1"
    assert_no_formulas(raw)
    xy = xinyang_tables_bytes(built)
    assert load(xy)[XINYANG_STATISTICS_SHEET]["A3"].value == "填报单位(盖章):=单位"
    assert_no_formulas(xy)


def test_an_empty_list_prints_one_blank_row_and_the_notes() -> None:
    sheet = load(book_tables_bytes(data(deals=[])))[BOOK_DEAL_LIST_SHEET]
    assert sheet["A3"].value is None and sheet["A3"].border.left.style == "thin"
    assert sheet["A4"].value == DEAL_LIST_NOTES[0]


def test_same_data_same_bytes_and_atomic_write(tmp_path: Path) -> None:
    assert book_tables_bytes(data()) == book_tables_bytes(data())
    target = tmp_path / "总结书表格.xlsx"
    written = write_book_tables(data(), target)
    assert written.path == target and target.read_bytes() == book_tables_bytes(data())
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    both = write_xinyang_tables(data(), tmp_path / "xy.xlsx", county="浉河区")
    assert load(both.path.read_bytes()).sheetnames == [XINYANG_STATISTICS_SHEET,
                                                        XINYANG_DEAL_LIST_SHEET]


def test_an_override_is_what_the_table_prints() -> None:
    built = data(replace(BOOK, overrides={"deals_total": 6, "paid_amount_wan": Decimal("20")}))
    sheet = load(book_tables_bytes(built))[BOOK_STATISTICS_SHEET]
    assert sheet["I4"].value == 20
