"""Concurrent clerks (issue 16): which version of a record an editor holds, whether anything
changed elsewhere since the last look, and merging an edit that a newer version refused.

The saves themselves take `expected_version` (Store.save_patent, save_offer, save_deal,
save_summary_book, save_organisation; the contract, application, ops-centre and screening
use cases); a refused save returns the finding record.changed_elsewhere and writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.models.merge import Comparison, Side
from app.models.merge import compare as compare_payloads
from app.models.record_stamps import (
    RecordVersion,
    RowMarks,
    change_stamps,
    read_version,
    row_marks,
)
from app.models.store import Store

__all__ = ["Comparison", "RecordVersion", "RowChanges", "RowMarks", "Side", "compare",
           "record_marks", "record_version", "resolve", "row_changes",
           "table_stamps"]


def record_version(store: Store, kind: str, key: Any) -> RecordVersion | None:
    """The stored version of a record (kind as in app.models.versions.VERSIONED_KINDS); None
    when the record does not exist (yet, or any more)."""
    if key is None:
        return None
    with store.session() as session:
        return read_version(session, kind, key)


def table_stamps(store: Store) -> dict[str, tuple[Any, ...]]:
    """One small query: a stamp per table a clerk edits; a stamp that differs from the last
    look means that table changed (here or elsewhere)."""
    with store.session() as session:
        return change_stamps(session)


@dataclass(frozen=True)
class RowChanges:
    """Which records of a table changed between two looks (`row_marks`)."""

    changed: tuple[int, ...]  # added or saved since
    removed: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.changed) + len(self.removed)


def record_marks(store: Store, kind: str) -> RowMarks:
    """A mark of (version, saved at) of every record of `kind` (kinds as in record_version),
    compared only with marks taken in this process."""
    with store.session() as session:
        return row_marks(session, kind)


def row_changes(before: RowMarks | None, after: RowMarks) -> RowChanges:
    """What changed from the `before` marks (None: no look yet, so everything) to `after`."""
    changed, removed = (before or RowMarks()).changes(after)
    return RowChanges(tuple(changed), tuple(removed))


def compare(base: Mapping[str, Any] | None, mine: Mapping[str, Any],
            theirs: Mapping[str, Any]) -> Comparison:
    """The fields where the clerk's edit and the stored record differ (app.models.merge)."""
    return compare_payloads(base, mine, theirs)


def resolve(comparison: Comparison, choice: str, picks: Mapping[str, Side] | None = None
            ) -> dict[str, Any]:
    """The payload the clerk chose: "theirs" (the stored record), "mine" (the clerk's changes
    over theirs) or "picked" (each differing field from the side picked for it)."""
    if choice == "theirs":
        return comparison.take_theirs()
    if choice == "mine":
        return comparison.keep_mine()
    if choice == "picked":
        return comparison.merged(picks)
    raise ValueError(f"unknown merge choice: {choice!r}")
