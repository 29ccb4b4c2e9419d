"""Shared test set-up: offscreen Qt, a private data folder per test, database fixtures."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt: without a display pytest-qt's qapp aborts the whole run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app.models.database import Database, open_database
from app.models.store import Store
from tests.pg_server import Server, server_for_tests, unavailable


@pytest.fixture(autouse=True)
def private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own data folder and settings: nothing touches the real user's."""
    data_dir = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("LICENCE_DESK_DATA_DIR", str(data_dir))
    monkeypatch.delenv("LICENCE_DESK_DB", raising=False)
    return data_dir


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "register.sqlite3"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture
def store(database: Database) -> Store:
    return Store(database)


# Both back ends (issue 16): SQLite files and a real PostgreSQL server (tests/pg_server.py) ----

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    """One PostgreSQL server per session; skipped with the reason (failed under CI=true) when
    there is none."""
    with server_for_tests() as server:
        if isinstance(server, str):
            unavailable(server)
        assert isinstance(server, Server)
        yield server


@pytest.fixture
def pg_url(pg_server: Server) -> str:
    """An empty, migrated database on the server (the session's, emptied): its URL. A test
    that changes more than the rows (the schema, the version) takes `pg_server.new_database()`.
    """
    return pg_server.emptied_database()


@pytest.fixture(params=BACKENDS)
def backend_location(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a register lives, once per back end: a new SQLite file, a new server database."""
    if request.param == "sqlite":
        return tmp_path / "register.sqlite3"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def backend_store(backend_location: Path | str) -> Iterator[Store]:
    database = open_database(backend_location)
    yield Store(database)
    database.close()
