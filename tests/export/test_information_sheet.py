"""The information sheet PDF (专利开放许可（试点）信息表), checked on the real PDF: the notice's
wording character for character, the data in its places, ☑/☐ on every alternative, the fee
sentence of each option with its parameters, embedded fonts, margins, long data, determinism,
the draft watermark and the glyph check."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdf
import pytest
from reportlab.lib.units import mm

from app.export.pdf import SealBlock, page_box
from app.export.pdf.information_sheet import (
    UnprintableText,
    render_information_sheet,
    sheet_story,
)
from app.models.offers import OfferContact, OfferFields
from app.models.patent_rules import PatentFields

DAY = dt.date(2026, 9, 1)
PATENT = PatentFields(
    number="201710601862.3",
    title="一种基于深度学习的图像识别方法",
    patentees=("武汉大学", "张三"),
    filing_date=dt.date(2017, 7, 21),
    grant_date=dt.date(2019, 3, 5),
)
CONTACT = OfferContact("李老师", "湖北省武汉市武昌区八一路299号", "430072", "027-68754321",
                       "kjc.zhuanhua@whu.edu.cn")
OFFER = OfferFields(
    self_exploitation="implemented",
    self_exploitation_period="2020年1月至今",
    self_exploitation_scope="湖北省内",
    self_exploitation_manner="自行生产销售",
    licensing="none",
    licence_expiry=dt.date(2036, 12, 31),
    fee={"option": "free"},
    other_terms="被许可人应自行承担实施风险。",
    contact=CONTACT,
    declared_on=DAY,
)
SIX = ("武汉大学", "华中科技大学", "张三", "湖北省某某新材料研究院有限责任公司", "李四", "王𫖯")

# Verbatim from the notice (seeds/003, 附件 4), typed here independently of the module.
TITLE = "专利开放许可（试点）信息表"
SECTIONS = [
    "①专利信息", "②专利权人承诺符合开放许可（试点）声明条件", "③自行实施专利的情况",
    "④许可他人实施专利的状况", "⑤许可期限", "⑥许可使用费标准（任选其一）", "⑦其他约定事项",
    "⑧许可人联系方式", "⑨专利权人签章",
]
COMMITMENTS = [
    "1.本专利不在专利独占实施许可或者排他实施许可有效期限内；",
    "2.许可任何单位或个人实施本专利；",
    "3.专利权在开放许可（试点）实施期间内，专利权人保证维持专利权有效；",
    "4.本专利通过开放许可（试点）达成的所有许可，将向试点组织单位备案；",
    "5.专利权人属于中国内地单位或个人，以开放许可方式技术出口的，按照《中华人民共和国技术进出口"
    "管理条例》和《技术进出口合同登记管理办法》的规定办理相关手续；",
    "6.专利权人承诺以上信息属实，是专利权人的真实意思表示。",
]
NOTES = [
    "注意事项",
    "一、本表应当使用中文填写，字迹为黑色，文字应当打字或印刷，提交一式一份。",
    "二、本表第①栏所填内容应当与该专利申请请求书中内容一致。其中，专利权人应填写全体专利权人。"
    "如果该专利办理过著录项目变更手续，应当按照国家知识产权局批准变更后的内容填写。",
    "三、本表第②栏为许可方应当承诺的内容，作出不实承诺提出开放许可声明的，试点组织单位有权撤销该声明。",
    "四、本表第③④⑤栏应当从备选项中选择一项，不得多选。",
    "五、本表第⑤栏许可期限届满日不能超过专利期限届满日。",
    "六、第⑨栏中代表人盖章的，需要同时提交全体专利权人签字或者盖章的同意开放许可的声明。",
]

# Each option's sentence with its blanks empty (whitespace removed) …
BLANK_FEES = [
    "免费使用。",
    "采用入门费和提成费相结合的方式，其中入门费为元，提成费按当年度合同产品净销售额的%提取。",
    "采用一次总付的方式，在合同生效后日内一次性全额支付所有使用费元。",
    "采用总付额内分期支付的方式，在合同生效后日内支付第一批次元，后在每个会计☐月份/☐季度/☐年度"
    "截止前的日内，分批次支付，每次支付元。包括第一次在内总共支付次，共计元。",
    "其他明确合理的许可使用费标准",
]
# … and chosen, with its parameters (exact decimals: 10000 not 10000.0, 12500.5).
FEES: dict[str, tuple[dict[str, Any], str]] = {
    "free": ({"option": "free"}, "免费使用。"),
    "entry_plus_royalty": (
        {"option": "entry_plus_royalty", "entry_fee_yuan": "10000", "royalty_percent": "5"},
        "采用入门费和提成费相结合的方式，其中入门费为 10000 元，"
        "提成费按当年度合同产品净销售额的 5 %提取。",
    ),
    "lump_sum": (
        {"option": "lump_sum", "days": 30, "amount_yuan": "12500.50"},
        "采用一次总付的方式，在合同生效后 30 日内一次性全额支付所有使用费 12500.5 元。",
    ),
    "instalments": (
        {"option": "instalments", "first_days": 30, "first_yuan": "20000", "period": "quarter",
         "period_days": 15, "batches": 4, "each_yuan": "5000.25", "count": 5,
         "total_yuan": "40001"},
        "采用总付额内分期支付的方式，在合同生效后 30 日内支付第一批次 20000 元，后在每个会计"
        "☐月份/☑季度/☐年度截止前的 15 日内，分 4 批次支付，每次支付 5000.25 元。"
        "包括第一次在内总共支付 5 次，共计 40001 元。",
    ),
    "other": (
        {"option": "other", "text": "按年销售额的3%收取，每年不低于8000元"},
        "其他明确合理的许可使用费标准 按年销售额的3%收取，每年不低于8000元",
    ),
}
FOOTER = re.compile(r"第 \d+ 页 共 \d+ 页")
RUNNING_HEAD = re.compile(r"[^\n]*（续）[^\n]*")  # "信息表（续）　ZL…" atop continuation pages


# --------------------------------------------------------------------------------- helpers


def render(offer: OfferFields = OFFER, patent: PatentFields = PATENT, **kw: Any) -> bytes:
    return render_information_sheet(patent, offer, creation_date=kw.pop("day", DAY), **kw)


def pages(data: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def flat(data: bytes) -> str:
    """All text without footers and any whitespace (blanks, wrapping, page breaks)."""
    return re.sub(r"\s+", "", "".join(RUNNING_HEAD.sub("", FOOTER.sub("", t))
                                       for t in pages(data)))


def spaced(data: bytes) -> str:
    """All text, runs of whitespace as one space (to see the edges of the blanks)."""
    text = "".join(RUNNING_HEAD.sub("", FOOTER.sub("", t)) for t in pages(data))
    return re.sub(r"\s+", " ", text)


def word_boxes(data: bytes, tmp_path: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """Per page, every word poppler finds as (text, x0, x1, top, bottom), in points from
    the top left corner (pypdf's visitor does not advance along a line, so poppler it is)."""
    path = tmp_path / "boxes.pdf"
    path.write_bytes(data)
    # errors="replace": poppler writes a non-BMP character of the Author metadata (王𫖯) as
    # invalid UTF-8 in the HTML head; the words themselves come out right.
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, errors="replace", check=True).stdout
    out = []
    for page in html.split("<page ")[1:]:
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                           r'yMax="([\d.]+)">([^<]*)</word>', page)
        out.append([(w, float(x0), float(x1), float(y0), float(y1)) for x0, y0, x1, y1, w in words])
    return out


def assert_inside_margins(data: bytes, tmp_path: Path) -> None:
    """Every word inside the text block; only the footer below it, 8 mm or more above the
    paper's edge."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    box = page_box()
    for number, words in enumerate(word_boxes(data, tmp_path), start=1):
        assert words, f"page {number} is empty"
        footer = head = ""
        for text, x0, x1, top, bottom in words:
            where = f"page {number}: {text!r} x {x0:.1f}-{x1:.1f} y {top:.1f}-{bottom:.1f}"
            assert x0 >= box.left - 0.5 and x1 <= box.width - box.right + 0.5, where
            if top < box.top - 0.5:  # only a continuation page's running head
                assert top >= 8 * mm, where
                head += text
                continue
            if top > box.height - box.bottom:
                assert bottom <= box.height - 8 * mm, where
                footer += text
            else:
                assert bottom <= box.height - box.bottom + 0.5, where
        assert re.fullmatch(r"第\d+页共\d+页", footer), (number, footer)
        assert not head or "（续）" in head or re.fullmatch(r"附件\d+", head), (number, head)


def fonts_of(data: bytes) -> list[Any]:
    out = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            out.append(font.get_object())
    return out


# --------------------------------------------------------------------------------- wording


@pytest.fixture(scope="module")
def sheet() -> bytes:
    return render()


def test_title_sections_commitments_and_notes_are_verbatim(sheet: bytes) -> None:
    text = flat(sheet)
    assert text.startswith("附件4" + TITLE)  # the notice's mark above the form
    positions = [text.index(s) for s in SECTIONS]
    assert positions == sorted(positions)  # the official order
    for commitment in COMMITMENTS:
        assert commitment in text
    for note in NOTES:
        assert note in text
    assert text.index(NOTES[0]) > text.index("⑨专利权人签章")


def test_notes_are_on_the_last_page(sheet: bytes) -> None:
    texts = [re.sub(r"\s+", "", t) for t in pages(sheet)]
    assert all(note in texts[-1] for note in NOTES)


def test_patent_particulars_in_official_notation(sheet: bytes) -> None:
    text = flat(sheet)
    assert "专利号ZL201710601862.3" in text
    assert "授权公告日2019年3月5日" in text
    assert "发明创造名称一种基于深度学习的图像识别方法" in text
    assert "专利权人武汉大学、张三" in text


def test_alternatives_are_ticked_and_details_filled(sheet: bytes) -> None:
    text = flat(sheet)
    assert "☐未自行实施专利技术" in text
    assert ("☑已自行实施专利技术，自行实施专利技术的时间2020年1月至今范围湖北省内方式自行生产销售"
            in text)
    assert "☑未许可他人实施专利" in text
    assert "☐已许可他人实施专利，许可他人实施专利的时间许可他人实施专利的范围" in text
    assert "许可期限届满日2036年12月31日" in text
    assert "被许可人应自行承担实施风险。" in text


def test_licensed_alternative_fills_time_and_scope() -> None:
    offer = replace(OFFER, self_exploitation="none", self_exploitation_period="",
                    self_exploitation_scope="", self_exploitation_manner="",
                    licensing="licensed", licensing_period="2021年起三年",
                    licensing_scope="武汉市")
    text = flat(render(offer))
    assert "☑未自行实施专利技术" in text
    assert "☐已自行实施专利技术，自行实施专利技术的时间范围方式" in text
    assert "☐未许可他人实施专利" in text
    assert ("☑已许可他人实施专利，许可他人实施专利的时间2021年起三年"
            "许可他人实施专利的范围武汉市") in text


def test_contact_details(sheet: bytes) -> None:
    text = flat(sheet)
    assert "收件人姓名：李老师地址：湖北省武汉市武昌区八一路299号" in text
    assert "邮编：430072电话：027-68754321电子邮件：kjc.zhuanhua@whu.edu.cn" in text
    # The e-mail address is never cut across lines.
    assert any("kjc.zhuanhua@whu.edu.cn" in line for t in pages(sheet) for line in t.split("\n"))


@pytest.mark.parametrize("chosen", list(FEES))
def test_each_fee_option_prints_its_sentence_with_the_parameters(chosen: str) -> None:
    fee, sentence = FEES[chosen]
    data = render(replace(OFFER, fee=fee))
    text, with_spaces = flat(data), spaced(data)
    kinds = list(FEES)
    for i, kind in enumerate(kinds):
        if kind == chosen:
            assert "☑" + re.sub(r"\s+", "", sentence) in text, kind
            # Each figure stands in its blank, set off by spaces, exactly as entered.
            for figure in re.findall(r"\d+(?:\.\d+)?", sentence if kind != "other" else ""):
                assert re.search(rf"[^\d.]\s{re.escape(figure)}\s", with_spaces), figure
        else:
            assert "☐" + BLANK_FEES[i] in text, kind
    # One tick each in ③, ④ and ⑥, and the chosen period of the instalment option.
    assert text.count("☑") == 3 + (chosen == "instalments")
    assert not re.search(r"\d\.0\b|\.50\b|E\+", with_spaces)


def test_ticks_count_one_per_alternative(sheet: bytes) -> None:
    # ③ ☑ 已…, ④ ☑ 未…, ⑥ ☑ 免费 — and no other ☑ (the instalment periods stay ☐).
    assert flat(sheet).count("☑") == 3


def test_no_choice_yet_ticks_nothing() -> None:
    offer = replace(OFFER, self_exploitation="", licensing="", fee=None,
                    self_exploitation_period="", self_exploitation_scope="",
                    self_exploitation_manner="", licence_expiry=None)
    text = flat(render(offer))
    assert "☑" not in text
    assert "许可期限届满日年月日" in text


# --------------------------------------------------------------------------------- PDF qualities


def test_fonts_are_embedded_subsets(sheet: bytes) -> None:
    fonts = fonts_of(sheet)
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType"
        assert re.fullmatch(r"/[A-Z]{6}\+NotoSerifSC-Regular", font["/BaseFont"]), font
        stream = font["/FontDescriptor"].get_object()["/FontFile2"].get_object()
        assert 1_000 < len(stream.get_data()) < 2_000_000


def test_metadata_from_the_data(sheet: bytes) -> None:
    meta = pypdf.PdfReader(io.BytesIO(sheet)).metadata
    assert meta is not None and meta.title == TITLE
    assert meta.subject == "ZL201710601862.3"
    assert meta.creation_date is not None and meta.creation_date.date() == DAY


def test_same_data_same_bytes() -> None:
    assert render() == render()
    assert render() != render(day=DAY + dt.timedelta(days=1))


def test_watermark_only_on_drafts(sheet: bytes) -> None:
    draft = pages(render(watermark=True))
    assert all("草稿" in t for t in draft)
    assert not any("草稿" in t for t in pages(sheet))


LONG_TITLE = "一种基于多模态深度学习与知识图谱融合的复杂工业场景下高精度缺陷检测、" * 4 + "方法"
LONG_TERMS = "被许可人应当按照约定实施本专利，并自行承担实施风险；技术培训另行约定。" * 110


@pytest.fixture(scope="module")
def long_sheet() -> bytes:
    patent = replace(PATENT, title=LONG_TITLE, patentees=SIX)
    return render(replace(OFFER, other_terms=LONG_TERMS, fee=FEES["instalments"][0]), patent)


def test_long_data_flows_over_pages_without_loss(long_sheet: bytes) -> None:
    assert len(LONG_TITLE) > 100
    texts = pages(long_sheet)
    assert len(texts) >= 4  # three pages of other terms, then ⑧, ⑨ and the notes
    text = flat(long_sheet)
    assert LONG_TITLE in text
    assert "专利权人" + "、".join(SIX) in text
    assert text.count("被许可人应当按照约定实施本专利") == 110
    assert "⑨专利权人签章" in text
    assert all(note in re.sub(r"\s+", "", texts[-1]) for note in NOTES)
    # The ⑦ label starts beside the beginning of its text, not pages later.
    first = next(t for t in texts if "被许可人应当按照约定" in t)
    assert "⑦其他约定" in re.sub(r"\s+", "", first)


def test_long_terms_wrap_the_full_width_on_every_page(long_sheet: bytes,
                                                      tmp_path: Path) -> None:
    """A split row keeps its content column's width (reportlab wraps the halves of a split
    cell that spans columns one column wide: 15 pages instead of 4)."""
    assert len(pages(long_sheet)) <= 5
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    for words in word_boxes(long_sheet, tmp_path)[1:3]:
        body = [w for w in words if "约定" in w[0] or "专利" in w[0]]
        assert max(x1 for _, _, x1, _, _ in body) - min(x0 for _, x0, _, _, _ in body) > 120 * mm


def test_everything_inside_the_margins(sheet: bytes, long_sheet: bytes,
                                      tmp_path: Path) -> None:
    assert_inside_margins(sheet, tmp_path)
    assert_inside_margins(long_sheet, tmp_path)


def test_missing_glyph_stops_before_layout() -> None:
    patent = replace(PATENT, patentees=("武汉大学", "张\ue000"))
    with pytest.raises(UnprintableText) as caught:
        render(patent=patent)
    [missing] = caught.value.missing
    assert (missing.record, missing.field, missing.char, missing.code) == (
        "ZL201710601862.3", "patent.patentees", "\ue000", "U+E000")


def test_seal_area_of_section_9_is_wide_and_blank(tmp_path: Path) -> None:
    where: list[tuple[float, float, float, float]] = []
    original = SealBlock.draw

    def draw(self: SealBlock) -> None:
        original(self)
        x, y, w, h = self.seal_box()
        x0, y0 = self.canv.absolutePosition(x, y)
        where.append((x0, y0, w, h))

    SealBlock.draw = draw  # type: ignore[method-assign]
    try:
        data = render()
    finally:
        SealBlock.draw = original  # type: ignore[method-assign]
    [(x, y, w, h)] = where
    assert w >= 45 * mm and h >= 35 * mm
    box = page_box()
    assert box.left <= x and x + w <= box.width - box.right + 0.5
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils not installed")
    page = len(pages(data))
    assert blank_in_render(data, tmp_path, page, (x, y, w, h))


def blank_in_render(data: bytes, tmp_path: Path, page: int,
                    area: tuple[float, float, float, float]) -> bool:
    """True when nothing is printed inside ``area`` (points) of ``page`` of ``data``."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    dpi = 50
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", "1", "-l", "9", str(path),
                    str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p*.pgm"))
    raw = images[page - 1].read_bytes()
    magic, cols, rows, _maxval, pixels = raw.split(maxsplit=4)
    ncols = int(cols)
    scale = dpi / 72
    height = page_box().height
    x, y, w, h = area
    left, right = int(x * scale) + 2, int((x + w) * scale) - 2
    top, bottom = int((height - y - h) * scale) + 2, int((height - y) * scale) - 2
    return min(pixels[r * ncols + c] for r in range(top, bottom) for c in range(left, right)) > 240


def test_story_is_fresh_each_call() -> None:
    assert sheet_story(PATENT, OFFER) is not sheet_story(PATENT, OFFER)
