"""The long-text field: the notice's guidance beside the box, a live character count (line
breaks not counted), the limit where one is stated, and the summary book editor using it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.models.store import Store
from app.models.summary_book import SELF_EVALUATION_GUIDANCE
from app.ui.long_text import LongTextField, character_count
from app.ui.summary_book_editor import SummaryBookEditor
from tests.ui.conftest import commit_text


def test_count_is_live_and_ignores_line_breaks(qtbot: QtBot) -> None:
    field = LongTextField("answer", guidance="从政策出台、工作量等方面阐述。")
    qtbot.addWidget(field)
    assert field.count_label.text() == "0 characters"
    commit_text(field.edit, "第一段。\n第二段")
    assert field.count() == character_count("第一段。第二段") == 7
    assert field.count_label.text() == "7 characters"
    assert field.guidance_label.text() == "从政策出台、工作量等方面阐述。"
    assert not field.guidance_label.isHidden()


def test_limit_turns_the_count_red(qtbot: QtBot) -> None:
    field = LongTextField("answer", limit=5)
    qtbot.addWidget(field)
    assert field.guidance_label.isHidden()
    field.set_text("一二三四五")
    assert field.count_label.text() == "5 of 5 characters" and not field.over_limit()
    assert "b3261e" not in field.count_label.styleSheet()
    field.set_text("一二三四五六")
    assert field.over_limit() and "b3261e" in field.count_label.styleSheet()


def test_summary_book_sections_show_guidance_and_count(qtbot: QtBot, store: Store) -> None:
    editor = SummaryBookEditor(store, "2023-11")
    qtbot.addWidget(editor)
    assert editor.self_evaluation_field.guidance_label.text() == SELF_EVALUATION_GUIDANCE
    commit_text(editor.self_evaluation, "我校出台了专利开放许可管理办法。")
    assert editor.self_evaluation_field.count_label.text() == "16 characters"
    commit_text(editor.unit_profile, "学校概况")
    assert editor.unit_profile_field.count_label.text() == "4 characters"
    assert editor.payload()["self_evaluation"] == "我校出台了专利开放许可管理办法。"
    editor.discard()
