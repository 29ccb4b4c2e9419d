"""How fast 50,000 patents come in from a JSON backup and from an Excel patent list (prints
figures; not a test).

    python benchmarks/imports.py [--patents 50000] [--runs 3] [--profile] [--only excel|json]

Each figure is timed against a floor measured in the same run on the same file:
  JSON:  floor = json.loads of the file; figure = `interchange.import_file` into a fresh
         database (read and check the file, merge in one transaction, check every record).
  Excel: floor = openpyxl read-only iteration of every cell; figure = the import preview
         plus `Store.import_patents` into a fresh database (one transaction).
Excel, also: our sheet reader alone (`read_table`), the part openpyxl's iteration did before.
Each figure is printed as wall time and CPU time of this process (`time.process_time`): on a
shared machine the wall time stretches with the load, the CPU time much less.
Target: each ≤ 10 s for 50,000 patents. Creating the fresh database (migrations) is timed
alone and left out. With --profile the top functions of one import of each kind are printed.
Peak RSS of this process is printed at the end.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

TARGET_S = 10.0


CPU: dict[str, list[float]] = {}


def timed(action: Callable[[], Any], cpu_key: str | None = None) -> float:
    started, started_cpu = time.perf_counter(), time.process_time()
    action()
    if cpu_key is not None:
        CPU.setdefault(cpu_key, []).append(time.process_time() - started_cpu)
    return time.perf_counter() - started


def profile(action: Callable[[], Any], top: int = 12) -> str:
    profiler = cProfile.Profile()
    profiler.runcall(action)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    return "\n".join("      " + line for line in lines[start:])


def main() -> int:
    from startup import generate_fields, machine  # the register generator of startup.py

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patents", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--only", choices=("excel", "json"))
    options = parser.parse_args()
    print(machine() + f"; {options.runs} runs each")

    from excel import HEADINGS, write_patent_list

    from app.export.excel.patent_list import preview_patent_list, read_table
    from app.interchange import build_document, dumps, import_file
    from app.models.database import open_database
    from app.models.patent_import import ColumnMapping, propose_mapping
    from app.models.store import OrganisationData, Store

    folder = Path(tempfile.mkdtemp(prefix="licence-desk-imports-"))
    backup = folder / "backup.json"
    fields = generate_fields(options.patents)
    backup.write_text(dumps(build_document(OrganisationData(name="某某大学"), fields)),
                      encoding="utf-8")
    listing = folder / "patents.xlsx"
    write_patent_list(listing, options.patents)
    mapping = ColumnMapping({k: HEADINGS[v] for k, v in propose_mapping(HEADINGS).items()})
    runs = iter(range(10_000))

    def fresh() -> Store:
        return Store(open_database(folder / f"register-{next(runs)}.sqlite3"))

    def json_import() -> None:
        store = fresh()
        result = import_file(store, backup)
        assert not result.problems and result.created == options.patents, result.problems
        store.database.close()

    def excel_import() -> None:
        store = fresh()
        preview = preview_patent_list(listing, mapping, existing_numbers=store.patent_numbers())
        outcome = store.import_patents(preview.rows)
        assert outcome.written and len(outcome.created) == options.patents
        store.database.close()

    def excel_floor() -> None:
        from openpyxl import load_workbook

        workbook = load_workbook(listing, read_only=True, data_only=True)
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            for _value in row:
                pass
        workbook.close()

    def excel_read() -> None:
        assert len(read_table(listing).rows) == options.patents + 2  # title and headings

    migrate = statistics.median(timed(lambda: fresh().database.close()) for _ in range(3))
    kinds = [k for k in ("json", "excel") if options.only in (None, k)]
    figures: dict[str, list[float]] = {}
    for _run in range(options.runs):
        if "json" in kinds:
            figures.setdefault("json floor", []).append(
                timed(lambda: json.loads(backup.read_text(encoding="utf-8")), "json floor"))
            figures.setdefault("json", []).append(timed(json_import, "json") - migrate)
        if "excel" in kinds:
            figures.setdefault("excel floor", []).append(timed(excel_floor, "excel floor"))
            figures.setdefault("excel read", []).append(timed(excel_read, "excel read"))
            figures.setdefault("excel", []).append(timed(excel_import, "excel") - migrate)
    med = {k: statistics.median(v) for k, v in figures.items()}
    cpu = {k: statistics.median(v) for k, v in CPU.items()}
    print(f"{options.patents:,} patents; creating a fresh database {migrate:.2f} s "
          "(left out of the figures)")
    for kind, label in (("json", "JSON backup (import_file)"),
                        ("excel", "Excel patent list (preview + import_patents)")):
        if kind not in kinds:
            continue
        ok = "OK" if med[kind] <= TARGET_S else "MISSED"
        print(f"  {label:<46} median {med[kind]:6.2f} s   runs "
              + " ".join(f"{v:.2f}" for v in figures[kind])
              + f"   floor {med[kind + ' floor']:.2f} s, ratio "
              f"{med[kind] / med[kind + ' floor']:.2f}   target ≤ {TARGET_S:.0f} s {ok}")
        print(f"  {'':<46} CPU    {cpu[kind]:6.2f} s   floor CPU {cpu[kind + ' floor']:.2f} s, "
              f"ratio {cpu[kind] / cpu[kind + ' floor']:.2f}   target ≤ {TARGET_S:.0f} s "
              + ("OK" if cpu[kind] <= TARGET_S else "MISSED"))
    if "excel" in kinds:
        print(f"  {'of which reading the sheet (read_table)':<46} median {med['excel read']:6.2f} s"
              f"   CPU {cpu['excel read']:.2f} s   against openpyxl's iteration (the floor): "
              f"wall ratio {med['excel read'] / med['excel floor']:.2f}, CPU ratio "
              f"{cpu['excel read'] / cpu['excel floor']:.2f}")
    if options.profile:
        for label, action in (("JSON", json_import), ("Excel", excel_import)):
            if label.lower() not in kinds:
                continue
            print(f"  top functions, one {label} import (cProfile, by own time):")
            print(profile(action))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process {peak:.0f} MB; load average at the end "
          + " / ".join(f"{v:.2f}" for v in __import__("os").getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
