"""Reading record versions and change stamps (issue 16): which version of a record an editor
holds, and whether a table changed since the last look. Apart from app.models.versions (the
claim every save makes) because it knows every versioned entity, which import the store.
"""

from __future__ import annotations

import datetime as dt
from array import array
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

# What an editor holds: the version it loaded, and who saved that version when -----------------

@dataclass(frozen=True)
class RecordVersion:
    """A record's version as stored: the number, who saved it (USER@COMPUTER) and when (UTC)."""

    version: int
    by: str
    at: dt.datetime | None

    def at_text(self) -> str:
        """When, in the computer's local time, to the minute ("" when not known)."""
        from app.models.versions import local_minute

        return local_minute(self.at)


def _kinds() -> dict[str, tuple[Any, Any]]:
    """kind → (entity, the column an editor knows its record by)."""
    from app.models.contracts import Contract
    from app.models.deals import Deal, SummaryBook
    from app.models.entities import Offer, Organisation, Patent
    from app.models.henan_application import HenanApplication
    from app.models.inventory import Screening
    from app.models.ops_centre_records import OpsCentreReport

    return {
        "patent": (Patent, Patent.id),
        "offer": (Offer, Offer.patent_id),  # the offer editor is opened on its patent
        "deal": (Deal, Deal.id),
        "summary_book": (SummaryBook, SummaryBook.period_end),
        "contract": (Contract, Contract.id),
        "ops_centre_report": (OpsCentreReport, OpsCentreReport.report_year),
        "henan_application": (HenanApplication, HenanApplication.plan_start_year),
        "screening": (Screening, Screening.patent_id),
        "organisation": (Organisation, Organisation.id),
    }


VERSIONED_KINDS = ("patent", "offer", "deal", "summary_book", "contract", "ops_centre_report",
                   "henan_application", "screening", "organisation")


def read_version(session: Session, kind: str, key: Any) -> RecordVersion | None:
    """The stored version of the `kind` record known by `key`; None when there is none."""
    entity, column = _kinds()[kind]
    row = session.execute(select(entity.version, entity.updated_by, entity.updated_at)
                          .where(column == key)).first()
    if row is None:
        return None
    return RecordVersion(int(row[0]), row[1] or "", row[2])


# Change stamps: has anything changed since the last look? --------------------------------------
# One query for every table a clerk edits, each reduced to (rows, highest id, highest
# updated_at, sum of versions): an insert or a delete moves the count or the highest id, every
# versioned save moves the sum, other updates move updated_at. No trigger, no extra table: the
# same on SQLite (another process on the same file) and on PostgreSQL.

STAMPED_TABLES = ("patent", "offer", "deal", "summary_book", "contract", "ops_centre_report",
                  "henan_application", "screening", "organisation")


def change_stamps(session: Session) -> dict[str, tuple[Any, ...]]:
    """table → its stamp (comparable with ==), in one round trip."""
    from sqlalchemy import func, literal, union_all

    kinds = _kinds()
    parts = []
    for table in STAMPED_TABLES:
        entity = kinds[table][0]
        parts.append(select(literal(table).label("name"), func.count().label("n"),
                            func.max(entity.id).label("top"),
                            func.max(entity.updated_at).label("at"),
                            func.coalesce(func.sum(entity.version), 0).label("versions")))
    rows = session.execute(union_all(*parts)).all()
    return {str(row[0]): (int(row[1]), row[2], str(row[3]), int(row[4])) for row in rows}


class RowMarks:
    """A mark of (version, updated_at) of every record of a kind, ascending by id, in two
    arrays of 64-bit integers: 50,000 patents' take 0.8 MB (9.5 MB as a dict of ints)."""

    __slots__ = ("ids", "marks")

    def __init__(self) -> None:
        self.ids = array("q")
        self.marks = array("q")

    def changes(self, after: RowMarks) -> tuple[list[int], list[int]]:
        """(ids added or saved since these marks, ids gone since), each ascending."""
        if self.ids == after.ids:  # no record added or removed: the usual case, compared in C
            return [i for i, a, b in zip(after.ids, self.marks, after.marks, strict=True)
                    if a != b], []
        before, before_marks, count = self.ids, self.marks, len(self.ids)
        changed: list[int] = []
        removed: list[int] = []
        i = 0
        for record, mark in zip(after.ids, after.marks, strict=True):
            while i < count and before[i] < record:
                removed.append(before[i])
                i += 1
            if i < count and before[i] == record:
                if before_marks[i] != mark:
                    changed.append(record)
                i += 1
            else:
                changed.append(record)
        removed.extend(before[i:])
        return changed, removed


def row_marks(session: Session, kind: str) -> RowMarks:
    """The marks of every record of `kind`: which records changed since an earlier look in
    this process (each mark a hash; read only when the table's stamp moved)."""
    table = _kinds()[kind][0].__table__.name
    # Straight through the driver's cursor, a slice at a time, the time as the driver gives it
    # (text on SQLite): only compared with itself. Through the ORM, 50,000 patents' rows, each
    # a Row holding a parsed datetime, took 22 MB at once beside the register and over a second.
    marks = RowMarks()
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(f"SELECT id, version, updated_at FROM {table} ORDER BY id")  # noqa: S608
        while part := cursor.fetchmany(5000):
            marks.ids.extend([row[0] for row in part])
            marks.marks.extend([hash((version, at)) for _, version, at in part])
    finally:
        cursor.close()
    return marks
