"""The summary list PDF (湖北省专利开放许可（试点）汇总表): wording, every value, headings on every
page, clean page breaks, unbroken patent numbers, the seal area, fonts, margins, bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from app.export.pdf import LANDSCAPE, SEAL_MIN_WIDTH, frame_width, page_box
from app.export.pdf.summary_list import (
    HEADER_RECORD,
    SEAL_HEIGHT,
    UnprintableText,
    column_widths,
    header_line,
    render_summary_list,
    summary_list_story,
    summary_list_texts,
    write_summary_list_pdf,
)
from app.models.summary_list import COLUMNS, SummaryList, SummaryRow
from tests.export.test_pdf_kit import assert_inside_margins, font_entries, read_pgm, text_runs

DATED = dt.datetime(2026, 9, 1, 10, 30, 15)
FOOTER = re.compile(r"第 ?\d+ ?页 ?共 ?\d+ ?页")
LONG_TITLE = ("一种基于多源异构数据融合与深度强化学习的高压输电线路巡检无人机集群"
              "自主协同避障及路径规划控制方法、系统、电子设备和计算机可读存储介质"
              "以及配套的地面站软件与通信中继装置和用于该装置的电池快速更换机构及其方法")[:100]
assert len(LONG_TITLE) == 100
EIGHT = ("武汉大学", "华中科技大学", "中国科学院武汉岩土力学研究所", "国网湖北省电力有限公司",
         "张三", "李四", "欧阳娜娜", "湖北省电力勘测设计院有限公司")
OFFICIAL_HEADINGS = [
    "序号", "专利号", "专利名称", "专利权人（全部）", "单次许可期限", "专利法律状态",
    "专利类型（发明/实用新型/外观设计）", "开放范围（全省/XX 市）", "联系人", "联系电话",
]
HEADING_ROW = "".join(h.replace(" ", "") for h in OFFICIAL_HEADINGS)


def number(serial: int) -> str:
    return f"ZL2024{(serial % 3) + 1}{serial:07d}.{serial % 10}"


def row(serial: int, **changes: object) -> SummaryRow:
    values: dict[str, object] = dict(
        serial=serial, number=number(serial), title=f"一种基于深度学习的图像识别方法{serial}",
        patentees="武汉大学、张三", single_term="3年", legal_status="有效", kind="发明",
        open_scope="全省", contact_name="李老师", contact_phone="027-68754321",
    )
    values.update(changes)
    return SummaryRow(**values)  # type: ignore[arg-type]


def summary(*rows: SummaryRow, dated: dt.datetime = DATED, unit: str = "武汉大学") -> SummaryList:
    return SummaryList(unit, "王老师", "027-68752222", rows, dated, subject="2026 年第一批")


def short_list() -> SummaryList:
    return summary(row(1), row(2, legal_status="失效（未缴年费）", kind="实用新型",
                               open_scope="武汉市", contact_phone="13912345678"),
                   row(3, patentees="、".join(EIGHT), title=LONG_TITLE, kind="外观设计"))


def long_list(count: int = 120) -> SummaryList:
    return summary(*(row(i, title=LONG_TITLE if i % 2 else f"一种复合材料{i}",
                         patentees="、".join(EIGHT) if i % 5 == 0 else "武汉大学、张三")
                     for i in range(1, count + 1)))


def pages(data: bytes) -> list[str]:
    return [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def squash(text: str) -> str:
    """Text without whitespace or page footers: extraction breaks lines where cells wrap."""
    return re.sub(r"\s+", "", FOOTER.sub("", text))


@pytest.fixture(scope="module")
def short_pdf() -> bytes:
    return render_summary_list(short_list())


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return render_summary_list(long_list())


# --------------------------------------------------------------------------------- wording


def test_title_header_line_headings_and_every_value(short_pdf: bytes) -> None:
    texts = pages(short_pdf)
    flat = "".join(squash(t) for t in texts)
    assert flat.startswith("附件3湖北省专利开放许可（试点）汇总表")
    # The header line's labels verbatim, with the notice's ASCII colon after 联系人.
    assert "单位名称（盖章）：武汉大学" in flat
    assert "联系人:王老师" in flat and "联系人：" not in flat
    assert "联系电话：027-68752222" in flat
    assert HEADING_ROW in flat  # every heading verbatim, in the official order
    for r in short_list().rows:
        cells = [squash(str(c)) for c in r.cells()]
        assert all(c in flat for c in cells), r.serial
        # The row's values in column order.
        start = flat.index(cells[1])
        at = [flat.index(c, start - len(cells[0])) for c in cells[1:]]
        assert at == sorted(at), r.serial
    assert [FOOTER.findall(t) for t in texts] == [
        [f"第 {n} 页 共 {len(texts)} 页"] for n in range(1, len(texts) + 1)]


def test_headings_are_the_models_wrapped_forms() -> None:
    story = summary_list_story(short_list())
    table = story[-1]
    printed = ["".join(line.text for line in cell[0].frags) for cell in table._cellvalues[0]]
    assert [c.heading for c in COLUMNS] == OFFICIAL_HEADINGS
    assert [p.replace("\n", "") for p in printed] == OFFICIAL_HEADINGS
    assert table.repeatRows == 1


# --------------------------------------------------------------------------------- pages


def test_a4_landscape(long_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(long_pdf))
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            landscape(A4), abs=0.5)


def test_heading_row_on_every_page_and_every_row_once(long_pdf: bytes) -> None:
    texts = pages(long_pdf)
    assert len(texts) > 5
    for n, text in enumerate(texts, start=1):
        assert squash(text).count(HEADING_ROW) == 1, n
        assert f"第 {n} 页 共 {len(texts)} 页" in text
    everything = "".join(squash(t) for t in texts)
    for r in long_list().rows:
        assert everything.count(r.number) == 1, r.number
    assert everything.count(squash("、".join(EIGHT))) == 24  # every 5th row, never clipped
    assert everything.count(LONG_TITLE) == 60


def test_rows_never_break_mid_page_under_a_repeated_heading() -> None:
    # Rows of 10 to 20 lines: reportlab alone would split one under a repeated heading in the
    # leftover space of a page; the kit moves it to the next page whole instead.
    rows = [row(i, title="一种方法" * (20 + (i * 7) % 30)) for i in range(1, 30)]
    data = render_summary_list(summary(*rows))
    for n, text in enumerate(pages(data), start=1):
        assert squash(text).count(HEADING_ROW) == 1, n
    runs = [text_runs(p) for p in pypdf.PdfReader(io.BytesIO(data)).pages]
    for n, page_runs in enumerate(runs, start=1):
        # Each serial's cell holds one line, drawn on one page only: rows did not split.
        serials = [t for t, *_ in page_runs if re.fullmatch(r"\d{1,2}", t.strip())]
        assert len(serials) == len(set(serials)), n
    seen = [s for page_runs in runs for s, *_ in page_runs if re.fullmatch(r"\d{1,2}", s.strip())]
    assert sorted(int(s) for s in seen) == list(range(1, 30))


def test_headings_stay_centred_on_continuation_pages(long_pdf: bytes) -> None:
    for n, page in enumerate(pypdf.PdfReader(io.BytesIO(long_pdf)).pages, start=1):
        runs = text_runs(page)
        serial = next(y for t, _, _, y, _ in runs if t.strip() == "序号")
        first = next(y for t, _, _, y, _ in runs if t.strip().startswith("专利类型"))
        last = next(y for t, _, _, y, _ in runs if t.strip().endswith("外观设计）"))
        assert first - last >= 2 * 15  # a heading of three lines or more
        # 序号 (one line) sits at the middle of the heading row, not at its top.
        assert serial == pytest.approx((first + last) / 2, abs=1), n


def test_a_row_taller_than_a_page_splits_without_clipping() -> None:
    huge = "一种超长名称的专利" * 120
    data = render_summary_list(summary(row(1), row(2, title=huge), row(3)))
    texts = pages(data)
    assert len(texts) >= 3
    assert not any(huge in squash(t) for t in texts)  # split over pages…
    assert sum(squash(t).count("超") for t in texts) == 120  # …and every line of it there
    assert_inside_margins(data)


def test_everything_inside_the_margins(long_pdf: bytes, short_pdf: bytes) -> None:
    assert_inside_margins(short_pdf)
    assert_inside_margins(long_pdf)


def test_patent_and_phone_numbers_are_never_broken(long_pdf: bytes) -> None:
    lines = {line.strip() for text in pages(long_pdf) for line in text.split("\n")}
    for r in long_list().rows:
        assert r.number in lines, r.number
    assert "027-68754321" in lines
    odd = summary(row(1, number="ZL200410000001.X", contact_phone="027-68754321-8001"))
    widths = column_widths(odd)
    lines = {line.strip() for line in pages(render_summary_list(odd))[0].split("\n")}
    assert "ZL200410000001.X" in lines and "027-68754321-8001" in lines
    assert sum(widths) == pytest.approx(frame_width(LANDSCAPE))


def test_column_widths_suit_the_content() -> None:
    for data in (short_list(), long_list(10), summary(row(1))):
        widths = dict(zip((c.key for c in COLUMNS), column_widths(data), strict=True))
        assert sum(widths.values()) == pytest.approx(frame_width(LANDSCAPE))
        widest = sorted(widths, key=widths.__getitem__)[-2:]
        assert set(widest) == {"title", "patentees"}, widths
        assert widths["serial"] < 15 * mm


# --------------------------------------------------------------------------------- seal area


def test_seal_area_is_at_least_45_mm_beside_the_unit_name(tmp_path: Path) -> None:
    data = short_list()
    table = header_line(data)
    assert table._argW[1] >= SEAL_MIN_WIDTH
    table.wrap(frame_width(LANDSCAPE), 1000)
    assert table._rowHeights[0] >= SEAL_HEIGHT >= 40 * mm
    path = write_summary_list_pdf(data, tmp_path / "汇总表.pdf")
    runs = text_runs(pypdf.PdfReader(path).pages[0])
    unit = next(r for r in runs if "武汉大学" in r[0] and r[0].strip().endswith("武汉大学"))
    contact = next(r for r in runs if r[0].strip().startswith("联系人:"))
    assert unit[3] == pytest.approx(contact[3])  # one line
    gap = contact[1] - unit[2]
    assert gap >= SEAL_MIN_WIDTH, gap / mm
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    dpi = 50
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", "1", "-l", "1", str(path),
                    str(tmp_path / "p")], check=True)
    cols, _, pixels = read_pgm(next(tmp_path.glob("p*.pgm")))
    scale, page_h = dpi / 72, page_box(LANDSCAPE).height
    x0, x1 = unit[2] + 2, unit[2] + SEAL_MIN_WIDTH - 2
    y_top, y_bottom = unit[3] + SEAL_HEIGHT / 2 - 6, unit[3] - SEAL_HEIGHT / 2 + 6
    area = [pixels[r * cols + c]
            for r in range(int((page_h - y_top) * scale), int((page_h - y_bottom) * scale))
            for c in range(int(x0 * scale), int(x1 * scale))]
    assert min(area) > 240  # nothing printed where the seal goes
    line = [pixels[int((page_h - unit[3] - 4) * scale) * cols + c]
            for c in range(int(unit[1] * scale), int(unit[2] * scale))]
    assert min(line) < 120  # while the label beside it is printed


def test_a_long_unit_name_wraps_beside_the_seal_area() -> None:
    name = ("华中科技大学同济医学院附属协和医院（湖北省临床医学研究中心）"
            "与武汉某某技术转移有限公司联合体")
    data = summary(row(1), unit=name)
    table = header_line(data)
    assert table._argW[1] >= SEAL_MIN_WIDTH
    assert sum(table._argW) == pytest.approx(frame_width(LANDSCAPE))
    assert name in squash(pages(render_summary_list(data))[0])
    huge = summary(row(1), unit=name * 4)  # taller than the seal area: the row grows
    assert name * 4 in squash(pages(render_summary_list(huge))[0])
    assert_inside_margins(render_summary_list(huge))


# --------------------------------------------------------------------------------- bytes, fonts


def test_same_data_gives_the_same_bytes(tmp_path: Path) -> None:
    a = write_summary_list_pdf(short_list(), tmp_path / "a.pdf").read_bytes()
    b = write_summary_list_pdf(short_list(), tmp_path / "b.pdf").read_bytes()
    assert a == b
    assert render_summary_list(summary(row(1), dated=DATED + dt.timedelta(days=1))) != \
        render_summary_list(summary(row(1)))
    meta = pypdf.PdfReader(io.BytesIO(a)).metadata
    assert meta is not None and meta.creation_date is not None
    assert meta.creation_date.replace(tzinfo=None) == DATED
    assert meta.title == "湖北省专利开放许可（试点）汇总表" and meta.author == "武汉大学"


def test_fonts_are_embedded_subsets(long_pdf: bytes) -> None:
    fonts = font_entries(long_pdf)
    assert fonts
    for font in fonts:
        assert re.fullmatch(r"/[A-Z]{6}\+.+", str(font["/BaseFont"])), font["/BaseFont"]
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor


def test_a_missing_glyph_stops_before_writing(tmp_path: Path) -> None:
    bad = summary(row(1), row(2, title="一种\ue000方法", contact_name="李\ue001"))
    path = tmp_path / "汇总表.pdf"
    with pytest.raises(UnprintableText) as caught:
        write_summary_list_pdf(bad, path)
    assert not path.exists() and list(tmp_path.iterdir()) == []
    found = {(m.record, m.field, m.code) for m in caught.value.missing}
    assert found == {(number(2), "title", "U+E000"), (number(2), "contact.name", "U+E001")}
    header = summary(row(1), unit="武汉\ue002大学")
    [m] = [m for m in summary_list_texts(header) if "\ue002" in m[2]]
    assert m[:2] == (HEADER_RECORD, "name")


def test_an_empty_list_still_has_its_title_and_headings() -> None:
    [text] = pages(render_summary_list(SummaryList("", "", "", ())))
    flat = squash(text)
    assert flat.startswith("附件3湖北省专利开放许可（试点）汇总表单位名称（盖章）：")
    assert HEADING_ROW in flat
