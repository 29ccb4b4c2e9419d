"""The File menu's one-file backup and restore (issue 16): off the UI thread, the register's
files included, a restore that says what it replaces and asks, and a damaged backup refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.models.store import Store
from app.models.stored_files import stored_hashes
from app.ui.main_window import MainWindow
from app.ui.settings import Preferences

from .conftest import Questions

pytestmark = pytest.mark.usefixtures("questions")


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.set_store(store)
    return window


def test_back_up_and_restore_from_the_file_menu(qtbot: QtBot, filled_store: Store,
                                                tmp_path: Path, questions: Questions) -> None:
    from app.models.deals import DealFields, Payment

    number = filled_store.patents()[0].number
    deal_id = filled_store.save_deal(DealFields(patents=(number,), licensee="甲公司",
                                                payment=Payment("free"))).record_id
    contract = tmp_path / "合同.pdf"
    contract.write_bytes(b"%PDF-1.4 contract")
    assert deal_id is not None and filled_store.add_deal_file(deal_id, contract, "contract").saved
    window = _window(qtbot, filled_store)
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Back up to a file…" in texts and "&Restore from a backup file…" in texts

    target = tmp_path / "备份.zip"
    operation = window.back_up(str(target))
    qtbot.waitUntil(lambda: operation.done, timeout=30000)
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None and len(archive.namelist()) == 3  # manifest, JSON, file
    rows = window.model.rowCount()

    filled_store.delete_deals([deal_id])
    filled_store.delete_patents([p.id for p in filled_store.patents()[:3]])
    window.reload()
    assert window.model.rowCount() == rows - 3
    # Asked first, saying what goes; "no" changes nothing.
    assert window.restore_backup(str(target)) is None
    [(kind, text)] = questions.asked
    assert kind == "confirm" and f"{rows - 3} patents" in text
    questions.answers.append(True)
    operation = window.restore_backup(str(target))
    qtbot.waitUntil(lambda: operation.done, timeout=30000)
    assert window.model.rowCount() == rows
    with filled_store.session() as session:
        assert len(stored_hashes(session)) == 1
    assert questions.asked[-1][0] == "inform"

    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(target.read_bytes()[:200])
    questions.answers.append(True)
    operation = window.restore_backup(str(damaged))
    qtbot.waitUntil(lambda: operation.done, timeout=30000)
    kind, text = questions.asked[-1]
    assert kind == "critical" and str(damaged) in text
    assert window.model.rowCount() == rows
