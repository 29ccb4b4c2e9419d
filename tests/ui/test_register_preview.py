"""The register's rows shown from the file before the database is open (issue 19): the same
rows as the store's, kept when the file did not change, read again when it did."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.models.register_table import RegisterPreview
from app.models.store import Store
from app.ui.main_window import MainWindow
from app.ui.register_model import Column
from app.ui.settings import Preferences

from .conftest import realistic_patents

pytestmark = pytest.mark.usefixtures("questions")


def numbers(window: MainWindow) -> list[str]:
    proxy = window.proxy
    return [proxy.index(r, Column.NUMBER).data() for r in range(proxy.rowCount())]


def test_the_preview_shows_the_stores_rows_and_set_store_keeps_them(
    qtbot: QtBot, filled_store: Store
) -> None:
    path = filled_store.database.path
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    assert window.show_register_preview(path)
    shown = numbers(window)
    assert len(shown) == 20
    assert not window.edit_action.isEnabled()  # no store yet
    first = window.model.records()[0]
    window.set_store(filled_store)
    assert numbers(window) == shown
    assert window.model.records()[0] is first  # not read again: the file did not change
    assert window.model.records()[0].fields == filled_store.patent_register()[0][1]


def test_a_file_changed_after_the_preview_is_read_again(
    qtbot: QtBot, filled_store: Store
) -> None:
    path = filled_store.database.path
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    assert window.show_register_preview(path)
    with sqlite3.connect(path) as other:  # another program writes meanwhile
        other.execute("UPDATE patent SET title = '改过的标题' WHERE number = ?",
                      (realistic_patents()[1].number,))
    window.set_store(filled_store)
    assert "改过的标题" in [window.model.index(r, Column.TITLE).data()
                          for r in range(window.model.rowCount())]


def test_nothing_to_preview(tmp_path: object, qtbot: QtBot) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    assert RegisterPreview.read(folder / "missing.sqlite3") is None
    (folder / "empty.sqlite3").write_bytes(b"")
    assert RegisterPreview.read(folder / "empty.sqlite3") is None
    (folder / "junk.sqlite3").write_bytes(b"not a database" * 100)
    assert RegisterPreview.read(folder / "junk.sqlite3") is None
    with sqlite3.connect(folder / "other.sqlite3") as other:  # a SQLite file, not a register
        other.execute("CREATE TABLE t (x)")
    assert RegisterPreview.read(folder / "other.sqlite3") is None
    assert RegisterPreview.read("postgresql://clerk@127.0.0.1/register") is None
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    assert not window.show_register_preview(folder / "missing.sqlite3")
    assert window.model.rowCount() == 0
    assert not (folder / "missing.sqlite3").exists()  # the preview creates nothing


def test_the_preview_needs_no_sqlalchemy(filled_store: Store) -> None:
    """The point of the preview: it runs, and the rows it shows are checked for the marker
    column, before SQLAlchemy is imported."""
    code = (
        "import sys\n"
        "from app.models.register_table import RegisterPreview\n"
        f"preview = RegisterPreview.read({str(filled_store.database.path)!r})\n"
        "assert preview is not None and len(preview.table) == 20\n"
        "from app.models.patent_rules import check_patent\n"  # the marker column's problems
        "from app.models.register_table import fields_of\n"
        "assert all(isinstance(check_patent(fields_of(r)), list) for r in preview.table)\n"
        "assert not any(m.startswith('sqlalchemy') for m in sys.modules), 'sqlalchemy'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_path_with_spaces_hashes_percents_and_chinese(
    tmp_path: object, filled_store: Store
) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path)) / "登记 #1 100% ?"
    folder.mkdir()
    copy = folder / "专利 登记.sqlite3"
    with sqlite3.connect(filled_store.database.path) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # the file alone would miss what is still in its WAL
    preview = RegisterPreview.read(copy)
    assert preview is not None and len(preview.table) == 20
    assert preview.unchanged(copy)


def test_the_window_up_to_its_first_paint_imports_no_sqlalchemy() -> None:
    """The window's modules (its menus, settings and the database choice they show) import
    no SQLAlchemy: a quarter of a second at every start that belongs after the first paint.
    The settings once imported it through the office-server choice and the window's first
    paint took 3.9 × a bare window's."""
    code = (
        "import sys\n"
        "import app.ui.application, app.ui.main_window\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'alembic', 'openpyxl', 'reportlab', 'psycopg', 'keyring'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])
