"""Attaching the scan of the stamped paper to a generated document, and removing it."""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.messages import message
from app.models.database import Database
from app.models.store import Store
from app.submit.records import SubmissionRecords
from app.ui.sealed_copy_dialog import SealedCopyDialog
from tests.submit.support import add_offer_documents, offer_state

from .conftest import Questions

NUMBER = "201710601862.3"
LEFT = Qt.MouseButton.LeftButton


def png_page(path: Path, colour: str = "white") -> Path:
    Image.new("RGB", (1240, 1754), colour).save(path, dpi=(150, 150))  # A4 at 150 dpi
    return path


def make_dialog(qtbot: QtBot, store: Store, document_id: int,
                chosen: list[Path]) -> SealedCopyDialog:
    opened: list[Path] = []
    dialog = SealedCopyDialog(store, document_id,
                              chooser=lambda _parent, _caption, _filter: [str(p) for p in chosen],
                              opener=opened.append)
    dialog.opened = opened  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def attach(qtbot: QtBot, dialog: SealedCopyDialog) -> None:
    dialog.outcome = None
    qtbot.mouseClick(dialog.attach_button, LEFT)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)


def test_a_png_page_attached_makes_the_document_sealed_and_both_the_offer_sealed(
    qtbot: QtBot, store: Store, database: Database, tmp_path: Path, questions: Questions,
    chinese: str,
) -> None:
    docs = add_offer_documents(database, tmp_path / "generated", NUMBER)
    records = SubmissionRecords(database)
    page = png_page(tmp_path / "扫描 1.png")

    dialog = make_dialog(qtbot, store, docs.sheet_id, [page])
    assert not dialog.attach_button.isEnabled()  # nothing chosen yet
    assert not dialog.remove_button.isEnabled()  # nothing attached yet
    assert not dialog.open_button.isEnabled() and dialog.state_label.text() == "None yet"
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert [p.name for p in dialog.paths()] == ["扫描 1.png"]
    attach(qtbot, dialog)

    assert dialog.outcome is not None and dialog.outcome.attached, dialog.outcome
    document = records.document(docs.sheet_id)
    assert document is not None and document.sealed_path
    # In the database; opened from its copy in the database's cache folder (issue 16).
    assert document.sealed_path.startswith("sealed/")
    sealed = dialog.sealed_path
    assert sealed is not None and sealed.name == Path(document.sealed_path).name
    assert sealed.read_bytes().startswith(b"%PDF") and sealed.is_file()
    assert "cache" in sealed.parts
    assert dialog.state_label.text().startswith("Attached on ")
    assert dialog.state_label.toolTip() == str(sealed)
    qtbot.mouseClick(dialog.open_button, LEFT)
    assert dialog.opened == [sealed]  # type: ignore[attr-defined]
    assert dialog.message.isVisible() and dialog.files.count() == 0
    assert dialog.remove_button.isEnabled()
    # The sheet alone does not make the offer sealed: its declaration has no scan yet.
    assert offer_state(database, docs.offer_id) == "generated"

    second = make_dialog(qtbot, store, docs.declaration_id, [png_page(tmp_path / "p2.png")])
    second.add_files()
    attach(qtbot, second)
    assert offer_state(database, docs.offer_id) == "sealed"
    assert second.message.text() == (
        "Sealed copy attached. Both documents of the offer are now sealed.")

    # Removing asks first; "no" keeps it, "yes" removes it and the offer goes back.
    qtbot.mouseClick(dialog.remove_button, LEFT)
    assert questions.asked and questions.asked[-1][0] == "confirm"
    assert records.document(docs.sheet_id).sealed_path  # type: ignore[union-attr]
    questions.answers.append(True)
    qtbot.mouseClick(dialog.remove_button, LEFT)
    assert records.document(docs.sheet_id).sealed_path == ""  # type: ignore[union-attr]
    assert offer_state(database, docs.offer_id) == "generated"
    assert not dialog.remove_button.isEnabled()


def test_pages_can_be_reordered_and_a_wrong_file_is_refused_in_words(
    qtbot: QtBot, store: Store, database: Database, tmp_path: Path, questions: Questions,
    chinese: str,
) -> None:
    docs = add_offer_documents(database, tmp_path / "generated", NUMBER)
    first, second = png_page(tmp_path / "1.png"), png_page(tmp_path / "2.png", "grey")
    note = tmp_path / "说明.png"
    note.write_text("not an image", encoding="utf-8")

    dialog = make_dialog(qtbot, store, docs.sheet_id, [first, second])
    dialog.add_files()
    assert [p.name for p in dialog.paths()] == ["1.png", "2.png"]
    assert dialog.files.currentRow() == 1 and not dialog.down_button.isEnabled()
    qtbot.mouseClick(dialog.up_button, LEFT)
    assert [p.name for p in dialog.paths()] == ["2.png", "1.png"]
    qtbot.mouseClick(dialog.down_button, LEFT)
    assert [p.name for p in dialog.paths()] == ["1.png", "2.png"]

    dialog.add_paths([note])
    attach(qtbot, dialog)
    assert dialog.outcome is not None and not dialog.outcome.attached
    expected = message("sealed.not_a_scan", {"file": "说明.png"}, chinese)
    assert dialog.message.text() == expected and dialog.message.severity == "error"
    assert dialog.files.count() == 3  # what was chosen stays, to correct
    assert records_sealed(database, docs.sheet_id) == ""


def records_sealed(database: Database, document_id: int) -> str:
    document = SubmissionRecords(database).document(document_id)
    assert document is not None
    return document.sealed_path


def test_open_pdf_says_a_damaged_sealed_copy_and_opens_nothing_in_its_place(
    qtbot: QtBot, store: Store, database: Database, tmp_path: Path, questions: Questions,
    chinese: str,
) -> None:
    """The sheet has a sealed copy, but its stored content no longer matches its hash: the
    clerk is told so, and the unsealed PDF is not opened as if it were the sealed one."""
    from sqlalchemy import select

    from app.messages import describe
    from app.models import stored_files
    from app.models.stored_files import StoredFileChunk
    from app.submit.sealing import attach_sealed_copy
    from app.ui.main_window import MainWindow
    from app.ui.settings import Preferences
    from app.usecases.files import sealed_copy_path

    from .test_main_window import select_rows
    from .test_main_window_offers import row_of

    docs = add_offer_documents(database, tmp_path / "generated", NUMBER)
    scan = png_page(tmp_path / "扫描.png")
    assert attach_sealed_copy(SubmissionRecords(database), docs.sheet_id, [scan]).attached
    with store.session() as session, session.begin():
        for chunk in session.scalars(select(StoredFileChunk)):
            chunk.data = b"%PDF-1.4 not what was stored"
    shutil.rmtree(stored_files.cache_dir(database))  # read from the database again
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.set_store(store)
    patent_id = next(r.patent_id for r in window.model.records())
    select_rows(window, [row_of(window, patent_id)])
    assert not window.open_pdf()
    assert [kind for kind, *_ in questions.asked] == ["inform"]
    damaged = sealed_copy_path(store, docs.sheet_id)
    assert not isinstance(damaged, Path) and damaged is not None
    assert damaged.code == "files.damaged"
    assert questions.asked[0][1] == describe(damaged, chinese)
    window.close()
