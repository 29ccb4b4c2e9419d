"""The offer editor: one information sheet (信息表), section by section as on the paper form.

① comes from the patent record (read-only here), ② is the fixed commitments, ③–⑧ are typed.
Rules R1–R7 (app.models.offers.check_offer) run as the clerk types; each finding shows under its
field and in the findings panel, where a click jumps to the field. ③, ④ and ⑥ are radio groups
whose detail fields are enabled only for the chosen alternative, so the window can never tick
two. Changes are autosaved as an editor draft; undo and redo step through what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.messages import describe, field_label
from app.models.entities import DocumentState
from app.models.fees import FeeKind
from app.models.findings import Finding, Severity
from app.models.offers import (
    COMMITMENTS,
    PROVINCE_WIDE,
    LicenceKind,
    Licensing,
    OfferContact,
    OfferFields,
    SelfExploitation,
    check_offer,
)
from app.models.patent_rules import PatentFields
from app.ui import i18n, interaction
from app.ui.choice_fields import choose_on_click, set_active
from app.ui.date_input import DateField
from app.ui.editor_parts import (
    AnyWidget,
    RecordEditor,
    group_box,
    plain,
    sheet_and_findings,
)
from app.ui.fee_panel import FEE_FIELDS, FeePanel
from app.ui.field_message import (
    ERROR_COLOUR,
    FIELD_STYLE,
    WARNING_COLOUR,
)
from app.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from app.models.store import Store

ENTITY = "offer"
# Findings about an empty date, not shown when what was typed is not a date.
_EMPTY_DATE_CODES = frozenset({"offer.required", "offer.declared_on_missing"})
VALIDATE_DELAY_MS = 150
DRAFT_DELAY_MS = 500
HISTORY_DELAY_MS = 400

def state_label(state: str) -> str:
    """The offer's state in words (the register shows the same)."""
    labels = {
        DocumentState.DRAFT.value: QCoreApplication.translate("OfferState", "Draft"),
        DocumentState.FINALISED.value: QCoreApplication.translate("OfferState", "Finalised"),
        DocumentState.GENERATED.value: QCoreApplication.translate("OfferState", "Printed"),
        DocumentState.SEALED.value: QCoreApplication.translate(
            "OfferState", "Sealed copy attached"),
        DocumentState.SUBMITTED.value: QCoreApplication.translate("OfferState", "Submitted"),
    }
    return labels.get(state, state)


class OfferEditor(RecordEditor):
    """Edits the offer of one patent; creates it on the first save."""

    saved = Signal(int)  # the offer id
    finalised = Signal(int)

    def __init__(
        self,
        store: Store,
        patent_id: int,
        parent: QWidget | None = None,
        draft: dict[str, Any] | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(store, parent, validate_ms=VALIDATE_DELAY_MS, draft_ms=DRAFT_DELAY_MS,
                         history_ms=HISTORY_DELAY_MS)
        self.patent_id = patent_id
        self._today = today
        self.findings: list[Finding] = []
        self.offer_id: int | None = None
        self.state = DocumentState.DRAFT.value
        self.setObjectName("offer_editor")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setStyleSheet(FIELD_STYLE)
        fit_to_screen(self, 1080, 760)

        patent = store.patent(patent_id)
        if patent is None:
            raise LookupError(f"no patent {patent_id}")
        self.patent_fields = PatentFields.of(patent)
        self.patent_number = patent.number
        self.patent_expiry = patent.expiry.date if patent.expiry else None
        self.patent_official = (
            ("ZL" + patent.number) if patent.number[:1].isdigit() else patent.number
        )

        self._build(patent)
        initial = self._load_record()
        self._set_payload(initial)
        self._initial = self.payload()
        self._guard_version(ENTITY, patent_id)
        if draft is None:
            draft = store.load_draft(ENTITY, patent_id)
        self._start_history(initial, draft)
        self._connect_changes()
        self._update_enabled()
        self.validate()
        self._update_title()

    # Building ---------------------------------------------------------------------------

    def _build(self, patent: Any) -> None:

        sheet = QWidget()
        sheet.setObjectName("sheet")
        column = QVBoxLayout(sheet)
        column.setSpacing(10)

        self.restored_label = QLabel()
        self.restored_label.setObjectName("restored")
        self.restored_label.setWordWrap(True)
        self.restored_label.setStyleSheet("color: palette(placeholder-text);")
        self.restored_label.hide()
        column.addWidget(self.restored_label)

        column.addWidget(self._section_patent(patent))
        column.addWidget(self._section_commitments())
        column.addWidget(self._section_self_exploitation())
        column.addWidget(self._section_licensing())
        column.addWidget(self._section_expiry())
        column.addWidget(self._section_fee())
        column.addWidget(self._section_other_terms())
        column.addWidget(self._section_contact())
        column.addWidget(self._section_seal())
        column.addWidget(self._section_summary_list())
        column.addStretch(1)

        body = sheet_and_findings(sheet, self._jump_to_finding, with_state=True,
                                  sizes=(760, 300))
        splitter, self.scroll_area = body.splitter, body.scroll
        assert body.state_label is not None
        self.state_label = body.state_label
        self.findings_title, self.findings_list = body.findings_title, body.findings_list

        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undo")
        self.undo_button.clicked.connect(self.undo)
        self.redo_button = QPushButton(self.tr("Redo"))
        self.redo_button.setObjectName("redo")
        self.redo_button.clicked.connect(self.redo)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.finalise_button = QPushButton(self.tr("Finalise"))
        self.finalise_button.setObjectName("finalise")
        self.finalise_button.setToolTip(
            self.tr("Check every rule and mark the sheet ready to print. Refused while errors "
                    "remain.")
        )
        self.finalise_button.clicked.connect(self.finalise)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        self._lay_out(splitter, (), (self.save_button, self.finalise_button, self.close_button))

    def _group(self, title: str, name: str) -> QGroupBox:
        return group_box(title, name)

    @staticmethod
    def _plain(widget: AnyWidget) -> AnyWidget:
        return plain(widget)

    def _section_patent(self, patent: Any) -> QGroupBox:
        box = self._group(self.tr("① Patent information"), "section_patent")
        form = QFormLayout(box)
        grant = patent.grant_date.isoformat() if patent.grant_date else "—"
        for caption, value, name in (
            (self.tr("Patent number"), self.patent_official, "patent_number"),
            (self.tr("Grant announcement date"), grant, "patent_grant_date"),
            (self.tr("Title of the invention"), patent.title or "—", "patent_title"),
            (self.tr("Patentees (all)"), "、".join(patent.patentees) or "—", "patent_patentees"),
        ):
            value_label = QLabel(value)
            value_label.setObjectName(name)
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self._plain(QLabel(caption)), self._plain(value_label))
        note = QLabel(self.tr("From the patent register; edit the patent to change them."))
        note.setStyleSheet("color: palette(placeholder-text);")
        self.patent_message = self._register("patent", note)
        form.addRow(self._plain(note))
        form.addRow(self._plain(self.patent_message))
        return box

    def _section_commitments(self) -> QGroupBox:
        box = self._group(
            self.tr("② The patentees' commitment that the open-licence conditions are met"),
            "section_commitments",
        )
        layout = QVBoxLayout(box)
        # The commitments are the form's fixed wording: always shown as printed, in Chinese.
        text = QLabel("\n".join(f"{i}.{line}" for i, line in enumerate(COMMITMENTS, 1)))
        text.setObjectName("commitments")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self._plain(text))
        return box

    def _radio(self, text: str, name: str) -> QRadioButton:
        button = QRadioButton(text)
        button.setObjectName(name)
        self._plain(button)
        return button

    def _section_self_exploitation(self) -> QGroupBox:
        box = self._group(self.tr("③ Own exploitation of the patent"), "section_self")
        layout = QVBoxLayout(box)
        self.self_group = QButtonGroup(self)
        self.self_none = self._radio(self.tr("The patented technology is not exploited by the "
                                             "patentee"), "self_none")
        self.self_done = self._radio(self.tr("The patented technology is exploited by the "
                                             "patentee"), "self_implemented")
        self.self_group.addButton(self.self_none)
        self.self_group.addButton(self.self_done)
        message = self._register("self_exploitation", self.self_none)
        layout.addWidget(self.self_none)
        layout.addWidget(self.self_done)
        layout.addWidget(message)
        form = QFormLayout()
        form.setContentsMargins(24, 0, 0, 0)
        self.self_period = QLineEdit(objectName="self_exploitation_period")
        self.self_scope = QLineEdit(objectName="self_exploitation_scope")
        self.self_manner = QLineEdit(objectName="self_exploitation_manner")
        self._form_row(form, "self_exploitation_period", self.tr("Time"), self.self_period)
        self._form_row(form, "self_exploitation_scope", self.tr("Scope"), self.self_scope)
        self._form_row(form, "self_exploitation_manner", self.tr("Manner"), self.self_manner)
        choose_on_click((self.self_period, self.self_scope, self.self_manner), self.self_done)
        layout.addLayout(form)
        return box

    def _section_licensing(self) -> QGroupBox:
        box = self._group(self.tr("④ Licences granted to others"), "section_licensing")
        layout = QVBoxLayout(box)
        self.licensing_group = QButtonGroup(self)
        self.licensing_none = self._radio(self.tr("No licence has been granted to others"),
                                          "licensing_none")
        self.licensing_done = self._radio(self.tr("A licence has been granted to others"),
                                          "licensing_licensed")
        self.licensing_group.addButton(self.licensing_none)
        self.licensing_group.addButton(self.licensing_done)
        message = self._register("licensing", self.licensing_none)
        layout.addWidget(self.licensing_none)
        layout.addWidget(self.licensing_done)
        layout.addWidget(message)
        form = QFormLayout()
        form.setContentsMargins(24, 0, 0, 0)
        self.licensing_period = QLineEdit(objectName="licensing_period")
        self.licensing_scope = QLineEdit(objectName="licensing_scope")
        self.licensing_kind = QComboBox()
        self.licensing_kind.setObjectName("licensing_kind")
        self.licensing_kind.addItem(self.tr("(choose)"), "")
        self.licensing_kind.addItem(self.tr("Ordinary licence"), LicenceKind.ORDINARY.value)
        self.licensing_kind.addItem(self.tr("Exclusive licence"), LicenceKind.EXCLUSIVE.value)
        self.licensing_kind.addItem(self.tr("Sole licence"), LicenceKind.SOLE.value)
        self._form_row(form, "licensing_period", self.tr("Time"), self.licensing_period)
        self._form_row(form, "licensing_scope", self.tr("Scope"), self.licensing_scope)
        self._form_row(form, "licensing_kind", self.tr("Kind of licence"), self.licensing_kind)
        choose_on_click((self.licensing_period, self.licensing_scope, self.licensing_kind),
                        self.licensing_done)
        layout.addLayout(form)
        return box

    def _section_expiry(self) -> QGroupBox:
        box = self._group(self.tr("⑤ Licence term"), "section_expiry")
        form = QFormLayout(box)
        self.expiry_edit = DateField()
        self.expiry_edit.setObjectName("licence_expiry")
        row = QHBoxLayout()
        row.addWidget(self.expiry_edit)
        self.use_patent_expiry = QPushButton(self.tr("Use the patent's expiry"))
        self.use_patent_expiry.setObjectName("use_patent_expiry")
        self.use_patent_expiry.clicked.connect(self._use_patent_expiry)
        self.use_patent_expiry.setEnabled(self.patent_expiry is not None)
        row.addWidget(self._plain(self.use_patent_expiry))
        row.addStretch(1)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        message = self._register("licence_expiry", holder, self.expiry_edit)
        hint = QLabel(
            self.tr("The patent's term ends on %1; the licence may not run past it.").replace(
                "%1", self.patent_expiry.isoformat() if self.patent_expiry else "—"
            )
        )
        hint.setObjectName("patent_expiry_hint")
        hint.setStyleSheet("color: palette(placeholder-text);")
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(holder)
        column.addWidget(self._plain(hint))
        column.addWidget(message)
        form.addRow(self._plain(QLabel(self.tr("Licence expiry date"))), column)
        return box

    def _section_fee(self) -> QGroupBox:
        box = self._group(self.tr("⑥ Licence fee standard (choose one)"), "section_fee")
        layout = QVBoxLayout(box)
        self.fee_panel = FeePanel()
        self._plain(self.fee_panel)
        layout.addWidget(self.fee_panel)
        self.messages.update(self.fee_panel.messages)
        self.field_widgets.update(self.fee_panel.field_widgets)
        # Shorthands used throughout the editor and its tests.
        self.fee_group = self.fee_panel.group
        self.fee_buttons = self.fee_panel.buttons
        self.fee_edits = self.fee_panel.edits
        self.fee_message = self.fee_panel.messages["fee.option"]
        return box

    def _section_other_terms(self) -> QGroupBox:
        box = self._group(self.tr("⑦ Other agreed terms"), "section_other")
        layout = QVBoxLayout(box)
        self.other_terms = QPlainTextEdit(objectName="other_terms")
        self.other_terms.setTabChangesFocus(True)
        self.other_terms.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        message = self._register("other_terms", self.other_terms)
        layout.addWidget(self._plain(self.other_terms))
        layout.addWidget(message)
        return box

    def _section_contact(self) -> QGroupBox:
        box = self._group(self.tr("⑧ Licensor's contact details"), "section_contact")
        form = QFormLayout(box)
        self.contact_edits: dict[str, QLineEdit] = {}
        for name, caption in (
            ("name", self.tr("Recipient")),
            ("address", self.tr("Address")),
            ("postcode", self.tr("Postcode")),
            ("phone", self.tr("Phone")),
            ("email", self.tr("E-mail")),
        ):
            edit = QLineEdit(objectName=f"contact.{name}")
            self.contact_edits[name] = edit
            self._form_row(form, f"contact.{name}", caption, self._plain(edit))
        fill = QPushButton(self.tr("Fill in from the unit's profile"))
        fill.setObjectName("fill_contact")
        fill.clicked.connect(self._fill_contact_from_profile)
        fill_row = QHBoxLayout()
        fill_row.addWidget(self._plain(fill))
        fill_row.addStretch(1)
        form.addRow(fill_row)
        return box

    def _section_seal(self) -> QGroupBox:
        box = self._group(self.tr("⑨ Patentees' seal or signature"), "section_seal")
        layout = QVBoxLayout(box)
        note = QLabel(self.tr("Left blank on the printed sheet for the seal or signature."))
        note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self._plain(note))
        return box

    def _section_summary_list(self) -> QGroupBox:
        box = self._group(self.tr("For the summary list and the declaration"), "section_summary")
        form = QFormLayout(box)
        self.open_scope = QComboBox()
        self.open_scope.setObjectName("open_scope")
        self.open_scope.setEditable(True)
        self.open_scope.addItems(["", PROVINCE_WIDE])
        self.open_scope.setToolTip(self.tr("全省, or the name of a city such as 武汉市"))
        self._form_row(form, "open_scope", self.tr("Open scope"), self._plain(self.open_scope))
        self.single_term = QLineEdit(objectName="single_term")
        self.single_term.setPlaceholderText(self.tr("e.g. 3年"))
        self._form_row(form, "single_term", self.tr("Single licence term"),
                       self._plain(self.single_term))
        self.declared_on = DateField()
        self.declared_on.setObjectName("declared_on")
        self._form_row(form, "declared_on", self.tr("Declaration date"),
                       self._plain(self.declared_on))
        return box

    # Changes ----------------------------------------------------------------------------

    def _connect_changes(self) -> None:
        for edit in (self.self_period, self.self_scope, self.self_manner, self.licensing_period,
                     self.licensing_scope, self.expiry_edit, self.single_term, self.declared_on,
                     *self.contact_edits.values()):
            edit.textChanged.connect(self._changed)
        for widget in self.fee_edits.values():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._changed)
        self.other_terms.textChanged.connect(self._changed)
        self.licensing_kind.currentIndexChanged.connect(self._changed)
        self.open_scope.currentTextChanged.connect(self._changed)
        for group in (self.self_group, self.licensing_group, self.fee_group):
            group.buttonToggled.connect(self._choice_changed)

    def _choice_changed(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._update_enabled()
            self._changed()
            if not self._restoring:
                self._record_history()  # a choice is a step of its own, not merged with typing

    def _changed(self, *_args: Any) -> None:
        self._validate_timer.start()
        self._draft_timer.start()
        if not self._restoring:
            self._history_timer.start()

    def _update_enabled(self) -> None:
        """Only the chosen alternative's details can be typed in."""
        implemented = self.self_done.isChecked()
        for edit in (self.self_period, self.self_scope, self.self_manner):
            set_active(edit, implemented)
        licensed = self.licensing_done.isChecked()
        for widget in (self.licensing_period, self.licensing_scope, self.licensing_kind):
            set_active(widget, licensed)
        self.fee_panel.update_enabled()

    # Payload: the editor's state as plain values, for drafts, undo and comparison ------

    def _load_record(self) -> dict[str, Any]:
        offer = self.store.offer_for_patent(self.patent_id)
        if offer is None:
            payload = self._empty_payload()
            contact = self.store.default_offer_contact()
            payload.update({f"contact.{k}": getattr(contact, k) for k in
                            ("name", "address", "postcode", "phone", "email")})
            return payload
        self.offer_id = offer.id
        self.state = offer.state
        return self._payload_of(OfferFields.of(offer))

    @staticmethod
    def _empty_payload() -> dict[str, Any]:
        return OfferEditor._payload_of(OfferFields())

    @staticmethod
    def _payload_of(fields: OfferFields) -> dict[str, Any]:
        fee = fields.fee if isinstance(fields.fee, dict) else {}
        payload: dict[str, Any] = {
            "self_exploitation": fields.self_exploitation,
            "self_exploitation_period": fields.self_exploitation_period,
            "self_exploitation_scope": fields.self_exploitation_scope,
            "self_exploitation_manner": fields.self_exploitation_manner,
            "licensing": fields.licensing,
            "licensing_period": fields.licensing_period,
            "licensing_scope": fields.licensing_scope,
            "licensing_kind": fields.licensing_kind,
            "licence_expiry": fields.licence_expiry.isoformat() if fields.licence_expiry else "",
            "fee.option": str(fee.get("option", "")) if fee else "",
            "other_terms": fields.other_terms,
            "open_scope": fields.open_scope,
            "single_term": fields.single_term,
            "declared_on": fields.declared_on.isoformat() if fields.declared_on else "",
        }
        for names in FEE_FIELDS.values():
            for name in names:
                value = fee.get(name, "")
                payload[f"fee.{name}"] = "" if value is None else str(value)
        for key in ("name", "address", "postcode", "phone", "email"):
            payload[f"contact.{key}"] = getattr(fields.contact, key)
        return payload

    def payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "self_exploitation": (
                SelfExploitation.NONE.value if self.self_none.isChecked()
                else SelfExploitation.IMPLEMENTED.value if self.self_done.isChecked() else ""
            ),
            "self_exploitation_period": self.self_period.text(),
            "self_exploitation_scope": self.self_scope.text(),
            "self_exploitation_manner": self.self_manner.text(),
            "licensing": (
                Licensing.NONE.value if self.licensing_none.isChecked()
                else Licensing.LICENSED.value if self.licensing_done.isChecked() else ""
            ),
            "licensing_period": self.licensing_period.text(),
            "licensing_scope": self.licensing_scope.text(),
            "licensing_kind": self.licensing_kind.currentData() or "",
            "licence_expiry": self.expiry_edit.text(),
            "fee.option": fee_kind.value if (fee_kind := self.fee_kind()) else "",
            "other_terms": self.other_terms.toPlainText(),
            "open_scope": self.open_scope.currentText(),
            "single_term": self.single_term.text(),
            "declared_on": self.declared_on.text(),
        }
        for name, widget in self.fee_edits.items():
            if isinstance(widget, QComboBox):
                payload[f"fee.{name}"] = widget.currentData() or ""
            else:
                payload[f"fee.{name}"] = widget.text()  # type: ignore[attr-defined]
        for key, edit in self.contact_edits.items():
            payload[f"contact.{key}"] = edit.text()
        return payload

    def _set_payload(self, payload: dict[str, Any]) -> None:
        restoring, self._restoring = self._restoring, True
        try:
            self._check(self.self_group, {
                SelfExploitation.NONE.value: self.self_none,
                SelfExploitation.IMPLEMENTED.value: self.self_done,
            }.get(str(payload.get("self_exploitation", ""))))
            self.self_period.setText(str(payload.get("self_exploitation_period", "")))
            self.self_scope.setText(str(payload.get("self_exploitation_scope", "")))
            self.self_manner.setText(str(payload.get("self_exploitation_manner", "")))
            self._check(self.licensing_group, {
                Licensing.NONE.value: self.licensing_none,
                Licensing.LICENSED.value: self.licensing_done,
            }.get(str(payload.get("licensing", ""))))
            self.licensing_period.setText(str(payload.get("licensing_period", "")))
            self.licensing_scope.setText(str(payload.get("licensing_scope", "")))
            index = self.licensing_kind.findData(payload.get("licensing_kind", ""))
            self.licensing_kind.setCurrentIndex(max(index, 0))
            self.expiry_edit.setText(str(payload.get("licence_expiry", "")))
            try:
                kind: FeeKind | None = FeeKind(str(payload.get("fee.option", "")))
            except ValueError:
                kind = None
            self._check(self.fee_group, self.fee_buttons.get(kind) if kind else None)
            for name, widget in self.fee_edits.items():
                value = str(payload.get(f"fee.{name}", "") or "")
                if isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(widget.findData(value), 0))
                else:
                    widget.setText(value)  # type: ignore[attr-defined]
            self.other_terms.setPlainText(str(payload.get("other_terms", "")))
            self.open_scope.setCurrentText(str(payload.get("open_scope", "")))
            self.single_term.setText(str(payload.get("single_term", "")))
            self.declared_on.setText(str(payload.get("declared_on", "")))
            for key, edit in self.contact_edits.items():
                edit.setText(str(payload.get(f"contact.{key}", "")))
            self._update_enabled()
        finally:
            self._restoring = restoring

    @staticmethod
    def _check(group: QButtonGroup, button: QRadioButton | None) -> None:
        if button is not None:
            button.setChecked(True)
            return
        group.setExclusive(False)  # an exclusive group cannot be cleared otherwise
        for member in group.buttons():
            member.setChecked(False)
        group.setExclusive(True)

    def fee_kind(self) -> FeeKind | None:
        return self.fee_panel.fee_kind()

    def fee_data(self) -> dict[str, Any]:
        return self.fee_panel.fee_data()

    def fields(self) -> OfferFields:
        implemented = self.self_done.isChecked()
        licensed = self.licensing_done.isChecked()
        # Details of the alternative not chosen are disabled in the window and not saved.
        return OfferFields(
            self_exploitation=self.payload()["self_exploitation"],
            self_exploitation_period=self.self_period.text() if implemented else "",
            self_exploitation_scope=self.self_scope.text() if implemented else "",
            self_exploitation_manner=self.self_manner.text() if implemented else "",
            licensing=self.payload()["licensing"],
            licensing_period=self.licensing_period.text() if licensed else "",
            licensing_scope=self.licensing_scope.text() if licensed else "",
            licensing_kind=(self.licensing_kind.currentData() or "") if licensed else "",
            licence_expiry=self.expiry_edit.date(),
            fee=self.fee_data() or None,
            other_terms=self.other_terms.toPlainText(),
            contact=OfferContact(**{k: e.text() for k, e in self.contact_edits.items()}),
            open_scope=self.open_scope.currentText(),
            single_term=self.single_term.text(),
            declared_on=self.declared_on.date(),
        )

    # Checking ---------------------------------------------------------------------------

    def _date_edits(self) -> dict[str, DateField]:
        return {"licence_expiry": self.expiry_edit, "declared_on": self.declared_on}

    def validate(self) -> list[Finding]:
        self._validate_timer.stop()
        self.findings = check_offer(self.fields(), self.patent_fields, today=self._today)
        unreadable = {n for n, e in self._date_edits().items() if not e.is_readable()}
        by_field: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            if finding.field in unreadable and finding.code in _EMPTY_DATE_CODES:
                continue  # "enter the date" would be wrong: something was typed
            target = finding.field if finding.field in self.messages else "fee.option"
            by_field[target].append(finding)
        language = i18n.language()
        for name, message in self.messages.items():
            if name.startswith("fee.") and name != "fee.option":
                # Several fee figures share one sentence: say which figure a message is about.
                lines = [f"{field_label(name, language)}：{describe(f, language)}"
                         for f in by_field.get(name, [])]
                errors = any(f.is_error for f in by_field.get(name, []))
                message.show_text("\n".join(lines), "error" if errors else "warning")
                continue
            extra = []
            if name in unreadable:
                text = self._date_edits()[name].text().strip()
                extra.append(self.tr("“%1” is not a date: write it as 2030-12-31.")
                             .replace("%1", text))
            message.show_findings(by_field.get(name, []), extra)
        self._show_findings_panel(unreadable)
        self._update_undo_buttons()
        return self.findings

    def _show_findings_panel(self, unreadable: set[str]) -> None:
        language = i18n.language()
        self.findings_list.clear()
        errors = [f for f in self.findings if f.is_error]
        warnings = [f for f in self.findings if f.severity is Severity.WARNING]
        for finding in [*errors, *warnings]:
            if finding.field in unreadable and finding.code in _EMPTY_DATE_CODES:
                continue
            item = QListWidgetItem(
                f"{field_label(finding.field, language)}：{describe(finding, language)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, finding.field)
            item.setForeground(QColor(ERROR_COLOUR if finding.is_error else WARNING_COLOUR))
            self.findings_list.addItem(item)
        not_a_date = self.tr("not a date")
        for name in sorted(unreadable):
            item = QListWidgetItem(
                f"{field_label(name, language)}：{not_a_date}"
            )
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setForeground(QColor(ERROR_COLOUR))
            self.findings_list.addItem(item)
        count_errors = len(errors) + len(unreadable)
        from app.usecases.save_effects import offer_is_draft

        finalised_unchanged = not offer_is_draft(self.state) and not self.is_dirty()
        if finalised_unchanged:
            # Nothing to finalise (the state above says what a change would do).
            title = self.tr("No errors; the sheet is finalised.")
        elif count_errors:
            title = self.tr("%1 error(s), %2 warning(s) — click one to go to its field") \
                .replace("%1", str(count_errors)).replace("%2", str(len(warnings)))
        elif warnings:
            title = self.tr("No errors; %1 warning(s)").replace("%1", str(len(warnings)))
        else:
            title = self.tr("No errors: the sheet can be finalised.")
        self.findings_title.setText(title)
        self.finalise_button.setEnabled(count_errors == 0 and not finalised_unchanged)

    def _jump_to_finding(self, item: QListWidgetItem) -> None:
        self.focus_field(str(item.data(Qt.ItemDataRole.UserRole)))

    def focus_field(self, name: str) -> None:
        widget = self.field_widgets.get(name)
        if widget is None:
            return
        self.scroll_area.ensureWidgetVisible(widget, 50, 80)
        if not widget.isEnabled():
            # A detail of an alternative not chosen: take the clerk to the choice itself.
            for prefix, choice in (("self_exploitation", "self_exploitation"),
                                   ("licensing", "licensing"), ("fee.", "fee.option")):
                if name.startswith(prefix):
                    widget = self.field_widgets.get(choice, widget)
                    break
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # Actions ----------------------------------------------------------------------------

    def _use_patent_expiry(self) -> None:
        if self.patent_expiry is not None:
            self.expiry_edit.set_date(self.patent_expiry)

    def _fill_contact_from_profile(self) -> None:
        contact = self.store.default_offer_contact()
        for key, edit in self.contact_edits.items():
            edit.setText(getattr(contact, key))

    def _update_title(self) -> None:
        self.setWindowTitle(
            self.tr("Information sheet — %1").replace("%1", self.patent_official)
        )
        state = state_label(self.state)
        text = self.tr("State: %1").replace("%1", state)
        from app.usecases.save_effects import offer_is_draft

        if not offer_is_draft(self.state):
            text += "\n" + self.tr("Editing this sheet and saving returns it to draft; you will "
                                   "be asked before anything is saved.")
        self.state_label.setText(text)

    def save(self) -> bool:
        """Save (errors and all: a draft keeps its findings); say what an edit invalidated."""
        unreadable = [n for n, e in self._date_edits().items() if not e.is_readable()]
        if unreadable:
            names = "、".join(field_label(n, i18n.language()) for n in unreadable)
            if not interaction.confirm(
                self, self.tr("Save information sheet"),
                self.tr("%1: what is typed is not a date and will be saved empty. Save anyway?")
                .replace("%1", names),
            ):
                return False
        from app.usecases.save_effects import offer_save_effects

        effects = offer_save_effects(self.store, self.patent_id, self.fields())
        if effects:
            language = i18n.language()
            if not interaction.confirm(
                self, self.tr("Save information sheet"),
                self.tr("Saving these changes will have these effects. Save anyway?"),
                "\n".join(describe(effect, language) for effect in effects),
            ):
                return False
        told = {effect.code for effect in effects}
        result = self.store.save_offer(self.patent_id, self.fields(),
                                       expected_version=self.expected_version())
        if not result.saved:
            handled = self._version_refused(result.findings)
            if handled is not None:
                return handled
            self.validate()
            return False
        assert result.record_id is not None
        self.offer_id = result.record_id
        self._draft_timer.stop()
        self.store.discard_draft(ENTITY, self.patent_id)
        self._initial = self.payload()
        self._version_saved(self.patent_id)
        offer = self.store.offer(self.offer_id)
        self.state = offer.state if offer else DocumentState.DRAFT.value
        self._update_title()
        self.validate()  # the findings title and the finalise button follow the new state
        self.saved.emit(self.offer_id)
        notices = [n for n in result.notices if n.code not in told]
        if notices:
            language = i18n.language()
            interaction.inform(
                self, self.tr("Information sheet saved"),
                "\n".join(describe(n, language) for n in notices),
            )
        return True

    def finalise(self) -> bool:
        if not self.save():
            return False
        assert self.offer_id is not None
        result = self.store.finalise_offer(self.offer_id)
        if not result.saved:
            self.findings = result.findings
            self.validate()
            errors = [f for f in result.findings if f.is_error]
            interaction.inform(
                self, self.tr("Cannot finalise"),
                self.tr("The sheet has %1 error(s). Correct them first; the list on the right "
                        "takes you to each.").replace("%1", str(len(errors))),
            )
            return False
        self.state = DocumentState.FINALISED.value
        self._update_title()
        self.validate()  # no longer "can be finalised": the button and the title say so
        self.finalised.emit(self.offer_id)
        return True

    def draft_address(self) -> tuple[str, int | None]:
        return ENTITY, self.patent_id

    def stored_payload(self) -> dict[str, Any]:
        return self._load_record()

    def unsaved_question(self) -> str:
        return self.tr("This information sheet has changes that are not saved. Save them?")
