"""The register and the information sheets: state column, finalise, PDFs, the other windows."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.models.offers import OfferContact, OfferFields
from app.models.store import Store
from app.ui.main_window import MainWindow
from app.ui.offer_editor import state_label
from app.ui.register_model import Column
from app.ui.settings import Preferences

from .conftest import Questions, realistic_patents
from .test_main_window import select_rows

pytestmark = pytest.mark.usefixtures("questions")

GOOD_OFFER = OfferFields(
    self_exploitation="none",
    licensing="none",
    licence_expiry=dt.date.today() + dt.timedelta(days=900),
    fee={"option": "lump_sum", "days": 30, "amount_yuan": "50000"},
    contact=OfferContact("李老师", "武汉市武昌区八一路299号", "430072", "027-68754321",
                         "kjc@whu.edu.cn"),
    open_scope="全省",
    single_term="3年",
    declared_on=dt.date.today(),
)


def make_window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.set_store(store)
    window.show()
    return window


def row_of(window: MainWindow, patent_id: int) -> int:
    source = window.model.row_of(patent_id)
    assert source is not None
    return window.proxy.mapFromSource(window.model.index(source, 0)).row()


def offer_cell(window: MainWindow, patent_id: int) -> str:
    return window.model.index(window.model.row_of(patent_id), Column.OFFER).data()  # type: ignore[arg-type]


@pytest.fixture
def patents(filled_store: Store) -> list[int]:
    ids = [filled_store.find_patent(p.number).id for p in realistic_patents()[:3]]  # type: ignore[union-attr]
    return ids


def test_state_column_follows_the_sheet(qtbot: QtBot, filled_store: Store,
                                        patents: list[int], chinese: str) -> None:
    window = make_window(qtbot, filled_store)
    assert offer_cell(window, patents[0]) == ""
    filled_store.save_offer(patents[0], GOOD_OFFER)
    filled_store.save_offer(patents[1], replace(GOOD_OFFER, fee=None))
    window.refresh_offer_marks()
    assert offer_cell(window, patents[0]) == state_label("draft")

    select_rows(window, [row_of(window, patents[0]), row_of(window, patents[1])])
    done, refused = window.finalise_selected()
    assert (done, refused) == (1, 1)
    assert offer_cell(window, patents[0]) == state_label("finalised")
    assert offer_cell(window, patents[1]) == state_label("draft")


def test_generate_pdfs_off_the_ui_thread_then_out_of_date_after_an_edit(
    qtbot: QtBot, filled_store: Store, patents: list[int], tmp_path: Path,
    questions: Questions, chinese: str,
) -> None:
    offer_id = filled_store.save_offer(patents[0], GOOD_OFFER).record_id
    assert filled_store.finalise_offer(offer_id).saved  # type: ignore[arg-type]
    window = make_window(qtbot, filled_store)
    select_rows(window, [row_of(window, patents[0])])
    operation = window.generate_pdfs(str(tmp_path), combined=False, draft=False)
    qtbot.waitUntil(lambda: operation.done, timeout=30000)
    written = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert len(written) == 2 and any("信息表" in n for n in written)
    assert offer_cell(window, patents[0]) == state_label("generated")
    assert any(kind == "confirm" and "2" in text for kind, text in questions.asked)

    # Editing the sheet afterwards returns it to draft and the PDFs are out of date.
    filled_store.save_offer(patents[0], replace(GOOD_OFFER, other_terms="需培训"))
    window.refresh_offer_marks()
    assert window.model.offer_mark(patents[0]) == ("draft", True)
    assert offer_cell(window, patents[0]).startswith(state_label("draft") + " · ")

    questions.answers = [True]  # the stand-in for the system PDF viewer opens it
    assert window.open_pdf() is True
    kind, opened = questions.asked[-1]
    assert kind == "open" and opened.endswith("信息表.pdf")


def test_generate_pdfs_for_patents_without_sheets_says_so(
    qtbot: QtBot, filled_store: Store, patents: list[int], questions: Questions
) -> None:
    window = make_window(qtbot, filled_store)
    select_rows(window, [row_of(window, patents[2])])
    assert window.generate_pdfs("/nonexistent", combined=False, draft=False) is None
    assert questions.asked[-1][0] == "inform"


def test_problems_panel_shows_the_sheet(qtbot: QtBot, filled_store: Store,
                                        patents: list[int], chinese: str) -> None:
    filled_store.save_offer(patents[0], replace(GOOD_OFFER, contact=replace(
        GOOD_OFFER.contact, postcode="4300")))
    window = make_window(qtbot, filled_store)
    select_rows(window, [row_of(window, patents[0])])
    text = window.problems.toPlainText()
    assert window.tr("Information sheet") in text and "邮编应为 6 位数字" in text


def test_every_window_opens_from_the_menus(qtbot: QtBot, filled_store: Store,
                                           patents: list[int],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import app.ui.summary_book_editor as book_editor

    # The period question is the editor's own modal list; answer it as a clerk would.
    monkeypatch.setattr(book_editor, "choose_period", lambda _p, _periods, _s: "2026-10")
    filled_store.save_offer(patents[0], GOOD_OFFER)
    window = make_window(qtbot, filled_store)
    select_rows(window, [row_of(window, patents[0])])
    for opener in (window.open_batches, window.open_package, window.open_outbox,
                   window.open_accounts, window.open_targets, window.open_deals,
                   window.open_summary_book, window.edit_offer, window.deal_from_offer):
        opened = opener()
        assert opened is not None, opener.__name__
        opened.close()


def test_backup_and_restore_through_the_window(
    qtbot: QtBot, filled_store: Store, patents: list[int], tmp_path: Path
) -> None:
    filled_store.save_offer(patents[0], GOOD_OFFER)
    window = make_window(qtbot, filled_store)
    target = tmp_path / "backup.json"
    operation = window.export_json(str(target))
    qtbot.waitUntil(lambda: operation.done, timeout=20000)
    assert target.exists() and "201" in target.read_text(encoding="utf-8")

    filled_store.delete_patents(patents)
    window.reload()
    assert window.model.rowCount() == 17
    operation = window.import_json(str(target))
    qtbot.waitUntil(lambda: operation.done, timeout=20000)
    assert window.model.rowCount() == 20
    restored = filled_store.find_patent(realistic_patents()[0].number)
    assert restored is not None
    assert window.model.offer_mark(restored.id) == ("draft", False)


def test_a_backup_to_an_impossible_place_says_where_and_why(
    qtbot: QtBot, filled_store: Store, tmp_path: Path, questions: Questions
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    window = make_window(qtbot, filled_store)
    operation = window.export_json(str(blocked / "backup.json"))
    qtbot.waitUntil(lambda: operation.done, timeout=20000)
    [(kind, text)] = [q for q in questions.asked if q[0] == "critical"]
    assert str(blocked / "backup.json") in text


def test_generate_pdfs_of_a_draft_sheet_says_so_before_asking_for_a_folder(
    qtbot: QtBot, filled_store: Store, patents: list[int], questions: Questions,
    ui_language: str,
) -> None:
    """issue 17 §9: a draft sheet gave a folder question, then "0 files written"."""
    filled_store.save_offer(patents[0], GOOD_OFFER)  # saved, not finalised
    window = make_window(qtbot, filled_store)
    select_rows(window, [row_of(window, patents[0])])
    assert window.generate_pdfs(combined=False, draft=False) is None
    assert [kind for kind, _text in questions.asked] == ["inform"]  # no folder asked
    text = questions.asked[0][1]
    if ui_language == "zh_CN":
        assert "请先定稿" in text and "草稿 PDF" in text and "尚未定稿" in text
    else:
        assert "finalise them first" in text and "draft PDFs" in text
    assert realistic_patents()[0].number.split(".")[0] in text.replace("ZL", "")


def test_the_generate_message_says_which_folder_it_wrote_to(
    qtbot: QtBot, filled_store: Store, patents: list[int], tmp_path: Path,
    questions: Questions, chinese: str,
) -> None:
    offer_id = filled_store.save_offer(patents[0], GOOD_OFFER).record_id
    assert filled_store.finalise_offer(offer_id).saved  # type: ignore[arg-type]
    window = make_window(qtbot, filled_store)
    select_rows(window, [row_of(window, patents[0])])
    questions.answers = [True]  # open the folder
    operation = window.generate_pdfs(str(tmp_path), combined=False, draft=False)
    qtbot.waitUntil(lambda: operation.done, timeout=30000)
    kinds = [kind for kind, _text in questions.asked]
    assert kinds == ["confirm", "open"]
    assert str(tmp_path) in questions.asked[0][1]
    assert questions.asked[1][1] == str(tmp_path)
