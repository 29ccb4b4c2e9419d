"""The change stamps a window looks at every 5 s (issue 16): one query over the tables a clerk
edits, on a large register, SQLite file and PostgreSQL over loopback (prints figures; not a
test).

    python benchmarks/change_stamps.py [--patents 10000 50000] [--runs 20] [--url URL]

For each size, N patents (a third with an information sheet, and 1,000 deals) go into a fresh
SQLite file and a fresh server database (a throwaway cluster on 127.0.0.1 unless --url names an
empty database: tests/pg_server.py). Then, median of --runs, each on the connection pool the
window uses:
  floor 1: `SELECT 1`, one round trip and nothing read;
  floor 2: `SELECT count(*) FROM patent`, the least any look over the whole table costs;
  stamps: app.usecases.versions.table_stamps, the look itself (nine tables, one query);
  version: record_version of one patent, what an open editor asks when its table moved.
Wall-clock and this process's CPU time are printed with the load average: the machine is shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402

from app.models.database import open_database  # noqa: E402
from app.models.deals import Deal  # noqa: E402
from app.models.entities import Offer, Patent  # noqa: E402
from app.models.patent_number import check_character  # noqa: E402
from app.models.store import Store  # noqa: E402
from app.usecases.versions import record_version, table_stamps  # noqa: E402


def fill(location: Path | str, count: int) -> None:
    """Rows straight through the driver (executemany): the look reads tables, not how rows
    came in, and the ORM fill would take minutes on the server."""
    now = dt.datetime(2026, 12, 4, 12, 0)
    patents = []
    for i in range(1, count + 1):
        digits = f"{2016 + i % 8}{'1112'[i % 4]}{i:07d}"
        patents.append({"id": i, "number": f"{digits}.{check_character(digits)}",
                        "title": f"一种测试方法 {i}", "legal_status": "valid",
                        "filing_date": dt.date(2016 + i % 8, 1 + i % 12, 1 + i % 28),
                        "expiry_override_note": "", "remarks": "", "inventors": "",
                        "pledged": False, "created_at": now, "updated_at": now,
                        "version": 1 + i % 3, "updated_by": "clerk@PC-1"})
    offers = [{"patent_id": i, "created_at": now, "updated_at": now}
              for i in range(1, count + 1, 3)]
    deals = [{"serial": n, "licensee": f"公司 {n}", "created_at": now, "updated_at": now}
             for n in range(1, 1001)]
    database = open_database(location)
    try:
        with database.engine.begin() as connection:
            connection.execute(insert(Patent.__table__), patents)
            connection.execute(insert(Offer.__table__), offers)
            connection.execute(insert(Deal.__table__), deals)
            if database.engine.dialect.name == "postgresql":
                connection.execute(text("ANALYZE"))
    finally:
        database.close()


def timed(runs: int, work: Callable[[], Any]) -> tuple[float, float]:
    """Median wall-clock and median CPU time (this process) of `runs` calls, after one warm-up."""
    work()
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def measure(name: str, location: Path | str, count: int, runs: int) -> dict[str, float]:
    fill(location, count)
    database = open_database(location)
    try:
        store = Store(database)

        def scalar(sql: str) -> Any:
            with store.session() as session:
                return session.execute(text(sql)).scalar()

        figures = {}
        for key, work in (("floor1", lambda: scalar("SELECT 1")),
                          ("floor2", lambda: scalar("SELECT count(*) FROM patent")),
                          ("stamps", lambda: table_stamps(store)),
                          ("version", lambda: record_version(store, "patent", count // 2))):
            figures[key], figures[key + "_cpu"] = timed(runs, work)
    finally:
        database.close()
    ms = {k: v * 1000 for k, v in figures.items()}
    print(f"{name:<11} {count:>6} patents  SELECT 1 {ms['floor1']:6.2f} ms   count(*) "
          f"{ms['floor2']:6.2f} ms   stamps {ms['stamps']:6.2f} ms (cpu {ms['stamps_cpu']:5.2f})"
          f" = {figures['stamps'] / figures['floor2']:.1f}× count(*)   one record's version "
          f"{ms['version']:5.2f} ms")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patents", type=int, nargs="+", default=[10000, 50000])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--url", help="an empty server database (one size only)")
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load average "
          + " / ".join(f"{v:.2f}" for v in os.getloadavg()))
    from tests.pg_server import throwaway_cluster

    with tempfile.TemporaryDirectory() as folder, throwaway_cluster() as cluster:
        for count in args.patents:
            measure("SQLite", Path(folder) / f"stamps{count}.sqlite3", count, args.runs)
            if args.url:
                measure("PostgreSQL", args.url, count, args.runs)
            elif isinstance(cluster, str):
                print(f"no PostgreSQL server: {cluster}")
            else:
                measure("PostgreSQL", cluster.new_database(), count, args.runs)
    print("load average at the end " + " / ".join(f"{v:.2f}" for v in os.getloadavg())
          + "; the window looks every 5 s while visible: stamps / 5 s is the share of one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
