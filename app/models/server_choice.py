"""Which register the window opens: this PC's file or the office server (issue 16's settings page).

A `ServerChoice` is the office server as a clerk types it on the settings page: host, port,
database, user, TLS mode (libpq's sslmode) and the office's CA certificate file. The rules here
say what is wrong with it as findings (codes `server_choice.*`, words in app.messages), and
`server_address` turns a sound choice into the `postgresql://` address that app.models.server
opens. The password is never part of it: it lives in the system keyring.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.models.findings import Finding, error, warning

if TYPE_CHECKING:  # SQLAlchemy is imported after the window's first paint, not by its settings
    from sqlalchemy.engine import URL

LOCAL = "local"  # this PC's SQLite file, the default
SERVER = "server"  # the office server
SSL_MODES = ("disable", "prefer", "require", "verify-ca", "verify-full")
VERIFYING = ("verify-ca", "verify-full")  # the modes that check the server's certificate
DEFAULT_SSL_MODE = "prefer"  # libpq's own default: TLS when the server offers it
DEFAULT_PORT = 5432
IDENTIFIER_BYTES = 63  # PostgreSQL's NAMEDATALEN - 1: longer names are cut by the server

_HOST_NAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                        r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class ServerChoice:
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = "licence_desk"
    user: str = ""
    sslmode: str = DEFAULT_SSL_MODE
    ca_file: str = ""  # the office's CA certificate (PEM), for the verify modes

    def stripped(self) -> ServerChoice:
        return replace(self, host=self.host.strip(), database=self.database.strip(),
                       user=self.user.strip(), sslmode=self.sslmode.strip(),
                       ca_file=self.ca_file.strip())


def is_loopback(host: str) -> bool:
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _host_ok(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return bool(_HOST_NAME.match(host))
    return True


def _name_findings(value: str, field: str) -> list[Finding]:
    if not value:
        return [error(f"server_choice.{field}_required", field)]
    if _CONTROL.search(value):
        return [error("server_choice.name_invalid", field, value=value)]
    size = len(value.encode("utf-8"))
    if size > IDENTIFIER_BYTES:
        return [error("server_choice.name_too_long", field, value=value, bytes=size,
                      limit=IDENTIFIER_BYTES)]
    return []


def check_server_choice(choice: ServerChoice) -> list[Finding]:
    """What is wrong with the office server's settings; errors block saving them."""
    choice = choice.stripped()
    findings: list[Finding] = []
    if not choice.host:
        findings.append(error("server_choice.host_required", "host"))
    elif not _host_ok(choice.host):
        findings.append(error("server_choice.host_invalid", "host", host=choice.host))
    if not 0 < choice.port < 65536:
        findings.append(error("server_choice.port_invalid", "port", port=choice.port))
    findings += _name_findings(choice.database, "database")
    findings += _name_findings(choice.user, "user")
    if choice.sslmode not in SSL_MODES:
        findings.append(error("server_choice.sslmode_invalid", "sslmode", sslmode=choice.sslmode,
                              modes=", ".join(SSL_MODES)))
    elif choice.sslmode == "disable" and choice.host and not is_loopback(choice.host):
        # The password is not sent in clear (SCRAM), but every record crosses the network so.
        findings.append(warning("server_choice.unencrypted", "sslmode", host=choice.host))
    if choice.sslmode in VERIFYING:
        if not choice.ca_file:
            findings.append(warning("server_choice.ca_default", "ca_file"))
        elif not Path(choice.ca_file).is_file():
            findings.append(error("server_choice.ca_missing", "ca_file", path=choice.ca_file))
    return findings


def server_url(choice: ServerChoice) -> URL:
    """The address of a choice without errors, as a URL (no password, ever)."""
    from sqlalchemy.engine import URL

    choice = choice.stripped()
    query: dict[str, str] = {"sslmode": choice.sslmode}
    if choice.sslmode in VERIFYING and choice.ca_file:
        query["sslrootcert"] = choice.ca_file
    return URL.create("postgresql", username=choice.user, host=choice.host.strip("[]"),
                      port=choice.port, database=choice.database, query=query)


def server_address(choice: ServerChoice) -> str:
    """postgresql://USER@HOST:PORT/NAME?sslmode=MODE[&sslrootcert=FILE] for a sound choice."""
    return server_url(choice).render_as_string(hide_password=True)


def choice_from_address(address: str) -> ServerChoice:
    """The settings a `postgresql://` address stands for (its password left out);
    ValueError when it is not one."""
    from sqlalchemy.engine import make_url

    url = make_url(address.strip())
    query = {key: value if isinstance(value, str) else value[-1]
             for key, value in url.query.items()}
    return ServerChoice(host=url.host or "", port=url.port or DEFAULT_PORT,
                        database=url.database or "", user=url.username or "",
                        sslmode=query.get("sslmode", DEFAULT_SSL_MODE),
                        ca_file=query.get("sslrootcert", ""))
