"""kill -9 of `send` while the server holds the mail (issue 18 point 4: "after a kill during
sending, parts stay 'sending' and send prints '0 sent' and exits 0"). The next `send` shows
the mail's fate as unknown, exits 1 and does not send it again; `--resend-uncertain` does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from app.cli import PASSWORD_ENV_VAR
from tests import test_cli_book
from tests.submit import conftest as submit_fixtures
from tests.submit.support import ASCII_PASSWORD, Server
from tests.test_cli_package import build_and_add_account, rendered, rows, run  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
certificate = submit_fixtures.certificate
fail_keyring = submit_fixtures.fail_keyring
smtp_server = submit_fixtures.smtp_server
register = test_cli_book.register


def test_a_send_killed_while_the_server_holds_the_mail_is_not_resent_unasked(
    capsys: pytest.CaptureFixture[str], rendered: Path, tmp_path: Path,  # noqa: F811
    smtp_server: Callable[..., Server], fail_keyring: KeyringBackend,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LICENCE_DESK_LANG", raising=False)
    server = smtp_server(security="none", password=ASCII_PASSWORD, mode="store_then_hang")
    folder = build_and_add_account(capsys, rendered, tmp_path, server)
    env = {**os.environ, PASSWORD_ENV_VAR: ASCII_PASSWORD, "PYTHONPATH": str(ROOT),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    sending = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(rendered), "send", str(folder)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not server.recorder.received and time.monotonic() < deadline:
            assert sending.poll() is None, "send ended before the server held the mail"
            time.sleep(0.05)
        assert server.recorder.received, "the mail never reached the server"
    finally:
        sending.send_signal(signal.SIGKILL)
        sending.wait(timeout=30)

    server.recorder.mode = "ok"
    monkeypatch.setenv(PASSWORD_ENV_VAR, ASCII_PASSWORD)
    code, out, _ = run(capsys, "--db", str(rendered), "send", str(folder))
    assert code == 1, out  # was "0 sent" and exit 0
    assert rows(out)[0][1] == "结果未知（可能已发出）" and "--resend-uncertain" in out
    assert len(server.recorder.received) == 1  # not sent again unasked

    code, out, _ = run(capsys, "--db", str(rendered), "send", str(folder), "--resend-uncertain")
    assert code == 0, out
    assert len(server.recorder.received) == 2
