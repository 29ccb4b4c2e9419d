"""Sending the outbox over SMTP: a plain function the window runs on a worker thread.

Each message's state is committed before its send ("sending") and after it ("sent" or
"failed" with a code a clerk understands and the server's own words), so killing the process
mid-send loses nothing. A message already sent is never sent again; one left "sending" by a
crash is sent again only when the caller says the clerk confirmed (the server may have it).
Retrying failed messages is the same call.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
import smtplib
import socket
import ssl
from base64 import b64encode
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.models.findings import Finding, error, warning
from app.models.submission import AccountSecurity, OutboxState
from app.submit.accounts import AccountData, PasswordProvider, check_account
from app.submit.records import OutboxData, SubmissionRecords

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 60.0  # seconds per network operation; a 50 MB mail on a slow line is long

_SIZE_WORDS = ("size", "too large", "too big", "exceed", "limit")


@dataclass(frozen=True)
class SendProgress:
    done: int  # messages finished (sent, failed or skipped)
    total: int
    message_id: int  # the outbox row
    state: str  # its state now: sending, sent, failed, or "skipped"


@dataclass(frozen=True)
class SendOutcome:
    message_id: int
    state: str  # sent | failed | uncertain (fate unknown) | skipped | not_attempted
    code: str = ""  # the failure or skip code (a message-table code)
    detail: str = ""  # the server's own words, for support


@dataclass
class SendReport:
    outcomes: list[SendOutcome] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    cancelled: bool = False

    def count(self, state: str) -> int:
        return sum(1 for o in self.outcomes if o.state == state)

    @property
    def all_sent(self) -> bool:
        return bool(self.outcomes) and all(o.state == "sent" for o in self.outcomes)


class _TlsUnavailable(Exception):
    """The server does not offer STARTTLS, and the account requires it."""


class _FateUnknown(Exception):
    """The whole message and its final dot reached the server, and then the line broke or
    timed out before the server said whether it took it: it may be delivered."""


class _ReplyMixin:
    """Keeps the server's answer to the message ("250 OK queued as …") for the record, and
    tells a failure before the message was complete from one after (`_FateUnknown`)."""

    last_data_reply: str = ""
    _in_data: bool = False
    _message_complete: bool = False

    def send(self, s: Any) -> None:
        super().send(s)  # type: ignore[misc]
        if self._in_data and (s.endswith(b"\r\n.\r\n") if isinstance(s, bytes)
                              else str(s).endswith("\r\n.\r\n")):
            self._message_complete = True

    def data(self, msg: Any) -> tuple[int, bytes]:
        self._in_data, self._message_complete = True, False
        try:
            code, reply = super().data(msg)  # type: ignore[misc]
        except (OSError, smtplib.SMTPServerDisconnected) as exc:
            if self._message_complete:
                raise _FateUnknown(f"{type(exc).__name__}: {exc}") from exc
            raise
        finally:
            self._in_data = False
        self.last_data_reply = f"{code} {_text(reply)}"
        return code, reply


class _SMTP(_ReplyMixin, smtplib.SMTP):
    pass


class _SMTPSSL(_ReplyMixin, smtplib.SMTP_SSL):
    pass


_Connection = _SMTP | _SMTPSSL


def send_outbox(
    records: SubmissionRecords,
    message_ids: Sequence[int],
    account: AccountData,
    password_provider: PasswordProvider,
    *,
    progress: Callable[[SendProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    confirm_uncertain: bool = False,
    on_login: Callable[[AccountData, bool], None] | None = None,
    ssl_context: ssl.SSLContext | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> SendReport:
    """Send the queued (or failed) outbox messages `message_ids` through `account`.

    `password_provider(account)` gives the password or None (cancelled: nothing changes).
    `confirm_uncertain` sends again a message left "sending" by an interrupted send.
    `ssl_context` replaces the default (system CAs, hostname checked): for a server with a
    private CA, and for tests. `on_login(account, accepted)` is told whether the server took
    the password, so a provider can store or forget it.
    """
    report = SendReport()
    problems = [f for f in check_account(account) if f.is_error]
    if problems:
        report.findings += problems
        return report
    messages = [m for m in (records.message(i) for i in message_ids) if m is not None]
    todo: list[OutboxData] = []
    for message in messages:
        skip = _skip_code(message, confirm_uncertain)
        if skip:
            report.outcomes.append(SendOutcome(message.id, "skipped", skip))
            if skip == "send.uncertain":
                report.findings.append(warning("send.uncertain", "outbox", part=message.part,
                                               subject=message.subject))
        else:
            todo.append(message)
    total = len(messages)
    done = total - len(todo)
    if not todo:
        return report
    if cancelled is not None and cancelled():
        return _stop(report, todo, cancelled=True)
    password = password_provider(account)
    if password is None:
        report.findings.append(warning("send.no_password", "password"))
        return _stop(report, todo)

    try:
        connection = _connect(account, password, ssl_context, timeout)
    except Exception as exc:
        code, detail = classify_failure(exc, password)
        log.warning("connecting to %s:%s failed: %s", account.host, account.port, code)
        if on_login is not None and code == "send.auth_failed":
            on_login(account, False)
        for message in todo:  # nothing went out; each says why, each can be retried
            records.mark_failed(message.id, code, detail, new_attempt=True)
            report.outcomes.append(SendOutcome(message.id, "failed", code, detail))
            done += 1
            _tell(progress, done, total, message.id, OutboxState.FAILED)
        report.findings.append(error(code, "account", host=account.host, detail=detail))
        return report
    if on_login is not None and account.user:
        on_login(account, True)

    try:
        for index, message in enumerate(todo):
            if cancelled is not None and cancelled():
                return _stop(report, todo[index:], cancelled=True)
            if not records.mark_sending(message.id, allow_uncertain=confirm_uncertain):
                report.outcomes.append(SendOutcome(message.id, "skipped", "send.state_changed"))
                done += 1
                continue
            _tell(progress, done, total, message.id, OutboxState.SENDING)
            outcome = _send_one(connection, records, message, account, password)
            report.outcomes.append(outcome)
            done += 1
            _tell(progress, done, total, message.id, outcome.state)
            if outcome.code in _CONNECTION_LOST:
                # The connection is gone: the rest fail with the same reason, to be retried
                # (they never went out, whatever became of this one).
                rest_code = ("send.connection_dropped" if outcome.code == "send.fate_unknown"
                             else outcome.code)
                for rest in todo[index + 1:]:
                    records.mark_failed(rest.id, rest_code, outcome.detail,
                                        new_attempt=True)
                    report.outcomes.append(SendOutcome(rest.id, "failed", rest_code,
                                                       outcome.detail))
                    done += 1
                    _tell(progress, done, total, rest.id, OutboxState.FAILED)
                break
    finally:
        try:
            connection.quit()
        except Exception:  # already closed; nothing to tell
            connection.close()
    return report


def send_package(
    records: SubmissionRecords,
    package_id: int,
    account: AccountData,
    password_provider: PasswordProvider,
    **options: Any,
) -> SendReport:
    """Queue a package's mails not queued yet and send every mail of it not sent: the first
    send and any retry are this one call. `options` are those of `send_outbox`
    (progress, cancelled, confirm_uncertain, on_login, ssl_context, timeout)."""
    from app.submit.outbox import queue_package

    report = SendReport()
    package = records.package(package_id)
    if package is None:
        report.findings.append(error("package.missing", "package", id=package_id))
        return report
    if any(m.state == OutboxState.DRAFT for m in package.messages):
        findings = queue_package(records, package_id, account, requeue_failed=False)
        if any(f.is_error for f in findings):
            report.findings += findings
            return report
    unsent = [m.id for m in records.outbox(package_id) if m.state != OutboxState.SENT]
    return send_outbox(records, unsent, account, password_provider, **options)


def _skip_code(message: OutboxData, confirm_uncertain: bool) -> str:
    if message.state == OutboxState.SENT:
        return "send.already_sent"
    if message.state == OutboxState.SENDING and not confirm_uncertain:
        return "send.uncertain"
    if message.state == OutboxState.DRAFT:
        return "send.not_queued"
    return ""


def _stop(report: SendReport, rest: Sequence[OutboxData], cancelled: bool = False) -> SendReport:
    report.cancelled = cancelled
    report.outcomes += [SendOutcome(m.id, "not_attempted") for m in rest]
    return report


def _tell(progress: Callable[[SendProgress], None] | None, done: int, total: int,
          message_id: int, state: str) -> None:
    if progress is not None:
        progress(SendProgress(done, total, message_id, state))


def _connect(
    account: AccountData, password: str, context: ssl.SSLContext | None, timeout: float
) -> _Connection:
    context = context or ssl.create_default_context()
    connection: _Connection
    if account.security == AccountSecurity.SSL:
        connection = _SMTPSSL(account.host, account.port, timeout=timeout, context=context)
    else:
        connection = _SMTP(account.host, account.port, timeout=timeout)
    try:
        connection.ehlo()
        if account.security == AccountSecurity.STARTTLS:
            if not connection.has_extn("starttls"):
                raise _TlsUnavailable(f"{account.host} does not offer STARTTLS")
            connection.starttls(context=context)
            connection.ehlo()
        if account.user:
            _login(connection, account.user, password)
    except BaseException:
        connection.close()
        raise
    log.debug("connected to %s:%s (%s) as %s", account.host, account.port, account.security,
              account.user or "(no login)")
    return connection


def _login(connection: smtplib.SMTP, user: str, password: str) -> None:
    """smtplib encodes credentials as ASCII; a non-ASCII password goes as AUTH PLAIN in UTF-8
    (RFC 4616), which is what the servers that allow such passwords expect."""
    if (user + password).isascii():
        connection.login(user, password)
        return
    if not connection.has_extn("auth") or "PLAIN" not in connection.esmtp_features.get(
        "auth", "").upper().split():
        raise smtplib.SMTPAuthenticationError(
            535, b"non-ASCII password and the server offers no AUTH PLAIN")
    token = b64encode(b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8"))
    code, reply = connection.docmd("AUTH", "PLAIN " + token.decode("ascii"))
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _send_one(
    connection: _Connection, records: SubmissionRecords, message: OutboxData,
    account: AccountData, password: str,
) -> SendOutcome:
    try:
        data = Path(message.eml_path).read_bytes()
    except OSError as exc:
        records.mark_failed(message.id, "send.eml_missing", str(exc))
        return SendOutcome(message.id, "failed", "send.eml_missing", str(exc))
    limit = _server_size_limit(connection)
    if limit and len(data) > limit:
        detail = f"SIZE {limit} < {len(data)}"
        records.mark_failed(message.id, "send.too_large", detail)
        return SendOutcome(message.id, "failed", "send.too_large", detail)
    try:
        refused = connection.sendmail(account.sender_address, list(message.recipients), data)
    except _FateUnknown as exc:
        # Not "failed": a plain retry could deliver it twice. It stays "sending" (fate
        # unknown) until the clerk has looked in the sent folder and confirms a resend.
        detail = classify_failure(exc, password)[1]
        log.warning("message %s (part %s/%s): fate unknown after the message went out",
                    message.id, message.part, message.parts)
        records.mark_uncertain(message.id, "send.fate_unknown", detail)
        return SendOutcome(message.id, "uncertain", "send.fate_unknown", detail)
    except Exception as exc:
        code, detail = classify_failure(exc, password)
        log.warning("message %s (part %s/%s) failed: %s", message.id, message.part,
                    message.parts, code)
        records.mark_failed(message.id, code, detail)
        return SendOutcome(message.id, "failed", code, detail)
    detail = connection.last_data_reply
    if refused:
        detail += "; refused: " + "; ".join(
            f"{rcpt} {c} {_text(r)}" for rcpt, (c, r) in refused.items())
    records.mark_sent(message.id, detail)
    log.info("message %s (part %s/%s) sent to %s", message.id, message.part, message.parts,
             ", ".join(message.recipients))
    return SendOutcome(message.id, "sent", "send.some_refused" if refused else "", detail)


def _server_size_limit(connection: smtplib.SMTP) -> int:
    value = connection.esmtp_features.get("size", "")
    try:
        return int(value.split()[0]) if value.strip() else 0
    except ValueError:
        return 0


_CONNECTION_LOST = frozenset({"send.connection_dropped", "send.timeout", "send.no_network",
                              "send.fate_unknown"})


def classify_failure(exc: BaseException, password: str = "") -> tuple[str, str]:
    """(a code a clerk understands, the raw text for support) for a failed connect or send."""
    code, detail = _classify(exc)
    return code, scrub_secret(detail, password)


_BASE64_TOKEN = re.compile(r"[A-Za-z0-9+/]{4,}={0,2}")


def scrub_secret(text: str, password: str) -> str:
    """`text` without the password in any form a server may echo: as typed, and inside any
    base64 token (AUTH PLAIN's "\\0user\\0password", AUTH LOGIN's password alone), which
    some servers repeat in their 535 reply."""
    if not password:
        return text
    secret = password.encode("utf-8")

    def hide(match: re.Match[str]) -> str:
        token = match.group(0)
        try:
            decoded = base64.b64decode(token + "=" * (-len(token) % 4), validate=True)
        except (binascii.Error, ValueError):
            return token
        return "***" if secret in decoded else token

    return _BASE64_TOKEN.sub(hide, text.replace(password, "***"))


def _classify(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        answers = list(exc.recipients.items())
        detail = "; ".join(f"{rcpt}: {c} {_text(r)}" for rcpt, (c, r) in answers)
        smtp_code, reply = answers[0][1] if answers else (550, b"")
        return _by_reply(smtp_code, _text(reply), default="send.recipient_refused"), detail
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return "send.auth_failed", _reply_text(exc)
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return _by_reply(exc.smtp_code, _text(exc.smtp_error),
                         default="send.sender_refused"), _reply_text(exc)
    if isinstance(exc, smtplib.SMTPResponseException):
        return _by_reply(exc.smtp_code, _text(exc.smtp_error),
                         default="send.server_error"), _reply_text(exc)
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        text = str(exc)
        return ("send.auth_not_offered" if "AUTH" in text.upper() else "send.server_error",
                text)
    if isinstance(exc, _TlsUnavailable):
        return "send.tls_unavailable", str(exc)
    if isinstance(exc, _FateUnknown):
        return "send.fate_unknown", str(exc)
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return "send.tls_failed", f"{type(exc).__name__}: {exc}"
    if isinstance(exc, smtplib.SMTPServerDisconnected | ConnectionResetError |
                  ConnectionAbortedError | BrokenPipeError):
        return "send.connection_dropped", f"{type(exc).__name__}: {exc}"
    if isinstance(exc, socket.gaierror):
        return "send.host_not_found", f"{type(exc).__name__}: {exc}"
    if isinstance(exc, ConnectionRefusedError):
        return "send.connection_refused", f"{type(exc).__name__}: {exc}"
    if isinstance(exc, TimeoutError):
        return "send.timeout", f"{type(exc).__name__}: {exc}"
    if isinstance(exc, OSError):
        return "send.no_network", f"{type(exc).__name__}: {exc}"
    return "send.unexpected", f"{type(exc).__name__}: {exc}"


def _by_reply(smtp_code: int, reply: str, default: str) -> str:
    """Codes clerks meet: 535 wrong authorisation code, 552/452 full or too large, 550/553
    refused, 554 rejected as spam."""
    lowered = reply.lower()
    if smtp_code in (535, 534, 530) and default != "send.recipient_refused":
        return "send.auth_failed"
    if smtp_code in (552, 452, 523) and any(w in lowered for w in _SIZE_WORDS):
        return "send.too_large"
    if smtp_code in (552, 452):
        return "send.mailbox_full"
    if smtp_code in (550, 551, 553, 501) and default in ("send.recipient_refused",
                                                         "send.sender_refused"):
        return default
    if smtp_code in (550, 553) and default == "send.server_error":
        return "send.rejected"
    if smtp_code == 554:
        return "send.rejected"
    if smtp_code == 421:
        return "send.connection_dropped"
    return default


def _reply_text(exc: smtplib.SMTPResponseException) -> str:
    return f"{exc.smtp_code} {_text(exc.smtp_error)}"


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
