"""The register's rows shown from the file before the database is open (issue 19): the same
rows as the store's, kept when the file did not change, read again when it did."""

from __future__ import annotations

import os
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


def test_the_window_up_to_its_first_paint_imports_no_sqlalchemy(tmp_path: Path) -> None:
    """Starting as `licence-desk` does, up to the window's first paint, imports no SQLAlchemy,
    Alembic, openpyxl, reportlab, psycopg or keyring: they belong after it (a quarter of a
    second each start). The office-server settings once pulled SQLAlchemy in through the start
    and the first paint took 3.9 × a bare window's."""
    code = (
        "import os, sys\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "import app.ui.main_window as mw\n"
        "seen = []\n"
        "class Probe(QObject):\n"
        "    def eventFilter(self, watched, event):\n"
        "        if event.type() == QEvent.Type.Paint and not seen:\n"
        "            seen.extend(sorted({m.split('.')[0] for m in sys.modules} & {\n"
        "                'sqlalchemy', 'alembic', 'openpyxl', 'reportlab', 'psycopg',\n"
        "                'keyring'}) or ['none'])\n"
        "            print(seen, flush=True)\n"
        "            os._exit(0 if seen == ['none'] else 3)  # the verdict is in\n"
        "        return False\n"
        "probe = Probe()\n"
        "constructor = mw.MainWindow.__init__\n"
        "def watched(window, *args, **kwargs):\n"
        "    constructor(window, *args, **kwargs)\n"
        "    window.installEventFilter(probe)\n"
        "mw.MainWindow.__init__ = watched\n"
        "from app.__main__ import main\n"
        "main(['--db', sys.argv[1]])\n"
        "sys.exit(4)  # the window closed before it painted\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "LICENCE_DESK_DATA_DIR": str(tmp_path / "data")}
    env.pop("LICENCE_DESK_DB", None)
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path / "register.sqlite3")],
                         cwd=Path(__file__).parents[2], env=env, timeout=120,
                         capture_output=True, text=True)
    assert run.returncode == 0, (run.stdout, run.stderr[-2000:])
