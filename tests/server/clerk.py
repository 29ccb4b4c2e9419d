"""A clerk in a process of its own (tests/server/test_concurrency.py): waits at the barrier with
the other clerks, then saves deals (or creates a batch) on the shared database."""

from __future__ import annotations

import datetime as dt
from typing import Any


def add_deals(location: str, clerk: int, count: int, barrier: Any, results: Any) -> None:
    from app.models.database import open_database
    from app.models.deals import DealFields, Payment
    from app.models.store import Store

    database = open_database(location)
    store = Store(database)
    saved: list[int | None] = []
    try:
        barrier.wait(timeout=60)
        for n in range(count):
            result = store.save_deal(DealFields(
                patents=("201710601862.3",), licensee=f"clerk {clerk} deal {n}",
                licence_date=dt.date(2023, 1, 1) + dt.timedelta(days=n), payment=Payment("free")))
            saved.append(result.record_id)
        results.put((clerk, saved, ""))
    except Exception as exc:  # reported to the test, which fails with it
        results.put((clerk, saved, f"{type(exc).__name__}: {exc}"))
    finally:
        database.close()


def create_batch(location: str, clerk: int, name: str, barrier: Any, results: Any) -> None:
    from app.models.database import open_database
    from app.models.store import Store

    database = open_database(location)
    try:
        barrier.wait(timeout=60)
        result = Store(database).create_batch(name, note=f"clerk {clerk}")
        results.put((clerk, result.batch is not None, [f.code for f in result.findings], ""))
    except Exception as exc:
        results.put((clerk, False, [], f"{type(exc).__name__}: {exc}"))
    finally:
        database.close()


def save_title(location: str, clerk: int, patent_id: int, barrier: Any, results: Any) -> None:
    from dataclasses import replace

    from app.models.database import open_database
    from app.models.store import Store

    database = open_database(location)
    try:
        store = Store(database)
        patent = store.patent(patent_id)
        assert patent is not None
        from app.models.patent_rules import PatentFields

        fields = replace(PatentFields.of(patent), title=f"clerk {clerk}")
        barrier.wait(timeout=60)
        result = store.save_patent(fields, patent_id, expected_version=patent.version)
        results.put((clerk, result.saved, [f.code for f in result.findings
                                           if f.code == "record.changed_elsewhere"], ""))
    except Exception as exc:
        results.put((clerk, False, [], f"{type(exc).__name__}: {exc}"))
    finally:
        database.close()
