"""The patent editor: typing, messages on fields, saving, drafts."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.messages import describe
from app.models.database import open_database
from app.models.findings import error, warning
from app.models.patent_rules import PatentFields
from app.models.store import Store
from app.ui import interaction
from app.ui.patent_editor import PatentEditor

from .conftest import VALID_NUMBER, Questions, commit_text, rect_in

pytestmark = pytest.mark.usefixtures("questions")


def make_editor(qtbot: QtBot, store: Store, patent_id: int | None = None) -> PatentEditor:
    editor = PatentEditor(store, patent_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_number_fills_in_type_and_expiry(qtbot: QtBot, store: Store, chinese: str) -> None:
    editor = make_editor(qtbot, store)
    qtbot.keyClicks(editor.number_edit, VALID_NUMBER)
    qtbot.keyClicks(editor.filing_edit, "2017-07-21")
    qtbot.waitUntil(lambda: "2037-07-20" in editor.expiry_label.text())
    assert editor.kind_combo.itemText(0) == "From the number: 发明" or "发明" in (
        editor.kind_combo.itemText(0)
    )
    assert editor.expiry_label.text() == "Expiry 2037-07-20 (computed from the filing date)" or (
        editor.expiry_label.text() == "届满日 2037-07-20（按申请日计算）"
    )
    assert not editor.messages["number"].isVisible()
    assert editor.number_hint.text().endswith("ZL201710601862.3")


def test_date_notations_clerks_type(qtbot: QtBot, store: Store) -> None:
    editor = make_editor(qtbot, store)
    editor.number_edit.setText(VALID_NUMBER)
    for typed in ("2017.7.21", "20170721", "2017/07/21"):
        editor.filing_edit.clear()
        qtbot.keyClicks(editor.filing_edit, typed)
        assert editor.filing_edit.text() == typed  # what was typed stays
        assert editor.filing_edit.date() is not None
        assert editor.filing_edit.date().isoformat() == "2017-07-21"
    editor.filing_edit.clear()
    commit_text(editor.filing_edit, "2017年7月21日")
    assert editor.filing_edit.date().isoformat() == "2017-07-21"
    editor.filing_edit.clear()
    qtbot.keyClicks(editor.filing_edit, "2017abc")  # letters are refused by the validator
    assert editor.filing_edit.text() == "2017"


def test_wrong_check_character_shows_message_on_number(
    qtbot: QtBot, store: Store, chinese: str
) -> None:
    editor = make_editor(qtbot, store)
    qtbot.keyClicks(editor.number_edit, "201710601862.4")
    message = editor.messages["number"]
    expected = error("number.check_mismatch", "number", given="4", expected="3")
    qtbot.waitUntil(lambda: message.text() == describe(expected, chinese))
    assert message.isVisible()
    assert editor.number_edit.property("severity") == "error"
    assert message.severity == "error"


def test_new_form_is_quiet_until_a_field_is_visited(qtbot: QtBot, store: Store) -> None:
    editor = make_editor(qtbot, store)
    assert not any(message.isVisible() for message in editor.messages.values())
    qtbot.keyClicks(editor.title_edit, "x")
    editor.title_edit.clear()
    editor.validate()
    assert editor.messages["title"].isVisible()
    assert not editor.messages["number"].isVisible()


def test_warning_is_amber_and_missing_fields_are_red(
    qtbot: QtBot, store: Store, chinese: str
) -> None:
    from app.models.patent_rules import PatentFields

    result = store.save_patent(PatentFields(number=VALID_NUMBER))
    editor = make_editor(qtbot, store, result.record_id)
    assert editor.messages["title"].text() == describe(error("title.required", "title"), chinese)
    assert editor.messages["title"].severity == "error"
    assert editor.messages["grant_date"].text() == describe(
        warning("grant_date.missing", "grant_date"), chinese
    )
    assert editor.messages["grant_date"].severity == "warning"
    assert editor.grant_edit.property("severity") == "warning"


def test_unreadable_date_is_kept_and_explained(qtbot: QtBot, store: Store) -> None:
    editor = make_editor(qtbot, store)
    qtbot.keyClicks(editor.filing_edit, "2017-13-45")
    editor.validate()
    assert editor.filing_edit.text() == "2017-13-45"
    assert "2017-13-45" in editor.messages["filing_date"].text()
    assert editor.messages["filing_date"].severity == "error"


def test_type_entered_must_agree_with_number(qtbot: QtBot, store: Store, chinese: str) -> None:
    editor = make_editor(qtbot, store)
    editor.number_edit.setText(VALID_NUMBER)
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("design"))
    editor.validate()
    expected = error("kind.mismatch", "kind", entered="design", derived="invention")
    assert editor.messages["kind"].text() == describe(expected, chinese)


def test_chinese_input_saved_and_found_after_reopening(
    qtbot: QtBot, store: Store, db_path, chinese: str
) -> None:
    editor = make_editor(qtbot, store)
    qtbot.keyClicks(editor.number_edit, VALID_NUMBER)
    commit_text(editor.title_edit, "一种基于深度学习的输电线路缺陷检测方法")
    commit_text(editor.patentees_edit, "武汉大学")
    qtbot.keyClick(editor.patentees_edit, Qt.Key.Key_Return)
    commit_text(editor.patentees_edit, "国网湖北省电力有限公司")
    qtbot.keyClicks(editor.filing_edit, "2017-07-21")
    qtbot.keyClicks(editor.grant_edit, "2019-03-01")
    assert editor.title_edit.text() == "一种基于深度学习的输电线路缺陷检测方法"
    with qtbot.waitSignal(editor.saved) as saved:
        assert editor.save()
    assert not editor.isVisible()
    patent_id = saved.args[0]
    store.database.close()

    database = open_database(db_path)
    try:
        reopened = Store(database).find_patent("ZL201710601862.3")
        assert reopened is not None and reopened.id == patent_id
        assert reopened.title == "一种基于深度学习的输电线路缺陷检测方法"
        assert reopened.patentees == ["武汉大学", "国网湖北省电力有限公司"]
        assert reopened.filing_date.isoformat() == "2017-07-21"
        assert Store(database).drafts("patent") == []
    finally:
        database.close()


def test_record_with_errors_is_saved(qtbot: QtBot, store: Store) -> None:
    editor = make_editor(qtbot, store)
    qtbot.keyClicks(editor.number_edit, "201710601862.4")  # wrong check character
    commit_text(editor.title_edit, "一种有错误的专利")
    assert editor.save()
    saved = store.find_patent("201710601862.4")
    assert saved is not None and saved.title == "一种有错误的专利"


def test_duplicate_number_is_refused_on_the_number_field(
    qtbot: QtBot, store: Store, chinese: str
) -> None:
    first = make_editor(qtbot, store)
    first.number_edit.setText(VALID_NUMBER)
    first.title_edit.setText("第一件")
    assert first.save()
    second = make_editor(qtbot, store)
    qtbot.keyClicks(second.number_edit, "ZL 2017 1 0601862.3")
    assert not second.save()
    assert second.isVisible()
    expected = error("number.duplicate", "number", number=VALID_NUMBER)
    assert second.messages["number"].text() == describe(expected, chinese)
    assert len(store.patents()) == 1


def test_draft_autosaved_and_restored_in_a_new_editor(qtbot: QtBot, store: Store) -> None:
    editor = make_editor(qtbot, store)
    qtbot.keyClicks(editor.number_edit, VALID_NUMBER)
    commit_text(editor.title_edit, "还没保存的标题")
    qtbot.waitUntil(lambda: store.load_draft("patent", None) is not None, timeout=3000)
    qtbot.waitUntil(
        lambda: (store.load_draft("patent", None) or {}).get("title") == "还没保存的标题",
        timeout=3000,
    )
    shiboken6.delete(editor)  # as if the program were killed: no save, no question

    again = make_editor(qtbot, store)
    assert again.number_edit.text() == VALID_NUMBER
    assert again.title_edit.text() == "还没保存的标题"
    assert again.restored_label.isVisible()
    assert again.is_dirty()


def test_close_with_changes_asks_and_discard_drops_draft(
    qtbot: QtBot, store: Store, questions: Questions
) -> None:
    questions.answers = [interaction.Choice.CANCEL, interaction.Choice.DISCARD]
    editor = make_editor(qtbot, store)
    editor.number_edit.setText(VALID_NUMBER)
    editor.autosave()
    assert store.load_draft("patent", None) is not None
    editor.close()
    assert editor.isVisible()  # Cancel keeps the editor open
    editor.close()
    assert not editor.isVisible()
    assert [kind for kind, _text in questions.asked] == ["save", "save"]
    assert store.load_draft("patent", None) is None
    assert store.patents() == []


def test_close_and_save_from_the_question(
    qtbot: QtBot, store: Store, questions: Questions
) -> None:
    questions.answers = [interaction.Choice.SAVE]
    editor = make_editor(qtbot, store)
    editor.number_edit.setText(VALID_NUMBER)
    editor.title_edit.setText("Saved on close")
    editor.reject()
    assert not editor.isVisible()
    assert store.find_patent(VALID_NUMBER).title == "Saved on close"


def test_editing_existing_patent_keeps_unchanged_fields(qtbot: QtBot, store: Store) -> None:
    from app.models.patent_rules import PatentFields

    result = store.save_patent(
        PatentFields(number=VALID_NUMBER, title="旧标题", patentees=("甲大学", "乙公司"),
                     pledged=True, term_compensation_days=30, remarks="备注")
    )
    editor = make_editor(qtbot, store, result.record_id)
    assert editor.patentees_edit.toPlainText() == "甲大学\n乙公司"
    assert not editor.is_dirty()
    editor.title_edit.setText("新标题")
    assert editor.save()
    patent = store.patent(result.record_id)
    assert patent.title == "新标题"
    assert patent.patentees == ["甲大学", "乙公司"]
    assert patent.pledged is True
    assert patent.term_compensation_days == 30
    assert patent.remarks == "备注"


def test_enter_moves_to_the_next_field_and_does_not_save(qtbot: QtBot, store: Store) -> None:
    editor = make_editor(qtbot, store)
    editor.activateWindow()
    editor.number_edit.setFocus()
    qtbot.keyClicks(editor.number_edit, VALID_NUMBER)
    qtbot.keyClick(editor.number_edit, Qt.Key.Key_Return)
    assert editor.isVisible()
    assert store.patents() == []
    assert not editor.number_edit.hasFocus()
    shortcuts = editor.findChildren(QShortcut)
    assert [s.key() for s in shortcuts] == [QKeySequence(QKeySequence.StandardKey.Save)]
    shortcuts[0].activated.emit()  # offscreen windows are never active for the shortcut map
    assert not editor.isVisible()
    assert store.find_patent(VALID_NUMBER) is not None


@pytest.mark.parametrize("size", [(680, 540), (900, 700)])
def test_message_sits_right_under_its_field_at_any_size(
    qtbot: QtBot, store: Store, ui_language: str, size: tuple[int, int]
) -> None:
    """A taller window used to give its spare height to the message under the patentees box:
    the text floated far below the box (Chinese) or was drawn over it (English)."""
    result = store.save_patent(PatentFields(
        number=VALID_NUMBER, title="一种基于深度学习的图像识别方法", patentees=("甲", "乙", "甲"),
        filing_date=dt.date(2017, 7, 21), grant_date=dt.date(2019, 3, 5),
    ))
    editor = PatentEditor(store, result.record_id)
    qtbot.addWidget(editor)
    editor.resize(*size)
    editor.show()
    QApplication.processEvents()

    message = editor.messages["patentees"]
    duplicate = error("patentees.duplicate", "patentees", name="甲")
    assert message.isVisible()
    assert message.text() == describe(duplicate, ui_language)
    box = rect_in(editor, editor.patentees_edit)
    shown = rect_in(editor, message)
    assert not shown.intersects(box)
    assert 0 <= shown.top() - (box.bottom() + 1) <= 4, (box, shown)
    # No taller than its lines: spare height is not the message's.
    assert shown.height() <= message.heightForWidth(message.width()) + 2, shown
    assert rect_in(editor, editor.filing_edit).top() > shown.bottom()


def test_out_of_range_compensation_is_shown_flagged_and_kept(
    qtbot: QtBot, store: Store, db_path, chinese: str
) -> None:
    """An import can store −3 days (a draft with an error): the editor used to show "none",
    say nothing and save None."""
    result = store.save_patent(PatentFields(
        number=VALID_NUMBER, title="一种方法", patentees=("甲大学",),
        filing_date=dt.date(2017, 7, 21), term_compensation_days=-3,
    ))
    editor = make_editor(qtbot, store, result.record_id)
    assert editor.compensation_spin.text() == "-3"
    assert editor.compensation_spin.value() == -3
    message = editor.messages["term_compensation_days"]
    negative = error("compensation.negative", "term_compensation_days", days=-3)
    assert message.isVisible()
    assert message.text() == describe(negative, chinese)
    assert editor.compensation_spin.property("severity") == "error"
    assert not editor.is_dirty()
    assert "2037-07-20" in editor.expiry_label.text()  # −3 days add nothing, as the rules count
    assert editor.save()
    store.database.close()

    database = open_database(db_path)
    try:
        patent = Store(database).patent(result.record_id)
        assert patent is not None and patent.term_compensation_days == -3
    finally:
        database.close()


def test_no_compensation_reads_none_and_typing_is_bounded(qtbot: QtBot, store: Store) -> None:
    editor = make_editor(qtbot, store)
    spin = editor.compensation_spin
    assert spin.value() == 0 and spin.text() == "none"
    assert (spin.minimum(), spin.maximum()) == (0, 9999)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "30")
    assert spin.value() == 30 and editor.fields().term_compensation_days == 30
    spin.setValue(0)
    assert spin.text() == "none" and editor.fields().term_compensation_days is None


def test_compensation_too_large_for_the_field_is_said_and_kept(
    qtbot: QtBot, store: Store
) -> None:
    too_many = 10**10  # JSON can carry it; a spin box holds 32 bits
    result = store.save_patent(PatentFields(
        number=VALID_NUMBER, title="一种方法", patentees=("甲大学",),
        term_compensation_days=too_many,
    ))
    editor = make_editor(qtbot, store, result.record_id)
    message = editor.messages["term_compensation_days"]
    assert message.isVisible() and str(too_many) in message.text()
    assert editor.fields().term_compensation_days == too_many
    assert not editor.is_dirty()
    assert editor.save()
    assert store.patent(result.record_id).term_compensation_days == too_many

    editor = make_editor(qtbot, store, result.record_id)
    editor.compensation_spin.setValue(30)
    editor.validate()
    assert not editor.messages["term_compensation_days"].isVisible()
    assert editor.save()
    assert store.patent(result.record_id).term_compensation_days == 30


def test_a_date_typed_as_compensation_is_flagged_and_not_counted(
    qtbot: QtBot, store: Store
) -> None:
    result = store.save_patent(PatentFields(
        number=VALID_NUMBER, title="一种方法", patentees=("甲大学",),
        filing_date=dt.date(2017, 7, 21), term_compensation_days=20240101,
    ))
    editor = make_editor(qtbot, store, result.record_id)
    editor.validate()
    assert editor.messages["term_compensation_days"].isVisible()
    expiry = editor.expiry_label.text()
    assert "2037-07-20" in expiry and "20240101" not in expiry
