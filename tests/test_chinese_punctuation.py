"""Chinese text uses full-width ？ and ： (issue 17 §9): the window's catalogue and the message
tables. A half-width one is allowed only inside what is typed literally: an address, a command
line, a file-name rule."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from app import messages

ROOT = Path(__file__).resolve().parents[1]
HALF_WIDTH = re.compile(r"[\u4e00-\u9fff（），。、]\s*[?:]|[?:]\s*[\u4e00-\u9fff（]")
LITERAL = re.compile(r"\{[^}]*\}|%\d|postgresql://\S+|\?sslmode=\S+|: \* \? \"")


def half_width(text: str) -> bool:
    return bool(HALF_WIDTH.search(LITERAL.sub("", text)))


def test_the_catalogue_has_no_half_width_question_mark_or_colon_in_chinese() -> None:
    tree = ET.parse(ROOT / "translations" / "licence_desk_zh_CN.ts")
    wrong = [t.text for t in tree.iter("translation") if t.text and half_width(t.text)]
    assert wrong == []


def test_the_message_tables_have_no_half_width_question_mark_or_colon_in_chinese() -> None:
    tables = [value for name, value in vars(messages).items()
              if name.isupper() and isinstance(value, dict)]
    wrong = [zh for table in tables for pair in table.values()
             if isinstance(pair, tuple) and len(pair) == 2 and isinstance(zh := pair[1], str)
             and half_width(zh)]
    assert wrong == []


def test_the_check_sees_a_half_width_colon() -> None:
    assert half_width("文件夹: D:\\报送") and half_width("是否替换?")
    assert not half_width("文件夹：%1") and not half_width("Folder: %1")
