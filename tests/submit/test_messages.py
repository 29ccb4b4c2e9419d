"""Every code submission can return has words in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from app import messages

SOURCE = Path(__file__).resolve().parents[2] / "app" / "submit"
PREFIXES = ("sealed", "package", "target", "account", "credentials", "send", "outbox")


def test_every_submission_code_is_in_the_message_table() -> None:
    used: set[str] = set()
    pattern = re.compile('"((?:' + "|".join(PREFIXES) + r')\.[a-z_]+)"')
    for path in SOURCE.glob("*.py"):
        used |= set(pattern.findall(path.read_text("utf-8")))
    assert len(used) > 60
    missing = sorted(used - set(messages.MESSAGES))
    assert missing == []
    for state in ("draft", "queued", "sending", "sent", "failed"):
        assert f"outbox.{state}" in messages.MESSAGES


def test_findings_read_with_their_parameters() -> None:
    from app.models.findings import error

    finding = error("package.summary_patentees_differ", "summary_list",
                    patent="201710601862.3", listed="华中科技大学", sheet="华中科技大学、武汉大学")
    text = messages.describe(finding)
    assert text == ("专利 201710601862.3：汇总表中的专利权人为 华中科技大学，"
                    "信息表中为 华中科技大学、武汉大学，两者不一致。")
    assert "201710601862.3" in messages.describe(finding, messages.EN)
