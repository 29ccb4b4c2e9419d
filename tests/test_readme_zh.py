"""The README's Chinese part carries what a clerk needs, as the English part does: every
command the English "Command line" section lists is explained in Chinese too, and the
sections on installing, the desktop and backing up are there."""

from __future__ import annotations

import re
from pathlib import Path

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    start = text.index(heading)
    following = re.search(r"^## ", text[start + len(heading):], re.MULTILINE)
    return text[start:start + len(heading) + following.start()] if following else text[start:]


def test_every_command_of_the_english_part_is_explained_in_chinese() -> None:
    english = section(README, "## Command line")
    chinese = section(README, "## 中文说明")
    commands = set(re.findall(r"^- `([a-z][a-z-]+(?: [a-z-]+)?)", english, re.MULTILINE))
    assert {"check-number", "validate", "send", "render ops-centre"} <= commands
    missing = [c for c in sorted(commands) if f"`{c}" not in chinese]
    assert missing == []


def test_the_chinese_part_says_how_to_start_where_the_data_is_and_how_to_back_up() -> None:
    chinese = section(README, "## 中文说明")
    for heading in ("### 功能", "### 安装与启动", "### 数据保存在哪里，如何备份", "### 命令行"):
        assert heading in chinese
    assert "窗口需要图形桌面" in chinese
    assert "文件 → 备份到文件" in chinese and "licence-desk.sqlite3-wal" in chinese
    assert "licence-desk.sqlite3" in chinese and "%LOCALAPPDATA%" in chinese
