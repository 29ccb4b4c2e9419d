"""Done when (issue 16): two window instances on one database, a PostgreSQL server database and
one SQLite file, show each other's changes and never lose an edit. Two MainWindow objects,
each with its own connection, as two clerks' PCs: what one saves the other's register shows
at its next look (every 5 s, or when the window is activated); the same patent edited in both
ends with both edits, or with the late clerk's edit kept as a draft until they decide."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.models.database import open_database
from app.models.patent_rules import PatentFields
from app.models.store import Store
from app.ui import version_guard
from app.ui.main_window import MainWindow
from app.ui.settings import Preferences
from app.ui.version_guard import MergeAnswer, watch_for
from tests.ui.conftest import VALID_NUMBER, commit_text, number

pytestmark = pytest.mark.usefixtures("questions")

PATENT = PatentFields(number=VALID_NUMBER, title="一种测试方法", patentees=("武汉大学",),
                      filing_date=dt.date(2017, 3, 1))


@pytest.fixture
def two_windows(qtbot: QtBot, backend_location: Path | str, tmp_path: Path
                ) -> Iterator[tuple[MainWindow, MainWindow]]:
    databases = [open_database(backend_location), open_database(backend_location)]
    windows = []
    for n, database in enumerate(databases):
        window = MainWindow(Preferences(tmp_path / f"clerk{n}.ini"))
        qtbot.addWidget(window)
        window.set_store(Store(database))
        window.show()
        windows.append(window)
    yield windows[0], windows[1]
    for window in windows:
        window.close()
    for database in databases:
        database.close()


def _numbers(window: MainWindow) -> list[str]:
    return sorted(row.fields.number for row in window.model.records())


def _look(window: MainWindow) -> frozenset[str]:
    """What the 5-second timer (or the window regaining focus) does: look at the stamps."""
    assert window.store is not None
    return watch_for(window.store).check()


def test_two_windows_show_each_others_changes(two_windows: tuple[MainWindow, MainWindow]
                                             ) -> None:
    a, b = two_windows
    assert a.store is not None and b.store is not None
    patent_id = a.store.save_patent(PATENT).record_id
    assert _numbers(b) == []
    assert "patent" in _look(b)
    assert _numbers(b) == [VALID_NUMBER]
    assert _look(b) == frozenset()  # nothing new: nothing reloaded

    b.store.save_patent(dataclasses.replace(PATENT, title="乙改的名称"), patent_id,
                        expected_version=1)
    b.store.save_patent(dataclasses.replace(PATENT, number=number(2019, "1", 123456)))
    assert "patent" in _look(a)
    assert a.model.find(patent_id).fields.title == "乙改的名称"  # type: ignore[union-attr]
    assert len(_numbers(a)) == 2

    assert b.store.delete_patents([patent_id]) == 1
    _look(a)
    assert len(_numbers(a)) == 1


def test_the_periodic_look_runs_by_itself(qtbot: QtBot,
                                          two_windows: tuple[MainWindow, MainWindow]) -> None:
    a, b = two_windows
    assert a.store is not None
    a.store.save_patent(PATENT)
    qtbot.waitUntil(lambda: _numbers(b) == [VALID_NUMBER], timeout=version_guard.CHECK_INTERVAL_MS
                    + 4000)


def test_one_patent_edited_in_both_windows_loses_nothing(
    qtbot: QtBot, two_windows: tuple[MainWindow, MainWindow], monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = two_windows
    assert a.store is not None and b.store is not None
    patent_id = a.store.save_patent(PATENT).record_id
    _look(b)
    editor_a = a.edit_patent(patent_id)
    editor_b = b.edit_patent(patent_id)
    assert editor_a is not None and editor_b is not None
    commit_text(editor_a.title_edit, "（甲）")
    editor_b.remarks_edit.setPlainText("乙的备注")
    assert editor_a.save()
    assert "patent" in _look(b)
    assert editor_b.guard.bar.isVisible()  # 此记录已被……修改
    assert "@" in editor_b.guard.bar.label.text()

    # B saves anyway: not over A's title. B decides later first; the draft keeps B's typing.
    asked: list[Any] = []

    def later(*args: Any) -> None:
        asked.append(args)
        return None

    monkeypatch.setattr(version_guard, "ask_merge", later)
    assert not editor_b.save()
    assert asked and b.store.load_draft("patent", patent_id)["remarks"] == "乙的备注"  # type: ignore[index]
    assert a.store.patent(patent_id).title == "一种测试方法（甲）"  # type: ignore[union-attr]

    monkeypatch.setattr(version_guard, "ask_merge", lambda *args: MergeAnswer("mine", {}))
    assert editor_b.save()
    stored = a.store.patent(patent_id)
    assert stored is not None
    assert stored.title == "一种测试方法（甲）" and stored.remarks == "乙的备注"
    assert stored.version == 3
    _look(a)
    assert a.model.find(patent_id).fields.remarks == "乙的备注"  # type: ignore[union-attr]


def test_a_save_from_another_process_shows_in_the_window_and_its_editor(
    qtbot: QtBot, backend_location: Path | str, tmp_path: Path,
) -> None:
    """Another copy of the application (a process of its own) saves on the same SQLite file
    or server database: the register and the open editor notice it at the next look."""
    from tests.server import clerk
    from tests.server.test_concurrency import run_clerks

    database = open_database(backend_location)
    store = Store(database)
    patent_id = store.save_patent(PATENT).record_id
    window = MainWindow(Preferences(tmp_path / "clerk.ini"))
    qtbot.addWidget(window)
    window.set_store(store)
    window.show()
    try:
        editor = window.edit_patent(patent_id)
        assert editor is not None
        results = run_clerks(clerk.save_title, [(str(backend_location), 7, patent_id)])
        assert results[0][1] is True, results
        assert "patent" in _look(window)
        assert window.model.find(patent_id).fields.title == "clerk 7"  # type: ignore[union-attr]
        assert editor.guard.bar.isVisible()
        editor.guard.bar.reload_button.click()
        assert editor.title_edit.text() == "clerk 7"
    finally:
        window.close()
        database.close()


def test_a_few_changes_elsewhere_refresh_rows_and_keep_the_selection(
    two_windows: tuple[MainWindow, MainWindow],
) -> None:
    a, b = two_windows
    assert a.store is not None
    ids = [a.store.save_patent(dataclasses.replace(PATENT, number=number(2019, "1", n + 1)))
           .record_id for n in range(30)]
    _look(b)
    assert len(_numbers(b)) == 30
    b.view.selectRow(5)
    selected = b.selected_ids()
    assert len(selected) == 1
    resets: list[int] = []
    b.model.modelReset.connect(lambda: resets.append(1))

    changed = ids[7]
    assert changed is not None
    a.store.save_patent(dataclasses.replace(PATENT, number=number(2019, "1", 8),
                                            title="甲改的名称"), changed, expected_version=1)
    a.store.delete_patents([ids[9]])  # type: ignore[list-item]
    a.store.save_patent(dataclasses.replace(PATENT, number=number(2020, "1", 1)))
    assert "patent" in _look(b)
    assert resets == []  # row by row: no reset, the clerk's place in the register stays
    assert b.selected_ids() == selected
    assert b.model.find(changed).fields.title == "甲改的名称"  # type: ignore[union-attr]
    assert len(_numbers(b)) == 30 and number(2020, "1", 1) in _numbers(b)
