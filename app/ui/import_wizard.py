"""Importing a patent list: choose the file, say which column is which, check every row, import.

Four steps in one dialog: ① the file (read on a worker thread, with progress and cancel; a file
that cannot be read says why here) → ② the columns (only for a layout that is not the summary
list's; pre-filled from the mapping remembered for the same headings, else proposed) → ③ the
preview (every row with its findings; nothing is written yet) → ④ the result. Reading,
interpreting and writing belong to app.export.excel.patent_list, app.models.patent_import and
Store.import_patents; this dialog gathers the clerk's choices and shows what they say.

`open_import_wizard(parent, store)` is the main window's entry point.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.export.excel.patent_list import read_table
from app.messages import describe, field_label
from app.models.findings import Severity, error
from app.models.patent_import import (
    FIELDS,
    ColumnMapping,
    ImportOutcome,
    ImportPreview,
    MappingMemory,
    PreviewRow,
    SheetRow,
    SheetTable,
    preview_table,
    propose_mapping,
    to_text,
)
from app.ui import i18n
from app.ui.field_message import ERROR_COLOUR, WARNING_COLOUR, FieldMessage
from app.ui.operations import Operation, run_operation
from app.ui.screen_fit import fit_to_screen
from app.usecases.register import import_patent_rows

if TYPE_CHECKING:
    from app.models.store import Store

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, RESULT_PAGE = range(4)
SAMPLE_ROWS = 3  # values shown beside each column choice
SCAN_ROWS = 200  # rows looked at to find how many columns the sheet uses


def choose_file(parent: QWidget | None, title: str, folder: str, filters: str) -> str:
    """The file dialog; tests replace this function (a modal dialog would block them)."""
    path, _selected = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return path


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _header_texts(row: SheetRow | None) -> tuple[str, ...]:
    if row is None:
        return ()
    return tuple("" if v is None else str(v).strip() for v in row.values)


class PreviewModel(QAbstractTableModel):
    """The preview's rows; messages are worded the first time a row is shown (10,000 rows)."""

    COLUMNS = ("row", "number", "title", "patentees", "filing_date", "grant_date", "findings")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[PreviewRow, ...] = ()
        self._texts: dict[int, tuple[str, str]] = {}

    def set_rows(self, rows: Sequence[PreviewRow]) -> None:
        self.beginResetModel()
        self.rows = tuple(rows)
        self._texts.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        name = self.COLUMNS[section]
        if name == "row":
            return self.tr("Row")
        if name == "findings":
            return self.tr("Problems")
        return field_label(name, i18n.language())

    @staticmethod
    def has_problems(row: PreviewRow) -> bool:
        return bool(row.findings or row.record_findings)

    def messages(self, index: int) -> tuple[str, str]:
        """(the cell's text, the tooltip with every message) for one row."""
        cached = self._texts.get(index)
        if cached is None:
            row = self.rows[index]
            language = i18n.language()
            own = [describe(f, language) for f in row.findings]
            # The register's rules about the record: it imports as a draft that says so.
            record = [describe(f, language) for f in row.record_findings]
            lines = own + record
            text = lines[0] if lines else ""
            if len(lines) > 1:
                text += self.tr(" (+%1 more)").replace("%1", str(len(lines) - 1))
            tip = "\n".join(f"• {line}" for line in own)
            if record:
                tip += ("\n" if tip else "") + self.tr("In the register:") + "\n"
                tip += "\n".join(f"• {line}" for line in record)
            cached = (text, tip)
            self._texts[index] = cached
        return cached

    def data(self, index: Index,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        name = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "row":
                return str(row.row)
            if name == "findings":
                return self.messages(index.row())[0]
            if name == "patentees":
                return "、".join(row.patent.patentees)
            if name in ("filing_date", "grant_date"):
                day: dt.date | None = getattr(row.patent, name)
                return day.isoformat() if day else ""
            return str(getattr(row.patent, name))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.messages(index.row())[1] or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.has_errors:
                return QBrush(QColor(ERROR_COLOUR))
            if self.has_problems(row):
                return QBrush(QColor(WARNING_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and name == "row":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ProblemFilter(QSortFilterProxyModel):
    """Shows every row, or only those with findings."""

    def __init__(self, model: PreviewModel) -> None:
        super().__init__()
        self.preview_model = model
        self.setSourceModel(model)
        self.only_problems = False

    def set_only_problems(self, value: bool) -> None:
        self.beginFilterChange()
        self.only_problems = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: Index) -> bool:
        if not self.only_problems:
            return True
        return PreviewModel.has_problems(self.preview_model.rows[source_row])


class ImportWizard(QDialog):
    """The import, step by step; `imported` is how many patents it created or updated."""

    def __init__(self, store: Store, parent: QWidget | None = None,
                 memory: MappingMemory | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.memory = memory or MappingMemory()
        self.today = today
        self.table: SheetTable | None = None
        self.preview: ImportPreview | None = None
        self.mapping: ColumnMapping | None = None  # the clerk's, once applied
        self.outcome: ImportOutcome | None = None
        self.imported = 0
        self.operation: Operation | None = None
        self._read_key: tuple[str, str] | None = None  # (path, sheet) the table was read from
        self._combos: dict[str, QComboBox] = {}
        self._mapping_headers: tuple[str, ...] | None = None  # what the column choices are for
        self._recalled = False  # the choices came from MappingMemory
        self._filling = False  # the window is setting choices: not the clerk
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("Import a patent list"))
        fit_to_screen(self, 1120, 680)  # fits a 1366×768 laptop screen

        self.steps = QLabel()
        self.steps.setObjectName("steps")
        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._result_page())

        self.back_button = QPushButton(self.tr("< Back"))
        self.back_button.setObjectName("back")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self._close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._show_page(FILE_PAGE)

    # Pages ------------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        intro = QLabel(self.tr(
            "Choose the Excel workbook (.xlsx) or CSV file that lists the patents. A list laid "
            "out like the summary list (汇总表) is read as it is; for any other layout you will "
            "say which column holds what. Nothing is written to the register until you press "
            "Import on the preview."))
        intro.setWordWrap(True)
        column.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.path_edit.setPlaceholderText(self.tr("Path of the .xlsx or .csv file"))
        self.path_edit.textChanged.connect(self._path_changed)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.setObjectName("browse")
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form.addRow(self.tr("File"), row)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet")
        self.sheet_label = QLabel(self.tr("Sheet"))
        form.addRow(self.sheet_label, self.sheet_combo)
        self.sheet_label.hide()
        self.sheet_combo.hide()
        column.addLayout(form)
        self.file_message = FieldMessage(self.path_edit)
        self.file_message.setObjectName("file_message")
        self.file_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.file_message)
        column.addStretch(1)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.mapping_intro = QLabel()
        self.mapping_intro.setObjectName("mapping_intro")
        self.mapping_intro.setWordWrap(True)
        column.addWidget(self.mapping_intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("The headings are in row")))
        self.header_row_spin = QSpinBox()
        self.header_row_spin.setObjectName("header_row")
        self.header_row_spin.setRange(1, 1)
        self.header_row_spin.valueChanged.connect(self._header_row_changed)
        row.addWidget(self.header_row_spin)
        row.addStretch(1)
        column.addLayout(row)
        self.mapping_table = QTableWidget(len(FIELDS), 3)
        self.mapping_table.setObjectName("mapping")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Column in the file"), self.tr("First values")])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setColumnWidth(1, 300)
        for index, name in enumerate(FIELDS):
            caption = QTableWidgetItem(self._field_caption(name))
            if name == "number":
                font = caption.font()
                font.setBold(True)
                caption.setFont(font)
                caption.setToolTip(self.tr("Required: the patent number identifies each row."))
            self.mapping_table.setItem(index, 0, caption)
            combo = QComboBox()
            combo.setObjectName(f"column_{name}")
            combo.currentIndexChanged.connect(
                lambda _i, field=name: self._column_chosen(field))
            self._combos[name] = combo
            self.mapping_table.setCellWidget(index, 1, combo)
            self.mapping_table.setItem(index, 2, QTableWidgetItem(""))
        column.addWidget(self.mapping_table, 1)
        self.mapping_message = FieldMessage()
        self.mapping_message.setObjectName("mapping_message")
        column.addWidget(self.mapping_message)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("counts")
        self.counts_label.setWordWrap(True)
        column.addWidget(self.counts_label)
        self.preview_message = FieldMessage()
        self.preview_message.setObjectName("preview_message")
        column.addWidget(self.preview_message)
        top = QHBoxLayout()
        self.only_problems = QCheckBox(self.tr("Only rows with problems"))
        self.only_problems.setObjectName("only_problems")
        self.only_problems.toggled.connect(self._only_problems_toggled)
        top.addWidget(self.only_problems)
        top.addStretch(1)
        self.columns_button = QPushButton(self.tr("Columns…"))
        self.columns_button.setObjectName("columns")
        self.columns_button.setToolTip(self.tr("Check or change which column holds what."))
        self.columns_button.clicked.connect(lambda: self._show_mapping())
        top.addWidget(self.columns_button)
        column.addLayout(top)

        self.model = PreviewModel(self)
        self.proxy = ProblemFilter(self.model)
        self.preview_view = QTableView()
        self.preview_view.setObjectName("preview")
        self.preview_view.setModel(self.proxy)
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_view.setAlternatingRowColors(True)
        self.preview_view.setWordWrap(False)
        self.preview_view.verticalHeader().hide()
        self.preview_view.verticalHeader().setDefaultSectionSize(
            self.preview_view.fontMetrics().height() + 8)
        header = self.preview_view.horizontalHeader()
        header.setStretchLastSection(True)  # the problems: what the clerk must read
        metrics = self.preview_view.fontMetrics()
        for section, sample in enumerate(("00000", "ZL201710601862.3", "专" * 13, "专" * 9,
                                          "2017-07-21", "2017-07-21")):
            self.preview_view.setColumnWidth(section, metrics.horizontalAdvance(sample) + 16)
        self.preview_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_row_messages(current))
        column.addWidget(self.preview_view, 1)
        self.row_messages = QListWidget()
        self.row_messages.setObjectName("row_messages")
        self.row_messages.setWordWrap(True)
        self.row_messages.setMaximumHeight(metrics.height() * 5 + 12)
        column.addWidget(self.row_messages)

        options = QHBoxLayout()
        existing = QGroupBox(self.tr("Patents already in the register"))
        existing.setObjectName("existing_box")
        existing_layout = QVBoxLayout(existing)
        self.skip_existing = QRadioButton(self.tr("Skip them (the register stays as it is)"))
        self.skip_existing.setObjectName("skip_existing")
        self.update_existing = QRadioButton(
            self.tr("Update them with what the file fills in"))
        self.update_existing.setObjectName("update_existing")
        self.skip_existing.setChecked(True)
        self.existing_group = QButtonGroup(self)
        self.existing_group.addButton(self.skip_existing)
        self.existing_group.addButton(self.update_existing)
        existing_layout.addWidget(self.skip_existing)
        existing_layout.addWidget(self.update_existing)
        self.existing_box = existing
        options.addWidget(existing, 1)
        errors = QGroupBox(self.tr("Rows with errors"))
        errors_layout = QVBoxLayout(errors)
        self.skip_bad_rows = QCheckBox(self.tr("Import the rows without errors only"))
        self.skip_bad_rows.setObjectName("skip_bad_rows")
        errors_note = QLabel(self.tr(
            "Otherwise nothing is imported while a row has errors: correct the file and "
            "read it again."))
        errors_note.setWordWrap(True)
        errors_note.setStyleSheet("color: palette(placeholder-text);")
        errors_layout.addWidget(self.skip_bad_rows)
        errors_layout.addWidget(errors_note)
        self.errors_box = errors
        options.addWidget(errors, 1)
        column.addLayout(options)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.result_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.result_label.setFont(font)
        column.addWidget(self.result_label)
        self.result_list = QListWidget()
        self.result_list.setObjectName("result_findings")
        self.result_list.setWordWrap(True)
        column.addWidget(self.result_list, 1)
        column.addStretch(0)
        return page

    def _field_caption(self, name: str) -> str:
        language = i18n.language()
        captions = {
            "contact_name": self.tr("Contact person (summary list)"),
            "contact_phone": self.tr("Contact phone (summary list)"),
            "remarks": field_label("remarks", language),
        }
        caption = captions.get(name) or field_label(name, language)
        return caption + (" *" if name == "number" else "")

    # Navigation -------------------------------------------------------------------------

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        names = [self.tr("① File"), self.tr("② Columns"), self.tr("③ Preview"),
                 self.tr("④ Result")]
        self.steps.setText("   ›   ".join(
            f"<b>{name}</b>" if i == page else f"<span style='color: gray'>{name}</span>"
            for i, name in enumerate(names)))
        self._update_buttons()

    def _only_problems_toggled(self, on: bool) -> None:
        self.proxy.set_only_problems(on)

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        done = self.outcome is not None and self.outcome.written
        self.back_button.setVisible(page != FILE_PAGE and not done)
        self.next_button.setVisible(page != RESULT_PAGE)
        self.close_button.setText(self.tr("Close") if done else self.tr("Cancel"))
        if page == FILE_PAGE:
            self.next_button.setText(self.tr("Read file >"))
            self.next_button.setEnabled(bool(self.path_edit.text().strip()))
        elif page == MAPPING_PAGE:
            self.next_button.setText(self.tr("Next >"))
            self.next_button.setEnabled(self._combos["number"].currentData() is not None)
        elif page == PREVIEW_PAGE:
            self.next_button.setText(self.tr("Import"))
            self.next_button.setEnabled(bool(self.preview and self.preview.rows))

    def next(self) -> None:
        page = self.pages.currentIndex()
        if page == FILE_PAGE:
            self.read_file()
        elif page == MAPPING_PAGE:
            self.apply_mapping()
        elif page == PREVIEW_PAGE:
            self.start_import()

    def back(self) -> None:
        page = self.pages.currentIndex()
        if page == MAPPING_PAGE:
            self._show_page(FILE_PAGE)
        elif page == PREVIEW_PAGE:
            mapped = self.preview is not None and self.preview.layout != "summary_list"
            self._show_page(MAPPING_PAGE if mapped else FILE_PAGE)
        elif page == RESULT_PAGE:
            self._show_page(PREVIEW_PAGE)

    def _close(self) -> None:
        if self.outcome is not None and self.outcome.written:
            self.accept()
        else:
            self.reject()

    def _busy(self) -> bool:
        return self.operation is not None and not self.operation.done

    # ① The file -------------------------------------------------------------------------

    def browse(self) -> None:
        from app.ui.settings import Preferences

        preferences = Preferences()
        current = self.path_edit.text().strip()
        folder = str(Path(current).parent) if current else preferences.last_folder("import")
        path = choose_file(
            self, self.tr("Choose a patent list"), folder,
            self.tr("Patent lists (*.xlsx *.xlsm *.csv *.txt *.xls);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)
            preferences.set_last_folder("import", Path(path).parent)

    def _path_changed(self, text: str) -> None:
        if self._read_key is not None and text.strip() != self._read_key[0]:
            # The sheets listed were the other file's.
            self.sheet_label.hide()
            self.sheet_combo.hide()
        self._update_buttons()

    def read_file(self) -> None:
        """Read the chosen file on a worker thread; re-reading is skipped when nothing changed."""
        if self._busy():
            return
        path = self.path_edit.text().strip()
        if not path:
            return
        sheet = "" if self.sheet_combo.isHidden() else self.sheet_combo.currentText()
        key = (path, sheet)
        if key == self._read_key and self.preview is not None and self.preview.readable:
            self._after_reading()
            return
        self.file_message.show_text("", "")
        numbers = self.store.patent_numbers()
        rows_read = self.tr("%1 rows read…")
        today = self.today

        def work(progress: Callable[..., None], cancelled: Callable[[], bool]) -> Any:
            def report(rows: int) -> bool:
                progress(rows, 0, rows_read.replace("%1", str(rows)))
                return not cancelled()

            table = read_table(path, sheet=sheet or None, progress=report)
            if cancelled() or any(f.code == "import.cancelled" for f in table.findings):
                return table, None
            return table, preview_table(table, existing_numbers=numbers, today=today)

        self.operation = run_operation(
            self, self.tr("Reading %1").replace("%1", Path(path).name), work,
            lambda result: self._file_read(key, *result), self._failed)

    def _file_read(self, key: tuple[str, str], table: SheetTable,
                   preview: ImportPreview | None) -> None:
        if preview is None:
            self.file_message.show_text(self.tr("Reading was cancelled; nothing was imported."),
                                        "warning")
            return
        if self._read_key is None or key[0] != self._read_key[0]:
            self.mapping = None  # a new file: its layout decides again
        self._read_key = key
        self.table = table
        self.preview = preview
        self.outcome = None
        if len(table.sheet_names) > 1:
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.clear()
            self.sheet_combo.addItems(list(table.sheet_names))
            self.sheet_combo.setCurrentText(table.sheet)
            self.sheet_combo.blockSignals(False)
            self.sheet_label.show()
            self.sheet_combo.show()
        self._after_reading()

    def _after_reading(self) -> None:
        assert self.preview is not None
        preview = self.preview
        mapping_trouble = any(f.is_error and f.field == "mapping" for f in preview.findings)
        if not preview.readable and not mapping_trouble:
            self.file_message.show_findings(preview.findings)
            return
        self.file_message.show_findings([f for f in preview.findings if f.field != "mapping"])
        if preview.layout == "summary_list" and self.mapping is None:
            self._show_preview()
        else:
            self._show_mapping()

    def _failed(self, error: BaseException) -> None:
        """Only a bug gets here (the readers turn every bad file into findings)."""
        text = self.tr("Something went wrong: %1").replace("%1", f"{type(error).__name__}: "
                                                                 f"{error}")
        if self.pages.currentIndex() == FILE_PAGE:
            self.file_message.show_text(text, "error")
        else:
            self._show_result_text(text, [], failed=True)

    # ② The columns ----------------------------------------------------------------------

    def _show_mapping(self) -> None:
        """Fill the column choices: the clerk's own when the headings are the same as before,
        else the mapping remembered for these headings, else the proposed one."""
        assert self.preview is not None and self.table is not None
        preview = self.preview
        rows = self.table.rows
        self._filling = True
        try:
            last_row = rows[min(len(rows), 20) - 1].row if rows else 1
            self.header_row_spin.setRange(1, max(last_row, 1))
            self.header_row_spin.setValue(max(preview.header_row, 1))
        finally:
            self._filling = False
        headers = preview.headers
        if headers == self._mapping_headers:
            self._refresh_samples()  # the clerk's own choices for these headings stay
        else:
            self._fill_columns(headers, preview.header_row)
        trouble = [f for f in preview.findings if f.field == "mapping"]
        self.mapping_message.show_findings([f for f in trouble if f.is_error])
        notes = [describe(f, i18n.language()) for f in trouble if not f.is_error]
        if self._recalled:
            notes.append(self.tr("The columns are filled in as you chose them for the last "
                                 "file with the same headings."))
        elif preview.layout == "summary_list":
            notes.append(self.tr("The file is laid out like the summary list; the columns "
                                 "below were recognised from its headings."))
        notes.append(self.tr("Choose for each item the column that holds it. Items left "
                             "as “(not imported)” are left empty; the patent number is "
                             "required."))
        self.mapping_intro.setText("\n".join(notes))
        self._show_page(MAPPING_PAGE)

    def _header_row_changed(self, value: int) -> None:
        if self._filling or self.table is None:
            return
        self._fill_columns(None, value)

    def _fill_columns(self, headers: tuple[str, ...] | None, header_row: int) -> None:
        assert self.table is not None
        sheet_row = next((r for r in self.table.rows if r.row == header_row), None)
        if headers is None:
            headers = _header_texts(sheet_row)
        scanned = [len(r.values) for r in self.table.rows[:SCAN_ROWS]]
        width = max([len(headers), *scanned, 1])
        columns = self._recall(headers, sheet_row)
        self._recalled = columns is not None
        if columns is None:
            columns = propose_mapping(headers)
        self._mapping_headers = headers
        self._filling = True
        try:
            for name, combo in self._combos.items():
                combo.clear()
                combo.addItem(self.tr("(not imported)"), None)
                for index in range(width):
                    text = headers[index] if index < len(headers) else ""
                    # "A：专利号" in Chinese, with the full-width colon (issue 17 §9).
                    caption = self.tr("%1: %2").replace("%1", _column_letter(index)).replace(
                        "%2", text) if text else \
                        self.tr("%1 (no heading)").replace("%1", _column_letter(index))
                    combo.addItem(caption.replace("\n", " "), index)
                chosen = columns.get(name)
                combo.setCurrentIndex(combo.findData(chosen) if chosen is not None else 0)
        finally:
            self._filling = False
        self._refresh_samples()

    def _recall(self, headers: tuple[str, ...],
                sheet_row: SheetRow | None) -> dict[str, int] | None:
        if sheet_row is None or not any(headers):
            return None
        remembered = self.memory.recall(headers)
        if remembered is None:
            return None
        # Resolved by the importer itself, on a table holding only the heading row.
        probe = preview_table(
            SheetTable(source="", rows=(sheet_row,)),
            ColumnMapping(remembered.columns, header_row=sheet_row.row),
        )
        return dict(probe.columns) if probe.readable else None

    def _column_chosen(self, field: str) -> None:
        if self._filling:
            return
        chosen = self._combos[field].currentData()
        if chosen is not None:
            # Each column serves one item (as the proposal does): free it elsewhere.
            self._filling = True
            try:
                for name, combo in self._combos.items():
                    if name != field and combo.currentData() == chosen:
                        combo.setCurrentIndex(0)
            finally:
                self._filling = False
        self._show_number_required()
        self._refresh_samples()

    def _refresh_samples(self) -> None:
        rows = self.table.rows if self.table is not None else ()
        header_row = self.header_row_spin.value()
        data = [r for r in rows[:SCAN_ROWS] if r.row > header_row]
        for index, (_name, combo) in enumerate(self._combos.items()):
            column = combo.currentData()
            values: list[str] = []
            if column is not None:
                for row in data:
                    text = to_text(row.value(column)).replace("\n", " ")
                    if text:
                        values.append(text)
                    if len(values) == SAMPLE_ROWS:
                        break
            item = self.mapping_table.item(index, 2)
            assert item is not None  # every row is made with its sample cell
            item.setText(" | ".join(values))
            item.setToolTip("\n".join(values))
        self._update_buttons()

    def _show_number_required(self) -> None:
        """A changed choice makes earlier findings about the mapping stale; only the missing
        number column still needs saying."""
        chosen = self._combos["number"].currentData() is not None
        self.mapping_message.show_findings(
            [] if chosen else [error("import.mapping_number_missing", "mapping")])

    def chosen_mapping(self) -> ColumnMapping:
        columns = {name: combo.currentData() for name, combo in self._combos.items()
                   if combo.currentData() is not None}
        return ColumnMapping(columns, header_row=self.header_row_spin.value())

    def apply_mapping(self) -> None:
        if self._busy() or self.table is None:
            return
        mapping = self.chosen_mapping()
        table = self.table
        numbers = self.store.patent_numbers()
        today = self.today

        def work(progress: Callable[..., None], cancelled: Callable[[], bool]) -> Any:
            return preview_table(table, mapping, existing_numbers=numbers, today=today)

        self.operation = run_operation(
            self, self.tr("Reading the rows"), work,
            lambda preview: self._mapping_applied(mapping, preview), self._failed)

    def _mapping_applied(self, mapping: ColumnMapping, preview: ImportPreview) -> None:
        errors = [f for f in preview.findings if f.is_error]
        if errors:
            self.mapping_message.show_findings(errors)
            return
        self.mapping = mapping
        self.preview = preview
        self.outcome = None
        self._show_preview()

    # ③ The preview ----------------------------------------------------------------------

    def _show_preview(self) -> None:
        assert self.preview is not None
        preview = self.preview
        self.model.set_rows(preview.rows)
        errors = len(preview.rows_with_errors)
        existing = len(preview.existing_rows)
        self.counts_label.setText(
            self.tr("%1 rows · %2 with errors · %3 already in the register · %4 ignored "
                    "(no number, title or patentee)")
            .replace("%1", str(len(preview.rows))).replace("%2", str(errors))
            .replace("%3", str(existing)).replace("%4", str(len(preview.ignored_rows))))
        about_file = [f for f in preview.findings if f.code != "import.mapping_needed"]
        self.preview_message.show_findings(about_file)
        self._show_row_messages(QModelIndex())
        self.existing_box.setEnabled(existing > 0)
        self.errors_box.setEnabled(errors > 0)
        self._show_page(PREVIEW_PAGE)

    def _show_row_messages(self, index: QModelIndex) -> None:
        """The selected row's messages in full (the table's cell shows the first only)."""
        self.row_messages.clear()
        if not index.isValid():
            self.row_messages.addItem(self.tr("Select a row to read its messages in full."))
            return
        row = self.model.rows[self.proxy.mapToSource(index).row()]
        language = i18n.language()
        for finding in row.findings:
            item = QListWidgetItem(describe(finding, language))
            item.setForeground(QColor(ERROR_COLOUR if finding.is_error else WARNING_COLOUR))
            self.row_messages.addItem(item)
        for finding in row.record_findings:
            item = QListWidgetItem(self.tr("In the register: %1")
                                   .replace("%1", describe(finding, language)))
            item.setForeground(QColor(WARNING_COLOUR))
            self.row_messages.addItem(item)
        if not row.findings and not row.record_findings:
            self.row_messages.addItem(self.tr("Row %1: no problems.").replace("%1", str(row.row)))

    def start_import(self) -> None:
        """Write the previewed rows in one transaction (it cannot stop halfway: no Cancel)."""
        if self._busy() or self.preview is None:
            return
        rows = self.preview.rows
        on_existing = "update" if self.update_existing.isChecked() else "skip"
        skip_bad = self.skip_bad_rows.isChecked()

        store = self.store

        def work(progress: Callable[..., None], cancelled: Callable[[], bool]) -> Any:
            return import_patent_rows(store, list(rows), update=on_existing == "update",
                                      skip_bad_rows=skip_bad).outcome

        self.operation = run_operation(self, self.tr("Importing"), work, self._imported,
                                       self._failed)
        if self.operation.dialog is not None:
            self.operation.dialog.setCancelButton(None)

    def _imported(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        language = i18n.language()
        if not outcome.written:
            self._show_result_text(
                self.tr("Nothing was imported."),
                [(describe(f, language), f.severity) for f in outcome.findings], failed=True)
            return
        self.imported = len(outcome.created) + len(outcome.updated)
        if self.mapping is not None and self.preview is not None:
            self.memory.remember(self.preview.headers, self.mapping)
        lines = [
            self.tr("%1 patent(s) added to the register.").replace(
                "%1", str(len(outcome.created))),
            self.tr("%1 patent(s) updated.").replace("%1", str(len(outcome.updated))),
            self.tr("%1 patent(s) already in the register were skipped.").replace(
                "%1", str(len(outcome.skipped_existing))),
        ]
        if outcome.skipped_rows:
            lines.append(self.tr("%1 row(s) with errors were left out (rows %2).")
                         .replace("%1", str(len(outcome.skipped_rows)))
                         .replace("%2", "、".join(str(r) for r in outcome.skipped_rows[:20])
                                  + ("…" if len(outcome.skipped_rows) > 20 else "")))
        screened = self._import_screenings(outcome)  # the inventory's columns (issue 15)
        if screened:
            lines.append(self.tr("Screening columns written for %1 patent(s).")
                         .replace("%1", str(screened)))
        if outcome.offers_created or outcome.offers_updated:
            lines.append(self.tr("Information sheets: %1 created as drafts, %2 updated.")
                         .replace("%1", str(outcome.offers_created))
                         .replace("%2", str(outcome.offers_updated)))
        created = set(outcome.created)
        rows = self.preview.rows if self.preview is not None else ()
        to_check = sum(1 for r in rows if r.record_findings and r.patent.number in created)
        if to_check:
            lines.append(self.tr("%1 new record(s) have findings to check in the register "
                                 "(for example a missing filing date).")
                         .replace("%1", str(to_check)))
        self._show_result_text("\n".join(lines),
                               [(describe(f, language), f.severity) for f in outcome.findings],
                               failed=False)

    def _import_screenings(self, outcome: ImportOutcome) -> int:
        from app.usecases.inventory import import_sheet_screenings

        if self.preview is None:
            return 0
        return import_sheet_screenings(self.store, self.preview.rows,
                                       outcome.skipped_rows).written

    def _show_result_text(self, text: str, items: Sequence[tuple[str, Severity]],
                          failed: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(f"color: {ERROR_COLOUR};" if failed else "")
        self.result_list.clear()
        for line, severity in items:
            item = QListWidgetItem(line)
            item.setForeground(QColor(ERROR_COLOUR if severity is Severity.ERROR
                                      else WARNING_COLOUR))
            self.result_list.addItem(item)
        self.result_list.setVisible(bool(items))
        # Without the list the text stays at the top instead of floating in the middle.
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        page = self.pages.widget(RESULT_PAGE)
        layout = page.layout() if page is not None else None
        assert isinstance(layout, QVBoxLayout)
        layout.setStretch(2, 0 if items else 1)
        self._show_page(RESULT_PAGE)

    # Closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        if self._busy():
            return  # the progress dialog's Cancel stops the work; then the wizard closes
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self._busy():
            event.ignore()
            return
        super().closeEvent(event)


def open_import_wizard(parent: QWidget | None, store: Store) -> int:
    """Run the import wizard; returns the number of patents it created or updated."""
    wizard = ImportWizard(store, parent)
    wizard.exec()
    return wizard.imported

