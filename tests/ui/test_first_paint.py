"""What the window does before its first paint (issue 19: first paint ≤ 1.3 × a bare window's).

Not timed: each test checks that something deferred is still deferred. The costliest is
PySide's `Qt` namespace, whose ~90 Python enum types are all made at its first touch (about
15 ms, a tenth of the start; app/ui/early_qt.py says how the window avoids it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from app.ui import register_model
from app.ui.early_qt import set_property
from app.ui.main_window import MainWindow
from app.ui.register_model import Column
from app.ui.settings import Preferences

ROOT = Path(__file__).parents[2]

# Starts the window as `licence-desk --db DB` does and reports at the window's first paint:
# whether `Qt` is made, which of the watched modules are imported; then presses Ctrl+F (the
# Find action, in the Patents menu only) at once and reports whether it acted.
PROBE = """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
import PySide6.QtCore
import app.ui.main_window as mw
WATCHED = {watched!r}
report = {{}}
class Probe(QObject):
    window = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is self.window and not report:
            try:
                report["qt_namespace"] = "Qt" in vars(PySide6.QtCore)
                report["modules"] = sorted(m for m in WATCHED if m in sys.modules)
            except BaseException as error:  # no crash dialog: it would wait for a click
                print(repr(error), flush=True)
                os._exit(5)
            QTimer.singleShot(0, self.press)
        return False
    def press(self):
        try:
            from PySide6.QtCore import Qt
            from PySide6.QtTest import QTest
            found = []
            self.window.find_action.triggered.connect(lambda *_: found.append(1))
            self.window.activateWindow()
            QTest.keyClick(self.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            report["find_shortcut"] = bool(found)
            print("REPORT", repr(report), flush=True)
        except BaseException as error:
            print(repr(error), flush=True)
            os._exit(5)
        os._exit(0)
probe = Probe()
constructor = mw.MainWindow.__init__
def watched(window, *args, **kwargs):
    constructor(window, *args, **kwargs)
    probe.window = window
    window.installEventFilter(probe)
mw.MainWindow.__init__ = watched
from app.__main__ import main
main(["--db", sys.argv[1]])
sys.exit(4)  # the window closed before it painted
"""

# Imported after the first paint, not before (each costs the start time; the message table
# and the office server's rules are not needed until the register is open).
DEFERRED_MODULES = ("sqlalchemy", "alembic", "openpyxl", "reportlab", "psycopg", "keyring",
                    "json", "dataclasses", "app.messages", "app.models.server_choice",
                    "app.models.findings", "app.ui.version_guard", "app.ui.patent_editor")


def start_and_probe(tmp_path: Path) -> dict[str, object]:
    import ast

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "LICENCE_DESK_DATA_DIR": str(tmp_path / "data")}
    env.pop("LICENCE_DESK_DB", None)
    run = subprocess.run(
        [sys.executable, "-c", PROBE.format(watched=DEFERRED_MODULES),
         str(tmp_path / "register.sqlite3")],
        cwd=ROOT, env=env, timeout=60, capture_output=True, text=True)
    lines = [line for line in run.stdout.splitlines() if line.startswith("REPORT ")]
    assert run.returncode == 0 and lines, (run.stdout, run.stderr[-3000:])
    report: dict[str, object] = ast.literal_eval(lines[0][len("REPORT "):])
    return report


def test_the_first_paint_makes_no_qt_enums_and_imports_nothing_deferred(tmp_path: Path) -> None:
    report = start_and_probe(tmp_path)
    assert report["qt_namespace"] is False
    assert report["modules"] == []
    assert report["find_shortcut"] is True  # a shortcut works right after the first paint


def test_a_restored_window_state_still_paints_before_any_qt_enum(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A clerk's saved column widths and sort: restored before the first paint, the sort
    applied with the first rows (reading the header's order back would make the enums)."""
    data = tmp_path / "data"
    data.mkdir()
    window = MainWindow(Preferences(data / "settings.ini"))
    qtbot.addWidget(window)
    header = window.view.horizontalHeader()
    header.setSortIndicatorShown(True)
    header.setSortIndicator(Column.TITLE, Qt.SortOrder.DescendingOrder)
    header.resizeSection(Column.NUMBER, 210)
    window.save_state()

    report = start_and_probe(tmp_path)
    assert report["qt_namespace"] is False
    assert report["modules"] == []

    restored = MainWindow(Preferences(data / "settings.ini"))
    qtbot.addWidget(restored)
    assert restored.view.horizontalHeader().sectionSize(Column.NUMBER) == 210
    restored._after_first_paint()  # what the first rows do
    assert restored.model._sort == (Column.TITLE, Qt.SortOrder.DescendingOrder)


def test_the_shortcuts_set_before_the_first_paint_are_the_standard_ones(qtbot: QtBot) -> None:
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    expected = {
        window.add_action: QKeySequence(QKeySequence.StandardKey.New),
        window.edit_action: QKeySequence("Ctrl+E"),
        window.delete_action: QKeySequence(QKeySequence.StandardKey.Delete),
        window.find_action: QKeySequence(QKeySequence.StandardKey.Find),
        window.offer_action: QKeySequence("Ctrl+I"),
        window.generate_action: QKeySequence("Ctrl+P"),
    }
    for action, sequence in expected.items():
        assert action.shortcut() == sequence, action.text()
    window._after_first_paint()  # Quit's key depends on the platform's keyboard scheme
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    expected[window.quit_action] = window.quit_action.shortcut()
    assert window.delete_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    with_shortcuts = {a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
    assert with_shortcuts <= set(expected) | set(window.actions())


def test_the_header_shows_the_models_titles_and_tooltip(qtbot: QtBot) -> None:
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    header = window.view.horizontalHeader()
    assert header.count() == len(Column) == window.proxy.columnCount()
    for column in Column:
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            assert (header.model().headerData(column, Qt.Orientation.Horizontal, role)
                    == window.model.headerData(column, Qt.Orientation.Horizontal, role))
    assert window.model.headerData(Column.MARKER, Qt.Orientation.Horizontal,
                                   Qt.ItemDataRole.ToolTipRole)


def test_the_roles_and_register_kinds_written_out_are_qts_and_the_servers() -> None:
    from app.models.server_choice import LOCAL, SERVER
    from app.ui import settings

    role = Qt.ItemDataRole
    assert (register_model.DISPLAY_ROLE, register_model.DECORATION_ROLE,
            register_model.TOOLTIP_ROLE, register_model.FONT_ROLE,
            register_model.FOREGROUND_ROLE, register_model.ACCESSIBLE_TEXT_ROLE,
            register_model.USER_ROLE) == (
        role.DisplayRole, role.DecorationRole, role.ToolTipRole, role.FontRole,
        role.ForegroundRole, role.AccessibleTextRole, role.UserRole)
    assert (settings.LOCAL, settings.SERVER) == (LOCAL, SERVER)


def test_a_property_qt_does_not_take_is_refused(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    set_property(label, "alignment", "AlignLeft|AlignTop")
    assert label.alignment() == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    with pytest.raises(ValueError, match="AlignNowhere"):
        set_property(label, "alignment", "AlignNowhere")
    with pytest.raises(ValueError, match="no property"):
        set_property(label, "textElideMode", "ElideRight")
