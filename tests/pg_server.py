"""A real PostgreSQL server for the tests: LICENCE_DESK_TEST_PG_URL, or a throwaway cluster.

With LICENCE_DESK_TEST_PG_URL (postgresql://USER:PASSWORD@HOST:PORT/DB, a role allowed to
CREATE DATABASE) the tests use that server. Otherwise they start a cluster of their own with
the distribution's PostgreSQL binaries (Debian: /usr/lib/postgresql/NN/bin, package
`postgresql`) in a temporary folder: listening on 127.0.0.1 on a free port, its socket in the
same folder, password authentication over TCP. Run as root, the cluster belongs to the
`postgres` user (PostgreSQL refuses to run as root). One cluster per test session; it is
stopped and deleted at the end.

When neither is possible the server tests are skipped with the reason, except under CI=true,
where they fail: CI must never pass without having run them.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import URL, make_url

URL_ENV_VAR = "LICENCE_DESK_TEST_PG_URL"
PASSWORD = "ld-test-Passw0rd"  # the throwaway cluster's superuser password
TEMPLATE = "ld_template"
_counter = itertools.count(1)


@dataclass
class Server:
    """An administrative URL (a role that may create databases) and a migrated template."""

    admin: URL
    template_ready: bool = False
    shared: str = ""
    folder: Path | None = None  # the throwaway cluster's folder (None: a server given by URL)
    owner: tuple[int, int] | None = None  # uid, gid of the cluster's files when run as root

    def url(self, database: str) -> str:
        return self.admin.set(drivername="postgresql", database=database).render_as_string(
            hide_password=False)

    def execute(self, sql: str) -> None:
        import psycopg

        admin = self.admin
        with psycopg.connect(host=admin.host, port=admin.port or 5432, user=admin.username,
                             password=admin.password, dbname=admin.database or "postgres",
                             autocommit=True) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def new_database(self, *, migrated: bool = True) -> str:
        """A fresh database (a copy of the migrated template, or empty); its URL."""
        if migrated and not self.template_ready:
            from app.models.database import open_database

            self.drop(TEMPLATE)
            self.execute(f'CREATE DATABASE "{TEMPLATE}"')
            open_database(self.url(TEMPLATE)).close()
            self.template_ready = True
        name = f"ld_test_{os.getpid()}_{next(_counter)}"
        self.drop(name)
        template = f' TEMPLATE "{TEMPLATE}"' if migrated else ""
        self.execute(f'CREATE DATABASE "{name}"{template}')
        return self.url(name)

    def emptied_database(self) -> str:
        """The session's shared database, migrated once and emptied before each use (TRUNCATE
        is a tenth of the time of a new database per test)."""
        if not self.shared:
            self.shared = self.new_database()
        import psycopg

        url = make_url(self.shared)
        with psycopg.connect(host=url.host, port=url.port or 5432, user=url.username,
                             password=url.password, dbname=url.database,
                             autocommit=True) as connection:
            connection.execute("SET lock_timeout = '10s'")
            tables = [row[0] for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename <> 'alembic_version'")]
            names = ", ".join(f'"{t}"' for t in tables)
            connection.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")  # type: ignore[arg-type]
        return self.shared

    def set_tls(self, cert: Path | None, key: Path | None) -> None:
        """Turn TLS on with this certificate (the throwaway cluster only), or off (None)."""
        import time

        if cert is not None and key is not None:
            assert self.folder is not None
            for source, name in ((cert, "server.crt"), (key, "server.key")):
                target = self.folder / name
                shutil.copyfile(source, target)
                target.chmod(0o600)
                if self.owner is not None:
                    os.chown(target, *self.owner)
            self.execute(f"ALTER SYSTEM SET ssl_cert_file = '{self.folder / 'server.crt'}'")
            self.execute(f"ALTER SYSTEM SET ssl_key_file = '{self.folder / 'server.key'}'")
            self.execute("ALTER SYSTEM SET ssl = on")
        else:
            self.execute("ALTER SYSTEM RESET ssl")
        self.execute("SELECT pg_reload_conf()")
        time.sleep(0.5)  # the postmaster rereads its configuration asynchronously

    def drop(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def unavailable(reason: str) -> None:
    """Skip with the reason; under CI=true fail instead."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL server tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL server for the tests: {reason} (set {URL_ENV_VAR}, or install "
                "the distribution's `postgresql` package)")


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name) if
                   Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[Server | str]:
    """A running cluster (yields a Server), or the reason there is none (yields a str)."""
    binaries = _binaries()
    if binaries is None:
        yield "the PostgreSQL server binaries (initdb, pg_ctl) are not installed"
        return
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="licence-desk-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder, ignore_errors=True)
            yield "running as root and there is no `postgres` user to own the cluster"
            return
        runuser = shutil.which("runuser")
        if runuser is None:
            shutil.rmtree(folder, ignore_errors=True)
            yield "running as root without `runuser` to start the cluster as `postgres`"
            return
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        as_user = [runuser, "-u", "postgres", "--"]
    data = folder / "data"
    password_file = folder / "password"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    if as_user:
        os.chown(password_file, pwd.getpwnam("postgres").pw_uid, -1)
    port = _free_port()

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*as_user, *command], capture_output=True, text=True,
                              timeout=120, check=False)

    init = run(str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-E", "UTF8",
               "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256",
               f"--pwfile={password_file}")
    if init.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        yield f"initdb failed: {init.stderr.strip()[-300:]}"
        return
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
    start = run(str(binaries / "pg_ctl"), "-D", str(data), "-o", options,
                "-l", str(folder / "server.log"), "-w", "-t", "60", "start")
    if start.returncode != 0:
        log = (folder / "server.log").read_text(errors="replace")[-300:] if (
            folder / "server.log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        yield f"pg_ctl start failed: {start.stderr.strip()[-300:]} {log}"
        return
    try:
        owner = None
        if as_user:
            entry = pwd.getpwnam("postgres")
            owner = (entry.pw_uid, entry.pw_gid)
        yield Server(make_url(f"postgresql://postgres:{PASSWORD}@127.0.0.1:{port}/postgres"),
                     folder=folder, owner=owner)
    finally:
        run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def server_for_tests() -> Iterator[Server | str]:
    given = os.environ.get(URL_ENV_VAR)
    if given:
        yield Server(make_url(given))
        return
    with throwaway_cluster() as server:
        yield server
