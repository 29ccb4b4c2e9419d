"""The PDF layout kit, checked on real PDFs: text extraction, embedded fonts, page footers,
determinism, atomic writes, margins, page splitting, glyph checks, seal areas, wrapping.

Every test builds its PDFs into tmp_path or memory; pdftoppm renders pages where pictures
matter (the seal area must stay blank).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pypdf
import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer
from reportlab.platypus.paragraph import Paragraph

from app.export import pdf as kit
from app.export.pdf import (
    FONT_NAME,
    LANDSCAPE,
    MARGINS,
    PORTRAIT,
    MissingGlyph,
    SealBlock,
    build_pdf,
    check_box,
    check_text,
    choice_list,
    circled,
    cover_page,
    fixed_text,
    form_grid,
    frame_width,
    kit_styles,
    label,
    missing_glyphs,
    page_box,
    para,
    register_fonts,
    render_pdf,
    switch_orientation,
    value,
    write_atomic,
)

DAY = dt.date(2024, 5, 6)
RARE = "堃喆昇淼犇镕䶮"
EMAIL = "zhang.san.longname@example.edu.cn"
URL = "https://www.example.edu.cn/tech-transfer/open-licence"
PATENT = "ZL201710601862.3"
FOOTER = re.compile(r"第 \d+ 页 共 \d+ 页")


# --------------------------------------------------------------------------------- helpers


def sample_story(long_text: str | None = None) -> list[Flowable]:
    """Something like the forms: a cover, an information sheet grid, notes, a seal block
    and a landscape summary list that runs over several pages."""
    s = kit_styles()
    width = frame_width()
    story: list[Flowable] = cover_page(
        "河南省专利开放许可试点工作总结书",
        [("单位名称", "郑州某某大学"), ("联系人", "张三"), ("电子邮箱", EMAIL)],
        issuer="郑州某某大学（盖章）", date=DAY, subtitle="（2023 年度）",
    )
    story.append(para("专利开放许可（试点）信息表", s.title))
    c1, c2 = 22 * mm, 30 * mm
    rows: list[list[Any]] = [
        [label(circled(1) + "专利信息", rowspan=3), label("专利号"), value(PATENT)],
        [label("发明创造名称"), value(f"一种基于{RARE}的复合材料制备方法")],
        [label("专利权人"), value("郑州某某大学；王𫖯")],
        [label(circled(2) + "承诺", colspan=2), value(fixed_text([
            "1. 本专利不在专利独占实施许可或者排他实施许可有效期限内；",
            "2. 许可任何单位或个人实施本专利；",
        ]))],
        [label(circled(3) + "自行实施专利的情况", colspan=2),
         value(choice_list(["未自行实施专利技术", "已自行实施专利技术"], 0))],
        [label(circled(7) + "其他约定事项", colspan=2), value(long_text or "无")],
        [label(circled(8) + "许可人联系方式", colspan=2), value(f"电子邮件：{EMAIL} 网址：{URL}")],
        [label(circled(9) + "专利权人签章", colspan=2),
         value(SealBlock("专利权人签章：", style=s.cell, align="left"))],
    ]
    story.append(form_grid(rows, [c1, c2, width - c1 - c2]))
    note = "一、本表应当使用中文填写，字迹为黑色，文字应当打字或印刷，提交一式一份。"
    story += fixed_text([note], s.note)
    story.append(SealBlock("单位（盖章）：", date_label="日期："))
    story += switch_orientation(LANDSCAPE)
    story.append(para("湖北省专利开放许可（试点）汇总表", s.title))
    lw = frame_width(LANDSCAPE)
    cols = [14 * mm, 40 * mm, 60 * mm, 50 * mm, 30 * mm]
    cols.append(lw - sum(cols))
    heads = ["序号", "专利号", "专利名称", "专利权人（全部）", "专利类型", "联系电话"]
    header = [label(h) for h in heads]
    body = [[value(str(i), align="center"), value(PATENT), value("一种复合材料制备方法"),
             value("郑州某某大学"), value("发明"), value("13812345678")] for i in range(1, 31)]
    story.append(form_grid([header, *body], cols, repeat_rows=1))
    return story


def reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [p.extract_text() for p in reader(data).pages]


def body_text(data: bytes) -> str:
    """All text without footers and line breaks, to find text that wrapped or split."""
    return "".join(FOOTER.sub("", t).replace("\n", "") for t in page_texts(data))


def _mult(a: list[float], b: list[float]) -> list[float]:
    return [
        a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def text_runs(page: Any) -> list[tuple[str, float, float, float, float]]:
    """(text, x0, x1, baseline, size) of every text run drawn on the page, in points."""
    runs: list[tuple[str, float, float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        text = text.rstrip("\n")
        if not text.strip():
            return
        m = _mult(list(tm), list(cm))
        scale = (m[0] ** 2 + m[1] ** 2) ** 0.5
        width = stringWidth(text, FONT_NAME, size) * scale
        runs.append((text, m[4], m[4] + width, m[5], size * scale))

    page.extract_text(visitor_text=visit)
    return runs


def assert_inside_margins(data: bytes) -> None:
    """Every text run lies inside the page's frame; only the footer sits in the bottom
    margin, and then at least 8 mm above the paper edge."""
    for number, page in enumerate(reader(data).pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        box = page_box(PORTRAIT if height > width else LANDSCAPE)
        runs = text_runs(page)
        assert runs, f"page {number} has no text"
        footer = head = ""
        for text, x0, x1, base, size in runs:
            where = f"page {number}: {text[:20]!r} at x {x0:.1f}-{x1:.1f}, y {base:.1f}"
            assert x0 >= box.left - 0.5, where
            assert x1 <= box.width - box.right + 0.5, where
            if base + size * 0.88 > box.height - box.top + 0.5:  # only the running head
                assert base + size * 0.88 <= box.height - 8 * mm, where
                head += text
                continue
            if base < box.bottom:  # only the footer may sit in the bottom margin
                assert base >= 8 * mm, where
                footer += text
            else:
                assert base - size * 0.12 >= box.bottom - 0.5, where  # descender
        # (a run ends where the font subset changes, so the footer may come in pieces)
        assert re.fullmatch(r"第\d+页共\d+页", footer.replace(" ", "")), (number, footer)
        # A continuation page's head, or the notice's mark ("附件 4") over a first page.
        assert not head or "（续）" in head or re.fullmatch(r"附件\d+", head.replace(" ", "")), (
            number, head)


def font_entries(data: bytes) -> list[Any]:
    fonts = []
    for page in reader(data).pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            fonts.append(font.get_object())
    return fonts


# --------------------------------------------------------------------------------- the font


def test_bundled_font_is_truetype_and_registers_once() -> None:
    path = kit.font_path()
    assert path.name == "NotoSerifSC-Regular.ttf"
    assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # glyf outlines, not CFF ("OTTO")
    assert (path.parent / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE")
    assert register_fonts() == register_fonts() == FONT_NAME


def test_font_lookup_prefers_a_frozen_bundle(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    from app.export.pdf import fonts

    bundled = tmp_path / "resources" / "fonts" / "NotoSerifSC-Regular.ttf"
    bundled.parent.mkdir(parents=True)
    bundled.write_bytes(b"")
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert fonts.font_path() == bundled


def test_font_lookup_finds_a_wheel_install(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    """A non-editable install puts resources under <prefix>/share/licence-desk."""
    from app.export.pdf import fonts

    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    assert fonts._resources_dirs()[-1] == tmp_path / "share" / "licence-desk" / "resources"


def test_font_covers_rare_names_boxes_and_circled_numbers() -> None:
    assert missing_glyphs(RARE + "𫖯☐☑①②③④⑤⑥⑦⑧⑨" + PATENT + EMAIL) == []
    assert check_box(True) == "☑" and check_box(False) == "☐"
    assert [circled(n) for n in (1, 9)] == ["①", "⑨"]
    with pytest.raises(ValueError):
        circled(0)


# --------------------------------------------------------------------------------- glyph check


def test_glyph_check_reports_missing_characters_with_record_and_field() -> None:
    found = check_text([
        (PATENT, "title", "一种\ue000装置\ue000"),
        (PATENT, "patentees", f"王𫖯；{RARE}"),
        ("ZL2", "contact", None),
    ])
    assert found == [MissingGlyph(PATENT, "title", "\ue000", 0xE000)]
    assert found[0].code == "U+E000"
    assert missing_glyphs("a\ue000b\ue001\n\t") == ["\ue000", "\ue001"]


# --------------------------------------------------------------------------------- PDF output


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_pdf(sample_story(), title="样例", author="郑州某某大学", subject="信息表",
                      creation_date=DAY)


def test_text_extracts_as_chinese(sample_pdf: bytes) -> None:
    text = body_text(sample_pdf)
    for expected in ["专利开放许可（试点）信息表", RARE, "王𫖯", "☑未自行实施专利技术",
                     "☐已自行实施专利技术", "①专利信息", "湖北省专利开放许可（试点）汇总表"]:
        assert expected in text.replace(" ", "")


def test_only_the_bundled_font_is_used_embedded_as_subset(sample_pdf: bytes) -> None:
    fonts = font_entries(sample_pdf)
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType"
        assert re.fullmatch(r"/[A-Z]{6}\+NotoSerifSC-Regular", font["/BaseFont"]), font
        descriptor = font["/FontDescriptor"].get_object()
        stream = descriptor["/FontFile2"].get_object()
        assert 1_000 < len(stream.get_data()) < 2_000_000  # a subset, not the 13.8 MB font


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_sees_embedded_subsets_only(tmp_path: Path, sample_pdf: bytes) -> None:
    path = write_atomic(tmp_path / "sample.pdf", sample_pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        name, kind, _encoding, emb, sub, uni = row.split()[:6]
        assert (kind, emb, sub, uni) == ("TrueType", "yes", "yes", "yes"), row
        assert name.endswith("+NotoSerifSC-Regular")


def test_footer_counts_pages() -> None:
    s = kit_styles()
    story = [para("第一页", s.body), *switch_orientation(PORTRAIT), para("第二页", s.body)]
    data = render_pdf(story, title="t", creation_date=DAY)
    texts = page_texts(data)
    assert len(texts) == 2
    assert "第 1 页 共 2 页" in texts[0]
    assert "第 2 页 共 2 页" in texts[1]


def test_same_data_gives_identical_bytes(tmp_path: Path) -> None:
    a = build_pdf(tmp_path / "a.pdf", sample_story(), title="样例", creation_date=DAY)
    b = build_pdf(tmp_path / "b.pdf", sample_story(), title="样例", creation_date=DAY)
    assert a.read_bytes() == b.read_bytes()
    other = render_pdf(sample_story(), title="样例", creation_date=DAY + dt.timedelta(days=1))
    assert other != a.read_bytes()


def test_metadata_comes_from_the_data(sample_pdf: bytes) -> None:
    meta = reader(sample_pdf).metadata
    assert meta is not None
    assert meta.title == "样例"
    assert meta.author == "郑州某某大学"
    assert meta.subject == "信息表"
    assert meta.creation_date is not None
    assert meta.creation_date.date() == DAY


def test_everything_lies_inside_the_margins(sample_pdf: bytes) -> None:
    pages = reader(sample_pdf).pages
    orientations = [float(p.mediabox.width) > float(p.mediabox.height) for p in pages]
    assert orientations[0] is False and orientations[-1] is True  # portrait, then landscape
    assert_inside_margins(sample_pdf)


def test_binding_margin_is_left_in_portrait_and_top_in_landscape() -> None:
    portrait, landscape = page_box(PORTRAIT), page_box(LANDSCAPE)
    assert portrait.left == MARGINS.binding == 25 * mm
    assert portrait.right == portrait.top == portrait.bottom == 20 * mm
    assert landscape.top == 25 * mm and landscape.left == landscape.right == 20 * mm


def test_a_three_page_cell_splits_without_clipping() -> None:
    sentence = "很长的其他约定事项，包含 " + EMAIL + " 与专利号 " + PATENT + "。"
    data = render_pdf(sample_story(long_text=sentence * 160), title="长", creation_date=DAY)
    pages = page_texts(data)
    assert len(pages) >= 6  # cover, ≥3 pages of the long cell, landscape list
    flat = body_text(data).replace(" ", "")
    assert flat.count(sentence.replace(" ", "")) == 160  # nothing lost at page breaks
    assert_inside_margins(data)
    # The label of the split row starts beside the beginning of its value, not pages later.
    first = next(t for t in pages if "很长的其他约定事项" in t)
    assert "⑦其他约定事项" in first.replace(" ", "")


def test_long_flowing_text_splits_across_pages() -> None:
    s = kit_styles()
    text = f"第{{}}段：{RARE}开放许可。" * 1
    story = [para(text.format(i) * 30, s.body_indent) for i in range(40)]
    data = render_pdf(story, title="t", creation_date=DAY)
    assert len(reader(data).pages) > 3
    flat = body_text(data)
    assert all(f"第{i}段" in flat for i in range(40))
    assert_inside_margins(data)


def test_watermark_marks_drafts_only() -> None:
    s = kit_styles()
    story = lambda: [para("正文", s.body), *switch_orientation(LANDSCAPE), para("正文", s.body)]  # noqa: E731
    draft = page_texts(render_pdf(story(), title="t", creation_date=DAY, watermark=True))
    final = page_texts(render_pdf(story(), title="t", creation_date=DAY))
    assert all("草稿" in t for t in draft) and len(draft) == 2
    assert not any("草稿" in t for t in final)


# --------------------------------------------------------------------------------- atomic writes


class Boom(Flowable):  # type: ignore[misc]
    def wrap(self, w: float, h: float) -> tuple[float, float]:
        return 10, 10

    def draw(self) -> None:
        raise RuntimeError("boom")


def test_failed_build_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    with pytest.raises(RuntimeError, match="boom"):
        build_pdf(target, [para("正文", kit_styles().body), Boom()], title="t",
                  creation_date=DAY)
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")

    def failing_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_write_atomic_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


# --------------------------------------------------------------------------------- beyond the BMP


def test_characters_beyond_the_bmp_extract() -> None:
    data = render_pdf([para("专利权人：王𫖯、李𠀾", kit_styles().body)], title="t",
                      creation_date=DAY)
    assert missing_glyphs("𫖯") == []
    text = page_texts(data)[0]
    if missing_glyphs("𠀾"):
        assert "王𫖯、李" in text  # the glyph check is what reports 𠀾
    else:
        assert "王𫖯、李𠀾" in text
    # The ToUnicode CMap maps to a UTF-16 surrogate pair, not to five hex digits.
    cmaps = [f["/ToUnicode"].get_object().get_data() for f in font_entries(data)]
    assert any(b"<D86DDDAF>" in c for c in cmaps)
    assert not any(re.search(rb"<[0-9A-F]{5}>", c) for c in cmaps)


def test_reportlab_alone_would_break_it() -> None:
    """Guards the reason for KitTTFont: plain reportlab writes <2B5AF>."""
    from reportlab.pdfbase.ttfonts import makeToUnicodeCMap

    assert "<2B5AF>" in makeToUnicodeCMap("X", [0, 0x2B5AF])


# --------------------------------------------------------------------------------- seal blocks


def test_seal_block_leaves_a_blank_area_of_45_mm() -> None:
    block = SealBlock("单位（盖章）：")
    width, height = block.wrap(frame_width(), 800)
    x, y, w, h = block.seal_box()
    assert w >= 45 * mm and h >= 35 * mm
    assert width >= 45 * mm and height >= h
    assert 0 <= x and x + w <= width + 0.01 and 0 <= y and y + h <= height + 0.01
    assert block._label_x + block._label_w <= x + 0.01  # label beside, not over, the area
    with pytest.raises(ValueError):
        SealBlock("签章：", seal_width=40 * mm)


def test_seal_block_in_a_narrow_space_puts_the_label_above() -> None:
    block = SealBlock("全体专利权人签章：", style=kit_styles().cell)
    width, height = block.wrap(55 * mm, 800)
    x, y, w, h = block.seal_box()
    assert w >= 45 * mm
    assert height >= h + block._label_h


class RecordingSeal(SealBlock):
    """Remembers where on the page its blank area was drawn."""

    where: list[tuple[float, float, float, float]] = []

    def draw(self) -> None:
        super().draw()
        x, y, w, h = self.seal_box()
        x0, y0 = self.canv.absolutePosition(x, y)
        RecordingSeal.where.append((x0, y0, w, h))


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_rendered_seal_area_is_blank_and_the_text_is_not(tmp_path: Path) -> None:
    RecordingSeal.where = []
    s = kit_styles()
    story = [para("同意开放许可（试点）的声明", s.title),
             para("专利权人知晓并认可专利开放许可（试点）声明的内容。" * 6, s.body),
             Spacer(1, 5 * mm), RecordingSeal("全体专利权人签章：", date=DAY)]
    path = build_pdf(tmp_path / "seal.pdf", story, title="声明", creation_date=DAY)
    dpi = 50
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(path), str(tmp_path / "p")],
                   check=True)
    image = next(tmp_path.glob("p*.pgm"))
    cols, rows, pixels = read_pgm(image)
    page_h = page_box().height
    scale = dpi / 72

    def darkest(x: float, y: float, w: float, h: float) -> int:
        left, right = int(x * scale) + 1, int((x + w) * scale) - 1
        top, bottom = int((page_h - y - h) * scale) + 1, int((page_h - y) * scale) - 1
        return min(pixels[r * cols + c] for r in range(top, bottom) for c in range(left, right))

    (x, y, w, h), = RecordingSeal.where
    assert darkest(x, y, w, h) > 240  # nothing printed where the seal goes
    box = page_box()
    assert darkest(box.left, box.height - box.top - 30, box.frame_width, 30) < 100  # title


def read_pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    magic, cols, rows, maxval, rest = data.split(maxsplit=4)
    assert magic == b"P5" and maxval == b"255"
    return int(cols), int(rows), rest


# --------------------------------------------------------------------------------- wrapping


def lines_of(p: Paragraph, width: float) -> list[str]:
    p.wrap(width, 10_000)
    return ["".join(w.text for w in line.words) for line in p.blPara.lines]


@pytest.mark.parametrize("extra", [0.0, 3 * mm, 12 * mm, 40 * mm])
def test_latin_words_stay_whole_in_narrow_cells(extra: float) -> None:
    """Any width that can hold the longest word keeps every word whole."""
    style = kit_styles().cell
    words = [EMAIL, PATENT, "2023-11-30", "0371-12345678"]
    width = max(stringWidth(w + "，", FONT_NAME, style.fontSize) for w in words) + extra
    text = f"联系邮箱：{EMAIL}，专利号{PATENT}，公告日 2023-11-30，电话 0371-12345678。"
    lines = lines_of(para(text, style), width)
    assert len(lines) > 1
    for word in words:
        assert any(word in line for line in lines), (word, lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_chinese_wraps_anywhere_within_the_width() -> None:
    style = kit_styles().cell
    text = "专利权人承诺符合开放许可（试点）声明条件，许可任何单位或个人实施本专利。" * 3
    lines = lines_of(para(text, style), 40 * mm)
    assert len(lines) > 5
    assert all(stringWidth(line, FONT_NAME, style.fontSize) <= 40 * mm + 0.01 for line in lines)
    assert "".join(lines) == text
    assert not any(line[0] in "，。）；：" for line in lines)  # no closing mark starts a line
    assert not any(line[-1] in "（《“" for line in lines)  # no opening mark ends one


def test_reportlab_cjk_wrapping_would_break_the_email() -> None:
    """Guards the reason for Para: reportlab's own CJK mode cuts the address."""
    style = kit_styles().cell
    text = f"联系邮箱：{EMAIL}"
    width = stringWidth(EMAIL, FONT_NAME, style.fontSize) + 5
    plain = Paragraph(text, style)
    plain.wrap(width, 10_000)
    assert plain.blPara.kind == 0  # one fragment: lines are (extra space, [text])
    broken = ["".join(words) for _, words in plain.blPara.lines]
    assert not any(EMAIL in line for line in broken)
    assert any(EMAIL in line for line in lines_of(para(text, style), width))


def test_a_word_longer_than_the_line_is_cut_rather_than_overflowing() -> None:
    style = kit_styles().cell
    lines = lines_of(para(URL, style), 25 * mm)
    assert len(lines) > 1 and "".join(lines) == URL
    assert all(stringWidth(line, FONT_NAME, style.fontSize) <= 25 * mm + 0.01 for line in lines)


def test_latin_words_survive_in_the_pdf_of_a_narrow_grid() -> None:
    grid = form_grid([[label("电子邮件"), value(f"联系邮箱：{EMAIL}；专利号：{PATENT}")]],
                     [20 * mm, 80 * mm])
    data = render_pdf([grid], title="t", creation_date=DAY)
    lines = page_texts(data)[0].splitlines()
    assert any(EMAIL in line for line in lines)
    assert any(PATENT in line for line in lines)
    assert_inside_margins(data)


def test_markup_is_escaped_unless_asked_for() -> None:
    s = kit_styles()
    data = render_pdf([para("A&B <公司>\n第二行", s.body), para("<b>粗</b>", s.body, markup=True)],
                      title="t", creation_date=DAY)
    text = page_texts(data)[0]
    assert "A&B <公司>" in text and "第二行" in text and "粗" in text and "<b>" not in text


def test_grid_rejects_rows_that_do_not_fill_the_columns() -> None:
    with pytest.raises(ValueError, match="fills 1 of 2"):
        form_grid([[label("专利号")]], [30 * mm, 100 * mm])
    with pytest.raises(ValueError, match="runs past"):
        form_grid([[label("专利号", colspan=3)]], [30 * mm, 100 * mm])
