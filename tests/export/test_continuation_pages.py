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


def test_ops_centre_report() -> None:
    """Every page after the cover of the operations-centre table names it, the unit and the
    report year; the cover carries the notice's "附件 3" instead."""
    from app.export.pdf.ops_centre import render_ops_centre
    from app.models.ops_centre import REPORT_TITLE
    from tests.ops.test_ops_centre_pdf import data as ops_data

    built = ops_data()
    texts = pages(render_ops_centre(built))
    assert_continued(texts, REPORT_TITLE, f"{built.unit.name}{built.fields.report_year}年")
    assert squash(texts[0]).startswith("附件3" + squash(REPORT_TITLE[:4]))


def test_contract() -> None:
    from app.export.pdf.contract import render_contract
    from tests.export.test_contract import CONTRACT, LICENSOR, patent

    texts = pages(render_contract(CONTRACT, LICENSOR, (patent(),), creation_date=DAY))
    assert_continued(texts, "专利开放许可合同", f"{CONTRACT.licensee.name}{NUMBER}")


def test_henan_application_and_work_plan() -> None:
    from app.export.pdf.henan_application import render_application, render_work_plan
    from app.models.henan_application import APPLICATION_TITLE, ApplicationFields
    from tests.usecases.test_henan_application import FILLED, ORG

    long = dict(FILLED, unit_profile="学校概况与知识产权工作基础。" * 120,
                measures="提升供给质量，拓宽转化渠道。" * 160)
    fields = ApplicationFields(**long)  # type: ignore[arg-type]
    texts = pages(render_application(fields, ORG, creation_date=DAY))
    assert_continued(texts, APPLICATION_TITLE, ORG.name)
    texts = pages(render_work_plan(fields, ORG.name, creation_date=DAY))
    assert_continued(texts, fields.plan_title, ORG.name)


def test_a_head_wider_than_the_text_block_is_cut() -> None:
    from app.export.pdf.fonts import register_fonts
    from app.export.pdf.kit import fit_width, frame_width

    font = register_fonts()
    head = "河南省高校知识产权运营管理中心建设工作总结表（续）　" + "某某" * 40
    cut = fit_width(head, font, 9, frame_width())
    assert cut.endswith("…") and head.startswith(cut[:-1]) and len(cut) < len(head)
    assert fit_width("短", font, 9, frame_width()) == "短"
