"""Secrets after a refused login (issue 18 point 7): a server that echoes the AUTH exchange
in its 535 reply leaves no trace of the password, in any encoding, in the outbox or the
report; a refused stored code stays in the keyring until a new one is accepted."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.models.database import Database
from app.submit.accounts import AccountData, KeyringPassword
from app.submit.credentials import SERVICE, keyring_user
from app.submit.outbox import record_and_queue
from app.submit.package import build_package
from app.submit.records import SubmissionRecords
from app.submit.smtp import scrub_secret, send_outbox

from .support import USER, MemoryKeyring, Recorder, Server, free_port, package_items, summary_rows

SECRET = "WRONGCODE7Q2Z"
RIGHT = "RIGHTCODE4K8M"
NUMBERS = ["201710601862.3"]


def _echoing(password: str) -> Callable[..., Any]:
    """Accepts `password`; any other is refused with the AUTH exchange echoed back."""
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str,
                     auth_data: Any) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        if auth_data.password == password.encode():
            return AuthResult(success=True)
        plain = base64.b64encode(b"\0" + auth_data.login + b"\0" + auth_data.password).decode()
        alone = base64.b64encode(auth_data.password).decode()
        return AuthResult(success=False, handled=False,
                          message=f"535 5.7.8 {mechanism} {plain} {alone} rejected")

    return authenticate


@pytest.fixture
def echo_server() -> Iterator[Server]:
    from aiosmtpd.controller import Controller

    recorder = Recorder()
    port = free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port,
                            authenticator=_echoing(RIGHT), auth_require_tls=False, timeout=5)
    controller.start()
    yield Server("127.0.0.1", port, "none", recorder, None)
    controller.stop()


def _queued(records: SubmissionRecords, database: Database, folder: Path,
            server: Server) -> tuple[int, AccountData]:
    target = records.target_by_key("hubei")
    assert target is not None
    account = server.account()
    built = build_package(target, "华中科技大学", dt.date(2024, 9, 10),
                          package_items(database, folder / "generated", NUMBERS),
                          folder / "out", summary_list=summary_rows(NUMBERS),
                          sender=account.sender)
    saved = records.save_account(account)
    assert saved.record_id is not None
    stored = records.account(saved.record_id)
    assert stored is not None
    package_id, findings = record_and_queue(records, built, stored)
    assert findings == []
    return package_id, stored


def _forms(secret: str) -> list[str]:
    return [secret, base64.b64encode(secret.encode()).decode(),
            base64.b64encode(b"\0" + USER.encode() + b"\0" + secret.encode()).decode()]


def test_an_echoed_auth_exchange_is_not_stored_or_reported(
    records: SubmissionRecords, database: Database, tmp_path: Path, echo_server: Server,
) -> None:
    package_id, account = _queued(records, database, tmp_path, echo_server)
    report = send_outbox(records, [m.id for m in records.outbox(package_id)], account,
                         lambda _account: SECRET, timeout=5)
    [outcome] = report.outcomes
    assert outcome.code == "send.auth_failed" and "535" in outcome.detail
    [message] = records.outbox(package_id)
    texts = [outcome.detail, message.failure_detail,
             *(str(f.params) for f in report.findings)]
    for text in texts:
        for form in _forms(SECRET):
            assert form not in text, (form, text)
    assert "***" in message.failure_detail


def test_scrubbing_leaves_other_base64_alone() -> None:
    assert scrub_secret("250 OK queued as QUJDREVGRw==", SECRET) == "250 OK queued as QUJDREVGRw=="
    assert scrub_secret(f"x {SECRET} y", SECRET) == "x *** y"


def test_a_refused_stored_code_stays_until_a_new_one_is_accepted(
    records: SubmissionRecords, database: Database, tmp_path: Path, echo_server: Server,
    memory_keyring: MemoryKeyring,
) -> None:
    package_id, account = _queued(records, database, tmp_path, echo_server)
    key = (SERVICE, keyring_user(USER, echo_server.host))
    memory_keyring.entries[key] = SECRET  # stored earlier; the mailbox's code changed since
    asked: list[str] = []

    def ask(_account: AccountData, why: Any) -> str | None:
        asked.append(why.code if why is not None else "")
        return RIGHT

    provider = KeyringPassword(ask)
    ids = [m.id for m in records.outbox(package_id)]
    first = send_outbox(records, ids, account, provider, on_login=provider.on_login, timeout=5)
    assert first.outcomes[0].code == "send.auth_failed"
    assert memory_keyring.entries[key] == SECRET  # kept: was deleted on one 535
    assert asked == []

    second = send_outbox(records, ids, account, provider, on_login=provider.on_login, timeout=5)
    assert second.all_sent
    assert asked == ["send.stored_code_refused"]
    assert memory_keyring.entries[key] == RIGHT  # replaced once accepted
