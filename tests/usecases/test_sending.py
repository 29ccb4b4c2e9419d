"""Sending the outbox through the use case, against a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from app.models.database import Database
from app.submit.outbox import record_and_queue
from app.submit.package import build_package
from app.submit.records import SubmissionRecords
from app.usecases.submission import send_mails
from tests.submit import conftest as submit_fixtures
from tests.submit.support import ASCII_PASSWORD, Server, package_items, summary_rows

certificate = submit_fixtures.certificate
smtp_server = submit_fixtures.smtp_server
records = submit_fixtures.records

NUMBERS = ["201710601862.3", "201920123456.2"]


def test_drafts_are_written_for_the_account_then_sent_with_progress(
    records: SubmissionRecords, database: Database, tmp_path: Path,
    smtp_server: Callable[..., Server],
) -> None:
    server = smtp_server("starttls")
    target = records.target_by_key("hubei")
    assert target is not None
    built = build_package(target, "华中科技大学", dt.date(2024, 9, 10),
                          package_items(database, tmp_path / "generated", NUMBERS),
                          tmp_path / "out", summary_list=summary_rows(NUMBERS))
    package_id, _ = record_and_queue(records, built)  # no account yet: drafts
    assert [m.state for m in records.outbox(package_id)] == ["draft"]
    saved = records.save_account(server.account())
    account = records.account(saved.record_id)  # type: ignore[arg-type]
    assert account is not None

    steps: list[tuple[int, int]] = []
    report = send_mails(records, [m.id for m in records.outbox(package_id)], account,
                        lambda _account: ASCII_PASSWORD,
                        progress=lambda done, total: steps.append((done, total)),
                        ssl_context=server.client_context, timeout=5)
    assert report.all_sent and report.findings == []
    assert steps == [(0, 1), (1, 1)]
    assert [m.state for m in records.outbox(package_id)] == ["sent"]
    assert len(server.recorder.received) == 1
