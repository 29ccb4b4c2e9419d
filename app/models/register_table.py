"""The patent register as plain tuples, read straight through the database driver.

Opening the window on 50,000 patents used to spend most of its time making Python objects:
SQLAlchemy's rows, then a `PatentFields` and three dates per patent. Here one SELECT per table
goes through the driver's own cursor (sqlite3 or psycopg) and each patent stays the tuple the
driver made, with its patentees appended: `RegisterRow` (app.ui.register_model) reads the
cells it shows from it and makes a `PatentFields` only when a record is opened or checked.

Dates stay ISO text ("2017-06-05"), as SQLite stores them; PostgreSQL's driver gives dates,
which are turned into the same text, so everything above sees one form. Text of that form sorts
as the dates do.

This module imports neither SQLAlchemy nor the rules, so it costs nothing before the first
paint; `fields_of` imports the rules when first called.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Sequence
from itertools import groupby
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.models.patent_rules import PatentFields

# A register row: the patent's columns in this order, then its patentees as a tuple.
ID, NUMBER, TITLE, FILING, GRANT, STATUS, KIND, COMPENSATION, OVERRIDE, NOTE, REMARKS, PLEDGED, \
    PATENTEES = range(13)
DATES = (FILING, GRANT, OVERRIDE)

RegisterTuple = tuple[Any, ...]

# Column names of the `patent` and `patentee` tables (app.models.entities); a test compares.
PATENT_COLUMNS = (
    "id", "number", "title", "filing_date", "grant_date", "legal_status", "kind",
    "term_compensation_days", "expiry_override", "expiry_override_note", "remarks", "pledged",
)
_PATENTS_SQL = f"SELECT {', '.join(PATENT_COLUMNS)} FROM patent"
_PATENTEES_SQL = "SELECT patent_id, name FROM patentee ORDER BY patent_id, position"


def read_register(cursor: Any) -> list[RegisterTuple]:
    """Every patent as a register tuple, ordered by number (as stored: normalised when valid),
    read with a DB-API `cursor` (sqlite3's or psycopg's).

    Reading in table order and sorting here is faster than ORDER BY number, which makes SQLite
    visit the table in the index's order."""
    first = operator.itemgetter(0)
    second = operator.itemgetter(1)
    cursor.execute(_PATENTEES_SQL)
    names = {
        patent_id: tuple(map(second, group))
        for patent_id, group in groupby(cursor.fetchall(), first)
    }
    cursor.execute(_PATENTS_SQL)
    none: tuple[str, ...] = ()
    rows: list[RegisterTuple] = []
    for part in _parts(cursor):
        rows += [(*row, names.get(row[0], none)) for row in part]
    del names
    if rows and not _dates_are_text(rows):
        rows = [_with_text_dates(row) for row in rows]
    rows.sort(key=second)
    return rows


def _parts(cursor: Any) -> Any:
    """The result in slices of a few thousand rows: not every raw row in memory at once."""
    while part := cursor.fetchmany(5000):
        yield part


def compact(row: RegisterTuple, shared: dict[Any, Any]) -> RegisterTuple:
    """`row` holding, for its dates, state and patentees, the equal objects already in
    `shared` (added there when new). The driver makes a new string for every value, and these
    repeat across thousands of patents: at 50,000 sharing them saves about 25 MB. Done by the
    background check after the paint, not while the window waits for its rows."""
    share = shared.setdefault
    filing, grant, status, names = row[FILING], row[GRANT], row[STATUS], row[PATENTEES]
    found = shared.get(names)
    if found is None:
        found = share(names, tuple(map(share, names, names)))
    return (*row[:FILING], share(filing, filing), share(grant, grant), share(status, status),
            *row[KIND:PATENTEES], found)


def _dates_are_text(rows: Sequence[RegisterTuple]) -> bool:
    for row in rows:
        for column in DATES:
            value = row[column]
            if value is not None:
                return isinstance(value, str)
    return True


def _with_text_dates(row: RegisterTuple) -> RegisterTuple:
    values = list(row)
    for column in DATES:
        values[column] = date_text(values[column])
    return tuple(values)


def date_text(value: str | dt.date | None) -> str | None:
    """A date column's value as the register keeps it: ISO text, or None."""
    if value is None or isinstance(value, str):
        return value or None
    return value.isoformat()


@functools.lru_cache(maxsize=8192)  # 50,000 patents share a few thousand dates
def day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def tuple_of(patent_id: int, fields: PatentFields) -> RegisterTuple:
    """The register tuple of `fields` (what the store would read back after saving them)."""
    return (
        patent_id, fields.number, fields.title, date_text(fields.filing_date),
        date_text(fields.grant_date), fields.legal_status, fields.entered_kind,
        fields.term_compensation_days, date_text(fields.expiry_override),
        fields.expiry_override_note, fields.remarks, bool(fields.pledged),
        tuple(fields.patentees),
    )


def fields_of(row: RegisterTuple) -> PatentFields:
    """The `PatentFields` of a register tuple (made when a record is opened or checked)."""
    return _fields_class()(
        number=row[NUMBER],
        title=row[TITLE],
        patentees=row[PATENTEES],
        filing_date=day(row[FILING]),
        grant_date=day(row[GRANT]),
        legal_status=row[STATUS],
        entered_kind=row[KIND],
        term_compensation_days=row[COMPENSATION],
        expiry_override=day(row[OVERRIDE]),
        expiry_override_note=row[NOTE],
        remarks=row[REMARKS],
        pledged=bool(row[PLEDGED]),
    )


@functools.cache
def _fields_class() -> type[PatentFields]:
    from app.models.patent_rules import PatentFields

    return PatentFields
