"""A document's state shows everywhere the moment it changes, and what a save would undo is
said before the clerk commits, with a chance to cancel (issue 17, points 1 and 3)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.models.patent_rules import PatentFields
from app.models.store import Store
from app.ui.main_window import MainWindow
from app.ui.offer_editor import OfferEditor, state_label
from app.ui.patent_editor import PatentEditor
from app.ui.settings import Preferences
from app.usecases.save_effects import offer_save_effects, patent_save_effects

from .conftest import Questions, commit_text
from .test_main_window import select_rows
from .test_main_window_offers import GOOD_OFFER, offer_cell, row_of

pytestmark = pytest.mark.usefixtures("questions")


SHOTS = Path(os.environ.get("LICENCE_DESK_SHOTS", "/tmp"))
PATENT = PatentFields(
    number="201710601862.3",
    title="一种基于深度学习的图像识别方法",
    patentees=("武汉大学",),
    filing_date=dt.date(2017, 7, 21),
    grant_date=dt.date(2019, 3, 5),
)


def finalised_sheet(store: Store) -> int:
    patent_id = store.save_patent(PATENT).record_id
    assert patent_id is not None
    offer_id = store.save_offer(patent_id, GOOD_OFFER).record_id
    assert offer_id is not None and store.finalise_offer(offer_id).saved
    return patent_id


def test_save_effects_are_known_before_saving(store: Store) -> None:
    patent_id = finalised_sheet(store)
    assert patent_save_effects(store, patent_id, PATENT) == []
    assert offer_save_effects(store, patent_id, GOOD_OFFER) == []

    renamed = patent_save_effects(store, patent_id, replace(PATENT, title="另一名称"))
    assert [f.code for f in renamed] == ["offer.returned_to_draft"]
    assert renamed[0].params["fields"] == ["patent.title"]
    edited = offer_save_effects(store, patent_id, replace(GOOD_OFFER, other_terms="需培训"))
    assert [f.code for f in edited] == ["offer.returned_to_draft"]
    # Nothing was saved by asking.
    assert store.offer_for_patent(patent_id).state == "finalised"  # type: ignore[union-attr]

    # A status contradicting the term: told before saving, once (not for a record saved so).
    old = replace(PATENT, number="200510012345.X", filing_date=dt.date(2005, 1, 10),
                  grant_date=dt.date(2008, 3, 5))
    assert [f.code for f in patent_save_effects(store, None, old)] == [
        "legal_status.term_ended"]


def test_a_patent_edit_shows_the_sheet_back_in_draft_at_once(
    qtbot: QtBot, store: Store, questions: Questions, zh_ui: str
) -> None:
    patent_id = finalised_sheet(store)
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.set_store(store)
    window.show()
    select_rows(window, [row_of(window, patent_id)])
    assert offer_cell(window, patent_id) == state_label("finalised")
    assert state_label("finalised") in window.problems.toPlainText()
    batches = window.open_batches()  # modeless: stays open while the patent is edited
    offer_id = store.offer_for_patent(patent_id).id  # type: ignore[union-attr]

    def batch_caption() -> str:
        row = [batches.available_list.item(i) for i in range(batches.available_list.count())]
        return next(i.text() for i in row if i.data(Qt.ItemDataRole.UserRole) == offer_id)

    assert state_label("draft") not in batch_caption()

    editor = window.edit_patent(patent_id)
    assert editor is not None
    editor.title_edit.clear()
    commit_text(editor.title_edit, "一种改进的图像识别方法")
    questions.answers = [True]  # yes, return the sheet to draft
    assert editor.save()
    assert "退回草稿" in questions.asked[-1][1]

    # The register and the findings pane, without any other action.
    assert offer_cell(window, patent_id).startswith(state_label("draft"))
    pane = window.problems.toPlainText()
    assert state_label("draft") in pane and state_label("finalised") not in pane
    assert state_label("draft") in batch_caption()  # greyed: a draft cannot join a batch
    window.grab().save(str(SHOTS / "issue17_register_after_patent_edit.png"))


def test_patent_editor_asks_before_returning_the_sheet_to_draft(
    qtbot: QtBot, store: Store, questions: Questions, chinese: str
) -> None:
    patent_id = finalised_sheet(store)
    editor = PatentEditor(store, patent_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.title_edit.clear()
    commit_text(editor.title_edit, "一种改进的图像识别方法")
    questions.answers = [False]  # cancel
    assert not editor.save()
    kind, text = questions.asked[-1]
    assert kind == "confirm" and "退回草稿" in text
    assert editor.isVisible() and editor.title_edit.text() == "一种改进的图像识别方法"
    saved = store.patent(patent_id)
    assert saved is not None and saved.title == PATENT.title
    assert store.offer_for_patent(patent_id).state == "finalised"  # type: ignore[union-attr]


def test_new_patent_whose_term_ended_is_told_before_saving(
    qtbot: QtBot, store: Store, questions: Questions, chinese: str
) -> None:
    editor = PatentEditor(store, None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.number_edit, "200510012345.X")
    commit_text(editor.title_edit, "一种旧方法")
    commit_text(editor.patentees_edit, "武汉大学")
    qtbot.keyClicks(editor.filing_edit, "2005-01-10")
    qtbot.keyClicks(editor.grant_edit, "2008-03-05")
    questions.answers = [False]
    assert not editor.save()
    assert "届满" in questions.asked[-1][1]
    assert store.find_patent("200510012345.X") is None
    questions.answers = [True]
    assert editor.save()
    assert store.find_patent("200510012345.X") is not None
    # Told once, before: no second box after the save saying the same.
    assert [k for k, _ in questions.asked] == ["confirm", "confirm"]


def test_finalised_sheet_says_so_and_asks_before_returning_to_draft(
    qtbot: QtBot, store: Store, questions: Questions, zh_ui: str
) -> None:
    patent_id = finalised_sheet(store)
    editor = OfferEditor(store, patent_id)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.finalise_button.isEnabled()
    assert editor.findings_title.text() != editor.tr("No errors: the sheet can be finalised.")
    assert "定稿" in editor.findings_title.text()
    assert "草稿" in editor.state_label.text()  # editing returns it to draft: said up front
    editor.grab().save(str(SHOTS / "issue17_finalised_sheet.png"))

    commit_text(editor.other_terms, "被许可人需参加技术培训")
    editor.validate()
    assert editor.finalise_button.isEnabled()  # a change can be finalised again
    questions.answers = [False]
    assert not editor.save()
    assert "退回草稿" in questions.asked[-1][1]
    assert store.offer_for_patent(patent_id).state == "finalised"  # type: ignore[union-attr]

    questions.answers = [True]
    assert editor.save()
    assert store.offer_for_patent(patent_id).state == "draft"  # type: ignore[union-attr]
    assert questions.asked[-1][0] == "confirm"  # no second box after the fact
    assert editor.finalise_button.isEnabled()
    assert editor.findings_title.text() == editor.tr("No errors: the sheet can be finalised.")
    assert state_label("draft") in editor.state_label.text()
