"""The offer editor, driven as a clerk would: choose, type, read the messages, finalise, undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from app import messages
from app.models.database import open_database
from app.models.fees import FeeKind
from app.models.patent_rules import PatentFields
from app.models.store import ContactData, OrganisationData, Store
from app.ui import interaction
from app.ui.choice_fields import is_inactive
from app.ui.offer_editor import FEE_FIELDS, OfferEditor

PATENT = PatentFields(
    number="201710601862.3",
    title="一种基于深度学习的图像识别方法",
    patentees=("武汉大学", "张三"),
    filing_date=dt.date(2017, 7, 21),
    grant_date=dt.date(2019, 3, 5),
)


def type_chinese(widget: QWidget, text: str) -> None:
    """What an input method does: commit the composed text (keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def retype(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.clear()
    qtbot.keyClicks(edit, text)


@pytest.fixture
def patent_id(store: Store) -> int:
    store.save_organisation(OrganisationData(
        name="武汉大学", address="湖北省武汉市武昌区八一路299号", postcode="430072",
        contacts=(ContactData(name="李老师", office_phone="027-68754321",
                              email="kjc@whu.edu.cn"),),
    ))
    result = store.save_patent(PATENT)
    assert result.record_id is not None
    return result.record_id


@pytest.fixture
def informed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(interaction, "inform", lambda parent, title, text: said.append(text))
    return said


def make_editor(qtbot, store: Store, patent_id: int) -> OfferEditor:  # type: ignore[no-untyped-def]
    editor = OfferEditor(store, patent_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def fill_valid(qtbot, editor: OfferEditor) -> None:  # type: ignore[no-untyped-def]
    editor.self_none.click()
    editor.licensing_none.click()
    retype(qtbot, editor.expiry_edit, "2030-12-31")
    editor.fee_buttons[FeeKind.FREE].click()
    editor.open_scope.setCurrentText("全省")
    type_chinese(editor.single_term, "3年")
    retype(qtbot, editor.declared_on, dt.date.today().isoformat())
    editor.validate()


def test_contact_defaults_from_the_profile_and_patent_comes_from_the_register(
    qtbot, store: Store, patent_id: int  # type: ignore[no-untyped-def]
) -> None:
    editor = make_editor(qtbot, store, patent_id)
    assert editor.contact_edits["name"].text() == "李老师"
    assert editor.contact_edits["postcode"].text() == "430072"
    assert editor.findChild(QWidget, "patent_number").text() == "ZL201710601862.3"
    assert editor.findChild(QWidget, "patent_patentees").text() == "武汉大学、张三"


def test_each_fee_option_enables_only_its_own_fields(
    qtbot, store: Store, patent_id: int  # type: ignore[no-untyped-def]
) -> None:
    editor = make_editor(qtbot, store, patent_id)
    for kind, button in editor.fee_buttons.items():
        button.click()
        ticked = [k for k, b in editor.fee_buttons.items() if b.isChecked()]
        assert ticked == [kind]  # the window can never tick two
        for other, names in FEE_FIELDS.items():
            for name in names:
                assert is_inactive(editor.fee_edits[name]) is (other is not kind), (kind, name)


def test_instalment_message_appears_and_disappears(
    qtbot, store: Store, patent_id: int  # type: ignore[no-untyped-def]
) -> None:
    editor = make_editor(qtbot, store, patent_id)
    fill_valid(qtbot, editor)
    editor.fee_buttons[FeeKind.INSTALMENTS].click()
    edits = editor.fee_edits
    for name, value in (("first_days", "30"), ("first_yuan", "20000"), ("period_days", "15"),
                        ("batches", "3"), ("each_yuan", "10000"), ("count", "4"),
                        ("total_yuan", "60000")):
        retype(qtbot, edits[name], value)  # type: ignore[arg-type]
    edits["period"].setCurrentIndex(2)  # type: ignore[attr-defined]
    editor.validate()
    message = editor.messages["fee.total_yuan"]
    assert message.isVisible()
    assert "与共计 60000 元不符" in message.text()
    assert not editor.finalise_button.isEnabled()

    retype(qtbot, edits["total_yuan"], "50000")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not editor.messages["fee.total_yuan"].isVisible(), timeout=2000)
    assert editor.finalise_button.isEnabled()


def test_royalty_over_100_percent(qtbot, store: Store, patent_id: int) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, store, patent_id)
    editor.fee_buttons[FeeKind.ENTRY_PLUS_ROYALTY].click()
    retype(qtbot, editor.fee_edits["entry_fee_yuan"], "10000")  # type: ignore[arg-type]
    retype(qtbot, editor.fee_edits["royalty_percent"], "120")  # type: ignore[arg-type]
    editor.validate()
    assert "提成比例不能超过 100%" in editor.messages["fee.royalty_percent"].text()


def test_licence_expiry_past_the_patent_names_both_dates(
    qtbot, store: Store, patent_id: int  # type: ignore[no-untyped-def]
) -> None:
    editor = make_editor(qtbot, store, patent_id)
    retype(qtbot, editor.expiry_edit, "2037-07-21")
    editor.validate()
    text = editor.messages["licence_expiry"].text()
    assert "2037-07-21" in text and "2037-07-20" in text
    editor.use_patent_expiry.click()
    editor.validate()
    assert editor.expiry_edit.text() == "2037-07-20"
    assert not editor.messages["licence_expiry"].isVisible()


def test_detail_fields_follow_the_alternative(qtbot, store: Store, patent_id: int) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, store, patent_id)
    editor.self_done.click()
    assert not is_inactive(editor.self_period)
    editor.validate()
    assert editor.messages["self_exploitation_period"].text() == "选择“已……”时此项必填。"
    type_chinese(editor.self_period, "2019年起")
    editor.self_none.click()
    assert is_inactive(editor.self_period)
    assert editor.fields().self_exploitation_period == ""  # not saved with "未…"


def test_finalise_refused_while_errors_remain_then_accepted(
    qtbot, store: Store, patent_id: int, informed: list[str],  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []  # returning the sheet to draft is asked before saving, and said
    monkeypatch.setattr(interaction, "confirm",
                        lambda _p, _t, text, details="": asked.append(details) or True)
    editor = make_editor(qtbot, store, patent_id)
    assert not editor.finalise()  # nothing chosen yet
    assert informed and "错误" in informed[-1] or "error" in informed[-1]
    offer = store.offer_for_patent(patent_id)
    assert offer is not None and offer.state == "draft"  # saved as a draft all the same

    fill_valid(qtbot, editor)
    assert editor.finalise()
    assert store.offer_for_patent(patent_id).state == "finalised"  # type: ignore[union-attr]
    assert "Finalised" in editor.state_label.text() or "定稿" in editor.state_label.text()

    type_chinese(editor.other_terms, "被许可人需参加技术培训")
    assert editor.save()
    assert store.offer_for_patent(patent_id).state == "draft"  # type: ignore[union-attr]
    assert "退回草稿" in asked[-1] and "⑦其他约定事项" in asked[-1]


def test_findings_panel_jumps_to_the_field(qtbot, store: Store, patent_id: int) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, store, patent_id)
    editor.contact_edits["postcode"].setText("4300")
    editor.validate()
    items = [editor.findings_list.item(i) for i in range(editor.findings_list.count())]
    [postcode] = [i for i in items if i.data(Qt.ItemDataRole.UserRole) == "contact.postcode"]
    assert postcode.text() == "邮编：" + messages.message("postcode.invalid")
    editor.findings_list.itemClicked.emit(postcode)
    qtbot.waitUntil(lambda: editor.contact_edits["postcode"].hasFocus(), timeout=2000)


def test_undo_and_redo(qtbot, store: Store, patent_id: int) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, store, patent_id)
    editor.fee_buttons[FeeKind.LUMP_SUM].click()
    retype(qtbot, editor.fee_edits["amount_yuan"], "50000")  # type: ignore[arg-type]
    editor.undo()
    assert editor.fee_edits["amount_yuan"].text() == ""  # type: ignore[attr-defined]
    assert editor.fee_kind() is FeeKind.LUMP_SUM
    editor.undo()
    assert editor.fee_kind() is None
    editor.redo()
    editor.redo()
    assert editor.fee_edits["amount_yuan"].text() == "50000"  # type: ignore[attr-defined]
    assert editor.fee_kind() is FeeKind.LUMP_SUM


def test_kill_and_reopen_keeps_what_was_typed(
    qtbot, db_path: Path, store: Store, patent_id: int  # type: ignore[no-untyped-def]
) -> None:
    editor = make_editor(qtbot, store, patent_id)
    editor.fee_buttons[FeeKind.OTHER].click()
    type_chinese(editor.fee_edits["text"], "按销售额阶梯收费")
    type_chinese(editor.other_terms, "需签订保密协议")
    qtbot.waitUntil(lambda: store.load_draft("offer", patent_id) is not None, timeout=3000)
    # The process dies: no save, no close event. A new process opens the same file.
    editor.hide()
    reopened = Store(open_database(db_path))
    again = make_editor(qtbot, reopened, patent_id)
    assert again.fee_kind() is FeeKind.OTHER
    assert again.fee_edits["text"].text() == "按销售额阶梯收费"  # type: ignore[attr-defined]
    assert again.other_terms.toPlainText() == "需签订保密协议"
    assert again.restored_label.isVisible()
    reopened.database.close()


def test_two_ticked_options_from_an_import_show_as_an_error(
    qtbot, store: Store, patent_id: int  # type: ignore[no-untyped-def]
) -> None:
    from dataclasses import replace

    from app.models.offers import OfferFields

    store.save_offer(patent_id, replace(OfferFields(), fee=[{"option": "free"},
                                                            {"option": "other", "text": "x"}]))
    editor = make_editor(qtbot, store, patent_id)
    assert editor.fee_kind() is None
    assert "只能任选其一" not in editor.fee_message.text()  # the window shows one choice only
    assert "请选择一种许可使用费标准" in editor.fee_message.text()
