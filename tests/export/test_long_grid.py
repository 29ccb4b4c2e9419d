"""A LongGrid prints as the one long table did, page for page, and loses nothing."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from app.export.pdf import LANDSCAPE, Cell, form_grid, frame_width, kit_styles, para, render_pdf
from app.export.pdf.long_grid import LongGrid

DAY = dt.date(2024, 3, 1)


def _rows(count: int) -> list[list[Cell | str | None]]:
    s = kit_styles()
    rows: list[list[Cell | str | None]] = []
    for i in range(count):
        title = "一种基于深度学习的图像识别方法" * (1 + i % 4)
        rows.append([Cell(para(str(i + 1), s.cell)), Cell(para(title, s.cell)),
                     Cell(para(f"ZL2017106{i:05d}.3", s.cell))])
    return rows


def _head() -> list[list[Cell | str | None]]:
    s = kit_styles()
    return [[Cell(para("序号", s.label), rowspan=2, label=True),
             Cell(para("名称与专利号", s.label), colspan=2, label=True)],
            [Cell(para("名称", s.label), label=True), Cell(para("专利号", s.label), label=True)]]


WIDTHS = [frame_width(LANDSCAPE) * f for f in (0.1, 0.6, 0.3)]


def _pages(pdf: bytes, folder: Path, name: str) -> list[bytes]:
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(path), str(folder / name)], check=True)
    return [p.read_bytes() for p in sorted(folder.glob(f"{name}-*.pgm"))]


def test_the_pages_are_those_of_the_one_table(tmp_path: Path) -> None:
    s = kit_styles()
    one = render_pdf([para("标题", s.title),
                      form_grid([*_head(), *_rows(150)], WIDTHS, repeat_rows=2)],
                     title="t", creation_date=DAY, orientation=LANDSCAPE)
    long = render_pdf([para("标题", s.title), LongGrid(_head(), _rows(150), WIDTHS)],
                      title="t", creation_date=DAY, orientation=LANDSCAPE)
    pages = _pages(long, tmp_path, "long")
    assert len(pages) > 5
    assert pages == _pages(one, tmp_path, "one")


def test_a_row_taller_than_a_page_continues_and_every_page_has_the_headings(
        tmp_path: Path) -> None:
    s = kit_styles()
    rows = _rows(30)
    huge = "".join(f"第{i}段很长的说明文字。" for i in range(400))
    rows.insert(12, [Cell(para("13", s.cell)), Cell(para(huge, s.cell)), "ZL2017106.3"])
    pdf = render_pdf([LongGrid(_head(), rows, WIDTHS)], title="t", creation_date=DAY,
                     orientation=LANDSCAPE)
    path = tmp_path / "tall.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) >= 4
    assert all("名称与专利号" in page for page in pages)
    flat = "".join(text.split())
    assert "第0段很长的说明文字。" in flat and "第399段很长的说明文字。" in flat
    assert "ZL201710600029.3" in flat  # the last row, after the tall one
    subprocess.run(["qpdf", "--check", str(path)], check=True, capture_output=True)
