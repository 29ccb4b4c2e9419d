"""The main window: the patent register, its filter and the actions on it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QPalette, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QWidget,
)

from app import __app_name__, __app_name_zh__, __version__
from app.ui import i18n, interaction
from app.ui.early_qt import set_property
from app.ui.i18n import EN, ZH
from app.ui.register_model import TOOLTIP_ROLE, Column, PatentFilterProxy, PatentTableModel
from app.ui.screen_fit import fit_to_screen
from app.ui.settings import Preferences

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QKeyEvent

    from app.models.register_table import RegisterPreview
    from app.models.store import Store
    from app.ui.patent_editor import PatentEditor
    from app.usecases.versions import RowMarks

MAX_NAMED_IN_CONFIRMATION = 10
ROW_REFRESH_LIMIT = 500  # more patents changed elsewhere than this: the register reloads whole


class RegisterView(QTableView):
    """The table; Return/Enter opens the current patent, as a double-click does."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # after the first paint (app/ui/early_qt.py)

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class ProblemsPane(QScrollArea):
    """The selected patent's findings, its sheet and where it was sent: rich text that can be
    selected and copied, and scrolls when long.

    A label in a scroll area, not a QTextBrowser: the first text-edit widget of a process
    takes ~4 ms to build, and this pane is on screen at the window's first paint.
    """

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = placeholder
        self._html = ""
        self.setWidgetResizable(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.label = QLabel()
        self.label.setObjectName("problems_text")
        self.label.setWordWrap(True)
        # By name, not Qt.… members: built before the first paint (app/ui/early_qt.py).
        set_property(self.label, "alignment", "AlignLeft|AlignTop")
        self.label.setContentsMargins(6, 4, 6, 4)
        set_property(self.label, "textInteractionFlags",
                     "TextSelectableByMouse|TextSelectableByKeyboard")
        self.setWidget(self.label)
        self.clear()

    def setHtml(self, html: str) -> None:  # noqa: N802 - the QTextEdit name it stands in for
        self._html = html
        self.label.setForegroundRole(QPalette.ColorRole.Text)
        set_property(self.label, "textFormat", "RichText")
        self.label.setText(html)

    def clear(self) -> None:
        self._html = ""
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        set_property(self.label, "textFormat", "PlainText")
        self.label.setText(self._placeholder)

    def toPlainText(self) -> str:  # noqa: N802
        from PySide6.QtGui import QTextDocumentFragment

        return QTextDocumentFragment.fromHtml(self._html).toPlainText()


class MainWindow(QMainWindow):
    register_loaded = Signal()

    def __init__(self, preferences: Preferences | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.preferences = preferences or Preferences()
        self.store: Store | None = None
        self._preview: RegisterPreview | None = None  # rows shown before the store opened
        self.start_location: Any = None  # app.usecases.start.StartLocation, set by the start
        self.editor: PatentEditor | None = None
        self._pending_drafts: list[tuple[int | None, dict[str, Any]]] = []
        self._errors: int | None = None
        self._checks_pending = False
        self._patent_marks: RowMarks | None = None  # what the last look saw

        self.setObjectName("main_window")
        self.setWindowTitle(self._title())
        self.model = PatentTableModel(self)
        self.proxy = PatentFilterProxy(self)
        self.model.checks_finished.connect(self._checks_finished)

        # What the window sets up before its first paint avoids PySide's `Qt` namespace
        # (app/ui/early_qt.py): Qt enum values by name, and the header's titles from a model
        # of its own, since Qt would call the register model's Python `headerData` with a
        # `Qt.Orientation`. The register model is joined to the proxy after the view took
        # the proxy, so that the header never asks it.
        self.view = RegisterView()
        self.view.setObjectName("register")
        self.view.setModel(self.proxy)
        self.header_titles = QStandardItemModel(0, len(Column), self)
        self.header_titles.setHorizontalHeaderLabels(
            [self.model.header_text(column) or "" for column in Column])
        for column in Column:
            tip = self.model.header_text(column, TOOLTIP_ROLE)
            if tip:
                self.header_titles.horizontalHeaderItem(column).setToolTip(tip)
        self.view.horizontalHeader().setModel(self.header_titles)
        self.proxy.setSourceModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        set_property(self.view, "textElideMode", "ElideRight")
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        # The sort indicator (none at first) and the sort by the header's clicks are set up
        # with the first rows: _after_first_paint.
        header.setSectionsClickable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.MARKER, QHeaderView.ResizeMode.Fixed)
        for column, width in (
            (Column.MARKER, 28),
            (Column.NUMBER, 150),
            (Column.KIND, 80),
            (Column.PATENTEES, 200),
            (Column.FILING_DATE, 96),
            (Column.EXPIRY, 130),
            (Column.LEGAL_STATUS, 120),
            (Column.OFFER, 150),
        ):
            header.resizeSection(column, width)
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        self.view.open_requested.connect(self.edit_current)

        self.problems = ProblemsPane(self.tr("Select a patent to see what needs checking."))
        self.problems.setObjectName("problems")

        self.splitter = QSplitter()
        set_property(self.splitter, "orientation", "Vertical")
        self.splitter.setObjectName("register_splitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.problems)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 120])
        self.setCentralWidget(self.splitter)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter by number, title or patentee"))
        self.filter_edit.setMinimumWidth(260)
        self.filter_edit.textChanged.connect(self.apply_filter)

        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)

        self._make_actions()
        from app.ui.first_start import FirstStartGuide

        self.first_start = FirstStartGuide(self)  # first start, sample register, 使用说明
        self._make_menus_and_toolbar()
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._selection_changed()
        self._update_count()
        self._restore_state()
        self.set_store(None)

    # Building ---------------------------------------------------------------------------

    def _title(self) -> str:
        name = __app_name_zh__ if i18n.language() == ZH else __app_name__
        return name

    def _make_actions(self) -> None:
        self.add_action = QAction(self.tr("&Add patent…"), self)
        # Shortcuts as text, through the property: setShortcut's overloads make the Qt enums,
        # and the QKeySequence class's own (StandardKey) cost 2 ms (app/ui/early_qt.py). The
        # keys are QKeySequence.StandardKey's on Windows and Linux; test_first_paint.py
        # compares them on the platform it runs on.
        set_property(self.add_action, "shortcut", "Ctrl+N")  # StandardKey.New
        self.add_action.setToolTip(self.tr("Add a patent to the register (Ctrl+N)"))
        self.add_action.triggered.connect(lambda: self.edit_patent(None))

        self.edit_action = QAction(self.tr("&Edit patent…"), self)
        set_property(self.edit_action, "shortcut", "Ctrl+E")
        self.edit_action.setToolTip(self.tr("Edit the selected patent (Enter or double-click)"))
        self.edit_action.triggered.connect(self.edit_current)

        self.delete_action = QAction(self.tr("&Delete patents…"), self)
        set_property(self.delete_action, "shortcut", "Del")  # StandardKey.Delete
        set_property(self.delete_action, "shortcutContext", "WidgetWithChildrenShortcut")
        self.delete_action.setToolTip(self.tr("Delete the selected patents (Del)"))
        self.delete_action.triggered.connect(self.delete_selected)
        # Del only acts in the table: in the filter box it deletes a character.
        self.view.addAction(self.delete_action)

        self.find_action = QAction(self.tr("&Find…"), self)
        set_property(self.find_action, "shortcut", "Ctrl+F")  # StandardKey.Find
        self.find_action.triggered.connect(self._focus_filter)

        self.organisation_action = QAction(self.tr("&Organisation profile…"), self)
        self.organisation_action.setToolTip(self.tr("The unit's name, address and contacts"))
        self.organisation_action.triggered.connect(self.edit_organisation)

        self.quit_action = QAction(self.tr("E&xit"), self)
        # StandardKey.Quit depends on the platform's keyboard scheme (none on Windows): set
        # with the first rows (_after_first_paint), where QKeySequence may be made.
        self.quit_action.triggered.connect(self.close)

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        # Each language is named in itself, so a clerk can find theirs in either interface.
        for code, name in ((ZH, "中文（简体）"), (EN, "English")):
            language_action = QAction(name, self, checkable=True)
            language_action.setData(code)
            language_action.setChecked(self.preferences.language == code)
            language_action.triggered.connect(
                lambda _checked=False, c=code: self.choose_language(c))
            self.language_group.addAction(language_action)
            self.language_actions[code] = language_action

        self.about_action = QAction(self.tr("&About Licence Desk"), self)
        self.about_action.triggered.connect(self.show_about)

        def action(text: str, slot: Any, tip: str = "", shortcut: str = "") -> QAction:
            made = QAction(text, self)
            if tip:
                made.setToolTip(tip)
                made.setStatusTip(tip)
            if shortcut:
                set_property(made, "shortcut", shortcut)
            made.triggered.connect(lambda _checked=False: slot())
            return made

        # Information sheets (offers) of the selected patents.
        self.offer_action = action(
            self.tr("&Information sheet…"), self.edit_offer,
            self.tr("Fill in or check the selected patent's information sheet"), "Ctrl+I")
        self.create_offers_action = action(
            self.tr("&Create information sheets for the selected…"), self.create_offers,
            self.tr("One information sheet per selected patent, from shared defaults"))
        self.finalise_action = action(
            self.tr("&Finalise the selected information sheets"), self.finalise_selected,
            self.tr("Mark the sheets without errors ready to print"))
        self.generate_action = action(
            self.tr("&Generate PDFs…"), self.generate_pdfs,
            self.tr("Information sheets and declarations of the selected patents, as PDF"),
            "Ctrl+P")
        self.open_pdf_action = action(
            self.tr("&Open the generated PDF"), self.open_pdf,
            self.tr("Open the selected patent's information sheet in the PDF viewer"))
        self.print_pdf_action = action(
            self.tr("P&rint the generated PDF"), self.print_pdf,
            self.tr("Print the selected patent's information sheet with the system's PDF "
                    "program"))
        self.seal_action = action(
            self.tr("Attach a &sealed copy…"), self.attach_sealed_copy,
            self.tr("The scan of the stamped paper, sent in place of the generated PDF"))
        self.deal_from_offer_action = action(
            self.tr("Record a &licence achieved from this offer…"), self.deal_from_offer)
        # Submission.
        self.import_excel_action = action(
            self.tr("Import patents from &Excel…"), self.import_excel,
            self.tr("Read a patent list (.xlsx or .csv) into the register"))
        self.batches_action = action(
            self.tr("&Batches and summary list…"), self.open_batches,
            self.tr("Choose the sheets of a submission and write the summary list"))
        self.package_action = action(
            self.tr("Build a &package…"), self.open_package,
            self.tr("The files of a submission, checked, in a folder, a zip and e-mails"))
        self.outbox_action = action(
            self.tr("&Outbox…"), self.open_outbox,
            self.tr("Send, retry and see what was sent"))
        self.accounts_action = action(self.tr("Mail &accounts…"), self.open_accounts)
        self.targets_action = action(self.tr("Send &targets…"), self.open_targets)
        # Achieved licences and the Henan summary book.
        self.deals_action = action(
            self.tr("&Achieved licences…"), self.open_deals,
            self.tr("The register of licences achieved (达成许可)"))
        self.book_action = action(
            self.tr("&Summary book…"), self.open_summary_book,
            self.tr("The Henan summary book (总结书) of a reporting period"))
        # The notices' other forms (app.ui.other_forms).
        self.contracts_action = action(
            self.tr("Licence &contracts…"), self.open_contracts,
            self.tr("专利开放许可合同: PDF and an editable Word file; a signed one records "
                    "its deal"))
        self.application_action = action(
            self.tr("Henan &application and work plan…"), self.open_henan_application,
            self.tr("河南省专利开放许可试点工作申请书 and 工作方案"))
        self.contacts_sheet_action = action(
            self.tr("&Contacts sheet…"), self.write_contacts_sheet,
            self.tr("专利开放许可试点工作联系人信息表 (Henan or Xinyang), Excel and PDF"))
        self.ops_centre_action = action(
            self.tr("&Ops-centre summary table…"), self.open_ops_centre,
            self.tr("The Henan operations-centre summary table (运营管理中心建设工作总结表)"))
        self.inventory_action = action(  # the stock-patent inventory (issue 15)
            self.tr("Stock-patent &inventory…"), self.open_inventory,
            self.tr("Screen the portfolio and write the Anhui tables (存量专利盘点)"))
        # The whole dataset as a file.
        self.import_json_action = action(
            self.tr("&Import a JSON data file…"), self.import_json,
            self.tr("Read a Licence Desk JSON file into the register"))
        self.export_json_action = action(
            self.tr("&Export a JSON data file…"), self.export_json,
            self.tr("Write the whole register to a Licence Desk JSON file"))
        # One-file backup: the register and every stored file (issue 16, app/ui/backup_actions).
        self.backup_action = action(
            self.tr("&Back up to a file…"), self.back_up,
            self.tr("Write the register and every stored file to one zip file"))
        self.restore_action = action(
            self.tr("&Restore from a backup file…"), self.restore_backup,
            self.tr("Replace the register by a backup zip, checked in full first"))
        # Which register: this PC's file or the office server (issue 16).
        self.database_action = action(
            self.tr("&Database…"), self.open_database_settings,
            self.tr("This PC's register or the office server"))
        self.store_actions = (
            self.create_offers_action, self.import_excel_action, self.batches_action,
            self.package_action, self.outbox_action, self.accounts_action,
            self.targets_action, self.deals_action, self.book_action, self.ops_centre_action,
            self.import_json_action, self.backup_action, self.restore_action,
            self.export_json_action, self.finalise_action, self.generate_action,
            self.contracts_action, self.application_action, self.contacts_sheet_action,
            self.inventory_action,
        )
        self.single_patent_actions = (
            self.offer_action, self.open_pdf_action, self.print_pdf_action, self.seal_action,
            self.deal_from_offer_action,
        )

    def _make_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.organisation_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addAction(self.export_json_action)
        file_menu.addAction(self.import_json_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        patents_menu = bar.addMenu(self.tr("&Patents"))
        for action in (self.add_action, self.edit_action, self.delete_action):
            patents_menu.addAction(action)
        patents_menu.addSeparator()
        patents_menu.addAction(self.import_excel_action)
        patents_menu.addSeparator()
        patents_menu.addAction(self.find_action)
        offers_menu = bar.addMenu(self.tr("&Information sheets"))
        for item in (self.offer_action, self.create_offers_action, None, self.finalise_action,
                     self.generate_action, self.open_pdf_action, self.print_pdf_action,
                     self.seal_action):
            if item is None:
                offers_menu.addSeparator()
            else:
                offers_menu.addAction(item)
        submission_menu = bar.addMenu(self.tr("Su&bmission"))
        for item in (self.batches_action, self.package_action, self.outbox_action, None,
                     self.accounts_action, self.targets_action):
            if item is None:
                submission_menu.addSeparator()
            else:
                submission_menu.addAction(item)
        licences_menu = bar.addMenu(self.tr("&Licences"))
        licences_menu.addAction(self.deals_action)
        licences_menu.addAction(self.deal_from_offer_action)
        licences_menu.addSeparator()
        licences_menu.addAction(self.book_action)
        licences_menu.addAction(self.ops_centre_action)
        licences_menu.addSeparator()
        for item in (self.contracts_action, self.application_action,
                     self.contacts_sheet_action):
            licences_menu.addAction(item)
        licences_menu.addSeparator()
        licences_menu.addAction(self.inventory_action)
        settings_menu = bar.addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        for action in self.language_actions.values():
            language_menu.addAction(action)
        settings_menu.addAction(self.database_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions(list(self.first_start.actions))
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar(self.tr("Register"))
        toolbar.setObjectName("register_toolbar")
        toolbar.setMovable(False)
        set_property(toolbar, "toolButtonStyle", "ToolButtonTextOnly")
        for item in (self.add_action, self.edit_action, self.delete_action, None,
                     self.offer_action, self.generate_action, self.batches_action,
                     self.outbox_action, None, self.organisation_action):
            if item is None:
                toolbar.addSeparator()
                continue
            # Buttons show no accelerator: Qt drops "&" but not the "(&A)" of Chinese menus.
            item.setIconText(_button_text(item.text()))
            toolbar.addAction(item)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.filter_edit)

    # State ------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        prefs = self.preferences
        geometry = prefs.state("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            fit_to_screen(self, 1100, 700)
        state = prefs.state("main_window/state")
        if state is not None:
            self.restoreState(state)
        splitter = prefs.state("main_window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header_state = prefs.state("register/header")
        header = self.view.horizontalHeader()
        self._widths_chosen = header_state is not None and header.restoreState(header_state)
        self._sort_pending = True

    def _after_first_paint(self) -> None:
        """Once, before the first rows are loaded (in the application, after the first paint):
        the model sorts as the restored header shows, or the header gets its sort indicator
        (on no column yet), and Quit gets the platform's key. Not in the constructor: they
        take `Qt.SortOrder` and QKeySequence's enums (app/ui/early_qt.py), and before the
        rows there is nothing to sort."""
        if not self._sort_pending:
            return
        self._sort_pending = False
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence

        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        header = self.view.horizontalHeader()
        if not self._widths_chosen:
            header.setSortIndicatorShown(True)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        else:
            section = header.sortIndicatorSection()
            if 0 <= section < len(Column):
                self.model.sort(section, header.sortIndicatorOrder())
        # Joined only now: restoring the header's state emits this signal, and before `Qt`
        # is made PySide cannot pass its Qt.SortOrder to a Python slot (a TypeError).
        header.sortIndicatorChanged.connect(self.proxy.sort)

    def save_state(self) -> None:
        prefs = self.preferences
        prefs.set_state("main_window/geometry", QByteArray(self.saveGeometry()))
        prefs.set_state("main_window/state", QByteArray(self.saveState()))
        prefs.set_state("main_window/splitter", QByteArray(self.splitter.saveState()))
        prefs.set_state("register/header", QByteArray(self.view.horizontalHeader().saveState()))
        prefs.sync()

    # The database -----------------------------------------------------------------------

    def set_store(self, store: Store | None) -> None:
        """Attach the opened database (the window paints before it is opened)."""
        if self.store is not None and self.store is not store:
            from app.ui.version_guard import forget_watch

            forget_watch(self.store)  # the register switched away from is no longer looked at
        self.store = store
        for action in (self.add_action, self.organisation_action, *self.store_actions):
            action.setEnabled(store is not None)
        self._selection_changed()
        if store is None:
            self.statusBar().showMessage(self.tr("Opening the register…"))
            return
        self.statusBar().clearMessage()
        # The baseline of what others change is taken before the rows are read (a change in
        # between is then seen at the next look) and before the background checks start: a
        # query beside a busy Python thread waits for the GIL at every row (1.8 s, not 0.1 s,
        # for 50,000 patents).
        self._watch_changes(store)
        self.reload()

    def _watch_changes(self, store: Store) -> None:
        """Notice what other clerks (other PCs, other copies) change: issue 16."""
        from app.ui.version_guard import watch_for
        from app.usecases.versions import record_marks

        watch = watch_for(store, self)
        watch.changed.connect(self._changed_elsewhere)
        watch.start()
        self._patent_marks = record_marks(store, "patent")

    def _changed_elsewhere(self, tables: frozenset[str]) -> None:
        """Tables changed since the last look: the register shows them, row by row where few
        changed (the scroll position and the selection stay), reloaded where many did; open
        deal lists and the forms computed from deals recompute."""
        if self.store is None:
            return
        if "patent" in tables:
            self._refresh_changed_patents()
        elif "offer" in tables:
            self.refresh_offer_marks()
            self._selection_changed()
        if "deal" in tables:
            from app.ui.deal_editor import deal_events

            deal_events().changed.emit()

    def _refresh_changed_patents(self) -> None:
        from app.usecases.versions import record_marks, row_changes

        assert self.store is not None
        marks = record_marks(self.store, "patent")
        changes = row_changes(self._patent_marks, marks)
        self._patent_marks = marks
        if changes.count > ROW_REFRESH_LIMIT:
            selected = self.selected_ids()
            self.reload()
            self._select_ids(selected)
            return
        if changes.removed:
            self.model.remove_ids(changes.removed)
        for found_id, fields in self.store.patent_register(list(changes.changed)):
            self.model.upsert(found_id, fields)
        self.refresh_offer_marks()
        self._start_error_count()
        self._selection_changed()

    def _select_ids(self, patent_ids: list[int]) -> None:
        selection = self.view.selectionModel()
        for patent_id in patent_ids:
            row = self.model.row_of(patent_id)
            if row is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, Column.NUMBER))
            if index.isValid():
                selection.select(index, selection.SelectionFlag.Select
                                 | selection.SelectionFlag.Rows)

    def show_register_preview(self, db_path: Any) -> bool:
        """Before the database is open: shows the register's rows read from the SQLite file
        with sqlite3 alone (no SQLAlchemy, no store), so they paint about half a second
        sooner; the actions wait for `set_store`. False when there was nothing to show."""
        from app.models.register_table import RegisterPreview

        preview = RegisterPreview.read(db_path) if self.store is None else None
        if preview is None:
            return False
        self._preview = preview
        self._after_first_paint()
        self.model.load_table(preview.table)
        preview.table = []  # the model holds the rows now
        if not self._widths_chosen:
            self._fit_label_columns()
        self.register_loaded.emit()
        return True

    def reload(self) -> None:
        assert self.store is not None
        self._after_first_paint()
        preview, self._preview = self._preview, None
        # The rows shown by the preview stay when the file has not changed since it was read.
        if preview is None or not preview.unchanged(self.store.database.path):
            self.model.load_table(self.store.register_table())
        if not self._widths_chosen:
            self._fit_label_columns()
        self.refresh_offer_marks()
        self._start_error_count()
        self.first_start.refresh()
        self.register_loaded.emit()

    def _fit_label_columns(self) -> None:
        """Widen the type, expiry and status columns to their longest wording in the current
        language (English runs longer than Chinese), unless the clerk has set the widths."""
        from PySide6.QtWidgets import QStyle  # many enums: not before the first paint

        from app.messages import KIND_LABELS, LEGAL_STATUS_LABELS, label

        language = i18n.language()
        # The model's own wording (its translation context), as the cells show it.
        overridden = QCoreApplication.translate("PatentTableModel", "%1 (entered)").replace(
            "%1", "2040-12-31")
        texts = {
            Column.KIND: [label(KIND_LABELS, key, language) for key in KIND_LABELS],
            Column.EXPIRY: ["2040-12-31", overridden],
            Column.LEGAL_STATUS: [label(LEGAL_STATUS_LABELS, k, language)
                                  for k in LEGAL_STATUS_LABELS],
        }
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        header_metrics = header.fontMetrics()
        padding = 2 * self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        for column, words in texts.items():
            title = self.model.header_text(column) or ""
            needed = max(
                max(metrics.horizontalAdvance(w) for w in words) + padding,
                header_metrics.horizontalAdvance(title) + padding + 16,  # the sort arrow
            )
            if needed > header.sectionSize(column):
                header.resizeSection(column, needed)

    def _start_error_count(self) -> None:
        """Check every record on a worker thread, so the window stays responsive."""
        self._errors = None
        self._checks_pending = True
        self.model.start_checks()
        self._update_count()

    @property
    def checking(self) -> bool:
        """True while records are still being checked in the background (for the count)."""
        return self._checks_pending

    def _checks_finished(self) -> None:
        if self.model.checking:
            return  # a newer check is under way: its own signal follows
        self._checks_pending = False
        self._errors = self.model.error_count()
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.total_count()
        shown = self.proxy.rowCount()
        if shown == total:
            text = self.tr("Patents: %1").replace("%1", str(total))
        else:
            text = self.tr("Shown: %1 of %2 patents").replace("%1", str(shown)).replace(
                "%2", str(total)
            )
        if self._errors:
            text += "    " + self.tr("With errors: %1").replace("%1", str(self._errors))
        self.count_label.setText(text)

    # Filter -----------------------------------------------------------------------------

    def apply_filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        self._update_count()

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    # Selection --------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        return [self.proxy.patent_id(index.row()) for index in sorted(rows, key=lambda i: i.row())]

    def _selection_changed(self, *_args: Any) -> None:
        ids = self.selected_ids()
        has_store = self.store is not None
        self.edit_action.setEnabled(has_store and len(ids) == 1)
        self.delete_action.setEnabled(has_store and bool(ids))
        for single in self.single_patent_actions:
            single.setEnabled(has_store and len(ids) == 1)
        for several in (self.create_offers_action, self.finalise_action, self.generate_action):
            several.setEnabled(has_store and bool(ids))
        self._show_problems(ids[0] if len(ids) == 1 else None)

    def _show_problems(self, patent_id: int | None) -> None:
        row = self.model.row_of(patent_id) if patent_id is not None else None
        if row is None:
            self.problems.clear()
            return
        from app.messages import describe, field_label

        record = self.model.record(row)
        language = i18n.language()
        title = record.cells()[Column.NUMBER]
        extra = self._offer_summary_html(record.patent_id, record.fields.number)
        no_problems = self.tr("No problems found.")
        if not record.findings:
            self.problems.setHtml(
                f"<p><b>{_escape(title)}</b> — {_escape(no_problems)}</p>"
                + extra
            )
            return
        items = []
        for finding in record.findings:
            colour = "#b3261e" if finding.is_error else "#8a5a00"
            items.append(
                f"<li style='color:{colour}'><b>{_escape(field_label(finding.field, language))}"
                f"</b>：{_escape(describe(finding, language))}</li>"
                if language == ZH
                else f"<li style='color:{colour}'><b>"
                f"{_escape(field_label(finding.field, language))}</b>: "
                f"{_escape(describe(finding, language))}</li>"
            )
        self.problems.setHtml(
            f"<p><b>{_escape(title)}</b></p><ul>{''.join(items)}</ul>" + extra
        )

    # Actions ----------------------------------------------------------------------------

    def edit_current(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        self.edit_patent(self.proxy.patent_id(index.row()))

    def edit_patent(
        self, patent_id: int | None, draft: dict[str, Any] | None = None
    ) -> PatentEditor | None:
        if self.store is None:
            return None
        if self.editor is not None:
            self.editor.raise_()
            self.editor.activateWindow()
            return self.editor
        from app.ui.patent_editor import PatentEditor

        editor = PatentEditor(self.store, patent_id, parent=self, draft=draft)
        editor.saved.connect(self._patent_saved)
        editor.finished.connect(self._editor_finished)
        self.editor = editor
        editor.open()
        return editor

    def _patent_saved(self, patent_id: int) -> None:
        assert self.store is not None
        for found_id, fields in self.store.patent_register([patent_id]):
            self.model.upsert(found_id, fields)
        self.refresh_offer_marks()  # a patent edit can return its sheet to draft
        row = self.model.row_of(patent_id)
        if row is not None:
            proxy_index = self.proxy.mapFromSource(self.model.index(row, Column.NUMBER))
            if proxy_index.isValid():
                self.view.setCurrentIndex(proxy_index)
                self.view.scrollTo(proxy_index)
        self._start_error_count()
        self._selection_changed()

    def _editor_finished(self, _result: int) -> None:
        editor = self.editor
        self.editor = None
        if editor is not None:
            editor.deleteLater()
        if self._pending_drafts:
            QTimer.singleShot(0, self._restore_next_draft)

    def delete_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids or self.store is None:
            return False
        lines = []
        for patent_id in ids[:MAX_NAMED_IN_CONFIRMATION]:
            row = self.model.row_of(patent_id)
            if row is not None:
                cells = self.model.record(row).cells()
                lines.append(f"{cells[Column.NUMBER]}  {cells[Column.TITLE]}")
        if len(ids) > MAX_NAMED_IN_CONFIRMATION:
            lines.append(
                self.tr("… and %1 more").replace("%1", str(len(ids) - MAX_NAMED_IN_CONFIRMATION))
            )
        question = self.tr("Delete these %1 patents from the register?").replace(
            "%1", str(len(ids))
        ) if len(ids) > 1 else self.tr("Delete this patent from the register?")
        details = "\n".join(lines) + "\n\n" + self.tr("This cannot be undone.")
        if not interaction.confirm(self, self.tr("Delete patents"), question, details):
            return False
        self.store.delete_patents(ids)
        self.model.remove_ids(ids)
        self._start_error_count()
        self.statusBar().showMessage(
            self.tr("Deleted: %1").replace("%1", str(len(ids))), 5000
        )
        return True

    def edit_organisation(self) -> None:
        if self.store is None:
            return
        from app.ui.organisation_dialog import OrganisationDialog

        dialog = OrganisationDialog(self.store, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def choose_language(self, code: str) -> None:
        if code == self.preferences.language:
            return
        self.preferences.language = code
        interaction.inform(
            self,
            self.tr("Language"),
            self.tr("The new language takes effect when Licence Desk is started again."),
        )

    def show_about(self) -> None:
        text = (
            f"<h3>{__app_name_zh__}</h3><p>{__app_name__} {__version__}</p><p>"
            + self.tr(
                "Keeps the unit's patent register and fills the provincial patent "
                "open-licensing forms."
            )
            + "</p>"
        )
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About Licence Desk"), text)


    # Information sheets -----------------------------------------------------------------

    def _single_patent(self) -> int | None:
        ids = self.selected_ids()
        return ids[0] if len(ids) == 1 else None

    def _offers_of(self, patent_ids: list[int]) -> list[Any]:
        assert self.store is not None
        wanted = set(patent_ids)
        return [offer for offer in self.store.offers() if offer.patent_id in wanted]

    def refresh_offer_marks(self) -> None:
        """The register's information-sheet column: each offer's state, PDFs out of date."""
        if self.store is None:
            return
        offers = self.store.offers()
        outdated: set[int] = set()
        if offers and self.store.generated_documents([o.id for o in offers]):
            # Only then: checking needs the PDF code, which is slow to import.
            from app.export.offer_documents import document_statuses

            statuses = document_statuses(self.store, [o.id for o in offers], check_files=False)
            outdated = {oid for oid, status in statuses.items() if status.out_of_date}
        self.model.set_offer_marks({o.patent_id: (o.state, o.id in outdated) for o in offers})
        import sys

        batch_window = sys.modules.get("app.ui.batch_window")  # not imported: none is open
        if batch_window is not None:  # an open batch window shows the states too
            for batches in self.findChildren(batch_window.BatchWindow):
                batches.states_changed()

    def _offer_summary_html(self, patent_id: int, number: str) -> str:
        """The selected patent's sheet, its problems, and where it was sent."""
        if self.store is None:
            return ""
        from app.messages import describe, field_label
        from app.models.offers import check_offer_record
        from app.ui.offer_editor import state_label

        language = i18n.language()
        offer = self.store.offer_for_patent(patent_id)
        if offer is None:
            none_yet = self.tr("No information sheet yet (Ctrl+I to start one).")
            return f"<p>{_escape(none_yet)}</p>"
        heading = self.tr("Information sheet")
        parts = [f"<p><b>{_escape(heading)}</b>："
                 f"{_escape(self.model.offer_text(patent_id) or state_label(offer.state))}</p>"]
        items = []
        for finding in check_offer_record(offer):
            if finding.code == "offer.patent_has_errors":
                continue
            colour = "#b3261e" if finding.is_error else "#8a5a00"
            items.append(f"<li style='color:{colour}'><b>"
                         f"{_escape(field_label(finding.field, language))}</b>："
                         f"{_escape(describe(finding, language))}</li>")
        if items:
            parts.append(f"<ul>{''.join(items)}</ul>")
        try:
            from app.submit.records import SubmissionRecords

            sent = SubmissionRecords(self.store.database).sent_patents(number)
        except Exception:  # the submission tables are optional reading here
            sent = []
        for item in sent[:5]:
            when = item.sent_at.strftime("%Y-%m-%d %H:%M")
            parts.append("<p>" + _escape(
                self.tr("Sent on %1 in package %2 to %3").replace("%1", when)
                .replace("%2", item.package_name).replace("%3", "、".join(item.recipients))
            ) + "</p>")
        return "".join(parts)

    def edit_offer(self, patent_id: int | None = None, draft: dict[str, Any] | None = None
                   ) -> Any:
        if self.store is None:
            return None
        patent_id = patent_id if patent_id is not None else self._single_patent()
        if patent_id is None:
            return None
        from app.ui.offer_editor import OfferEditor

        editor = OfferEditor(self.store, patent_id, parent=self, draft=draft)
        editor.saved.connect(self._offer_changed)
        editor.finalised.connect(self._offer_changed)
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def _offer_changed(self, *_args: Any) -> None:
        self.refresh_offer_marks()
        self._selection_changed()

    def create_offers(self) -> Any:
        ids = self.selected_ids()
        if self.store is None or not ids:
            return None
        from app.ui.bulk_offers_dialog import BulkOffersDialog

        dialog = BulkOffersDialog(self.store, ids, self)

        def done() -> None:
            outcome = dialog.outcome
            self._offer_changed()
            if outcome is not None:
                self.statusBar().showMessage(
                    self.tr("Information sheets created: %1; already there: %2; to correct: %3")
                    .replace("%1", str(outcome.created)).replace("%2", str(outcome.skipped))
                    .replace("%3", str(outcome.with_errors)), 10000)

        dialog.accepted.connect(done)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def finalise_selected(self) -> tuple[int, int]:
        """Finalise the selected patents' sheets; (finalised, refused)."""
        if self.store is None:
            return 0, 0
        from app.messages import describe
        from app.usecases.offers import finalise_offers

        language = i18n.language()
        outcome = finalise_offers(self.store, self._offers_of(self.selected_ids()))
        # Finalised now or before: either way the selected sheets are finalised.
        done, refused = outcome.finalised + outcome.already, len(outcome.refused)
        lines: list[str] = []
        for number, errors in outcome.refused[:12]:
            if errors:
                lines.append(f"{number}：{describe(errors[0], language)}"
                             + (self.tr(" (and %1 more)").replace("%1", str(len(errors) - 1))
                                if len(errors) > 1 else ""))
        self._offer_changed()
        text = self.tr("Finalised: %1. Not finalised because of errors: %2.").replace(
            "%1", str(done)).replace("%2", str(refused))
        if lines:
            text += "\n\n" + "\n".join(lines)
        interaction.inform(self, self.tr("Finalise"), text)
        return done, refused

    def generate_pdfs(self, folder: str | None = None, *, combined: bool | None = None,
                      draft: bool | None = None) -> Any:
        """Write the selected patents' sheets and declarations as PDF, off the UI thread."""
        if self.store is None:
            return None
        offers = self._offers_of(self.selected_ids())
        if not offers:
            interaction.inform(self, self.tr("Generate PDFs"),
                               self.tr("The selected patents have no information sheet yet."))
            return None
        if combined is None or draft is None:
            choice = ask_generate_options(self, len(offers))
            if choice is None:
                return None
            combined, draft = choice
        from app.usecases.offers import plan_offer_documents

        plan = plan_offer_documents(self.store, [o.id for o in offers], draft=bool(draft))
        if plan.writes_nothing:  # say so before asking for a folder nothing would go into
            interaction.inform(self, self.tr("Generate PDFs"), self.tr(
                "None of the selected sheets can be written as final PDFs: finalise them "
                "first (without errors), or choose draft PDFs.") + _refusal_lines(plan.refused))
            return None
        if folder is None:
            folder = interaction.choose_folder(
                self, self.tr("Folder for the PDFs"), self.preferences.last_folder("pdf"))
            if not folder:
                return None
        self.preferences.set_last_folder("pdf", folder)
        from app.ui.operations import run_operation

        store = self.store
        offer_ids = [o.id for o in offers]

        def work(progress: Any, cancelled: Any) -> Any:
            from app.usecases.offers import write_offer_documents

            return write_offer_documents(store, offer_ids, folder, draft=bool(draft),
                                         combined=bool(combined), progress=progress,
                                         cancelled=cancelled)

        return run_operation(self, self.tr("Generating PDFs…"), work,
                             lambda result: self._pdfs_generated(result, folder),
                             self._operation_failed)

    def _pdfs_generated(self, result: Any, folder: str) -> None:
        from app.messages import describe

        language = i18n.language()
        self._offer_changed()
        text = self.tr("Files written: %1.").replace("%1", str(len(result.written)))
        if result.written:
            text += "\n" + self.tr("Folder: %1").replace("%1", folder)
        if result.cancelled:
            text += " " + self.tr("Stopped on request.")
        for failure in result.failures[:10]:
            errors = [f for f in failure.findings if f.is_error] or list(failure.findings)
            reason = describe(errors[0], language) if errors else ""
            text += f"\n{failure.number}：{reason}"
        if len(result.failures) > 10:
            text += "\n" + self.tr("… and %1 more").replace("%1", str(len(result.failures) - 10))
        if result.written and interaction.confirm(
            self, self.tr("Generate PDFs"), text, self.tr("Open the folder?")
        ):
            interaction.open_path(folder)
        elif not result.written:
            interaction.inform(self, self.tr("Generate PDFs"), text)

    def _operation_failed(self, error: BaseException) -> None:
        from app.ui.operations import failure_text

        interaction.critical(self, self.tr("Something went wrong"),
                             self.tr("The work stopped: %1").replace("%1", failure_text(error)))

    def _documents_of_selected(self) -> list[Any]:
        """The latest recorded (non-draft) documents of the selected patent's sheet."""
        patent_id = self._single_patent()
        if self.store is None or patent_id is None:
            return []
        offer = self.store.offer_for_patent(patent_id)
        if offer is None:
            return []
        latest: dict[str, Any] = {}
        for document in self.store.generated_documents([offer.id]):
            if document.draft:
                continue
            known = latest.get(document.kind)
            if known is None or document.generated_at >= known.generated_at:
                latest[document.kind] = document
        return sorted(latest.values(), key=lambda d: d.kind != "information_sheet")

    def open_pdf(self) -> bool:
        return self._open_or_print_pdf(printing=False)

    def print_pdf(self) -> bool:
        return self._open_or_print_pdf(printing=True)

    def _open_or_print_pdf(self, printing: bool) -> bool:
        from pathlib import Path

        title = self.tr("Print PDF") if printing else self.tr("Open PDF")
        documents = self._documents_of_selected()
        if not documents:
            interaction.inform(self, title,
                               self.tr("No PDF has been generated for this patent yet."))
            return False
        path = Path(documents[0].path)
        if documents[0].sealed_path and self.store is not None:
            from app.usecases.files import sealed_copy_path

            sealed = sealed_copy_path(self.store, documents[0].id)
            if isinstance(sealed, Path):
                path = sealed
            elif sealed is not None:  # not the unsealed PDF in its place: say what is wrong
                from app.messages import describe

                interaction.inform(self, title, describe(sealed, i18n.language()))
                return False
        if not path.exists():
            interaction.inform(self, title,
                               self.tr("The file is no longer there: %1").replace("%1", str(path)))
            return False
        return (interaction.print_path if printing else interaction.open_path)(str(path))

    def attach_sealed_copy(self) -> Any:
        documents = self._documents_of_selected()
        if self.store is None:
            return None
        if not documents:
            interaction.inform(self, self.tr("Attach a sealed copy"),
                               self.tr("Generate the PDFs first: a sealed copy replaces one."))
            return None
        names = {"information_sheet": self.tr("Information sheet"),
                 "declaration": self.tr("Declaration"), "combined": self.tr("Print file")}
        index = 0
        if len(documents) > 1:
            choice = interaction.choose_item(
                self, self.tr("Attach a sealed copy"), self.tr("The scan replaces:"),
                [names.get(d.kind, d.kind) for d in documents])
            if choice is None:
                return None
            index = choice
        from app.ui.sealed_copy_dialog import attach_sealed_copy_dialog

        dialog = attach_sealed_copy_dialog(self, self.store, documents[index].id)
        dialog.finished.connect(self._offer_changed)
        return dialog

    def deal_from_offer(self) -> Any:
        patent_id = self._single_patent()
        if self.store is None or patent_id is None:
            return None
        offer = self.store.offer_for_patent(patent_id)
        from app.ui.deal_editor import open_deal_editor

        return open_deal_editor(self, self.store, from_offer_id=offer.id if offer else None)

    def _offer_unsaved_sheets(self) -> None:
        """Information sheets typed and never saved: say so; the editor restores them."""
        assert self.store is not None
        drafts = self.store.drafts("offer")
        if not drafts:
            return
        numbers = []
        for patent_id, _payload in drafts:
            record = self.model.find(patent_id) if patent_id is not None else None
            if record is not None:
                numbers.append(record.cells()[Column.NUMBER])
        if numbers:
            self.statusBar().showMessage(
                self.tr("Unsaved information sheets (opened again, they come back): %1")
                .replace("%1", "、".join(numbers[:5])), 15000)

    # Other windows ----------------------------------------------------------------------

    def import_excel(self) -> int:
        if self.store is None or not self.first_start.clear_before_import():
            return 0
        from app.ui.import_wizard import open_import_wizard

        count = open_import_wizard(self, self.store)
        if count:
            self.reload()
        return count

    def open_batches(self) -> Any:
        if self.store is None:
            return None
        from app.ui.batch_window import open_batch_window

        offers = [o.id for o in self._offers_of(self.selected_ids())]
        return open_batch_window(self, self.store, preselected_offer_ids=offers)

    def open_package(self) -> Any:
        if self.store is None:
            return None
        from app.ui.package_window import open_package_window

        return open_package_window(self, self.store, patent_ids=self.selected_ids())

    def open_outbox(self) -> Any:
        if self.store is None:
            return None
        from app.ui.outbox_window import open_outbox

        return open_outbox(self, self.store)

    def open_accounts(self) -> Any:
        if self.store is None:
            return None
        from app.ui.accounts_dialog import open_accounts

        return open_accounts(self, self.store)

    def open_database_settings(self) -> Any:
        from app.ui.database_dialog import open_database_settings

        return open_database_settings(self)

    def open_targets(self) -> Any:
        if self.store is None:
            return None
        from app.ui.targets_dialog import open_targets

        return open_targets(self, self.store)

    def open_deals(self) -> Any:
        if self.store is None:
            return None
        from app.ui.deals_window import open_deals_window

        return open_deals_window(self, self.store)

    def open_inventory(self) -> Any:
        if self.store is None:
            return None
        from app.ui.inventory_window import open_inventory_window

        return open_inventory_window(self, self.store)

    def open_summary_book(self) -> Any:
        if self.store is None:
            return None
        from app.ui.summary_book_editor import open_summary_book_editor

        return open_summary_book_editor(self, self.store, open_deals=self.open_deals)

    def open_contracts(self) -> Any:
        if self.store is None:
            return None
        from app.ui.other_forms import open_contracts_window

        numbers = [p.number for p in (self.store.patent(i) for i in self.selected_ids()) if p]
        return open_contracts_window(self, self.store, numbers)

    def open_henan_application(self) -> Any:
        if self.store is None:
            return None
        from app.ui.other_forms import open_henan_application

        return open_henan_application(self, self.store)

    def write_contacts_sheet(self) -> Any:
        if self.store is None:
            return None
        from app.ui.other_forms import write_contacts_sheet

        return write_contacts_sheet(self, self.store)

    def open_ops_centre(self) -> Any:
        if self.store is None:
            return None
        from app.ui.ops_centre_editor import open_ops_centre_editor

        return open_ops_centre_editor(self, self.store)

    def export_json(self, path: str | None = None) -> Any:
        if self.store is None:
            return None
        if path is None:
            path = interaction.choose_save_file(
                self, self.tr("Back up to a file"), self.preferences.last_folder("backup"),
                self.tr("Licence Desk backup (*.json)"))
            if not path:
                return None
        from pathlib import Path

        self.preferences.set_last_folder("backup", Path(path).parent)
        store = self.store

        def work(progress: Any, cancelled: Any) -> Any:
            from app.usecases.register import export_data_file

            return export_data_file(store, Path(path))

        def done(exported: Any) -> None:
            if exported.findings:
                from app.messages import describe

                interaction.critical(self, self.tr("Back up to a file"), "\n".join(
                    describe(f, i18n.language()) for f in exported.findings))
                return
            self.statusBar().showMessage(
                self.tr("Backed up %1 patents to %2").replace("%1", str(exported.count))
                .replace("%2", str(path)), 10000)

        from app.ui.operations import run_operation

        return run_operation(self, self.tr("Backing up…"), work, done, self._operation_failed)

    def back_up(self, path: str | None = None) -> Any:
        from app.ui.backup_actions import back_up

        return back_up(self, path)

    def restore_backup(self, path: str | None = None) -> Any:
        from app.ui.backup_actions import restore

        return restore(self, path)

    def import_json(self, path: str | None = None) -> Any:
        if self.store is None or not self.first_start.clear_before_import():
            return None
        if path is None:
            path = interaction.choose_open_file(
                self, self.tr("Restore from a backup file"),
                self.preferences.last_folder("backup"),
                self.tr("Licence Desk backup (*.json)"))
            if not path:
                return None
        store = self.store

        def work(progress: Any, cancelled: Any) -> Any:
            from pathlib import Path

            from app.usecases.register import import_data_file

            return import_data_file(Path(path), lambda: store)

        def done(imported: Any) -> None:
            from app.messages import describe

            language = i18n.language()
            result = imported.result
            if result is None:
                lines = [f"{p.field}：{describe(p, language)}" for p in imported.problems[:15]]
                interaction.critical(
                    self, self.tr("Restore from a backup file"),
                    self.tr("The file was not read; nothing was changed.") + "\n\n"
                    + "\n".join(lines))
                return
            self.reload()
            interaction.inform(
                self, self.tr("Restore from a backup file"),
                self.tr("Patents read: %1 (new: %2). Records to correct: %3.")
                .replace("%1", str(result.created + result.updated))
                .replace("%2", str(result.created))
                .replace("%3", str(result.records_with_errors)))

        from app.ui.operations import run_operation

        return run_operation(self, self.tr("Restoring…"), work, done, self._operation_failed)

    # Drafts -----------------------------------------------------------------------------

    def offer_drafts(self) -> None:
        """Offer what was typed and never saved (a crash, a kill, a power cut)."""
        if self.store is None:
            return
        self._offer_unsaved_sheets()
        drafts = self.store.drafts("patent")
        if not drafts:
            return
        lines = []
        for patent_id, payload in drafts:
            number = str(payload.get("number", "")).strip() or self.tr("(no number)")
            title = str(payload.get("title", "")).strip()
            kind = self.tr("new") if patent_id is None else self.tr("changes")
            lines.append(f"{number}  {title}  ({kind})")
        choice = interaction.restore_discard_later(
            self,
            self.tr("Unsaved patents"),
            self.tr("Some patents were being edited and were not saved. Restore them?"),
            "\n".join(lines),
        )
        if choice is interaction.Choice.SAVE:
            self._pending_drafts = list(drafts)
            self._restore_next_draft()
        elif choice is interaction.Choice.DISCARD:
            for patent_id, _payload in drafts:
                self.store.discard_draft("patent", patent_id)

    def _restore_next_draft(self) -> None:
        if not self._pending_drafts or self.editor is not None:
            return
        patent_id, payload = self._pending_drafts.pop(0)
        if patent_id is not None and self.model.find(patent_id) is None:
            patent_id = None  # the record was deleted since: restore as a new one
        self.edit_patent(patent_id, draft=payload)

    # Closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor is not None and not self.editor.close():
            event.ignore()
            return
        self.save_state()
        self.model.stop_checks(0)  # ends the checks' worker process, if any, at once
        if self.store is not None:
            from app.ui.version_guard import forget_watch

            forget_watch(self.store)
        super().closeEvent(event)


class FirstPaintWatcher(QObject):
    """Calls back once, after the window's first paint (used to open the database then).

    A window started minimised is not painted until it is restored: after `fallback_ms` the
    callback runs anyway.
    """

    def __init__(self, widget: QWidget, callback: Any, fallback_ms: int = 1500) -> None:
        super().__init__(widget)
        self._callback = callback
        self._widget = widget
        self._done = False
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self._done:
            return
        self._done = True
        self._widget.removeEventFilter(self)
        self._callback()


def ask_generate_options(parent: QWidget, count: int) -> tuple[bool, bool] | None:
    """(one combined print file, drafts with a watermark) for `count` sheets; None: cancel."""
    from PySide6.QtWidgets import (
        QCheckBox,
        QDialog,
        QDialogButtonBox,
        QRadioButton,
        QVBoxLayout,
    )

    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Generate PDFs"))
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(QCoreApplication.translate(
        "MainWindow", "Information sheets and declarations of %1 patent(s):").replace(
        "%1", str(count))))
    separate = QRadioButton(QCoreApplication.translate(
        "MainWindow", "One file per document (for sending)"))
    separate.setChecked(True)
    combined = QRadioButton(QCoreApplication.translate(
        "MainWindow", "One print file, in register order (for printing)"))
    drafts = QCheckBox(QCoreApplication.translate(
        "MainWindow", "As drafts marked 草稿 (any sheet; not recorded, not for sending)"))
    for widget in (separate, combined, drafts):
        layout.addWidget(widget)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return combined.isChecked(), drafts.isChecked()


def _button_text(menu_text: str) -> str:
    """"添加专利(&A)…" → "添加专利", "&Add patent…" → "Add patent"."""
    import re

    return re.sub(r"\(&\w\)|&", "", menu_text).rstrip("…").strip()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _refusal_lines(refused: tuple[Any, ...]) -> str:
    """Each refused sheet's number and first reason, one a line (ten at most)."""
    from app.messages import describe

    language = i18n.language()
    lines = ""
    for failure in refused[:10]:
        errors = [f for f in failure.findings if f.is_error] or list(failure.findings)
        lines += f"\n{failure.number}：{describe(errors[0], language) if errors else ''}"
    return ("\n" + lines) if lines else ""
