"""The Henan application editor: typed once, checked live, guidance and counts beside the long
texts, the register's figures inserted, saved, drafts kept, the PDFs written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.models.deals import DealFields, Payment
from app.models.henan_application import GUIDANCE
from app.models.store import Store
from app.ui import henan_application_editor, interaction
from app.ui.henan_application_editor import HenanApplicationEditor
from app.usecases import henan_application as usecase
from tests.models.test_batches import add_offer, number
from tests.ui.conftest import commit_text
from tests.usecases.test_henan_application import ORG

DAY = dt.date(2023, 4, 20)


@pytest.fixture
def editor(qtbot: QtBot, store: Store) -> HenanApplicationEditor:
    store.save_organisation(ORG)
    made = HenanApplicationEditor(store, 2023, today=DAY)
    qtbot.addWidget(made)
    return made


def test_new_application_offers_the_liaison_and_shows_guidance(
        editor: HenanApplicationEditor) -> None:
    assert editor.line_edits["liaison_name"].text() == "王文玉"
    assert editor.line_edits["liaison_postcode"].text() == "464000"
    assert "信阳师范大学" in editor.unit_label.text()
    for key in ("work_targets", "measures", "goals", "safeguards"):
        assert editor.texts[key].guidance_label.text() == GUIDANCE[key]
        assert "not printed" in editor.texts[key].guidance_title.text()
    assert editor.texts["tasks"].guidance_label.isHidden()  # the notice gives none
    codes = {(f.code, f.field) for f in editor.validate()}
    assert ("application.required", "work_targets") in codes


def test_typing_checks_counts_and_saves(editor: HenanApplicationEditor, store: Store,
                                        qtbot: QtBot) -> None:
    commit_text(editor.texts["funding"].edit, "学校每年安排专项经费。")
    assert editor.texts["funding"].count_label.text() == "11 characters"
    editor.line_edits["liaison_email"].setText("not-mail")
    editor.validate()
    assert editor.messages["liaison_email"].isVisibleTo(editor)
    editor.autosave()
    assert store.load_draft("henan_application", 2023)["funding"] == "学校每年安排专项经费。"
    assert editor.save()
    assert usecase.load(store, 2023).funding == "学校每年安排专项经费。"
    assert store.load_draft("henan_application", 2023) is None
    assert not editor.is_dirty()


def test_register_figures_are_inserted(editor: HenanApplicationEditor, store: Store) -> None:
    add_offer(store, 1)
    store.save_deal(DealFields(patents=(number(1),), licensee="甲公司", licence_date=DAY,
                               payment=Payment("free")))
    editor.insert_figures()
    assert editor.texts["work_targets"].text() == (
        "截至2023年4月20日，本单位已提出开放许可声明的专利1件，达成许可1项（其中免费许可1项、"
        "收费许可0项），收费许可金额合计0万元。")


def test_write_pdfs(editor: HenanApplicationEditor, tmp_path: Path,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(henan_application_editor, "choose_folder", lambda *a: str(tmp_path))
    told: list[str] = []
    monkeypatch.setattr(interaction, "inform", lambda _p, _t, text, *a: told.append(text))
    paths = editor.write_pdfs()
    assert [p.name for p in paths] == ["河南省专利开放许可试点工作申请书（草稿）.pdf",
                                       "河南省专利开放许可试点工作方案（2023年-2024年）（草稿）.pdf"]
    assert "草稿" in told[0]
