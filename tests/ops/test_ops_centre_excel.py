"""The ops-centre workbook: the notice's headings, computed figures as numbers, print set-up,
deterministic bytes."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import load_workbook

from app.export.excel.ops_centre import (
    FUNDING_SHEET,
    OPERATIONS_SHEET,
    PATENTS_SHEET,
    SME_SHEET,
    ops_centre_bytes,
)
from app.models.ops_centre import LICENCES, PATENT_OUTPUT, build_ops_centre
from tests.ops.sample import TODAY, UNIT, sample_deals, sample_fields, sample_register


def workbook_bytes() -> bytes:
    data = build_ops_centre(sample_fields(), UNIT, sample_deals(), sample_register(),
                            today=TODAY)
    return ops_centre_bytes(data)


def values(sheet) -> list[object]:  # type: ignore[no-untyped-def]
    return [c.value for row in sheet.iter_rows() for c in row if c.value is not None]


def test_tables_and_figures() -> None:
    raw = workbook_bytes()
    assert raw == workbook_bytes()
    book = load_workbook(io.BytesIO(raw))
    patents = values(book[PATENTS_SHEET])
    for _, heading, _ in PATENT_OUTPUT.columns:
        assert heading in patents
    assert "/" in patents and 1080 in patents
    operations = values(book[OPERATIONS_SHEET])
    for _, heading, _ in LICENCES.columns:
        assert heading in operations
    funding = values(book[FUNDING_SHEET])
    assert Decimal("115.6234") in funding or 115.6234 in funding
    assert "企业捐赠 5" in funding
    sme = values(book[SME_SHEET])
    assert "活动(工作)名称 1:专利开放许可路演" in sme
    sheet = book[OPERATIONS_SHEET]
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert "第 &P 页 共 &N 页" in sheet.oddFooter.center.text
