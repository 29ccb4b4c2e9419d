"""The mail password (authorisation code) in the OS keyring, and nowhere else.

Every call returns a `CredentialResult` instead of raising: on a machine without a usable
keyring (headless Linux gets keyring's fail backend, a locked keychain, a broken D-Bus) the
status is NO_KEYRING with a finding saying why, and the caller asks for the password each time.
The password never goes into a log line, an exception text or a finding.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from app.models.findings import Finding, warning
from app.os_errors import reason_params

log = logging.getLogger(__name__)

SERVICE = "licence-desk"


class CredentialStatus(StrEnum):
    OK = "ok"
    NOT_FOUND = "not_found"  # a keyring, but nothing stored for this account yet
    NO_KEYRING = "no_keyring"  # ask each time; `finding` says why


@dataclass(frozen=True)
class CredentialResult:
    status: CredentialStatus
    password: str | None = None
    finding: Finding | None = None

    @property
    def ok(self) -> bool:
        return self.status is CredentialStatus.OK

    def __repr__(self) -> str:  # never print the password, even in a traceback
        shown = "***" if self.password else None
        return f"CredentialResult({self.status.value}, password={shown}, {self.finding})"


def keyring_user(user: str, host: str) -> str:
    """The keyring entry's user name: one entry per account user on a server."""
    return f"{user.strip()}@{host.strip().lower()}"


def get_password(user: str, host: str) -> CredentialResult:
    try:
        import keyring

        password = keyring.get_password(SERVICE, keyring_user(user, host))
    except Exception as exc:  # any backend failure means: no keyring to rely on
        return _no_keyring(exc, "get")
    if password is None:
        return CredentialResult(CredentialStatus.NOT_FOUND)
    return CredentialResult(CredentialStatus.OK, password)


def set_password(user: str, host: str, password: str) -> CredentialResult:
    try:
        import keyring

        keyring.set_password(SERVICE, keyring_user(user, host), password)
    except Exception as exc:
        return _no_keyring(exc, "set", password)
    log.info("password stored in the keyring for %s", keyring_user(user, host))
    return CredentialResult(CredentialStatus.OK)


def delete_password(user: str, host: str) -> CredentialResult:
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(SERVICE, keyring_user(user, host))
        except PasswordDeleteError:
            return CredentialResult(CredentialStatus.NOT_FOUND)
    except Exception as exc:
        return _no_keyring(exc, "delete")
    return CredentialResult(CredentialStatus.OK)


def keyring_available() -> CredentialResult:
    """Whether a real keyring is there, without touching any entry (for the settings page)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as exc:
        return _no_keyring(exc, "probe")
    if isinstance(backend, fail.Keyring):
        return CredentialResult(
            CredentialStatus.NO_KEYRING, finding=warning("credentials.no_keyring", "password")
        )
    return CredentialResult(CredentialStatus.OK)


def _no_keyring(exc: BaseException, action: str, secret: str = "") -> CredentialResult:
    from keyring.errors import KeyringLocked, NoKeyringError

    if isinstance(exc, NoKeyringError):
        finding = warning("credentials.no_keyring", "password")
    elif isinstance(exc, KeyringLocked):
        finding = warning("credentials.keyring_locked", "password")
    else:
        reason = reason_params(exc, f"{type(exc).__name__}: {exc}")
        if secret:  # a backend could echo what it was given; it must not reach the screen
            reason["reason"] = str(reason["reason"]).replace(secret, "***")
        finding = warning("credentials.keyring_error", "password", **reason)
    log.warning("keyring %s failed: %s", action, type(exc).__name__)
    return CredentialResult(CredentialStatus.NO_KEYRING, finding=finding)
