"""The SQLite database: opening, pragmas, migrations with a backup first, version refusal."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.os_errors import reason_params

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# The newest migration. A database already there is opened without loading Alembic (a tenth
# of a second at every start); a test checks this equals the scripts' head.
SCHEMA_HEAD = "0007_merge_features"

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseError(Exception):
    """A database that cannot be opened; `code` and `params` go through the message table."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None  # the copy taken before the last migration, if any

    def session(self) -> Session:
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()


def _alembic_config(connection: Any = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revisions() -> set[str]:
    """The newest revision of every branch (features may add migrations side by side)."""
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(_alembic_config()).get_heads())


def head_revision() -> str:
    """The single head, once branches are merged; '+'-joined heads otherwise."""
    return "+".join(sorted(head_revisions()))


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(path: Path) -> Engine:
    # Background work (exports, imports, sending) runs on worker threads; the pool hands each
    # connection to one thread at a time, so SQLite's own same-thread check is not needed.
    engine = create_engine(
        f"sqlite:///{path}", future=True, connect_args={"check_same_thread": False}
    )
    event.listen(engine, "connect", _on_connect)
    return engine


def backup_copy(path: Path, revision: str | None) -> Path:
    """Copy the database aside with SQLite's backup API (consistent even with a WAL)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{revision or 'unversioned'}.{stamp}.bak")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{revision or 'unversioned'}.{stamp}-{n}.bak")
        n += 1
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def current_revisions(engine: Engine) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def _stamped_revisions(engine: Engine) -> set[str] | None:
    """The revisions recorded in the file, read with plain SQL; None when there is no table."""
    with engine.connect() as connection:
        exists = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first()
        if exists is None:
            return None
        rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    return {row[0] for row in rows}


def open_database(path: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if need be) and upgrade the database at `path`.

    A database already holding data is copied aside before any migration. A database written by
    a newer version of the application (a revision this version does not know) is refused.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError("db.folder_unwritable", path=str(path.parent),
                            **reason_params(exc)) from exc
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        try:
            with sqlite3.connect(path) as probe:
                probe.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as exc:
            raise DatabaseError("db.not_a_database", path=str(path), reason=str(exc)) from exc

    engine = make_engine(path)
    backup_path: Path | None = None
    try:
        if _stamped_revisions(engine) == {SCHEMA_HEAD}:
            return Database(path, engine, sessionmaker(engine, expire_on_commit=False))
        revisions = current_revisions(engine)
        unknown = revisions - known_revisions()
        if unknown:
            raise DatabaseError(
                "db.newer_version", path=str(path), revision="+".join(sorted(unknown))
            )
        if migrate and revisions != head_revisions():
            if existed and _has_tables(engine):
                engine.dispose()
                backup_path = backup_copy(path, "+".join(sorted(revisions)) or None)
                log.info("database copied to %s before migrating", backup_path)
            with engine.begin() as connection:
                from alembic import command

                command.upgrade(_alembic_config(connection), "heads")
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise DatabaseError(
            "db.migration_failed", path=str(path), **reason_params(exc),
            backup=str(backup_path or ""),
        ) from exc
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(path, engine, sessions, backup_path)


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type='table'"
        ).scalar_one()
    return bool(rows)
