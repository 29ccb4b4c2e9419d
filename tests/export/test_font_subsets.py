"""Font subsets are cut from the font's bytes without copying its glyph table."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontFile

from app.export.pdf import font_path, register_fonts


def test_the_glyph_table_reads_what_the_font_file_holds() -> None:
    face = pdfmetrics.getFont(register_fonts()).face
    table = face.get_table("glyf")
    plain = TTFontFile(str(font_path())).get_table("glyf")
    assert not isinstance(table, bytes)  # not a 12 MB copy
    assert len(table) == len(plain)
    for start, stop in ((0, 40), (1000, 1000), (len(plain) - 7, len(plain)), (5, 2)):
        assert table[start:stop] == plain[start:stop]
    with pytest.raises(TypeError):
        table[3]  # noqa: B018 - only slices are offered


def test_a_subset_is_the_one_reportlab_cuts_from_the_plain_font() -> None:
    face = pdfmetrics.getFont(register_fonts()).face
    codes = [ord(c) for c in "专利开放许可（试点）信息表ZL2018.3①☑"]
    assert face.makeSubset(codes) == TTFontFile(str(font_path())).makeSubset(codes)
