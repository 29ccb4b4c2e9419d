"""The main window: register, filter, sorting, delete, drafts at start-up, language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from app.messages import describe
from app.models.store import Store
from app.ui import i18n, interaction
from app.ui.main_window import MainWindow
from app.ui.register_model import ID_ROLE, SEVERITY_ROLE, Column
from app.ui.settings import Preferences, settings_path

from .conftest import VALID_NUMBER, Questions, realistic_patents

pytestmark = pytest.mark.usefixtures("questions")


def make_window(qtbot: QtBot, store: Store | None) -> MainWindow:
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.set_store(store)
    window.show()
    return window


def visible_numbers(window: MainWindow) -> list[str]:
    proxy = window.proxy
    return [proxy.index(r, Column.NUMBER).data() for r in range(proxy.rowCount())]


def select_rows(window: MainWindow, rows: list[int]) -> None:
    selection = window.view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            window.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_register_lists_every_patent_in_official_notation(
    qtbot: QtBot, filled_store: Store
) -> None:
    window = make_window(qtbot, filled_store)
    assert window.proxy.rowCount() == 20
    numbers = visible_numbers(window)
    # Valid numbers in the notation of the forms; the mistyped one exactly as it was typed.
    assert sum(n.startswith("ZL") for n in numbers) == 19
    assert realistic_patents()[5].number in numbers
    row = window.model.row_of(filled_store.find_patent(realistic_patents()[1].number).id)
    cells = [window.model.index(row, c).data() for c in Column]
    assert cells[Column.TITLE] == "一种高强度耐腐蚀铝合金及其制备方法"
    assert cells[Column.PATENTEES] == "华中科技大学、湖北省机电研究设计院"
    assert cells[Column.KIND] == "发明"
    assert "20" in window.count_label.text()


def test_record_with_errors_is_marked_with_its_messages(
    qtbot: QtBot, filled_store: Store, chinese: str
) -> None:
    window = make_window(qtbot, filled_store)
    bad = realistic_patents()[5]
    row = window.model.row_of(filled_store.find_patent(bad.number).id)
    marker = window.model.index(row, Column.MARKER)
    assert marker.data(SEVERITY_ROLE) == 2
    assert marker.data(Qt.ItemDataRole.DecorationRole) is not None
    tooltip = marker.data(Qt.ItemDataRole.ToolTipRole)
    codes = {f.code for f in window.model.record(row).findings}
    assert {"number.check_mismatch", "patentees.required"} <= codes
    for finding in window.model.record(row).findings:
        assert describe(finding, chinese) in tooltip
    good_row = window.model.row_of(filled_store.find_patent(realistic_patents()[0].number).id)
    assert window.model.index(good_row, Column.MARKER).data(SEVERITY_ROLE) != 2
    qtbot.waitUntil(lambda: "1" in window.count_label.text().split()[-1])


def test_saving_from_the_editor_marks_the_new_row(
    qtbot: QtBot, store: Store
) -> None:
    window = make_window(qtbot, store)
    editor = window.edit_patent(None)
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor.number_edit, "201710601862.4")
    assert editor.save()
    assert window.model.rowCount() == 1
    marker = window.model.index(0, Column.MARKER)
    assert marker.data(SEVERITY_ROLE) == 2
    assert window.model.index(0, Column.NUMBER).data() == "201710601862.4"


def test_filter_narrows_as_the_clerk_types(qtbot: QtBot, filled_store: Store) -> None:
    window = make_window(qtbot, filled_store)
    everything = realistic_patents()
    qtbot.keyClicks(window.filter_edit, everything[3].number[:7])
    expected = [p for p in everything if p.number.startswith(everything[3].number[:7])]
    assert window.proxy.rowCount() == len(expected) < 20
    window.filter_edit.clear()
    assert window.proxy.rowCount() == 20

    from .conftest import commit_text

    commit_text(window.filter_edit, "武汉")
    wuhan = [p for p in everything if "武汉" in p.title or any("武汉" in n for n in p.patentees)]
    assert window.proxy.rowCount() == len(wuhan) < 20
    assert "/" not in window.count_label.text()
    assert str(len(wuhan)) in window.count_label.text()
    window.filter_edit.setText("ZL" + everything[0].number.upper())
    assert window.proxy.rowCount() == 1
    window.filter_edit.setText("ｚｌ" + everything[0].number)  # full width, lower case
    assert window.proxy.rowCount() == 1
    # Pasted in the other notations clerks meet: spaced, CN-style, without the dot.
    digits, check = everything[0].number.split(".")
    for pasted in (f"ZL {digits}.{check}", f"{digits}{check}",
                   f"CN {digits[:4]} {digits[4]} {digits[5:]}.{check}"):
        window.filter_edit.setText(pasted)
        assert window.proxy.rowCount() == 1, pasted
    bad = everything[5].number  # stored as typed: its check character is wrong
    window.filter_edit.setText(bad.replace(".", ""))
    assert window.proxy.rowCount() == 1


def test_sorting_by_title_and_by_problems(qtbot: QtBot, filled_store: Store) -> None:
    window = make_window(qtbot, filled_store)
    window.view.horizontalHeader().setSortIndicator(Column.FILING_DATE, Qt.SortOrder.AscendingOrder)
    dates = [window.proxy.index(r, Column.FILING_DATE).data() for r in range(20)]
    assert dates == sorted(dates)
    window.view.horizontalHeader().setSortIndicator(Column.MARKER, Qt.SortOrder.DescendingOrder)
    assert window.proxy.index(0, Column.MARKER).data(SEVERITY_ROLE) == 2
    window.view.horizontalHeader().setSortIndicator(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert window.proxy.rowCount() == 20


def test_delete_asks_naming_the_patents(
    qtbot: QtBot, filled_store: Store, questions: Questions
) -> None:
    window = make_window(qtbot, filled_store)
    select_rows(window, [0, 1])
    names = visible_numbers(window)[:2]
    ids = window.selected_ids()
    assert window.delete_action.isEnabled()

    questions.answers = [False]
    assert not window.delete_selected()
    assert len(filled_store.patents()) == 20

    questions.answers = [True]
    window.delete_action.trigger()
    kind, text = questions.asked[-1]
    assert kind == "confirm"
    assert names[0] in text and names[1] in text
    assert len(filled_store.patents()) == 18
    assert window.proxy.rowCount() == 18
    assert all(window.model.row_of(i) is None for i in ids)


def test_enter_and_double_click_open_the_editor(qtbot: QtBot, filled_store: Store) -> None:
    window = make_window(qtbot, filled_store)
    window.view.setFocus()
    window.view.setCurrentIndex(window.proxy.index(2, Column.TITLE))
    patent_id = window.proxy.index(2, 0).data(ID_ROLE)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.editor is not None
    assert window.editor.patent_id == patent_id
    assert window.editor.title_edit.text() == window.proxy.index(2, Column.TITLE).data()
    window.editor.reject()  # nothing changed: closes without a question
    qtbot.waitUntil(lambda: window.editor is None)


def test_unsaved_drafts_are_offered_at_start(
    qtbot: QtBot, store: Store, questions: Questions
) -> None:
    store.save_draft("patent", None, {"number": VALID_NUMBER, "title": "断电前输入的标题"})
    window = make_window(qtbot, store)
    questions.answers = [interaction.Choice.SAVE]
    window.offer_drafts()
    kind, text = questions.asked[0]
    assert kind == "restore" and "断电前输入的标题" in text and VALID_NUMBER in text
    assert window.editor is not None
    assert window.editor.title_edit.text() == "断电前输入的标题"
    assert window.editor.save()
    assert store.drafts("patent") == []
    assert store.find_patent(VALID_NUMBER).title == "断电前输入的标题"


def test_drafts_can_be_discarded_at_start(
    qtbot: QtBot, store: Store, questions: Questions
) -> None:
    store.save_draft("patent", None, {"number": VALID_NUMBER})
    window = make_window(qtbot, store)
    questions.answers = [interaction.Choice.DISCARD]
    window.offer_drafts()
    assert store.drafts("patent") == []
    assert window.editor is None


def test_language_choice_is_remembered(qtbot: QtBot, store: Store, questions: Questions) -> None:
    window = make_window(qtbot, store)
    assert Preferences().language == "zh_CN"
    window.language_actions["en"].trigger()
    assert questions.asked and questions.asked[0][0] == "inform"
    assert Preferences().language == "en"
    assert settings_path().is_file()
    assert "language=en" in settings_path().read_text(encoding="utf-8")


def test_window_state_is_saved_on_close(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    window.resize(700, 500)  # the offscreen screen is 800 × 600: stay inside it
    window.close()
    again = make_window(qtbot, store)
    assert (again.width(), again.height()) == (700, 500)


def test_without_a_database_the_actions_wait(qtbot: QtBot) -> None:
    window = make_window(qtbot, None)
    assert not window.add_action.isEnabled()
    assert window.edit_patent(None) is None


def test_database_opens_after_the_first_paint_or_anyway(qtbot: QtBot) -> None:
    from app.ui.main_window import FirstPaintWatcher

    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    calls: list[str] = []
    FirstPaintWatcher(window, lambda: calls.append("painted"))
    window.show()
    qtbot.waitUntil(lambda: calls == ["painted"])
    hidden = MainWindow(Preferences())
    qtbot.addWidget(hidden)
    FirstPaintWatcher(hidden, lambda: calls.append("fallback"), fallback_ms=50)
    qtbot.waitUntil(lambda: calls == ["painted", "fallback"])  # never shown: opened anyway
    qtbot.wait(100)
    assert calls == ["painted", "fallback"]


def test_label_columns_fit_their_longest_wording(qtbot: QtBot, filled_store: Store) -> None:
    # English labels run longer than Chinese: "expired (term ended)" was cut at 120 px.
    previous = i18n.language()
    i18n.set_language("en")
    try:
        window = make_window(qtbot, filled_store)
        metrics = window.view.fontMetrics()
        header = window.view.horizontalHeader()
        for column, longest in ((Column.LEGAL_STATUS, "expired (term ended)"),
                                (Column.KIND, "utility model"),
                                (Column.EXPIRY, "2040-12-31 (entered)")):
            assert header.sectionSize(column) > metrics.horizontalAdvance(longest), longest
    finally:
        i18n.set_language(previous)


def test_a_register_switched_away_from_is_no_longer_watched(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    """After a switch (settings → database), only the register now shown is looked at for
    changes made elsewhere: the old one's look would poll a closed database and refresh the
    new register from the old one's changes."""
    from app.models.database import open_database
    from app.ui import version_guard

    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.set_store(store)
    old = version_guard.watch_for(store)
    assert old._timer.isActive()
    other = Store(open_database(tmp_path / "other.sqlite3"))
    try:
        window.set_store(other)
        assert not old._timer.isActive()
        assert version_guard.watch_for(other)._timer.isActive()
        assert version_guard.watch_for(store) is not old
    finally:
        window.close()
        other.database.close()
