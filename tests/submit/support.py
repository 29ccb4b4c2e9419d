"""Helpers of submission tests: keyring backends, the TLS certificate, the SMTP handler, and
register records (patents, offers, generated documents) to package."""

from __future__ import annotations

import hashlib
import os
import socket
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

from app.models.database import Database
from app.models.entities import DocumentState, GeneratedDocument, Offer, Patent
from app.submit.accounts import AccountData
from app.submit.package import PackageItem, PatentRow

# Keyring ----------------------------------------------------------------------------------


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class LockedKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the login keychain is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("the login keychain is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("the login keychain is locked")


# TLS certificate ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)
        return context

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cert))


# SMTP server -------------------------------------------------------------------------------

USER = "clerk@example.edu.cn"
PASSWORD = "Zq7-authcode-Ω"  # ASCII is what the webmail services issue; see the UTF-8 test
ASCII_PASSWORD = "XKZQPWTRBVNM4821"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes


@dataclass
class Recorder:
    """aiosmtpd handler: stores what it receives, or answers as a difficult server would."""

    # ok | too_large | drop (after the whole message, unstored) | store_then_drop (stored,
    # then the line dies before the final reply) | drop_at_rcpt (before any data) | reject_rcpt
    # | store_then_hang (stored, the final reply held back: the sender can be killed waiting)
    mode: str = "ok"
    received: list[Received] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          options: list[str]) -> str:
        if self.mode == "reject_rcpt":
            return "550 5.1.1 Mailbox does not exist"
        if self.mode == "drop_at_rcpt":
            server.transport.close()
            return "250 OK"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.mode == "too_large":
            return "552 5.3.4 Message size exceeds fixed limit"
        if self.mode == "drop":
            server.transport.close()  # the line goes dead before the server answers
            return "250 OK"
        if self.mode == "store_then_hang":
            import asyncio

            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                           envelope.original_content or envelope.content))
            await asyncio.sleep(30)
            return "250 OK"
        if self.mode == "store_then_drop":
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                           envelope.original_content or envelope.content))
            server.transport.close()
            return "250 OK"
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                       envelope.original_content or envelope.content))
        return "250 2.0.0 OK queued as LD42"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    host: str
    port: int
    security: str
    recorder: Recorder
    client_context: ssl.SSLContext | None

    def account(self, user: str = USER, **changes: Any) -> AccountData:
        values: dict[str, Any] = {
            "name": "test", "host": self.host, "port": self.port, "security": self.security,
            "user": user, "sender_name": "科技成果转化办公室", "sender_address": USER,
        }
        values.update(changes)
        return AccountData(**values)


def authenticator(password: str) -> Callable[..., Any]:
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str,
                     auth_data: Any) -> AuthResult:
        if (isinstance(auth_data, LoginPassword) and auth_data.login == USER.encode()
                and auth_data.password == password.encode("utf-8")):
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)  # handled=False or the client hangs

    return authenticate


# Register records --------------------------------------------------------------------------

PATENTS = {
    "201710601862.3": ("一种高强度钢的热处理方法", ("华中科技大学", "武汉钢铁有限公司")),
    "201920123456.2": ("一种实验用夹具", ("华中科技大学",)),
}


def fake_pdf(path: Path, seed: str, size: int = 3000) -> str:
    """A file that is a PDF by its magic bytes, with binary content (CR, LF, dots at line
    starts) that a careless mail encoder would damage; its SHA-256."""
    body = b"".join(hashlib.sha256(f"{seed}{i}".encode()).digest() for i in range(size // 32))
    data = b"%PDF-1.7\r\n.\r\n" + body + b"\n.\n%%EOF\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class OfferDocuments:
    offer_id: int
    sheet_id: int
    declaration_id: int


def add_offer_documents(database: Database, folder: Path, number: str,
                        state: str = DocumentState.GENERATED.value,
                        size: int = 3000) -> OfferDocuments:
    """A patent with an offer in `state`, and its generated sheet and declaration files."""
    title, patentees = PATENTS.get(number, ("一种装置", ("华中科技大学",)))
    with database.session() as session, session.begin():
        patent = Patent(number=number, title=title)
        patent.patentees = list(patentees)
        offer = Offer(patent=patent, state=state)
        session.add_all([patent, offer])
        session.flush()
        ids = []
        for kind, label in (("information_sheet", "信息表"), ("declaration", "声明")):
            path = folder / f"{number}-{kind}.pdf"
            digest = fake_pdf(path, number + kind, size)
            document = GeneratedDocument(kind=kind, subject=number, offer_id=offer.id,
                                         path=str(path), sha256=digest,
                                         size=path.stat().st_size)
            session.add(document)
            session.flush()
            ids.append(document.id)
            del label
        return OfferDocuments(offer.id, ids[0], ids[1])


def add_document(database: Database, folder: Path, kind: str, subject: str,
                 size: int = 3000) -> int:
    with database.session() as session, session.begin():
        path = folder / f"{kind}-{subject}.pdf"
        digest = fake_pdf(path, kind + subject, size)
        document = GeneratedDocument(kind=kind, subject=subject, path=str(path), sha256=digest,
                                     size=path.stat().st_size)
        session.add(document)
        session.flush()
        return document.id


def offer_state(database: Database, offer_id: int) -> str:
    with database.session() as session:
        offer = session.get(Offer, offer_id)
        assert offer is not None
        return offer.state


def data_dir() -> Path:
    return Path(os.environ["LICENCE_DESK_DATA_DIR"])


def package_items(database: Database, folder: Path, numbers: Sequence[str],
                  size: int = 3000, confirmed: bool = True) -> list[PackageItem]:
    """A Hubei package: the summary list, then each patent's sheet and declaration."""
    summary_id = add_document(database, folder, "summary_list", "第一批", size)
    items = [_item(database, summary_id, "汇总表", None, confirmed)]
    for number in numbers:
        docs = add_offer_documents(database, folder, number, size=size)
        items.append(_item(database, docs.sheet_id, f"{number} 信息表", number, confirmed))
        items.append(_item(database, docs.declaration_id, f"{number} 声明", number, confirmed))
    return items


def _item(database: Database, document_id: int, name: str, patent: str | None,
          confirmed: bool) -> PackageItem:
    with database.session() as session:
        document = session.get(GeneratedDocument, document_id)
        assert document is not None
        return PackageItem(Path(document.path), document.kind, name, patent, document.sha256,
                           current=True, unsealed_confirmed=confirmed, document_id=document_id)


def summary_rows(numbers: Sequence[str]) -> list[PatentRow]:
    return [PatentRow(n, PATENTS.get(n, ("", ("华中科技大学",)))[1]) for n in numbers]
