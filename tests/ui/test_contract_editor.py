"""The contract editor: a new contract prefilled from its patents' offers, the licensee's block
offered by name, the declared fee shown, the negotiated fee checked, inventors recorded on the
patent, saved and written (PDF + .docx), and the deal created from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.models.store import Store
from app.ui import contract_editor, interaction
from app.ui.contract_editor import ContractEditor
from app.usecases import contracts
from tests.models.test_batches import number
from tests.ui.conftest import commit_text
from tests.usecases.test_contracts import LICENSEE, contract, setup


@pytest.fixture
def editor(qtbot: QtBot, store: Store) -> ContractEditor:
    setup(store)
    contracts.save(store, contract())  # the licensee is known from then on
    made = ContractEditor(store, None, prefill=contracts.new_contract(store, [number(1)]))
    qtbot.addWidget(made)
    return made


def test_new_contract_is_prefilled_and_checked(editor: ContractEditor) -> None:
    assert editor.patent_numbers() == [number(1)]
    assert editor.consistent.isChecked() and not editor.fee_panel.isEnabled()
    assert editor.line_edits["term"].text() == "3年"
    assert editor.declared_label.text().startswith("采用一次总付的方式，在合同生效后30日内")
    assert "武汉大学" in editor.licensor_label.text()
    codes = {f.code for f in editor.validate()}
    assert {"contract.licensee_required", "contract.choose_one"} <= codes
    # A known licensee's block comes back by name.
    editor.licensee_name.setEditText(LICENSEE.name)
    editor._licensee_chosen(0)
    assert editor.party_edits["contact_phone"].text() == LICENSEE.contact_phone


def test_negotiated_fee_is_checked_like_the_sheet(editor: ContractEditor) -> None:
    editor.negotiated.setChecked(True)
    assert editor.fee_panel.isEnabled()
    editor.fee_panel.buttons[contract_editor.FeeKind.LUMP_SUM].setChecked(True)
    editor.fee_panel.edits["days"].setText("0")
    codes = {(f.code, f.field) for f in editor.validate()}
    assert ("fee.parameter_not_positive", "fee.days") in codes
    assert editor.messages["fee.days"].isVisibleTo(editor)


def test_inventors_are_recorded_on_the_patent(editor: ContractEditor, store: Store) -> None:
    editor.patent_list.setCurrentRow(0)
    assert editor.inventors.text() == "张三、李四"
    commit_text(editor.inventors, "、王五")
    assert editor.save_particulars()
    particulars = contracts.patent_particulars(store, number(1))
    assert particulars is not None and particulars.inventors == ("张三", "李四", "王五")


def test_save_write_and_create_the_deal(editor: ContractEditor, store: Store, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    editor.licensee_name.setEditText(LICENSEE.name)
    editor._licensee_chosen(0)
    for key, text in (("manner", "制造、使用、销售"), ("scope", "湖北省"),
                      ("bank_name", "工商银行珞珈山支行"), ("bank_account", "3202006009200012345"),
                      ("penalty", "每日万分之五")):
        editor.line_edits[key].setText(text)
    editor.improvement_buttons[contract_editor.Improvement.JOINT].setChecked(True)
    editor.dispute_buttons[contract_editor.Dispute.COURT].setChecked(True)
    editor.signed_on.set_date(dt.date.today())
    assert [f.code for f in editor.validate() if f.is_error] == []
    monkeypatch.setattr(contract_editor, "choose_folder", lambda *a: str(tmp_path))
    told: list[str] = []
    monkeypatch.setattr(interaction, "inform", lambda _p, _t, text, *a: told.append(text))
    paths = editor.write_documents()
    assert [p.suffix for p in paths] == [".pdf", ".docx"] and "草稿" not in told[0]
    assert editor.contract_id is not None and not editor.is_dirty()
    deal_id = editor.create_deal()
    assert deal_id is not None and store.deal(deal_id).fields.licensee == LICENSEE.name
    assert contracts.contracts(store)[-1].deal_id == deal_id


def test_patent_editor_records_inventors_and_the_annual_fee_date(qtbot: QtBot,
                                                                 store: Store) -> None:
    from app.ui.patent_editor import PatentEditor

    setup(store)
    patent = store.find_patent(number(1))
    assert patent is not None
    editor = PatentEditor(store, patent.id)
    qtbot.addWidget(editor)
    assert editor.inventors_edit.toPlainText() == "张三\n李四"
    assert editor.fee_paid_edit.text() == "2027-02-28"
    editor.inventors_edit.setPlainText("张三\n李四\n王五")
    editor.fee_paid_edit.setText("2028-02-28")
    assert editor.save()
    particulars = contracts.patent_particulars(store, number(1))
    assert particulars == contracts.PatentParticulars(("张三", "李四", "王五"),
                                                      dt.date(2028, 2, 28))
