"""TLS to the office server: `sslmode` from the address, a certificate checked against the CA
given, and a certificate that is not trusted said in words (the tests' own cluster, with a
self-signed certificate for 127.0.0.1 made by openssl)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.messages import EN, message
from app.models.database import DatabaseError, open_database
from tests.pg_server import PASSWORD, Server


def self_signed(folder: Path, name: str) -> tuple[Path, Path]:
    cert, key = folder / f"{name}.crt", folder / f"{name}.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    return cert, key


@pytest.fixture
def tls_server(pg_server: Server, tmp_path: Path) -> Iterator[tuple[Server, Path, Path]]:
    """The cluster with TLS on for this test: (server, its certificate, another CA's)."""
    if pg_server.folder is None or pg_server.admin.password != PASSWORD:
        pytest.skip("turns TLS on and off: only on the tests' own cluster")
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    cert, key = self_signed(tmp_path, "server")
    stranger, _ = self_signed(tmp_path, "stranger")
    pg_server.set_tls(cert, key)
    try:
        yield pg_server, cert, stranger
    finally:
        pg_server.set_tls(None, None)


def with_query(url: str, **query: str) -> str:
    return make_url(url).update_query_dict(query).render_as_string(hide_password=False)


def encrypted(address: str) -> bool:
    database = open_database(address)
    try:
        with database.engine.connect() as connection:
            return bool(connection.execute(text(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar())
    finally:
        database.close()


def test_tls_modes_and_an_untrusted_certificate(
    tls_server: tuple[Server, Path, Path], pg_url: str
) -> None:
    _server, cert, stranger = tls_server
    assert encrypted(with_query(pg_url, sslmode="require"))
    assert encrypted(pg_url)  # libpq's default, prefer: TLS when the server offers it
    assert not encrypted(with_query(pg_url, sslmode="disable"))
    assert encrypted(with_query(pg_url, sslmode="verify-full", sslrootcert=str(cert)))

    for root in (stranger, cert.with_name("missing-ca.crt")):
        with pytest.raises(DatabaseError) as caught:
            open_database(with_query(pg_url, sslmode="verify-full", sslrootcert=str(root)))
        assert caught.value.code == "db.server_certificate", caught.value.params
        words = message(caught.value.code, caught.value.params, EN)
        assert "not trusted" in words and PASSWORD not in words
