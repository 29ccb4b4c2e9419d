"""Attach the scan of the stamped paper to a generated document (or remove it).

The clerk picks one PDF, or JPG/PNG pages in the order they belong (up/down to fix it). The
copy, the image-to-PDF conversion and the offer's state change all happen in
app.submit.sealing, run off the UI thread because a stack of 300 dpi photos takes a while.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.messages import label
from app.submit.presets import DOCUMENT_KIND_LABELS
from app.submit.records import SubmissionRecords
from app.submit.sealing import SealResult, attach_sealed_copy, remove_sealed_copy
from app.ui import i18n, interaction
from app.ui.field_message import FieldMessage
from app.ui.operations import Operation, failure_text, run_operation
from app.ui.screen_fit import fit_to_screen
from app.ui.settings import Preferences
from app.usecases.files import sealed_copy_path

if TYPE_CHECKING:
    from app.models.store import Store

# (parent, caption, name filter) → the chosen paths: QFileDialog by default, a lambda in tests.
FileChooser = Callable[[QWidget, str, str], Sequence[str]]

SCANS_FOLDER = "scans"


def choose_files(parent: QWidget, caption: str, name_filter: str) -> list[str]:
    preferences = Preferences()
    paths, _chosen = QFileDialog.getOpenFileNames(
        parent, caption, preferences.last_folder(SCANS_FOLDER), name_filter)
    if paths:
        preferences.set_last_folder(SCANS_FOLDER, Path(paths[0]).parent)
    return list(paths)


def local_time(moment: dt.datetime | None) -> str:
    """A time the database keeps in UTC, as the clerk's clock shows it."""
    if moment is None:
        return ""
    return moment.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def open_file(path: Path) -> None:
    interaction.open_path(str(path))  # says so, with the path, where nothing opens it


def kind_label(kind: str) -> str:
    """A document kind in the interface language (信息表, declaration, …)."""
    return label(DOCUMENT_KIND_LABELS, kind, i18n.language())


class SealedCopyDialog(QDialog):
    """One generated document: its sealed copy, attach a new one, or remove it."""

    changed = Signal(int)  # the document id, after attaching or removing

    def __init__(self, store: Store, document_id: int, parent: QWidget | None = None,
                 chooser: FileChooser | None = None,
                 opener: Callable[[Path], None] | None = None) -> None:
        super().__init__(parent)
        self.records = SubmissionRecords(store.database)
        self.store = store
        self.document_id = document_id
        self.chooser = chooser or choose_files
        self.opener = opener or open_file
        self.sealed_path: Path | None = None
        self.operation: Operation | None = None
        self.outcome: SealResult | None = None
        self.setObjectName("sealed_copy")
        self.setWindowTitle(self.tr("Sealed copy"))
        fit_to_screen(self, 640, 460)

        self.document_label = QLabel()
        self.document_label.setObjectName("document")
        self.document_label.setWordWrap(True)
        self.state_label = QLabel()
        self.state_label.setObjectName("state")
        self.state_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("open")
        self.open_button.setToolTip(self.tr("Look at the attached scan"))
        self.open_button.clicked.connect(self.open_sealed_copy)
        state_row = QHBoxLayout()
        state_row.addWidget(self.state_label, 1)
        state_row.addWidget(self.open_button)
        form = QFormLayout()
        form.addRow(self.tr("Document"), self.document_label)
        form.addRow(self.tr("Sealed copy"), state_row)

        hint = QLabel(self.tr(
            "Choose the scan of the stamped pages: one PDF, or JPG/PNG images, one per page, "
            "in page order."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")

        self.files = QListWidget()
        self.files.setObjectName("files")
        self.files.currentRowChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.setObjectName("add")
        self.add_button.clicked.connect(self.add_files)
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.setObjectName("up")
        self.up_button.clicked.connect(lambda: self.move_file(-1))
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.setObjectName("down")
        self.down_button.clicked.connect(lambda: self.move_file(1))
        self.remove_file_button = QPushButton(self.tr("Take out"))
        self.remove_file_button.setObjectName("take_out")
        self.remove_file_button.clicked.connect(self.take_out)
        side = QVBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button,
                       self.remove_file_button):
            side.addWidget(button)
        side.addStretch(1)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_row.addLayout(side)

        self.message = FieldMessage(self.files)
        self.message.setObjectName("message")

        self.attach_button = QPushButton(self.tr("Attach"))
        self.attach_button.setObjectName("attach")
        self.attach_button.setDefault(True)
        self.attach_button.clicked.connect(self.attach)
        self.remove_button = QPushButton(self.tr("Remove sealed copy…"))
        self.remove_button.setObjectName("remove")
        self.remove_button.clicked.connect(self.remove)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(files_row, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.refresh()

    # Showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        document = self.records.document(self.document_id)
        self.sealed_path = None
        if document is None:
            self.document_label.setText(self.tr("This document is no longer in the register."))
            self.state_label.clear()
        else:
            subject = f"{document.subject} " if document.subject else ""
            self.document_label.setText(f"{subject}{kind_label(document.kind)}")
            self.document_label.setToolTip(document.path)
            if document.sealed_path:
                self.sealed_path = Path(document.sealed_path)
                opened = sealed_copy_path(self.store, document.id)  # from the database
                if isinstance(opened, Path):
                    self.sealed_path = opened
                self.state_label.setText(self.tr("Attached on %1").replace(
                    "%1", local_time(document.sealed_at)))
                self.state_label.setToolTip(str(self.sealed_path))
            else:
                self.state_label.setText(self.tr("None yet"))
                self.state_label.setToolTip("")
        self.sealed = self.sealed_path is not None
        self._update_buttons()

    def paths(self) -> list[Path]:
        role = Qt.ItemDataRole.UserRole
        return [Path(self.files.item(i).data(role)) for i in range(self.files.count())]

    def _update_buttons(self, *_args: object) -> None:
        busy = self.operation is not None and not self.operation.done
        row = self.files.currentRow()
        self.up_button.setEnabled(not busy and row > 0)
        self.down_button.setEnabled(not busy and 0 <= row < self.files.count() - 1)
        self.remove_file_button.setEnabled(not busy and row >= 0)
        self.add_button.setEnabled(not busy)
        self.attach_button.setEnabled(not busy and self.files.count() > 0)
        self.remove_button.setEnabled(not busy and self.sealed)
        self.open_button.setEnabled(self.sealed)

    # Choosing ---------------------------------------------------------------------------

    def add_files(self) -> None:
        chosen = self.chooser(self, self.tr("Choose the scan"),
                              self.tr("Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)"))
        self.add_paths(Path(p) for p in chosen)

    def add_paths(self, paths: Iterable[Path]) -> None:
        for path in paths:
            item = QListWidgetItem(path.name)
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.files.addItem(item)
        self.files.setCurrentRow(self.files.count() - 1)
        self.message.show_text("", "")
        self._update_buttons()

    def move_file(self, step: int) -> None:
        row = self.files.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.files.count():
            return
        item = self.files.takeItem(row)
        self.files.insertItem(target, item)
        self.files.setCurrentRow(target)

    def take_out(self) -> None:
        row = self.files.currentRow()
        if row >= 0:
            self.files.takeItem(row)
        self._update_buttons()

    def open_sealed_copy(self) -> None:
        if self.sealed_path is not None:
            self.opener(self.sealed_path)

    # Attaching and removing -------------------------------------------------------------

    def attach(self) -> None:
        scans = self.paths()
        records, document_id = self.records, self.document_id
        self.message.show_text(self.tr("Attaching…"), "")
        self.operation = run_operation(
            self, self.tr("Attaching the sealed copy"),
            lambda _progress, _cancelled: attach_sealed_copy(records, document_id, scans),
            self._attached, self._failed,
        )
        self._update_buttons()

    def _attached(self, result: SealResult) -> None:
        self.outcome = result
        if result.attached:
            self.files.clear()
            done = self.tr("Sealed copy attached.")
            if result.offer_state == "sealed":
                done += " " + self.tr("Both documents of the offer are now sealed.")
            notices = list(result.findings)
            self.message.show_findings(notices, ())
            if not notices:
                self.message.show_text(done, "")
                self.message.setStyleSheet("color: #1b5e20;")
            self.changed.emit(self.document_id)
        else:
            self.message.show_findings(result.findings)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.message.show_text(self.tr("Attaching failed: %1").replace("%1", failure_text(error)),
                               "error")
        self._update_buttons()

    def remove(self) -> None:
        if not interaction.confirm(
            self, self.tr("Remove sealed copy"),
            self.tr("Remove the sealed copy from this document?"),
            self.tr("The generated PDF is sent again until a new scan is attached. The scan "
                    "file itself is kept, since a sent package may refer to it."),
        ):
            return
        self.outcome = remove_sealed_copy(self.records, self.document_id)
        self.message.show_findings(self.outcome.findings)
        if not self.outcome.findings:
            self.message.show_text(self.tr("Sealed copy removed."), "")
        self.changed.emit(self.document_id)
        self.refresh()

    def done(self, result: int) -> None:
        # Closing while attaching would end the worker thread under the running copy: close
        # once it has finished instead (each attach is one transaction, nothing is lost).
        if self.operation is not None and not self.operation.done:
            self.operation.finished.connect(lambda: super(SealedCopyDialog, self).done(result))
            return
        super().done(result)


def attach_sealed_copy_dialog(parent: QWidget | None, store: Store, document_id: int,
                              chooser: FileChooser | None = None) -> SealedCopyDialog:
    """Open the dialog for one generated document (the register and the package window)."""
    dialog = SealedCopyDialog(store, document_id, parent, chooser)
    dialog.show()
    return dialog
