"""Batches and their summary list (汇总表): which finalised information sheets go out together.

Left, the batches (new, rename, delete). Right, for the selected batch: the information sheets
that may join it (a sheet that is not finalised is greyed, its reason in the tooltip), the
sheets in it in 序号 order, the summary list exactly as it will be printed and what is wrong
with it. Every change is one Store call and is saved at once; "Write summary list…" writes the
workbook and the PDF into a folder on a worker thread. The rules (which sheet may join, what the
list holds) are app.models.batches and Store.summary_list; this window only shows them.

`open_batch_window(parent, store, preselected_offer_ids)` is the main window's entry point.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
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

from app.messages import describe
from app.models.batches import BatchInfo, check_offer_for_batch
from app.models.findings import Finding, Severity
from app.models.summary_list import COLUMNS, SummaryList, official_number
from app.ui import i18n, interaction
from app.ui.field_message import ERROR_COLOUR, WARNING_COLOUR, FieldMessage
from app.ui.offer_editor import state_label
from app.ui.operations import Operation, run_operation
from app.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from app.models.entities import Offer
    from app.models.store import Store

ID_ROLE = Qt.ItemDataRole.UserRole
MAX_REFUSALS_SHOWN = 2  # more would push the lists off the window; the tooltip has all


# Questions that open modal dialogs; tests replace these module functions (they would block).


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text, or None when the clerk cancels."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


def choose_folder(parent: QWidget | None, title: str, folder: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title, folder)


def open_url(url: QUrl) -> bool:
    if url.isLocalFile():  # says so, with the path, where nothing opens it
        return interaction.open_path(url.toLocalFile())
    return QDesktopServices.openUrl(url)


def write_documents(store: Store, batch_id: int, folder: Path,
                    progress: Callable[..., None], cancelled: Callable[[], bool]
                    ) -> tuple[list[Path], list[Finding]]:
    """Write 汇总表.pdf and 汇总表.xlsx of the batch into `folder` and record them (runs on a
    worker thread; two files, so nothing to cancel between): the files written, the findings."""
    from app.usecases.summary_list import write_summary_list

    progress(0, 0, QCoreApplication.translate("BatchWindow", "Writing 汇总表.pdf and 汇总表.xlsx…"))
    result = write_summary_list(store, batch_id, folder)
    return [file.path for file in result.files], list(result.findings)


class BatchWindow(QDialog):
    """The batches, and the summary list of the selected one."""

    def __init__(self, store: Store, parent: QWidget | None = None,
                 preselected_offer_ids: Iterable[int] = ()) -> None:
        super().__init__(parent)
        self.store = store
        self.preselected = set(preselected_offer_ids)
        self.batch_id: int | None = None
        self.summary: SummaryList | None = None
        self.findings: list[Finding] = []
        self.operation: Operation | None = None
        self.written: list[Path] = []
        self.setObjectName("batch_window")
        self.setWindowTitle(self.tr("Batches and summary lists"))
        fit_to_screen(self, 1220, 700)  # fits a 1366×768 laptop screen

        splitter = QSplitter()
        splitter.addWidget(self._batches_panel())
        splitter.addWidget(self._batch_panel())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 1010])

        self.write_button = QPushButton(self.tr("Write summary list…"))
        self.write_button.setObjectName("write")
        self.write_button.setToolTip(self.tr("Write 汇总表.xlsx and 汇总表.pdf into a folder."))
        self.write_button.clicked.connect(self.write_summary_list)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.write_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.reload()

    # Building ---------------------------------------------------------------------------

    def _batches_panel(self) -> QWidget:
        box = QGroupBox(self.tr("Batches"))
        column = QVBoxLayout(box)
        self.batch_list = QListWidget()
        self.batch_list.setObjectName("batches")
        self.batch_list.currentItemChanged.connect(lambda *_: self._batch_chosen())
        column.addWidget(self.batch_list, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.setObjectName("new_batch")
        self.new_button.setToolTip(self.tr(
            "A new batch; the information sheets selected on the right go into it."))
        self.new_button.clicked.connect(self.new_batch)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.setObjectName("rename_batch")
        self.rename_button.clicked.connect(self.rename_batch)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("delete_batch")
        self.delete_button.clicked.connect(self.delete_batch)
        for button in (self.new_button, self.rename_button, self.delete_button):
            row.addWidget(button)
        column.addLayout(row)
        self.batch_message = FieldMessage()
        self.batch_message.setObjectName("batch_message")
        column.addWidget(self.batch_message)
        return box

    def _batch_panel(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(self.tr(
            "No batch yet. Select the finalised information sheets below, then press New… "
            "to put them in a batch."))
        self.empty_label.setObjectName("no_batch")
        self.empty_label.setWordWrap(True)
        column.addWidget(self.empty_label)

        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(self._offers_area())
        vertical.addWidget(self._preview_area())
        vertical.setStretchFactor(0, 1)
        vertical.setStretchFactor(1, 1)
        vertical.setSizes([290, 370])
        column.addWidget(vertical, 1)
        return panel

    def _offers_area(self) -> QWidget:
        area = QWidget()
        column = QVBoxLayout(area)
        column.setContentsMargins(0, 0, 0, 0)
        lists = QHBoxLayout()

        available = QGroupBox(self.tr("Information sheets"))
        available_layout = QVBoxLayout(available)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by number, title or patentee"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        available_layout.addWidget(self.filter_edit)
        self.available_list = QListWidget()
        self.available_list.setObjectName("available")
        self.available_list.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection)
        self.available_list.itemDoubleClicked.connect(lambda *_: self.add_selected())
        available_layout.addWidget(self.available_list, 1)
        note = QLabel(self.tr("Greyed: not finalised yet (the tooltip says why); it cannot "
                              "join a batch."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        available_layout.addWidget(note)
        lists.addWidget(available, 1)

        middle = QVBoxLayout()
        middle.addStretch(1)
        self.add_button = QPushButton(self.tr("Add →"))
        self.add_button.setObjectName("add")
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button = QPushButton(self.tr("← Remove"))
        self.remove_button.setObjectName("remove")
        self.remove_button.clicked.connect(self.remove_selected)
        middle.addWidget(self.add_button)
        middle.addWidget(self.remove_button)
        middle.addStretch(1)
        lists.addLayout(middle)

        chosen = QGroupBox(self.tr("In this batch (in 序号 order)"))
        chosen_layout = QVBoxLayout(chosen)
        self.batch_offers_list = QListWidget()
        self.batch_offers_list.setObjectName("in_batch")
        self.batch_offers_list.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection)
        self.batch_offers_list.itemDoubleClicked.connect(lambda *_: self.remove_selected())
        chosen_layout.addWidget(self.batch_offers_list, 1)
        order = QHBoxLayout()
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setObjectName("up")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setObjectName("down")
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        order.addWidget(self.up_button)
        order.addWidget(self.down_button)
        order.addStretch(1)
        chosen_layout.addLayout(order)
        for widget in (self.available_list, self.batch_offers_list):
            # Long titles end in "…" (the tooltip has them whole) rather than scroll sideways.
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setTextElideMode(Qt.TextElideMode.ElideRight)
            widget.setUniformItemSizes(True)
        lists.addWidget(chosen, 1)
        column.addLayout(lists, 1)

        self.offers_message = FieldMessage()
        self.offers_message.setObjectName("offers_message")
        self.offers_message.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.offers_message)
        return area

    def _preview_area(self) -> QWidget:
        box = QGroupBox(self.tr("The summary list as it will be printed"))
        column = QVBoxLayout(box)
        self.list_title = QLabel()
        self.list_title.setObjectName("list_title")
        self.list_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.list_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.list_title.setFont(font)
        column.addWidget(self.list_title)
        self.header_line = QLabel()
        self.header_line.setObjectName("header_line")
        self.header_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.header_line)
        self.preview_table = QTableWidget(0, len(COLUMNS))
        self.preview_table.setObjectName("preview")
        self.preview_table.setHorizontalHeaderLabels([c.wrapped for c in COLUMNS])
        self.preview_table.verticalHeader().hide()
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setWordWrap(True)
        header = self.preview_table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for index, column_def in enumerate(COLUMNS):
            if column_def.key in ("title", "patentees"):
                # The long texts share the width; the rows grow to their wrapped lines.
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.preview_table.resizeRowsToContents())
        column.addWidget(self.preview_table, 3)
        self.findings_list = QListWidget()
        self.findings_list.setObjectName("findings")
        self.findings_list.setWordWrap(True)
        column.addWidget(self.findings_list, 1)
        self.no_findings = QLabel(self.tr("No problems: every sheet of the batch is on the list "
                                          "with all its columns filled in."))
        self.no_findings.setObjectName("no_findings")
        column.addWidget(self.no_findings)
        return box

    # Loading ----------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Read the batches again and show `select` (or the one shown, or the newest)."""
        wanted = select if select is not None else self.batch_id
        batches = self.store.batches()
        self.batch_list.blockSignals(True)
        self.batch_list.clear()
        current: QListWidgetItem | None = None
        for batch in batches:
            item = QListWidgetItem(self._batch_caption(batch))
            item.setData(ID_ROLE, batch.id)
            item.setToolTip(batch.note or batch.name)
            self.batch_list.addItem(item)
            if current is None or batch.id == wanted:
                current = item
        if current is not None:
            self.batch_list.setCurrentItem(current)
        self.batch_list.blockSignals(False)
        self._batch_chosen()

    def states_changed(self) -> None:
        """A sheet's state changed elsewhere (an edit returned it to draft, it was finalised):
        show it now, keeping the batch and the selection."""
        self._show_offers()
        self._show_summary()

    def _batch_caption(self, batch: BatchInfo) -> str:
        return self.tr("%1 (%2 sheets)").replace("%1", batch.name) \
            .replace("%2", str(batch.size))

    def _batch_chosen(self) -> None:
        item = self.batch_list.currentItem()
        self.batch_id = int(item.data(ID_ROLE)) if item is not None else None
        has_batch = self.batch_id is not None
        self.empty_label.setVisible(not has_batch)
        for widget in (self.rename_button, self.delete_button, self.add_button,
                       self.remove_button, self.up_button, self.down_button,
                       self.batch_offers_list):
            widget.setEnabled(has_batch)
        self.offers_message.show_text("", "")
        self._show_offers()
        self._show_summary()

    def _offer_caption(self, offer: Offer) -> str:
        return f"{official_number(offer.patent.number)}  {offer.patent.title}"

    def _show_offers(self) -> None:
        in_batch = self.store.batch_offers(self.batch_id) if self.batch_id is not None else []
        in_ids = {offer.id for offer in in_batch}
        language = i18n.language()
        grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        selected = self._selected_ids(self.available_list) or self.preselected
        self.available_list.clear()
        first_selected: QListWidgetItem | None = None
        for offer in self.store.offers():
            if offer.id in in_ids:
                continue
            item = QListWidgetItem(self._offer_caption(offer))
            item.setData(ID_ROLE, offer.id)
            refusal = check_offer_for_batch(offer)
            if refusal is not None:
                item.setText(f"{item.text()}（{state_label(offer.state)}）")
                item.setForeground(grey)
                item.setToolTip(describe(refusal, language))
            else:
                item.setToolTip(f"{self._offer_caption(offer)}\n"
                                f"{'、'.join(offer.patent.patentees)}")
            self.available_list.addItem(item)
            if offer.id in selected:
                item.setSelected(True)
                first_selected = first_selected or item
        if first_selected is not None:
            self.available_list.scrollToItem(first_selected)
        self._apply_filter(self.filter_edit.text())

        keep = self._selected_ids(self.batch_offers_list)
        self.batch_offers_list.clear()
        for serial, offer in enumerate(in_batch, start=1):
            item = QListWidgetItem(f"{serial}. {self._offer_caption(offer)}")
            item.setData(ID_ROLE, offer.id)
            item.setToolTip(self._offer_caption(offer))
            refusal = check_offer_for_batch(offer)
            if refusal is not None:  # edited back to draft since: left off the list
                item.setForeground(QColor(ERROR_COLOUR))
                item.setToolTip(describe(refusal, language))
            self.batch_offers_list.addItem(item)
            item.setSelected(offer.id in keep)

    def _show_summary(self) -> None:
        self.preview_table.setRowCount(0)
        self.findings_list.clear()
        self.summary, self.findings = (None, [])
        if self.batch_id is not None:
            self.summary, self.findings = self.store.summary_list(self.batch_id)
        summary = self.summary
        self.list_title.setText(summary.title if summary else "")
        self.header_line.setText(summary.header_line if summary else "")
        if summary is not None:
            self.preview_table.setRowCount(len(summary.rows))
            for r, row in enumerate(summary.rows):
                for c, (column, value) in enumerate(zip(COLUMNS, row.cells(), strict=True)):
                    item = QTableWidgetItem(str(value))
                    if column.key not in ("title", "patentees"):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.preview_table.setItem(r, c, item)
        self._size_preview_columns()  # to the headings alone when there is no list
        language = i18n.language()
        for finding in self.findings:
            entry = QListWidgetItem(describe(finding, language))
            entry.setForeground(QColor(ERROR_COLOUR if finding.severity is Severity.ERROR
                                      else WARNING_COLOUR))
            self.findings_list.addItem(entry)
        self.findings_list.setVisible(bool(self.findings))
        self.no_findings.setVisible(self.batch_id is not None and not self.findings)
        self.write_button.setEnabled(bool(summary and summary.rows))

    def _size_preview_columns(self) -> None:
        """Short columns as wide as their contents; title and patentees share the rest (their
        Stretch mode is kept: resizing them here would stop the header stretching them)."""
        table = self.preview_table
        limit = table.fontMetrics().horizontalAdvance("0" * 24)
        for index, column in enumerate(COLUMNS):
            if column.key not in ("title", "patentees"):
                table.resizeColumnToContents(index)
                table.setColumnWidth(index, min(table.columnWidth(index), limit))
        table.resizeRowsToContents()

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for index in range(self.available_list.count()):
            item = self.available_list.item(index)
            haystack = f"{item.text()} {item.toolTip()}".casefold()
            item.setHidden(bool(needle) and needle not in haystack
                           and needle not in haystack.replace("zl", ""))

    @staticmethod
    def _selected_ids(widget: QListWidget) -> set[int]:
        return {int(item.data(ID_ROLE)) for item in widget.selectedItems()}

    def _ordered_ids(self) -> list[int]:
        return [int(self.batch_offers_list.item(i).data(ID_ROLE))
                for i in range(self.batch_offers_list.count())]

    # Batches ----------------------------------------------------------------------------

    def _ask_name(self, title: str, prompt: str, name: str,
                  attempt: Callable[[str], Any]) -> Any:
        """Ask until the store takes the name or the clerk cancels; what was typed stays."""
        problem = ""
        while True:
            label = f"{problem}\n\n{prompt}" if problem else prompt
            answer = ask_text(self, title, label, name)
            if answer is None:
                return None
            name = answer
            result = attempt(name)
            if result.done:
                return result
            problem = "\n".join(describe(f, i18n.language()) for f in result.findings)

    def new_batch(self) -> None:
        chosen = self._selected_ids(self.available_list)
        order = [i for i in self._all_available_ids() if i in chosen]  # in the list's order
        prompt = self.tr("Name of the new batch (e.g. 2026 年第一批):")
        if order:
            prompt += "\n" + self.tr("The %1 selected information sheet(s) go into it.") \
                .replace("%1", str(len(order)))
        result = self._ask_name(self.tr("New batch"), prompt, "",
                                lambda name: self.store.create_batch(name, offer_ids=order))
        if result is None:
            return
        self.preselected = set()
        self.available_list.clearSelection()
        self.reload(select=result.batch.id)
        self._show_refusals(result)

    def rename_batch(self) -> None:
        batch = self.store.batch(self.batch_id) if self.batch_id is not None else None
        if batch is None:
            return
        result = self._ask_name(self.tr("Rename batch"), self.tr("New name of the batch:"),
                                batch.name,
                                lambda name: self.store.rename_batch(batch.id, name))
        if result is not None:
            self.reload(select=batch.id)

    def delete_batch(self) -> None:
        batch = self.store.batch(self.batch_id) if self.batch_id is not None else None
        if batch is None:
            return
        if not interaction.confirm(
            self, self.tr("Delete batch"),
            self.tr("Delete the batch “%1”?").replace("%1", batch.name),
            self.tr("Its %1 information sheet(s) stay in the register; only the batch is "
                    "deleted.").replace("%1", str(batch.size)),
        ):
            return
        self.store.delete_batch(batch.id)
        self.batch_id = None
        self.reload()

    # The batch's sheets -----------------------------------------------------------------

    def _all_available_ids(self) -> list[int]:
        return [int(self.available_list.item(i).data(ID_ROLE))
                for i in range(self.available_list.count())]

    def _set_offers(self, offer_ids: Sequence[int]) -> None:
        if self.batch_id is None:
            return
        result = self.store.set_batch_offers(self.batch_id, offer_ids)
        self.reload(select=self.batch_id)
        self._show_refusals(result)

    def _show_refusals(self, result: Any) -> None:
        """Each sheet left out with why. One sheet also lists what stands in its way; for
        several that would bury the window, so the details go to the tooltip."""
        language = i18n.language()
        refusals = [describe(f, language) for f in result.findings]
        details: list[str] = []
        for finding in result.findings:
            details.append(describe(finding, language))
            for detail in result.offer_findings.get(finding.params.get("offer_id"), [])[1:]:
                details.append("    · " + describe(detail, language))
        shown = details if len(refusals) == 1 else refusals[:MAX_REFUSALS_SHOWN]
        if len(refusals) > MAX_REFUSALS_SHOWN:
            shown.append(self.tr("… and %1 more (hover here for all).")
                         .replace("%1", str(len(refusals) - MAX_REFUSALS_SHOWN)))
        self.offers_message.show_text("\n".join(shown), "error" if shown else "")
        self.offers_message.setToolTip("\n".join(details) if shown != details else "")

    def add_selected(self) -> None:
        chosen = self._selected_ids(self.available_list)
        if not chosen or self.batch_id is None:
            return
        added = [i for i in self._all_available_ids() if i in chosen]
        self.preselected = set()
        self.available_list.clearSelection()
        self._set_offers(self._ordered_ids() + added)

    def remove_selected(self) -> None:
        chosen = self._selected_ids(self.batch_offers_list)
        if chosen:
            self._set_offers([i for i in self._ordered_ids() if i not in chosen])

    def move_selected(self, step: int) -> None:
        ids = self._ordered_ids()
        chosen = self._selected_ids(self.batch_offers_list)
        if not chosen:
            return
        positions = [i for i, offer_id in enumerate(ids) if offer_id in chosen]
        if (step < 0 and positions[0] == 0) or (step > 0 and positions[-1] == len(ids) - 1):
            return
        for position in (positions if step < 0 else reversed(positions)):
            ids[position], ids[position + step] = ids[position + step], ids[position]
        self._set_offers(ids)

    # Writing ----------------------------------------------------------------------------

    def write_summary_list(self) -> None:
        if self.batch_id is None or self.summary is None or not self.summary.rows:
            return
        if self.operation is not None and not self.operation.done:
            return
        errors = [f for f in self.findings if f.severity is Severity.ERROR]
        if errors and not interaction.confirm(
            self, self.tr("Write summary list"),
            self.tr("%1 information sheet(s) of this batch are left off the list (see the "
                    "messages under the preview). Write the list without them?")
            .replace("%1", str(len(errors))),
        ):
            return
        from app.ui.settings import Preferences

        preferences = Preferences()
        folder = choose_folder(self, self.tr("Folder for the summary list"),
                               preferences.last_folder("summary_list"))
        if not folder:
            return
        preferences.set_last_folder("summary_list", folder)
        target = Path(folder)
        store, batch_id = self.store, self.batch_id

        def work(progress: Callable[..., None], cancelled: Callable[[], bool]) -> Any:
            return write_documents(store, batch_id, target, progress, cancelled)

        self.operation = run_operation(
            self, self.tr("Writing the summary list"), work,
            lambda result: self._written(target, *result), self._write_failed)

    def _written(self, folder: Path, files: list[Path], findings: list[Finding]) -> None:
        self.written = list(files)
        language = i18n.language()
        # The list's warnings are on show under the preview; say what went wrong in writing.
        problems = [describe(f, language) for f in findings if f.severity is Severity.ERROR]
        if not files:
            interaction.critical(self, self.tr("Summary list not written"),
                                 "\n".join(problems) or self.tr("Nothing was written."))
            return
        text = self.tr("Written:") + "\n" + "\n".join(f"  {path.name}" for path in files)
        if problems:
            text += "\n\n" + "\n".join(problems)
        text += "\n\n" + self.tr("Open the folder %1?").replace("%1", str(folder))
        if interaction.confirm(self, self.tr("Summary list written"), text):
            open_url(QUrl.fromLocalFile(str(folder)))

    def _write_failed(self, error: BaseException) -> None:
        interaction.critical(self, self.tr("Summary list not written"),
                             f"{type(error).__name__}: {error}")

    def closeEvent(self, event: Any) -> None:
        if self.operation is not None and not self.operation.done:
            event.ignore()  # the files are being written; the progress dialog can cancel
            return
        super().closeEvent(event)


def open_batch_window(parent: QWidget | None, store: Store,
                      preselected_offer_ids: Iterable[int] = ()) -> BatchWindow:
    """Show the batch window (one per parent: an open one is raised and takes the new
    selection); returned so the caller may keep it."""
    window = parent.findChild(BatchWindow) if parent is not None else None
    if window is None or window.store is not store:
        window = BatchWindow(store, parent, preselected_offer_ids)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    elif preselected_offer_ids:
        window.preselected = set(preselected_offer_ids)
        window.reload()
    window.show()
    window.raise_()
    window.activateWindow()
    return window
