"""The inventory window: a clerk screens a large portfolio without opening patents one by one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel
from pytestqt.qtbot import QtBot

from app.models.store import Store
from app.ui import interaction
from app.ui.inventory_window import Column, InventoryWindow, Show
from app.usecases import inventory as usecase
from tests.inventory.support import TODAY, add_deal, fill
from tests.ui.conftest import commit_text


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> InventoryWindow:
    patents = fill(store, 2000)
    add_deal(store, patents[1].number)
    win = InventoryWindow(store, today=TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def select_all_shown(window: InventoryWindow) -> None:
    model = window.model
    selection = QItemSelection(model.index(0, 0),
                               model.index(model.rowCount() - 1, model.columnCount() - 1))
    window.view.selectionModel().select(
        selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)


def choose_field(window: InventoryWindow, name: str, value: str) -> None:
    window.field_combo.setCurrentIndex(window.field_combo.findData(name))
    window.value_combo.setEditText(value)


def test_bulk_edit_of_hundreds_of_patents_with_undo_and_redo(
        qtbot: QtBot, window: InventoryWindow, store: Store) -> None:
    assert window.model.total == 2000
    # Filter to the designs filed in 2016 by typing, as a clerk would.
    qtbot.keyClicks(window.filter_edit, "20163")
    shown_ids = {window.model.patent_id(r) for r in range(window.model.rowCount())}
    assert len(shown_ids) >= 200
    select_all_shown(window)
    assert len(window.selected_ids()) == len(shown_ids)
    assert "selected" in window.status.text() or "选中" in window.status.text()

    choose_field(window, "verdict", "可转化")
    assert window.apply_to_selection()
    choose_field(window, "strategic_category", "3.1 先进钢铁材料")
    assert window.apply_to_selection()
    choose_field(window, "maturity", "6 级 相关环境中系统样机演示")
    assert window.apply_to_selection()
    saved = usecase.screenings(store)
    assert {i for i, s in saved.items() if s.maturity == 6} == shown_ids
    assert all(saved[i].strategic_category == "3.1" and saved[i].verdict == "yes"
               for i in shown_ids)
    # The cells show it without reopening the window.
    assert window.model.index(0, Column.MATURITY).data() == "6"

    window.undo_action.trigger()  # the maturity goes, the category stays
    saved = usecase.screenings(store)
    assert all(saved[i].maturity is None and saved[i].strategic_category == "3.1"
               for i in shown_ids)
    assert window.model.index(0, Column.MATURITY).data() == ""
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert usecase.screenings(store) == {}  # back to nothing at all
    window.redo_action.trigger()
    assert len(usecase.screenings(store)) == len(shown_ids)

    # The "not screened" filter now leaves those out.
    window.filter_edit.clear()
    window.show_combo.setCurrentIndex(Show.UNSCREENED)
    assert window.model.rowCount() == 2000 - len(shown_ids)


def test_a_value_that_cannot_be_read_is_said_and_nothing_changes(
        window: InventoryWindow, store: Store) -> None:
    window.filter_edit.setText("2017")
    select_all_shown(window)
    choose_field(window, "maturity", "十二")
    assert not window.apply_to_selection()
    assert "1" in window.message.text() and "9" in window.message.text()
    assert usecase.screenings(store) == {}
    assert window.undo_stack.count() == 0


def test_problems_filter_and_tooltip_and_tables_from_the_window(
        window: InventoryWindow, store: Store, tmp_path: Path) -> None:
    lapsed = next(r for r in usecase.inventory_rows(store) if not r.in_force)
    window.filter_edit.setText(lapsed.number)
    select_all_shown(window)
    choose_field(window, "verdict", "是")
    assert window.apply_to_selection()
    window.filter_edit.clear()
    window.show_combo.setCurrentIndex(Show.PROBLEMS)
    assert window.model.rowCount() == 1
    tip = window.model.index(0, Column.PROBLEMS).data(3)  # ToolTipRole
    assert "有效专利" in tip or "in force" in tip
    files = window.write_tables(str(tmp_path))
    assert len(files) == 4 and all(p.exists() for p in files)
    assert "草稿" in window.message.text()


def test_fee_filter_and_feedback_dialog(qtbot: QtBot, window: InventoryWindow,
                                        store: Store) -> None:
    window.show_combo.setCurrentIndex(Show.FEE_DUE)
    due = usecase.due_report(store, 90, today=TODAY)
    assert window.model.rowCount() == len(due.fees)
    window.show_combo.setCurrentIndex(Show.ALL)
    window.view.selectRow(0)
    dialog = window.open_feedback()
    assert dialog is not None
    assert not dialog.add()  # no enterprise: refused, said
    assert dialog.problem.text()
    commit_text(dialog.enterprise, "合肥乙公司")
    commit_text(dialog.needs, "提高耐温性能")
    dialog.received_on.setText("2024-02-01")
    assert dialog.add()
    assert dialog.entries.count() == 1
    dialog.reject()
    assert window.model.index(0, Column.FEEDBACK).data() == "1"


def test_screenshot(qtbot: QtBot, zh_ui: str, store: Store) -> None:
    fill(store, 300)
    ids = [r.patent_id for r in usecase.inventory_rows(store)][:40]
    usecase.set_field(store, ids, "verdict", "是")
    usecase.set_field(store, ids[:20], "strategic_category", "1.5")
    usecase.set_field(store, ids, "maturity", "7")
    usecase.set_field(store, ids, "prospect", "较好")
    usecase.set_field(store, ids, "intentions", "许可、转让")
    window = InventoryWindow(store, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.view.selectRow(2)
    assert window.grab().save(str(Path("/tmp") / f"inventory-window-{dt.date.today()}.png"))


def test_the_main_window_opens_the_inventory_once(qtbot: QtBot, store: Store) -> None:
    from app.ui.main_window import MainWindow
    from app.ui.settings import Preferences

    fill(store, 5)
    main = MainWindow(Preferences())
    qtbot.addWidget(main)
    main.set_store(store)
    first = main.open_inventory()
    assert isinstance(first, InventoryWindow) and first.model.total == 5
    assert main.open_inventory() is first
    first.close()


def test_a_note_set_in_bulk_reaches_the_transfer_table_remark(
        window: InventoryWindow, store: Store) -> None:
    window.filter_edit.setText("20163")
    select_all_shown(window)
    choose_field(window, "dispute", "是")
    assert window.apply_to_selection()
    choose_field(window, "note", "与某公司存在权属争议")
    assert window.apply_to_selection()
    table = usecase.inventory_tables(store, today=TODAY).transfer
    disputed = [r for r in table.rows if r.marks[6]]
    assert disputed and all("与某公司存在权属争议" in r.remark for r in disputed)


def test_the_folder_picker_starts_where_the_last_tables_went(
        qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """issue 17 §9: the picker forgot the folder just used."""
    starts: list[str] = []

    def choose(_parent: object, _title: str, start: str = "") -> str:
        starts.append(start)
        return str(tmp_path / "tables")

    monkeypatch.setattr(interaction, "choose_folder", choose)
    monkeypatch.setattr(interaction, "inform", lambda *_a: None)
    fill(store, 3)
    win = InventoryWindow(store, today=TODAY)
    qtbot.addWidget(win)
    win.write_tables()
    again = InventoryWindow(store, today=TODAY)
    qtbot.addWidget(again)
    again.write_tables()
    assert len(starts) == 2 and starts[1] == str(tmp_path / "tables")
