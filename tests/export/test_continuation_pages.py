"""Every continuation page of a multi-page form names its form and subject (issue 17 point 12).

A declaration with three patentees ran onto a page holding one seal line and the date, with
nothing tying it to its patent; a page of a long sheet, list or book that strays from its stack
was as anonymous. Pages after the first carry "<title>（续）　<patent number or unit>".
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportlab.platypus import PageBreak

from app.export.pdf import render_pdf
from app.export.pdf.declaration import declaration_story, render_declaration
from app.export.pdf.information_sheet import render_information_sheet, sheet_story
from app.export.pdf.kit import RestartPageNumbers
from app.export.pdf.summary_book import BOOK_TITLE, render_summary_book
from app.export.pdf.summary_list import render_summary_list
from tests.export.test_information_sheet import DAY, OFFER, PATENT, pages
from tests.export.test_summary_book_pdf import _long_text, data
from tests.export.test_summary_list_pdf import long_list

SHEET = "专利开放许可（试点）信息表"
DECLARATION = "同意开放许可（试点）的声明"
NUMBER = "ZL201710601862.3"
THREE = ("武汉大学", "华中科技大学", "湖北省某某新材料研究院有限责任公司")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_continued(texts: list[str], title: str, subject: str) -> None:
    assert len(texts) >= 2, "the case must run onto a second page"
    assert squash(f"{title}（续）") not in squash(texts[0])
    for text in texts[1:]:
        assert squash(f"{title}（续）{subject}") in squash(text), text[:200]


def test_declaration_with_three_patentees() -> None:
    raw = render_declaration(replace(PATENT, patentees=THREE), OFFER, creation_date=DAY)
    assert_continued(pages(raw), DECLARATION, NUMBER)


def test_long_information_sheet() -> None:
    offer = replace(OFFER, other_terms="双方另行约定的技术服务内容。" * 160)
    raw = render_information_sheet(PATENT, offer, creation_date=DAY)
    assert_continued(pages(raw), SHEET, NUMBER)


def test_each_document_of_a_combined_file_has_its_own_head() -> None:
    second = replace(PATENT, number="201810123456.5", patentees=THREE)
    story = [*sheet_story(PATENT, OFFER)]
    for build, patent in ((declaration_story, second),):
        story += [PageBreak(), RestartPageNumbers(), *build(patent, OFFER)]
    texts = pages(render_pdf(story, title="合订", creation_date=DAY))
    start = next(i for i, t in enumerate(texts) if squash(t).startswith("附件5" + DECLARATION))
    assert start >= 1
    assert_continued(texts[:start], SHEET, NUMBER)
    assert_continued(texts[start:], DECLARATION, "ZL201810123456.5")


def test_long_summary_list() -> None:
    summary = long_list(60)
    texts = pages(render_summary_list(summary))
    assert_continued(texts, summary.title, summary.unit_name)


def test_summary_book() -> None:
    built = data()
    built = replace(built, fields=replace(built.fields, self_evaluation=_long_text(6)))
    texts = pages(render_summary_book(built))
    assert_continued(texts, BOOK_TITLE, f"{built.unit.name}{built.as_of}")
