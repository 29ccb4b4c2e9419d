"""The settings page's decisions, headless: the office server's findings, the address made of
the fields, which register a start opens, and the connection test against a real server."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app.models.database import DatabaseError
from app.models.server import parse
from app.models.server_choice import (
    LOCAL,
    SERVER,
    ServerChoice,
    check_server_choice,
    choice_from_address,
    server_address,
)
from app.usecases.server import start_location, try_server_connection
from tests.pg_server import Server

GOOD = ServerChoice(host="db.example.edu.cn", port=5432, database="licence_desk",
                    user="licence_desk_clerk", sslmode="verify-full")


def codes(choice: ServerChoice) -> list[tuple[str, str, str]]:
    return [(f.code, f.field, f.severity.value) for f in check_server_choice(choice)]


def test_a_sound_choice_and_its_address(tmp_path: Path) -> None:
    ca = tmp_path / "office ca.crt"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    choice = ServerChoice(host=" db.example.edu.cn ", database="licence_desk", user="clerk",
                          sslmode="verify-full", ca_file=str(ca))
    assert codes(choice) == []
    address = server_address(choice)
    assert address.startswith("postgresql://clerk@db.example.edu.cn:5432/licence_desk?")
    url = parse(address)  # what app.models.server opens
    assert url.query["sslmode"] == "verify-full" and url.query["sslrootcert"] == str(ca)
    assert url.password is None
    assert choice_from_address(address) == choice.stripped()
    ipv6 = ServerChoice(host="::1", user="clerk", sslmode="disable")
    assert codes(ipv6) == []
    assert choice_from_address(server_address(ipv6)).host == "::1"
    # The CA file goes into the address only for the modes that check certificates.
    assert "sslrootcert" not in server_address(ServerChoice(
        host="h", user="u", sslmode="require", ca_file=str(ca)))


@pytest.mark.parametrize(("choice", "expected"), [
    (ServerChoice(host="", user="u"), [("server_choice.host_required", "host", "error")]),
    (ServerChoice(host="db server", user="u"),
     [("server_choice.host_invalid", "host", "error")]),
    (ServerChoice(host="-db.example", user="u"),
     [("server_choice.host_invalid", "host", "error")]),
    (ServerChoice(host="h", port=0, user="u"), [("server_choice.port_invalid", "port", "error")]),
    (ServerChoice(host="h", port=70000, user="u"),
     [("server_choice.port_invalid", "port", "error")]),
    (ServerChoice(host="h", database=" ", user="u"),
     [("server_choice.database_required", "database", "error")]),
    (ServerChoice(host="h", user=""), [("server_choice.user_required", "user", "error")]),
    (ServerChoice(host="h", user="a\nb"), [("server_choice.name_invalid", "user", "error")]),
    (ServerChoice(host="h", user="u", database="登记册" * 8),  # 72 bytes in UTF-8
     [("server_choice.name_too_long", "database", "error")]),
    (ServerChoice(host="h", user="u", sslmode="allow"),
     [("server_choice.sslmode_invalid", "sslmode", "error")]),
    (ServerChoice(host="10.1.2.3", user="u", sslmode="disable"),
     [("server_choice.unencrypted", "sslmode", "warning")]),
    (ServerChoice(host="127.0.0.1", user="u", sslmode="disable"), []),
    (ServerChoice(host="h", user="u", sslmode="verify-ca"),
     [("server_choice.ca_default", "ca_file", "warning")]),
    (ServerChoice(host="h", user="u", sslmode="verify-full", ca_file="/nowhere/ca.crt"),
     [("server_choice.ca_missing", "ca_file", "error")]),
])
def test_what_is_wrong_with_a_choice(choice: ServerChoice,
                                     expected: list[tuple[str, str, str]]) -> None:
    assert codes(choice) == expected


def test_db_and_the_variable_win_over_the_saved_choice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_data_dir: Path
) -> None:
    default = private_data_dir / "licence-desk.sqlite3"
    assert start_location(None, LOCAL, GOOD) == start_location(None, LOCAL, None)
    assert start_location(None, LOCAL, GOOD).location == default
    saved = start_location(None, SERVER, GOOD)
    assert (saved.source, saved.location) == ("saved", server_address(GOOD))
    assert not saved.overridden
    broken = start_location(None, SERVER, ServerChoice(host="", user="u"))
    assert (broken.source, broken.location) == ("default", default)
    given = start_location(str(tmp_path / "given.sqlite3"), SERVER, GOOD)
    assert (given.source, given.location, given.overridden) == (
        "option", tmp_path / "given.sqlite3", True)
    monkeypatch.setenv("LICENCE_DESK_DB", "postgresql://a@b:5432/c")
    env = start_location(None, SERVER, GOOD)
    assert (env.source, env.location, env.overridden) == (
        "environment", "postgresql://a@b:5432/c", True)


def choice_of(pg_url: str, **changes: object) -> tuple[ServerChoice, str]:
    url = make_url(pg_url)
    fields: dict[str, object] = dict(host=url.host, port=url.port or 5432,
                                     database=url.database, user=url.username,
                                     sslmode="prefer")
    fields.update(changes)
    return ServerChoice(**fields), str(url.password or "")  # type: ignore[arg-type]


def test_the_connection_test_on_a_real_server(
    pg_server: Server, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LICENCE_DESK_DB_PASSWORD", raising=False)
    choice, password = choice_of(pg_url)
    tested = try_server_connection(choice, password)
    assert tested.register == "current" and tested.server_version.startswith("15")
    empty = pg_server.new_database(migrated=False)
    choice_empty, _ = choice_of(empty)
    assert try_server_connection(choice_empty, password).register == "empty"
    pg_server.drop(make_url(empty).database or "")
    if password:
        with pytest.raises(DatabaseError) as wrong:
            try_server_connection(choice, "not-the-password")
        assert wrong.value.code == "db.server_wrong_password"
        assert "not-the-password" not in str(wrong.value.params)
    missing, _ = choice_of(pg_url, database="no_such_register")
    with pytest.raises(DatabaseError) as caught:
        try_server_connection(missing, password)
    assert caught.value.code == "db.server_database_missing"
    with pytest.raises(DatabaseError) as bad:
        try_server_connection(ServerChoice(host="db server", user="u"), password)
    assert bad.value.code == "server_choice.host_invalid"  # nothing tried


def test_an_unreachable_server_is_said_in_words() -> None:
    import socket

    with socket.socket() as probe:  # a port on loopback nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DatabaseError) as caught:
        try_server_connection(ServerChoice(host="127.0.0.1", port=port, user="u",
                                           sslmode="disable"), "pw")
    assert caught.value.code == "db.server_unreachable"
