"""Outgoing mail accounts as data, their checks, and where the password comes from."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass

from app.models.findings import Finding, error
from app.models.submission import AccountSecurity, MailAccount
from app.submit import credentials
from app.submit.credentials import CredentialResult, CredentialStatus
from app.submit.mail import Sender
from app.submit.presets import ACCOUNT_PRESETS, AccountPreset


@dataclass(frozen=True)
class AccountData:
    """An account as the window edits it. No password: that is in the keyring."""

    name: str = ""
    host: str = ""
    port: int = 465
    security: str = AccountSecurity.SSL.value
    user: str = ""
    sender_name: str = ""
    sender_address: str = ""
    id: int | None = None

    @classmethod
    def of(cls, row: MailAccount) -> AccountData:
        return cls(row.name, row.host, row.port, row.security, row.user, row.sender_name,
                   row.sender_address, row.id)

    @classmethod
    def from_preset(cls, preset: AccountPreset, user: str = "", sender_name: str = "") -> (
        AccountData
    ):
        """A new account from a preset; for the webmail services the user is the address."""
        return cls(preset.label, preset.host, preset.port, preset.security.value, user,
                   sender_name, user if "@" in user else "")

    def apply_to(self, row: MailAccount) -> None:
        row.name = self.name.strip()
        row.host = self.host.strip()
        row.port = int(self.port)
        row.security = self.security
        row.user = self.user.strip()
        row.sender_name = self.sender_name.strip()
        row.sender_address = self.sender_address.strip()

    @property
    def sender(self) -> Sender:
        return Sender(self.sender_name, self.sender_address)

    @property
    def keyring_user(self) -> str:
        return credentials.keyring_user(self.user, self.host)


def account_presets() -> tuple[AccountPreset, ...]:
    return ACCOUNT_PRESETS


_ADDRESS = re.compile(r"^[^@\s<>\"',;]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_HOST = re.compile(r"^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$")


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def check_account(account: AccountData) -> list[Finding]:
    findings: list[Finding] = []
    if not account.host.strip():
        findings.append(error("account.host_required", "host"))
    elif not _HOST.match(account.host.strip()):
        findings.append(error("account.host_invalid", "host", host=account.host))
    if not 0 < account.port < 65536:
        findings.append(error("account.port_invalid", "port", port=account.port))
    if account.security not in {s.value for s in AccountSecurity}:
        findings.append(error("account.security_invalid", "security", security=account.security))
    elif account.security == AccountSecurity.NONE and not is_loopback(account.host):
        # The password would cross the network in clear text.
        findings.append(error("account.insecure", "security", host=account.host))
    if not _ADDRESS.match(account.sender_address.strip()):
        findings.append(error("account.sender_invalid", "sender_address",
                              address=account.sender_address))
    return findings


# (account, why the keyring could not give it: None the first time) → the password, or None
# when the clerk cancelled.
AskPassword = Callable[[AccountData, Finding | None], str | None]
PasswordProvider = Callable[[AccountData], str | None]


class KeyringPassword:
    """Password provider: the keyring first; else ask the clerk, saying why (no keyring, or
    nothing stored yet).

    Pass `on_login` to `send_outbox` too: a typed password is stored only once the server
    accepted it, and a stored one the server refused (535) is removed so the next send asks.
    """

    def __init__(self, ask: AskPassword, *, remember: bool = True) -> None:
        self._ask = ask
        self._remember = remember
        self._typed: dict[str, str] = {}  # passwords typed this session, until accepted
        self._stored: set[str] = set()  # accounts whose password came from the keyring

    def __call__(self, account: AccountData) -> str | None:
        if not account.user:
            return ""  # a server without login (a local relay)
        found = credentials.get_password(account.user, account.host)
        if found.ok:
            self._stored.add(account.keyring_user)
            return found.password
        password = self._ask(account, found.finding)
        if password and found.status is CredentialStatus.NOT_FOUND:
            self._typed[account.keyring_user] = password
        return password

    def on_login(self, account: AccountData, accepted: bool) -> None:
        key = account.keyring_user
        typed = self._typed.pop(key, None)
        if accepted and typed is not None and self._remember:
            credentials.set_password(account.user, account.host, typed)
        elif not accepted and key in self._stored:
            credentials.delete_password(account.user, account.host)
        self._stored.discard(key)


def store_password(account: AccountData, password: str) -> CredentialResult:
    """Remember the account's password in the keyring (NO_KEYRING: ask each time)."""
    return credentials.set_password(account.user, account.host, password)
