"""Send targets: where each set of documents goes, editable because the addresses, subjects
and deadlines change with every year's notice. A shipped target can be put back as shipped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.models.findings import Finding
from app.submit.presets import DEFAULT_TARGETS, DocumentKind
from app.submit.records import SubmissionRecords
from app.submit.targets import TargetData
from app.ui import interaction
from app.ui.field_message import FIELD_STYLE, FieldMessage, with_message
from app.ui.screen_fit import fit_to_screen
from app.ui.sealed_copy_dialog import kind_label

if TYPE_CHECKING:
    from app.models.store import Store

PRESET_KEYS = frozenset(p.key for p in DEFAULT_TARGETS)
PLACEHOLDERS = "{unit} {office} {date} {count} {mail_count} {files} {part_note} {contact} {phone}"


class TargetsDialog(QDialog):
    targets_changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = SubmissionRecords(store.database)
        self.current: TargetData | None = None
        self.setObjectName("targets")
        self.setWindowTitle(self.tr("Send targets"))
        self.setStyleSheet(FIELD_STYLE)
        fit_to_screen(self, 960, 720)

        self.list = QListWidget()
        self.list.setObjectName("target_list")
        self.list.currentItemChanged.connect(self._current_changed)
        self.new_button = QPushButton(self.tr("New target"))
        self.new_button.setObjectName("new")
        self.new_button.clicked.connect(self.new_target)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("delete")
        self.delete_button.clicked.connect(self.delete_target)
        self.restore_button = QPushButton(self.tr("Restore as shipped…"))
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.restore_default)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        left.addWidget(self.restore_button)
        left.addWidget(self.delete_button)

        self.messages: dict[str, FieldMessage] = {}
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.office_edit = QLineEdit()
        self.office_edit.setObjectName("office")
        self.recipients_edit = QPlainTextEdit()
        self.recipients_edit.setObjectName("recipients")
        self.recipients_edit.setPlaceholderText(self.tr("One address per line"))
        self.recipients_edit.setFixedHeight(60)
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("subject_template")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setObjectName("body_template")
        self.body_edit.setMinimumHeight(200)
        placeholders = QLabel(self.tr("Placeholders: %1").replace("%1", PLACEHOLDERS))
        placeholders.setWordWrap(True)
        placeholders.setStyleSheet("color: palette(placeholder-text);")

        kinds_box = QWidget()
        kinds_box.setObjectName("document_kinds")
        kinds_grid = QGridLayout(kinds_box)
        kinds_grid.setContentsMargins(0, 0, 0, 0)
        self.kind_checks: dict[str, QCheckBox] = {}
        for index, kind in enumerate(DocumentKind):
            check = QCheckBox(kind_label(kind))
            check.setObjectName(f"kind.{kind.value}")
            self.kind_checks[kind.value] = check
            kinds_grid.addWidget(check, index // 2, index % 2)

        self.file_types_edit = QLineEdit()
        self.file_types_edit.setObjectName("file_types")
        self.file_types_edit.setPlaceholderText(self.tr("e.g. pdf, xlsx"))
        self.size_spin = QDoubleSpinBox()
        self.size_spin.setObjectName("size_limit")
        self.size_spin.setRange(0.0, 200.0)
        self.size_spin.setDecimals(1)
        self.size_spin.setSuffix(" MB")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("note")
        self.note_edit.setFixedHeight(50)

        form.addRow(self.tr("Name"), self._with_message("name", self.name_edit))
        form.addRow(self.tr("Office"), self.office_edit)
        form.addRow(self.tr("Recipients"), self._with_message("recipients", self.recipients_edit))
        form.addRow(self.tr("Subject"), self.subject_edit)
        form.addRow(self.tr("Mail text"), self.body_edit)
        form.addRow("", placeholders)
        form.addRow(self.tr("Documents"), self._with_message("document_kinds", kinds_box))
        form.addRow(self.tr("File types"), self.file_types_edit)
        form.addRow(self.tr("Mail size limit"), self._with_message("size_limit", self.size_spin))
        form.addRow(self.tr("Note"), self.note_edit)
        self.general_message = FieldMessage()
        self.general_message.setObjectName("general_message")

        sheet = QWidget()
        sheet_layout = QVBoxLayout(sheet)
        sheet_layout.addLayout(form)
        sheet_layout.addWidget(self.general_message)
        sheet_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(sheet)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addLayout(buttons)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 4)
        self.reload()

    def _with_message(self, name: str, widget: QWidget) -> QWidget:
        box, self.messages[name] = with_message(widget)
        return box

    # Loading ----------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        targets = self.records.targets()
        for target in targets:
            item = QListWidgetItem(target.name or self.tr("(no name)"))
            item.setToolTip(target.office)
            item.setData(Qt.ItemDataRole.UserRole, target.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [t.id for t in targets]
        wanted = select if select in ids else (ids[0] if ids else None)
        if wanted is not None:
            self.list.setCurrentRow(ids.index(wanted))
            self._current_changed(self.list.currentItem(), None)

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        target = self.records.target(int(current.data(Qt.ItemDataRole.UserRole)))
        if target is not None:
            self.show_target(target)

    def show_target(self, target: TargetData) -> None:
        self.current = target
        self.name_edit.setText(target.name)
        self.office_edit.setText(target.office)
        self.recipients_edit.setPlainText("\n".join(target.recipients))
        self.subject_edit.setText(target.subject_template)
        self.body_edit.setPlainText(target.body_template)
        for kind, check in self.kind_checks.items():
            check.setChecked(kind in target.document_kinds)
        self.file_types_edit.setText(", ".join(target.file_types))
        self.size_spin.setValue(target.size_limit / 1_000_000)
        self.note_edit.setPlainText(target.note)
        shipped = target.key in PRESET_KEYS
        self.restore_button.setEnabled(shipped and target.id is not None)
        self.delete_button.setEnabled(not shipped and target.id is not None)
        self.status.clear()
        self._show_findings([])

    # Editing ----------------------------------------------------------------------------

    def target(self) -> TargetData:
        """What the form says, on top of the target shown (file-name rules are kept)."""
        base = self.current or TargetData(key=self._new_key(), name="")
        recipients = tuple(line.strip() for line in
                           self.recipients_edit.toPlainText().replace(";", "\n").splitlines()
                           if line.strip())
        file_types = tuple(t.strip().lower().lstrip(".") for t in
                           self.file_types_edit.text().replace("，", ",").split(",") if t.strip())
        return TargetData(
            key=base.key, name=self.name_edit.text(), office=self.office_edit.text(),
            recipients=recipients, subject_template=self.subject_edit.text(),
            body_template=self.body_edit.toPlainText(),
            document_kinds=tuple(k for k, c in self.kind_checks.items() if c.isChecked()),
            file_types=file_types, file_names=dict(base.file_names),
            size_limit=round(self.size_spin.value() * 1_000_000),
            note=self.note_edit.toPlainText(), id=base.id,
        )

    def _new_key(self) -> str:
        keys = {t.key for t in self.records.targets()}
        n = 1
        while f"custom-{n}" in keys:
            n += 1
        return f"custom-{n}"

    def new_target(self) -> None:
        self.list.setCurrentItem(None)
        self.show_target(TargetData(key=self._new_key(), name=""))
        self.name_edit.setFocus()

    def _show_findings(self, findings: list[Finding]) -> None:
        shown = set(self.messages)
        for name, message in self.messages.items():
            message.show_findings([f for f in findings if f.field == name])
        self.general_message.show_findings([f for f in findings if f.field not in shown])

    def save(self) -> bool:
        saved = self.records.save_target(self.target())
        if not saved.saved:
            self._show_findings(list(saved.findings))
            return False
        self.reload(select=saved.record_id)
        self._show_findings(list(saved.findings))
        self.status.setText(self.tr("Saved; correct the marked fields before sending.")
                            if saved.findings else self.tr("Saved."))
        self.targets_changed.emit()
        return True

    def restore_default(self) -> None:
        if self.current is None or self.current.key not in PRESET_KEYS:
            return
        if not interaction.confirm(
            self, self.tr("Restore target"),
            self.tr("Put %1 back as shipped?").replace("%1", self.current.name),
            self.tr("Your changes to its addresses and texts are lost."),
        ):
            return
        saved = self.records.restore_default_target(self.current.key)
        self.reload(select=saved.record_id)
        self._show_findings(list(saved.findings))
        self.status.setText(self.tr("Restored as shipped."))
        self.targets_changed.emit()

    def delete_target(self) -> None:
        if self.current is None or self.current.id is None or self.current.key in PRESET_KEYS:
            return
        if not interaction.confirm(
            self, self.tr("Delete target"),
            self.tr("Delete the target %1?").replace("%1", self.current.name),
            self.tr("Packages already built for it keep their record."),
        ):
            return
        self.records.delete_target(self.current.id)
        self.current = None
        self.reload()
        self.targets_changed.emit()


def open_targets(parent: QWidget | None, store: Store) -> TargetsDialog:
    dialog = TargetsDialog(store, parent)
    dialog.show()
    return dialog
