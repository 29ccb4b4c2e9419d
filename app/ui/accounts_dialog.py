"""Outgoing mail accounts: start from a preset (126, 163, QQ, the unit's own server) or edit
the server settings; the authorisation code goes to the system password store only.

The password field is always empty when the dialog opens: a stored code is never read back
into a widget. Without a usable keyring the field is disabled and says the code will be asked
for at each send (app.submit.credentials gives the reason).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.messages import describe
from app.models.findings import Finding
from app.models.submission import AccountSecurity
from app.submit import credentials
from app.submit.accounts import (
    AccountData,
    account_presets,
    check_account,
    store_password,
)
from app.submit.records import SubmissionRecords
from app.ui import i18n, interaction
from app.ui.field_message import FIELD_STYLE, FieldMessage, with_message
from app.ui.screen_fit import fit_to_screen
from app.usecases.accounts import remove_account

if TYPE_CHECKING:
    from app.models.store import Store

DEFAULT_PORTS = {AccountSecurity.SSL.value: 465, AccountSecurity.STARTTLS.value: 587,
                 AccountSecurity.NONE.value: 25}
FIELDS = ("name", "host", "port", "security", "user", "sender_name", "sender_address")


class AccountsDialog(QDialog):
    accounts_changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = SubmissionRecords(store.database)
        self.account_id: int | None = None
        self.presets = account_presets()
        self.setObjectName("accounts")
        self.setWindowTitle(self.tr("Mail accounts"))
        self.setStyleSheet(FIELD_STYLE)
        fit_to_screen(self, 860, 560)

        # Left: the accounts, and a new one from a preset.
        self.list = QListWidget()
        self.list.setObjectName("account_list")
        self.list.currentItemChanged.connect(self._current_changed)
        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("preset")
        for preset in self.presets:
            self.preset_combo.addItem(preset.label, preset.key)
        self.new_button = QPushButton(self.tr("New account"))
        self.new_button.setObjectName("new")
        self.new_button.clicked.connect(lambda: self.new_account(self.preset_combo.currentData()))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("delete")
        self.delete_button.clicked.connect(self.delete_account)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Accounts")))
        left.addWidget(self.list, 1)
        preset_row = QHBoxLayout()
        preset_row.addWidget(self.preset_combo, 1)
        preset_row.addWidget(self.new_button)
        left.addLayout(preset_row)
        left.addWidget(self.delete_button)

        # Right: the account's settings.
        self.edits: dict[str, QWidget] = {}
        self.messages: dict[str, FieldMessage] = {}
        server = QGroupBox(self.tr("Server"))
        server_form = QFormLayout(server)
        self.name_edit = self._line("name", "科技处 163 邮箱")
        self.host_edit = self._line("host", "smtp.163.com")
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("port")
        self.port_spin.setRange(0, 65535)
        self.edits["port"] = self.port_spin
        self.security_combo = QComboBox()
        self.security_combo.setObjectName("security")
        self.security_combo.addItem(self.tr("SSL (usually port 465)"), AccountSecurity.SSL.value)
        self.security_combo.addItem(self.tr("STARTTLS (usually port 587)"),
                                    AccountSecurity.STARTTLS.value)
        self.security_combo.addItem(self.tr("None (this computer only)"),
                                    AccountSecurity.NONE.value)
        self.security_combo.currentIndexChanged.connect(self._security_changed)
        self.edits["security"] = self.security_combo
        self.hint_label = QLabel()
        self.hint_label.setObjectName("hint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: palette(placeholder-text);")
        server_form.addRow(self.tr("Name"), self._with_message("name"))
        server_form.addRow(self.tr("Outgoing server"), self._with_message("host"))
        server_form.addRow(self.tr("Port"), self._with_message("port"))
        server_form.addRow(self.tr("Security"), self._with_message("security"))
        server_form.addRow("", self.hint_label)

        sender = QGroupBox(self.tr("Login and sender"))
        sender_form = QFormLayout(sender)
        self.user_edit = self._line("user", self.tr("usually the full mail address"))
        self.user_edit.textEdited.connect(self._user_edited)
        self.sender_name_edit = self._line("sender_name", "武汉大学科学技术发展研究院")
        self.sender_address_edit = self._line("sender_address", "kjc@163.com")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_message = FieldMessage(self.password_edit)
        self.password_state = QLabel()
        self.password_state.setObjectName("password_state")
        self.password_state.setWordWrap(True)
        sender_form.addRow(self.tr("User name"), self._with_message("user"))
        sender_form.addRow(self.tr("Sender name"), self._with_message("sender_name"))
        sender_form.addRow(self.tr("Sender address"), self._with_message("sender_address"))
        password_box = QVBoxLayout()
        password_box.setContentsMargins(0, 0, 0, 0)
        password_box.addWidget(self.password_edit)
        password_box.addWidget(self.password_state)
        password_box.addWidget(self.password_message)
        password_widget = QWidget()
        password_widget.setLayout(password_box)
        sender_form.addRow(self.tr("Authorisation code"), password_widget)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
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
        right.addWidget(server)
        right.addWidget(sender)
        right.addStretch(1)
        right.addLayout(buttons)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 5)

        self.keyring = credentials.keyring_available()
        self.reload()
        if self.list.count() == 0:
            self.new_account(self.presets[0].key if self.presets else None)

    # Building helpers -------------------------------------------------------------------

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        self.edits[name] = edit
        return edit

    def _with_message(self, name: str) -> QWidget:
        box, self.messages[name] = with_message(self.edits[name])
        return box

    # Loading ----------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for account in self.records.accounts():
            item = QListWidgetItem(account.name or account.user or account.host)
            item.setToolTip(f"{account.user} @ {account.host}:{account.port}")
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        rows = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        wanted = select if select in rows else (rows[0] if rows else None)
        if wanted is not None:
            self.list.setCurrentRow(rows.index(wanted))
            self._current_changed(self.list.currentItem(), None)

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        account = self.records.account(int(current.data(Qt.ItemDataRole.UserRole)))
        if account is not None:
            self.show_account(account)

    def show_account(self, account: AccountData, hint: str = "") -> None:
        self.account_id = account.id
        self.name_edit.setText(account.name)
        self.host_edit.setText(account.host)
        self.port_spin.setValue(account.port)
        self.security_combo.blockSignals(True)
        self.security_combo.setCurrentIndex(max(0, self.security_combo.findData(account.security)))
        self.security_combo.blockSignals(False)
        self.user_edit.setText(account.user)
        self.sender_name_edit.setText(account.sender_name)
        self.sender_address_edit.setText(account.sender_address)
        self.password_edit.clear()  # a stored code is never shown
        self.hint_label.setText(hint or self._preset_hint(account.host))
        self.hint_label.setVisible(bool(self.hint_label.text()))
        self.status.clear()
        self.delete_button.setEnabled(account.id is not None)
        self._show_findings([])
        self._show_password_state()

    def _preset_hint(self, host: str) -> str:
        return next((p.hint for p in self.presets if p.host and p.host == host.strip()), "")

    def _show_password_state(self) -> None:
        if not self.keyring.ok:
            # No keyring: nothing may be stored, so nothing may be typed here either.
            reason = describe(self.keyring.finding, i18n.language()) if self.keyring.finding \
                else ""
            self.password_edit.setEnabled(False)
            self.password_edit.setPlaceholderText(self.tr("Asked for at each send"))
            self.password_state.setText(reason)
            return
        self.password_edit.setEnabled(True)
        account = self.account()
        stored = (account.user and account.host
                  and credentials.get_password(account.user, account.host).ok)
        if stored:
            self.password_edit.setPlaceholderText(self.tr("Stored (not shown)"))
            self.password_state.setText(self.tr(
                "An authorisation code is stored in the system password store. Type a new one "
                "only to replace it."))
        else:
            self.password_edit.setPlaceholderText(self.tr("Not stored yet"))
            self.password_state.setText(self.tr(
                "Type the authorisation code to keep it in the system password store, or leave "
                "it empty to be asked at the first send."))

    # Editing ----------------------------------------------------------------------------

    def account(self) -> AccountData:
        return AccountData(
            name=self.name_edit.text(), host=self.host_edit.text().strip(),
            port=self.port_spin.value(), security=str(self.security_combo.currentData()),
            user=self.user_edit.text().strip(), sender_name=self.sender_name_edit.text(),
            sender_address=self.sender_address_edit.text().strip(), id=self.account_id,
        )

    def new_account(self, preset_key: str | None) -> None:
        preset = next((p for p in self.presets if p.key == preset_key), None)
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        if preset is None:
            self.show_account(AccountData())
        else:
            self.show_account(AccountData.from_preset(preset), preset.hint)
        self.name_edit.setFocus()

    def _security_changed(self, _index: int) -> None:
        # Follow the usual port when the current one is the other mode's usual port.
        if self.port_spin.value() in DEFAULT_PORTS.values():
            self.port_spin.setValue(DEFAULT_PORTS[str(self.security_combo.currentData())])

    def _user_edited(self, text: str) -> None:
        # The webmail services log in with the address: fill the sender while it is empty or
        # still followed the user name.
        sender = self.sender_address_edit.text().strip()
        if "@" in text and (not sender or sender == self._last_user):
            self.sender_address_edit.setText(text.strip())
        self._last_user = text.strip()

    _last_user = ""

    def _show_findings(self, findings: list[Finding]) -> None:
        for name, message in self.messages.items():
            message.show_findings([f for f in findings if f.field == name])

    def save(self) -> bool:
        """Save the settings (kept even when incomplete) and store a typed code."""
        saved = self.records.save_account(self.account())
        if not saved.saved:
            self._show_findings(list(saved.findings))
            return False
        self.account_id = saved.record_id
        password = self.password_edit.text()
        self.password_edit.clear()  # never left in the widget
        stored = store_password(self.account(), password) if password else None
        self.reload(select=saved.record_id)
        self._show_findings(list(saved.findings))
        if stored is not None and not stored.ok and stored.finding is not None:
            self.password_message.show_findings([stored.finding])
        else:
            self.password_message.show_text("", "")
        if saved.findings:
            self.status.setText(self.tr("Saved; correct the marked fields before sending."))
        else:
            self.status.setText(self.tr("Saved."))
        self.accounts_changed.emit()
        return True

    def delete_account(self) -> None:
        if self.account_id is None:
            return
        name = self.name_edit.text() or self.user_edit.text()
        if not interaction.confirm(
            self, self.tr("Delete account"),
            self.tr("Delete the mail account %1?").replace("%1", name),
            self.tr("Its stored authorisation code is removed too. Mails already sent keep "
                    "their record."),
        ):
            return
        remove_account(self.records, self.account_id)
        self.account_id = None
        self.reload()
        if self.list.count() == 0:
            self.new_account(self.presets[0].key if self.presets else None)
        self.accounts_changed.emit()

    def findings(self) -> list[Finding]:
        return check_account(self.account())


def open_accounts(parent: QWidget | None, store: Store) -> AccountsDialog:
    dialog = AccountsDialog(store, parent)
    dialog.show()
    return dialog
