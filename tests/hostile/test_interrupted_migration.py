"""A first start killed while its new database is being made (issue 18 point 9; the kill
test once saw "table organisation already exists" on the next run).

Python's sqlite3 module committed every CREATE TABLE on its own, so a kill part-way left
half a schema without the migration stamp, and every later start failed. The migrations now
run in one transaction; a half-made schema without data, as older versions left it, is made
anew; one holding data is left alone and the message says where the copy is."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from app.models.database import SCHEMA_HEAD, DatabaseError, open_database
from app.models.store import Store

ROOT = Path(__file__).resolve().parents[2]

# Dies (as kill -9 would: no cleanup, no rollback by Python) at the 6th table made.
_DIE_MID_MIGRATION = """
import os, sys
from alembic.operations import Operations
made = [0]
real = Operations.create_table
def create_table(self, *args, **kwargs):
    made[0] += 1
    if made[0] == 6:
        os._exit(9)
    return real(self, *args, **kwargs)
Operations.create_table = create_table
from app.models.database import open_database
open_database(sys.argv[1])
"""


def _tables(db: Path) -> set[str]:
    with closing(sqlite3.connect(db)) as connection:
        return {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table'")}


def test_a_first_start_killed_during_the_migration_leaves_no_half_schema(
    tmp_path: Path,
) -> None:
    db = tmp_path / "register.sqlite3"
    died = subprocess.run([sys.executable, "-c", _DIE_MID_MIGRATION, str(db)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert died.returncode == 9, died.stderr
    assert _tables(db) == set(), "half a schema was committed"
    database = open_database(db)  # the next start makes the database
    try:
        assert Store(database).organisation() is not None
    finally:
        database.close()
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (SCHEMA_HEAD,)]
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _half_made(db: Path, *, row: bool) -> None:
    """What an older version left: some of the first migration's tables, and the stamp's
    table without a stamp."""
    with closing(sqlite3.connect(db)) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("CREATE TABLE organisation (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, "
                           "organisation_id INTEGER REFERENCES organisation(id))")
        if row:
            connection.execute("INSERT INTO organisation (name) VALUES ('河南大学')")
        connection.commit()


def test_a_half_made_schema_without_data_is_made_anew(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite3"
    _half_made(db, row=False)
    database = open_database(db)
    try:
        assert Store(database).organisation() is not None
    finally:
        database.close()
    assert "alembic_version" in _tables(db)


def test_a_half_made_schema_holding_data_is_left_alone_with_a_copy(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite3"
    _half_made(db, row=True)
    with pytest.raises(DatabaseError) as raised:
        open_database(db)
    assert raised.value.code == "db.migration_failed"
    backup = Path(raised.value.params["backup"])
    assert backup.is_file()
    with closing(sqlite3.connect(db)) as connection:  # untouched
        assert connection.execute("SELECT name FROM organisation").fetchall() == [("河南大学",)]


def test_empty_tables_not_made_by_a_migration_are_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite3"
    with closing(sqlite3.connect(db)) as connection:
        connection.execute("CREATE TABLE notes_of_another_program (x)")
        connection.commit()
    open_database(db).close()
    assert {"notes_of_another_program", "alembic_version", "patent"} <= _tables(db)
