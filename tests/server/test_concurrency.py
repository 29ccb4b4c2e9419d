"""Two clerks, two processes, one register allocating at the same moment: every deal gets a 序号
of its own and none is lost; a batch name taken by the other clerk is a finding, not a crash.

Runs on the PostgreSQL server and on a SQLite file shared by two processes (two windows on
one PC)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from app.models.database import open_database
from app.models.store import Store
from tests.server import clerk

CLERKS = 3
DEALS_EACH = 12


def run_clerks(target: object, args_of: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    context = multiprocessing.get_context("spawn")  # no pools or locks inherited by a fork
    barrier = context.Barrier(len(args_of))
    results = context.Queue()
    processes = [context.Process(target=target, args=(*args, barrier, results))  # type: ignore[arg-type]
                 for args in args_of]
    for process in processes:
        process.start()
    collected = [results.get(timeout=180) for _ in processes]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    return collected


def test_deal_numbers_allocated_at_the_same_moment_are_unique(
    backend_location: Path | str,
) -> None:
    open_database(backend_location).close()  # migrated before the clerks start
    location = str(backend_location)
    results = run_clerks(clerk.add_deals,
                         [(location, n, DEALS_EACH) for n in range(CLERKS)])
    assert [r[2] for r in results] == [""] * CLERKS, results
    database = open_database(backend_location)
    try:
        deals = Store(database).deals()
    finally:
        database.close()
    serials = [d.serial for d in deals]
    assert len(deals) == CLERKS * DEALS_EACH  # nothing lost
    assert sorted(serials) == list(range(1, CLERKS * DEALS_EACH + 1))  # no duplicate, no gap
    saved = {record_id for r in results for record_id in r[1]}  # type: ignore[attr-defined]
    assert saved == {d.id for d in deals}


def test_one_batch_name_taken_by_two_clerks_at_once(backend_location: Path | str) -> None:
    open_database(backend_location).close()
    results = run_clerks(clerk.create_batch,
                         [(str(backend_location), n, "2026 年第一批") for n in range(CLERKS)])
    assert [r[3] for r in results] == [""] * CLERKS, results
    assert sorted(r[1] for r in results) == [False] * (CLERKS - 1) + [True]
    assert all(r[2] == ["batch.name_taken"] for r in results if not r[1])
    database = open_database(backend_location)
    try:
        assert [b.name for b in Store(database).batches()] == ["2026 年第一批"]
    finally:
        database.close()
