"""The outbox: every mail of every package, its state, and sending (or retrying) over SMTP.

Sending runs app.usecases.submission.send_mails on a worker thread with progress and cancel. The
authorisation code comes from the keyring (KeyringPassword) or, when there is none stored or no
keyring at all, from a password dialog — asked on the UI thread before the work starts, since a
dialog cannot be opened from the worker. A typed code is stored only once the server accepted
it. Each mail's state is committed by the headless code as it goes, so closing the window (or
a crash) mid-send loses nothing: the window only cancels and waits for the current mail.
"""

from __future__ import annotations

import datetime as dt
import ssl
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.messages import describe, message
from app.models.findings import Finding, Severity
from app.models.submission import OutboxState
from app.submit.accounts import AccountData, KeyringPassword
from app.submit.records import OutboxData, SubmissionRecords
from app.submit.smtp import DEFAULT_TIMEOUT, SendReport
from app.ui import i18n, interaction
from app.ui.field_message import ERROR_COLOUR, WARNING_COLOUR
from app.ui.operations import Operation, failure_text, run_operation
from app.ui.screen_fit import fit_to_screen
from app.usecases.submission import outbox_counts, send_mails

if TYPE_CHECKING:
    from app.models.store import Store

COLUMNS = ("package", "part", "recipients", "state", "reason", "attempts", "last_attempt",
           "sent_at")
SENT_COLOUR = "#1b5e20"

# (parent, account, why the keyring could not give it) → the code typed, or None (cancelled).
AskPassword = Callable[[QWidget | None, AccountData, Finding | None], str | None]


def ask_password_dialog(parent: QWidget | None, account: AccountData,
                        reason: Finding | None) -> str | None:
    """A password dialog for the account's authorisation code (never pre-filled)."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("password_dialog")
    dialog.setWindowTitle(QCoreApplication.translate("OutboxWindow", "Authorisation code"))
    text = QCoreApplication.translate(
        "OutboxWindow", "Authorisation code of %1 (server %2):").replace(
        "%1", account.user).replace("%2", account.host)
    if reason is not None:
        text = describe(reason, i18n.language()) + "\n\n" + text
    dialog.setLabelText(text)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue() or None


def _time(moment: dt.datetime | None) -> str:
    """A time the database keeps in UTC, as the clerk's clock shows it."""
    if moment is None:
        return ""
    return moment.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class OutboxWindow(QDialog):
    sent = Signal()  # a send finished (some mails may have failed)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        ask_password: AskPassword | None = None,
        ssl_context: ssl.SSLContext | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.records = SubmissionRecords(store.database)
        self.ask_password = ask_password or ask_password_dialog
        self.ssl_context = ssl_context
        self.timeout = timeout
        self.messages: list[OutboxData] = []
        self.operation: Operation | None = None
        self.report: SendReport | None = None
        self._close_when_done = False
        self.setObjectName("outbox")
        self.setWindowTitle(self.tr("Outbox"))
        fit_to_screen(self, 1180, 640)

        self.account_combo = QComboBox()
        self.account_combo.setObjectName("account")
        accounts_button = QPushButton(self.tr("Accounts…"))
        accounts_button.setObjectName("edit_accounts")
        accounts_button.clicked.connect(self._edit_accounts)
        account_row = QHBoxLayout()
        account_row.addWidget(self.account_combo, 1)
        account_row.addWidget(accounts_button)
        top = QFormLayout()
        top.addRow(self.tr("Send from"), account_row)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("messages")
        self.table.setHorizontalHeaderLabels([
            self.tr("Package"), self.tr("Mail"), self.tr("To"), self.tr("State"),
            self.tr("Reason"), self.tr("Attempts"), self.tr("Last attempt"), self.tr("Sent"),
        ])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.result_view = QTextBrowser()
        self.result_view.setObjectName("result")
        self.result_view.setOpenLinks(False)
        self.result_view.setPlaceholderText(self.tr("What the last send did is shown here."))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.result_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([440, 140])

        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("send")
        self.send_button.setToolTip(self.tr("Send the chosen mails, or every mail waiting."))
        self.send_button.clicked.connect(lambda: self.send())
        self.retry_button = QPushButton(self.tr("Retry failed"))
        self.retry_button.setObjectName("retry")
        self.retry_button.clicked.connect(self.retry_failed)
        # Mails whose fate is unknown are resent only through this, after a confirmation.
        self.resend_button = QPushButton(self.tr("Resend mails of unknown fate…"))
        self.resend_button.setObjectName("resend_uncertain")
        self.resend_button.clicked.connect(self.resend_uncertain)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_label, 1)
        buttons.addWidget(refresh)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.reload_accounts()
        self.reload()

    # Loading ----------------------------------------------------------------------------

    def reload_accounts(self) -> None:
        keep = self.account_combo.currentData()
        self.account_combo.clear()
        for account in self.records.accounts():
            self.account_combo.addItem(f"{account.name} <{account.sender_address}>", account.id)
        if self.account_combo.count() == 0:
            self.account_combo.addItem(self.tr("No mail account yet: add one with Accounts…"),
                                       None)
        index = self.account_combo.findData(keep) if keep is not None else 0
        self.account_combo.setCurrentIndex(max(0, index))

    def account(self) -> AccountData | None:
        account_id = self.account_combo.currentData()
        return self.records.account(int(account_id)) if account_id is not None else None

    def _edit_accounts(self) -> None:
        from app.ui.accounts_dialog import AccountsDialog

        AccountsDialog(self.store, self).exec()
        self.reload_accounts()

    def reload(self) -> None:
        selected = set(self.selected_ids())
        names = {p.id: p.name for p in self.records.packages()}
        self.messages = self.records.outbox()
        language = i18n.language()
        self.table.setRowCount(len(self.messages))
        for row, mail in enumerate(self.messages):
            state = QTableWidgetItem(message(f"outbox.{mail.state}", None, language))
            colour = {OutboxState.SENT.value: SENT_COLOUR, OutboxState.FAILED.value: ERROR_COLOUR,
                      OutboxState.SENDING.value: WARNING_COLOUR}.get(mail.state)
            if colour:
                state.setForeground(QBrush(QColor(colour)))
            words = message(mail.failure_code, None, language) if mail.failure_code else ""
            reason = QTableWidgetItem(words)
            # The server's own words too, for whoever helps the clerk.
            reason.setToolTip("\n\n".join(t for t in (words, mail.failure_detail) if t))
            cells = [
                QTableWidgetItem(names.get(mail.package_id, str(mail.package_id))),
                QTableWidgetItem(f"{mail.part}/{mail.parts}"),
                QTableWidgetItem("、".join(mail.recipients)),
                state,
                reason,
                QTableWidgetItem(str(mail.attempts)),
                QTableWidgetItem(_time(mail.last_attempt_at)),
                QTableWidgetItem(_time(mail.sent_at)),
            ]
            cells[0].setToolTip(mail.subject)
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.table.clearSelection()
        for row, mail in enumerate(self.messages):
            if mail.id in selected:
                self.table.selectRow(row)
        counts = outbox_counts(self.messages)  # by the states the rows show
        summary = self.tr("%1 waiting, %2 failed, %3 sent").replace(
            "%1", str(counts.waiting)).replace(
            "%2", str(counts.failed)).replace("%3", str(counts.sent))
        if counts.not_queued:
            summary += self.tr(", %1 not queued").replace("%1", str(counts.not_queued))
        if counts.uncertain:
            summary += self.tr(", %1 of unknown fate").replace("%1", str(counts.uncertain))
        self.summary_label.setText(summary)
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.messages[r].id for r in rows if r < len(self.messages)]

    def state_of(self, message_id: int) -> str:
        found = self.records.message(message_id)
        return found.state if found is not None else ""

    def _busy(self) -> bool:
        return self.operation is not None and not self.operation.done

    def _update_buttons(self) -> None:
        busy = self._busy()
        unsent = [m for m in self.messages if m.state != OutboxState.SENT]
        self.send_button.setEnabled(not busy and bool(unsent))
        self.retry_button.setEnabled(
            not busy and any(m.state == OutboxState.FAILED for m in self.messages))
        self.resend_button.setEnabled(
            not busy and any(m.state == OutboxState.SENDING for m in self.messages))

    # Sending ----------------------------------------------------------------------------

    def resend_uncertain(self) -> bool:
        """Send again the mails whose fate is unknown, once the clerk confirms."""
        return self.send([m.id for m in self.messages if m.state == OutboxState.SENDING])

    def retry_failed(self) -> None:
        self.send([m.id for m in self.messages if m.state == OutboxState.FAILED])

    def send(self, message_ids: Sequence[int] | None = None) -> bool:
        """Send the given mails (default: the chosen rows, or every one not sent and not
        failed). Returns whether a send was started."""
        if self._busy():
            return False
        if message_ids is None:
            message_ids = self.selected_ids() or [
                m.id for m in self.messages if m.state in (OutboxState.DRAFT, OutboxState.QUEUED)
            ]
        mails = [m for m in (self.records.message(i) for i in message_ids)
                 if m is not None and m.state != OutboxState.SENT]
        if not mails:
            self._show_text(self.tr("There is nothing to send."), "")
            return False
        account = self.account()
        if account is None:
            self._show_text(self.tr("Add a mail account first (Accounts…)."), "error")
            return False

        # A mail left "sending" may have reached the server: only the clerk can say resend.
        uncertain = [m for m in mails if m.state == OutboxState.SENDING]
        confirm_uncertain = False
        if uncertain:
            language = i18n.language()
            details = "\n".join(
                f"{m.subject} ({m.part}/{m.parts})" for m in uncertain)
            confirm_uncertain = interaction.confirm(
                self, self.tr("Send again?"),
                message("send.uncertain", {"part": uncertain[0].part,
                                           "subject": uncertain[0].subject}, language), details)
            if not confirm_uncertain:
                mails = [m for m in mails if m.state != OutboxState.SENDING]
                if not mails:
                    return False

        provider = KeyringPassword(lambda a, reason: self.ask_password(self, a, reason))
        password = provider(account)  # on the UI thread: it may open the password dialog
        if password is None:
            self._show_findings([Finding("send.no_password", "password", Severity.WARNING,
                                         {})])
            return False

        records = self.records
        ids = [m.id for m in mails]
        sending = self.tr("Sending mail %1 of %2…")
        options = {"ssl_context": self.ssl_context, "timeout": self.timeout}

        def work(progress: Callable[..., None], cancelled: Callable[[], bool]) -> SendReport:
            def tell(done: int, total: int) -> None:
                shown = min(done + 1, total)
                progress(done, total,
                         sending.replace("%1", str(shown)).replace("%2", str(total)))

            return send_mails(records, ids, account, lambda _account: password, progress=tell,
                              cancelled=cancelled, confirm_uncertain=confirm_uncertain,
                              on_login=provider.on_login, **options)

        self.result_view.clear()
        self.operation = run_operation(self, self.tr("Sending"), work, self._sent,
                                       self._send_failed)
        self.operation.finished.connect(self._operation_finished)
        self._update_buttons()
        return True

    def _sent(self, report: SendReport) -> None:
        self.report = report
        self.reload()
        language = i18n.language()
        lines: list[tuple[str, str]] = []
        sent, failed = report.count("sent"), report.count("failed")
        left = report.count("not_attempted")
        summary = self.tr("%1 sent, %2 failed.").replace("%1", str(sent)).replace(
            "%2", str(failed))
        if report.cancelled:
            summary += " " + self.tr("Stopped: %1 mail(s) not sent stay in the outbox.").replace(
                "%1", str(left))
        lines.append((summary, SENT_COLOUR if sent and not failed else ""))
        for finding in report.findings:
            colour = ERROR_COLOUR if finding.severity is Severity.ERROR else WARNING_COLOUR
            lines.append((describe(finding, language), colour))
        # Each failed mail's reason, once per reason (a refused login fails them all alike).
        reasons = {o.code for o in report.outcomes
                   if o.state in ("failed", "uncertain") and o.code}
        reasons -= {f.code for f in report.findings}
        for code in sorted(reasons):
            lines.append((message(code, None, language), ERROR_COLOUR))
        self._show_lines(lines)
        self.sent.emit()

    def _send_failed(self, error: BaseException) -> None:
        self.reload()
        self._show_text(self.tr("Sending stopped: %1").replace("%1", failure_text(error)), "error")

    def _show_findings(self, findings: Sequence[Finding]) -> None:
        language = i18n.language()
        self._show_lines([
            (describe(f, language),
             ERROR_COLOUR if f.severity is Severity.ERROR else WARNING_COLOUR)
            for f in findings])

    def _show_text(self, text: str, severity: str) -> None:
        self._show_lines([(text, ERROR_COLOUR if severity == "error" else "")])

    def _show_lines(self, lines: Sequence[tuple[str, str]]) -> None:
        from html import escape

        html = "".join(
            f'<p style="color: {colour};">{escape(text)}</p>' if colour
            else f"<p>{escape(text)}</p>" for text, colour in lines)
        self.result_view.setHtml(html)

    def result_text(self) -> str:
        return self.result_view.toPlainText()

    # Closing ----------------------------------------------------------------------------

    def _operation_finished(self) -> None:
        self._update_buttons()
        if self._close_when_done:
            self.reject()

    def reject(self) -> None:
        if self._busy():
            if self._close_when_done:
                return
            if not interaction.confirm(
                self, self.tr("Sending"),
                self.tr("Stop sending after the current mail and close?"),
                self.tr("Mails not sent yet stay in the outbox; send them later."),
            ):
                return
            # The worker finishes the mail on the wire (its state is committed either way),
            # then the window closes.
            self._close_when_done = True
            assert self.operation is not None
            self.operation.cancel()
            return
        super().reject()


def open_outbox(parent: QWidget | None, store: Store) -> OutboxWindow:
    window = OutboxWindow(store, parent)
    window.show()
    return window
