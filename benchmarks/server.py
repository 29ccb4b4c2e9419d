"""Opening a large register on the office server against the same on a SQLite file (prints
figures; not a test).

    python benchmarks/server.py [--patents 10000] [--url postgresql://USER:PW@HOST:PORT/EMPTYDB]

Without --url a throwaway PostgreSQL cluster is started on 127.0.0.1 (as the tests do:
tests/pg_server.py; the distribution's `postgresql` package). The same --patents patents (with
patentees and an offer state each) go into a fresh SQLite file and a fresh server database; then,
timed, best of three:
  (a) floor: the driver alone reading every patent and patentee row (no ORM);
  (b) open: open_database + the register's rows as the window loads them
      (Store.patent_register() and offer_states());
  (c) filter: the register model's search over every row (done in memory, the same on both);
  (d) restore: a JSON file of the same patents with an information sheet each (half of them
      asked to be finalised) read into a fresh, empty register (Store.replace_all), wall and
      CPU time, once.
Targets: (b) ≤ 1.5 s and (c) ≤ 100 ms for 10,000 patents on the server over loopback; (d) a
few seconds (a round trip per record took 46 s).
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.models.database import open_database  # noqa: E402
from app.models.patent_number import check_character  # noqa: E402
from app.models.patent_rules import PatentFields  # noqa: E402
from app.models.store import Store  # noqa: E402

WORDS = ["一种", "基于", "深度学习的", "图像识别", "方法", "装置", "高压输电线路", "巡检",
         "无人机", "锂离子电池", "正极材料", "制备方法", "及其应用", "系统", "控制"]
UNITS = ["武汉大学", "华中科技大学", "武汉理工大学", "湖北大学", "华中农业大学"]


def patents(count: int, seed: int = 7) -> list[PatentFields]:
    rng = random.Random(seed)
    out = []
    for i in range(1, count + 1):
        year = rng.randint(2016, 2023)
        digits = f"{year}{rng.choice('1112')}{i:07d}"
        filed = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        out.append(PatentFields(
            number=f"{digits}.{check_character(digits)}",
            title="".join(rng.sample(WORDS, rng.randint(4, 8))),
            patentees=tuple(rng.sample(UNITS, rng.randint(1, 2))),
            filing_date=filed, grant_date=filed + dt.timedelta(days=rng.randint(300, 1200))))
    return out


def best_of(runs: int, work: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def floor(location: Path | str) -> None:
    database = open_database(location)
    try:
        with database.engine.connect() as connection:
            connection.exec_driver_sql("SELECT * FROM patent").all()
            connection.exec_driver_sql("SELECT * FROM patentee").all()
    finally:
        database.close()


def open_register(location: Path | str) -> list[tuple[int, PatentFields]]:
    database = open_database(location)
    try:
        store = Store(database)
        rows = store.patent_register()
        store.offer_states()
        return rows
    finally:
        database.close()


def search(rows: list[tuple[int, PatentFields]], needle: str) -> int:
    return sum(1 for _id, f in rows
               if needle in f"{f.number} {f.title} {' '.join(f.patentees)}".casefold())


def measure(name: str, location: Path | str, data: list[PatentFields]) -> dict[str, float]:
    database = open_database(location)
    start = time.perf_counter()
    Store(database).replace_all(None, data)
    filled = time.perf_counter() - start
    database.close()
    figures = {"fill": filled, "floor": best_of(3, lambda: floor(location)),
               "open": best_of(3, lambda: open_register(location))}
    rows = open_register(location)
    figures["filter"] = best_of(3, lambda: search(rows, "锂离子"))
    print(f"{name:<11} fill {filled:6.2f} s   floor {figures['floor']:6.3f} s   "
          f"open {figures['open']:6.3f} s ({figures['open'] / figures['floor']:.1f}× floor)   "
          f"filter {figures['filter'] * 1000:6.1f} ms")
    return figures


def restore(location: Path | str, source: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of reading the JSON file `source` into the empty register."""
    from app.interchange import import_file

    database = open_database(location)
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        result = import_file(Store(database), source)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        assert result.imported, result
    finally:
        database.close()
    return wall, cpu


def restore_file(folder: Path, data: list[PatentFields]) -> Path:
    """The JSON file of `data` with an information sheet each, exported from a SQLite file."""
    from app.interchange import export_file
    from tests.test_cli_book import OFFER

    database = open_database(folder / "source.sqlite3")
    try:
        store = Store(database)
        store.replace_all(None, data, [(p.number, OFFER, i % 2 == 0)
                                       for i, p in enumerate(data)])
        export_file(store, folder / "register.json")
    finally:
        database.close()
    return folder / "register.json"


def load() -> str:
    try:
        import os

        return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except (AttributeError, OSError):
        return "load average unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patents", type=int, default=10000)
    parser.add_argument("--url", help="an empty server database to fill (default: a throwaway "
                        "cluster)")
    parser.add_argument("--restore-url", help="a second empty server database, for the "
                        "restore (with --url)")
    args = parser.parse_args()
    data = patents(args.patents)
    with tempfile.TemporaryDirectory() as folder:
        lite = measure("SQLite", Path(folder) / "bench.sqlite3", data)
        source = restore_file(Path(folder), data)
        lite_restore = restore(Path(folder) / "restore.sqlite3", source)
        if args.url:
            server = measure("PostgreSQL", args.url, data)
            server_restore = restore(args.restore_url, source) if args.restore_url else None
        else:
            sys.path.insert(0, str(ROOT))
            from tests.pg_server import throwaway_cluster

            with throwaway_cluster() as cluster:
                if isinstance(cluster, str):
                    print(f"no PostgreSQL server: {cluster}")
                    return 1
                server = measure("PostgreSQL", cluster.new_database(), data)
                server_restore = restore(cluster.new_database(), source)
    print(f"restore of {args.patents} patents with their sheets (JSON): SQLite "
          f"{lite_restore[0]:.2f} s (CPU {lite_restore[1]:.2f} s)", end="")
    if server_restore is not None:
        print(f", PostgreSQL {server_restore[0]:.2f} s (CPU {server_restore[1]:.2f} s), "
              f"{server_restore[0] / lite_restore[0]:.2f}× SQLite", end="")
    print(f"; {load()}")
    print(f"server/SQLite: open {server['open'] / lite['open']:.2f}×, floor "
          f"{server['floor'] / lite['floor']:.2f}×; targets on the server: open ≤ 1.5 s "
          f"({'met' if server['open'] <= 1.5 else 'NOT met'}), filter ≤ 100 ms "
          f"({'met' if server['filter'] <= 0.1 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
