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
