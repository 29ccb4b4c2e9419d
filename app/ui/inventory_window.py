"""The stock-patent inventory window (存量专利盘点): screen the whole portfolio at once.

One row per patent of the register with its screening (verdict, intentions, fields, maturity,
prospect, the five situations, evaluator), the next annual fee and the number of enterprise
feedback entries. The clerk filters (text, and a choice: not screened, convertible, in one of the
five situations, with problems, fee due within 90 days), selects any number of rows, and sets one
field for all of them at once; every such edit can be undone and redone. The two Anhui tables
are written from here, and a patent's enterprise feedback is recorded here.

Its own window and its own model (InventoryModel): the register's model is not involved. The
model filters by keeping the indices of the rows shown, not through a proxy: one pass over
precomputed, folded row texts, so filtering 10,000 patents takes a few milliseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.messages import describe, field_label
from app.models.annual_fees import next_annual_fee
from app.models.findings import Finding
from app.models.inventory import (
    INTENTION_LABELS,
    LICENCE_LABELS,
    PROSPECT_LABELS,
    TRANSFER_LABELS,
    FeedbackFields,
    InventoryRow,
    categories,
    check_screening,
)
from app.models.inventory_tables import KIND_LABELS_ZH
from app.ui import i18n, interaction
from app.ui.register_model import fold
from app.ui.screen_fit import fit_to_screen
from app.usecases import inventory as usecase

if TYPE_CHECKING:
    from app.models.store import Store

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 2
DUE_SOON_DAYS = 90


class Column(IntEnum):
    NUMBER = 0
    TITLE = 1
    KIND = 2
    STATUS = 3
    VERDICT = 4
    INTENTIONS = 5
    STRATEGIC = 6
    ECONOMY = 7
    IPC = 8
    MATURITY = 9
    PROSPECT = 10
    LICENCE = 11
    TRANSFER = 12
    ABANDON = 13
    CO_OWNED = 14
    DISPUTE = 15
    EVALUATOR = 16
    EVALUATED_ON = 17
    NEXT_FEE = 18
    FEEDBACK = 19
    PROBLEMS = 20


# The screening fields a bulk edit can set, in the order the field list offers them.
BULK_FIELDS = ("verdict", "intentions", "strategic_category", "economy_category", "ipc",
               "maturity", "prospect", "licence", "transfer", "abandon", "dispute",
               "evaluator", "evaluated_on", "note")


class Show(IntEnum):
    ALL = 0
    UNSCREENED = 1
    CONVERTIBLE = 2
    SITUATIONS = 3
    PROBLEMS = 4
    FEE_DUE = 5


def _zh(table: dict[str, tuple[str, str]], key: str) -> str:
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if i18n.language() == "zh_CN" else pair[0]


class _Cells:
    """A row's display texts, its folded search text and its findings, built once per row."""

    __slots__ = ("cells", "convertible", "fee_due", "findings", "haystack", "row", "screened",
                 "situated")

    def __init__(self, row: InventoryRow, today: dt.date) -> None:
        s = row.screening
        cats = categories()
        yes = "√"
        fee = next_annual_fee(row.filing_date, row.expiry, today) if row.in_force else None
        self.row = row
        self.fee_due = fee.due if fee is not None else None
        # What the "show" choices test, worked out once: filtering is then attribute reads.
        self.screened = bool(s.verdict)
        self.convertible = row.convertible
        self.situated = row.in_force and bool(row.situations)
        self.findings: list[Finding] = (
            [] if s.is_empty else check_screening(
                s, legal_status=row.legal_status, has_deal=bool(row.deal_serials),
                today=today))
        self.cells = (
            row.number,
            row.title,
            KIND_LABELS_ZH.get(row.kind, row.kind),
            _status_text(row.legal_status),
            {"yes": "可转化", "no": "暂不转化"}.get(s.verdict, ""),
            "、".join(_zh(INTENTION_LABELS, i) for i in s.intentions),
            cats.strategic.label(s.strategic_category) if s.strategic_category else "",
            cats.economy.label(s.economy_category) if s.economy_category else "",
            s.ipc,
            str(s.maturity) if s.maturity is not None else "",
            _zh(PROSPECT_LABELS, s.prospect) if s.prospect else "",
            _zh(LICENCE_LABELS, row.licence_stage) if row.licence_stage else "",
            _zh(TRANSFER_LABELS, s.transfer) if s.transfer else "",
            yes if s.abandon else "",
            yes if row.co_owned else "",
            yes if s.dispute else "",
            s.evaluator,
            s.evaluated_on.isoformat() if s.evaluated_on else "",
            f"{fee.due.isoformat()}（第{fee.year}年）" if fee is not None else "",
            str(row.feedback_count) if row.feedback_count else "",
            str(len(self.findings)) if self.findings else "",
        )
        self.haystack = fold(" ".join(self.cells[:Column.NEXT_FEE]))


def _status_text(status: str) -> str:
    from app.messages import LEGAL_STATUS_LABELS, label

    return label(LEGAL_STATUS_LABELS, status, i18n.language())


class InventoryModel(QAbstractTableModel):
    """Every patent with its screening; `visible` holds the rows the filter lets through."""

    def __init__(self, rows: Sequence[InventoryRow], today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today or dt.date.today()
        self._rows = [_Cells(r, self.today) for r in rows]
        self._by_id = {c.row.patent_id: i for i, c in enumerate(self._rows)}
        self.visible: list[int] = list(range(len(self._rows)))
        self._text = ""
        self._show = Show.ALL
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # Qt's interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cells = self._rows[self.visible[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells.cells[index.column()]
        if role == ID_ROLE:
            return cells.row.patent_id
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == Column.PROBLEMS and cells.findings:
                return "\n".join(
                    f"{field_label(f.field, i18n.language())}："
                    f"{describe(f, i18n.language())}" for f in cells.findings)
            if index.column() == Column.CO_OWNED and cells.row.co_owned:
                from app.models.inventory import company_patentees

                return "、".join(company_patentees(cells.row.patentees))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self.visible.sort(key=lambda i: self._rows[i].cells[column],
                          reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    # Ours
    @property
    def total(self) -> int:
        return len(self._rows)

    def patent_id(self, row: int) -> int:
        return self._rows[self.visible[row]].row.patent_id

    def row_of(self, patent_id: int) -> InventoryRow:
        return self._rows[self._by_id[patent_id]].row

    def set_filter(self, text: str | None = None, show: Show | None = None) -> None:
        if text is not None:
            self._text = fold(text.strip())
        if show is not None:
            self._show = show
        self._apply()

    def _accepts(self) -> Callable[[_Cells], bool]:
        show = self._show
        limit = self.today + dt.timedelta(days=DUE_SOON_DAYS)
        if show is Show.UNSCREENED:
            return lambda c: not c.screened
        if show is Show.CONVERTIBLE:
            return lambda c: c.convertible
        if show is Show.SITUATIONS:
            return lambda c: c.situated
        if show is Show.PROBLEMS:
            return lambda c: bool(c.findings)
        if show is Show.FEE_DUE:
            return lambda c: c.fee_due is not None and c.fee_due <= limit
        return lambda c: True

    def _apply(self) -> None:
        self.beginResetModel()
        words = self._text.split()
        rows = self._rows
        visible = range(len(rows))
        if self._show is not Show.ALL:
            accepts = self._accepts()
            visible = [i for i in visible if accepts(rows[i])]  # type: ignore[assignment]
        for word in words:  # one pass per word, each over what is left
            visible = [i for i in visible if word in rows[i].haystack]  # type: ignore[assignment]
        self.visible = list(visible)
        if self._sort is not None:
            column, order = self._sort
            self.visible.sort(key=lambda i: self._rows[i].cells[column],
                              reverse=order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def refresh(self, rows: Sequence[InventoryRow]) -> None:
        """Take changed rows (by patent id) and show them again with the same filter."""
        for row in rows:
            position = self._by_id.get(row.patent_id)
            if position is not None:
                self._rows[position] = _Cells(row, self.today)
        if self.visible:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.visible) - 1, len(Column) - 1))


def column_titles() -> list[str]:
    # Literal calls: the catalogue tool cannot see through an alias of translate.
    return [
        QCoreApplication.translate("InventoryWindow", "Patent number"),
        QCoreApplication.translate("InventoryWindow", "Title"),
        QCoreApplication.translate("InventoryWindow", "Type"),
        QCoreApplication.translate("InventoryWindow", "Legal status"),
        QCoreApplication.translate("InventoryWindow", "Verdict"),
        QCoreApplication.translate("InventoryWindow", "Intention"),
        QCoreApplication.translate("InventoryWindow", "Strategic emerging industry"),
        QCoreApplication.translate("InventoryWindow", "National economy"),
        QCoreApplication.translate("InventoryWindow", "IPC"),
        QCoreApplication.translate("InventoryWindow", "Maturity (TRL)"),
        QCoreApplication.translate("InventoryWindow", "Market prospect"),
        QCoreApplication.translate("InventoryWindow", "Licence"),
        QCoreApplication.translate("InventoryWindow", "Transfer"),
        QCoreApplication.translate("InventoryWindow", "To be abandoned"),
        QCoreApplication.translate("InventoryWindow", "Co-owned with a company"),
        QCoreApplication.translate("InventoryWindow", "Ownership dispute"),
        QCoreApplication.translate("InventoryWindow", "Evaluator"),
        QCoreApplication.translate("InventoryWindow", "Evaluated on"),
        QCoreApplication.translate("InventoryWindow", "Next annual fee"),
        QCoreApplication.translate("InventoryWindow", "Feedback"),
        QCoreApplication.translate("InventoryWindow", "Problems"),
    ]


def value_choices(name: str) -> list[str]:
    """What the value box offers for a field (the clerk may also type)."""
    cats = categories()
    if name == "verdict":
        return ["可转化", "暂不转化"]
    if name == "intentions":
        labels = [v[1] for v in INTENTION_LABELS.values()]
        return [*labels, "许可、转让", "许可、自行应用或产业化", "转让、许可、自行应用或产业化"]
    if name == "strategic_category":
        return [cats.strategic.label(c) for c, _ in cats.strategic.items]
    if name == "economy_category":
        return [cats.economy.label(c) for c, _ in cats.economy.items]
    if name == "ipc":
        return [f"{c} {n}" for c, n in cats.ipc_sections.items]
    if name == "maturity":
        return [f"{c} 级 {n}" for c, n in cats.maturity.items]
    if name == "prospect":
        return [v[1] for v in PROSPECT_LABELS.values()]
    if name == "licence":
        return [v[1] for v in LICENCE_LABELS.values()]
    if name == "transfer":
        return [v[1] for v in TRANSFER_LABELS.values()]
    if name in ("abandon", "dispute"):
        return ["是", "否"]
    if name == "evaluated_on":
        return [dt.date.today().isoformat()]
    return []


class BulkEditCommand(QUndoCommand):
    """One bulk edit: set on the first redo (done before pushing), put back on undo."""

    def __init__(self, window: InventoryWindow, edit: usecase.BulkEdit, text: str) -> None:
        super().__init__(text)
        self.window = window
        self.edit = edit
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.edit = usecase.set_field(self.window.store, list(self.edit.before),
                                      self.edit.name, self.edit.value)
        self.window.reload(list(self.edit.before))

    def undo(self) -> None:
        kept = usecase.undo_bulk_edit(self.window.store, self.edit)
        self.window.reload(list(self.edit.before))
        if kept:
            self.window.message.setText(QCoreApplication.translate(
                "InventoryWindow", "{count} patents were changed by someone else after this "
                "edit and were left as they are.").format(count=kept))


class InventoryWindow(QMainWindow):
    def __init__(self, store: Store, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.setWindowTitle(self.tr("Stock-patent inventory (存量专利盘点)"))
        self.undo_stack = QUndoStack(self)
        self.model = InventoryModel(usecase.inventory_rows(store), today, self)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter: number, title, patentee, field…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda text: self._filter())
        self.show_combo = QComboBox()
        self.show_combo.addItems([
            self.tr("All patents"), self.tr("Not screened yet"), self.tr("Convertible"),
            self.tr("In one of the five situations"), self.tr("With problems"),
            self.tr("Annual fee due within 90 days")])
        self.show_combo.currentIndexChanged.connect(lambda _i: self._filter())

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.horizontalHeader().setSortIndicator(Column.NUMBER, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((Column.NUMBER, 130), (Column.TITLE, 220), (Column.STRATEGIC, 170),
                              (Column.ECONOMY, 170), (Column.NEXT_FEE, 150),
                              (Column.INTENTIONS, 110), (Column.PROSPECT, 110),
                              (Column.MATURITY, 110)):
            self.view.setColumnWidth(column, width)
        for column in (Column.KIND, Column.VERDICT, Column.ABANDON,
                       Column.CO_OWNED, Column.DISPUTE, Column.FEEDBACK, Column.PROBLEMS):
            self.view.setColumnWidth(column, 70)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_status())
        self.view.doubleClicked.connect(lambda _i: self.open_feedback())

        self.field_combo = QComboBox()
        for name in BULK_FIELDS:
            self.field_combo.addItem(field_label(name, i18n.language()), name)
        self.field_combo.currentIndexChanged.connect(lambda _i: self._fill_values())
        self.value_combo = QComboBox()
        self.value_combo.setEditable(True)
        self.value_combo.setMinimumContentsLength(18)
        self.apply_button = QPushButton(self.tr("Set for the selected patents"))
        self.apply_button.clicked.connect(self.apply_to_selection)
        self.clear_button = QPushButton(self.tr("Clear for the selected"))
        self.clear_button.clicked.connect(lambda: self.apply_to_selection(clear=True))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.status = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 3)
        top.addWidget(self.show_combo, 1)
        bulk = QHBoxLayout()
        bulk.addWidget(QLabel(self.tr("Field:")))
        bulk.addWidget(self.field_combo)
        bulk.addWidget(QLabel(self.tr("Value:")))
        bulk.addWidget(self.value_combo, 2)
        bulk.addWidget(self.apply_button)
        bulk.addWidget(self.clear_button)
        layout = QVBoxLayout()
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bulk)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.tables_action = QAction(self.tr("Write the &Anhui tables…"), self)
        self.tables_action.triggered.connect(self.write_tables)
        self.feedback_action = QAction(self.tr("Enterprise &feedback…"), self)
        self.feedback_action.triggered.connect(self.open_feedback)
        toolbar = QToolBar(self.tr("Inventory"))
        toolbar.setObjectName("inventory_toolbar")
        for item in (self.undo_action, self.redo_action, self.tables_action,
                     self.feedback_action):
            toolbar.addAction(item)
        self.addToolBar(toolbar)
        self._fill_values()
        self._update_status()
        fit_to_screen(self, 1280, 760)

    # Filtering and status
    def _filter(self) -> None:
        self.model.set_filter(self.filter_edit.text(), Show(self.show_combo.currentIndex()))
        self._update_status()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.patent_id(r) for r in rows]

    def _update_status(self) -> None:
        selected = len(self.view.selectionModel().selectedRows())
        self.status.setText(self.tr("{total} patents, {shown} shown, {selected} selected")
                            .format(total=self.model.total, shown=len(self.model.visible),
                                    selected=selected))
        self.apply_button.setEnabled(selected > 0)
        self.clear_button.setEnabled(selected > 0)

    def _fill_values(self) -> None:
        name = self.field_combo.currentData()
        self.value_combo.clear()
        self.value_combo.addItems(value_choices(str(name)))
        self.value_combo.setCurrentIndex(0 if self.value_combo.count() else -1)

    # Actions
    def apply_to_selection(self, clear: bool = False) -> bool:
        """Set the chosen field to the value for every selected patent (one undoable step)."""
        ids = self.selected_ids()
        if not ids:
            return False
        name = str(self.field_combo.currentData())
        text = "" if clear else self.value_combo.currentText().strip()
        if name == "maturity" and text:
            text = text.split()[0]  # "6 级 相关环境中系统样机演示" → "6"
        if name == "ipc" and len(text) > 1 and text[1] == " ":
            text = text[0]  # a section picked from the list
        if name == "ipc" and len(text) == 1:
            self.message.setText(self.tr("Enter an IPC class such as G06F; a section alone "
                                         "is not a class."))
            return False
        try:
            edit = usecase.set_field(self.store, ids, name, text)
        except ValueError as exc:
            finding = exc.args[0]
            self.message.setText(describe(finding, i18n.language())
                                 if isinstance(finding, Finding) else str(exc))
            return False
        label = self.field_combo.currentText()
        self.undo_stack.push(BulkEditCommand(
            self, edit, self.tr("{field} for {count} patents").format(field=label,
                                                                     count=len(ids))))
        self.reload(ids)
        self.message.setText(self.tr("{field} set for {count} patents. Undo with Ctrl+Z.")
                             .format(field=label, count=len(ids)))
        return True

    def reload(self, patent_ids: Sequence[int]) -> None:
        screenings = usecase.screenings(self.store, patent_ids)
        from app.models.inventory import ScreeningFields

        rows = [replace(self.model.row_of(i), screening=screenings.get(i, ScreeningFields()))
                for i in patent_ids]
        self.model.refresh(rows)
        self._update_status()

    def write_tables(self, folder: str | None = None) -> list[Path]:
        if folder is None:
            from app.ui.settings import Preferences

            preferences = Preferences()  # the picker starts where the last tables went
            folder = interaction.choose_folder(self, self.tr("Folder for the Anhui tables"),
                                               preferences.last_folder("inventory"))
            if not folder:
                return []
            preferences.set_last_folder("inventory", folder)
        result = usecase.render_inventory(self.store, Path(folder), today=self.today)
        if result.failures:
            interaction.inform(self, self.tr("Anhui tables"), "\n".join(
                describe(f, i18n.language()) for f in result.failures))
        lines = [str(p) for p in result.files]
        if result.has_errors:
            lines.insert(0, self.tr("The screening has errors: the PDFs are marked 草稿. "
                                    "Show 'With problems' to fix them."))
        self.message.setText("\n".join(lines))
        return list(result.files)

    def open_feedback(self) -> FeedbackDialog | None:
        ids = self.selected_ids()
        if len(ids) != 1:
            self.message.setText(self.tr("Select one patent to see or record its feedback."))
            return None
        dialog = FeedbackDialog(self.store, self.model.row_of(ids[0]), self)
        dialog.finished.connect(lambda _r: self._after_feedback(ids[0]))
        dialog.open()
        return dialog

    def _after_feedback(self, patent_id: int) -> None:
        count = len(usecase.feedback_of(self.store, patent_id))
        self.model.refresh([replace(self.model.row_of(patent_id), feedback_count=count)])


class FeedbackDialog(QDialog):
    """A patent's enterprise feedback: the entries so far, and a form to add one."""

    def __init__(self, store: Store, row: InventoryRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.patent_id = row.patent_id
        self.setWindowTitle(self.tr("Enterprise feedback: {number}").format(number=row.number))
        self.entries = QListWidget()
        self.enterprise = QLineEdit()
        self.received_on = QLineEdit(dt.date.today().isoformat())
        self.prospect = QComboBox()
        self.prospect.addItem("", "")
        for key, (_en, zh) in PROSPECT_LABELS.items():
            self.prospect.addItem(zh, str(key))
        self.needs = QPlainTextEdit()
        self.needs.setFixedHeight(60)
        self.cooperation = QComboBox()
        for text, key in (("", ""), ("有意向", "yes"), ("无意向", "no")):
            self.cooperation.addItem(text, key)
        self.note = QLineEdit()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Enterprise:"), self.enterprise)
        form.addRow(self.tr("Received on:"), self.received_on)
        form.addRow(self.tr("Industrialisation prospect:"), self.prospect)
        form.addRow(self.tr("Technical improvement needs:"), self.needs)
        form.addRow(self.tr("Cooperation intention:"), self.cooperation)
        form.addRow(self.tr("Cooperation note:"), self.note)
        add = QPushButton(self.tr("&Add this feedback"))
        add.clicked.connect(self.add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(row.title))
        layout.addWidget(self.entries)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(add)
        layout.addWidget(buttons)
        self._show_entries()

    def _show_entries(self) -> None:
        self.entries.clear()
        for _id, f in usecase.feedback_of(self.store, self.patent_id):
            prospect = PROSPECT_LABELS.get(f.prospect, ("", ""))[1]
            self.entries.addItem("；".join(x for x in (
                f.enterprise, f.received_on.isoformat() if f.received_on else "", prospect,
                f.improvement_needs, {"yes": "有合作意向", "no": "无合作意向"}.get(
                    f.cooperation, ""), f.cooperation_note) if x))

    def add(self) -> bool:
        text = self.received_on.text().strip()
        try:
            received = dt.date.fromisoformat(text) if text else None
        except ValueError:
            self.problem.setText(self.tr("The date must be written as 2024-03-01."))
            return False
        fields = FeedbackFields(
            self.enterprise.text().strip(), received, str(self.prospect.currentData()),
            self.needs.toPlainText().strip(), str(self.cooperation.currentData()),
            self.note.text().strip())
        feedback_id, findings = usecase.add_feedback(self.store, self.patent_id, fields)
        self.problem.setText("\n".join(describe(f, i18n.language()) for f in findings))
        if feedback_id is None:
            return False
        self.enterprise.clear()
        self.needs.clear()
        self.note.clear()
        self._show_entries()
        return True


def open_inventory_window(parent: QWidget | None, store: Store) -> InventoryWindow:
    """Show the inventory window (one per parent window)."""
    existing = parent.findChild(InventoryWindow) if parent is not None else None
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    window = InventoryWindow(store, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
