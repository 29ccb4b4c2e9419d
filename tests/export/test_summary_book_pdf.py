"""The summary book PDF: wording and order, the computed tables, page footers, long text that
flows over pages without clipping, seal areas, embedded fonts, deterministic bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Table

from app.export.pdf import SealBlock, page_box
from app.export.pdf.kit import continuation_head
from app.export.pdf.summary_book import (
    BOOK_TITLE,
    UnprintableText,
    render_summary_book,
    review_story,
    summary_book_story,
    write_summary_book,
)
from app.models.deals import DealRecord
from app.models.summary_book import (
    COVER_ISSUER,
    DEAL_LIST_HEADINGS,
    DEAL_LIST_NOTES,
    PLEDGE,
    SECTION_DEAL_LIST,
    SECTION_REVIEW,
    SECTION_SELF_EVALUATION,
    SECTION_STATISTICS,
    SECTION_UNIT,
    SELF_EVALUATION_GUIDANCE,
    STATISTICS_HEADINGS,
    TEMPLATE_EDITION,
    DeclaredOffer,
    LeadContact,
    SummaryBookData,
    SummaryBookFields,
    UnitInfo,
    build_summary_book,
)
from tests.models.test_deals import BOOK, DEALS, P1, P2, P3, REGISTER, TODAY, UNIT

OFFERS = [
    DeclaredOffer(P1, ("河南大学", "张三"), "finalised", dt.date(2023, 5, 1)),
    DeclaredOffer(P2, ("河南大学",), "submitted", dt.date(2023, 6, 1)),
]


def data(fields: SummaryBookFields = BOOK, deals: list[DealRecord] = DEALS,
         unit: UnitInfo = UNIT) -> SummaryBookData:
    built = build_summary_book(fields, unit, deals, OFFERS, REGISTER, today=TODAY)
    assert built is not None
    return built


LEAD = LeadContact("李明", "13912345678", "科学技术处", "副处长", "0371-22861234", "0371-22861235")


def squash(text: str) -> str:
    """Text without any whitespace: extraction breaks lines where the layout wrapped them."""
    return re.sub(r"\s+", "", text)


def pages_text(raw: bytes) -> list[str]:
    """Each page's text without the running head of continuation pages ("总结书（续）…")."""
    return [RUNNING_HEAD.sub("", page.extract_text() or "")
            for page in PdfReader(io.BytesIO(raw)).pages]


RUNNING_HEAD = re.compile(r"[^\n]*总结书（续）[^\n]*\n?")


@pytest.fixture(scope="module")
def book_pdf() -> tuple[SummaryBookData, bytes]:
    built = data(replace(BOOK, lead=LEAD))
    return built, render_summary_book(built)


def test_cover_has_the_official_lines(book_pdf: tuple[SummaryBookData, bytes]) -> None:
    cover = squash(pages_text(book_pdf[1])[0])
    assert cover.startswith("附件4河南省专利开放许可试点工作总结书")
    assert "填报单位：河南大学（盖章）" in cover
    assert "填报时间：2023年12月5日" in cover
    assert cover.index(COVER_ISSUER) < cover.index(TEMPLATE_EDITION)


def test_sections_come_in_order_with_the_official_wording(
    book_pdf: tuple[SummaryBookData, bytes],
) -> None:
    text = squash("".join(pages_text(book_pdf[1])))
    marks = [SECTION_UNIT, SECTION_SELF_EVALUATION, squash(SELF_EVALUATION_GUIDANCE),
             squash(SECTION_STATISTICS + "（截至 2023 年 11 月底）"),
             squash(SECTION_DEAL_LIST + "（截至 2023 年 11 月底）"), SECTION_REVIEW,
             PLEDGE]
    positions = [text.index(m) for m in marks]
    assert positions == sorted(positions)
    for words in ("单位名称", "主要负责人或法人代表", "传真号码", "通讯地址", "邮编", "E-mail",
                  "工作负责人", "姓名", "手机", "所在部门", "职务", "申报单位基本情况",
                  "李明", "13912345678", "科学技术处", "0371-22861235"):
        assert words in text, words


def test_statistics_and_deal_list_print_the_computed_figures(
    book_pdf: tuple[SummaryBookData, bytes],
) -> None:
    pages = pages_text(book_pdf[1])
    [stats] = [squash(p) for p in pages if SECTION_STATISTICS in squash(p)]
    for _, heading in STATISTICS_HEADINGS:
        assert squash(heading) in stats, heading
    assert "达成许可情况" in stats
    assert "18.5957" in stats and "https://www.hnipsp.cn" in stats
    [deals] = [squash(p) for p in pages if SECTION_DEAL_LIST in squash(p)]
    for heading in DEAL_LIST_HEADINGS:
        assert squash(heading) in deals, heading
    for number in (P1, P2, P3):
        assert f"ZL{number}" in deals
    assert "入门费+提成" in deals and "12.3457" in deals
    # The footnote verbatim, under the table.
    for note in DEAL_LIST_NOTES:
        assert squash(note) in deals
    assert deals.index("12.3457") < deals.index(squash(DEAL_LIST_NOTES[0]))


def test_review_boxes_are_blank_with_their_labels(
    book_pdf: tuple[SummaryBookData, bytes],
) -> None:
    last = squash(pages_text(book_pdf[1])[-1])
    assert last.startswith(SECTION_REVIEW)
    expected = ["专利开放许可试点工作成效总结单位意见", PLEDGE, "法定代表人或单位负责人：",
                "（签字或盖章）", "单位（盖章）：", "2023年12月5日", "专家组意见", "组长：",
                "年月日", "部门意见", "经办人：", "处室：", "年月日", "审核意见",
                "河南省知识产权局（盖章）：", "年月日"]
    at = 0
    for piece in expected:
        found = last.find(piece, at)
        assert found >= 0, piece
        at = found + len(piece)


def _seal_blocks(flowables: Any) -> list[SealBlock]:
    found: list[SealBlock] = []
    items = flowables if isinstance(flowables, (list, tuple)) else [flowables]
    for item in items:
        if isinstance(item, SealBlock):
            found.append(item)
        elif isinstance(item, Table):
            for row in item._cellvalues:
                for cell in row:
                    found += _seal_blocks(cell)
        elif hasattr(item, "_content"):  # KeepTogether
            found += _seal_blocks(item._content)
    return found


def test_seal_areas_for_the_unit_the_representative_and_the_province() -> None:
    blocks = _seal_blocks(review_story(data()))
    labels = [b.label_text for b in blocks]
    assert labels == ["法定代表人或单位负责人：\n（签字或盖章）", "单位（盖章）：",
                      "河南省知识产权局（盖章）："]
    assert all(b.seal_width >= 45 * mm for b in blocks)
    cover = summary_book_story(data())[:6]
    [lines] = [f for f in cover if isinstance(f, Table)]
    assert lines._rowHeights[0] >= 45 * mm  # room for the unit's round seal on the cover


def test_every_page_has_its_footer_and_the_fonts_are_embedded(
    book_pdf: tuple[SummaryBookData, bytes],
) -> None:
    reader = PdfReader(io.BytesIO(book_pdf[1]))
    total = len(reader.pages)
    assert total == 6
    for number, page in enumerate(reader.pages, start=1):
        assert f"第 {number} 页 共 {total} 页" in (page.extract_text() or "")
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            assert "NotoSerifSC" in font["/BaseFont"], font["/BaseFont"]
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # an embedded TrueType subset


def test_same_data_gives_the_same_bytes(tmp_path: Path,
                                        book_pdf: tuple[SummaryBookData, bytes]) -> None:
    built, raw = book_pdf
    assert render_summary_book(built) == raw
    target = write_summary_book(built, tmp_path / "总结书.pdf")
    assert target.read_bytes() == raw
    assert [p.name for p in tmp_path.iterdir()] == ["总结书.pdf"]
    assert PdfReader(io.BytesIO(raw)).metadata.title == "河南省专利开放许可试点工作总结书"


def test_a_character_the_font_lacks_is_refused_before_layout() -> None:
    with pytest.raises(UnprintableText) as caught:
        render_summary_book(data(replace(BOOK, self_evaluation="私用区\ue000字符")))
    assert caught.value.missing[0].field == "self_evaluation"


def test_empty_book_prints_blanks_to_fill_by_hand() -> None:
    raw = render_summary_book(data(replace(BOOK, filled_on=None, platform_name="",
                                           platform_url="", smes_reached=None), deals=[]))
    text = squash("".join(pages_text(raw)))
    assert "填报时间：年月日" in text
    assert squash(DEAL_LIST_NOTES[1]) in text


# 30 pages of self-evaluation ------------------------------------------------------------------

PARAGRAPH = (
    "我校围绕专利开放许可试点，建立了“筛选—评估—定价—发布—对接—跟踪”全流程工作机制，"
    "共征集专利 {n} 件，经 3 轮筛选发布 86 件（网址 https://www.hnipsp.cn/zl/{n}），"
    "组织校企对接活动，达成许可 6 项，合同金额 18.5957 万元；ZL201710601862.3 等专利"
    "以“入门费+提成”方式许可。Open licence follow-up is reported quarterly."
)


def _long_text(paragraphs: int) -> str:
    return "\n".join(PARAGRAPH.format(n=i) for i in range(1, paragraphs + 1))


def _words_with_boxes(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    words = []
    for page_no, page in enumerate(out.split("<page ")[1:], start=1):
        for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                             r'yMax="([\d.]+)">([^<]*)</word>', page):
            words.append((page_no, *map(float, m.groups()[:4]), m.group(5)))
    return words


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext not found")
def test_thirty_pages_of_self_evaluation_flow_inside_the_margins(tmp_path: Path) -> None:
    text = _long_text(210)
    built = data(replace(BOOK, self_evaluation=text, lead=LEAD))
    raw = render_summary_book(built)
    pages = pages_text(raw)
    first = next(i for i, p in enumerate(pages) if SECTION_SELF_EVALUATION in squash(p))
    last = next(i for i, p in enumerate(pages) if SECTION_STATISTICS in squash(p)) - 1
    assert last - first + 1 >= 30
    # The text extracted from 二's pages is the input, nothing lost or doubled.
    total = len(pages)
    extracted = ""
    for number in range(first, last + 1):
        page = squash(pages[number])
        footer = f"第{number + 1}页共{total}页"
        assert page.endswith(footer)
        extracted += page[: -len(footer)]
    prefix = squash(SECTION_SELF_EVALUATION + SELF_EVALUATION_GUIDANCE)
    assert extracted.startswith(prefix)
    assert extracted[len(prefix):] == squash(text)
    # Every word inside the text block (the footer sits in the bottom margin, by design).
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(raw)
    box = page_box()
    height = box.height
    head = continuation_head(BOOK_TITLE, f"{built.unit.name}　{built.as_of}")
    for page_no, x0, y0, x1, y1, word in _words_with_boxes(pdf):
        if page_no == 1 or word in ("第", "页", "共") or word.isdigit() and y0 > height - 20 * mm:
            continue  # the cover is laid out by itself; footer words
        if y1 < box.top and y0 >= 8 * mm and word in head:
            continue  # the running head of a continuation page, inside the paper's edge
        assert x0 >= box.left - 0.5 and x1 <= box.width - box.right + 0.5, (page_no, word)
        assert y0 >= box.top - 0.5 and y1 <= height - box.bottom + 0.5, (page_no, word)


def test_a_long_unit_profile_splits_over_pages_and_keeps_every_character() -> None:
    # Paragraphs, and one paragraph longer than a page (pasted without line breaks).
    text = _long_text(30) + "\n" + "一段没有换行的很长的单位情况介绍，" * 500
    raw = render_summary_book(data(replace(BOOK, unit_profile=text, lead=LEAD)))
    pages = pages_text(raw)
    first = next(i for i, p in enumerate(pages) if SECTION_UNIT in squash(p))
    last = next(i for i, p in enumerate(pages) if SECTION_SELF_EVALUATION in squash(p)) - 1
    assert last - first >= 3
    body = "".join(re.sub(r"第\d+页共\d+页$", "", squash(p)) for p in pages[first:last + 1])
    assert body.endswith(squash(text))


def test_a_long_deal_list_repeats_its_headings_and_ends_with_the_footnote() -> None:
    from tests.models.test_deals import deal

    many = [deal(i, P1, P2, P3, method="lump_sum", amount_yuan=Decimal(i * 1000),
                 licensee=f"第{i}家被许可企业有限公司") for i in range(1, 61)]
    raw = render_summary_book(data(deals=many))
    pages = [squash(p) for p in pages_text(raw)]
    first = next(i for i, p in enumerate(pages) if squash(SECTION_DEAL_LIST) in p)
    last = next(i for i, p in enumerate(pages) if p.startswith(SECTION_REVIEW)) - 1
    assert last > first
    for page in pages[first:last + 1]:
        assert squash(DEAL_LIST_HEADINGS[3]) in page  # headings on every page of the list
    listed = "".join(pages[first:last + 1])
    assert all(f"第{i}家被许可企业有限公司" in listed for i in range(1, 61))
    assert pages[last].rstrip("0123456789页共第").endswith(squash(DEAL_LIST_NOTES[1]))
