"""Building the workbooks and CSV files the import tests read (helpers; no tests here)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import openpyxl

from app.models.patent_number import check_character

SUMMARY_HEADINGS = (
    "序号", "专利号", "专利名称", "专利权人\n（全部）", "单次许可\n期限", "专利法律状态",
    "专利类型（发明\n/实用新型/\n外观设计）", "开放范围\n（全省/\nXX 市）", "联系人", "联系电话",
)


def number(serial: int, year: int = 2017, kind: str = "1") -> str:
    digits = f"{year}{kind}{serial:07d}"
    return f"{digits}.{check_character(digits)}"


def write_xlsx(
    path: Path,
    rows: Iterable[Sequence[Any]],
    *,
    merges: Sequence[str] = (),
    text_columns: Sequence[int] = (),
    sheet_title: str = "Sheet1",
    extra_sheets: Sequence[str] = (),
) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    for name in extra_sheets:
        workbook.create_sheet(name)
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = sheet.cell(r, c, value)
            if c in text_columns and isinstance(value, str):
                cell.data_type = "s"
    for area in merges:
        sheet.merge_cells(area)
    workbook.save(path)
    return path


def rewrite_member(path: Path, member: str, change: Callable[[str], str]) -> Path:
    """Edit one XML part of a workbook (what openpyxl cannot write: cached values, sizes)."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename == member:
                data = change(data.decode("utf-8")).encode("utf-8")
            target.writestr(info.filename, data)
    path.write_bytes(out.getvalue())
    return path


def summary_list_rows(*data: Sequence[Any], title_rows: bool = True) -> list[Sequence[Any]]:
    rows: list[Sequence[Any]] = []
    if title_rows:
        rows.append(["湖北省专利开放许可（试点）汇总表"])
        rows.append(["单位名称（盖章）：武汉大学  联系人:王老师  联系电话：027-68752222"])
    rows.append(SUMMARY_HEADINGS)
    rows.extend(data)
    return rows
