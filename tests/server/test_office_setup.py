"""README's "The office server": its SQL run as written, the owner upgrading, a clerk reading
and writing rows only, and `db-password` keeping the clerk's password in the keyring."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from app.cli import main
from app.models.database import DatabaseError, open_database
from app.models.deals import DealFields, Payment
from app.models.patent_rules import PatentFields
from app.models.server import KEYRING_SERVICE
from app.models.store import Store
from tests.pg_server import PASSWORD, Server
from tests.submit.support import LockedKeyring, MemoryKeyring

README = Path(__file__).resolve().parents[2] / "README.md"
OWNER_PASSWORD, CLERK_PASSWORD = "Owner-Pw-7", "Clerk-Pw-8"


def readme_sql(n: int) -> str:
    found = re.search(rf"<!-- office-server-sql-{n} -->\n```sql\n(.*?)```", README.read_text(
        encoding="utf-8"), re.S)
    assert found is not None, n
    return found.group(1).replace("owner-password", OWNER_PASSWORD).replace(
        "clerk-password", CLERK_PASSWORD)


@pytest.fixture
def office(pg_server: Server) -> Iterator[dict[str, str]]:
    """The README's roles and database on the tests' own cluster."""
    admin = pg_server.admin
    if admin.host != "127.0.0.1" or admin.password != PASSWORD:
        pytest.skip("creates roles: only on the tests' own cluster")
    pg_server.drop("licence_desk")
    pg_server.execute("DROP ROLE IF EXISTS licence_desk_clerk")
    pg_server.execute("DROP ROLE IF EXISTS licence_desk_owner")
    for statement in readme_sql(1).split(";"):
        if statement.strip():
            pg_server.execute(statement)
    in_database = Server(admin.set(database="licence_desk"))
    for statement in readme_sql(2).split(";"):
        if statement.strip():
            in_database.execute(statement)
    base = admin.set(database="licence_desk")
    yield {
        "owner": base.set(username="licence_desk_owner", password=OWNER_PASSWORD)
        .render_as_string(hide_password=False),
        "clerk": base.set(username="licence_desk_clerk")._replace(password=None)
        .render_as_string(hide_password=False),
    }
    pg_server.drop("licence_desk")


def test_the_owner_upgrades_and_a_clerk_only_reads_and_writes_rows(
    office: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LICENCE_DESK_DB_PASSWORD", CLERK_PASSWORD)
    with pytest.raises(DatabaseError) as caught:  # not upgraded yet: the clerk may not
        open_database(office["clerk"])
    assert caught.value.code == "db.server_upgrade_needs_owner"
    assert caught.value.params["user"] == "licence_desk_clerk"

    monkeypatch.delenv("LICENCE_DESK_DB_PASSWORD")
    open_database(office["owner"]).close()
    Server(make_url(office["owner"])).execute(readme_sql(3))

    monkeypatch.setenv("LICENCE_DESK_DB_PASSWORD", CLERK_PASSWORD)
    database = open_database(office["clerk"])
    try:
        store = Store(database)
        saved = store.save_patent(PatentFields(number="201710601862.3", title="一种测试方法",
                                               patentees=("武汉大学",),
                                               filing_date=dt.date(2017, 3, 1)))
        assert saved.saved
        assert store.save_deal(DealFields(patents=("201710601862.3",), licensee="某公司",
                                          payment=Payment("free"))).saved
        assert store.delete_patents([saved.record_id]) == 1  # type: ignore[list-item]
        for statement in ("DROP TABLE deal", "ALTER TABLE patent ADD COLUMN x integer",
                          "CREATE TABLE mine (id integer)",
                          "UPDATE alembic_version SET version_num = 'x'"):
            with pytest.raises(ProgrammingError, match="permission denied|must be owner"):
                with database.engine.begin() as connection:
                    connection.execute(text(statement))
    finally:
        database.close()


def test_db_password_checks_the_password_and_keeps_it_in_the_keyring(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = make_url(pg_url)
    if url.password is None:
        pytest.skip("the server given needs no password")
    monkeypatch.delenv("LICENCE_DESK_DB_PASSWORD", raising=False)
    address = url._replace(password=None).render_as_string(hide_password=False)
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
        assert main(["--lang", "en", "--db", address, "db-password", "--stdin"]) == 2
        assert "password is wrong" in capsys.readouterr().err
        assert memory.entries == {}

        monkeypatch.setattr("sys.stdin", io.StringIO(f"{url.password}\n"))
        assert main(["--lang", "en", "--db", address, "db-password", "--stdin"]) == 0
        out = capsys.readouterr().out
        assert "kept in the system keyring" in out and url.password not in out
        assert list(memory.entries.values()) == [url.password]
        assert next(iter(memory.entries))[0] == KEYRING_SERVICE

        database = open_database(address)  # the keyring's password, nothing else given
        assert Store(database).patents() == []
        database.close()

        keyring.set_keyring(LockedKeyring())
        monkeypatch.setattr("sys.stdin", io.StringIO(f"{url.password}\n"))
        assert main(["--lang", "en", "--db", address, "db-password", "--stdin"]) == 2
        assert "LICENCE_DESK_DB_PASSWORD" in capsys.readouterr().err
    finally:
        keyring.set_keyring(previous)
    assert main(["--lang", "en", "--db", "here.sqlite3", "db-password", "--stdin"]) == 2
