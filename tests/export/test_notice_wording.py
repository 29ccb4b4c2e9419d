"""Each notice's own wording and marks on the printed forms (issue 17 point 15)."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from decimal import Decimal

import openpyxl

from app.export.excel.deal_tables import (
    XINYANG_DEAL_LIST_SHEET,
    XINYANG_STATISTICS_SHEET,
    xinyang_tables_bytes,
)
from app.export.excel.summary_list import summary_list_bytes
from app.export.pdf.declaration import render_declaration
from app.export.pdf.information_sheet import render_information_sheet
from app.export.pdf.summary_book import render_summary_book
from app.export.pdf.summary_list import render_summary_list
from app.models.deals import deal_row, list_remark
from tests.export.test_deal_tables import data
from tests.export.test_information_sheet import DAY, OFFER, PATENT, pages
from tests.export.test_summary_list_pdf import long_list, short_list
from tests.models.test_deals import BOOK, P1, REGISTER, deal


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_section_nine_has_the_notice_s_colon() -> None:
    text = squash("".join(pages(render_information_sheet(PATENT, OFFER, creation_date=DAY))))
    assert "⑨专利权人签章：" in text


def test_xinyang_titles_follow_each_notice_s_brackets() -> None:
    for county, first, second in ((None, "_____县(区)", "_____县（区）"),
                                  ("浉河", "浉河县(区)", "浉河县（区）")):
        book = openpyxl.load_workbook(io.BytesIO(xinyang_tables_bytes(
            data(replace(BOOK, filled_on=None)), county=county)))
        assert str(book[XINYANG_STATISTICS_SHEET]["A2"].value).startswith(
            first + "专利开放许可试点情况统计表(截至")
        assert str(book[XINYANG_DEAL_LIST_SHEET]["A2"].value).startswith(
            second + "专利开放许可达成项目清单（截至")


def test_a_deal_paid_by_other_means_names_the_method() -> None:
    paid = deal(1, P1, method="other", amount_yuan=Decimal(20000), text="技术入股折价")
    row = deal_row(paid, REGISTER)
    assert row.remarks == "其他方式：技术入股折价"
    bare = deal(2, P1, method="other", amount_yuan=Decimal(20000))
    assert deal_row(bare, REGISTER).remarks == "其他方式"
    assert list_remark(bare.fields.payment, "某代理所", "") == "其他方式；某代理所"


def test_hubei_and_henan_forms_carry_the_annex_mark_on_their_first_page() -> None:
    cases = {
        "附件 4": render_information_sheet(PATENT, OFFER, creation_date=DAY),
        "附件 5": render_declaration(replace(PATENT, patentees=("甲大学", "乙公司", "丙研究院")),
                                   OFFER, creation_date=DAY),
        "附件 3": render_summary_list(long_list(30)),
    }
    for mark, raw in cases.items():
        texts = pages(raw)
        assert len(texts) >= 2
        assert mark in texts[0]
        assert all(mark not in t for t in texts[1:])
    book = pages(render_summary_book(data()))
    assert "附件 4" in book[0] and all("附件 4" not in t for t in book[1:])


def test_the_summary_list_workbook_prints_its_annex_mark_on_the_first_page() -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(summary_list_bytes(short_list()))).active
    assert sheet.HeaderFooter.differentFirst
    assert sheet.firstHeader.left.text == "附件 3"
    assert sheet.firstFooter.center.text == sheet.oddFooter.center.text
