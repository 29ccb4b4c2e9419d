"""The deals register and the deal editor, driven as a clerk would: pick patents, type, choose the
payment method, read the computed amount and the messages, attach files, start from an offer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app import messages
from app.models.database import open_database
from app.models.deals import METHOD_PARAMETERS, DealFields, Payment, PaymentMethod
from app.models.offers import OfferContact, OfferFields
from app.models.store import ContactData, OrganisationData, Store
from app.models.stored_files import cache_key, materialise, stored_hashes
from app.paths import user_data_dir
from app.ui import deal_editor, deals_window, interaction
from app.ui.deal_editor import DealEditor
from app.ui.deals_window import Column, DealsWindow
from app.ui.summary_book_editor import SummaryBookEditor
from tests.ui.conftest import commit_text, realistic_patents

PERIOD = "2023-11"
TODAY = dt.date(2023, 12, 6)
PATENTS = realistic_patents()
# 武汉大学; 华中科技大学 with 湖北省机电研究设计院
FIRST, SECOND = PATENTS[0].number, PATENTS[1].number
ORGANISATION = OrganisationData(
    name="华中科技大学", legal_representative="尤政", address="湖北省武汉市洪山区珞喻路1037号",
    postcode="430074", phone="027-87542101", email="kjc@hust.edu.cn",
    contacts=(ContactData("李明", "科学技术发展院", "副主任", "027-87541234", "13907161234",
                          "liming@hust.edu.cn"),),
)


@pytest.fixture
def register(filled_store: Store) -> Store:
    filled_store.save_organisation(ORGANISATION)
    return filled_store


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Every question answered "yes", every message collected (nothing modal blocks)."""
    said: dict[str, list[str]] = {"confirm": [], "inform": [], "critical": []}

    def confirm(parent, title, text, details=""):  # type: ignore[no-untyped-def]
        said["confirm"].append(text)
        return True

    monkeypatch.setattr(interaction, "confirm", confirm)
    monkeypatch.setattr(interaction, "inform", lambda p, t, text: said["inform"].append(text))
    monkeypatch.setattr(interaction, "critical", lambda p, t, text: said["critical"].append(text))
    return said


def make_editor(qtbot: QtBot, store: Store, deal_id: int | None = None) -> DealEditor:
    editor = DealEditor(store, deal_id)
    # Closed without the unsaved-changes question at the end of the test (it would block).
    qtbot.addWidget(editor, before_close_func=lambda w: w.discard())
    editor.show()
    return editor


def make_window(qtbot: QtBot, store: Store) -> DealsWindow:
    window = DealsWindow(store)
    qtbot.addWidget(window, before_close_func=close_editor)
    window.show()
    return window


def close_editor(window: DealsWindow) -> None:
    if window.editor is not None:
        window.editor.discard()


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def pick_patent(qtbot: QtBot, editor: DealEditor, number: str) -> None:
    """Search the register list, select the one match and press Add."""
    retype(qtbot, editor.patent_search, number[:12])
    assert editor.register_proxy.rowCount() == 1
    editor.register_view.setCurrentIndex(editor.register_proxy.index(0, 0))
    qtbot.mouseClick(editor.findChild(type(editor.save_button), "add_patent"),
                     Qt.MouseButton.LeftButton)


def fill_paid_deal(qtbot: QtBot, editor: DealEditor, number: str = FIRST,
                   amount: str = "125000") -> None:
    pick_patent(qtbot, editor, number)
    commit_text(editor.licensee, "武汉智电检测技术有限公司")
    retype(qtbot, editor.licence_date, "2023-05-01")
    editor.method_buttons[PaymentMethod.LUMP_SUM].click()
    retype(qtbot, editor.figure_edits["amount_yuan"], amount)
    editor.validate()


def files_message(editor: DealEditor) -> str:
    return editor.messages["files"].text()


# The editor --------------------------------------------------------------------------------------


def test_deal_added_in_the_editor_changes_the_summary_book_statistics(
    qtbot: QtBot, register: Store, answers: dict[str, list[str]]
) -> None:
    book = SummaryBookEditor(register, PERIOD, today=TODAY)
    qtbot.addWidget(book, before_close_func=lambda w: w.discard())
    book.show()
    assert [book.computed_labels[k].text() for k in
            ("deals_total", "deals_free", "deals_paid", "paid_amount_wan")] == ["0", "0", "0", "0"]

    window = make_window(qtbot, register)
    window.add_action.trigger()
    editor = window.editor
    assert editor is not None
    fill_paid_deal(qtbot, editor)
    assert editor.licensors_label.text() == "武汉大学"  # from the register, not typed
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.serial == 1
    assert window.selected_ids() == [editor.deal_id]  # the saved deal is selected

    # The book recomputes when a deal is saved: no reopening.
    assert book.computed_labels["deals_total"].text() == "1"
    assert book.computed_labels["deals_paid"].text() == "1"
    assert book.computed_labels["deals_free"].text() == "0"
    assert book.computed_labels["paid_amount_wan"].text() == "12.5"
    assert book.deal_table.rowCount() == 1
    assert book.deal_table.item(0, 4).text() == "12.5"
    # And the register shows the row with its computed 万元 amount.
    model = window.model
    assert model.rowCount() == 1
    assert model.index(0, Column.AMOUNT).data() == "12.5"
    assert model.index(0, Column.LICENSEE).data() == "武汉智电检测技术有限公司"
    assert model.index(0, Column.PATENTS).data() == "ZL" + FIRST
    editor.discard()

    # A free licence of a patent package: the total grows, the amount does not.
    window.add_action.trigger()
    second = window.editor
    assert second is not None and second is not editor
    pick_patent(qtbot, second, SECOND)
    pick_patent(qtbot, second, PATENTS[15].number)
    commit_text(second.licensee, "湖北华材新材料股份有限公司")
    retype(qtbot, second.licence_date, "2023-06-15")
    second.method_buttons[PaymentMethod.FREE].click()
    assert second.save()
    assert [book.computed_labels[k].text() for k in
            ("deals_total", "deals_free", "deals_paid", "paid_amount_wan")] == ["2", "1", "1",
                                                                                "12.5"]
    assert model.index(1, Column.PATENTS).data() == f"ZL{SECOND}\nZL{PATENTS[15].number}"
    assert model.index(1, Column.LICENSORS).data() == "华中科技大学、湖北省机电研究设计院"
    second.discard()


@pytest.mark.parametrize("method", list(PaymentMethod))
def test_each_payment_method_enables_only_its_figures(
    qtbot: QtBot, register: Store, method: PaymentMethod
) -> None:
    editor = make_editor(qtbot, register)
    assert not any(edit.isEnabled() for edit in editor.figure_edits.values())  # none chosen
    editor.method_buttons[method].click()
    enabled = {name for name, edit in editor.figure_edits.items() if edit.isEnabled()}
    assert enabled == set(METHOD_PARAMETERS[method])
    assert [m for m, b in editor.method_buttons.items() if b.isChecked()] == [method]


def test_entry_fee_plus_royalty_reports_the_entry_fee_only_with_the_remark(
    qtbot: QtBot, register: Store
) -> None:
    editor = make_editor(qtbot, register)
    editor.method_buttons[PaymentMethod.ENTRY_PLUS_ROYALTY].click()
    retype(qtbot, editor.figure_edits["entry_fee_yuan"], "50000")
    retype(qtbot, editor.figure_edits["royalty_percent"], "3")
    commit_text(editor.agency, "武汉东喻专利代理事务所")
    editor.validate()
    assert editor.list_amount.text() == "5 万元"
    assert editor.list_remark.text() == "入门费+提成；武汉东喻专利代理事务所"

    # Royalty only reports 0, and says so in the remark; a typed amount is not part of it.
    editor.method_buttons[PaymentMethod.ROYALTY].click()
    editor.validate()
    assert editor.list_amount.text() == "0 万元"
    assert editor.list_remark.text().startswith("提成；")
    assert editor.fields().payment.entry_fee_yuan is None


def test_a_figure_that_is_not_a_number_says_so_once(qtbot: QtBot, register: Store) -> None:
    editor = make_editor(qtbot, register)
    editor.method_buttons[PaymentMethod.LUMP_SUM].click()
    retype(qtbot, editor.figure_edits["amount_yuan"], "12o00")
    editor.validate()
    text = editor.messages["payment.amount_yuan"].text()
    assert text == messages.message("deal.not_a_number", {"value": "12o00"})
    assert editor.figure_edits["amount_yuan"].text() == "12o00"  # what was typed stays


def test_paid_deal_needs_a_receipt_and_an_added_file_clears_the_message(
    qtbot: QtBot, register: Store, answers: dict[str, list[str]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor = make_editor(qtbot, register)
    fill_paid_deal(qtbot, editor)
    receipt_missing = messages.message("deal.receipt_missing")
    contract_missing = messages.message("deal.contract_missing")
    assert receipt_missing in files_message(editor)
    assert contract_missing in files_message(editor)

    receipt = tmp_path / "转账凭证.pdf"
    receipt.write_bytes(b"%PDF-1.4 receipt")
    monkeypatch.setattr(deal_editor, "choose_files", lambda parent, title: [str(receipt)])
    editor.file_kind.setCurrentIndex(editor.file_kind.findData("receipt"))
    qtbot.mouseClick(editor.add_file_button, Qt.MouseButton.LeftButton)

    assert editor.deal_id is not None  # a new deal is saved first, so the file has its 序号
    assert receipt_missing not in files_message(editor)
    assert contract_missing in files_message(editor)
    assert editor.files_table.rowCount() == 1
    assert editor.files_table.item(0, 0).text() == "1-1 票据"
    info = register.deal(editor.deal_id).files[0]
    stored = materialise(register.database, info.sha256, info.stored_path)  # in the database
    assert stored.read_bytes() == receipt.read_bytes()
    assert receipt.exists()  # copied, never moved

    contract = tmp_path / "许可合同.pdf"
    contract.write_bytes(b"%PDF-1.4 contract")
    editor.file_kind.setCurrentIndex(editor.file_kind.findData("contract"))
    assert editor.add_file_paths([contract], "contract") == 1
    assert not editor.messages["files"].isVisible()
    assert [f for f in editor.findings if f.field == "files"] == []


def test_a_supporting_file_opens_from_the_database(
    qtbot: QtBot, register: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    answers: dict[str, list[str]],
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(deal_editor, "open_path", lambda path: opened.append(path) or True)
    editor = make_editor(qtbot, register)
    fill_paid_deal(qtbot, editor)
    editor.add_file_paths([tmp_path / "missing.pdf"], "contract")  # not a file: said, not added
    assert editor.files_table.rowCount() == 0
    assert "missing.pdf" in answers["critical"][-1]
    contract = tmp_path / "合同.docx"
    contract.write_bytes(b"PK contract")
    editor.add_file_paths([contract], "contract")
    assert not editor.open_file_button.isEnabled()
    editor.files_table.selectRow(0)
    assert editor.open_file_button.isEnabled()
    editor.open_selected_file()
    # Written from the database into its cache folder, verified by hash.
    [path] = opened
    assert path.name == "1-1 合同.docx" and path.read_bytes() == b"PK contract"
    assert user_data_dir() / "cache" / cache_key(register.database) in path.parents
    # The cache copy gone or tampered with: written again from the database.
    path.write_bytes(b"PK tampered")
    editor.open_selected_file()
    assert opened[-1].read_bytes() == b"PK contract"


def test_removing_a_file_asks_first(
    qtbot: QtBot, register: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = make_editor(qtbot, register)
    fill_paid_deal(qtbot, editor)
    contract = tmp_path / "合同.pdf"
    contract.write_bytes(b"%PDF-1.4")
    editor.add_file_paths([contract], "contract")
    editor.files_table.selectRow(0)
    asked: list[str] = []
    monkeypatch.setattr(interaction, "confirm",
                        lambda p, t, text, details="": asked.append(text) or False)
    assert not editor.remove_selected_file()
    assert editor.files_table.rowCount() == 1 and asked
    monkeypatch.setattr(interaction, "confirm", lambda p, t, text, details="": True)
    assert editor.remove_selected_file()
    assert editor.files_table.rowCount() == 0
    assert messages.message("deal.contract_missing") in files_message(editor)
    # Its contents left this database (no other row refers to them); another register keeps
    # its own copy (issue 16).
    with register.session() as session:
        assert stored_hashes(session) == {}
    assert contract.exists()


def test_deal_from_an_offer_is_prefilled(
    qtbot: QtBot, register: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    patent = register.find_patent(SECOND)
    assert patent is not None
    offer_fields = OfferFields(
        self_exploitation="none", licensing="none", licence_expiry=dt.date(2030, 12, 31),
        fee={"option": "entry_plus_royalty", "entry_fee_yuan": "50000", "royalty_percent": "3",
             "days": "30"},
        contact=OfferContact("李明", "湖北省武汉市洪山区珞喻路1037号", "430074",
                             "027-87541234", "liming@hust.edu.cn"),
        open_scope="全省", single_term="3年", declared_on=dt.date(2023, 3, 1),
    )
    offer_id = register.save_offer(patent.id, offer_fields).record_id
    offered: list[list[tuple[int, str]]] = []

    def choose(parent, offers):  # type: ignore[no-untyped-def]
        offered.append(offers)
        return offer_id

    monkeypatch.setattr(deals_window, "choose_offer", choose)
    window = make_window(qtbot, register)
    editor = window.add_from_offer()
    assert editor is not None
    assert [oid for oid, _text in offered[0]] == [offer_id]
    assert editor.patent_numbers() == [SECOND]
    assert editor.via_offer.isChecked()
    assert editor.offer_combo.currentData() == offer_id
    assert editor.method() is PaymentMethod.ENTRY_PLUS_ROYALTY
    assert editor.figure_edits["entry_fee_yuan"].text() == "50000"
    assert editor.figure_edits["royalty_percent"].text() == "3"
    assert editor.term.text() == "3年"
    assert editor.list_amount.text() == "5 万元"
    assert editor.is_dirty()  # prefilled, not saved: closing asks


def test_kill_and_reopen_keeps_a_draft_deal(
    qtbot: QtBot, db_path: Path, register: Store
) -> None:
    editor = make_editor(qtbot, register)
    pick_patent(qtbot, editor, FIRST)
    commit_text(editor.licensee, "还没保存的被许可人有限公司")
    editor.method_buttons[PaymentMethod.INSTALMENTS].click()
    retype(qtbot, editor.figure_edits["amount_yuan"], "90000")
    qtbot.waitUntil(
        lambda: (register.load_draft("deal", None) or {}).get("payment.amount_yuan") == "90000",
        timeout=3000,
    )
    # The process dies: no save, no close event. A new process opens the same file.
    editor.hide()
    reopened = Store(open_database(db_path))
    try:
        again = make_editor(qtbot, reopened)
        assert again.licensee.text() == "还没保存的被许可人有限公司"
        assert again.patent_numbers() == [FIRST]
        assert again.method() is PaymentMethod.INSTALMENTS
        assert again.figure_edits["amount_yuan"].text() == "90000"
        assert again.restored_label.isVisible()
        assert reopened.deals() == []  # a draft, not a deal
    finally:
        reopened.database.close()


def test_close_with_changes_asks_and_save_keeps_them(
    qtbot: QtBot, register: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = make_editor(qtbot, register)
    fill_paid_deal(qtbot, editor)
    monkeypatch.setattr(interaction, "save_discard_cancel",
                        lambda p, t, text: interaction.Choice.CANCEL)
    editor.reject()
    assert editor.isVisible() and register.deals() == []
    monkeypatch.setattr(interaction, "save_discard_cancel",
                        lambda p, t, text: interaction.Choice.SAVE)
    editor.reject()
    assert not editor.isVisible()
    [record] = register.deals()
    assert record.fields.licensee == "武汉智电检测技术有限公司"
    assert register.load_draft("deal", None) is None


def test_undo_steps_back_through_the_choice_and_the_typing(
    qtbot: QtBot, register: Store
) -> None:
    editor = make_editor(qtbot, register)
    editor.method_buttons[PaymentMethod.LUMP_SUM].click()
    retype(qtbot, editor.figure_edits["amount_yuan"], "50000")
    editor.undo()
    assert editor.figure_edits["amount_yuan"].text() == ""
    assert editor.method() is PaymentMethod.LUMP_SUM
    editor.undo()
    assert editor.method() is None
    editor.redo()
    editor.redo()
    assert editor.figure_edits["amount_yuan"].text() == "50000"


# The register window -----------------------------------------------------------------------------


def save(store: Store, **values: object) -> int:
    record_id = store.save_deal(DealFields(**values)).record_id  # type: ignore[arg-type]
    assert record_id is not None
    return record_id


def test_rows_show_errors_in_a_tooltip_and_delete_asks_first(
    qtbot: QtBot, register: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(register, patents=(FIRST,), licensee="甲公司", licence_date=dt.date(2023, 3, 1),
         payment=Payment("free"))
    save(register, patents=(SECOND,), licensee="乙公司", licence_date=dt.date(2023, 4, 1),
         payment=Payment("royalty"))
    window = make_window(qtbot, register)
    model = window.model
    assert model.rowCount() == 2
    tooltip = model.index(1, Column.MARKER).data(Qt.ItemDataRole.ToolTipRole)
    assert messages.message("deal.contract_missing") in tooltip
    assert model.index(1, Column.METHOD).data() == "提成"
    assert model.index(1, Column.AMOUNT).data() == "0"
    assert window.count_label.text() == "2 deal(s), 2 with errors · reported fees 0 万元"

    window.view.selectRow(1)
    monkeypatch.setattr(interaction, "confirm", lambda p, t, text, details="": False)
    assert not window.delete_selected()
    assert len(register.deals()) == 2
    monkeypatch.setattr(interaction, "confirm", lambda p, t, text, details="": True)
    assert window.delete_selected()
    assert [r.fields.licensee for r in register.deals()] == ["甲公司"]
    assert model.rowCount() == 1


def test_filter_finds_a_deal_by_licensee_or_patent(qtbot: QtBot, register: Store) -> None:
    save(register, patents=(FIRST,), licensee="武汉甲科技有限公司", payment=Payment("free"))
    save(register, patents=(SECOND,), licensee="襄阳乙机械有限公司", payment=Payment("free"))
    window = make_window(qtbot, register)
    commit_text(window.filter_edit, "襄阳")
    assert window.proxy.rowCount() == 1
    retype(qtbot, window.filter_edit, "ZL" + FIRST[:8])
    assert window.proxy.rowCount() == 1
    assert window.proxy.index(0, Column.LICENSEE).data() == "武汉甲科技有限公司"


def test_unsaved_deals_are_offered_when_the_window_opens(
    qtbot: QtBot, register: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    register.save_draft("deal", None, {"licensee": "草稿公司", "patents": [FIRST]})
    offered: list[str] = []

    def restore(parent, title, text, details):  # type: ignore[no-untyped-def]
        offered.append(details)
        return interaction.Choice.SAVE

    monkeypatch.setattr(interaction, "restore_discard_later", restore)
    window = deals_window.open_deals_window(None, register)
    qtbot.addWidget(window, before_close_func=close_editor)
    qtbot.waitUntil(lambda: window.editor is not None, timeout=3000)
    assert "草稿公司" in offered[0]
    assert window.editor.licensee.text() == "草稿公司"  # type: ignore[union-attr]
    assert window.editor.patent_numbers() == [FIRST]  # type: ignore[union-attr]


@pytest.mark.parametrize(("amount", "date"), [
    ("1" + "0" * 30, "2023-05-01"),  # issue 18 point 2: a deal amount of 10^30
    ("125000", "9999-12-31"),  # and a date in the year 9999
])
def test_an_out_of_range_figure_or_date_is_a_message_on_its_field(
    qtbot: QtBot, register: Store, amount: str, date: str,
) -> None:
    editor = make_editor(qtbot, register)
    fill_paid_deal(qtbot, editor, amount=amount)
    retype(qtbot, editor.licence_date, date)
    editor.validate()
    field = "payment.amount_yuan" if date == "2023-05-01" else "licence_date"
    codes = {f.code for f in editor.findings if f.field == field}
    assert any(code.startswith("range.") for code in codes), codes
    assert editor.messages[field].text()
    assert editor.figure_edits["amount_yuan"].text() == amount  # what was typed stays
