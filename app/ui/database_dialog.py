"""Settings → Database: this PC's register (the default) or the office server (issue 16).

The clerk chooses, types the server's settings (host, port, database, user, TLS mode and the
office's CA certificate), may test the connection (off the UI thread; a refusal is said in
words) and saves. The choice goes to the preferences and is used at the next start; "Save and
switch now" also opens it at once when no other window of the program is open (an editor may
hold unsaved typing on the old register), else says which ones to close. A typed password is
checked against the server and kept in the system keyring (as `db-password` does), never in
the preferences, and never read back into the field. `--db` and LICENCE_DESK_DB decide over
the saved choice: the page says so when one of them is set.

What the address is and what is wrong with the settings are decided in
app.models.server_choice (through app.usecases.server), not here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.messages import message
from app.models.findings import Finding
from app.models.server_choice import LOCAL, SERVER, SSL_MODES, VERIFYING, ServerChoice
from app.paths import DB_FILE_NAME, shown_location, user_data_dir
from app.ui import i18n, interaction
from app.ui.field_message import (
    ERROR_COLOUR,
    FIELD_STYLE,
    WARNING_COLOUR,
    FieldMessage,
    with_message,
)
from app.ui.operations import failure_text, run_operation
from app.usecases.server import (
    ConnectionTest,
    StartLocation,
    check_server_settings,
    save_server_password,
    server_password_stored,
    start_location,
    try_server_connection,
)

if TYPE_CHECKING:
    from app.models.database import Database

FIELDS = ("host", "port", "database", "user", "sslmode", "ca_file")
OK_COLOUR = "#1b5e20"


class DatabaseDialog(QDialog):
    """The settings page for the register's database."""

    switched = Signal(str)  # the register now open (its shown location)

    def __init__(self, window: Any) -> None:  # app.ui.main_window.MainWindow
        super().__init__(window)
        self.window_ = window
        self.setObjectName("database_settings")
        self.setWindowTitle(self.tr("Database settings"))
        self.setStyleSheet(FIELD_STYLE)
        self.operation: Any = None  # the connection test or save running, if any
        prefs = window.preferences

        self.local_radio = QRadioButton(self.tr("This PC (default)"))
        self.local_radio.setObjectName("local")
        self.server_radio = QRadioButton(self.tr("Office server"))
        self.server_radio.setObjectName("server")
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.local_radio)
        self.kind_group.addButton(self.server_radio)
        local_path = QLabel(str(user_data_dir() / DB_FILE_NAME))
        local_path.setObjectName("local_path")
        local_path.setWordWrap(True)
        local_path.setStyleSheet("color: palette(placeholder-text);")
        local_hint = QLabel(self.tr(
            "One clerk: the register is a file on this computer. Back it up from the File "
            "menu."))
        local_hint.setWordWrap(True)

        # The office server's settings.
        self.edits: dict[str, QWidget] = {}
        self.messages: dict[str, FieldMessage] = {}
        self.server_box = QGroupBox(self.tr("Connection"))
        self.server_box.setObjectName("server_box")
        form = QFormLayout(self.server_box)
        self.host_edit = self._line("host", "db.example.edu.cn")
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("port")
        self.port_spin.setRange(0, 65535)
        self.edits["port"] = self.port_spin
        self.database_edit = self._line("database", "licence_desk")
        self.user_edit = self._line("user", self.tr("the user name IT gave you"))
        self.sslmode_combo = QComboBox()
        self.sslmode_combo.setObjectName("sslmode")
        mode_texts = {
            "disable": self.tr("disable: no encryption (a server on this computer only)"),
            "prefer": self.tr("prefer: encrypt when the server offers it (default)"),
            "require": self.tr("require: always encrypt, without checking the certificate"),
            "verify-ca": self.tr("verify-ca: encrypt and check the certificate against the CA"),
            "verify-full": self.tr("verify-full: also check the server's name (safest)"),
        }
        for mode in SSL_MODES:
            self.sslmode_combo.addItem(mode_texts[mode], mode)
        self.sslmode_combo.currentIndexChanged.connect(self._mode_changed)
        self.edits["sslmode"] = self.sslmode_combo
        self.ca_edit = self._line("ca_file", self.tr("the office's CA certificate (.crt, .pem)"))
        self.ca_button = QPushButton(self.tr("Browse…"))
        self.ca_button.setObjectName("ca_browse")
        self.ca_button.clicked.connect(self.choose_ca_file)
        ca_row = QWidget()  # the field and its button, the message under both
        ca_layout = QVBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.setSpacing(2)
        ca_line = QHBoxLayout()
        ca_line.addWidget(self.ca_edit, 1)
        ca_line.addWidget(self.ca_button)
        ca_layout.addLayout(ca_line)
        ca_message = FieldMessage(self.ca_edit)
        ca_message.set_reserve(False)
        self.messages["ca_file"] = ca_message
        ca_layout.addWidget(ca_message)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_state = QLabel()
        self.password_state.setObjectName("password_state")
        self.password_state.setWordWrap(True)
        self.password_state.setStyleSheet("color: palette(placeholder-text);")
        password_box = QWidget()
        password_layout = QVBoxLayout(password_box)
        password_layout.setContentsMargins(0, 0, 0, 0)
        password_layout.setSpacing(2)
        password_layout.addWidget(self.password_edit)
        password_layout.addWidget(self.password_state)
        form.addRow(self.tr("Host"), self._with_message("host"))
        form.addRow(self.tr("Port"), self._with_message("port"))
        form.addRow(self.tr("Database"), self._with_message("database"))
        form.addRow(self.tr("User"), self._with_message("user"))
        form.addRow(self.tr("Password"), password_box)
        form.addRow(self.tr("TLS"), self._with_message("sslmode"))
        form.addRow(self.tr("CA certificate"), ca_row)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("test")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setObjectName("test_result")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.addRow(test_row)
        form.addRow(self.test_result)

        self.override_label = QLabel()
        self.override_label.setObjectName("override")
        self.override_label.setWordWrap(True)
        self.override_label.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.current_label = QLabel()
        self.current_label.setObjectName("current")
        self.current_label.setWordWrap(True)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("Used from the next start"))
        self.save_button.clicked.connect(lambda: self.save(switch=False))
        self.switch_button = QPushButton(self.tr("Save and switch now"))
        self.switch_button.setObjectName("switch")
        self.switch_button.setDefault(True)
        self.switch_button.clicked.connect(lambda: self.save(switch=True))
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.switch_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.current_label)
        layout.addWidget(self.override_label)
        layout.addWidget(self.local_radio)
        local_box = QVBoxLayout()
        local_box.setContentsMargins(24, 0, 0, 0)
        local_box.addWidget(local_hint)
        local_box.addWidget(local_path)
        layout.addLayout(local_box)
        layout.addWidget(self.server_radio)
        server_indent = QHBoxLayout()
        server_indent.setContentsMargins(24, 0, 0, 0)
        server_indent.addWidget(self.server_box)
        layout.addLayout(server_indent)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.show_choice(prefs.database_kind, prefs.server_choice)
        self.port_spin.valueChanged.connect(self._edited)
        for edit in (self.host_edit, self.database_edit, self.user_edit):
            edit.editingFinished.connect(self._show_password_state)  # whose password it is
        self.local_radio.toggled.connect(self._kind_changed)
        self._show_where()
        self.resize(640, self.sizeHint().height())

    # Building helpers -------------------------------------------------------------------

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(self._edited)
        self.edits[name] = edit
        return edit

    def _with_message(self, name: str) -> QWidget:
        box, self.messages[name] = with_message(self.edits[name])
        self.messages[name].set_reserve(False)
        return box

    # Showing ----------------------------------------------------------------------------

    def show_choice(self, kind: str, choice: ServerChoice) -> None:
        (self.server_radio if kind == SERVER else self.local_radio).setChecked(True)
        self.host_edit.setText(choice.host)
        self.port_spin.setValue(choice.port)
        self.database_edit.setText(choice.database)
        self.user_edit.setText(choice.user)
        index = self.sslmode_combo.findData(choice.sslmode)
        self.sslmode_combo.setCurrentIndex(index if index >= 0 else SSL_MODES.index("prefer"))
        self.ca_edit.setText(choice.ca_file)
        self.password_edit.clear()  # a stored password is never shown
        self._kind_changed()
        self._mode_changed()
        self._show_password_state()

    def _show_where(self) -> None:
        store = self.window_.store
        if store is not None:
            database = store.database
            where = database.server or str(database.path)
            self.current_label.setText(self.tr("Open now: %1").replace("%1", where))
        start = getattr(self.window_, "start_location", None)
        if not isinstance(start, StartLocation):
            start = start_location(None, LOCAL, None)
        if start.overridden:
            given = (self.tr("the --db option") if start.source == "option"
                     else self.tr("the LICENCE_DESK_DB environment variable"))
            self.override_label.setText(self.tr(
                "This copy was started with %1 (%2), which decides over the choice below. "
                "What you save here is used when the program starts without it.")
                .replace("%1", given).replace("%2", shown_location(start.location)))
        self.override_label.setVisible(start.overridden)

    def _kind_changed(self, *_args: Any) -> None:
        self.server_box.setEnabled(self.server_radio.isChecked())

    def _mode_changed(self, *_args: Any) -> None:
        verifying = self.sslmode_combo.currentData() in VERIFYING
        self.ca_edit.setEnabled(verifying)
        self.ca_button.setEnabled(verifying)
        self._edited()

    def _edited(self, *_args: Any) -> None:
        self.test_result.clear()
        if any(m.isVisible() for m in self.messages.values()):
            self.show_findings(check_server_settings(self.choice()))

    def _show_password_state(self) -> None:
        if server_password_stored(self.choice()):
            self.password_edit.setPlaceholderText(self.tr("Stored (not shown)"))
            self.password_state.setText(self.tr(
                "A password is stored in the system keyring for this user and database. Type "
                "a new one only to replace it."))
        else:
            self.password_edit.setPlaceholderText(self.tr("Not stored yet"))
            self.password_state.setText(self.tr(
                "Kept in the system keyring once the server accepts it, never in the settings "
                "file."))

    def show_findings(self, findings: list[Finding]) -> None:
        for name in FIELDS:
            self.messages[name].show_findings([f for f in findings if f.field == name])
        QTimer.singleShot(0, self._grow)

    def _say(self, label: QLabel, text: str, colour: str = "") -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {colour};" if colour else "")
        QTimer.singleShot(0, self._grow)

    def _grow(self) -> None:
        """Taller when a message wraps onto more lines than there is room for (a window does
        not grow by itself for its labels' wrapped lines)."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout is not None else -1
        if needed > self.height():
            self.resize(self.width(), needed)

    # Reading ----------------------------------------------------------------------------

    def kind(self) -> str:
        return SERVER if self.server_radio.isChecked() else LOCAL

    def choice(self) -> ServerChoice:
        return ServerChoice(
            host=self.host_edit.text(), port=self.port_spin.value(),
            database=self.database_edit.text(), user=self.user_edit.text(),
            sslmode=str(self.sslmode_combo.currentData()), ca_file=self.ca_edit.text(),
        ).stripped()

    def choose_ca_file(self) -> None:
        start = self.ca_edit.text().strip() or self.window_.preferences.last_folder("ca_file")
        path = interaction.choose_open_file(
            self, self.tr("The office's CA certificate"), start,
            self.tr("Certificates (*.crt *.pem *.cer);;All files (*)"))
        if path:
            self.ca_edit.setText(path)
            self.window_.preferences.set_last_folder("ca_file", Path(path).parent)
            self._edited()

    def _findings_block(self) -> bool:
        """Show the findings; True when an error blocks going on."""
        findings = check_server_settings(self.choice())
        self.show_findings(findings)
        return any(f.is_error for f in findings)

    # Testing ----------------------------------------------------------------------------

    def test_connection(self) -> Any:
        """Connect once off the UI thread; the result (or why not) appears under the button."""
        if self.operation is not None or self._findings_block():
            return None
        choice, password = self.choice(), self.password_edit.text() or None
        self._say(self.test_result, self.tr("Connecting to %1…").replace("%1", choice.host))
        self._busy(True)

        def work(_progress: Any, _cancelled: Any) -> ConnectionTest:
            return try_server_connection(choice, password)

        self.operation = run_operation(self, self.tr("Test connection"), work, self._tested,
                                       self._failed_test, show_dialog=False)
        return self.operation

    def _tested(self, result: ConnectionTest) -> None:
        self._busy(False)
        states = {
            "current": self.tr("It holds a register of this version."),
            "empty": self.tr("The database is empty: the register is set up in it when it is "
                             "first opened (by the owner role, see README)."),
            "older": self.tr("Its register is from an older version: it is upgraded when "
                             "opened (by the owner role)."),
            "newer": self.tr("Its register was upgraded by a newer version of Licence Desk: "
                             "install that version to use it."),
        }
        text = (self.tr("Connected to %1 (PostgreSQL %2).").replace("%1", result.name)
                .replace("%2", result.server_version) + " " + states[result.register])
        self._say(self.test_result, text,
                  WARNING_COLOUR if result.register == "newer" else OK_COLOUR)

    def _failed_test(self, error: BaseException) -> None:
        self._busy(False)
        self._say(self.test_result, self._error_text(error), ERROR_COLOUR)

    def _error_text(self, error: BaseException) -> str:
        from app.models.database import DatabaseError

        if isinstance(error, DatabaseError):
            return message(error.code, error.params, i18n.language())
        return failure_text(error)

    def _busy(self, busy: bool) -> None:
        if not busy:
            self.operation = None
        for button in (self.test_button, self.save_button, self.switch_button):
            button.setEnabled(not busy)

    # Saving and switching ---------------------------------------------------------------

    def save(self, *, switch: bool) -> Any:
        """Keep the choice for the next start (a typed password goes to the keyring once the
        server accepts it); with `switch`, open the chosen register now."""
        if self.operation is not None:
            return None
        kind, choice = self.kind(), self.choice()
        if kind == SERVER and self._findings_block():
            self._say(self.status, self.tr("Correct the settings marked above first."),
                      ERROR_COLOUR)
            return None
        password = self.password_edit.text() if kind == SERVER else ""
        if not password:
            self._saved(kind, choice, switch)
            return None
        self._say(self.status, self.tr("Checking the password with the server…"))
        self._busy(True)

        def work(_progress: Any, _cancelled: Any) -> str:
            return save_server_password(choice, password)

        def stored(_name: str) -> None:
            self._busy(False)
            self.password_edit.clear()
            self._show_password_state()
            self._saved(kind, choice, switch)

        def refused(error: BaseException) -> None:
            self._busy(False)  # the settings and the typed password stay as they are
            self._say(self.status, self.tr("Not saved: %1").replace("%1", self._error_text(error)),
                      ERROR_COLOUR)

        self.operation = run_operation(self, self.tr("Save"), work, stored, refused,
                                       show_dialog=False)
        return self.operation

    def _saved(self, kind: str, choice: ServerChoice, switch: bool) -> None:
        self.window_.preferences.set_database(kind, choice)
        start = start_location(None, kind, choice)
        saved = self.tr("Saved: %1 is opened from the next start.").replace(
            "%1", shown_location(start.location))
        if not switch:
            self._say(self.status, saved, OK_COLOUR)
            return
        blocking = open_windows(self.window_, self)
        if blocking:
            self._say(self.status, saved + " " + self.tr(
                "To switch now, close these windows first (they may hold unsaved typing on the "
                "register open now): %1.").replace("%1", "、".join(blocking)), WARNING_COLOUR)
            return
        self.switch_to(start)

    def switch_to(self, start: StartLocation) -> Any:
        """Open the register at `start` off the UI thread, then show it in the window."""
        from app.models.database import open_database

        location = start.location
        self._say(self.status, self.tr("Opening %1…").replace("%1", shown_location(location)))
        self._busy(True)

        def work(_progress: Any, _cancelled: Any) -> Database:
            return open_database(location)

        def opened(database: Database) -> None:
            self._busy(False)
            switch_database(self.window_, database, start)
            where = database.server or str(database.path)
            self._say(self.status, self.tr("The register at %1 is open.").replace("%1", where),
                      OK_COLOUR)
            self._show_where()
            self.switched.emit(where)

        def failed(error: BaseException) -> None:
            self._busy(False)
            self._say(self.status, self.tr(
                "Saved, but the register could not be opened now: %1").replace(
                "%1", self._error_text(error)), ERROR_COLOUR)

        self.operation = run_operation(self, self.tr("Opening the register…"), work, opened,
                                       failed, show_dialog=False)
        return self.operation

    def done(self, result: int) -> None:
        if self.operation is not None:
            self.operation.wait()
        super().done(result)


def open_windows(window: QWidget, *besides: QWidget) -> list[str]:
    """The titles of the program's other open windows (editors, registers of deals, ...):
    switching the register under them would lose what they hold."""
    titles = []
    for widget in QApplication.topLevelWidgets():
        if (widget is window or widget in besides or not widget.isVisible()
                or isinstance(widget, QMenu) or not widget.isWindow()
                or widget.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup)):
            continue
        titles.append(widget.windowTitle() or widget.objectName())
    return titles


def switch_database(window: Any, database: Database,
                    start: StartLocation | None = None) -> None:
    """Show the register of `database` in the window; the one open before is closed."""
    from app.models.store import Store

    old = window.store.database if window.store is not None else None
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(database.close)
    if start is not None:
        window.start_location = start
    window.set_store(Store(database))
    if old is not None and old is not database:
        old.close()
    QTimer.singleShot(0, window.first_start.ask)  # a new server database: the unit's details


def open_database_settings(window: Any,
                           on_switched: Callable[[str], None] | None = None) -> DatabaseDialog:
    dialog = DatabaseDialog(window)
    if on_switched is not None:
        dialog.switched.connect(on_switched)
    dialog.show()
    return dialog
