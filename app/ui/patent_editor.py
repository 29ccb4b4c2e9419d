"""The patent editor: every field of one patent, checked while typing, autosaved as a draft.

The rules are app.models' (Store.check_patent_fields); this dialog only gathers what is typed,
shows each finding under its field and saves through the Store. What is typed is written to an
editor draft half a second after the last change, so a crash or a kill loses nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.messages import KIND_LABELS, LEGAL_STATUS_LABELS, describe, field_label, label
from app.models.findings import Finding
from app.models.patent_number import PatentKind, parse
from app.models.term import patent_expiry, usable_compensation
from app.ui import i18n, interaction
from app.ui.date_input import DateField
from app.ui.field_message import FIELD_STYLE, FieldMessage, field_box, one_line_height
from app.ui.screen_fit import fit_to_screen, scrolling
from app.ui.version_guard import VersionGuard, guard_editor

if TYPE_CHECKING:
    from app.models.patent_rules import PatentFields
    from app.models.store import Store

ENTITY = "patent"
VALIDATE_DELAY_MS = 150
DRAFT_DELAY_MS = 500
DATE_FIELDS = ("filing_date", "grant_date", "expiry_override")
TYPED_DAYS = (0, 9999)  # the compensation a clerk types; a stored figure outside is shown as is
SPIN_LIMITS = (-(2**31), 2**31 - 1)  # what a QSpinBox can hold


def spin_value(days: int) -> int:
    """`days` as near as a spin box can hold it."""
    low, high = SPIN_LIMITS
    return max(low, min(high, days))


class DaysSpinBox(QSpinBox):
    """Days of term compensation, 0 reading "none".

    The range is what a clerk types, widened to take in a figure already stored: an import
    can bring −3, which the rules flag. The field shows what is stored, so the clerk sees the
    figure the message is about, and saving without touching it keeps it."""

    def __init__(self, none_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._none_text = none_text
        self.setRange(*TYPED_DAYS)

    def show_days(self, days: int) -> None:
        low, high = TYPED_DAYS
        days = spin_value(days)
        self.setRange(min(low, days), max(high, days))
        self.setValue(days)

    def textFromValue(self, value: int) -> str:
        # "none" for 0 whatever the minimum (specialValueText would name the minimum).
        return self._none_text if value == 0 else super().textFromValue(value)

    def valueFromText(self, text: str) -> int:
        return 0 if text.strip() == self._none_text else super().valueFromText(text)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if text.strip() == self._none_text:
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)


class PatentEditor(QDialog):
    saved = Signal(int)

    def __init__(
        self,
        store: Store,
        patent_id: int | None = None,
        parent: QWidget | None = None,
        draft: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.patent_id = patent_id
        self._draft_key = patent_id  # the draft stays under the id it was opened with
        self.findings: list[Finding] = []
        self._days_aside: int | None = None  # a stored compensation too large for the field
        # A new patent shows a field's messages once the clerk has been there: a blank form
        # covered in "enter the …" is noise. An existing record or a restored draft shows all.
        self._touched: set[str] = set()
        self._show_all = patent_id is not None
        self.setObjectName("patent_editor")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setStyleSheet(FIELD_STYLE)
        self.setMinimumWidth(680)

        self._validate_timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.autosave)

        self._build()
        initial = self._load_record()
        self._set_payload(initial)
        self._initial = self.payload()
        self.guard = self._make_guard()
        if self.patent_id is not None:
            self.guard.loaded(self.patent_id, self._initial)
        if draft is None:
            draft = store.load_draft(ENTITY, self._draft_key)
        draft = self.guard.restore_draft(draft)
        if draft:
            self._show_all = True
            self._set_payload({**initial, **draft})
            self.restored_label.setText(self.tr("Unsaved changes from last time were restored."))
            self.restored_label.show()
        self._connect_changes()
        self.validate()
        self._update_title()

    def _make_guard(self) -> VersionGuard:
        """The version this editor holds (issue 16): passed to the save, kept with the draft;
        the bar when the patent changes elsewhere, the comparison when a save meets it."""
        return guard_editor(self, self.store, ENTITY, self.patent_id)

    # What the version guard asks (app.ui.version_guard.Guarded)
    def stored_payload(self) -> dict[str, Any]:
        return self._load_record()

    def set_initial(self, payload: dict[str, Any]) -> None:
        self._initial = dict(payload)

    def discard_version_draft(self) -> None:
        self._draft_timer.stop()
        self.store.discard_draft(ENTITY, self._draft_key)

    # Building ---------------------------------------------------------------------------

    def _build(self) -> None:
        language = i18n.language()
        self.messages: dict[str, FieldMessage] = {}
        self.captions: dict[str, str] = {}  # field → its caption (the merge dialog's words)
        self.field_widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

        def row(name: str, widget: QWidget, caption: str | None = None,
                hint: QWidget | None = None) -> None:
            message = FieldMessage(widget)
            self.messages[name] = message
            caption_label = QLabel(caption or field_label(name, language))
            caption_label.setBuddy(widget)
            self.captions[name] = caption_label.text()
            self.field_widgets[name] = widget
            form.addRow(caption_label, field_box(widget, message, hint))

        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("number")
        self.number_edit.setPlaceholderText("201710601862.3")
        self.number_edit.setMaxLength(40)
        self.number_hint = QLabel()
        self.number_hint.setObjectName("number_hint")
        self.number_hint.setStyleSheet("color: palette(placeholder-text);")
        # Its line is kept while it is empty: appearing, it must not push the fields down.
        self.number_hint.setMinimumHeight(one_line_height(self.number_hint))
        hint_policy = self.number_hint.sizePolicy()
        hint_policy.setRetainSizeWhenHidden(True)
        self.number_hint.setSizePolicy(hint_policy)
        row("number", self.number_edit, hint=self.number_hint)

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind")
        self.kind_combo.addItem(self.tr("From the number"), None)
        for kind in PatentKind:
            self.kind_combo.addItem(label(KIND_LABELS, kind.value, language), kind.value)
        self.kind_combo.setToolTip(
            self.tr("The type follows from the number; choose one only to state it, it must "
                    "agree.")
        )
        row("kind", self.kind_combo)

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        row("title", self.title_edit)

        self.patentees_edit = QPlainTextEdit()
        self.patentees_edit.setObjectName("patentees")
        self.patentees_edit.setTabChangesFocus(True)
        self.patentees_edit.setPlaceholderText(
            self.tr("One per line, in the order on the certificate")
        )
        self.patentees_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        row("patentees", self.patentees_edit)

        self.filing_edit = DateField()
        self.filing_edit.setObjectName("filing_date")
        row("filing_date", self.filing_edit)

        self.grant_edit = DateField()
        self.grant_edit.setObjectName("grant_date")
        row("grant_date", self.grant_edit)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("legal_status")
        for code in LEGAL_STATUS_LABELS:
            self.status_combo.addItem(label(LEGAL_STATUS_LABELS, code, language), code)
        row("legal_status", self.status_combo)

        self.pledged_check = QCheckBox(self.tr("The patent is pledged"))
        self.pledged_check.setObjectName("pledged")
        row("pledged", self.pledged_check)

        self.compensation_spin = DaysSpinBox(self.tr("none"))
        self.compensation_spin.setObjectName("term_compensation_days")
        self.compensation_spin.setMaximumWidth(200)
        self.compensation_spin.setMinimumWidth(120)
        row("term_compensation_days", self.compensation_spin)

        self.expiry_label = QLabel()
        self.expiry_label.setObjectName("expiry")
        self.expiry_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.expiry_label.setStyleSheet("font-weight: bold;")
        # The text names itself ("届满日 2037-07-20（按申请日计算）"): no caption needed.
        form.addRow("", self.expiry_label)

        self.override_edit = DateField()
        self.override_edit.setObjectName("expiry_override")
        self.override_edit.setToolTip(
            self.tr("Only when the expiry differs from the computed one, e.g. after a term "
                    "compensation decision.")
        )
        row("expiry_override", self.override_edit)

        self.override_note_edit = QLineEdit()
        self.override_note_edit.setObjectName("expiry_override_note")
        row("expiry_override_note", self.override_note_edit)

        # What the licence contract's 第一条 prints beyond the fields above (issue 14).
        self.inventors_edit = QPlainTextEdit()
        self.inventors_edit.setObjectName("inventors")
        self.inventors_edit.setTabChangesFocus(True)
        self.inventors_edit.setPlaceholderText(self.tr("One per line (发明人/设计人)"))
        self.inventors_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        row("inventors", self.inventors_edit)
        self.fee_paid_edit = DateField()
        self.fee_paid_edit.setObjectName("annual_fee_paid_until")
        row("annual_fee_paid_until", self.fee_paid_edit)

        self.remarks_edit = QPlainTextEdit()
        self.remarks_edit.setObjectName("remarks")
        self.remarks_edit.setTabChangesFocus(True)
        self.remarks_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        row("remarks", self.remarks_edit, caption=self.tr("Remarks"))

        self.general_message = FieldMessage()
        self.restored_label = QLabel()
        self.restored_label.setObjectName("restored")
        self.restored_label.setWordWrap(True)
        self.restored_label.setStyleSheet("color: palette(placeholder-text);")
        self.restored_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter moves on (keyPressEvent), not save
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.restored_label)
        # The form scrolls on a small screen; height to spare goes under it (scrolling adds
        # the stretch): not into a row, where it would part a message from its field.
        layout.addWidget(scrolling(form), 1)
        layout.addWidget(self.general_message)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        fit_to_screen(self, 680, 820)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Clerks press Enter to go to the next field, not to save a half-typed patent (QDialog
        # would click its default button): Enter moves on, Ctrl+S or the button saves.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def _connect_changes(self) -> None:
        def touch(name: str) -> Any:
            return lambda *_args: self._changed(name)

        for name, edit in (
            ("number", self.number_edit),
            ("title", self.title_edit),
            ("filing_date", self.filing_edit),
            ("grant_date", self.grant_edit),
            ("expiry_override", self.override_edit),
            ("expiry_override_note", self.override_note_edit),
            ("annual_fee_paid_until", self.fee_paid_edit),
        ):
            edit.textChanged.connect(touch(name))
        self.inventors_edit.textChanged.connect(touch("inventors"))
        self.patentees_edit.textChanged.connect(touch("patentees"))
        self.remarks_edit.textChanged.connect(touch("remarks"))
        self.kind_combo.currentIndexChanged.connect(touch("kind"))
        self.status_combo.currentIndexChanged.connect(touch("legal_status"))
        self.compensation_spin.valueChanged.connect(touch("term_compensation_days"))
        self.pledged_check.toggled.connect(touch("pledged"))

    def _changed(self, name: str) -> None:
        self._touched.add(name)
        if name == "expiry_override":
            self._touched.add("expiry_override_note")  # the note belongs to the date
        self._validate_timer.start()
        self._draft_timer.start()

    # Payload: the editor's state as plain text, for drafts and comparison ---------------

    def _load_record(self) -> dict[str, Any]:
        if self.patent_id is None:
            return self._empty_payload()
        patent = self.store.patent(self.patent_id)
        if patent is None:
            self.patent_id = None
            return self._empty_payload()
        return {
            "number": patent.number,
            "title": patent.title,
            "kind": patent.entered_kind or "",
            "patentees": "\n".join(patent.patentees),
            "filing_date": _iso(patent.filing_date),
            "grant_date": _iso(patent.grant_date),
            "legal_status": patent.legal_status,
            "term_compensation_days": patent.term_compensation_days or 0,
            "expiry_override": _iso(patent.expiry_override),
            "expiry_override_note": patent.expiry_override_note,
            "remarks": patent.remarks,
            "pledged": bool(getattr(patent, "pledged", False)),
            "inventors": patent.inventors,
            "annual_fee_paid_until": _iso(patent.annual_fee_paid_until),
        }

    @staticmethod
    def _empty_payload() -> dict[str, Any]:
        return {
            "number": "", "title": "", "kind": "", "patentees": "", "filing_date": "",
            "grant_date": "", "legal_status": "valid", "term_compensation_days": 0,
            "expiry_override": "", "expiry_override_note": "", "remarks": "",
            "pledged": False, "inventors": "", "annual_fee_paid_until": "",
        }

    def payload(self) -> dict[str, Any]:
        return {
            "number": self.number_edit.text(),
            "title": self.title_edit.text(),
            "kind": self.kind_combo.currentData() or "",
            "patentees": self.patentees_edit.toPlainText(),
            "filing_date": self.filing_edit.text(),
            "grant_date": self.grant_edit.text(),
            "legal_status": self.status_combo.currentData() or "valid",
            "term_compensation_days": self.compensation_days(),
            "expiry_override": self.override_edit.text(),
            "expiry_override_note": self.override_note_edit.text(),
            "remarks": self.remarks_edit.toPlainText(),
            "pledged": self.pledged_check.isChecked(),
            "inventors": self.inventors_edit.toPlainText(),
            "annual_fee_paid_until": self.fee_paid_edit.text(),
        }

    def _set_payload(self, payload: dict[str, Any]) -> None:
        self.number_edit.setText(str(payload.get("number", "")))
        self.title_edit.setText(str(payload.get("title", "")))
        kind_index = self.kind_combo.findData(payload.get("kind") or None)
        self.kind_combo.setCurrentIndex(max(kind_index, 0))
        self.patentees_edit.setPlainText(str(payload.get("patentees", "")))
        self.filing_edit.setText(str(payload.get("filing_date", "")))
        self.grant_edit.setText(str(payload.get("grant_date", "")))
        status_index = self.status_combo.findData(payload.get("legal_status", "valid"))
        self.status_combo.setCurrentIndex(max(status_index, 0))
        try:
            days = int(payload.get("term_compensation_days") or 0)
        except (TypeError, ValueError):
            days = 0
        # A figure beyond what a spin box holds is kept aside and saved as it is, unless the
        # clerk changes the field; the field's message says so.
        self._days_aside = days if spin_value(days) != days else None
        self.compensation_spin.show_days(days)
        self.override_edit.setText(str(payload.get("expiry_override", "")))
        self.override_note_edit.setText(str(payload.get("expiry_override_note", "")))
        self.remarks_edit.setPlainText(str(payload.get("remarks", "")))
        self.pledged_check.setChecked(bool(payload.get("pledged", False)))
        self.inventors_edit.setPlainText(str(payload.get("inventors", "")))
        self.fee_paid_edit.setText(str(payload.get("annual_fee_paid_until", "")))

    def is_dirty(self) -> bool:
        return self.payload() != self._initial

    def compensation_days(self) -> int:
        """The days in the field (or the stored figure it cannot hold, until changed)."""
        shown = self.compensation_spin.value()
        if self._days_aside is not None and shown == spin_value(self._days_aside):
            return self._days_aside
        return shown

    def patentee_names(self) -> list[str]:
        lines = self.patentees_edit.toPlainText().split("\n")
        while lines and not lines[-1].strip():
            lines.pop()  # a trailing Enter is not an empty patentee
        return [line.strip() for line in lines]

    def fields(self) -> PatentFields:
        from app.models.patent_rules import PatentFields

        return PatentFields(
            number=self.number_edit.text(),
            title=self.title_edit.text(),
            patentees=tuple(self.patentee_names()),
            filing_date=self.filing_edit.date(),
            grant_date=self.grant_edit.date(),
            legal_status=self.status_combo.currentData() or "valid",
            entered_kind=self.kind_combo.currentData() or None,
            term_compensation_days=self.compensation_days() or None,
            expiry_override=self.override_edit.date(),
            expiry_override_note=self.override_note_edit.text(),
            remarks=self.remarks_edit.toPlainText(),
            pledged=self.pledged_check.isChecked(),
        )

    # Checking ---------------------------------------------------------------------------

    def _date_edits(self) -> dict[str, DateField]:
        return {
            "filing_date": self.filing_edit,
            "grant_date": self.grant_edit,
            "expiry_override": self.override_edit,
            "annual_fee_paid_until": self.fee_paid_edit,
        }

    def unreadable_dates(self) -> list[str]:
        return [name for name, edit in self._date_edits().items() if not edit.is_readable()]

    def validate(self) -> list[Finding]:
        """Run the rules on what is typed and show each finding under its field."""
        self._validate_timer.stop()
        self.findings = self.store.check_patent_fields(self.fields(), self.patent_id)
        unreadable = set(self.unreadable_dates())
        by_field: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            if finding.field in unreadable and finding.code.endswith(".required"):
                continue  # "enter the date" would be wrong: something was entered
            target = finding.field if finding.field in self.messages else ""
            by_field[target].append(finding)
        for name, message in self.messages.items():
            if not (self._show_all or name in self._touched):
                message.show_findings([])
                continue
            extra = []
            if name in unreadable:
                text = self._date_edits()[name].text().strip()
                extra.append(
                    self.tr("“%1” is not a date: write it as 2017-07-21.").replace("%1", text)
                )
            if name == "term_compensation_days" and self.compensation_days() != (
                self.compensation_spin.value()
            ):
                extra.append(
                    self.tr("%1 days are stored, more than this field can show; saving keeps "
                            "them unless you change the field.")
                    .replace("%1", str(self.compensation_days()))
                )
            message.show_findings(by_field.get(name, []), extra)
        self.general_message.show_findings(by_field.get("", []) if self._show_all else [])
        self._update_derived()
        return self.findings

    def _update_derived(self) -> None:
        """The type and expiry that follow from the number and dates."""
        language = i18n.language()
        number = parse(self.number_edit.text())
        kind = number.kind
        if number.number is not None:
            self.number_hint.setText(
                self.tr("Official notation: %1").replace("%1", number.number.official)
            )
        else:
            self.number_hint.setText("")
        self.number_hint.setVisible(bool(self.number_hint.text()))
        if kind is not None:
            from_number = self.tr("From the number: %1").replace(
                "%1", label(KIND_LABELS, kind.value, language)
            )
        else:
            from_number = self.tr("From the number")
        self.kind_combo.setItemText(0, from_number)
        entered = self.kind_combo.currentData()
        if kind is None and entered:
            kind = PatentKind(entered)

        # As the rules count it: a figure flagged on its field (negative, over ten years) adds
        # nothing.
        days = usable_compensation(self.compensation_days())
        expiry = patent_expiry(kind, self.filing_edit.date(), days, self.override_edit.date())
        if expiry is None:
            text = self.tr("Computed from the number and the filing date once both are entered.")
        elif expiry.overridden:
            text = self.tr("Expiry %1 (entered by hand)").replace("%1", expiry.date.isoformat())
        elif days:
            text = (
                self.tr("Expiry %1 (computed from the filing date, with %2 days' compensation)")
                .replace("%1", expiry.date.isoformat())
                .replace("%2", str(days))
            )
        else:
            text = self.tr("Expiry %1 (computed from the filing date)").replace(
                "%1", expiry.date.isoformat()
            )
        self.expiry_label.setText(text)

    def _update_title(self) -> None:
        number = self.number_edit.text().strip()
        if self.patent_id is None:
            title = self.tr("New patent")
        else:
            title = self.tr("Patent %1").replace("%1", number)
        self.setWindowTitle(title)

    # Drafts -----------------------------------------------------------------------------

    def autosave(self) -> None:
        """Keep what is typed in the database; nothing typed is lost if the program dies."""
        self._draft_timer.stop()
        if self.is_dirty():
            self.store.save_draft(ENTITY, self._draft_key,
                                  self.guard.draft_payload(self.payload()))
        else:
            self.store.discard_draft(ENTITY, self._draft_key)

    # Saving and closing -----------------------------------------------------------------

    def save(self) -> bool:
        unreadable = self.unreadable_dates()
        if unreadable:
            names = "、".join(field_label(name, i18n.language()) for name in unreadable)
            if not interaction.confirm(
                self,
                self.tr("Save patent"),
                self.tr("%1: what is typed is not a date and will be saved empty. Save anyway?")
                .replace("%1", names),
            ):
                return False
        from app.usecases.save_effects import patent_save_effects

        effects = patent_save_effects(self.store, self.patent_id, self.fields())
        if effects:
            language = i18n.language()
            if not interaction.confirm(
                self,
                self.tr("Save patent"),
                self.tr("Saving this patent will have these effects. Save anyway?"),
                "\n".join(describe(effect, language) for effect in effects),
            ):
                return False
        told = {effect.code for effect in effects}
        result = self.store.save_patent(self.fields(), self.patent_id,
                                        expected_version=self.guard.expected_version())
        if not result.saved:
            handled = self.guard.refused(result.findings)
            if handled is not None:
                return handled
            self._show_all = True
            self.validate()
            duplicates = [f for f in result.findings if f.code == "number.duplicate"]
            self.messages["number"].show_findings(duplicates)
            self.number_edit.setFocus()
            return False
        self._draft_timer.stop()
        self.store.discard_draft(ENTITY, self._draft_key)
        assert result.record_id is not None
        self.patent_id = result.record_id
        from app.models.contracts import inventor_names
        from app.usecases.contracts import PatentParticulars, save_patent_particulars

        saved = self.store.patent(result.record_id)
        if saved is not None:
            save_patent_particulars(self.store, saved.number, PatentParticulars(
                tuple(inventor_names(self.inventors_edit.toPlainText())),
                self.fee_paid_edit.date()))
        self._initial = self.payload()
        self.guard.saved(result.record_id)
        self.saved.emit(result.record_id)
        notices = [n for n in getattr(result, "notices", None) or [] if n.code not in told]
        if notices:
            # e.g. a finalised offer returned to draft by this change: say what it invalidated.
            language = i18n.language()
            interaction.inform(
                self,
                self.tr("Patent saved"),
                "\n".join(describe(notice, language) for notice in notices),
            )
        super().accept()
        return True

    def accept(self) -> None:
        self.save()

    def discard(self) -> None:
        self._draft_timer.stop()
        self._validate_timer.stop()
        self.store.discard_draft(ENTITY, self._draft_key)
        super().reject()

    def reject(self) -> None:
        """Cancel, Esc and the close button: ask before throwing typed work away."""
        if not self.is_dirty():
            self.discard()
            return
        choice = interaction.save_discard_cancel(
            self,
            self.tr("Unsaved changes"),
            self.tr("This patent has changes that are not saved. Save them?"),
        )
        if choice is interaction.Choice.SAVE:
            self.save()
        elif choice is interaction.Choice.DISCARD:
            self.discard()


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""
