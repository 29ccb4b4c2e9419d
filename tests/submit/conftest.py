"""Fixtures of submission tests: keyrings, a TLS certificate, a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import ipaddress
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend

from app.models.database import Database
from app.submit.records import SubmissionRecords

from .support import (
    ASCII_PASSWORD,
    Certificate,
    LockedKeyring,
    MemoryKeyring,
    Recorder,
    Server,
    authenticator,
    free_port,
)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def fail_keyring() -> Iterator[KeyringBackend]:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    backend = fail.Keyring()  # type: ignore[no-untyped-call]
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def locked_keyring() -> Iterator[KeyringBackend]:
    previous = keyring.get_keyring()
    backend = LockedKeyring()  # type: ignore[no-untyped-call]
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    """A self-signed certificate for 127.0.0.1 (subjectAltName IP), made once per session:
    with `cryptography` (installed with keyring's dependencies), else with `openssl req`."""
    folder = tmp_path_factory.mktemp("tls")
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
    except ImportError:
        return _openssl_certificate(folder)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return Certificate(cert_path, key_path)


@pytest.fixture
def smtp_server(certificate: Certificate) -> Iterator[Callable[..., Server]]:
    """Start an aiosmtpd server: `smtp_server(security="ssl"|"starttls"|"none", ...)`."""
    from aiosmtpd.controller import Controller

    started: list[Controller] = []

    def start(security: str = "starttls", password: str = ASCII_PASSWORD,
              mode: str = "ok", data_size_limit: int = 33_554_432) -> Server:
        recorder = Recorder(mode)
        port = free_port()
        kwargs: dict[str, Any] = {
            "authenticator": authenticator(password),
            # aiosmtpd only counts STARTTLS as TLS; under implicit TLS it would hide AUTH.
            "auth_require_tls": security == "starttls",
            "data_size_limit": data_size_limit,
            "timeout": 5,
        }
        if security == "ssl":
            kwargs["ssl_context"] = certificate.server_context()
        elif security == "starttls":
            kwargs["tls_context"] = certificate.server_context()
            kwargs["require_starttls"] = True
        controller = Controller(recorder, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        started.append(controller)
        return Server("127.0.0.1", port, security, recorder,
                      certificate.client_context() if security != "none" else None)

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture
def records(database: Database) -> SubmissionRecords:
    return SubmissionRecords(database)


def _openssl_certificate(folder: Path) -> Certificate:
    if shutil.which("openssl") is None:
        pytest.skip("neither cryptography nor openssl is available to make a certificate")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "30",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-addext", "basicConstraints=critical,CA:TRUE"],
        check=True, capture_output=True, timeout=30,
    )
    return Certificate(cert, key)
