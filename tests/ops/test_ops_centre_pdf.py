"""The ops-centre PDF: every label, heading and guidance sentence of 附件 3 in the extracted
text, the computed tables, page footers, the seal area, deterministic bytes."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from app.export.pdf import SealBlock
from app.export.pdf.ops_centre import opinion_story, render_ops_centre
from app.models import ops_centre as oc
from app.models.ops_centre import OpsCentreFields, build_ops_centre
from tests.ops.sample import TODAY, UNIT, sample_deals, sample_fields, sample_register


def data(fields: OpsCentreFields | None = None):  # type: ignore[no-untyped-def]
    fields = fields or sample_fields()
    year = fields.report_year
    return build_ops_centre(fields, UNIT, sample_deals(year), sample_register(year),
                            today=TODAY if year == 2023 else TODAY.replace(year=year))


def text_of(pdf: bytes) -> str:
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                             check=True)
        raw = out.stdout.decode("utf-8")
    else:
        raw = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", "", raw)


def every_official_string() -> list[str]:
    """Every label, heading and guidance sentence of 附件 3 held by the data module."""
    strings = [*oc.COVER_TITLE_LINES, *(t for _, t in oc.COVER_LABELS), oc.COVER_ISSUER,
               oc.TEMPLATE_EDITION, oc.SECTION_BASIC, oc.BASIC_GROUP,
               *(t for _, t in oc.BASIC_LABELS), oc.SECTION_PROGRESS, oc.LEADING_GROUP_LABEL,
               oc.SYSTEMS_HEADING, oc.STANDARD_LABEL, *(t for _, t in oc.STANDARD_OPTIONS),
               oc.DOCUMENTS_LABEL, *oc.DOCUMENT_HEADINGS, oc.SECTION_SUPPORT,
               oc.FUNDING_HEADING, oc.FUNDING_GROUP, oc.FUNDING_YEAR, oc.FUNDING_UNIT,
               *(t for _, t in oc.FUNDING_COLUMNS), oc.SUBTOTAL, oc.STAFF_HEADING,
               *(t for _, t in oc.STAFF_LABELS), oc.SECTION_OUTPUT, oc.CULTIVATION_GROUP,
               oc.PATENT_OUTPUT_HEADING, *(t for _, t in oc.PATENT_OUTPUT_COLUMNS),
               oc.NAVIGATION_HEADING, *(t for _, t in oc.NAVIGATION_COLUMNS),
               oc.OPERATION_GROUP, oc.YEAR_COLUMN, oc.SME_GROUP, oc.SME_ITEM,
               oc.SME_MATCHMAKING, oc.SME_OTHER_GROUP, *(t for _, t in oc.SME_FIGURES),
               *(t for _, t in oc.SME_OTHER_FIGURES), oc.PARTNERS_LABEL,
               oc.SECTION_FEATURES, oc.SECTION_PROBLEMS, oc.SECTION_OPINION, oc.OPINION_LABEL,
               oc.PLEDGE, oc.SEAL_LABEL]
    for table in oc.OPERATION_TABLES:
        strings += [table.heading, *(h for _, h, _ in table.columns)]
    for section in oc.ALL_TEXTS:
        strings += [section.heading, section.guidance]
    strings.append(oc.SME_ACTIVITY_NAME.format(n=1))
    return [s for s in strings if s]


# Spot checks that the data module holds the notice's words (seed 000, 附件 3), so the test
# above cannot pass on a misspelt constant.
NOTICE_SENTENCES = (
    "河南省高校知识产权运营管理中心", "建设工作总结表", "二〇二三年制",
    "知识产权运营管理中心牵头部门负责人：", "□未实施", "□已实施未认证", "□已通过第三方认证",
    "（含知识产权分级分类具体划分标准和各类知识产权项目库数量）",
    "(含知识产权转化收益分配规定、职务发明成果所有权和长期使用权改革推进落实",
    "包括高校在知识产权创造、保护、运用、管理等方面有典型意义的、取得显著成效的好",
    "我单位保证上述填报内容及所提供的附件材料真实、完整、无误，", "申报单位公章：",
    "截至目前与高校建立战略合作关系的企业数量：", "培养或引进技术经理人数量：",
)


def test_the_data_module_holds_the_notice_wording() -> None:
    seed = next(Path("/work/shared/seeds").glob("000_*.txt"), None) if Path(
        "/work/shared/seeds").exists() else None
    if seed is None:
        pytest.skip("the notice is not on this machine")
    notice = re.sub(r"\s+", "", seed.read_text(encoding="utf-8"))
    annex = notice[notice.index("附件3河南省高校"):notice.index("附件4河南省专利")]
    for text in every_official_string():
        squeezed = re.sub(r"\s+", "", text).replace("2021年", "").replace("1:", ":")
        if "{" in squeezed or not squeezed:
            continue
        assert squeezed in annex or squeezed.replace("活动(工作)名称", "") == ":", text
    for sentence in NOTICE_SENTENCES:
        assert re.sub(r"\s+", "", sentence) in annex


def test_every_label_heading_and_guidance_is_printed() -> None:
    text = text_of(render_ops_centre(data()))
    for official in every_official_string():
        assert re.sub(r"\s+", "", official) in text, official
    for year in ("2021年", "2022年", "2023年"):
        assert year in text


def test_the_empty_form_prints_every_label_too() -> None:
    text = text_of(render_ops_centre(data(OpsCentreFields(2023))))
    for official in [*every_official_string(), oc.SME_ACTIVITY_NAME.format(n=2)]:
        assert re.sub(r"\s+", "", official) in text, official


def test_a_2024_report_prints_2022_to_2024() -> None:
    text = text_of(render_ops_centre(data(sample_fields(2024))))
    assert "2022年" in text and "2024年" in text and "2021年" not in text


def test_pages_are_numbered_and_bytes_are_deterministic() -> None:
    pdf = render_ops_centre(data())
    assert pdf == render_ops_centre(data())
    pages = PdfReader(io.BytesIO(pdf)).pages
    text = text_of(pdf)
    for n in range(1, len(pages) + 1):
        assert f"第{n}页共{len(pages)}页" in text


def test_long_text_flows_over_pages_without_loss() -> None:
    fields = dataclasses.replace(sample_fields(), texts={"measures": "甲乙丙丁。" * 3000})
    pdf = render_ops_centre(data(fields))
    assert text_of(pdf).count("甲乙丙丁。") == 3000


def test_seal_area_is_at_least_45_mm() -> None:
    def seals(flowables):  # type: ignore[no-untyped-def]
        for f in flowables:
            if isinstance(f, SealBlock):
                yield f
            for attr in ("_content", "_cellvalues"):
                inner = getattr(f, attr, None)
                if inner:
                    for row in inner:
                        for cell in row if isinstance(row, list | tuple) else [row]:
                            yield from seals(cell if isinstance(cell, list) else [cell])
    found = list(seals(opinion_story(data())))
    assert found and all(s.seal_width >= 45 * mm and s.seal_height >= 45 * mm for s in found)


def test_long_tables_split_with_their_headings_repeated() -> None:
    from app.models.ops_centre import NavigationProject, PolicyDocument, SmeActivity

    fields = dataclasses.replace(
        sample_fields(),
        documents=tuple(PolicyDocument(f"第{i}号制度文件", "2023-05", "政策亮点" * 12)
                        for i in range(1, 31)),
        projects=tuple(NavigationProject("产业类", f"第{i}个专利导航项目", "2022-2023", "20",
                                         "某服务机构") for i in range(1, 41)),
        activities=tuple(SmeActivity(f"活动{i}", {2023: {"events": "1", "companies": "2"}})
                         for i in range(1, 31)),
    )
    pdf = render_ops_centre(data(fields))
    pages = [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]

    def pages_with(text: str) -> list[int]:
        return [i for i, page in enumerate(pages) if text in page]

    for first, heading in (("第1号制度文件", "政策亮点（简述）"),
                           ("第1个专利导航项目", "专利导航服务提供方"),
                           ("活动1", "2023年")):
        last = first.replace("1", "30" if "制度" in first or "活动" in first else "40", 1)
        spread = range(pages_with(first)[0], pages_with(last)[0] + 1)
        assert len(spread) > 1, first  # the table does split
        for page in spread:
            assert heading in pages[page], (first, page)
    # Every activity's two figures stay on one page with its name.
    for i in range(1, 31):
        page = pages_with(f"活动(工作)名称{i}:活动{i}")
        assert len(page) == 1
