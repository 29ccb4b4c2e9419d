"""The SQLite database: opening, pragmas, migrations with a backup first, version refusal."""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import sqlite3
import sys
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
SCHEMA_HEAD = "0010_merge_clerks"

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
    # Why the file was opened read-only (a read-only drive, no write permission); "" if not.
    read_only_reason: str = ""
    server: str | None = None  # USER@HOST:PORT/NAME of an office server database (no password)
    # Files an older version kept in the data folder that could not be moved into the database
    # on upgrade (missing, altered): warnings for the clerk (app.models.stored_files).
    file_report: tuple[Any, ...] = ()

    @property
    def is_server(self) -> bool:
        return self.server is not None

    def __post_init__(self) -> None:
        from app.models.column_limits import guard_column_lengths

        guard_column_lengths(self.sessions)  # a text longer than its column: same on both

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


def _upgrade(path: Path) -> tuple[Any, ...]:
    """Run the migrations to the head in one transaction, so that a process killed part-way
    (or a migration that fails) leaves the database as it was, never half a schema.

    Python's sqlite3 module runs CREATE, DROP and ALTER outside any transaction of its own
    (each is committed at once); on this connection the module begins nothing itself and
    every transaction is an explicit BEGIN, which SQLite's DDL honours. A database left with
    half a schema and no data by an older version is cleared first (`_clear_half_made`).
    A register from before files in the database has its data-folder files moved in within
    the same transaction; what could not be moved is returned for the clerk.
    """
    from alembic import command

    engine = make_engine(path)
    event.listen(engine, "connect", _no_implicit_transactions)
    event.listen(engine, "begin", _explicit_begin)
    try:
        _clear_half_made(engine)
        with engine.begin() as connection:
            absorb = _before_stored_files(connection)
            command.upgrade(_alembic_config(connection), "heads")
            return _absorb_files(connection) if absorb else ()
    finally:
        engine.dispose()


def _no_implicit_transactions(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None


def _explicit_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _clear_half_made(engine: Engine) -> None:
    """A database whose migration stamp's table is empty and which holds not one row is
    what a first start killed during its migration left before migrations ran in one
    transaction (issue 18): its tables are dropped, so the migration makes them anew. One
    holding any row, or without the stamp's table (not made by a migration), is left alone
    (the upgrade then fails with a message naming the copy taken before it)."""
    with engine.begin() as connection:
        names = [row[0] for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        if "alembic_version" not in names:
            return
        for name in names:
            quoted = '"' + name.replace('"', '""') + '"'
            if connection.exec_driver_sql(f"SELECT 1 FROM {quoted} LIMIT 1").first():
                return
        log.warning("clearing the half-made schema of an interrupted first start: %s",
                    ", ".join(sorted(names)))
        connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        for name in names:
            connection.exec_driver_sql('DROP TABLE IF EXISTS "' + name.replace('"', '""') + '"')


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
    A `postgresql://` URL opens an office server database instead (app.models.server).
    """
    from app.paths import is_server_url

    if is_server_url(path):
        return _open_server(str(path), migrate=migrate)
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError("db.folder_unwritable", path=str(path.parent),
                            **reason_params(exc)) from exc
    existed = path.exists() and path.stat().st_size > 0
    read_only = _read_only_reason(path) if existed else ""
    if read_only:
        return _open_read_only(path, read_only)
    if existed:
        try:
            with sqlite3.connect(path) as probe:
                probe.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as exc:
            raise DatabaseError("db.not_a_database", path=str(path), reason=str(exc)) from exc

    engine = make_engine(path)
    backup_path: Path | None = None
    file_report: tuple[Any, ...] = ()
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
            file_report = _upgrade(path)
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        code, params = database_failure(exc, path)
        if code == "db.failed" and backup_path is not None:
            code, params = "db.migration_failed", {**params, "backup": str(backup_path)}
        raise DatabaseError(code, **params) from exc
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(path, engine, sessions, backup_path, file_report=file_report)


def _before_stored_files(connection: Any) -> bool:
    """Whether the database predates files in the database (0009_stored_files) but has a
    register to move files from."""
    from sqlalchemy import inspect

    tables = set(inspect(connection).get_table_names())
    return "deal_file" in tables and "stored_file" not in tables


def _absorb_files(connection: Any) -> tuple[Any, ...]:
    from app.models.stored_files import absorb_data_folder
    from app.paths import user_data_dir

    return tuple(absorb_data_folder(connection, user_data_dir()))


# SQLite's words for the conditions a clerk can act on (sqlite3 gives no finer codes on 3.11).
_DAMAGED = ("malformed", "not a database", "could not decode", "file is encrypted",
            "database corrupt")
_FULL = ("database or disk is full", "disk i/o error")
_READ_ONLY = ("readonly database", "read-only", "unable to open database file")


def database_failure(exc: BaseException, path: Path | str | None = None
                     ) -> tuple[str, dict[str, Any]]:
    """The message code and parameters for a database that failed while opened or used: its
    own words (SQLite's, never SQLAlchemy's wrapper with its URL), classified as damaged, disk
    full or read-only where SQLite says so; "db.failed" otherwise."""
    root: BaseException = getattr(exc, "orig", None) or exc
    text = str(root).strip().splitlines()[0] if str(root).strip() else type(root).__name__
    lowered = text.lower()
    params: dict[str, Any] = {"path": str(path or ""), **reason_params(root, text)}
    errno_value = getattr(root, "errno", None)
    if errno_value == errno.ENOSPC or any(w in lowered for w in _FULL):
        return "db.disk_full", params
    if any(w in lowered for w in _DAMAGED):
        return "db.not_a_database", params
    if errno_value in (errno.EROFS, errno.EACCES, errno.EPERM) or any(
            w in lowered for w in _READ_ONLY):
        return "db.read_only", params
    return "db.failed", params


def _read_only_reason(path: Path) -> str:
    """Why `path` (or its folder, where SQLite keeps its journal) cannot be written; "".

    Asked without opening the file: on POSIX, closing any descriptor of the database
    releases every lock this process holds on it, so opening a register this process already
    has open would let another program remove the write-ahead log under its open connection
    (SQLite's "How To Corrupt An SQLite Database File", 2.2; issue 18).
    """
    if sys.platform == "win32":  # locks belong to handles there: opening is safe, and exact
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                return exc.strerror or str(exc)
            return ""
        os.close(fd)
    else:
        try:
            read_only_media = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
        except OSError:
            read_only_media = False
        if read_only_media:
            return os.strerror(errno.EROFS)
        if not os.access(path, os.W_OK):
            return os.strerror(errno.EACCES)
    if not os.access(path.parent, os.W_OK):
        return os.strerror(errno.EACCES)
    return ""


def _open_read_only(path: Path, reason: str) -> Database:
    """A good database on read-only media, opened for reading (export, validate, render to
    another drive); saving fails with db.read_only. One of an older schema cannot be
    upgraded there: refused with the same message."""
    def connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA query_only=ON")
        cursor.close()

    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true", future=True,
                           connect_args={"check_same_thread": False})
    event.listen(engine, "connect", connect)
    try:
        stamped = _stamped_revisions(engine)
    except Exception as exc:
        engine.dispose()
        code, params = database_failure(exc, path)
        raise DatabaseError("db.not_a_database" if code == "db.failed" else code,
                            **params) from exc
    if stamped != {SCHEMA_HEAD}:
        engine.dispose()
        unknown = (stamped or set()) - known_revisions()
        if unknown:
            raise DatabaseError("db.newer_version", path=str(path),
                                revision="+".join(sorted(unknown)))
        raise DatabaseError("db.read_only", path=str(path), reason=reason)
    log.info("database %s opened read-only: %s", path, reason)
    return Database(path, engine, sessionmaker(engine, expire_on_commit=False),
                    read_only_reason=reason)


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type='table'"
        ).scalar_one()
    return bool(rows)


def _open_server(address: str, *, migrate: bool) -> Database:
    """As open_database, on an office server (PostgreSQL, app.models.server).

    The migrations run in one transaction (PostgreSQL's DDL is transactional: a failed upgrade
    leaves the database as it was) under an advisory lock, so two PCs starting a new version
    at once upgrade it once. A database upgraded by a newer version is refused, unchanged.
    """
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from app.models import server

    file_report: tuple[Any, ...] = ()
    backup_path: Path | None = None
    try:
        url = server.parse(address)
        where = server.label(url)
        engine = server.make_server_engine(url)
    except server.ServerError as exc:
        raise DatabaseError(exc.code, **exc.params) from None
    try:
        try:
            connection = engine.connect()
        except DBAPIError as exc:
            log.warning("cannot connect to %s: %s", where, server.first_line(str(exc.orig)))
            raise server.connection_error(exc, url) from None
        with connection:
            stamped = server.stamped_revisions(connection)
        if stamped != {SCHEMA_HEAD}:
            revisions = stamped or set()
            unknown = revisions - known_revisions()
            if unknown:
                raise DatabaseError("db.newer_version", path=where,
                                    revision="+".join(sorted(unknown)))
            if migrate and revisions != head_revisions():
                with engine.begin() as connection:
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                       {"key": server.MIGRATION_LOCK_KEY})
                    # Another copy may have upgraded while this one waited for the lock.
                    now = server.stamped_revisions(connection) or set()
                    unknown = now - known_revisions()
                    if unknown:
                        raise DatabaseError("db.newer_version", path=where,
                                            revision="+".join(sorted(unknown)))
                    if now and now != head_revisions():  # a register to copy first
                        backup_path = _server_snapshot(connection, where, now)
                    from alembic import command

                    absorb = _before_stored_files(connection)
                    command.upgrade(_alembic_config(connection), "heads")
                    file_report = _absorb_files(connection) if absorb else ()
                log.info("server database %s upgraded from %s", where,
                         "+".join(sorted(revisions)) or "empty")
    except DatabaseError:
        engine.dispose()
        raise
    except server.ServerError as exc:
        engine.dispose()
        raise DatabaseError(exc.code, **exc.params) from None
    except Exception as exc:
        engine.dispose()
        failure = server.upgrade_failure(exc, where, url)
        raise DatabaseError(failure.code, **failure.params) from exc
    return Database(Path(), engine, sessionmaker(engine, expire_on_commit=False), backup_path,
                    server=where, file_report=file_report)


def _server_snapshot(connection: Any, where: str, revisions: set[str]) -> Path:
    """Copy the server database into the user data folder's backups/ before upgrading it
    (app.models.server_backup); a copy that cannot be written stops the upgrade."""
    from app.models.server_backup import write_snapshot
    from app.paths import user_data_dir

    folder = user_data_dir() / "backups"
    try:
        path = write_snapshot(connection, folder, where, "+".join(sorted(revisions)))
    except Exception as exc:
        log.warning("no copy of %s before upgrading: %s", where, exc)
        raise DatabaseError("db.server_backup_failed", path=where, folder=str(folder),
                            **reason_params(exc)) from exc
    log.info("server database %s copied to %s before upgrading", where, path)
    return path
