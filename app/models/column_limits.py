"""Text columns' lengths and the rules' text limits as one thing (issue 16).

PostgreSQL enforces a VARCHAR(n) column's length where SQLite does not: a text the rules let
through but longer than its column would be a server error on the office server and silently
kept on SQLite. The schema (app.models.entities) is the one place where a column's length is
written; `column_limit` reads it from there, `text_limit` gives the rules the smaller of it and
the domain limit (app.models.ranges.TEXT_LIMITS), and `guard_column_lengths` makes every
session refuse, on both back ends alike, a text longer than its column with
`range.column_text` (words in app.messages) before anything is sent to the database: a rule
that forgot a field still never reaches the server's error.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import String, Text, event, inspect
from sqlalchemy.orm import Session

from app.models.ranges import TEXT_LIMITS


class ColumnTooLong(ValueError):
    """A text longer than its column; `code` and `params` as a finding's (app.messages)."""

    def __init__(self, table: str, column: str, length: int, limit: int) -> None:
        super().__init__(table, column, length, limit)
        self.code = "range.column_text"
        self.params = {"table": table, "column": column, "length": length, "limit": limit}


def column_limit(entity: Any, attribute: str) -> int | None:
    """The length of the mapped class's column behind `attribute`; None when unbounded."""
    column = inspect(entity).columns[attribute]
    kind = column.type
    if isinstance(kind, String) and not isinstance(kind, Text) and kind.length:
        return int(kind.length)
    return None


def text_limit(kind: str, entity: Any, attribute: str) -> int:
    """The longest text a rule lets through for a field of `kind` stored in that column."""
    column = column_limit(entity, attribute)
    domain = TEXT_LIMITS[kind]
    return domain if column is None else min(domain, column)


def bounded_columns(entity: Any) -> dict[str, int]:
    """attribute → length of every bounded text column of the mapped class."""
    return {attribute: limit for attribute, _name, limit in _bounded(entity)}


@functools.cache  # a class's columns do not change; the check below runs at every flush
def _bounded(entity: Any) -> tuple[tuple[str, str, int], ...]:
    """(attribute, column name, length) of every bounded text column of the mapped class."""
    columns = inspect(entity).columns
    return tuple((attribute, columns[attribute].name, limit) for attribute in columns.keys()
                 if (limit := column_limit(entity, attribute)) is not None)


def too_long(instance: Any) -> ColumnTooLong | None:
    """The first text of a record (new or changed) longer than its column, if any."""
    kind: Any = type(instance)
    for attribute, name, limit in _bounded(kind):
        value = getattr(instance, attribute, None)
        if isinstance(value, str) and len(value) > limit:
            return ColumnTooLong(inspect(kind).local_table.name, name, len(value),
                                 limit)
    return None


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for instance in (*session.new, *session.dirty):
        problem = too_long(instance)
        if problem is not None:
            raise problem


def guard_column_lengths(sessions: Any) -> None:
    """Check every flush of the sessions made by `sessions` (a sessionmaker)."""
    event.listen(sessions, "before_flush", _before_flush)
