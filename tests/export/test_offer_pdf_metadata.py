"""The offer PDFs name their authors, the patentees who sign them (issue 17 point 16)."""

from __future__ import annotations

import io

import pypdf

from app.export.pdf.declaration import render_declaration
from app.export.pdf.information_sheet import render_information_sheet
from tests.export.test_information_sheet import DAY, OFFER, PATENT


def test_sheet_and_declaration_have_the_patentees_as_author() -> None:
    for render in (render_information_sheet, render_declaration):
        meta = pypdf.PdfReader(io.BytesIO(render(PATENT, OFFER, creation_date=DAY))).metadata
        assert meta is not None
        assert meta.author == "武汉大学、张三"
        assert meta.subject == "ZL201710601862.3"
