"""The main window: the patent register, its filter and the actions on it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTextBrowser,
    QWidget,
)

from app import __app_name__, __app_name_zh__, __version__
from app.ui import i18n, interaction
from app.ui.i18n import EN, ZH
from app.ui.register_model import Column, PatentFilterProxy, PatentTableModel
from app.ui.settings import Preferences

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QKeyEvent

    from app.models.store import Store
    from app.ui.patent_editor import PatentEditor

MAX_NAMED_IN_CONFIRMATION = 10
ERROR_COUNT_CHUNK = 200  # records checked per idle step: ~5 ms, never felt while typing


class RegisterView(QTableView):
    """The table; Return/Enter opens the current patent, as a double-click does."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    register_loaded = Signal()

    def __init__(self, preferences: Preferences | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.preferences = preferences or Preferences()
        self.store: Store | None = None
        self.editor: PatentEditor | None = None
        self._pending_drafts: list[tuple[int | None, dict[str, Any]]] = []
        self._errors: int | None = None
        self._count_position = 0
        self._count_timer = QTimer(self)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._count_errors_step)

        self.setObjectName("main_window")
        self.setWindowTitle(self._title())
        self.model = PatentTableModel(self)
        self.proxy = PatentFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.view = RegisterView()
        self.view.setObjectName("register")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.proxy.sort)
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
        ):
            header.resizeSection(column, width)
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        self.view.open_requested.connect(self.edit_current)

        self.problems = QTextBrowser()
        self.problems.setObjectName("problems")
        self.problems.setOpenLinks(False)
        self.problems.setPlaceholderText(self.tr("Select a patent to see what needs checking."))

        self.splitter = QSplitter(Qt.Orientation.Vertical)
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
        self.add_action.setShortcut(QKeySequence.StandardKey.New)
        self.add_action.setToolTip(self.tr("Add a patent to the register (Ctrl+N)"))
        self.add_action.triggered.connect(lambda: self.edit_patent(None))

        self.edit_action = QAction(self.tr("&Edit patent…"), self)
        self.edit_action.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_action.setToolTip(self.tr("Edit the selected patent (Enter or double-click)"))
        self.edit_action.triggered.connect(self.edit_current)

        self.delete_action = QAction(self.tr("&Delete patents…"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.setToolTip(self.tr("Delete the selected patents (Del)"))
        self.delete_action.triggered.connect(self.delete_selected)
        # Del only acts in the table: in the filter box it deletes a character.
        self.view.addAction(self.delete_action)

        self.find_action = QAction(self.tr("&Find…"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_filter)

        self.organisation_action = QAction(self.tr("&Organisation profile…"), self)
        self.organisation_action.setToolTip(self.tr("The unit's name, address and contacts"))
        self.organisation_action.triggered.connect(self.edit_organisation)

        self.quit_action = QAction(self.tr("E&xit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        # Each language is named in itself, so a clerk can find theirs in either interface.
        for code, name in ((ZH, "中文（简体）"), (EN, "English")):
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.setChecked(self.preferences.language == code)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action

        self.about_action = QAction(self.tr("&About Licence Desk"), self)
        self.about_action.triggered.connect(self.show_about)

    def _make_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.organisation_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        patents_menu = bar.addMenu(self.tr("&Patents"))
        for action in (self.add_action, self.edit_action, self.delete_action):
            patents_menu.addAction(action)
        patents_menu.addSeparator()
        patents_menu.addAction(self.find_action)
        settings_menu = bar.addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        for action in self.language_actions.values():
            language_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar(self.tr("Register"))
        toolbar.setObjectName("register_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.add_action)
        toolbar.addAction(self.edit_action)
        toolbar.addAction(self.delete_action)
        toolbar.addSeparator()
        toolbar.addAction(self.organisation_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.filter_edit)

    # State ------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        prefs = self.preferences
        geometry = prefs.state("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 700)
        state = prefs.state("main_window/state")
        if state is not None:
            self.restoreState(state)
        splitter = prefs.state("main_window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header_state = prefs.state("register/header")
        header = self.view.horizontalHeader()
        if header_state is not None and header.restoreState(header_state):
            section = header.sortIndicatorSection()
            if 0 <= section < len(Column):
                self.model.sort(section, header.sortIndicatorOrder())

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
        self.store = store
        for action in (self.add_action, self.organisation_action):
            action.setEnabled(store is not None)
        self._selection_changed()
        if store is None:
            self.statusBar().showMessage(self.tr("Opening the register…"))
            return
        self.statusBar().clearMessage()
        self.reload()

    def reload(self) -> None:
        assert self.store is not None
        self.model.load(self.store.patent_register())
        self._start_error_count()
        self.register_loaded.emit()

    def _start_error_count(self) -> None:
        """Check every record a few hundred at a time, so the window stays responsive."""
        self._errors = None
        self._count_position = 0
        self._count_timer.start()
        self._update_count()

    @property
    def checking(self) -> bool:
        """True while records are still being checked in the background (for the count)."""
        return self._count_timer.isActive()

    def _count_errors_step(self) -> None:
        records = self.model.records()
        end = min(self._count_position + ERROR_COUNT_CHUNK, len(records))
        for record in records[self._count_position : end]:
            record.severity  # noqa: B018 - computes and caches the findings
        self._count_position = end
        if end >= len(records):
            self._count_timer.stop()
            self._errors = self.model.error_count()
            self._update_count()

    def _update_count(self) -> None:
        total = self.model.rowCount()
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
        if not record.findings:
            self.problems.setHtml(
                f"<p><b>{_escape(title)}</b> — {_escape(self.tr('No problems found.'))}</p>"
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
        self.problems.setHtml(f"<p><b>{_escape(title)}</b></p><ul>{''.join(items)}</ul>")

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

    # Drafts -----------------------------------------------------------------------------

    def offer_drafts(self) -> None:
        """Offer what was typed and never saved (a crash, a kill, a power cut)."""
        if self.store is None:
            return
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
        if patent_id is not None and self.model.row_of(patent_id) is None:
            patent_id = None  # the record was deleted since: restore as a new one
        self.edit_patent(patent_id, draft=payload)

    # Closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor is not None and not self.editor.close():
            event.ignore()
            return
        self.save_state()
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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
