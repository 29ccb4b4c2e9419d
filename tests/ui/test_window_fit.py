"""Every window fits the available screen when it opens (issue 17 §8).

The windows are opened in a child pytest on an offscreen screen of 1024×600 — smaller than a
1366×768 laptop less its taskbar — configured through Qt's offscreen platform config file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.models.store import Store
from app.ui.screen_fit import FRAME_HEIGHT, FRAME_WIDTH, fitted_size

from .conftest import realistic_patents

SMALL = QSize(1024, 600)
CHILD = "LICENCE_DESK_SMALL_SCREEN"
ROOT = Path(__file__).resolve().parents[2]


def test_a_wanted_size_shrinks_to_the_available_area_with_room_for_the_frame() -> None:
    laptop = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar
    assert fitted_size(QSize(1180, 860), laptop) == QSize(1180, 728 - FRAME_HEIGHT)
    assert fitted_size(QSize(1400, 500), laptop) == QSize(1366 - FRAME_WIDTH, 500)
    assert fitted_size(QSize(640, 460), laptop) == QSize(640, 460)


def test_every_window_opens_within_a_small_screen(tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "small", "x": 0, "y": 0, "width": SMALL.width(), "height": SMALL.height(),
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", **{CHILD: "1"})
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         f"{Path(__file__).relative_to(ROOT)}::test_windows_on_the_small_screen"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout


def _windows(store: Store, tmp_path: Path) -> list[QWidget]:
    import datetime as dt

    from app.ui.accounts_dialog import AccountsDialog
    from app.ui.batch_window import BatchWindow
    from app.ui.bulk_offers_dialog import BulkOffersDialog
    from app.ui.contract_editor import ContractEditor
    from app.ui.crash_dialog import CrashDialog
    from app.ui.deal_editor import DealEditor
    from app.ui.deals_window import DealsWindow
    from app.ui.henan_application_editor import HenanApplicationEditor
    from app.ui.import_wizard import ImportWizard
    from app.ui.inventory_window import InventoryWindow
    from app.ui.main_window import MainWindow
    from app.ui.offer_editor import OfferEditor
    from app.ui.ops_centre_editor import OpsCentreEditor
    from app.ui.organisation_dialog import OrganisationDialog
    from app.ui.other_forms import ContractsWindow
    from app.ui.outbox_window import OutboxWindow
    from app.ui.package_window import PackageWindow
    from app.ui.patent_editor import PatentEditor
    from app.ui.settings import Preferences
    from app.ui.summary_book_editor import SummaryBookEditor
    from app.ui.targets_dialog import TargetsDialog

    today = dt.date(2024, 12, 20)
    patent_id = store.patents()[0].id
    main = MainWindow(Preferences())
    main.set_store(store)
    return [
        main,
        SummaryBookEditor(store, "2024-11"), ContractEditor(store, today=today),
        HenanApplicationEditor(store, 2023, today=today), OpsCentreEditor(store, 2024, today=today),
        DealEditor(store), DealsWindow(store), OfferEditor(store, patent_id),
        PatentEditor(store, patent_id), PackageWindow(store), OutboxWindow(store),
        InventoryWindow(store, today=today), BatchWindow(store), ImportWizard(store),
        TargetsDialog(store), AccountsDialog(store), OrganisationDialog(store),
        BulkOffersDialog(store, [patent_id], today=today), ContractsWindow(store),
        CrashDialog("Traceback …", tmp_path / "log.txt"),
    ]


@pytest.mark.usefixtures("questions")
@pytest.mark.skipif(not os.environ.get(CHILD), reason="runs in the child with a small screen")
def test_windows_on_the_small_screen(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    screen = QApplication.primaryScreen()
    assert screen.availableGeometry().size() == SMALL
    for fields in realistic_patents()[:2]:
        assert store.save_patent(fields).saved
    too_big = []
    for window in _windows(store, tmp_path):
        qtbot.addWidget(window)
        window.show()
        size = window.size()
        room = fitted_size(SMALL, screen.availableGeometry())
        if size.width() > room.width() or size.height() > room.height():
            too_big.append(f"{type(window).__name__}: {size.width()}×{size.height()}")
        window.close()
    assert not too_big, too_big
