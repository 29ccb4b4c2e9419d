"""The declaration PDF (同意开放许可（试点）的声明): the notice's text with the patent number,
the six commitments, every patentee with a seal area of its own that never splits, the date
from the data (or blank), six patentees over two pages, determinism, watermark, glyph check."""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.units import mm
from test_information_sheet import (  # helpers shared with the sheet's tests
    COMMITMENTS,
    DAY,
    OFFER,
    PATENT,
    SIX,
    assert_inside_margins,
    blank_in_render,
    flat,
    fonts_of,
    pages,
)

from app.export.pdf import SealBlock, page_box
from app.export.pdf.declaration import render_declaration
from app.export.pdf.information_sheet import UnprintableText
from app.models.offers import OfferFields
from app.models.patent_rules import PatentFields

TITLE = "同意开放许可（试点）的声明"
INTRO = ("专利权人知晓并认可专利开放许可（试点）声明的内容，同意对专利（专利号：ZL201710601862.3）"
         "实行开放许可（试点）。")
JOINT = "全体专利权人共同声明如下："


def render(offer: OfferFields = OFFER, patent: PatentFields = PATENT, **kw: object) -> bytes:
    return render_declaration(patent, offer, creation_date=DAY, **kw)  # type: ignore[arg-type]


def seal_areas(offer: OfferFields, patent: PatentFields
               ) -> tuple[bytes, list[tuple[int, float, float, float, float]]]:
    """The PDF and, per seal block drawn, (page, x, y, width, height) of its blank area."""
    where: list[tuple[int, float, float, float, float]] = []
    original = SealBlock.draw

    def draw(self: SealBlock) -> None:
        original(self)
        x, y, w, h = self.seal_box()
        x0, y0 = self.canv.absolutePosition(x, y)
        where.append((self.canv.getPageNumber(), x0, y0, w, h))

    SealBlock.draw = draw  # type: ignore[method-assign]
    try:
        data = render(offer, patent)
    finally:
        SealBlock.draw = original  # type: ignore[method-assign]
    return data, where


def test_text_is_verbatim_with_the_number_filled_in() -> None:
    text = flat(render())
    assert text.startswith("附件5" + TITLE)  # the notice's mark above the form
    assert INTRO in text
    assert text.index(JOINT) > text.index(INTRO)
    positions = [text.index(c) for c in COMMITMENTS]
    assert positions == sorted(positions) and positions[0] > text.index(JOINT)
    assert "全体专利权人：武汉大学签章：张三签章：" in text
    assert text.endswith("日期：2026年9月1日")


def test_number_is_official_whatever_was_stored() -> None:
    text = flat(render(patent=replace(PATENT, number="201710601862.3")))
    assert "（专利号：ZL201710601862.3）" in text


def test_blank_date_when_not_declared() -> None:
    text = flat(render(replace(OFFER, declared_on=None)))
    assert text.endswith("日期：年月日")
    raw = pages(render(replace(OFFER, declared_on=None)))[-1]
    assert re.search(r"日期：\s{4,}年\s{3,}月\s{3,}日", raw)  # room to write by hand


def test_six_patentees_flow_to_a_second_page_with_whole_seal_areas(tmp_path: Path) -> None:
    patent = replace(PATENT, patentees=SIX)
    data, areas = seal_areas(OFFER, patent)
    texts = pages(data)
    assert len(texts) == 2
    text = flat(data)
    assert "全体专利权人：" + "".join(f"{name}签章：" for name in SIX) in text
    assert len(areas) == 6
    box = page_box()
    for _page, x, y, w, h in areas:
        assert w >= 45 * mm and h >= 40 * mm  # a 42 mm round seal fits
        # Never split: the whole area lies within one page's text block.
        assert box.left - 0.5 <= x and x + w <= box.width - box.right + 0.5
        assert box.bottom - 0.5 <= y and y + h <= box.height - box.top + 0.5
    on_page = [a for a in areas if a[0] == 1]
    for (_, _, y_upper, _, _), (_, _, y_lower, _, h_lower) in zip(on_page, on_page[1:],
                                                                   strict=False):
        assert y_lower + h_lower <= y_upper + 0.5  # stacked, not overlapping
    # The date stays with the last patentee.
    last_name_page = next(i for i, t in enumerate(texts) if SIX[-1] in t)
    assert "日期" in texts[last_name_page]
    assert_inside_margins(data, tmp_path)
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils not installed")
    for page, x, y, w, h in areas:
        assert blank_in_render(data, tmp_path / f"p{page}-{y:.0f}", page, (x, y, w, h))


def test_long_patentee_name_wraps_beside_its_area(tmp_path: Path) -> None:
    name = "湖北省某某新材料研究院有限责任公司与武汉某某高新技术产业投资发展有限公司联合体"
    data = render(patent=replace(PATENT, patentees=(name, "张三")))
    assert name + "签章：" in flat(data)
    assert_inside_margins(data, tmp_path)


def test_fonts_embedded_and_bytes_deterministic() -> None:
    data = render()
    for font in fonts_of(data):
        assert re.fullmatch(r"/[A-Z]{6}\+NotoSerifSC-Regular", font["/BaseFont"]), font
    assert data == render()
    meta = pypdf.PdfReader(io.BytesIO(data)).metadata
    assert meta is not None and meta.title == TITLE and meta.creation_date is not None
    assert meta.creation_date.date() == DAY


def test_watermark_only_on_drafts() -> None:
    assert all("草稿" in t for t in pages(render(watermark=True)))
    assert not any("草稿" in t for t in pages(render()))


def test_missing_glyph_in_a_patentee_stops_before_layout() -> None:
    with pytest.raises(UnprintableText) as caught:
        render(patent=replace(PATENT, patentees=("武汉大学", "\ue000三")))
    [missing] = caught.value.missing
    assert (missing.record, missing.field, missing.code) == (
        "ZL201710601862.3", "patent.patentees", "U+E000")
