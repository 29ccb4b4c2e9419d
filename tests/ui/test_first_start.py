"""First start: the unit's details asked first, the sample register offered on an empty
register, marked in the title and by a banner, removed in one step; 帮助 → 使用说明."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.models.store import OrganisationData, Store
from app.ui.guide_dialog import GuideDialog
from app.ui.main_window import MainWindow
from app.ui.organisation_dialog import OrganisationDialog
from app.ui.settings import Preferences
from app.usecases.register import SAMPLE_UNIT_NAME

from .conftest import Questions

pytestmark = pytest.mark.usefixtures("questions")


def make_window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.set_store(store)
    window.show()
    return window


def test_an_empty_register_asks_for_the_unit_and_offers_the_sample(
        qtbot: QtBot, store: Store, questions: Questions) -> None:
    window = make_window(qtbot, store)
    assert window.first_start.sample_action.isEnabled()
    assert not window.first_start.remove_sample_action.isEnabled()
    questions.answers = ["unit"]
    assert window.first_start.ask() == "unit"
    [(kind, text)] = questions.asked
    assert kind == "first_start" and "sample offered: True" in text
    dialog = window.findChild(OrganisationDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_a_named_unit_is_not_asked_again(qtbot: QtBot, store: Store,
                                         questions: Questions) -> None:
    store.save_organisation(OrganisationData(name="武汉大学"))
    window = make_window(qtbot, store)
    assert window.first_start.ask() == ""
    assert questions.asked == []
    assert not window.first_start.sample_action.isEnabled()


def test_the_sample_is_marked_and_removed_in_one_step(
        qtbot: QtBot, store: Store, questions: Questions, tmp_path: Path) -> None:
    window = make_window(qtbot, store)
    questions.answers = ["sample"]
    assert window.first_start.ask() == "sample"
    assert store.organisation().name == SAMPLE_UNIT_NAME
    assert window.proxy.rowCount() == 3
    assert window.first_start.banner.isVisible()
    assert "示例大学（样例）" in window.windowTitle()
    assert window.first_start.remove_sample_action.isEnabled()
    assert not window.first_start.sample_action.isEnabled()
    window.resize(1100, 520)
    window.grab().save(str(tmp_path / "sample.png"))

    # Declined: nothing removed.
    questions.answers = [False]
    window.first_start.banner_button.click()
    assert window.proxy.rowCount() == 3
    questions.answers = [True]
    window.first_start.banner_button.click()
    assert window.proxy.rowCount() == 0 and store.patents() == []
    assert store.organisation().name == ""
    assert not window.first_start.banner.isVisible()
    assert "样例" not in window.windowTitle()
    assert window.first_start.sample_action.isEnabled()


def test_a_backup_restored_into_the_sample_removes_the_sample_first(
        qtbot: QtBot, store: Store, questions: Questions, tmp_path: Path) -> None:
    window = make_window(qtbot, store)
    assert window.first_start.load_sample()
    questions.answers = [False]  # keep the sample: nothing is restored
    assert window.import_json(str(tmp_path / "none.json")) is None
    assert store.organisation().name == SAMPLE_UNIT_NAME
    questions.asked.clear()
    questions.answers = [False]
    assert window.import_excel() == 0
    assert [kind for kind, _ in questions.asked] == ["confirm"]


def test_the_help_menu_has_the_guide(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    help_menu = window.menuBar().actions()[-1].menu()
    assert help_menu is not None
    assert window.first_start.guide_action in help_menu.actions()
    window.first_start.guide_action.trigger()
    dialog = window.findChild(GuideDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    assert "Hubei" in text and "Henan" in text and "Back up to a file" in text
    dialog.close()
