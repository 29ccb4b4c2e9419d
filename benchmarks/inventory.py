"""How fast the stock-patent inventory is on a large portfolio (prints figures; not a test).

    python benchmarks/inventory.py [--patents 10000] [--repeat 5]

A register of --patents patents is generated (three types, 40 % screened convertible with field,
maturity, prospect and intentions, some in the five situations, 2 % licensed through deals).

Screening window (targets: filter ≤ 100 ms):
  floor: one Python pass testing a word against 10,000 short strings (what any text filter
         over these rows must at least do);
  typing a filter word, and switching the "show" choice, in the window's model with a view
  attached, each the median of --repeat runs.
Tables (target ≤ 2 s): reading the inventory from the database, computing both tables and
  writing both workbooks; floor: openpyxl writing the same number of plain cells, no styles.
  The two PDFs are timed too (no target; CPU time per listed row, which stays flat as the
  list grows now that it is laid out a page at a time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.models.patent_number import check_character  # noqa: E402

WORDS = ["一种", "基于", "深度学习的", "图像识别", "方法", "装置", "高压输电线路", "巡检",
         "无人机", "锂离子电池", "正极材料", "制备方法", "及其应用", "系统", "控制"]
PEOPLE = ["张三", "李四", "王五", "赵六", "钱七"]
PARTNERS = ["合肥某某科技有限公司", "安徽某某集团有限公司", "中国科学院某研究所"]


def median_time(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    seconds, _cpu, result = median_times(action, repeat)
    return seconds, result


def median_times(action: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median wall-clock and median CPU seconds of this process (the machine may be shared:
    the CPU time is what the work itself cost)."""
    times, cpu = [], []
    result = None
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = action()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(times), statistics.median(cpu), result


def load() -> str:
    one, five, _ = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return f"load {one:.2f}/{five:.2f}"


def build_register(folder: Path, count: int) -> Any:
    """The register, written with bulk inserts (the setup is not what is measured)."""
    from sqlalchemy import insert

    from app.models.database import open_database
    from app.models.deals import DealFields, Payment
    from app.models.entities import Patent, Patentee
    from app.models.inventory import Screening
    from app.models.store import OrganisationData, Store

    rng = random.Random(5)
    store = Store(open_database(folder / "register.sqlite3"))
    store.save_organisation(OrganisationData(name="安徽某某大学"))
    now = dt.datetime(2024, 3, 1)
    patents, holders_of = [], []
    for i in range(count):
        year = rng.randint(2008, 2023)
        digits = f"{year}{rng.choice('1112223')}{i:07d}"
        holders = ["安徽某某大学", *rng.sample(PEOPLE, rng.randint(0, 2))]
        if rng.random() < 0.1:
            holders.append(rng.choice(PARTNERS))
        filed = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        patents.append({
            "id": i + 1, "number": f"{digits}.{check_character(digits)}",
            "title": "".join(rng.sample(WORDS, rng.randint(4, 8))), "entered_kind": None,
            "filing_date": filed, "grant_date": filed + dt.timedelta(days=rng.randint(300, 1200)),
            "legal_status": "valid" if rng.random() < 0.9 else "lapsed",
            "term_compensation_days": None, "expiry_override": None,
            "expiry_override_note": "", "remarks": "", "pledged": False,
            "created_at": now, "updated_at": now})
        holders_of.append(holders)
    valid = [p["id"] for p in patents if p["legal_status"] == "valid"]
    chosen = rng.sample(valid, int(count * 0.4))
    taken = set(chosen)
    others = [i for i in valid if i not in taken]
    strategic = ["1.1", "1.5", "2.1", "3.1", "4.1", "6.3", "7.1", "9"]
    prospects = ("good", "fairly_good", "average", "poor")
    blank = {"intentions": "", "strategic_category": "", "economy_category": "", "ipc": "",
             "maturity": None, "prospect": "", "verdict": "", "licence": "", "transfer": "",
             "abandon": False, "dispute": False, "evaluator": "", "evaluated_on": None,
             "note": "", "updated_at": now}
    screenings = [{**blank, "patent_id": patent_id, "verdict": "yes", "intentions": "licence",
                   "strategic_category": strategic[n % len(strategic)],
                   "maturity": n % 9 + 1, "prospect": prospects[n % 4], "evaluator": "王五",
                   "evaluated_on": dt.date(2024, 2, 1)} for n, patent_id in enumerate(chosen)]
    screenings += [{**blank, "patent_id": i, "transfer": "planned"} for i in others[:300]]
    screenings += [{**blank, "patent_id": i, "abandon": True} for i in others[300:450]]
    with store.session() as session, session.begin():
        session.execute(insert(Patent), patents)
        session.execute(insert(Patentee), [
            {"patent_id": n + 1, "position": k, "name": name}
            for n, names in enumerate(holders_of) for k, name in enumerate(names)])
        session.execute(insert(Screening), screenings)
    numbers = {p["id"]: p["number"] for p in patents}
    for start in range(0, int(count * 0.02), 2):
        store.save_deal(DealFields(patents=(numbers[others[500 + start]],
                                            numbers[others[501 + start]]),
                                   licensee="合肥甲公司", licence_date=dt.date(2023, 5, 1),
                                   payment=Payment("free")))
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patents", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from openpyxl import Workbook
    from PySide6.QtWidgets import QApplication, QTableView

    from app.export.excel.inventory_tables import (
        write_classification_table,
        write_transfer_table,
    )
    from app.export.pdf.inventory_tables import (
        write_classification_table_pdf,
        write_transfer_table_pdf,
    )
    from app.ui.inventory_window import InventoryModel, Show
    from app.ui.register_model import fold
    from app.usecases import inventory

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        store = build_register(folder, args.patents)
        print(f"generated {args.patents} patents with screenings in "
              f"{time.perf_counter() - started:.1f} s")

        # The screening window's model --------------------------------------------------------
        load_s, rows = median_time(lambda: inventory.inventory_rows(store), args.repeat)
        model_s, model = median_time(lambda: InventoryModel(rows), 1)
        view = QTableView()
        view.setModel(model)
        view.resize(1200, 700)
        view.show()
        app.processEvents()
        texts = [fold(" ".join((r.number, r.title, *r.patentees))) for r in rows]
        floor_s, _ = median_time(lambda: [t for t in texts if "装置" in t], args.repeat * 4)

        def typed(word: str) -> Callable[[], int]:
            def run() -> int:
                model.set_filter(word, Show.ALL)
                app.processEvents()
                return model.rowCount()
            return run

        def shown(show: Show) -> Callable[[], int]:
            def run() -> int:
                model.set_filter("", show)
                app.processEvents()
                return model.rowCount()
            return run

        print(f"floor: one pass over {len(texts)} texts                 "
              f"{floor_s * 1000:7.1f} ms")
        print(f"reading the inventory (window opening)           {load_s * 1000:7.1f} ms")
        print(f"building the window's model                      {model_s * 1000:7.1f} ms")
        worst = 0.0
        for label, action in (("filter: type 装置", typed("装置")),
                              ("filter: type 2016 锂离子", typed("2016 锂离子")),
                              ("filter: clear", typed("")),
                              ("show: convertible", shown(Show.CONVERTIBLE)),
                              ("show: five situations", shown(Show.SITUATIONS)),
                              ("show: with problems", shown(Show.PROBLEMS)),
                              ("show: fee due within 90 days", shown(Show.FEE_DUE)),
                              ("show: all", shown(Show.ALL))):
            seconds, count = median_time(action, args.repeat)
            worst = max(worst, seconds)
            print(f"{label:<34} {count:6d} rows {seconds * 1000:7.1f} ms"
                  f"  ({seconds / floor_s:5.1f}× floor)")
        print(f"slowest filter {worst * 1000:.1f} ms (target ≤ 100 ms)")

        # The tables -----------------------------------------------------------------------------
        out = folder / "out"
        out.mkdir()

        def tables() -> Any:
            day = dt.date(2024, 3, 1)
            data = inventory.inventory_tables(store, today=day)
            write_transfer_table(data.transfer, out / "t.xlsx")
            write_classification_table(data.classification, out / "c.xlsx")
            return data

        tables_s, tables_cpu, data = median_times(tables, max(args.repeat // 2, 1))
        cells = (len(data.transfer.rows) * 14 + len(data.classification.details) * 13
                 + len(data.classification.by_strategic) * 17)

        def plain() -> None:
            workbook = Workbook()
            sheet = workbook.active
            for _ in range(cells // 13):
                sheet.append(["专利"] * 13)
            workbook.save(out / "plain.xlsx")

        plain_s, plain_cpu, _ = median_times(plain, max(args.repeat // 2, 1))
        print(f"floor: openpyxl, {cells} plain cells              {plain_s:7.2f} s"
              f"  (CPU {plain_cpu:.2f} s; {load()})")
        print(f"tables: read + compute + both workbooks          {tables_s:7.2f} s"
              f"  ({tables_s / plain_s:4.2f}× floor; target ≤ 2 s)"
              f"  (CPU {tables_cpu:.2f} s, {tables_cpu / plain_cpu:4.2f}× the floor's; {load()})"
              f"  [{len(data.transfer.rows)} listed, {data.classification.total} convertible]")
        # The PDFs: each list is laid out a page at a time, so time grows with its rows.
        for label, rows, write in (
                ("PDF 转化专利统计表", len(data.transfer.rows),
                 lambda: write_transfer_table_pdf(data.transfer, out / "t.pdf")),
                ("PDF 分类统计表", len(data.classification.details),
                 lambda: write_classification_table_pdf(data.classification, out / "c.pdf"))):
            pdf_s, pdf_cpu, _ = median_times(write, 1)
            print(f"{label} ({rows} rows)             {pdf_s:7.2f} s  (CPU {pdf_cpu:.2f} s, "
                  f"{pdf_cpu / max(rows, 1) * 1000:.2f} ms CPU a row; {load()})")
        due_s, due = median_time(lambda: inventory.due_report(store, 90), args.repeat)
        print(f"due --days 90 ({len(due.fees)} fees, {len(due.expiring)} expiring)"
              f"          {due_s * 1000:7.1f} ms")
        store.database.close()


if __name__ == "__main__":
    main()
