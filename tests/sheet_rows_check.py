"""Every workbook a test reads is read twice: by our sheet reader and by openpyxl's read-only
iteration, row by row as the import consumes them; any difference fails the test.

Used by the autouse fixtures of tests/export and tests/hostile, so every workbook those tests
build (dates, 1904, serials out of range, formulas, merged cells, shared and inline strings,
a million empty rows …) checks the reader against openpyxl."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from app.export.excel import sheet_rows

_ours = sheet_rows.iter_sheet_values


def openpyxl_rows(worksheet: Any, max_col: int) -> Iterator[tuple[Any, ...]]:
    """What the import read before: openpyxl's own read-only iteration."""
    worksheet.reset_dimensions()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        yield from worksheet.iter_rows(min_row=1, max_col=max_col, values_only=True)


def compared(worksheet: Any, max_col: int) -> Iterator[tuple[Any, ...]]:
    theirs = openpyxl_rows(worksheet, max_col)
    number = 0
    try:
        for number, row in enumerate(_ours(worksheet, max_col), start=1):  # noqa: B007
            expected = next(theirs, "missing")
            assert row == expected, f"row {number}: {row!r} != openpyxl's {expected!r}"
            assert [type(v) for v in row] == [type(v) for v in expected], f"row {number}"
            yield row
    except AssertionError:
        raise
    except Exception:
        # Ours reads ahead a chunk at a time, so it may refuse a file a few rows before
        # openpyxl does; openpyxl must refuse it too.
        with pytest.raises(Exception):  # noqa: B017, PT011
            for _row in theirs:
                pass
        raise
    else:
        assert next(theirs, "end") == "end", f"openpyxl has rows after row {number}"


@pytest.fixture
def sheet_rows_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet_rows, "iter_sheet_values", compared)
