"""Sending against a real SMTP server on 127.0.0.1 (aiosmtpd): plain, STARTTLS, implicit TLS,
authentication, the answers servers give, a dropped line, retries, and no password anywhere."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import logging
import threading
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from app.models.database import Database
from app.models.entities import DocumentState
from app.submit.accounts import AccountData, KeyringPassword
from app.submit.outbox import record_and_queue
from app.submit.package import BuiltPackage, build_package
from app.submit.records import SubmissionRecords
from app.submit.smtp import SendProgress, send_outbox

from .support import (
    ASCII_PASSWORD,
    PASSWORD,
    USER,
    MemoryKeyring,
    Server,
    data_dir,
    package_items,
    summary_rows,
)

NUMBERS = ["201710601862.3", "201920123456.2"]
DAY = dt.date(2024, 9, 10)


def _queue(records: SubmissionRecords, database: Database, folder: Path, server: Server,
           numbers: list[str] = NUMBERS, size: int = 3000, size_limit: int | None = None,
           user: str = USER) -> tuple[int, AccountData, BuiltPackage]:
    target = records.target_by_key("hubei")
    assert target is not None
    if size_limit is not None:
        target = dataclasses.replace(target, size_limit=size_limit)
    items = package_items(database, folder / "generated", numbers, size=size)
    account = server.account(user=user)
    built = build_package(target, "华中科技大学", DAY, items, folder / "out",
                          summary_list=summary_rows(numbers), sender=account.sender)
    assert built.built, built.findings
    saved = records.save_account(account)
    assert saved.record_id is not None
    stored = records.account(saved.record_id)
    assert stored is not None
    package_id, findings = record_and_queue(records, built, stored)
    assert findings == []
    return package_id, stored, built


def _ids(records: SubmissionRecords, package_id: int) -> list[int]:
    return [m.id for m in records.outbox(package_id)]


def _states(records: SubmissionRecords, package_id: int) -> list[str]:
    return [m.state for m in records.outbox(package_id)]


def _password(value: str) -> Callable[[AccountData], str | None]:
    return lambda account: value


def _parse(content: bytes) -> EmailMessage:
    message = email.message_from_bytes(content, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_sending_over_starttls_delivers_every_attachment_byte_for_byte(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("starttls")
    package_id, account, built = _queue(records, database, tmp_path, server)
    seen: list[SendProgress] = []

    report = send_outbox(records, _ids(records, package_id), account, _password(ASCII_PASSWORD),
                         progress=seen.append, ssl_context=server.client_context, timeout=5)

    assert report.all_sent and report.findings == []
    assert [(p.done, p.state) for p in seen] == [(0, "sending"), (1, "sent")]
    [received] = server.recorder.received
    assert received.mail_from == USER and received.rcpt_tos == ["dingwei@hbipo.gov.cn"]
    message = _parse(received.content)
    [queued] = records.outbox(package_id)
    assert message["Message-ID"].strip() == queued.message_id
    assert message["X-Unsent"] is None
    assert str(message["From"]) == f"科技成果转化办公室 <{USER}>"
    assert message["Subject"] == "华中科技大学报送专利开放许可（试点）汇总表、信息表及声明"
    assert built.folder is not None
    attachments = {a.get_filename(): a.get_content() for a in message.iter_attachments()}
    assert list(attachments) == [f.file_name for f in built.files]
    for name, content in attachments.items():
        assert content == (built.folder / str(name)).read_bytes()
    # What went out is what the outbox kept.
    assert Path(queued.eml_path).read_bytes().replace(b"\r\n", b"\n") == (
        received.content.replace(b"\r\n", b"\n"))
    assert queued.state == "sent" and queued.sent_at is not None
    assert queued.failure_detail == "250 2.0.0 OK queued as LD42"

    package = records.package(package_id)
    assert package is not None and package.sent_at is not None
    assert package.sent_to == ("dingwei@hbipo.gov.cn",)
    sent = records.sent_patents("201710601862.3")
    assert [(s.document_kind, s.package_name) for s in sent] == [
        ("information_sheet", "华中科技大学-湖北-20240910"),
        ("declaration", "华中科技大学-湖北-20240910")]
    assert sent[0].recipients == ("dingwei@hbipo.gov.cn",)
    with database.session() as session:
        from app.models.entities import Offer

        assert {o.state for o in session.query(Offer)} == {DocumentState.SUBMITTED.value}

    # A second press of "send" sends nothing again.
    again = send_outbox(records, _ids(records, package_id), account, _password(ASCII_PASSWORD),
                        ssl_context=server.client_context, timeout=5)
    assert [o.code for o in again.outcomes] == ["send.already_sent"]
    assert len(server.recorder.received) == 1


@pytest.mark.parametrize("security,user", [("ssl", USER), ("none", USER), ("none", "")])
def test_implicit_tls_and_plain_loopback(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server], security: str, user: str,
) -> None:
    server = smtp_server(security)
    package_id, account, _built = _queue(records, database, tmp_path, server, user=user)
    report = send_outbox(records, _ids(records, package_id), account, _password(ASCII_PASSWORD),
                         ssl_context=server.client_context, timeout=5)
    assert report.all_sent, report
    assert len(server.recorder.received) == 1


def test_a_non_ascii_password_is_sent_as_utf8(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("ssl", password=PASSWORD)
    package_id, account, _built = _queue(records, database, tmp_path, server)
    report = send_outbox(records, _ids(records, package_id), account, _password(PASSWORD),
                         ssl_context=server.client_context, timeout=5)
    assert report.all_sent, report


def test_a_wrong_authorisation_code_fails_each_mail_and_a_retry_sends_it(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("starttls")
    package_id, account, _built = _queue(records, database, tmp_path, server)
    logins: list[bool] = []

    report = send_outbox(records, _ids(records, package_id), account, _password("wrong"),
                         on_login=lambda a, ok: logins.append(ok),
                         ssl_context=server.client_context, timeout=5)

    assert [o.code for o in report.outcomes] == ["send.auth_failed"]
    assert report.findings[0].code == "send.auth_failed"
    assert logins == [False]
    [failed] = records.outbox(package_id)
    assert failed.state == "failed" and failed.failure_code == "send.auth_failed"
    assert failed.failure_detail.startswith("535")
    assert Path(failed.eml_path).is_file()  # kept for the retry
    assert server.recorder.received == []

    retry = send_outbox(records, [failed.id], account, _password(ASCII_PASSWORD),
                        on_login=lambda a, ok: logins.append(ok),
                        ssl_context=server.client_context, timeout=5)
    assert retry.all_sent and logins == [False, True]
    message = _parse(server.recorder.received[0].content)
    assert message["Message-ID"].strip() == failed.message_id  # the same mail
    assert records.outbox(package_id)[0].attempts == 2


def test_a_552_message_too_large_answer(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("ssl", mode="too_large")
    package_id, account, _built = _queue(records, database, tmp_path, server)
    report = send_outbox(records, _ids(records, package_id), account, _password(ASCII_PASSWORD),
                         ssl_context=server.client_context, timeout=5)
    [outcome] = report.outcomes
    assert outcome.code == "send.too_large"
    assert outcome.detail == "552 5.3.4 Message size exceeds fixed limit"
    [failed] = records.outbox(package_id)
    assert (failed.state, failed.failure_code) == ("failed", "send.too_large")


def test_the_server_size_limit_is_respected_before_sending(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("ssl", data_size_limit=20_000)  # advertised as "SIZE 20000"
    package_id, account, _built = _queue(records, database, tmp_path, server, size=6000)
    report = send_outbox(records, _ids(records, package_id), account, _password(ASCII_PASSWORD),
                         ssl_context=server.client_context, timeout=5)
    [outcome] = report.outcomes
    assert outcome.code == "send.too_large" and outcome.detail.startswith("SIZE 20000")
    assert server.recorder.received == []


def test_a_connection_dropped_after_the_whole_mail_leaves_its_fate_unknown(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    """The line dies after the final dot, before the server's reply: that mail may be
    delivered (fate unknown, kept "sending"); the rest never went out (failed)."""
    server = smtp_server("starttls", mode="drop")
    package_id, account, built = _queue(records, database, tmp_path, server, size=60_000,
                                        size_limit=200_000)
    assert len(built.mails) >= 2
    report = send_outbox(records, _ids(records, package_id), account, _password(ASCII_PASSWORD),
                         ssl_context=server.client_context, timeout=5)
    assert [o.code for o in report.outcomes] == (
        ["send.fate_unknown"] + ["send.connection_dropped"] * (len(built.mails) - 1))
    assert _states(records, package_id) == ["sending"] + ["failed"] * (len(built.mails) - 1)
    package = records.package(package_id)
    assert package is not None and package.sent_at is None


def test_a_connection_dropped_before_the_data_fails_the_mail(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("starttls", mode="drop_at_rcpt")
    package_id, account, _built = _queue(records, database, tmp_path, server)
    report = send_outbox(records, _ids(records, package_id), account, _password(ASCII_PASSWORD),
                         ssl_context=server.client_context, timeout=5)
    assert [o.code for o in report.outcomes] == ["send.connection_dropped"]
    assert _states(records, package_id) == ["failed"]


def test_a_mail_the_server_stored_before_the_line_died_is_not_sent_twice_unasked(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("starttls", mode="store_then_drop")
    package_id, account, _built = _queue(records, database, tmp_path, server)
    ids = _ids(records, package_id)
    first = send_outbox(records, ids, account, _password(ASCII_PASSWORD),
                        ssl_context=server.client_context, timeout=5)
    assert [(o.state, o.code) for o in first.outcomes] == [("uncertain", "send.fate_unknown")]
    [message] = records.outbox(package_id)
    assert message.state == "sending" and message.failure_code == "send.fate_unknown"
    assert len(server.recorder.received) == 1  # it is there

    server.recorder.mode = "ok"
    again = send_outbox(records, ids, account, _password(ASCII_PASSWORD),
                        ssl_context=server.client_context, timeout=5)
    assert [(o.state, o.code) for o in again.outcomes] == [("skipped", "send.uncertain")]
    assert len(server.recorder.received) == 1  # not delivered a second time unasked

    confirmed = send_outbox(records, ids, account, _password(ASCII_PASSWORD),
                            ssl_context=server.client_context, timeout=5,
                            confirm_uncertain=True)
    assert confirmed.all_sent and len(server.recorder.received) == 2


def test_split_mails_arrive_separately_and_carry_every_file_once(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("ssl")
    numbers = [f"2021101234{i:02d}.{i % 10}" for i in range(4)]
    package_id, account, built = _queue(records, database, tmp_path, server, numbers,
                                        size=60_000, size_limit=250_000)
    parts = len(built.mails)
    assert parts >= 2
    report = send_outbox(records, _ids(records, package_id), account, _password(ASCII_PASSWORD),
                         ssl_context=server.client_context, timeout=5)
    assert report.all_sent
    names: list[str] = []
    for n, received in enumerate(server.recorder.received, start=1):
        assert len(received.content) <= 250_000
        message = _parse(received.content)
        assert message["Subject"].endswith(f"({n}/{parts})")
        names += [str(a.get_filename()) for a in message.iter_attachments()]
    assert sorted(names) == sorted(f.file_name for f in built.files)
    assert len(records.sent_patents()) == 2 * len(numbers)


def test_connection_refused_tls_failures_and_refused_recipients(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("ssl")
    package_id, account, _built = _queue(records, database, tmp_path, server)
    ids = _ids(records, package_id)
    server_port = account.port

    def send(account: AccountData, **kwargs: object) -> str:
        report = send_outbox(records, ids, account, _password(ASCII_PASSWORD), timeout=5,
                             **kwargs)  # type: ignore[arg-type]
        return report.outcomes[0].code

    from .support import free_port

    closed = dataclasses.replace(account, port=free_port())
    assert send(closed, ssl_context=server.client_context) == "send.connection_refused"
    # The system's CAs do not trust the test certificate.
    assert send(account) == "send.tls_failed"
    plain = smtp_server("none")
    no_starttls = dataclasses.replace(account, port=plain.port, security="starttls")
    assert send(no_starttls) == "send.tls_unavailable"
    refusing = smtp_server("ssl", mode="reject_rcpt")
    assert send(dataclasses.replace(account, port=refusing.port),
                ssl_context=refusing.client_context) == "send.recipient_refused"
    [message] = records.outbox(package_id)
    assert message.state == "failed" and "550 5.1.1" in message.failure_detail
    assert send(dataclasses.replace(account, port=server_port),
                ssl_context=server.client_context) == ""
    assert records.outbox(package_id)[0].state == "sent"


def test_a_mail_left_sending_by_a_crash_is_resent_only_when_confirmed(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("ssl")
    package_id, account, _built = _queue(records, database, tmp_path, server)
    [message_id] = _ids(records, package_id)
    assert records.mark_sending(message_id)  # the process died here, mid-send

    report = send_outbox(records, [message_id], account, _password(ASCII_PASSWORD),
                         ssl_context=server.client_context, timeout=5)
    assert [o.code for o in report.outcomes] == ["send.uncertain"]
    assert [f.code for f in report.findings] == ["send.uncertain"]
    assert _states(records, package_id) == ["sending"] and server.recorder.received == []

    confirmed = send_outbox(records, [message_id], account, _password(ASCII_PASSWORD),
                            confirm_uncertain=True, ssl_context=server.client_context,
                            timeout=5)
    assert confirmed.all_sent and len(server.recorder.received) == 1


def test_cancel_stops_before_the_next_mail_and_no_password_sends_nothing(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("ssl")
    package_id, account, built = _queue(records, database, tmp_path, server, size=60_000,
                                        size_limit=200_000)
    ids = _ids(records, package_id)
    nothing = send_outbox(records, ids, account, lambda a: None,
                          ssl_context=server.client_context, timeout=5)
    assert [f.code for f in nothing.findings] == ["send.no_password"]
    assert set(_states(records, package_id)) == {"queued"}

    sent: list[int] = []
    report = send_outbox(records, ids, account, _password(ASCII_PASSWORD),
                         progress=lambda p: sent.append(p.message_id) if p.state == "sent"
                         else None,
                         cancelled=lambda: len(sent) >= 1, ssl_context=server.client_context,
                         timeout=5)
    assert report.cancelled
    assert [o.state for o in report.outcomes] == ["sent"] + ["not_attempted"] * (
        len(built.mails) - 1)
    assert _states(records, package_id) == ["sent"] + ["queued"] * (len(built.mails) - 1)
    package = records.package(package_id)
    assert package is not None and package.sent_at is None  # not every mail went out


def test_sending_runs_on_a_worker_thread(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("ssl")
    package_id, account, _built = _queue(records, database, tmp_path, server)
    reports = []
    worker = threading.Thread(target=lambda: reports.append(send_outbox(
        records, _ids(records, package_id), account, _password(ASCII_PASSWORD),
        ssl_context=server.client_context, timeout=5)))
    worker.start()
    worker.join(20)
    assert not worker.is_alive() and reports[0].all_sent


def test_the_password_is_in_no_log_database_or_file(
    records: SubmissionRecords, database: Database, db_path: Path, tmp_path: Path,
    smtp_server: Callable[..., Server], memory_keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = "UNMISTAKABLE9Q7Z"
    server = smtp_server("starttls", password=secret)
    caplog.set_level(logging.DEBUG)
    package_id, account, _built = _queue(records, database, tmp_path, server)
    provider = KeyringPassword(lambda account, why: secret)

    first = send_outbox(records, _ids(records, package_id), account, provider,
                        on_login=provider.on_login, ssl_context=server.client_context,
                        timeout=5)
    assert first.all_sent
    assert list(memory_keyring.entries.values()) == [secret]  # only in the keyring

    # A failed login on a second package, too, must not leak it.
    wrong = smtp_server("starttls", password="another")
    package2, account2, _ = _queue(records, database, tmp_path / "second", wrong,
                                   numbers=["202110123456.7"])
    failed = send_outbox(records, _ids(records, package2), account2, provider,
                         on_login=provider.on_login, ssl_context=wrong.client_context,
                         timeout=5)
    assert failed.outcomes[0].code == "send.auth_failed"

    assert caplog.records  # logging ran at DEBUG
    assert secret not in caplog.text
    database.close()  # flush the WAL into the file
    searched = [p for p in [*db_path.parent.rglob("*"), *data_dir().rglob("*")] if p.is_file()]
    assert any(p.suffix == ".eml" for p in searched)
    for path in searched:
        assert secret.encode() not in path.read_bytes(), path


def test_send_package_queues_sends_and_retries_from_the_outbox_copy(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    import shutil

    from app.submit.smtp import send_package

    server = smtp_server("ssl", mode="too_large")
    target = records.target_by_key("hubei")
    assert target is not None
    items = package_items(database, tmp_path / "generated", NUMBERS)
    built = build_package(target, "华中科技大学", DAY, items, tmp_path / "out")
    package_id = records.record_package(built)  # built before any account was chosen
    saved = records.save_account(server.account())
    assert saved.record_id is not None
    account = records.account(saved.record_id)
    assert account is not None

    first = send_package(records, package_id, account, _password(ASCII_PASSWORD),
                         ssl_context=server.client_context, timeout=5)
    assert [o.code for o in first.outcomes] == ["send.too_large"]
    [failed] = records.outbox(package_id)
    assert failed.message_id.endswith("@example.edu.cn>")  # the account's domain

    assert built.folder is not None
    shutil.rmtree(built.folder)  # the outbox keeps its own copy of the mail
    server.recorder.mode = "ok"
    retry = send_package(records, package_id, account, _password(ASCII_PASSWORD),
                         ssl_context=server.client_context, timeout=5)
    assert retry.all_sent
    assert _parse(server.recorder.received[0].content)["Message-ID"].strip() == (
        failed.message_id)
