"""How fast the Excel import and the summary-list export are (prints figures; not a test).

    python benchmarks/excel.py [--rows 10000] [--export-rows 1000]

Import: a generated patent list of --rows rows (valid numbers, Chinese titles and patentees,
dates as Excel dates) is timed three ways against the same file:
  (a) floor: openpyxl read-only iteration of every row and cell, nothing else;
  (b) our import preview (reading, heading row, mapping, numbers, dates, rules);
  (c) preview + writing everything into a fresh database in one transaction.
Target: (c) ≤ 5 s for 10,000 rows. Export: the summary-list workbook of --export-rows rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.models.patent_number import check_character  # noqa: E402

HEADINGS = ["序号", "专利号", "专利名称", "专利权人", "申请日", "授权公告日", "法律状态",
            "专利类型", "单次许可期限", "开放范围", "联系人", "联系电话"]
WORDS = ["一种", "基于", "深度学习的", "图像识别", "方法", "装置", "高压输电线路", "巡检",
         "无人机", "锂离子电池", "正极材料", "制备方法", "及其应用", "系统", "控制"]
UNITS = ["武汉大学", "华中科技大学", "武汉理工大学", "湖北大学", "华中农业大学",
         "湖北某某科技有限公司"]
PEOPLE = ["张三", "李四", "王五", "赵六", "钱七"]
KINDS = {"1": "发明", "2": "实用新型", "3": "外观设计"}


def patent_number(index: int, rng: random.Random) -> tuple[str, dt.date, str]:
    year = rng.randint(2016, 2023)
    kind = rng.choice("1112")
    digits = f"{year}{kind}{index:07d}"
    filed = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    return f"ZL{digits}.{check_character(digits)}", filed, KINDS[kind]


def write_patent_list(path: Path, rows: int, seed: int = 7) -> None:
    from openpyxl import Workbook

    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("专利清单")
    sheet.append(["某某大学专利清单"])
    sheet.append(HEADINGS)
    for i in range(1, rows + 1):
        number, filed, kind = patent_number(i, rng)
        title = "".join(rng.sample(WORDS, rng.randint(4, 8)))
        holders = "、".join([rng.choice(UNITS), *rng.sample(PEOPLE, rng.randint(0, 2))])
        granted = filed + dt.timedelta(days=rng.randint(300, 1200))
        sheet.append([i, number, title, holders, dt.datetime.combine(filed, dt.time()),
                      dt.datetime.combine(granted, dt.time()), "有效", kind, "3年", "全省",
                      "李老师", "027-68754321"])
    workbook.save(path)


def timed(action: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    best = float("inf")
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    return best, result


def floor(path: Path) -> int:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for row in workbook.worksheets[0].iter_rows(values_only=True):
        for _value in row:
            cells += 1
    workbook.close()
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--export-rows", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from app.export.excel.patent_list import preview_patent_list
    from app.models.database import open_database
    from app.models.patent_import import ColumnMapping, propose_mapping
    from app.models.store import Store

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "patents.xlsx"
        seconds, _ = timed(lambda: write_patent_list(path, args.rows))
        print(f"generated {args.rows} rows in {seconds:.2f} s ({path.stat().st_size >> 10} KB)")

        mapping = ColumnMapping(
            {k: HEADINGS[v] for k, v in propose_mapping(HEADINGS).items()}
        )
        floor_s, cells = timed(lambda: floor(path), args.repeat)
        preview_s, preview = timed(lambda: preview_patent_list(path, mapping), args.repeat)
        assert len(preview.rows) == args.rows and not preview.rows_with_errors, preview.findings

        def preview_and_write(run: list[int] = [0]) -> Any:  # noqa: B006 - a run counter
            run[0] += 1
            store = Store(open_database(Path(folder) / f"register-{run[0]}.sqlite3"))
            try:
                shown = preview_patent_list(path, mapping,
                                            existing_numbers=store.patent_numbers())
                outcome = store.import_patents(shown.rows)
                assert outcome.written and len(outcome.created) == args.rows
                return outcome
            finally:
                store.database.close()

        # Opening a fresh database (migrations) is part of neither figure: time it alone.
        migrate_s, _ = timed(lambda: open_database(Path(folder) / "m.sqlite3").close())
        import_s, _ = timed(preview_and_write, args.repeat)
        import_s -= migrate_s

        print(f"(a) floor: openpyxl read-only, {cells} cells      {floor_s:6.2f} s")
        print(f"(b) import preview                              {preview_s:6.2f} s"
              f"  ({preview_s / floor_s:.1f}× floor)")
        print(f"(c) preview + write into a fresh database       {import_s:6.2f} s"
              f"  ({import_s / floor_s:.1f}× floor; target ≤ 5 s)"
              f"  [+{migrate_s:.2f} s creating the database]")

    from app.export.excel.summary_list import write_summary_list
    from app.models.summary_list import SummaryList, SummaryRow

    rng = random.Random(11)
    rows = []
    for i in range(1, args.export_rows + 1):
        number, _filed, kind = patent_number(i, rng)
        rows.append(SummaryRow(
            i, number, "".join(rng.sample(WORDS, rng.randint(4, 8))),
            "、".join([rng.choice(UNITS), *rng.sample(PEOPLE, rng.randint(0, 2))]), "3年",
            "有效", kind, "全省", "李老师", "027-68754321"))
    summary = SummaryList("武汉大学", "王老师", "027-68752222", tuple(rows),
                          dt.datetime(2026, 9, 1))
    with tempfile.TemporaryDirectory() as folder:
        export_s, written = timed(
            lambda: write_summary_list(summary, Path(folder) / "汇总表.xlsx"), args.repeat)
        print(f"summary list export, {args.export_rows} rows              {export_s:6.2f} s"
              f"  ({written.size >> 10} KB)")


if __name__ == "__main__":
    main()
