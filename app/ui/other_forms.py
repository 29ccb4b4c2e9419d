"""The main window's doors to the notices' other forms: the licence contracts (a list to open,
start or delete), the Henan application and work plan (by plan period), and the contacts sheet
of a notice (written straight into a chosen folder). Each calls its use case; nothing here
decides what a document holds."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.export.contract_text import official_number
from app.messages import describe
from app.models.contacts_sheet import LAYOUTS, ContactsNotice
from app.models.henan_application import FIRST_PLAN_YEAR
from app.ui import i18n, interaction
from app.ui.contract_editor import ContractEditor, open_contract_editor
from app.ui.henan_application_editor import open_henan_application_editor
from app.ui.screen_fit import fit_to_screen
from app.ui.settings import Preferences
from app.usecases import contacts_sheet, contracts, henan_application

if TYPE_CHECKING:
    from app.models.store import Store


# Injectable for tests (monkeypatch), as app.ui.interaction is for questions -----------------


def choose_year(parent: QWidget | None, years: list[int]) -> int | None:
    default = years[-1] if years else FIRST_PLAN_YEAR
    year, ok = QInputDialog.getInt(
        parent, QCoreApplication.translate("OtherForms", "Henan application"),
        QCoreApplication.translate(
            "OtherForms", "The work plan's first year (2023 for 工作方案（2023年-2024年）):"),
        default, 2000, 2100)
    return int(year) if ok else None


def choose_notice(parent: QWidget | None) -> ContactsNotice | None:
    items = [LAYOUTS[n].title for n in ContactsNotice]
    text, ok = QInputDialog.getItem(
        parent, QCoreApplication.translate("OtherForms", "Contacts sheet"),
        QCoreApplication.translate("OtherForms", "Which notice's contacts sheet?"),
        items, 0, False)
    if not ok:
        return None
    return next(n for n in ContactsNotice if LAYOUTS[n].title == text)


def choose_folder(parent: QWidget | None, title: str, start: str) -> str | None:
    return QFileDialog.getExistingDirectory(parent, title, start) or None


# Contracts -----------------------------------------------------------------------------------


class ContractsWindow(QDialog):
    """The contracts typed so far: open one, start one for the patents selected in the
    register, or delete one (its deal stays)."""

    def __init__(self, store: Store, parent: QWidget | None = None,
                 patents: list[str] | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.patents = patents or []
        self.setObjectName("contracts_window")
        self.setWindowTitle(self.tr("Licence contracts"))
        fit_to_screen(self, 720, 420)
        self.list = QListWidget()
        self.list.setObjectName("contracts")
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        new = QPushButton(self.tr("New contract…"))
        new.setObjectName("new_contract")
        new.setToolTip(self.tr("For the patents selected in the register"))
        new.clicked.connect(self.new_contract)
        open_button = QPushButton(self.tr("Open"))
        open_button.setObjectName("open_contract")
        open_button.clicked.connect(self.open_selected)
        delete = QPushButton(self.tr("Delete"))
        delete.setObjectName("delete_contract")
        delete.clicked.connect(self.delete_selected)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (new, open_button, delete):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Each contract is printed as PDF and as a Word file (.docx) to "
                              "negotiate; a signed one records its deal."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for summary in contracts.contracts(self.store):
            numbers = "、".join(official_number(n) for n in summary.patents) or "—"
            text = f"{summary.licensee or self.tr('(no licensee yet)')}　{numbers}"
            if summary.signed_on:
                text += f"　{summary.signed_on.isoformat()}"
            if summary.errors:
                text += "　" + self.tr("%1 error(s)").replace("%1", str(summary.errors))
            if summary.deal_id is not None:
                text += "　" + self.tr("deal recorded")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.list.addItem(item)

    def _selected(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _opened(self, editor: ContractEditor) -> ContractEditor:
        editor.saved.connect(lambda _id: self.reload())
        return editor

    def new_contract(self) -> ContractEditor:
        return self._opened(open_contract_editor(self, self.store, patents=self.patents))

    def open_selected(self) -> ContractEditor | None:
        contract_id = self._selected()
        if contract_id is None:
            return None
        return self._opened(open_contract_editor(self, self.store, contract_id))

    def delete_selected(self) -> bool:
        contract_id = self._selected()
        if contract_id is None or not interaction.confirm(
                self, self.tr("Delete contract"),
                self.tr("Delete this contract? Its deal, if recorded, stays.")):
            return False
        contracts.delete(self.store, [contract_id])
        self.reload()
        return True


def open_contracts_window(parent: QWidget | None, store: Store,
                          patents: list[str] | None = None) -> ContractsWindow:
    window = ContractsWindow(store, parent, patents)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window


# The Henan application -----------------------------------------------------------------------


def open_henan_application(parent: QWidget | None, store: Store) -> QDialog | None:
    year = choose_year(parent, henan_application.plan_years(store))
    if year is None:
        return None
    return open_henan_application_editor(parent, store, year)


# The contacts sheet -------------------------------------------------------------------------


def write_contacts_sheet(parent: QWidget | None, store: Store) -> list[Path]:
    """Ask which notice and where, write its contacts sheet (Excel + PDF) and say what
    happened; a sheet whose profile has errors is written as a draft and said so."""
    notice = choose_notice(parent)
    if notice is None:
        return []
    preferences = Preferences()
    chosen = choose_folder(
        parent, QCoreApplication.translate("OtherForms", "Folder for the contacts sheet"),
        preferences.last_folder("contacts_sheet"))
    if not chosen:
        return []
    folder = Path(chosen)
    preferences.set_last_folder("contacts_sheet", folder)
    preferences.sync()
    result = contacts_sheet.write(store, notice, folder)
    language = i18n.language()
    problems = "\n".join(describe(f, language) for f in result.findings)
    if not result.paths:
        interaction.critical(parent, QCoreApplication.translate(
            "OtherForms", "Could not write the contacts sheet"), problems)
        return []
    text = QCoreApplication.translate("OtherForms", "Written to %1:").replace(
        "%1", str(folder)) + "\n" + "\n".join(p.name for p in result.paths)
    if result.draft:
        text += "\n\n" + QCoreApplication.translate(
            "OtherForms", "The unit's profile has errors: the sheet is marked 草稿 (draft) "
            "and not recorded for the submission package.") + "\n" + problems
    interaction.inform(parent, QCoreApplication.translate(
        "OtherForms", "Contacts sheet written"), text)
    return result.paths
