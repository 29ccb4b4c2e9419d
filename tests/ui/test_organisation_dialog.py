"""The organisation profile: live contact checks and saving."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from app.messages import describe
from app.models.findings import error
from app.models.store import ContactData, OrganisationData, Store
from app.ui.organisation_dialog import OrganisationDialog

from .conftest import commit_text

pytestmark = pytest.mark.usefixtures("questions")


def make_dialog(qtbot: QtBot, store: Store) -> OrganisationDialog:
    dialog = OrganisationDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_postcode_message_while_typing(qtbot: QtBot, store: Store, chinese: str) -> None:
    dialog = make_dialog(qtbot, store)
    message = dialog.messages["postcode"]
    assert not message.isVisible()
    qtbot.keyClicks(dialog.edits["postcode"], "43007")
    expected = error("postcode.invalid", "postcode", postcode="43007")
    assert message.isVisible()
    assert message.text() == describe(expected, chinese)
    assert dialog.edits["postcode"].property("severity") == "error"
    qtbot.keyClicks(dialog.edits["postcode"], "2")
    assert not message.isVisible()
    assert dialog.edits["postcode"].property("severity") == ""


def test_phone_and_email_messages(qtbot: QtBot, store: Store, chinese: str) -> None:
    dialog = make_dialog(qtbot, store)
    qtbot.keyClicks(dialog.edits["phone"], "12345")
    assert dialog.messages["phone"].text() == describe(
        error("phone.invalid", "phone", phone="12345"), chinese
    )
    qtbot.keyClicks(dialog.edits["email"], "tto@whu")
    assert dialog.messages["email"].text() == describe(
        error("email.invalid", "email", email="tto@whu"), chinese
    )
    dialog.edits["phone"].setText("027-68754321")
    assert not dialog.messages["phone"].isVisible()


def test_contacts_rows_checked_and_saved_in_order(
    qtbot: QtBot, store: Store, chinese: str
) -> None:
    dialog = make_dialog(qtbot, store)
    commit_text(dialog.edits["name"], "武汉大学")
    dialog.edits["postcode"].setText("430072")
    dialog.add_contact()
    dialog.contacts.setItem(0, 0, QTableWidgetItem("张老师"))
    dialog.contacts.setItem(0, 4, QTableWidgetItem("1391234567"))  # one digit short
    assert dialog.contact_message.isVisible()
    assert describe(error("phone.invalid", "mobile", phone="1391234567"), chinese) in (
        dialog.contact_message.text()
    )
    dialog.contacts.setItem(0, 4, QTableWidgetItem("13912345678"))
    assert not dialog.contact_message.isVisible()
    dialog.add_contact()
    dialog.contacts.setItem(1, 0, QTableWidgetItem("李老师"))
    dialog.contacts.setItem(1, 1, QTableWidgetItem("技术转移中心"))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    saved = store.organisation()
    assert saved.name == "武汉大学"
    assert saved.postcode == "430072"
    assert [c.name for c in saved.contacts] == ["张老师", "李老师"]
    assert saved.contacts[1].department == "技术转移中心"


def test_existing_profile_loads_and_rows_can_be_removed(qtbot: QtBot, store: Store) -> None:
    store.save_organisation(
        OrganisationData(
            name="华中科技大学",
            contacts=(ContactData(name="王老师"), ContactData(name="赵老师")),
        )
    )
    dialog = make_dialog(qtbot, store)
    assert dialog.edits["name"].text() == "华中科技大学"
    assert dialog.contacts.rowCount() == 2
    dialog.contacts.selectRow(0)
    dialog.remove_contact()
    dialog.accept()
    assert [c.name for c in store.organisation().contacts] == ["赵老师"]
