"""`licence-desk package` and `licence-desk send`: packages built from the rendered documents,
sent to a real SMTP server on 127.0.0.1, the password from the keyring, the environment or a
prompt, and never shown."""

from __future__ import annotations

import email
import getpass
import os
import subprocess
import sys
from collections.abc import Callable
from email import policy
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from app import cli
from app.cli import PASSWORD_ENV_VAR, main
from app.models.database import open_database
from app.models.store import Store
from app.submit.credentials import SERVICE, keyring_user
from app.submit.records import SubmissionRecords
from tests import test_cli_book
from tests.submit import conftest as submit_fixtures
from tests.submit.support import ASCII_PASSWORD, USER, MemoryKeyring, Server
from tests.test_cli_book import GOOD, OTHER, PERIOD, seed_book

ROOT = Path(__file__).resolve().parent.parent

# Fixtures shared with the submission tests and the render tests: taken by name, not moved.
certificate = submit_fixtures.certificate
fail_keyring = submit_fixtures.fail_keyring
memory_keyring = submit_fixtures.memory_keyring
smtp_server = submit_fixtures.smtp_server
register = test_cli_book.register


@pytest.fixture(autouse=True)
def chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LICENCE_DESK_LANG", raising=False)
    monkeypatch.delenv(PASSWORD_ENV_VAR, raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def rows(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.splitlines() if "\t" in line]


@pytest.fixture
def rendered(capsys: pytest.CaptureFixture[str], register: Path, tmp_path: Path) -> Path:
    """GOOD and OTHER finalised, their PDFs and the summary list rendered; the register."""
    db = str(register)
    assert run(capsys, "--db", db, "finalise", "--patent", GOOD, OTHER)[0] == 0
    assert run(capsys, "--db", db, "render", "offers", "--patent", GOOD, OTHER,
               "--out", str(tmp_path / "pdf"))[0] == 0
    assert run(capsys, "--db", db, "render", "summary-list", "--out",
               str(tmp_path / "list"))[0] == 0
    return register


def package_folder(out: str) -> Path:
    """The package folder, from the last line's `licence-desk send "<folder>"`."""
    return Path(out.rstrip().rsplit('"', 2)[-2])


def offer_states(db: Path) -> dict[str, str]:
    database = open_database(db)
    try:
        return {o.patent.number: o.state for o in Store(database).offers()}
    finally:
        database.close()


# package ------------------------------------------------------------------------------------


def test_hubei_package_needs_sealed_copies_or_the_confirmation(
    capsys: pytest.CaptureFixture[str], rendered: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "packages"
    code, out, _ = run(capsys, "--db", str(rendered), "package", "--target", "hubei",
                       "--out", str(out_dir))
    assert code == 1
    unsealed = [r for r in rows(out) if "尚无盖章扫描件" in r[2]]
    assert {r[0] for r in unsealed} == {"汇总表", f"ZL{GOOD} 信息表", f"ZL{GOOD} 声明",
                                        f"ZL{OTHER} 信息表", f"ZL{OTHER} 声明"}
    assert "未生成材料包" in out
    assert not out_dir.exists() or not any(out_dir.iterdir())  # nothing built

    code, out, _ = run(capsys, "--db", str(rendered), "package", "--target", "湖北",
                       "--send-unsealed", "--out", str(out_dir))
    assert code == 0, out
    folder = package_folder(out)
    assert folder.parent == out_dir.resolve()
    assert sorted(p.name for p in folder.iterdir()) == sorted([
        "汇总表.pdf", f"ZL{GOOD} 信息表.pdf", f"ZL{GOOD} 声明.pdf", f"ZL{OTHER} 信息表.pdf",
        f"ZL{OTHER} 声明.pdf", "清单.csv", "manifest.json", "邮件草稿.eml"])
    assert folder.with_name(folder.name + ".zip").is_file()
    assert folder.name.startswith("武汉大学-湖北-")
    assert any("按确认以未盖章的版本报送" in r[2] for r in rows(out))


def test_package_lists_every_problem_and_builds_nothing(
    capsys: pytest.CaptureFixture[str], rendered: Path, tmp_path: Path
) -> None:
    db = str(rendered)
    # Only GOOD, but the summary list names OTHER too.
    code, out, _ = run(capsys, "--db", db, "package", "--target", "hubei", "--patent", GOOD,
                       "--send-unsealed", "--out", str(tmp_path / "p1"))
    assert code == 1
    assert any(f"ZL{OTHER}" in r[2] and "汇总表列出了专利" in r[2] for r in rows(out))
    assert not (tmp_path / "p1").exists()

    # A PDF edited on disk after it was generated.
    sheet = tmp_path / "pdf" / f"ZL{GOOD} 信息表.pdf"
    sheet.write_bytes(sheet.read_bytes() + b"%tampered")
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "package", "--target", "hubei",
                       "--send-unsealed", "--out", str(tmp_path / "p2"))
    assert code == 1
    assert any("was changed after it was generated" in r[2] for r in rows(out))

    # A patent whose sheet was never rendered, and one that is not in the register.
    code, out, _ = run(capsys, "--db", db, "package", "--target", "hubei", "--patent",
                       "201810123456.5", "202110567890.4", "--send-unsealed",
                       "--out", str(tmp_path / "p3"))
    assert code == 1
    assert "202110567890.4：登记册中没有该专利。" in out
    assert any("render offers" in r[2] for r in rows(out))
    assert not (tmp_path / "p2").exists() and not (tmp_path / "p3").exists()


def test_package_before_the_summary_list_and_unknown_targets(
    capsys: pytest.CaptureFixture[str], register: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(register), "package", "--target", "hubei",
                       "--send-unsealed", "--out", str(tmp_path))
    assert code == 1 and "render summary-list" in out
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    run(capsys, "--db", str(register), "finalise", "--patent", GOOD)
    run(capsys, "--db", str(register), "render", "offers", "--patent", GOOD, "--out",
        str(tmp_path / "pdf"))
    run(capsys, "--db", str(register), "render", "summary-list", "--out", str(tmp_path / "l"))
    code, out, err = run(capsys, "--db", str(register), "package", "--target", "hubei",
                         "--send-unsealed", "--out", str(blocked / "packages"))
    assert code == 2 and "无法在" in err and "Traceback" not in out + err
    code, _, err = run(capsys, "--db", str(register), "package", "--target", "shanghai",
                       "--out", str(tmp_path))
    assert code == 2 and "shanghai" in err and "hubei (湖北)" in err
    assert run(capsys, "--db", str(register), "package", "--out", str(tmp_path))[0] == 2


def test_xinyang_and_henan_packages_take_the_rendered_tables_and_book(
    capsys: pytest.CaptureFixture[str], register: Path, tmp_path: Path
) -> None:
    seed_book(register, tmp_path)
    db = str(register)
    assert run(capsys, "--db", db, "render", "deals", "--period", PERIOD, "--county", "浉河区",
               "--out", str(tmp_path / "tables"))[0] == 0
    code, out, _ = run(capsys, "--db", db, "package", "--target", "xinyang", "--send-unsealed",
                       "--out", str(tmp_path / "xy"))
    assert code == 0, out
    folder = package_folder(out)
    assert {"专利开放许可试点情况统计表.xlsx", "专利开放许可试点达成项目清单.xlsx"} <= {
        p.name for p in folder.iterdir()}
    assert any("尚未生成联系人信息表" in r[2] for r in rows(out))  # no generator for it yet

    assert run(capsys, "--db", db, "render", "summary-book", "--period", PERIOD,
               "--out", str(tmp_path / "book"))[0] == 0
    code, out, _ = run(capsys, "--db", db, "package", "--target", "henan", "--send-unsealed",
                       "--out", str(tmp_path / "hn"))
    assert code == 0, out
    assert "河南省专利开放许可试点工作总结书.pdf" in {p.name for p in package_folder(out).iterdir()}


# send ---------------------------------------------------------------------------------------


def build_and_add_account(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path,
                          server: Server, *, name: str = "test") -> Path:
    code, out, _ = run(capsys, "--db", str(db), "package", "--target", "hubei",
                       "--send-unsealed", "--out", str(tmp_path / "packages"))
    assert code == 0, out
    database = open_database(db)
    try:
        saved = SubmissionRecords(database).save_account(server.account(name=name))
        assert saved.saved, saved.findings
    finally:
        database.close()
    return package_folder(out)


def test_send_with_the_password_from_the_environment(
    capsys: pytest.CaptureFixture[str], rendered: Path, tmp_path: Path,
    smtp_server: Callable[..., Server], fail_keyring: KeyringBackend,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = smtp_server(security="none", password=ASCII_PASSWORD)
    folder = build_and_add_account(capsys, rendered, tmp_path, server)
    monkeypatch.setenv(PASSWORD_ENV_VAR, ASCII_PASSWORD)

    code, out, err = run(capsys, "--db", str(rendered), "send", str(folder))
    assert code == 0, out + err
    [line] = rows(out)
    assert line[0] == "1/1" and line[1] == "已发送" and "汇总表、信息表及声明" in line[2]
    assert "已发送 1 封，失败 0 封" in out
    assert ASCII_PASSWORD not in out + err
    [received] = server.recorder.received
    assert received.rcpt_tos == ["dingwei@hbipo.gov.cn"]
    mail = email.message_from_bytes(received.content, policy=policy.default)
    names = sorted(part.get_filename() for part in mail.iter_attachments())
    assert names == sorted(["汇总表.pdf", f"ZL{GOOD} 信息表.pdf", f"ZL{GOOD} 声明.pdf",
                            f"ZL{OTHER} 信息表.pdf", f"ZL{OTHER} 声明.pdf"])
    assert offer_states(rendered)[GOOD] == "submitted"

    # Again: nothing goes twice. The zip names the same package.
    code, out, _ = run(capsys, "--db", str(rendered), "--lang", "en", "send",
                       str(folder.with_name(folder.name + ".zip")))
    assert code == 0 and "was already sent; nothing was sent again" in out
    assert len(server.recorder.received) == 1


def test_send_over_starttls_to_a_server_with_a_private_ca(
    capsys: pytest.CaptureFixture[str], rendered: Path, tmp_path: Path,
    smtp_server: Callable[..., Server], certificate: object,
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The password stored in the keyring; the server's CA trusted through SSL_CERT_FILE."""
    server = smtp_server(security="starttls", password=ASCII_PASSWORD)
    folder = build_and_add_account(capsys, rendered, tmp_path, server)
    memory_keyring.entries[(SERVICE, keyring_user(USER, server.host))] = ASCII_PASSWORD
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate.cert))  # type: ignore[attr-defined]
    code, out, err = run(capsys, "--db", str(rendered), "send", str(folder))
    assert code == 0, out + err
    assert len(server.recorder.received) == 1


def test_no_keyring_and_no_terminal_exits_2_naming_the_variable(
    capsys: pytest.CaptureFixture[str], rendered: Path, tmp_path: Path,
    smtp_server: Callable[..., Server], fail_keyring: KeyringBackend,
) -> None:
    server = smtp_server(security="none", password=ASCII_PASSWORD)
    folder = build_and_add_account(capsys, rendered, tmp_path, server)
    code, out, err = run(capsys, "--db", str(rendered), "send", str(folder))
    assert code == 2
    assert PASSWORD_ENV_VAR in err and "没有可用的系统密码库" in err and "未发送任何邮件" in err
    assert "Traceback" not in out + err
    assert server.recorder.received == []


def test_a_prompt_on_a_terminal_and_the_code_remembered_once_accepted(
    capsys: pytest.CaptureFixture[str], rendered: Path, tmp_path: Path,
    smtp_server: Callable[..., Server], memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = smtp_server(security="none", password=ASCII_PASSWORD)
    folder = build_and_add_account(capsys, rendered, tmp_path, server)
    prompts: list[str] = []

    def typed(prompt: str = "") -> str:
        prompts.append(prompt)
        return ASCII_PASSWORD

    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr(getpass, "getpass", typed)
    code, out, err = run(capsys, "--db", str(rendered), "send", str(folder))
    assert code == 0, out + err
    assert prompts == [f"{USER}（{server.host}）的授权码："]
    assert memory_keyring.entries == {(SERVICE, keyring_user(USER, server.host)): ASCII_PASSWORD}


def test_a_refused_password_fails_each_mail_and_is_never_shown(
    capsys: pytest.CaptureFixture[str], rendered: Path, tmp_path: Path,
    smtp_server: Callable[..., Server], fail_keyring: KeyringBackend,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = smtp_server(security="none", password=ASCII_PASSWORD)
    folder = build_and_add_account(capsys, rendered, tmp_path, server)
    wrong = "WRONG-code-0042"
    monkeypatch.setenv(PASSWORD_ENV_VAR, wrong)
    code, out, err = run(capsys, "--db", str(rendered), "send", str(folder))
    assert code == 1
    [line] = rows(out)
    assert line[1] == "发送失败" and "拒绝登录" in line[3]
    assert wrong not in out + err
    assert offer_states(rendered)[GOOD] == "generated"
    # The right code then: the same package goes out.
    monkeypatch.setenv(PASSWORD_ENV_VAR, ASCII_PASSWORD)
    assert run(capsys, "--db", str(rendered), "send", str(folder))[0] == 0
    assert len(server.recorder.received) == 1


def test_send_usage(
    capsys: pytest.CaptureFixture[str], rendered: Path, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    db = str(rendered)
    code, _, err = run(capsys, "--db", db, "send", str(tmp_path))
    assert code == 2 and "不是由本登记册生成的材料包" in err
    code, out, _ = run(capsys, "--db", db, "package", "--target", "hubei", "--send-unsealed",
                       "--out", str(tmp_path / "packages"))
    folder = package_folder(out)
    code, _, err = run(capsys, "--db", db, "send", str(folder))
    assert code == 2 and "尚未设置发件邮箱" in err
    database = open_database(rendered)
    try:
        records = SubmissionRecords(database)
        for name in ("学校邮箱", "备用邮箱"):
            records.save_account(smtp_server(security="none").account(name=name))
    finally:
        database.close()
    code, _, err = run(capsys, "--db", db, "send", str(folder))
    assert code == 2 and "--account" in err and "学校邮箱" in err
    code, _, err = run(capsys, "--db", db, "send", str(folder), "--account", "没有")
    assert code == 2 and "没有发件邮箱“没有”" in err


def test_send_in_a_fresh_interpreter_without_qt(
    capsys: pytest.CaptureFixture[str], rendered: Path, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server(security="none", password=ASCII_PASSWORD)
    folder = build_and_add_account(capsys, rendered, tmp_path, server)
    script = (
        "import sys\n"
        "from app.cli import main\n"
        f"code = main(['--db', {str(rendered)!r}, 'send', {str(folder)!r}])\n"
        "print('RESULT', code, sorted(m for m in sys.modules if m.startswith(('PySide6', "
        "'shiboken6'))))\n"
    )
    env = {**os.environ, PASSWORD_ENV_VAR: ASCII_PASSWORD, "PYTHON_KEYRING_BACKEND":
           "keyring.backends.fail.Keyring"}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, encoding="utf-8", timeout=180, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "RESULT 0 []"
    assert ASCII_PASSWORD not in result.stdout + result.stderr
    assert len(server.recorder.received) == 1


def test_a_mail_of_unknown_fate_exits_1_and_goes_again_only_with_resend_uncertain(
    capsys: pytest.CaptureFixture[str], rendered: Path, tmp_path: Path,
    smtp_server: Callable[..., Server], fail_keyring: KeyringBackend,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The server stores the mail, then the line dies before its reply (issue 18 point 4)."""
    server = smtp_server(security="none", password=ASCII_PASSWORD, mode="store_then_drop")
    folder = build_and_add_account(capsys, rendered, tmp_path, server)
    monkeypatch.setenv(PASSWORD_ENV_VAR, ASCII_PASSWORD)

    code, out, _ = run(capsys, "--db", str(rendered), "send", str(folder))
    assert code == 1
    [line] = rows(out)[:1]
    assert line[1] == "结果未知（可能已发出）" and "--resend-uncertain" in out
    assert len(server.recorder.received) == 1

    server.recorder.mode = "ok"
    code, out, _ = run(capsys, "--db", str(rendered), "--lang", "en", "send", str(folder))
    assert code == 1  # was "0 sent" and exit 0
    assert "fate unknown" in out and "--resend-uncertain" in out
    assert len(server.recorder.received) == 1

    code, out, _ = run(capsys, "--db", str(rendered), "send", str(folder), "--resend-uncertain")
    assert code == 0, out
    assert len(server.recorder.received) == 2


def test_log_lines_stay_in_the_log_file_not_on_the_clerks_stderr(
    capsys: pytest.CaptureFixture[str], rendered: Path, tmp_path: Path,
    smtp_server: Callable[..., Server], fail_keyring: KeyringBackend,
) -> None:
    """A failed mail is worded on stdout in the clerk's language; the log's raw line
    ("... failed: send.auth_refused") goes to the log file, never to stderr. In a separate
    process: pytest's own log capture would hide Python's fallback printing on stderr."""
    server = smtp_server(security="none", password=ASCII_PASSWORD)
    folder = build_and_add_account(capsys, rendered, tmp_path, server)
    data = tmp_path / "data"
    env = {**os.environ, PASSWORD_ENV_VAR: "WRONG-code-0042", "LICENCE_DESK_DATA_DIR": str(data)}
    env.pop("LICENCE_DESK_LANG", None)
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(rendered), "send", str(folder)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "拒绝登录" in done.stdout
    assert "send." not in done.stderr and "failed" not in done.stderr, done.stderr
    log = (data / "logs" / "licence-desk.log").read_text(encoding="utf-8")
    assert "failed: send.auth" in log
