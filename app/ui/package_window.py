"""Build a submission package: which target, which generated documents, check, build.

The documents listed are the latest generated ones of the kinds the target receives, each
with its state (app.usecases.submission.package_documents): current or out of date, sealed
(scan attached) or not — an unsealed one goes only when the clerk ticks "send unsealed".
"Check" shows every problem at once without writing anything; "Build" writes the folder,
zip, manifests and .eml drafts on a worker thread, then records the package and, with an
account chosen, queues its mails in the outbox (app.usecases.submission).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.export.offer_documents import Freshness
from app.messages import describe
from app.models.findings import Finding, Severity, has_errors
from app.submit.accounts import AccountData
from app.submit.package import BuiltPackage, PackageItem
from app.submit.records import SubmissionRecords
from app.submit.targets import TargetData
from app.ui import i18n, interaction
from app.ui.date_input import DateField
from app.ui.field_message import ERROR_COLOUR, WARNING_COLOUR
from app.ui.operations import Operation, failure_text, run_operation
from app.ui.screen_fit import fit_to_screen
from app.ui.sealed_copy_dialog import attach_sealed_copy_dialog, kind_label
from app.ui.settings import Preferences
from app.usecases.submission import (
    DocumentRow,
    PackageContents,
    build_and_record_package,
    check_package,
    package_documents,
    ticked_contents,
)

if TYPE_CHECKING:
    from app.models.store import Store

PACKAGES_FOLDER = "packages"
COLUMNS = ("include", "document", "title", "state", "sealed", "unsealed")

# (parent, caption, start folder) → the chosen folder or "": QFileDialog, a lambda in tests.
FolderChooser = Callable[[QWidget, str, str], str]


def choose_folder(parent: QWidget, caption: str, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, caption, start)


def open_in_file_manager(folder: Path) -> None:
    interaction.open_path(str(folder))  # says so, with the path, where nothing opens it


# The window -------------------------------------------------------------------------------


class PackageWindow(QDialog):
    package_built = Signal(int)  # the package id

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        patent_ids: Sequence[int] = (),
        *,
        folder_chooser: FolderChooser | None = None,
        open_folder: Callable[[Path], None] | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.records = SubmissionRecords(store.database)
        self.patent_ids = set(patent_ids)
        self.folder_chooser = folder_chooser or choose_folder
        self.open_folder = open_folder or open_in_file_manager
        self.preferences = Preferences()
        self.rows: list[DocumentRow] = []
        self.findings: list[Finding] = []
        self.built: BuiltPackage | None = None
        self.package_id: int | None = None
        self.operation: Operation | None = None
        self._close_when_done = False
        self.setObjectName("package_window")
        self.setWindowTitle(self.tr("Build a submission package"))
        fit_to_screen(self, 1120, 760)

        # Where it goes, and from which account.
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("target")
        self.target_combo.currentIndexChanged.connect(self._target_changed)
        targets_button = QPushButton(self.tr("Targets…"))
        targets_button.setObjectName("edit_targets")
        targets_button.clicked.connect(self._edit_targets)
        self.account_combo = QComboBox()
        self.account_combo.setObjectName("account")
        accounts_button = QPushButton(self.tr("Accounts…"))
        accounts_button.setObjectName("edit_accounts")
        accounts_button.clicked.connect(self._edit_accounts)
        self.target_note = QLabel()
        self.target_note.setObjectName("target_note")
        self.target_note.setWordWrap(True)
        self.target_note.setStyleSheet("color: palette(placeholder-text);")

        target_row = QHBoxLayout()
        target_row.addWidget(self.target_combo, 1)
        target_row.addWidget(targets_button)
        target_column = QVBoxLayout()
        target_column.setSpacing(2)
        target_column.addLayout(target_row)
        target_column.addWidget(self.target_note)
        account_row = QHBoxLayout()
        account_row.addWidget(self.account_combo, 1)
        account_row.addWidget(accounts_button)
        top = QFormLayout()
        top.addRow(self.tr("Send to"), target_column)
        top.addRow(self.tr("Send from"), account_row)

        # The documents.
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("documents")
        self.table.setHorizontalHeaderLabels([
            self.tr("Send"), self.tr("Document"), self.tr("Title"), self.tr("State"),
            self.tr("Sealed copy"), self.tr("Send unsealed"),
        ])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.attach_sealed_copy())
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty")
        self.empty_label.setWordWrap(True)

        self.seal_button = QPushButton(self.tr("Attach sealed copy…"))
        self.seal_button.setObjectName("attach_sealed")
        self.seal_button.clicked.connect(self.attach_sealed_copy)
        all_button = QPushButton(self.tr("Select all"))
        all_button.clicked.connect(lambda: self.set_all_included(True))
        none_button = QPushButton(self.tr("Select none"))
        none_button.clicked.connect(lambda: self.set_all_included(False))
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        table_buttons = QHBoxLayout()
        table_buttons.addWidget(self.seal_button)
        table_buttons.addWidget(all_button)
        table_buttons.addWidget(none_button)
        # A centre university's Henan package needs its ops-centre table unless not needed.
        self.ops_not_needed = QCheckBox(self.tr("Ops-centre table not needed this time"))
        self.ops_not_needed.setObjectName("ops_not_needed")
        self.ops_not_needed.setToolTip(self.tr(
            "For a university on the notice's list of operations-centre universities (附件 2): "
            "build the Henan package without the 运营管理中心建设工作总结表."))
        table_buttons.addWidget(self.ops_not_needed)
        table_buttons.addStretch(1)
        table_buttons.addWidget(self.count_label)

        # Where the package is written, and its date.
        self.folder_edit = QLineEdit(self.preferences.last_folder(PACKAGES_FOLDER))
        self.folder_edit.setObjectName("folder")
        folder_button = QPushButton(self.tr("Choose…"))
        folder_button.setObjectName("choose_folder")
        folder_button.clicked.connect(self.choose_output_folder)
        self.date_edit = DateField()
        self.date_edit.setObjectName("date")
        self.date_edit.set_date(today or dt.date.today())
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(folder_button)
        output = QFormLayout()
        output.addRow(self.tr("Write into"), folder_row)
        output.addRow(self.tr("Package date"), self.date_edit)

        documents = QWidget()
        documents_layout = QVBoxLayout(documents)
        documents_layout.setContentsMargins(0, 0, 0, 0)
        documents_layout.addWidget(self.table, 1)
        documents_layout.addWidget(self.empty_label)
        documents_layout.addLayout(table_buttons)
        documents_layout.addLayout(output)

        # What the check and the build found.
        self.result_label = QLabel(self.tr(
            "Choose the documents, then Check: every problem is listed here before anything "
            "is written."))
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.setObjectName("open_folder")
        self.open_folder_button.clicked.connect(self._open_built_folder)
        self.open_folder_button.hide()
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignTop)
        self.findings_list = QListWidget()
        self.findings_list.setObjectName("findings")
        self.findings_list.setWordWrap(True)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addLayout(result_row)
        results_layout.addWidget(self.findings_list, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(documents)
        splitter.addWidget(results)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 200])

        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("check")
        self.check_button.setToolTip(self.tr("List every problem without writing anything."))
        self.check_button.clicked.connect(self.check)
        self.build_button = QPushButton(self.tr("Build package"))
        self.build_button.setObjectName("build")
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.build_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self._filling = False
        self.reload_targets()
        self.reload_accounts()

    # Targets and accounts ---------------------------------------------------------------

    def reload_targets(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.target_combo.currentData()
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        self.targets = self.records.targets()
        for target in self.targets:
            self.target_combo.addItem(target.name, target.id)
        index = self.target_combo.findData(keep) if keep is not None else 0
        self.target_combo.setCurrentIndex(max(0, index))
        self.target_combo.blockSignals(False)
        self._target_changed()

    def reload_accounts(self) -> None:
        keep = self.account_combo.currentData()
        self.account_combo.clear()
        for account in self.records.accounts():
            self.account_combo.addItem(f"{account.name} <{account.sender_address}>", account.id)
        self.account_combo.addItem(self.tr("None yet: keep the mails as drafts"), None)
        index = self.account_combo.findData(keep) if keep is not None else 0
        self.account_combo.setCurrentIndex(max(0, index))

    def target(self) -> TargetData | None:
        target_id = self.target_combo.currentData()
        return next((t for t in self.targets if t.id == target_id), None)

    def account(self) -> AccountData | None:
        account_id = self.account_combo.currentData()
        return self.records.account(int(account_id)) if account_id is not None else None

    def select_target(self, key: str) -> None:
        target = next((t for t in self.targets if t.key == key), None)
        if target is not None:
            self.target_combo.setCurrentIndex(self.target_combo.findData(target.id))

    def _target_changed(self, *_args: object) -> None:
        target = self.target()
        if target is None:
            self.target_note.clear()
        else:
            to = "、".join(target.recipients) or self.tr("(no recipient)")
            note = f"{target.office} <{to}>"
            if target.note:
                note += "\n" + target.note
            self.target_note.setText(note)
        self.reload_documents()

    def _edit_targets(self) -> None:
        from app.ui.targets_dialog import TargetsDialog

        dialog = TargetsDialog(self.store, self)
        dialog.exec()
        self.reload_targets()

    def _edit_accounts(self) -> None:
        from app.ui.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.store, self)
        dialog.exec()
        self.reload_accounts()

    # Documents --------------------------------------------------------------------------

    def reload_documents(self) -> None:
        """List the documents again (after a target change or a sealed copy), keeping the
        clerk's ticks."""
        included = {r.document_id: c for r, c in zip(self.rows, self._ticks(0), strict=False)}
        unsealed = {r.document_id: c for r, c in zip(self.rows, self._ticks(5), strict=False)}
        target = self.target()
        self.rows = package_documents(self.store, target) if target is not None else []
        self._filling = True
        self.table.setRowCount(len(self.rows))
        for row, document in enumerate(self.rows):
            default = document.current and (
                not self.patent_ids or document.patent_id is None
                or document.patent_id in self.patent_ids)
            self._fill_row(row, document, included.get(document.document_id, default),
                           unsealed.get(document.document_id, False))
        self._filling = False
        if target is not None and not self.rows:
            kinds = "、".join(kind_label(k) for k in target.document_kinds)
            self.empty_label.setText(self.tr(
                "No generated documents of the kinds %1 receives (%2) yet: generate the PDFs "
                "first.").replace("%1", target.name).replace("%2", kinds))
        self.empty_label.setVisible(not self.rows)
        self._update_buttons()

    def _fill_row(self, row: int, document: DocumentRow, included: bool,
                  unsealed: bool) -> None:
        include = QTableWidgetItem()
        include.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                         | Qt.ItemFlag.ItemIsSelectable)
        include.setCheckState(Qt.CheckState.Checked if included else Qt.CheckState.Unchecked)
        name = f"{document.subject} {kind_label(document.kind)}" if document.offer_id \
            else f"{kind_label(document.kind)} {document.subject}".strip()
        document_item = QTableWidgetItem(name)
        document_item.setToolTip(document.file_name)
        title = QTableWidgetItem(document.title)
        title.setToolTip(document.title)
        state = QTableWidgetItem(self._state_text(document))
        if not document.current:
            state.setForeground(QBrush(QColor(ERROR_COLOUR)))
        sealed = QTableWidgetItem(self.tr("Sealed") if document.sealed else self.tr("Not sealed"))
        if not document.sealed:
            sealed.setForeground(QBrush(QColor(WARNING_COLOUR)))
        confirm = QTableWidgetItem()
        if document.sealed:
            confirm.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            confirm.setText("—")
        else:
            confirm.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                             | Qt.ItemFlag.ItemIsSelectable)
            confirm.setCheckState(Qt.CheckState.Checked if unsealed else Qt.CheckState.Unchecked)
        for column, item in enumerate((include, document_item, title, state, sealed, confirm)):
            if column not in (0, 5):
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, column, item)

    def _state_text(self, document: DocumentRow) -> str:
        if document.offer_draft:
            return self.tr("Out of date: the sheet is being edited (not finalised)")
        return {
            Freshness.CURRENT: self.tr("Current"),
            Freshness.DATA_CHANGED: self.tr("Out of date: the data changed since it was "
                                            "generated"),
            Freshness.FILE_MISSING: self.tr("File missing: generate it again"),
            Freshness.FILE_CHANGED: self.tr("File changed since it was generated"),
            Freshness.NONE: self.tr("Not generated"),
        }[document.freshness]

    def _ticks(self, column: int) -> list[bool]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, column)
            out.append(item is not None and item.checkState() == Qt.CheckState.Checked)
        return out

    def row_of(self, document_id: int) -> int:
        return next(i for i, r in enumerate(self.rows) if r.document_id == document_id)

    def set_included(self, document_id: int, included: bool) -> None:
        self._cell(document_id, 0).setCheckState(
            Qt.CheckState.Checked if included else Qt.CheckState.Unchecked)

    def set_unsealed_confirmed(self, document_id: int, confirmed: bool) -> None:
        self._cell(document_id, 5).setCheckState(
            Qt.CheckState.Checked if confirmed else Qt.CheckState.Unchecked)

    def _cell(self, document_id: int, column: int) -> QTableWidgetItem:
        item = self.table.item(self.row_of(document_id), column)
        assert item is not None  # _fill_row makes every cell
        return item

    def set_all_included(self, included: bool) -> None:
        for document in self.rows:
            self.set_included(document.document_id, included)

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._filling:
            self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.operation is not None and not self.operation.done
        chosen = sum(self._ticks(0))
        self.count_label.setText(self.tr("%1 of %2 documents chosen")
                                 .replace("%1", str(chosen)).replace("%2", str(len(self.rows))))
        self.seal_button.setEnabled(not busy and bool(self.table.selectedItems()))
        self.check_button.setEnabled(not busy)
        self.build_button.setEnabled(not busy)

    def attach_sealed_copy(self) -> None:
        selected = self.table.selectedItems()
        if not selected:
            return
        document = self.rows[selected[0].row()]
        dialog = attach_sealed_copy_dialog(self, self.store, document.document_id)
        dialog.changed.connect(lambda _id: self.reload_documents())

    # Checking and building --------------------------------------------------------------

    def chosen(self) -> list[tuple[DocumentRow, bool]]:
        """(document, send unsealed) of every ticked row, in the listed order."""
        unsealed = self._ticks(5)
        return [(r, unsealed[i]) for i, (r, ticked) in enumerate(zip(self.rows, self._ticks(0),
                                                                     strict=True)) if ticked]

    def contents(self) -> PackageContents:
        """The ticked documents as package items, with the rows the check compares."""
        return ticked_contents(self.store, self.chosen(), self.records)

    def items(self) -> list[PackageItem]:
        return self.contents().items

    def _ops_centre_findings(self, target: Any) -> list[Finding]:
        from app.usecases.ops_centre import henan_package_requirement

        return henan_package_requirement(self.store, target.document_kinds,
                                         not_needed=self.ops_not_needed.isChecked()).findings

    def check(self) -> list[Finding]:
        """Every problem that would stop the package, shown; nothing is written."""
        target = self.target()
        if target is None:
            return []
        findings = [*check_package(self.store, target, self.contents()),
                    *self._ops_centre_findings(target)]
        self.show_findings(findings, checked=True)
        return findings

    def show_findings(self, findings: Sequence[Finding], *, checked: bool = False) -> None:
        self.findings = list(findings)
        self.findings_list.clear()
        language = i18n.language()
        for finding in findings:
            item = QListWidgetItem(describe(finding, language))
            error = finding.severity is Severity.ERROR
            item.setForeground(QBrush(QColor(ERROR_COLOUR if error else WARNING_COLOUR)))
            self.findings_list.addItem(item)
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        if errors:
            self.result_label.setText(self.tr("%1 problem(s) stop the package: correct them and "
                                              "check again.").replace("%1", str(errors)))
            self.result_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        elif checked:
            self.result_label.setText(self.tr("No problems found: the package can be built."))
            self.result_label.setStyleSheet("color: #1b5e20; font-weight: bold;")

    def choose_output_folder(self) -> str:
        folder = self.folder_chooser(self, self.tr("Where to write the package"),
                                     self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)
        return folder

    def build(self) -> None:
        target = self.target()
        if target is None or (self.operation is not None and not self.operation.done):
            return
        contents = self.contents()
        # Checked here too, so a problem shows before anything runs (the build checks again).
        findings = [*check_package(self.store, target, contents),
                    *self._ops_centre_findings(target)]
        if has_errors(findings):
            self.show_findings(findings)
            return
        folder_text = self.folder_edit.text().strip() or self.choose_output_folder()
        if not folder_text:
            return
        output = Path(folder_text)
        day = self.date_edit.date() or dt.date.today()
        account = self.account()
        store = self.store
        copying = self.tr("Copying the documents…")

        def work(progress: Callable[..., None], cancelled: Callable[[], bool]
                 ) -> tuple[BuiltPackage, int | None, list[Finding]]:
            outcome = build_and_record_package(
                store, target, contents, output, day=day, account=account,
                progress=progress, cancelled=cancelled, progress_text=copying)
            return outcome.built, outcome.package_id, outcome.queued

        self.result_label.setText(self.tr("Building…"))
        self.result_label.setStyleSheet("")
        self.open_folder_button.hide()
        self.operation = run_operation(self, self.tr("Building the package"), work,
                                       self._built, self._build_failed)
        self.operation.finished.connect(self._operation_finished)
        self._update_buttons()

    def _built(self, result: tuple[BuiltPackage, int | None, list[Finding]]) -> None:
        built, package_id, queued = result
        self.built = built
        self.show_findings([*built.findings, *queued])
        if not built.built or built.folder is None:
            return
        self.package_id = package_id
        self.preferences.set_last_folder(PACKAGES_FOLDER, built.folder.parent)
        mails = len(built.mails)
        text = self.tr("Package %1 built: %2 file(s) in %3 mail(s).").replace(
            "%1", built.name).replace("%2", str(len(built.files))).replace("%3", str(mails))
        text += "\n" + self.tr("Folder: %1").replace("%1", str(built.folder))
        text += "\n" + self.tr("Zip: %1").replace("%1", str(built.zip_path))
        if self.account() is not None and not has_errors(queued):
            text += "\n" + self.tr("The mails are in the outbox, ready to send.")
        else:
            text += "\n" + self.tr("The mails are kept as drafts: choose an account in the "
                                   "outbox to send them.")
        self.result_label.setText(text)
        self.result_label.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.open_folder_button.show()
        if package_id is not None:
            self.package_built.emit(package_id)
        if interaction.confirm(self, self.tr("Package built"),
                               self.tr("Open the package folder?"), built.name):
            self.open_folder(built.folder)

    def _open_built_folder(self) -> None:
        if self.built is not None and self.built.folder is not None:
            self.open_folder(self.built.folder)

    def _build_failed(self, error: BaseException) -> None:
        self.result_label.setText(self.tr("Building failed: %1").replace("%1", failure_text(error)))
        self.result_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")

    def _operation_finished(self) -> None:
        self._update_buttons()
        if self._close_when_done:
            self.reject()

    def reject(self) -> None:
        # Closing mid-build: stop after the current file and close once the worker is done
        # (the build writes under a temporary name, so nothing half-built stays).
        if self.operation is not None and not self.operation.done:
            self._close_when_done = True
            self.operation.cancel()
            return
        super().reject()


def open_package_window(parent: QWidget | None, store: Store,
                        patent_ids: Sequence[int] = ()) -> PackageWindow:
    window = PackageWindow(store, parent, patent_ids)
    window.show()
    return window
