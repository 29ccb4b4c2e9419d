"""The office server: a PostgreSQL database given as a URL instead of a file path.

`--db postgresql://clerk@db.example.edu.cn:5432/licence_desk?sslmode=verify-full` (or the same
in LICENCE_DESK_DB) opens the shared register through psycopg 3. The password is never part of
the settings: it comes from LICENCE_DESK_DB_PASSWORD, else from the URL itself (scripts,
tests), else from the system keyring (service "licence-desk", user
"database:USER@HOST:PORT/NAME", as the mail authorisation code).
Nothing this module says or logs contains the password: `label()` is what is shown.

Connection failures become `ServerError`s (raised on as DatabaseErrors) with a code per cause
(wrong password, server unreachable, database missing, certificate not trusted, ...), words in
app.messages. This module never imports app.models.database (which opens servers through it).
"""

from __future__ import annotations

import logging
import os
from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url

from app.paths import is_server_url

__all__ = ["ServerError", "is_server_url", "label", "parse"]


class ServerError(Exception):
    """Why a server database cannot be used; app.models.database raises it as a DatabaseError
    (same `code` and `params`, words in app.messages)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

log = logging.getLogger(__name__)

PASSWORD_ENV_VAR = "LICENCE_DESK_DB_PASSWORD"
KEYRING_SERVICE = "licence-desk"  # the same service as the mail authorisation code
DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
CONNECT_TIMEOUT_SECONDS = 10
# Two copies of the application upgrading one server database at once: the second waits for
# the first (a transaction-scoped advisory lock), then finds nothing left to do.
MIGRATION_LOCK_KEY = 0x4C44_4D49  # "LDMI"

def parse(text: str) -> URL:
    """The SQLAlchemy URL (psycopg driver) for a `postgresql://` address; ServerError if the
    address cannot be read. The password, when the URL carries one, is kept but never shown."""
    try:
        url = make_url(text.strip())
    except Exception as exc:  # ArgumentError, ValueError (a bad port)
        raise ServerError("db.server_bad_address", address=_without_password(text)) from exc
    if not url.host or not url.database:
        raise ServerError("db.server_bad_address", address=_without_password(text))
    return url.set(drivername=DRIVER)


def label(url: URL) -> str:
    """USER@HOST:PORT/NAME: how the server database is named in messages and logs."""
    user = f"{url.username}@" if url.username else ""
    return f"{user}{url.host}:{url.port or DEFAULT_PORT}/{url.database}"


def keyring_user(url: URL) -> str:
    return f"database:{url.username or ''}@{url.host}:{url.port or DEFAULT_PORT}/{url.database}"


def password_for(url: URL) -> str | None:
    """LICENCE_DESK_DB_PASSWORD, else a password written in the address itself (scripts,
    tests), else the keyring's entry for this user, server and database."""
    env = os.environ.get(PASSWORD_ENV_VAR)
    if env:
        return env
    if isinstance(url.password, str) and url.password:
        return url.password
    try:
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, keyring_user(url))
    except Exception as exc:  # no usable keyring backend (headless Linux, locked keychain)
        log.info("no keyring for the database password: %s", type(exc).__name__)
        return None
    return stored or None


def store_password(url: URL, password: str) -> None:
    """Keep the password in the system keyring; ServerError when there is no usable one."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, keyring_user(url), password)
    except Exception as exc:  # no backend, locked keychain, D-Bus trouble
        raise ServerError("db.server_no_keyring", reason=first_line(str(exc)) or
                            type(exc).__name__, variable=PASSWORD_ENV_VAR) from None
    log.info("database password stored in the keyring for %s", keyring_user(url))


def check_password(url: URL, password: str) -> None:
    """Connect once with `password` (and nothing else); DatabaseError saying why not."""
    from sqlalchemy.exc import DBAPIError

    engine = create_engine(url.set(password=password),
                           connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS})
    try:
        with engine.connect():
            pass
    except DBAPIError as exc:
        raise connection_error(exc, url) from None
    finally:
        engine.dispose()


def make_server_engine(url: URL) -> Engine:
    password = password_for(url)
    url = url.set(password=password) if password else url._replace(password=None)
    return create_engine(
        url,
        pool_pre_ping=True,  # a server restarted overnight: reconnect instead of failing once
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS,
                      "application_name": "licence-desk"},
    )


def connection_error(exc: BaseException, url: URL) -> ServerError:
    """The ServerError explaining why connecting to the server failed."""
    original = getattr(exc, "orig", None) or exc
    sqlstate = getattr(original, "sqlstate", None)
    text = str(original)
    lowered = text.lower()
    where = {"server": f"{url.host}:{url.port or DEFAULT_PORT}", "database": url.database or "",
             "user": url.username or ""}
    if sqlstate == "28P01" or "password authentication failed" in lowered:
        return ServerError("db.server_wrong_password", **where)
    if "no password supplied" in lowered:
        return ServerError("db.server_password_missing", **where,
                             variable=PASSWORD_ENV_VAR)
    if sqlstate == "3D000" or ("database" in lowered and "does not exist" in lowered):
        return ServerError("db.server_database_missing", **where)
    if sqlstate == "28000":  # no pg_hba.conf entry, role missing under trust/peer
        return ServerError("db.server_access_denied", **where, reason=first_line(text))
    if "certificate" in lowered or "ssl error" in lowered and "verify" in lowered:
        return ServerError("db.server_certificate", **where, reason=first_line(text))
    if "ssl" in lowered and ("not support" in lowered or "was required" in lowered):
        return ServerError("db.server_no_tls", **where)
    if any(s in lowered for s in ("connection refused", "could not translate host name",
                                  "timeout expired", "no route to host", "network is unreachable",
                                  "name or service not known", "could not connect")):
        return ServerError("db.server_unreachable", **where)
    return ServerError("db.server_failed", **where, reason=first_line(text))


def first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # libpq: 'connection to server at "h" (1.2.3.4), port 5432 failed: FATAL:  the reason'
    return lines[0].rpartition("failed: ")[2] if lines else ""


def _without_password(text: str) -> str:
    scheme, sep, rest = text.partition("://")
    if not sep:
        return text
    userinfo, at, host = rest.rpartition("@")
    if not at:
        return text
    return f"{scheme}://{userinfo.partition(':')[0]}@{host}"


def stamped_revisions(connection: Any) -> set[str] | None:
    """The revisions in alembic_version, read with plain SQL; None when there is no table."""
    from sqlalchemy import text

    exists = connection.execute(text("SELECT to_regclass('alembic_version')")).scalar()
    if exists is None:
        return None
    return {row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))}


def upgrade_failure(exc: BaseException, where: str, url: URL) -> ServerError:
    """Why upgrading the server database failed: no right to change the tables (a clerk's
    role), or the server's own reason."""
    if getattr(getattr(exc, "orig", None), "sqlstate", None) == "42501":
        return ServerError("db.server_upgrade_needs_owner", path=where, user=url.username or "")
    return ServerError("db.server_migration_failed", path=where, reason=first_line(str(exc)))
