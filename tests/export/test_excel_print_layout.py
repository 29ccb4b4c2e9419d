"""The Excel tables as LibreOffice prints them: no heading clipped by its row (issue 17 point 11).

openpyxl cannot measure text, so the workbooks store row heights worked out from each heading's
wrapped lines; this checks the printed result. Each workbook is converted to PDF by LibreOffice
headless (with the bundled Chinese font standing in for 宋体, as on a clerk's Windows), every
word's box comes from `pdftotext -bbox`, the cell borders from the page rendered by `pdftoppm`:
a word crossed by a horizontal border runs out of its row. Runs where `soffice` is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.export.excel.deal_tables import write_book_tables, write_xinyang_tables
from app.export.excel.summary_list import write_summary_list
from app.paths import resource_path
from tests.export.test_deal_tables import data
from tests.export.test_summary_list_pdf import short_list

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("soffice", "pdftotext", "pdftoppm")),
    reason="LibreOffice or poppler-utils not installed")

DPI = 144
SCALE = DPI / 72
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                  r"([^<]*)</word>")


def _fontconfig(folder: Path) -> dict[str, str]:
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{resource_path('fonts')}</dir>\n"
        f"  <cachedir>{folder / 'cache'}</cachedir>\n"
        '  <alias binding="same"><family>宋体</family>'
        "<prefer><family>Noto Serif SC</family></prefer></alias>\n"
        "</fontconfig>\n", encoding="utf-8")
    return {"FONTCONFIG_FILE": str(conf)}


def print_with_libreoffice(xlsx: Path) -> Path:
    import os

    work = xlsx.parent
    env = {**os.environ, **_fontconfig(work), "HOME": str(work / "home")}
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), str(xlsx)],
        check=True, capture_output=True, env=env, timeout=180)
    pdf = xlsx.with_suffix(".pdf")
    assert pdf.is_file()
    return pdf


def _read_pgm(path: Path) -> tuple[int, int, bytes]:
    raw = path.read_bytes()
    parts = raw.split(maxsplit=4)
    width, height = int(parts[1]), int(parts[2])
    return width, height, parts[4][-width * height:]


def words_crossed_by_borders(pdf: Path, page: int = 1) -> list[str]:
    """The words on `page` that a horizontal border line runs through."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, errors="replace", check=True).stdout
    prefix = pdf.parent / f"page{page}"
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(prefix)], check=True)
    width, height, pixels = _read_pgm(prefix.with_suffix(".pgm"))

    def dark_row(y: int, x0: int, x1: int) -> bool:
        line = pixels[y * width + max(x0, 0): y * width + min(x1, width)]
        return len(line) > 0 and max(line) < 128

    crossed = []
    for x_min, y_min, x_max, y_max, text in WORD.findall(html):
        x0, x1 = int(float(x_min) * SCALE) - 2, int(float(x_max) * SCALE) + 2
        top, bottom = int(float(y_min) * SCALE) + 2, int(float(y_max) * SCALE) - 2
        if any(dark_row(y, x0, x1) for y in range(top, min(bottom, height))):
            crossed.append(text)
    return crossed


def test_the_check_sees_a_clipped_heading(tmp_path: Path) -> None:
    """The check itself: squeeze the heading rows and it must find the words cut."""
    import openpyxl

    path = tmp_path / "squeezed.xlsx"
    write_book_tables(data(), path)
    workbook = openpyxl.load_workbook(path)
    workbook.worksheets[0].row_dimensions[3].height = 15
    workbook.save(path)
    assert words_crossed_by_borders(print_with_libreoffice(path)) != []


@pytest.mark.parametrize("workbook", ["book", "xinyang", "summary_list"])
def test_no_heading_runs_out_of_its_row(workbook: str, tmp_path: Path) -> None:
    path = tmp_path / f"{workbook}.xlsx"
    if workbook == "book":
        write_book_tables(data(), path)
    elif workbook == "xinyang":
        write_xinyang_tables(data(), path, county="浉河区")
    else:
        write_summary_list(short_list(), path)
    pdf = print_with_libreoffice(path)
    assert words_crossed_by_borders(pdf) == []
