"""The main window's doors to the other forms: the Licences menu holds them, the contracts
window lists, starts (for the selected patents), opens and deletes contracts, the application
opens by plan year, and the contacts sheet is written where the clerk says."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from app.models.contacts_sheet import ContactsNotice
from app.models.store import Store
from app.ui import interaction, other_forms
from app.ui.contract_editor import ContractEditor
from app.ui.henan_application_editor import HenanApplicationEditor
from app.ui.main_window import MainWindow
from app.ui.settings import Preferences
from app.usecases import contracts
from tests.models.test_batches import number
from tests.usecases.test_contracts import contract, setup


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> MainWindow:
    setup(store)
    made = MainWindow(Preferences())
    qtbot.addWidget(made)
    made.set_store(store)
    made.show()
    return made


def test_licences_menu_holds_the_other_forms(window: MainWindow) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and any(
        x is window.book_action for x in a.menu().actions()))
    actions = menu.actions()
    for action in (window.contracts_action, window.application_action,
                   window.contacts_sheet_action):
        assert action in actions and action.isEnabled()


def test_contracts_window_starts_lists_and_deletes(window: MainWindow, store: Store,
                                                  qtbot: QtBot,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window.view.selectionModel().select(
        window.proxy.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    contracts_window = window.open_contracts()
    assert contracts_window.patents == [number(1)] and contracts_window.list.count() == 0
    editor = contracts_window.new_contract()
    assert isinstance(editor, ContractEditor) and editor.patent_numbers() == [number(1)]
    editor.discard()
    contracts.save(store, contract())
    contracts_window.reload()
    assert contracts_window.list.count() == 1
    assert "武汉光谷新材料有限公司" in contracts_window.list.item(0).text()
    contracts_window.list.setCurrentRow(0)
    opened = contracts_window.open_selected()
    assert opened is not None and opened.contract_id == 1
    opened.discard()
    monkeypatch.setattr(interaction, "confirm", lambda *a, **k: True)
    assert contracts_window.delete_selected() and contracts_window.list.count() == 0


def test_application_opens_by_plan_year(window: MainWindow,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(other_forms, "choose_year", lambda _parent, years: 2024)
    editor = window.open_henan_application()
    assert isinstance(editor, HenanApplicationEditor) and editor.year == 2024
    assert "2024–2025" in editor.windowTitle()
    editor.discard()


def test_contacts_sheet_is_written(window: MainWindow, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(other_forms, "choose_notice", lambda _p: ContactsNotice.XINYANG)
    monkeypatch.setattr(other_forms, "choose_folder", lambda *a: str(tmp_path))
    told: list[str] = []
    monkeypatch.setattr(interaction, "inform", lambda _p, _t, text, *a: told.append(text))
    paths = window.write_contacts_sheet()
    assert sorted(p.name for p in paths) == ["信阳市专利开放许可试点工作联系人信息表.pdf",
                                             "信阳市专利开放许可试点工作联系人信息表.xlsx"]
    assert "草稿" not in told[0]
