"""The patent register as plain tuples, read straight through the database driver.

Opening the window on 50,000 patents used to spend most of its time making Python objects:
SQLAlchemy's rows, then a `PatentFields` and three dates per patent. Here one SELECT per table
goes through the driver's own cursor (sqlite3 or psycopg) and each patent stays the tuple the
driver made, with its patentees appended: `RegisterRow` (app.ui.register_model) reads the
cells it shows from it and makes a `PatentFields` only when a record is opened or checked.

Dates stay ISO text ("2017-06-05"), as SQLite stores them; PostgreSQL's driver gives dates,
which are turned into the same text, so everything above sees one form. Text of that form sorts
as the dates do.

This module imports neither SQLAlchemy, the rules nor datetime, so it costs nothing before the
first paint; `fields_of` imports the rules when first called.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Sequence
from itertools import groupby
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt

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
    import datetime  # not at the top: this module is imported before the first paint

    return datetime.date.fromisoformat(text) if text else None


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


class RegisterPreview:
    """The register of a SQLite file read with the standard library's sqlite3 alone, so the
    window can show its rows before SQLAlchemy is imported and the database opened (about
    half a second at start). `unchanged` then says whether the rows are still the file's:
    SQLite's data_version moves when any other connection, the opened store's included,
    commits to the file; if it moved, the window reads the register again from the store.
    """

    def __init__(self, table: list[RegisterTuple], connection: Any, version: Any,
                 path: str) -> None:
        self.table = table
        self.path = path
        self._connection = connection
        self._version = version

    @classmethod
    def read(cls, path: Any) -> RegisterPreview | None:
        """The preview of the SQLite file at `path`; None when there is nothing to show yet
        or the file cannot be read as a register (no file, a server URL, another schema,
        damage): opening the database says what is wrong."""
        import os
        import sqlite3
        from pathlib import Path

        text = os.fspath(path)
        if "://" in text or not os.path.isfile(text) or os.path.getsize(text) == 0:
            return None
        connection = None
        try:
            # Read-only: the preview never creates, locks for writing or changes the file.
            # as_uri: file:///C:/… on Windows, escapes as SQLite's URIs want them.
            connection = sqlite3.connect(Path(os.path.abspath(text)).as_uri() + "?mode=ro",
                                         uri=True, check_same_thread=False)
            cursor = connection.cursor()
            cursor.execute("BEGIN")  # one snapshot for both tables and the version
            version = cursor.execute("PRAGMA data_version").fetchone()
            table = read_register(cursor)
            cursor.execute("COMMIT")
            cursor.close()
        except (sqlite3.Error, OSError, ValueError):
            if connection is not None:
                connection.close()
            return None
        return cls(table, connection, version, os.path.abspath(text))

    def unchanged(self, path: Any) -> bool:
        """True when `path` is the file read and nothing has been committed to it since (the
        store opened on it included); closes the preview's connection either way."""
        import os
        import sqlite3

        try:
            if "://" in os.fspath(path) or os.path.abspath(os.fspath(path)) != self.path:
                return False
            version = self._connection.execute("PRAGMA data_version").fetchone()
            return bool(version == self._version)
        except (sqlite3.Error, OSError, ValueError):
            return False
        finally:
            self._connection.close()
