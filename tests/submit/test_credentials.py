"""The password in the OS keyring only; no keyring is a clear result, never an exception."""

from __future__ import annotations

import dataclasses

from app.models.findings import Finding
from app.submit import credentials
from app.submit.accounts import (
    AccountData,
    KeyringPassword,
    account_presets,
    check_account,
    store_password,
)
from app.submit.credentials import SERVICE, CredentialStatus
from app.submit.records import SubmissionRecords
from app.usecases.accounts import remove_account

from .support import LockedKeyring, MemoryKeyring

ACCOUNT = AccountData("网易 163 邮箱", "smtp.163.com", 465, "ssl", "kjc@163.com", "科技处",
                      "kjc@163.com", id=1)


def test_set_get_delete_in_the_keyring(memory_keyring: MemoryKeyring) -> None:
    assert credentials.get_password("kjc@163.com", "smtp.163.com").status is (
        CredentialStatus.NOT_FOUND)
    assert credentials.set_password("kjc@163.com", "SMTP.163.com", "ABCDEFGH12345678").ok
    assert memory_keyring.entries == {(SERVICE, "kjc@163.com@smtp.163.com"): "ABCDEFGH12345678"}
    found = credentials.get_password("kjc@163.com", "smtp.163.com")
    assert found.ok and found.password == "ABCDEFGH12345678"
    assert "ABCDEFGH12345678" not in repr(found)
    assert credentials.delete_password("kjc@163.com", "smtp.163.com").ok
    assert credentials.delete_password("kjc@163.com", "smtp.163.com").status is (
        CredentialStatus.NOT_FOUND)


def test_the_fail_backend_reports_no_keyring(fail_keyring: object) -> None:
    for result in (credentials.get_password("u", "h"), credentials.set_password("u", "h", "pw"),
                   credentials.delete_password("u", "h"), credentials.keyring_available()):
        assert result.status is CredentialStatus.NO_KEYRING
        assert result.finding is not None and result.finding.code == "credentials.no_keyring"


def test_a_locked_keyring_reports_why(locked_keyring: LockedKeyring) -> None:
    result = credentials.get_password("u", "h")
    assert result.status is CredentialStatus.NO_KEYRING
    assert result.finding is not None and result.finding.code == "credentials.keyring_locked"


def test_the_provider_asks_when_there_is_no_keyring_and_says_why(fail_keyring: object) -> None:
    asked: list[Finding | None] = []

    def ask(account: AccountData, why: Finding | None) -> str | None:
        asked.append(why)
        return "typed-each-time"

    provider = KeyringPassword(ask)
    assert provider(ACCOUNT) == "typed-each-time"
    provider.on_login(ACCOUNT, True)  # nowhere to store it; no error either
    assert provider(ACCOUNT) == "typed-each-time"
    assert [w.code if w else None for w in asked] == ["credentials.no_keyring"] * 2


def test_a_typed_password_is_stored_once_accepted_and_a_refused_one_forgotten(
    memory_keyring: MemoryKeyring,
) -> None:
    answers = iter(["wrong-code", "right-code"])
    asked: list[Finding | None] = []

    def ask(account: AccountData, why: Finding | None) -> str | None:
        asked.append(why)
        return next(answers)

    provider = KeyringPassword(ask)
    assert provider(ACCOUNT) == "wrong-code"
    provider.on_login(ACCOUNT, False)
    assert memory_keyring.entries == {}  # a refused password is not kept
    assert provider(ACCOUNT) == "right-code"
    provider.on_login(ACCOUNT, True)
    assert list(memory_keyring.entries.values()) == ["right-code"]
    assert provider(ACCOUNT) == "right-code"  # from the keyring, not asked
    assert asked == [None, None]
    provider.on_login(ACCOUNT, False)  # the server now refuses it (code revoked)
    assert memory_keyring.entries == {}


def test_presets_and_account_checks() -> None:
    presets = {p.key: p for p in account_presets()}
    assert (presets["126"].host, presets["126"].port, presets["126"].security) == (
        "smtp.126.com", 465, "ssl")
    assert (presets["163"].host, presets["163"].port) == ("smtp.163.com", 465)
    assert (presets["qq"].host, presets["qq"].port) == ("smtp.qq.com", 465)
    assert (presets["corporate"].host, presets["corporate"].port,
            presets["corporate"].security) == ("", 587, "starttls")
    account = AccountData.from_preset(presets["163"], "kjc@163.com", "科技处")
    assert check_account(account) == []
    assert {f.code for f in check_account(AccountData.from_preset(presets["corporate"]))} == {
        "account.host_required", "account.sender_invalid"}
    plain_remote = AccountData("x", "mail.example.edu.cn", 25, "none", "u", "", "u@example.cn")
    assert [f.code for f in check_account(plain_remote)] == ["account.insecure"]
    plain_local = AccountData("x", "127.0.0.1", 2525, "none", "", "", "u@example.cn")
    assert check_account(plain_local) == []


def test_removing_an_account_removes_its_keyring_entry(
    records: SubmissionRecords, memory_keyring: MemoryKeyring
) -> None:
    first = records.save_account(dataclasses.replace(ACCOUNT, id=None))
    second = records.save_account(dataclasses.replace(ACCOUNT, id=None, name="同一邮箱"))
    assert first.record_id is not None and second.record_id is not None
    account = records.account(first.record_id)
    assert account is not None and store_password(account, "SECRET").ok
    assert remove_account(records, first.record_id) is not None
    assert memory_keyring.entries  # still used by the second account
    result = remove_account(records, second.record_id)
    assert result is not None and result.ok and memory_keyring.entries == {}
    assert remove_account(records, second.record_id) is None
    assert records.accounts() == []
