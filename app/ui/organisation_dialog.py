"""The organisation profile (填报单位): the unit's particulars and its contacts.

Postcodes, phone numbers and e-mail addresses are checked as they are typed by
app.models.contact_rules; saving always works (a form is only refused when it is printed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.messages import describe
from app.models.contact_rules import check_email, check_phone, check_postcode
from app.models.findings import Finding
from app.ui import i18n, interaction
from app.ui.field_message import ERROR_COLOUR, FIELD_STYLE, FieldMessage
from app.ui.screen_fit import fit_to_screen, scrolling
from app.ui.version_guard import guard_editor

if TYPE_CHECKING:
    from app.models.store import ContactData, OrganisationData, Store

DRAFT_ENTITY = "organisation"  # the editor-draft kind of a profile kept after a refused save
CONTACT_FIELDS = ("name", "department", "title", "office_phone", "mobile", "email")


class OrganisationDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("organisation_dialog")
        self.setWindowTitle(self.tr("Organisation profile"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setStyleSheet(FIELD_STYLE)
        self.messages: dict[str, FieldMessage] = {}
        self.edits: dict[str, QLineEdit] = {}

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        captions = {
            "name": self.tr("Unit name"),
            "legal_representative": self.tr("Legal representative"),
            "address": self.tr("Address"),
            "postcode": self.tr("Postcode"),
            "phone": self.tr("Phone"),
            "fax": self.tr("Fax"),
            "email": self.tr("E-mail"),
            # The unit's own details the operations-centre table (附件 3) prints under 一.
            "competent_authority": self.tr("Competent authority (主管单位)"),
            "organisation_code": self.tr("Unified social credit code (统一社会信用代码)"),
            "ip_leader": self.tr("University leader in charge of IP (分管校领导)"),
            "centre_head": self.tr("Head of the lead department (牵头部门负责人)"),
        }
        boxes: dict[str, QVBoxLayout] = {}
        for name, caption in captions.items():
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.textChanged.connect(self.validate)
            self.edits[name] = edit
            message = FieldMessage(edit)
            self.messages[name] = message
            box = QVBoxLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(message)
            boxes[name] = box
            caption_label = QLabel(caption)
            caption_label.setBuddy(edit)
            form.addRow(caption_label, box)
        self.edits["postcode"].setMaximumWidth(160)
        # Aligned, the narrow field no longer caps the width of the message under it.
        boxes["postcode"].setAlignment(self.edits["postcode"], Qt.AlignmentFlag.AlignLeft)
        self.edits["postcode"].setPlaceholderText("430072")
        self.edits["phone"].setPlaceholderText("027-87654321")
        self.edits["fax"].setPlaceholderText("027-87654322")
        for name in ("competent_authority", "organisation_code", "ip_leader", "centre_head"):
            self.edits[name].setToolTip(self.tr(
                "Printed in the operations-centre summary table; a value typed on a report "
                "takes its place there."))
        self.edits["organisation_code"].setPlaceholderText("12410000415800384K")

        self.contacts = QTableWidget(0, len(CONTACT_FIELDS))
        self.contacts.setObjectName("contacts")
        self.contacts.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Department"), self.tr("Job title"),
            self.tr("Office phone"), self.tr("Mobile"), self.tr("E-mail"),
        ])
        self.contacts.verticalHeader().hide()
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.contacts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Names, titles and numbers are short; department and e-mail get the room.
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.contacts.itemChanged.connect(lambda _item: self.validate())
        add = QPushButton(self.tr("Add contact"))
        add.clicked.connect(self.add_contact)
        self.remove_button = QPushButton(self.tr("Remove contact"))
        self.remove_button.clicked.connect(self.remove_contact)
        self.contacts.itemSelectionChanged.connect(self._selection_changed)
        self.contact_message = FieldMessage()
        self.contact_message.setObjectName("contact_message")

        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(self.remove_button)
        buttons_row.addStretch(1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        # Eleven fields: on a small screen they scroll, the contacts and buttons stay in view.
        layout.addWidget(scrolling(form), 2)
        contacts_title = QLabel(self.tr("Contacts"))
        contacts_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(contacts_title)
        layout.addWidget(self.contacts, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(self.contact_message)
        layout.addWidget(self.buttons)

        # Eleven fields and room for a few contacts, where the screen has it; sized once the
        # layout exists, so that its minimum is fitted to the screen too.
        fit_to_screen(self, 820, 840)

        self._load(store.organisation())
        self._initial = self.data()
        # The profile's version (issue 16): a save over another clerk's newer profile opens
        # the comparison; what was typed is kept as a draft, restored the next time.
        self.captions = {**captions, "contacts": self.tr("Contacts")}
        self.field_widgets: dict[str, QWidget] = dict(self.edits)
        self.guard = guard_editor(self, store, "organisation", 1)
        self.guard.loaded(1, self.payload())
        draft = self.guard.restore_draft(store.load_draft(DRAFT_ENTITY, 1))
        if draft:
            self._set_payload({**self.payload(), **draft})
        self._selection_changed()
        self.validate()

    # Data -------------------------------------------------------------------------------

    def _load(self, data: OrganisationData) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(data, name))
        self.contacts.blockSignals(True)
        self.contacts.setRowCount(0)
        for contact in data.contacts:
            self._append_row([getattr(contact, f) for f in CONTACT_FIELDS])
        self.contacts.blockSignals(False)

    def _append_row(self, values: list[str]) -> int:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        for column, value in enumerate(values):
            self.contacts.setItem(row, column, QTableWidgetItem(value))
        return row

    def contact_rows(self) -> list[ContactData]:
        from app.models.store import ContactData

        rows = []
        for row in range(self.contacts.rowCount()):
            values = []
            for column in range(len(CONTACT_FIELDS)):
                item = self.contacts.item(row, column)
                values.append(item.text().strip() if item else "")
            if any(values):
                rows.append(ContactData(*values))
        return rows

    def data(self) -> OrganisationData:
        from app.models.store import OrganisationData

        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return OrganisationData(**values, contacts=tuple(self.contact_rows()))

    # What the version guard asks (app.ui.version_guard.Guarded) --------------------------

    def payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        payload["contacts"] = [[getattr(c, f) for f in CONTACT_FIELDS]
                               for c in self.contact_rows()]
        return payload

    def _set_payload(self, payload: dict[str, Any]) -> None:
        for name, edit in self.edits.items():
            edit.setText(str(payload.get(name, "")))
        self.contacts.blockSignals(True)
        self.contacts.setRowCount(0)
        for values in payload.get("contacts") or []:
            self._append_row([str(v) for v in values])
        self.contacts.blockSignals(False)
        self.validate()

    def stored_payload(self) -> dict[str, Any]:
        self._load(self.store.organisation())
        return self.payload()

    def set_initial(self, payload: dict[str, Any]) -> None:
        current = self.payload()
        self._set_payload(payload)
        self._initial = self.data()
        self._set_payload(current)

    def shown_value(self, name: str, value: Any) -> str | None:
        if name != "contacts" or not isinstance(value, list):
            return None
        return "；".join("、".join(str(v) for v in row if v) for row in value)

    def autosave(self) -> None:
        if self.data() != self._initial:
            self.store.save_draft(DRAFT_ENTITY, 1, self.guard.draft_payload(self.payload()))

    def discard_version_draft(self) -> None:
        self.store.discard_draft(DRAFT_ENTITY, 1)

    def save(self) -> bool:
        refused = self.store.save_organisation(
            self.data(), expected_version=self.guard.expected_version())
        if refused is not None:
            return bool(self.guard.refused([refused]))
        self._initial = self.data()
        self.guard.saved(1)
        self.store.discard_draft(DRAFT_ENTITY, 1)
        if self.isVisible():
            super().accept()
        return True

    # Contacts ---------------------------------------------------------------------------

    def add_contact(self) -> None:
        row = self._append_row([""] * len(CONTACT_FIELDS))
        self.contacts.setCurrentCell(row, 0)
        first = self.contacts.item(row, 0)
        if first is not None:
            self.contacts.editItem(first)

    def remove_contact(self) -> None:
        rows = sorted({index.row() for index in self.contacts.selectedIndexes()}, reverse=True)
        for row in rows:
            self.contacts.removeRow(row)
        self.validate()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.contacts.selectedIndexes()))

    # Checking ---------------------------------------------------------------------------

    def validate(self) -> list[Finding]:
        found: list[Finding] = []
        checks: dict[str, Callable[[str], list[Finding]]] = {
            "postcode": lambda text: check_postcode(text),
            "phone": lambda text: check_phone(text),
            "fax": lambda text: check_phone(text, "fax"),
            "email": lambda text: check_email(text),
        }
        for name, check in checks.items():
            findings = check(self.edits[name].text())
            self.messages[name].show_findings(findings)
            found.extend(findings)
        found.extend(self._validate_contacts())
        return found

    def _validate_contacts(self) -> list[Finding]:
        language = i18n.language()
        lines: list[str] = []
        found: list[Finding] = []
        checks = {
            "office_phone": check_phone,
            "mobile": check_phone,
            "email": check_email,
        }
        headers = [
            item.text() if (item := self.contacts.horizontalHeaderItem(c)) else ""
            for c in range(len(CONTACT_FIELDS))
        ]
        self.contacts.blockSignals(True)
        try:
            for row in range(self.contacts.rowCount()):
                for column, name in enumerate(CONTACT_FIELDS):
                    item = self.contacts.item(row, column)
                    if item is None:
                        continue
                    check = checks.get(name)
                    findings = check(item.text(), name) if check else []
                    if findings:
                        text = "\n".join(describe(f, language) for f in findings)
                        item.setToolTip(text)
                        item.setForeground(QBrush(QColor(ERROR_COLOUR)))
                        lines.append(
                            self.tr("Contact %1, %2: ").replace("%1", str(row + 1))
                            .replace("%2", headers[column]) + text
                        )
                        found.extend(findings)
                    else:
                        item.setToolTip("")
                        item.setData(Qt.ItemDataRole.ForegroundRole, None)
        finally:
            self.contacts.blockSignals(False)
        self.contact_message.show_text("\n".join(lines), "error" if lines else "")
        return found

    # Closing ----------------------------------------------------------------------------

    def accept(self) -> None:
        self.save()

    def reject(self) -> None:
        if self.data() != self._initial:
            choice = interaction.save_discard_cancel(
                self,
                self.tr("Unsaved changes"),
                self.tr("The organisation profile has changes that are not saved. Save them?"),
            )
            if choice is interaction.Choice.SAVE:
                self.accept()
                return
            if choice is interaction.Choice.CANCEL:
                return
        self.store.discard_draft(DRAFT_ENTITY, 1)
        super().reject()

