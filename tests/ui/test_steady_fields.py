"""Nothing a clerk might click moves when a message comes or goes; an unchosen alternative's
fields look inactive and a click into one chooses it (issue 17 points 2 and 4)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from app.models.fees import FeeKind
from app.models.store import Store
from app.ui.choice_fields import is_inactive
from tests.ui.conftest import VALID_NUMBER, rect_in
from tests.ui.test_offer_editor import make_editor as make_offer_editor
from tests.ui.test_offer_editor import patent_id, retype  # noqa: F401 - fixture
from tests.ui.test_patent_editor import make_editor as make_patent_editor


def _positions(window: QWidget, widgets: list[QWidget]) -> list[QPoint]:
    return [rect_in(window, w).topLeft() for w in widgets]


def test_sheet_choices_stay_put_while_messages_come_and_go(
    qtbot, store: Store, patent_id: int, questions  # noqa: F811
) -> None:
    editor = make_offer_editor(qtbot, store, patent_id)
    targets = [editor.licensing_none, editor.licensing_done, *editor.fee_buttons.values()]
    before = _positions(editor.form_widget if hasattr(editor, "form_widget") else editor, targets)
    base = editor.form_widget if hasattr(editor, "form_widget") else editor
    editor.self_done.click()
    editor.validate()  # ③'s details are required now: messages under them
    assert editor.messages["self_exploitation_period"].isVisible()
    qtbot.wait(10)
    assert _positions(base, targets) == before
    editor.self_none.click()
    editor.validate()  # the messages go
    assert not editor.messages["self_exploitation_period"].isVisible()
    qtbot.wait(10)
    assert _positions(base, targets) == before


def test_patent_dialog_fields_stay_put_under_a_number_message(
    qtbot, store: Store, questions
) -> None:
    editor = make_patent_editor(qtbot, store)
    below = [editor.title_edit, editor.patentees_edit, editor.filing_edit, editor.grant_edit,
             editor.status_combo]
    before = _positions(editor, below)
    qtbot.keyClicks(editor.number_edit, "201710601862.9")  # a wrong check character
    editor.validate()
    assert editor.messages["number"].isVisible()
    qtbot.wait(10)
    assert _positions(editor, below) == before
    editor.number_edit.clear()
    qtbot.keyClicks(editor.number_edit, VALID_NUMBER)
    editor.validate()
    assert not editor.messages["number"].isVisible()
    qtbot.wait(10)
    assert _positions(editor, below) == before


@pytest.mark.parametrize(("kind", "field", "typed"), [
    (FeeKind.LUMP_SUM, "amount_yuan", "50000"),
    (FeeKind.ENTRY_PLUS_ROYALTY, "royalty_percent", "3"),
    (FeeKind.OTHER, "text", "by agreement"),
])
def test_a_click_into_an_unchosen_fee_option_chooses_it(
    qtbot, store: Store, patent_id: int, kind: FeeKind, field: str, typed: str,  # noqa: F811
    questions,
) -> None:
    editor = make_offer_editor(qtbot, store, patent_id)
    editor.fee_buttons[FeeKind.FREE].click()
    edit = editor.fee_edits[field]
    assert is_inactive(edit)
    assert edit.focusPolicy() == Qt.FocusPolicy.ClickFocus  # Tab does not wander into it
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert editor.fee_buttons[kind].isChecked()
    assert not is_inactive(edit)
    qtbot.keyClicks(edit, typed)
    assert editor.fee_panel.fee_data() == {"option": kind.value, field: typed}
    assert is_inactive(editor.fee_edits["first_yuan"])  # another option's stays inactive


def test_a_click_into_licensing_details_chooses_licensed(
    qtbot, store: Store, patent_id: int, questions  # noqa: F811
) -> None:
    editor = make_offer_editor(qtbot, store, patent_id)
    editor.licensing_none.click()
    qtbot.mouseClick(editor.licensing_period, Qt.MouseButton.LeftButton)
    assert editor.licensing_done.isChecked()
    qtbot.keyClicks(editor.licensing_period, "2021-2023")
    assert editor.licensing_period.text() == "2021-2023"
