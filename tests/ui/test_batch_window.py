"""The batch window: batches, their information sheets, the summary list preview and writing it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from app.messages import describe
from app.models.offers import OfferContact, OfferFields, default_licence_expiry
from app.models.store import ContactData, OrganisationData, Store
from app.models.summary_list import COLUMNS
from app.ui import batch_window, interaction
from app.ui.batch_window import ID_ROLE, BatchWindow

from .conftest import realistic_patents

TODAY = dt.date.today()
OFFER = OfferFields(
    self_exploitation="none",
    licensing="none",
    licence_expiry=TODAY + dt.timedelta(days=3 * 365),
    fee={"option": "free"},
    contact=OfferContact("李老师", "湖北省武汉市武昌区八一路299号", "430072", "027-68754321",
                         "kjc@whu.edu.cn"),
    open_scope="全省",
    single_term="3年",
    declared_on=TODAY,
)


class Register:
    """A store with finalised offers, one draft, and their ids in register order."""

    def __init__(self, store: Store) -> None:
        self.store = store
        store.save_organisation(OrganisationData(
            name="武汉大学", contacts=(ContactData(name="王老师", office_phone="027-68752222"),)))
        self.finalised: list[int] = []
        self.draft: int = 0
        usable = [f for i, f in enumerate(realistic_patents()) if i != 5]  # 5 has mistakes
        index = 0
        for fields in usable:
            saved = store.save_patent(fields)
            assert saved.record_id is not None
            patent = store.patent(saved.record_id)
            assert patent is not None and patent.expiry is not None
            if patent.expiry.date <= TODAY:
                continue  # a utility model past its ten years cannot be offered
            offer = replace(OFFER, licence_expiry=default_licence_expiry(
                patent.expiry.date, 3, TODAY), single_term="" if index == 7 else "3年")
            if index == 6:
                offer = replace(offer, self_exploitation="")  # not answered: stays a draft
            result = store.save_offer(saved.record_id, offer)
            assert result.record_id is not None
            if index == 6:
                self.draft = result.record_id
            else:
                done = store.finalise_offer(result.record_id)
                assert done.saved, done.findings
                self.finalised.append(result.record_id)
            index += 1
            if index == 9:
                break
        # Register order is by number: the ids as the window lists them.
        order = [o.id for o in store.offers()]
        self.finalised.sort(key=order.index)


@pytest.fixture
def register(store: Store) -> Register:
    return Register(store)


@pytest.fixture
def names(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """Answers to the name prompts, in order (None: the clerk cancels)."""
    answers: list[str | None] = []
    monkeypatch.setattr(batch_window, "ask_text", lambda *args: answers.pop(0))
    return answers


def make_window(qtbot: QtBot, store: Store, preselected: tuple[int, ...] = ()) -> BatchWindow:
    window = BatchWindow(store, preselected_offer_ids=preselected)
    qtbot.addWidget(window)
    window.show()
    return window


def ids(widget: QListWidget) -> list[int]:
    return [int(widget.item(i).data(ID_ROLE)) for i in range(widget.count())]


def select(widget: QListWidget, offer_ids: list[int]) -> None:
    widget.clearSelection()
    for i in range(widget.count()):
        item = widget.item(i)
        item.setSelected(int(item.data(ID_ROLE)) in offer_ids)


def test_a_new_batch_takes_the_selected_finalised_sheets(
    qtbot: QtBot, register: Register, names: list[str | None], chinese: str
) -> None:
    store = register.store
    window = make_window(qtbot, store)
    assert window.batch_list.count() == 0 and window.empty_label.isVisible()
    assert not window.write_button.isEnabled()
    first, second, third = register.finalised[:3]
    select(window.available_list, [second, first])
    names.extend(["", "2026 年第一批"])  # an empty name is refused, then asked again
    window.new_button.click()
    assert names == []
    [batch] = store.batches()
    assert batch.name == "2026 年第一批"
    assert batch.offer_ids == (first, second)  # in the list's (register) order
    assert ids(window.batch_offers_list) == [first, second]
    assert first not in ids(window.available_list)
    assert window.batch_list.item(0).text() == "2026 年第一批 (2 sheets)"

    select(window.available_list, [third])
    window.add_button.click()
    assert store.batch(batch.id).offer_ids == (first, second, third)  # type: ignore[union-attr]
    select(window.batch_offers_list, [third])
    window.up_button.click()
    assert store.batch(batch.id).offer_ids == (first, third, second)  # type: ignore[union-attr]
    assert window._selected_ids(window.batch_offers_list) == {third}  # still selected
    window.up_button.click()
    window.down_button.click()
    window.down_button.click()
    assert ids(window.batch_offers_list) == [first, second, third]
    select(window.batch_offers_list, [second])
    window.remove_button.click()
    assert store.batch(batch.id).offer_ids == (first, third)  # type: ignore[union-attr]
    assert second in ids(window.available_list)


def test_a_draft_is_greyed_and_refused_with_its_reason(
    qtbot: QtBot, register: Register, names: list[str | None], chinese: str
) -> None:
    store = register.store
    batch = store.create_batch("第一批", offer_ids=register.finalised[:1]).batch
    assert batch is not None
    window = make_window(qtbot, store)
    row = ids(window.available_list).index(register.draft)
    item = window.available_list.item(row)
    draft = store.offer(register.draft)
    assert draft is not None
    from app.models.batches import check_offer_for_batch

    refusal = check_offer_for_batch(draft)
    assert refusal is not None
    assert item.toolTip() == describe(refusal, chinese)
    assert item.text().endswith("（Draft）")
    select(window.available_list, [register.draft])
    window.add_button.click()
    assert store.batch(batch.id).offer_ids == tuple(register.finalised[:1])  # type: ignore
    message = window.offers_message.text()
    assert message.splitlines()[0] == describe(refusal, chinese)
    assert "未加入批次" in message and len(message.splitlines()) > 1  # and what stands in its way
    assert window.offers_message.severity == "error"


def test_the_preview_is_the_summary_list_as_printed(
    qtbot: QtBot, register: Register, chinese: str
) -> None:
    store = register.store
    chosen = list(reversed(register.finalised))
    batch = store.create_batch("第一批", offer_ids=chosen).batch
    assert batch is not None
    window = make_window(qtbot, store)
    summary, findings = store.summary_list(batch.id)
    assert summary is not None
    table = window.preview_table
    headings = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headings == [c.wrapped for c in COLUMNS]
    shown = [tuple(table.item(r, c).text() for c in range(table.columnCount()))
             for r in range(table.rowCount())]
    assert shown == [tuple(str(v) for v in row.cells()) for row in summary.rows]
    assert shown[0][0] == "1" and shown[0][1].startswith("ZL")
    assert window.header_line.text() == summary.header_line
    assert "武汉大学" in window.header_line.text()
    listed = [window.findings_list.item(i).text() for i in range(window.findings_list.count())]
    assert listed == [describe(f, chinese) for f in findings]
    assert any("单次许可期限" in text for text in listed)  # the offer without a single term
    assert window.write_button.isEnabled()


def test_rename_and_delete_with_confirmation(
    qtbot: QtBot, register: Register, names: list[str | None],
    monkeypatch: pytest.MonkeyPatch, chinese: str
) -> None:
    store = register.store
    store.create_batch("第一批")
    other = store.create_batch("第二批").batch
    assert other is not None
    window = make_window(qtbot, store)
    window.batch_list.setCurrentRow(ids(window.batch_list).index(other.id))
    names.extend(["第一批", "第二批（补充）"])  # a name taken is refused, then another
    window.rename_button.click()
    assert store.batch(other.id).name == "第二批（补充）"  # type: ignore[union-attr]
    assert window.batch_id == other.id

    answers = [False, True]
    asked: list[str] = []
    monkeypatch.setattr(interaction, "confirm",
                        lambda parent, title, text, details="": asked.append(text)
                        or answers.pop(0))
    window.delete_button.click()
    assert len(store.batches()) == 2  # said No
    window.delete_button.click()
    assert [b.name for b in store.batches()] == ["第一批"]
    assert asked[0] == "Delete the batch “第二批（补充）”?"
    assert window.batch_list.count() == 1


def test_preselected_sheets_are_selected_ready_to_add(
    qtbot: QtBot, register: Register, names: list[str | None]
) -> None:
    wanted = register.finalised[1:3]
    window = make_window(qtbot, register.store, preselected=tuple(wanted))
    assert window._selected_ids(window.available_list) == set(wanted)
    names.append("第一批")
    window.new_button.click()
    [batch] = register.store.batches()
    assert batch.offer_ids == tuple(wanted)


def test_write_summary_list_into_a_folder_and_offer_to_open_it(
    qtbot: QtBot, register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = register.store
    batch = store.create_batch("第一批", offer_ids=register.finalised).batch
    assert batch is not None
    window = make_window(qtbot, store)
    folder = tmp_path / "输出"
    folder.mkdir()
    monkeypatch.setattr(batch_window, "choose_folder", lambda *args: str(folder))
    opened: list[QUrl] = []
    monkeypatch.setattr(batch_window, "open_url", lambda url: opened.append(url) or True)
    said: list[str] = []
    monkeypatch.setattr(interaction, "confirm",
                        lambda parent, title, text, details="": said.append(text) or True)
    window.write_button.click()
    assert window.operation is not None
    qtbot.waitUntil(lambda: window.operation is not None and window.operation.done,
                    timeout=60000)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert sorted(p.name for p in folder.iterdir()) == ["汇总表.pdf", "汇总表.xlsx"]
    assert [p.name for p in window.written] == ["汇总表.pdf", "汇总表.xlsx"]
    assert opened == [QUrl.fromLocalFile(str(folder))]
    assert "汇总表.pdf" in said[0] and "汇总表.xlsx" in said[0]
    recorded = {d.kind: d.path for d in store.generated_documents()}
    assert recorded == {"summary_list": str((folder / "汇总表.pdf").resolve()),
                        "summary_list_xlsx": str((folder / "汇总表.xlsx").resolve())}

    import openpyxl

    sheet = openpyxl.load_workbook(folder / "汇总表.xlsx").active
    summary, _ = store.summary_list(batch.id)
    assert summary is not None
    assert [sheet.cell(4 + i, 2).value for i in range(len(summary.rows))] == [
        row.number for row in summary.rows]
    assert (folder / "汇总表.pdf").read_bytes().startswith(b"%PDF")


def test_a_folder_that_cannot_be_written_says_why(
    qtbot: QtBot, register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    chinese: str
) -> None:
    register.store.create_batch("第一批", offer_ids=register.finalised)
    window = make_window(qtbot, register.store)
    not_a_folder = tmp_path / "汇总表.txt"
    not_a_folder.write_text("occupied")
    monkeypatch.setattr(batch_window, "choose_folder", lambda *args: str(not_a_folder))
    reported: list[str] = []
    monkeypatch.setattr(interaction, "critical",
                        lambda parent, title, text: reported.append(text))
    monkeypatch.setattr(interaction, "confirm", lambda *args: pytest.fail("nothing to open"))
    window.write_button.click()
    qtbot.waitUntil(lambda: bool(reported), timeout=60000)
    assert window.written == []
    assert str(not_a_folder) in reported[0]
    assert register.store.generated_documents() == []


def test_cancelling_the_folder_writes_nothing(
    qtbot: QtBot, register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register.store.create_batch("第一批", offer_ids=register.finalised)
    window = make_window(qtbot, register.store)
    monkeypatch.setattr(batch_window, "choose_folder", lambda *args: "")
    window.write_button.click()
    assert window.operation is None and window.written == []


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_the_entry_point_reuses_an_open_window(
    qtbot: QtBot, register: Register
) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    first = batch_window.open_batch_window(parent, register.store)
    again = batch_window.open_batch_window(parent, register.store, register.finalised[:1])
    assert again is first and first.isVisible()
    assert first._selected_ids(first.available_list) == set(register.finalised[:1])
