"""Two clerks on one register (issue 16): an editor passes the version it loaded; a save over
a newer version opens the comparison instead of overwriting, the clerk's edit is kept as a
draft that survives closing, and the merge takes theirs, keeps mine or goes field by field."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.models.database import open_database
from app.models.merge import Side
from app.models.patent_rules import PatentFields
from app.models.store import Store
from app.ui import version_guard
from app.ui.patent_editor import PatentEditor
from app.ui.version_guard import MergeAnswer, MergeDialog
from tests.ui.conftest import VALID_NUMBER, commit_text

pytestmark = pytest.mark.usefixtures("questions")

PATENT = PatentFields(number=VALID_NUMBER, title="一种测试方法", patentees=("武汉大学",),
                      filing_date=dt.date(2017, 3, 1), remarks="原备注")


@pytest.fixture
def two_clerks(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Two connections to one SQLite file, as two PCs' copies of the application."""
    first, second = open_database(tmp_path / "office.sqlite3"), open_database(
        tmp_path / "office.sqlite3")
    yield Store(first), Store(second)
    first.close()
    second.close()


class Merges:
    """Stands in for the clerk at the merge dialog: records what was shown, answers."""

    def __init__(self, answer: MergeAnswer | None) -> None:
        self.answer = answer
        self.shown: list[Any] = []

    def __call__(self, parent: Any, comparison: Any, stored: Any, caption: Any, shown: Any
                 ) -> MergeAnswer | None:
        self.shown.append((comparison, stored,
                           {d.name: (caption(d.name), shown(d.name, d.theirs),
                                     shown(d.name, d.mine)) for d in comparison.differences}))
        return self.answer


def _open(qtbot: QtBot, store: Store, patent_id: int) -> PatentEditor:
    editor = PatentEditor(store, patent_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _saved_and_opened(qtbot: QtBot, a: Store) -> tuple[int, PatentEditor]:
    """PATENT saved by clerk A, and open in A's editor."""
    patent_id = a.save_patent(PATENT).record_id
    assert patent_id is not None
    return patent_id, _open(qtbot, a, patent_id)


def _b_saves_title(store: Store, patent_id: int, title: str) -> None:
    patent = store.patent(patent_id)
    assert patent is not None
    assert store.save_patent(dataclasses.replace(PatentFields.of(patent), title=title),
                             patent_id, expected_version=patent.version).saved


def test_a_late_save_shows_who_and_keeps_mine_when_asked(
    qtbot: QtBot, two_clerks: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = two_clerks
    patent_id, editor = _saved_and_opened(qtbot, a)
    editor.remarks_edit.setPlainText("甲改的备注")  # only A changes the remarks
    commit_text(editor.title_edit, "甲")  # both change the title
    _b_saves_title(b, patent_id, "乙改的名称")

    merges = Merges(MergeAnswer("mine", {}))
    monkeypatch.setattr(version_guard, "ask_merge", merges)
    assert editor.save()
    comparison, stored, rows = merges.shown[0]
    assert stored.version == 2 and "@" in stored.by
    assert set(rows) == {"title", "remarks"}
    assert rows["title"][1:] == ("乙改的名称", "一种测试方法甲")
    assert rows["remarks"][0] == "备注" or rows["remarks"][0] == "Remarks"
    assert [d.name for d in comparison.clashes] == ["title"]
    saved = a.patent(patent_id)
    assert saved is not None and saved.version == 3
    assert saved.title == "一种测试方法甲" and saved.remarks == "甲改的备注"
    assert a.load_draft("patent", patent_id) is None


def test_picking_per_field_keeps_their_change_where_theirs_is_picked(
    qtbot: QtBot, two_clerks: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = two_clerks
    patent_id, editor = _saved_and_opened(qtbot, a)
    editor.remarks_edit.setPlainText("甲改的备注")
    commit_text(editor.title_edit, "甲")
    _b_saves_title(b, patent_id, "乙改的名称")
    monkeypatch.setattr(version_guard, "ask_merge",
                        Merges(MergeAnswer("picked", {"title": Side.THEIRS})))
    assert editor.save()
    saved = b.patent(patent_id)
    assert saved is not None and saved.title == "乙改的名称" and saved.remarks == "甲改的备注"


def test_decide_later_keeps_the_draft_across_closing_and_never_overwrites(
    qtbot: QtBot, two_clerks: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = two_clerks
    patent_id, editor = _saved_and_opened(qtbot, a)
    commit_text(editor.title_edit, "甲")
    _b_saves_title(b, patent_id, "乙改的名称")
    monkeypatch.setattr(version_guard, "ask_merge", Merges(None))  # 稍后决定
    assert not editor.save()
    assert editor.guard.bar.isVisible()
    assert b.patent(patent_id).title == "乙改的名称"  # type: ignore[union-attr]
    draft = a.load_draft("patent", patent_id)
    assert draft is not None and draft["title"] == "一种测试方法甲"
    editor.close()  # as if the application were closed: the draft stays in the database

    # Tomorrow: the editor restores the draft, still typed over version 1. Saving it does
    # not overwrite B's title: the comparison comes again, and taking theirs drops it.
    again = _open(qtbot, a, patent_id)
    assert again.title_edit.text() == "一种测试方法甲"
    assert again.guard.expected_version() == 1
    merges = Merges(MergeAnswer("theirs", {}))
    monkeypatch.setattr(version_guard, "ask_merge", merges)
    assert not again.save()
    assert merges.shown and merges.shown[0][2]["title"][1] == "乙改的名称"
    assert again.title_edit.text() == "乙改的名称" and not again.is_dirty()
    assert a.load_draft("patent", patent_id) is None
    assert a.patent(patent_id).title == "乙改的名称"  # type: ignore[union-attr]


def test_the_bar_says_who_changed_it_and_reload_shows_theirs(
    qtbot: QtBot, two_clerks: tuple[Store, Store],
) -> None:
    a, b = two_clerks
    patent_id, editor = _saved_and_opened(qtbot, a)
    assert not editor.guard.bar.isVisible()
    _b_saves_title(b, patent_id, "乙改的名称")
    watch = version_guard.watch_for(a)
    watch.start()
    _b_saves_title(b, patent_id, "乙又改的名称")
    assert "patent" in watch.check()  # what the 5-second timer and focus do
    bar = editor.guard.bar
    assert bar.isVisible() and "@" in bar.label.text()
    bar.reload_button.click()
    assert editor.title_edit.text() == "乙又改的名称" and not bar.isVisible()
    assert not editor.is_dirty()
    commit_text(editor.title_edit, "甲")
    assert editor.save()  # from the version reloaded: saved
    assert b.patent(patent_id).title == "乙又改的名称甲"  # type: ignore[union-attr]


def test_the_merge_dialog_shows_both_sides_and_gathers_picks(
    qtbot: QtBot, two_clerks: tuple[Store, Store],
) -> None:
    from app.models.merge import compare
    from app.models.record_stamps import RecordVersion

    comparison = compare({"title": "原", "remarks": "原"}, {"title": "甲", "remarks": "原"},
                         {"title": "乙", "remarks": "乙"})
    dialog = MergeDialog(comparison, RecordVersion(2, "clerk@PC-2", dt.datetime(2026, 1, 1)),
                         lambda name: {"title": "名称", "remarks": "备注"}[name],
                         lambda _name, value: str(value))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 0).text() == "名称" and dialog.table.item(0, 1).text() == "乙"
    assert dialog.picks() == {"title": Side.MINE, "remarks": Side.THEIRS}
    dialog.pick("title", Side.THEIRS)
    dialog.picked_button.click()
    assert dialog.answer == MergeAnswer("picked", {"title": Side.THEIRS, "remarks": Side.THEIRS})


def test_two_deal_editors_on_one_deal_lose_nothing(
    qtbot: QtBot, two_clerks: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.models.deals import DealFields, Payment
    from app.ui.deal_editor import DealEditor

    a, b = two_clerks
    deal_id = a.save_deal(DealFields(patents=(VALID_NUMBER,), licensee="武汉某公司",
                                     licence_date=dt.date(2024, 3, 1),
                                     payment=Payment("free"))).record_id
    first, second = DealEditor(a, deal_id), DealEditor(b, deal_id)
    for editor in (first, second):
        qtbot.addWidget(editor)
        editor.show()
    first.remarks.setPlainText("甲的备注")
    commit_text(second.agency, "乙的代理机构")
    assert second.save()
    monkeypatch.setattr(version_guard, "ask_merge", Merges(MergeAnswer("mine", {})))
    assert first.save()  # merged: A's remarks and B's agency both kept
    record = a.deal(deal_id)
    assert record is not None
    assert record.fields.remarks == "甲的备注" and record.fields.agency == "乙的代理机构"


def test_two_offer_editors_on_one_sheet_lose_nothing(
    qtbot: QtBot, two_clerks: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.ui.offer_editor import OfferEditor

    a, b = two_clerks
    patent_id = a.save_patent(PATENT).record_id
    assert patent_id is not None
    # Neither clerk has saved a sheet yet: B creating it first is a newer version for A too.
    first, second = OfferEditor(a, patent_id), OfferEditor(b, patent_id)
    for editor in (first, second):
        qtbot.addWidget(editor)
        editor.show()
    first.other_terms.setPlainText("甲的其他条件")
    second.single_term.setText("3")
    assert second.save()
    merges = Merges(MergeAnswer("mine", {}))
    monkeypatch.setattr(version_guard, "ask_merge", merges)
    assert first.save()
    assert merges.shown, "A's save met B's sheet"
    offer = a.offer_for_patent(patent_id)
    assert offer is not None and offer.other_terms == "甲的其他条件"
    assert offer.single_term == "3" and offer.version == 2


def _summary_book(store: Store) -> Any:
    from app.ui.summary_book_editor import SummaryBookEditor

    return SummaryBookEditor(store, "2024-06")


def _contract(store: Store) -> Any:
    from app.models.contracts import ContractFields
    from app.ui.contract_editor import ContractEditor
    from app.usecases import contracts

    found = contracts.contracts(store)
    contract_id = found[0].id if found else contracts.save(
        store, ContractFields(patents=(VALID_NUMBER,))).record_id
    return ContractEditor(store, contract_id)


def _application(store: Store) -> Any:
    from app.ui.henan_application_editor import HenanApplicationEditor

    return HenanApplicationEditor(store, 2023)


def _ops_report(store: Store) -> Any:
    from app.ui.ops_centre_editor import OpsCentreEditor

    return OpsCentreEditor(store, 2023)


OTHER_EDITORS = {  # editor, a field A changes, a field B changes
    "summary_book": (_summary_book, "unit_profile", "platform_name"),
    "contract": (_contract, "scope", "penalty"),
    "henan_application": (_application, "lead_name", "liaison_name"),
    "ops_centre_report": (_ops_report, "lead_department", "leading_group"),
}


@pytest.mark.parametrize("kind", list(OTHER_EDITORS))
def test_the_other_form_editors_merge_instead_of_overwriting(
    qtbot: QtBot, two_clerks: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch, kind: str,
) -> None:
    a, b = two_clerks
    make, mine, theirs = OTHER_EDITORS[kind]
    if kind == "contract":
        make(a)  # the contract exists before either clerk opens it
    first, second = make(a), make(b)
    for editor in (first, second):
        qtbot.addWidget(editor)
        editor.show()
    first._set_payload({**first.payload(), mine: "甲填的"})
    second._set_payload({**second.payload(), theirs: "乙填的"})
    assert second.save()
    first.autosave()
    draft = a.load_draft(*first.draft_address())
    assert draft is not None and draft[mine] == "甲填的"
    merges = Merges(MergeAnswer("mine", {}))
    monkeypatch.setattr(version_guard, "ask_merge", merges)
    assert first.save()
    assert merges.shown and theirs in merges.shown[0][2]  # B's field shown as theirs
    again = make(b)
    qtbot.addWidget(again)
    stored = again.payload()
    assert stored[mine] == "甲填的" and stored[theirs] == "乙填的"
    assert a.load_draft(*first.draft_address()) is None


def test_screenshots_of_the_bar_and_the_comparison_in_chinese(
    qtbot: QtBot, two_clerks: tuple[Store, Store], zh_ui: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """$LICENCE_DESK_SHOTS/changed_elsewhere_bar.png and merge_dialog.png, to look at."""
    import os

    shots = Path(os.environ.get("LICENCE_DESK_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    a, b = two_clerks
    patent_id, editor = _saved_and_opened(qtbot, a)
    commit_text(editor.title_edit, "及其装置")
    editor.remarks_edit.setPlainText("已与许可方确认年费缴纳情况")
    patent = b.patent(patent_id)
    assert patent is not None
    b.save_patent(dataclasses.replace(PatentFields.of(patent), title="一种测试方法（修订）",
                                      legal_status="expired", pledged=True), patent_id,
                  expected_version=1)
    editor.guard.check()
    bar = editor.guard.bar
    assert bar.isVisible()
    assert bar.label.text().startswith("此记录已被 ") and "修改" in bar.label.text()
    assert bar.reload_button.text() == "重新载入" and bar.compare_button.text() == "比较"
    editor.repaint()
    assert editor.grab().save(str(shots / "changed_elsewhere_bar.png"))

    dialogs: list[MergeDialog] = []

    def show(parent: Any, comparison: Any, stored: Any, caption: Any, shown: Any) -> None:
        dialog = MergeDialog(comparison, stored, caption, shown, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        dialogs.append(dialog)
        return None

    monkeypatch.setattr(version_guard, "ask_merge", show)
    assert not editor.save()
    dialog = dialogs[0]
    table = dialog.table
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())}
    assert rows["发明创造名称"] == ("一种测试方法（修订）", "一种测试方法及其装置")
    assert rows["法律状态"] == ("失效（期限届满）", "有效")  # the combo's words, not codes
    assert rows["质押"] == ("是", "否")
    assert dialog.mine_button.text() == "保留我的" and dialog.theirs_button.text() == "采用对方的"
    dialog.repaint()
    assert dialog.grab().save(str(shots / "merge_dialog.png"))


def test_the_organisation_profile_merges_and_keeps_a_late_edit_as_a_draft(
    qtbot: QtBot, two_clerks: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.models.store import ContactData, OrganisationData
    from app.ui.organisation_dialog import OrganisationDialog

    a, b = two_clerks
    a.save_organisation(OrganisationData(name="武汉大学", contacts=(ContactData("张三"),)))
    dialog = OrganisationDialog(a)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["phone"].setText("027-68752000")
    assert b.save_organisation(OrganisationData(name="武汉大学", address="武昌区八一路299号",
                                                contacts=(ContactData("李四"),)),
                               expected_version=1) is None

    merges = Merges(None)  # 稍后决定
    monkeypatch.setattr(version_guard, "ask_merge", merges)
    dialog.accept()
    assert dialog.isVisible() and dialog.guard.bar.isVisible()
    rows = merges.shown[0][2]
    assert rows["contacts"][1:] == ("李四", "张三") and rows["phone"][2] == "027-68752000"
    assert a.organisation().address == "武昌区八一路299号" and a.organisation().phone == ""
    dialog.close()

    again = OrganisationDialog(a)  # the typed phone comes back, still over version 1
    qtbot.addWidget(again)
    again.show()
    assert again.edits["phone"].text() == "027-68752000"
    monkeypatch.setattr(version_guard, "ask_merge",
                        Merges(MergeAnswer("picked", {"contacts": Side.THEIRS})))
    again.accept()
    saved = a.organisation()
    assert saved.phone == "027-68752000" and saved.address == "武昌区八一路299号"
    assert [c.name for c in saved.contacts] == ["李四"]
    assert a.load_draft("organisation", 1) is None
