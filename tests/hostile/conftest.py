"""Every workbook these tests read is also read by openpyxl and the rows compared."""

from __future__ import annotations

import pytest

from tests.sheet_rows_check import sheet_rows_compared

__all__ = ["sheet_rows_compared"]


@pytest.fixture(autouse=True)
def _compare_sheet_rows(sheet_rows_compared: None) -> None:
    """Our sheet reader against openpyxl's, on every workbook read here."""
