"""Numbers and names that must stay unique when several clerks save at the same moment.

A deal's 序号 is the highest one plus one, read and written in one transaction. Two clerks on
one server database (or two windows on one SQLite file) can read the same highest number; the
unique constraint lets only one of them write it, and the other's whole transaction is run
again, reading the new highest number. A batch name is chosen by the clerk, so a clash is not
retried: it becomes the finding "name taken" (`violates`).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError

log = logging.getLogger(__name__)

T = TypeVar("T")

ATTEMPTS = 20

# Constraint name (PostgreSQL's report) -> "table.column" (SQLite's "UNIQUE constraint failed").
DEAL_SERIAL = {"uq_deal_serial": "deal.serial"}
BATCH_NAME = {"uq_batch_name": "batch.name"}


def violates(exc: IntegrityError, constraint: dict[str, str]) -> bool:
    """Whether `exc` is the violation of one of the unique constraints in `constraint`."""
    diag = getattr(exc.orig, "diag", None)
    name = getattr(diag, "constraint_name", None)
    if name is not None:
        return name in constraint
    text = str(exc.orig)
    return any(f"UNIQUE constraint failed: {column}" in text for column in constraint.values())


def retrying_on_clash(work: Callable[[], T], constraint: dict[str, str]) -> T:
    """`work()` (one whole transaction), run again while it loses a race for a unique value."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return work()
        except IntegrityError as exc:
            if attempt == ATTEMPTS or not violates(exc, constraint):
                raise
            log.info("another clerk took the same %s; trying again (%d)",
                     next(iter(constraint.values())), attempt)
            time.sleep(random.uniform(0.0, 0.01 * attempt))
    raise AssertionError("unreachable")  # pragma: no cover
