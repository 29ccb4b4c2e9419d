"""The deals register (达成许可): every achieved licence as the deal list will print it.

One row per deal with its 序号, licensors (the patentees, from the register), licensee, patent
numbers (all of a package), date, payment method, the reported amount in 万元 (computed by the
footnote rules, never typed), agency, number of supporting files and a marker whose tooltip lists
the deal's findings. Add, edit, delete, start a deal from an open-licence offer, renumber by
date, and open the summary book.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.messages import describe
from app.models.deals import (
    DealListRow,
    DealRecord,
    check_deal,
    deal_row,
    format_wan,
    official_number,
    yuan_to_wan,
)
from app.models.findings import Finding
from app.ui import i18n, interaction
from app.ui.deal_editor import (
    ENTITY,
    DealEditor,
    deal_events,
    deal_field_label,
    method_label,
    open_deal_editor,
)
from app.ui.register_model import fold
from app.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from app.models.store import Store

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_NAMED_IN_CONFIRMATION = 10


class Column(IntEnum):
    MARKER = 0
    SERIAL = 1
    LICENSORS = 2
    LICENSEE = 3
    PATENTS = 4
    DATE = 5
    METHOD = 6
    AMOUNT = 7
    AGENCY = 8
    FILES = 9


@dataclass(frozen=True)
class DealLine:
    """A deal as the register shows it: the record, its list row, its findings."""

    record: DealRecord
    row: DealListRow
    findings: tuple[Finding, ...]

    @property
    def deal_id(self) -> int:
        assert self.record.id is not None
        return self.record.id

    @property
    def severity(self) -> int:
        if any(f.is_error for f in self.findings):
            return 2
        return 1 if self.findings else 0

    def cells(self, language: str) -> tuple[str, ...]:
        fields = self.record.fields
        day = fields.licence_date
        return (
            "",
            str(self.record.serial),
            self.row.licensors_text,
            self.row.licensee,
            "\n".join(self.row.patent_numbers),
            day.isoformat() if day else "",
            method_label(fields.payment.method, language),
            self.row.amount_text,
            fields.agency,
            str(len(self.record.files)),
        )

    def problems_text(self, language: str) -> str:
        ordered = sorted(self.findings, key=lambda f: not f.is_error)
        return "\n".join(f"{deal_field_label(f.field, language)}：{describe(f, language)}"
                         for f in ordered)


def load_lines(store: Store) -> list[DealLine]:
    """Every deal with its list row and findings; the register and offers are read once."""
    register = {fields.number: fields for _id, fields in store.patent_register()}
    offer_numbers = {offer.id: offer.patent.number for offer in store.offers()}
    lines = []
    for record in store.deals():
        fields = record.fields
        offer_number = offer_numbers.get(fields.offer_id) if fields.offer_id else None
        findings = check_deal(fields, register, file_kinds=record.file_kinds,
                              offer_number=offer_number)
        lines.append(DealLine(record, deal_row(record, register), tuple(findings)))
    return lines


class DealTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[DealLine] = []
        self._cells: list[tuple[str, ...]] = []
        self._headers = (
            "",
            self.tr("No."),
            self.tr("Licensors (patentees)"),
            self.tr("Licensee"),
            self.tr("Patent numbers"),
            self.tr("Date"),
            self.tr("Payment"),
            self.tr("Amount (万元)"),
            self.tr("Agency"),
            self.tr("Files"),
        )
        style = QApplication.style()
        self._error_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        self._warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    def load(self, lines: list[DealLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        language = i18n.language()
        self._cells = [line.cells(language) for line in lines]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == Column.MARKER:
                return self.tr("Problems found in the deal")
            if section == Column.AMOUNT:
                return self.tr("What the deal list reports, by the notice's footnote: 0 for "
                               "free and royalty-only licences, the entry fee only for entry "
                               "fee + royalty.")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][column]
        if role == ID_ROLE:
            return line.deal_id
        if role == SORT_ROLE:
            return self._sort_key(line, column, index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.SERIAL, Column.AMOUNT, Column.FILES
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == Column.MARKER:
            if role == Qt.ItemDataRole.DecorationRole:
                if line.severity == 2:
                    return self._error_icon
                return self._warning_icon if line.severity == 1 else None
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return line.problems_text(i18n.language()) or None
        if role == Qt.ItemDataRole.ToolTipRole and column in (
            Column.LICENSORS, Column.LICENSEE, Column.PATENTS, Column.AGENCY
        ):
            return self._cells[index.row()][column] or None
        return None

    def _sort_key(self, line: DealLine, column: int, row: int) -> Any:
        if column == Column.MARKER:
            return line.severity
        if column == Column.SERIAL:
            return line.record.serial
        if column == Column.AMOUNT:
            return float(line.row.amount_wan)
        if column == Column.FILES:
            return len(line.record.files)
        return self._cells[row][column]

    def row_of(self, deal_id: int) -> int | None:
        for row, line in enumerate(self.lines):
            if line.deal_id == deal_id:
                return row
        return None


class DealFilterProxy(QSortFilterProxyModel):
    """Filters on licensee, licensors, patent numbers and agency."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)

    def set_needle(self, text: str) -> None:
        needle = fold(text.strip())
        if needle.startswith("zl"):
            needle = needle[2:]
        self.beginFilterChange()
        self._needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, DealTableModel)
        line = model.lines[source_row]
        haystack = " ".join((
            line.row.licensors_text, line.row.licensee, line.record.fields.agency,
            " ".join(line.record.fields.patents), " ".join(line.row.patent_numbers),
        ))
        return self._needle in fold(haystack)


# Choosing an offer (injectable for tests, as app.ui.interaction is) -------------------------


class OfferChooser(QDialog):
    """A searchable list of the register's open-licence offers."""

    def __init__(self, offers: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New deal from an offer"))
        fit_to_screen(self, 640, 480)
        self.search = QLineEdit(objectName="offer_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search by number, title or patentee"))
        self.list = QListWidget()
        self.list.setObjectName("offers")
        for offer_id, text in offers:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, offer_id)
            item.setToolTip(text)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.search.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The deal is prefilled with the offer's patent, fee and "
                                        "single licence term.")))
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _filter(self, text: str) -> None:
        needle = fold(text.strip()).removeprefix("zl")
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in fold(item.text()))

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return int(item.data(Qt.ItemDataRole.UserRole))


def choose_offer(parent: QWidget | None, offers: list[tuple[int, str]]) -> int | None:
    dialog = OfferChooser(offers, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


# The window ---------------------------------------------------------------------------------


class DealsWindow(QMainWindow):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.editor: DealEditor | None = None
        self._pending_drafts: list[tuple[int | None, dict[str, Any]]] = []
        self.setObjectName("deals_window")
        self.setWindowTitle(self.tr("Deals — achieved licences"))
        fit_to_screen(self, 1200, 640)

        self.model = DealTableModel(self)
        self.proxy = DealFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("deals")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(Column.SERIAL, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(Column.LICENSORS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.LICENSEE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.MARKER, 28), (Column.SERIAL, 48), (Column.PATENTS, 170),
            (Column.DATE, 96), (Column.METHOD, 96), (Column.AMOUNT, 96),
            (Column.AGENCY, 150), (Column.FILES, 48),
        ):
            header.resizeSection(column, width)
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.filter_edit = QLineEdit(objectName="filter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter by licensee, licensor, patent or "
                                                    "agency"))
        self.filter_edit.setMaximumWidth(360)
        self.filter_edit.textChanged.connect(self.proxy.set_needle)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self.count_label = QLabel(objectName="count")
        self.statusBar().addPermanentWidget(self.count_label)

        self._make_actions()
        deal_events().changed.connect(self.reload)
        self.reload()

    def _make_actions(self) -> None:
        def action(text: str, slot: Any, name: str, shortcut: Any = None) -> QAction:
            made = QAction(text, self)
            made.setObjectName(name)
            made.triggered.connect(lambda _checked=False: slot())
            if shortcut is not None:
                made.setShortcut(shortcut)
            return made

        self.add_action = action(self.tr("&Add deal…"), self.add_deal, "add_deal",
                                 QKeySequence.StandardKey.New)
        self.from_offer_action = action(self.tr("New deal from an &offer…"),
                                        self.add_from_offer, "add_from_offer")
        self.edit_action = action(self.tr("&Edit…"), self.edit_current, "edit_deal")
        self.delete_action = action(self.tr("&Delete…"), self.delete_selected, "delete_deals",
                                    QKeySequence.StandardKey.Delete)
        self.renumber_action = action(self.tr("&Renumber by date…"), self.renumber,
                                      "renumber_deals")
        self.renumber_action.setToolTip(self.tr(
            "Give the deals 序号 1, 2, 3 … by licence date, and rename their supporting files "
            "to match."))
        self.book_action = action(self.tr("Summary &book…"), self.open_summary_book,
                                  "summary_book")
        toolbar = self.addToolBar(self.tr("Deals"))
        toolbar.setObjectName("deals_toolbar")
        toolbar.setMovable(False)
        for item in (self.add_action, self.from_offer_action, self.edit_action,
                     self.delete_action, None, self.renumber_action, None, self.book_action):
            if item is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(item)

    # Loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        selected = self.selected_ids()
        self.model.load(load_lines(self.store))
        for deal_id in selected:
            self.select(deal_id, clear=False)
        self._update_count()
        self._selection_changed()

    def _update_count(self) -> None:
        lines = self.model.lines
        with_errors = sum(1 for line in lines if line.severity == 2)
        total = sum((line.row.amount_yuan for line in lines), Decimal(0))
        text = self.tr("%1 deal(s), %2 with errors · reported fees %3 万元") \
            .replace("%1", str(len(lines))).replace("%2", str(with_errors)) \
            .replace("%3", format_wan(yuan_to_wan(total)))
        self.count_label.setText(text)

    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return [int(index.data(ID_ROLE)) for index in rows]

    def select(self, deal_id: int, clear: bool = True) -> None:
        row = self.model.row_of(deal_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, Column.SERIAL))
        if not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        if clear:
            flags |= QItemSelectionModel.SelectionFlag.Clear
            self.view.setCurrentIndex(index)
        self.view.selectionModel().select(index, flags)
        self.view.scrollTo(index)

    def _selection_changed(self, *_args: Any) -> None:
        count = len(self.selected_ids())
        self.edit_action.setEnabled(count == 1)
        self.delete_action.setEnabled(count > 0)

    # Actions ----------------------------------------------------------------------------

    def _open_editor(self, deal_id: int | None = None, from_offer_id: int | None = None
                     ) -> DealEditor | None:
        if self.editor is not None:
            self.editor.raise_()
            self.editor.activateWindow()
            return self.editor
        editor = open_deal_editor(self, self.store, deal_id, from_offer_id,
                                  on_saved=lambda saved_id: self.select(saved_id))
        if editor is not None:
            self.editor = editor
            editor.finished.connect(self._editor_finished)
        return editor

    def _editor_finished(self, _result: int) -> None:
        self.editor = None
        if self._pending_drafts:
            QTimer.singleShot(0, self._restore_next_draft)

    def add_deal(self) -> DealEditor | None:
        return self._open_editor()

    def edit_current(self) -> DealEditor | None:
        ids = self.selected_ids()
        index = self.view.currentIndex()
        if not ids and index.isValid():
            ids = [int(index.data(ID_ROLE))]
        return self._open_editor(ids[0]) if ids else None

    def edit_deal(self, deal_id: int) -> DealEditor | None:
        return self._open_editor(deal_id)

    def add_from_offer(self) -> DealEditor | None:
        offers = [
            (offer.id, f"{official_number(offer.patent.number)}  {offer.patent.title}  —  "
                       f"{'、'.join(offer.patent.patentees)}")
            for offer in self.store.offers()
        ]
        if not offers:
            interaction.inform(self, self.tr("New deal from an offer"),
                               self.tr("There are no open-licence offers in the register yet."))
            return None
        offer_id = choose_offer(self, offers)
        if offer_id is None:
            return None
        return self._open_editor(from_offer_id=offer_id)

    def delete_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids:
            return False
        lines = []
        for deal_id in ids[:MAX_NAMED_IN_CONFIRMATION]:
            row = self.model.row_of(deal_id)
            if row is not None:
                line = self.model.lines[row]
                lines.append(f"{line.record.serial}  {line.row.licensee}  "
                             f"{'、'.join(line.row.patent_numbers)}")
        if len(ids) > MAX_NAMED_IN_CONFIRMATION:
            lines.append(self.tr("… and %1 more")
                         .replace("%1", str(len(ids) - MAX_NAMED_IN_CONFIRMATION)))
        question = self.tr("Delete these %1 deals?").replace("%1", str(len(ids))) \
            if len(ids) > 1 else self.tr("Delete this deal?")
        details = "\n".join(lines) + "\n\n" + self.tr(
            "Their supporting files are deleted from the program's data folder (the originals "
            "you added them from are not touched). This cannot be undone.")
        if not interaction.confirm(self, self.tr("Delete deals"), question, details):
            return False
        self.store.delete_deals(ids)
        deal_events().changed.emit()  # reloads this window and any open summary book
        self.statusBar().showMessage(self.tr("Deleted: %1").replace("%1", str(len(ids))), 5000)
        return True

    def renumber(self) -> bool:
        if not interaction.confirm(
            self, self.tr("Renumber deals"),
            self.tr("Number the deals 1, 2, 3 … by licence date?"),
            self.tr("Their supporting files are renamed to the new numbers. Printed lists and "
                    "files already sent keep the old numbers."),
        ):
            return False
        changes = self.store.renumber_deals()
        deal_events().changed.emit()
        self.statusBar().showMessage(
            self.tr("Renumbered: %1").replace("%1", str(len(changes))), 5000)
        return True

    def open_summary_book(self) -> Any:
        from app.ui.summary_book_editor import open_summary_book_editor

        return open_summary_book_editor(self, self.store, open_deals=self.show_in_front)

    def show_in_front(self) -> DealsWindow:
        self.show()
        self.raise_()
        self.activateWindow()
        return self

    # Drafts -----------------------------------------------------------------------------

    def offer_drafts(self) -> None:
        """Offer deals that were being typed and never saved (a crash, a kill, a power cut)."""
        drafts = self.store.drafts(ENTITY)
        if not drafts:
            return
        known = {line.deal_id: line for line in self.model.lines}
        lines = []
        for deal_id, payload in drafts:
            licensee = str(payload.get("licensee", "")).strip() or self.tr("(no licensee)")
            if deal_id is None or deal_id not in known:
                lines.append(self.tr("New deal: %1").replace("%1", licensee))
            else:
                lines.append(self.tr("Deal %1: %2").replace(
                    "%1", str(known[deal_id].record.serial)).replace("%2", licensee))
        choice = interaction.restore_discard_later(
            self, self.tr("Unsaved deals"),
            self.tr("Some deals were being edited and were not saved. Restore them?"),
            "\n".join(lines),
        )
        if choice is interaction.Choice.SAVE:
            self._pending_drafts = list(drafts)
            self._restore_next_draft()
        elif choice is interaction.Choice.DISCARD:
            for deal_id, _payload in drafts:
                self.store.discard_draft(ENTITY, deal_id)

    def _restore_next_draft(self) -> None:
        if not self._pending_drafts or self.editor is not None:
            return
        deal_id, _payload = self._pending_drafts.pop(0)
        if deal_id is not None and self.model.row_of(deal_id) is None:
            # The deal was deleted since: keep what was typed as a new one.
            payload = self.store.load_draft(ENTITY, deal_id) or {}
            self.store.discard_draft(ENTITY, deal_id)
            self.store.save_draft(ENTITY, None, payload)
            deal_id = None
        self._open_editor(deal_id)  # the editor restores its own draft

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor is not None and not self.editor.close():
            event.ignore()
            return
        super().closeEvent(event)


def open_deals_window(parent: QWidget | None, store: Store) -> DealsWindow:
    """Show the deals register (one per parent window), then offer unsaved deal drafts."""
    existing = parent.findChild(DealsWindow) if parent is not None else None
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    window = DealsWindow(store, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    QTimer.singleShot(0, window.offer_drafts)
    return window
