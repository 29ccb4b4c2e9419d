"""The deal editor: one achieved licence (达成许可), as a row of the deal list is built from it.

The patents are picked from the register (a searchable list) in the contract's order; the
licensors are their patentees, shown, never typed. The payment method is a radio group whose
figure fields (yuan) are enabled only for the chosen method, and the amount and remark the deal
list will print are computed by the footnote rules of app.models.deals as the clerk types. Every
rule (check_deal, as Store.check_deal_fields runs it) shows under its field and in the findings
panel. Supporting files are copied into the data folder at once (a new deal is saved first so
they have a 序号); the fields are autosaved as an editor draft and undo/redo step through what
was typed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.messages import FIELD_LABELS, describe, label
from app.models.deals import (
    DEAL_FIELD_LABELS,
    FILE_KIND_LABELS,
    METHOD_PARAMETERS,
    PAYMENT_METHOD_LABELS,
    DealFields,
    DealFileKind,
    Payment,
    PaymentMethod,
    check_deal,
    format_wan,
    licensors,
    list_remark,
    normalised_number,
    official_number,
    read_payment,
    reported_amount_yuan,
    yuan_to_wan,
)
from app.models.fees import decimal_text, to_decimal
from app.models.findings import Finding
from app.ui import i18n, interaction
from app.ui.date_input import DateField
from app.ui.editor_parts import (
    RecordEditor,
    group_box,
    plain,
    sheet_and_findings,
)
from app.ui.field_message import ERROR_COLOUR, FIELD_STYLE
from app.ui.field_message import field_box as shared_field_box
from app.ui.register_model import fold
from app.ui.screen_fit import fit_to_screen
from app.usecases.files import deal_file_path

if TYPE_CHECKING:
    from app.models.patent_rules import PatentFields
    from app.models.store import Store

ENTITY = "deal"
VALIDATE_DELAY_MS = 150
DRAFT_DELAY_MS = 500
HISTORY_DELAY_MS = 400
FIGURES = ("amount_yuan", "entry_fee_yuan", "royalty_percent", "text")
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
NUMBER_ROLE = Qt.ItemDataRole.UserRole


# Injectable for tests (monkeypatch), as app.ui.interaction is for questions ---------------------



def choose_files(parent: QWidget | None, title: str) -> list[str]:
    names, _filter = QFileDialog.getOpenFileNames(parent, title)
    return list(names)


def open_path(path: Path) -> bool:
    """Open a file or folder with the system's program for it (or say there is none)."""
    return interaction.open_path(str(path))


# Shared by the deal windows and the summary book editor -----------------------------------------


class DealEvents(QObject):
    """Deals were saved, deleted or renumbered: open windows showing figures recompute them."""

    changed = Signal()


_events: DealEvents | None = None


def deal_events() -> DealEvents:
    global _events
    if _events is None:
        _events = DealEvents()
    return _events


def deal_field_label(field: str, language: str) -> str:
    """The label of a deal finding's field ("patents[2]" is one of the patents)."""
    base = "patents" if field.startswith("patents[") else field
    if base in DEAL_FIELD_LABELS:
        return label(DEAL_FIELD_LABELS, base, language)
    return label(FIELD_LABELS, base, language)


def method_label(method: str, language: str) -> str:
    text = label(PAYMENT_METHOD_LABELS, method, language) if method else ""
    return text[:1].upper() + text[1:]


def file_kind_text(kind: str, language: str) -> str:
    return label(FILE_KIND_LABELS, kind, language)


def grown_form(parent: QWidget | None = None) -> QFormLayout:
    """A form whose field columns take the full width: a wrapped message under a narrow field
    (a date) is otherwise laid out at the field's width and cut off."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def field_box(widget: QWidget, message: QWidget) -> QVBoxLayout:
    """The shared field box, with both in the editor's plain (not bold) font."""
    return shared_field_box(plain(widget), plain(message))


def hint_label(text: str) -> QLabel:
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet("color: palette(placeholder-text);")
    plain(hint)
    return hint


# The editor --------------------------------------------------------------------------------------


class DealEditor(RecordEditor):
    """Edits one deal; creates it on the first save (or when a supporting file is added)."""

    saved = Signal(int)  # the deal id
    files_changed = Signal(int)

    def __init__(
        self,
        store: Store,
        deal_id: int | None = None,
        parent: QWidget | None = None,
        *,
        prefill: DealFields | None = None,
        draft: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(store, parent, validate_ms=VALIDATE_DELAY_MS, draft_ms=DRAFT_DELAY_MS,
                         history_ms=HISTORY_DELAY_MS)
        self.deal_id = deal_id
        self.serial: int | None = None
        self.findings: list[Finding] = []
        self.setObjectName("deal_editor")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setStyleSheet(FIELD_STYLE)
        fit_to_screen(self, 1120, 800)

        # The register and the offers are read once: the editor is short-lived, and the rules
        # run on every pause in typing (Store.check_deal_fields reads the whole register each
        # time: 0.5 s at 10,000 patents, against 0.07 s once here).
        self.register: dict[str, PatentFields] = {
            fields.number: fields for _id, fields in store.patent_register()
        }
        offers = store.offers()
        self.offers: list[tuple[int, str]] = [
            (offer.id, f"{official_number(offer.patent.number)}  {offer.patent.title}")
            for offer in offers
        ]
        self._offer_numbers = {offer.id: offer.patent.number for offer in offers}
        self._file_kinds: set[str] = set()

        self._build()
        initial = self._load_record()
        self._initial = dict(initial)
        self._guard_version(ENTITY, deal_id)
        if prefill is not None:
            # Prefilled from an offer: unsaved work, so closing asks and a draft is kept.
            initial = payload_of(prefill)
        self._set_payload(initial)
        if draft is None and prefill is None:
            draft = store.load_draft(ENTITY, deal_id)
        self._start_history(initial, draft)
        self._connect_changes()
        self._update_enabled()
        self._show_files()
        self.validate()
        self._update_title()
        if prefill is not None:
            self._draft_timer.start()

    # Building ---------------------------------------------------------------------------

    def _build(self) -> None:

        sheet = QWidget()
        column = QVBoxLayout(sheet)
        column.setSpacing(10)
        self.restored_label = hint_label("")
        self.restored_label.setObjectName("restored")
        self.restored_label.hide()
        column.addWidget(self.restored_label)
        column.addWidget(self._section_patents())
        column.addWidget(self._section_licence())
        column.addWidget(self._section_payment())
        column.addWidget(self._section_list_row())
        column.addWidget(self._section_files())
        column.addStretch(1)

        body = sheet_and_findings(sheet, self._jump_to_finding, with_state=False,
                                  sizes=(800, 300))
        splitter, self.sheet_scroll = body.splitter, body.scroll
        self.findings_title, self.findings_list = body.findings_title, body.findings_list

        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undo")
        self.undo_button.clicked.connect(self.undo)
        self.redo_button = QPushButton(self.tr("Redo"))
        self.redo_button.setObjectName("redo")
        self.redo_button.clicked.connect(self.redo)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        close_button = QPushButton(self.tr("Close"))
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        self._lay_out(splitter, (), (self.save_button, close_button))

    def _section_patents(self) -> QGroupBox:
        box = group_box(self.tr("Patents licensed (all of a package, in the contract's order)"),
                        "section_patents")
        layout = QVBoxLayout(box)

        self.patent_search = QLineEdit(objectName="patent_search")
        self.patent_search.setClearButtonEnabled(True)
        self.patent_search.setPlaceholderText(self.tr("Search the register by number, title or "
                                                      "patentee"))
        self.register_model = QStandardItemModel(self)
        for fields in self.register.values():
            text = f"{official_number(fields.number)}  {fields.title}"
            if fields.patentees:
                text += f"  —  {'、'.join(fields.patentees)}"
            item = QStandardItem(text)
            item.setToolTip(text)
            item.setEditable(False)
            item.setData(fields.number, NUMBER_ROLE)
            item.setData(fold(text + " " + fields.number), SEARCH_ROLE)
            self.register_model.appendRow(item)
        self.register_proxy = QSortFilterProxyModel(self)
        self.register_proxy.setSourceModel(self.register_model)
        self.register_proxy.setFilterRole(SEARCH_ROLE)
        self.patent_search.textChanged.connect(
            lambda text: self.register_proxy.setFilterFixedString(fold(text.strip()))
        )
        self.register_view = QListView()
        self.register_view.setObjectName("register_patents")
        self.register_view.setModel(self.register_proxy)
        self.register_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.register_view.setUniformItemSizes(True)
        self.register_view.doubleClicked.connect(lambda _index: self.add_selected_patents())
        self.register_view.setMinimumHeight(150)

        self.chosen = QListWidget()
        self.chosen.setObjectName("patents")
        self.chosen.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.chosen.model().rowsMoved.connect(self._patents_changed)
        self.chosen.setMinimumHeight(150)
        self.chosen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chosen.setTextElideMode(Qt.TextElideMode.ElideRight)

        add = QPushButton(self.tr("Add →"), objectName="add_patent")
        add.setAutoDefault(False)
        add.clicked.connect(self.add_selected_patents)
        up = QPushButton(self.tr("Up"), objectName="patent_up")
        up.setAutoDefault(False)
        up.clicked.connect(lambda: self._move_patent(-1))
        down = QPushButton(self.tr("Down"), objectName="patent_down")
        down.setAutoDefault(False)
        down.clicked.connect(lambda: self._move_patent(1))
        remove = QPushButton(self.tr("Remove"), objectName="remove_patent")
        remove.setAutoDefault(False)
        remove.clicked.connect(self.remove_selected_patent)

        left = QVBoxLayout()
        left.addWidget(plain(self.patent_search))
        left.addWidget(plain(self.register_view), 1)
        middle = QVBoxLayout()
        middle.addStretch(1)
        middle.addWidget(plain(add))
        middle.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(plain(QLabel(self.tr("Patents of this deal"))))
        right.addWidget(plain(self.chosen), 1)
        order = QHBoxLayout()
        for button in (up, down, remove):
            order.addWidget(plain(button))
        order.addStretch(1)
        right.addLayout(order)
        row = QHBoxLayout()
        row.addLayout(left, 3)
        row.addLayout(middle)
        row.addLayout(right, 2)
        layout.addLayout(row)

        self.licensors_label = QLabel(objectName="licensors")
        self.licensors_label.setWordWrap(True)
        self.licensors_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        licensors_row = grown_form()
        licensors_row.addRow(plain(QLabel(self.tr("Licensors (the patentees)"))),
                             plain(self.licensors_label))
        layout.addLayout(licensors_row)
        layout.addWidget(hint_label(self.tr("The licensors are read from the register: edit the "
                                            "patent there to change them.")))
        layout.addWidget(plain(self._register("patents", self.chosen)))
        return box

    def _section_licence(self) -> QGroupBox:
        box = group_box(self.tr("Licence"), "section_licence")
        form = grown_form(box)
        self.licensee = QLineEdit(objectName="licensee")
        self.licensee.setPlaceholderText(
            self.tr("The licensee's full name, e.g. 武汉某某科技有限公司"))
        self._form_row(form, "licensee", self.tr("Licensee"), self.licensee)
        self.licence_date = DateField()
        self.licence_date.setObjectName("licence_date")
        self.licence_date.setMinimumWidth(160)
        self._form_row(form, "licence_date", self.tr("Licence (contract) date"), self.licence_date)
        self.term = QLineEdit(objectName="term")
        self.term.setPlaceholderText(self.tr("e.g. 2023-05-01 至 2026-04-30, or 3年"))
        self._form_row(form, "term", self.tr("Licence term"), self.term)

        self.via_offer = QCheckBox(self.tr("Concluded through an open-licence offer"))
        self.via_offer.setObjectName("via_offer")
        self.offer_combo = QComboBox()
        self.offer_combo.setObjectName("offer")
        self.offer_combo.addItem(self.tr("(the offer of one of the deal's patents)"), None)
        for offer_id, text in self.offers:
            self.offer_combo.addItem(text, offer_id)
        offer_box = QVBoxLayout()
        offer_box.setSpacing(2)
        offer_box.addWidget(plain(self.via_offer))
        offer_box.addWidget(plain(self.offer_combo))
        offer_box.addWidget(plain(self._register("offer", self.offer_combo)))
        form.addRow(plain(QLabel(self.tr("Open licence"))), offer_box)

        self.agency = QLineEdit(objectName="agency")
        self.agency.setPlaceholderText(self.tr("The agency (代理机构) that brokered it, if any"))
        self._form_row(form, "agency", self.tr("Agency"), self.agency)
        # 到款额, for the ops-centre table's licence figures (app/models/ops_centre.py).
        self.received = QLineEdit(objectName="received_yuan")
        self.received.setPlaceholderText(self.tr("What the licensee has paid so far, in yuan"))
        self._form_row(form, "received_yuan", self.tr("Amount received (到款额, yuan)"),
                       self.received)
        self.remarks = QPlainTextEdit(objectName="remarks")
        self.remarks.setTabChangesFocus(True)
        self.remarks.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self._form_row(form, "remarks", self.tr("Remarks"), self.remarks)
        return box

    def _section_payment(self) -> QGroupBox:
        box = group_box(self.tr("Licence fee: how it is paid (choose one)"), "section_payment")
        layout = QHBoxLayout(box)
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[PaymentMethod, QRadioButton] = {}
        language = i18n.language()
        radios = QVBoxLayout()
        for method in PaymentMethod:
            button = QRadioButton(method_label(method.value, language))
            button.setObjectName(f"method_{method.value}")
            self.method_group.addButton(button)
            self.method_buttons[method] = button
            radios.addWidget(plain(button))
        radios.addStretch(1)
        self.method_message = self._register("payment.method",
                                             self.method_buttons[PaymentMethod.FREE])
        radios.addWidget(plain(self.method_message))

        form = grown_form()
        self.figure_edits: dict[str, QLineEdit] = {}
        captions = {
            "amount_yuan": self.tr("Amount (yuan)"),
            "entry_fee_yuan": self.tr("Entry fee (yuan)"),
            "royalty_percent": self.tr("Royalty (% of sales)"),
            "text": self.tr("Payment terms"),
        }
        self.figure_captions: dict[str, QLabel] = {}
        for name in FIGURES:
            edit = QLineEdit(objectName=f"payment.{name}")
            if name != "text":
                edit.setAlignment(Qt.AlignmentFlag.AlignRight)
                edit.setMinimumWidth(180)
                edit.setMaximumWidth(220)
            self.figure_edits[name] = edit
            self.figure_captions[name] = self._form_row(form, f"payment.{name}",
                                                        captions[name], edit)
        layout.addLayout(radios, 1)
        layout.addLayout(form, 2)
        return box

    def _section_list_row(self) -> QGroupBox:
        box = group_box(self.tr("On the deal list (computed by the notice's footnote)"),
                        "section_list_row")
        grid = QGridLayout(box)
        self.list_amount = QLabel(objectName="list_amount")
        self.list_remark = QLabel(objectName="list_remark")
        self.list_remark.setWordWrap(True)
        for widget in (self.list_amount, self.list_remark):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(plain(QLabel(self.tr("Licence fee (万元)"))), 0, 0)
        grid.addWidget(self.list_amount, 0, 1)  # bold as the box title: the figure that prints
        grid.addWidget(plain(QLabel(self.tr("Remark (agency)"))), 1, 0)
        grid.addWidget(plain(self.list_remark), 1, 1)
        grid.setColumnStretch(1, 1)
        grid.addWidget(hint_label(self.tr(
            "Free and royalty-only licences report 0; entry fee + royalty reports the entry fee "
            "only; both royalty methods are named in the remark.")), 2, 0, 1, 2)
        return box

    def _section_files(self) -> QGroupBox:
        box = group_box(self.tr("Supporting files (contract or filing record; receipts for a "
                                "paid licence)"), "section_files")
        layout = QVBoxLayout(box)
        self.files_table = QTableWidget(0, 4, objectName="files")
        self.files_table.setHorizontalHeaderLabels([
            self.tr("Numbered as"), self.tr("Kind"), self.tr("Original file"), self.tr("Size"),
        ])
        self.files_table.verticalHeader().hide()
        self.files_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.files_table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 150)
        header.resizeSection(1, 110)
        self.files_table.setMinimumHeight(110)
        self.files_table.setMaximumHeight(170)
        self.files_table.doubleClicked.connect(lambda _index: self.open_selected_file())
        self.files_table.itemSelectionChanged.connect(self._update_file_buttons)

        language = i18n.language()
        self.file_kind = QComboBox()
        self.file_kind.setObjectName("file_kind")
        for kind in DealFileKind:
            self.file_kind.addItem(file_kind_text(kind.value, language), kind.value)
        self.add_file_button = QPushButton(self.tr("Add file…"), objectName="add_file")
        self.add_file_button.setAutoDefault(False)
        self.add_file_button.clicked.connect(self.add_files)
        self.open_file_button = QPushButton(self.tr("Open"), objectName="open_file")
        self.open_file_button.setAutoDefault(False)
        self.open_file_button.clicked.connect(self.open_selected_file)
        self.remove_file_button = QPushButton(self.tr("Remove…"), objectName="remove_file")
        self.remove_file_button.setAutoDefault(False)
        self.remove_file_button.clicked.connect(self.remove_selected_file)
        row = QHBoxLayout()
        row.addWidget(plain(QLabel(self.tr("Kind"))))
        row.addWidget(plain(self.file_kind))
        row.addWidget(plain(self.add_file_button))
        row.addStretch(1)
        row.addWidget(plain(self.open_file_button))
        row.addWidget(plain(self.remove_file_button))
        layout.addWidget(plain(self.files_table))
        layout.addLayout(row)
        layout.addWidget(hint_label(self.tr(
            "Files are copied into the program's data folder and numbered by the deal's 序号 "
            "(3-1 合同.pdf); the originals are not touched. Adding a file to a new deal saves "
            "the deal first.")))
        layout.addWidget(plain(self._register("files", self.files_table)))
        return box

    # Changes ----------------------------------------------------------------------------

    def _connect_changes(self) -> None:
        for edit in (self.licensee, self.licence_date, self.term, self.agency, self.received,
                     *self.figure_edits.values()):
            edit.textChanged.connect(self._changed)
        self.remarks.textChanged.connect(self._changed)
        self.offer_combo.currentIndexChanged.connect(self._changed)
        self.via_offer.toggled.connect(self._choice_changed)
        self.method_group.buttonToggled.connect(self._method_toggled)

    def _method_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._choice_changed()

    def _choice_changed(self, *_args: Any) -> None:
        self._update_enabled()
        self._changed()
        if not self._restoring:
            self._record_history()  # a choice is a step of its own, not merged with typing

    def _patents_changed(self, *_args: Any) -> None:
        self._choice_changed()

    def _changed(self, *_args: Any) -> None:
        self._validate_timer.start()
        self._draft_timer.start()
        if not self._restoring:
            self._history_timer.start()

    def _update_enabled(self) -> None:
        """Only the chosen method's figures can be typed; the offer only when it applies."""
        kind = self.method()
        wanted = set(METHOD_PARAMETERS[kind]) if kind is not None else set()
        for name, edit in self.figure_edits.items():
            edit.setEnabled(name in wanted)
        # A disabled field shows nothing, not even a grey example that reads like a value.
        self.figure_edits["text"].setPlaceholderText(
            self.tr("the other terms in words") if "text" in wanted else "")
        # The amount means the sum of the instalments, or the value of other terms.
        captions = {
            PaymentMethod.INSTALMENTS: self.tr("Total of the instalments (yuan)"),
            PaymentMethod.OTHER: self.tr("Amount, if it can be valued (yuan)"),
        }
        self.figure_captions["amount_yuan"].setText(
            captions[kind] if kind in captions else self.tr("Amount (yuan)"))
        self.offer_combo.setEnabled(self.via_offer.isChecked())

    # The patents ------------------------------------------------------------------------

    def patent_numbers(self) -> list[str]:
        return [str(self.chosen.item(i).data(NUMBER_ROLE)) for i in range(self.chosen.count())]

    def _patent_item(self, number: str) -> QListWidgetItem:
        fields = self.register.get(normalised_number(number) or number)
        text = official_number(number)
        if fields is not None:
            text += f"  {fields.title}"
        else:
            text += "  " + self.tr("(not in the register)")
        item = QListWidgetItem(text)
        item.setToolTip(text)
        item.setData(NUMBER_ROLE, number)
        return item

    def _set_patents(self, numbers: list[str]) -> None:
        self.chosen.clear()
        for number in numbers:
            self.chosen.addItem(self._patent_item(number))

    def add_patent(self, number: str) -> bool:
        """Add a patent of the register (a number already in the deal is not added twice)."""
        normal = normalised_number(number) or number.strip()
        if not normal or normal in {normalised_number(n) or n for n in self.patent_numbers()}:
            return False
        self.chosen.addItem(self._patent_item(normal))
        self.chosen.setCurrentRow(self.chosen.count() - 1)
        self._patents_changed()
        return True

    def add_selected_patents(self) -> None:
        indexes = sorted(self.register_view.selectionModel().selectedIndexes(),
                         key=lambda index: index.row())
        for index in indexes:
            self.add_patent(str(index.data(NUMBER_ROLE)))

    def remove_selected_patent(self) -> None:
        row = self.chosen.currentRow()
        if row < 0:
            return
        self.chosen.takeItem(row)
        self._patents_changed()

    def _move_patent(self, step: int) -> None:
        row = self.chosen.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.chosen.count():
            return
        item = self.chosen.takeItem(row)
        self.chosen.insertItem(target, item)
        self.chosen.setCurrentRow(target)
        self._patents_changed()

    # Payload: the editor's state as plain values, for drafts, undo and comparison -----

    def _load_record(self) -> dict[str, Any]:
        if self.deal_id is None:
            return payload_of(DealFields())
        record = self.store.deal(self.deal_id)
        if record is None:
            raise LookupError(f"no deal {self.deal_id}")
        self.serial = record.serial
        return payload_of(record.fields)

    def payload(self) -> dict[str, Any]:
        kind = self.method()
        payload: dict[str, Any] = {
            "patents": self.patent_numbers(),
            "licensee": self.licensee.text(),
            "licence_date": self.licence_date.text(),
            "term": self.term.text(),
            "via_offer": self.via_offer.isChecked(),
            "offer_id": self.offer_combo.currentData(),
            "payment.method": kind.value if kind is not None else "",
            "agency": self.agency.text(),
            "remarks": self.remarks.toPlainText(),
            "received_yuan": self.received.text(),
        }
        for name, edit in self.figure_edits.items():
            payload[f"payment.{name}"] = edit.text()
        return payload

    def _set_payload(self, payload: dict[str, Any]) -> None:
        restoring, self._restoring = self._restoring, True
        try:
            patents = payload.get("patents") or []
            self._set_patents([str(n) for n in patents] if isinstance(patents, list) else [])
            self.licensee.setText(str(payload.get("licensee", "")))
            self.licence_date.setText(str(payload.get("licence_date", "")))
            self.term.setText(str(payload.get("term", "")))
            self.via_offer.setChecked(bool(payload.get("via_offer", False)))
            index = self.offer_combo.findData(payload.get("offer_id"))
            self.offer_combo.setCurrentIndex(max(index, 0))
            try:
                method: PaymentMethod | None = PaymentMethod(str(payload.get("payment.method")))
            except ValueError:
                method = None
            button = self.method_buttons.get(method) if method is not None else None
            if button is not None:
                button.setChecked(True)
            else:
                self.method_group.setExclusive(False)  # an exclusive group cannot be cleared
                for member in self.method_group.buttons():
                    member.setChecked(False)
                self.method_group.setExclusive(True)
            for name, edit in self.figure_edits.items():
                edit.setText(str(payload.get(f"payment.{name}", "") or ""))
            self.agency.setText(str(payload.get("agency", "")))
            self.remarks.setPlainText(str(payload.get("remarks", "")))
            self.received.setText(str(payload.get("received_yuan", "") or ""))
            self._update_enabled()
        finally:
            self._restoring = restoring

    def method(self) -> PaymentMethod | None:
        for method, button in self.method_buttons.items():
            if button.isChecked():
                return method
        return None

    def payment(self) -> tuple[Payment, list[Finding]]:
        """The payment as typed, read by the domain (figures that are not numbers are findings);
        the figures of other methods are disabled and not part of it."""
        kind = self.method()
        data: dict[str, Any] = {"method": kind.value if kind is not None else ""}
        if kind is not None:
            for name in METHOD_PARAMETERS[kind]:
                data[name] = self.figure_edits[name].text()
        payment, findings = read_payment(data)
        return payment.only_chosen(), findings

    def fields(self) -> DealFields:
        return self._fields(self.payment()[0])

    def _fields(self, payment: Payment) -> DealFields:
        via_offer = self.via_offer.isChecked()
        return DealFields(
            patents=tuple(self.patent_numbers()),
            licensee=self.licensee.text(),
            licence_date=self.licence_date.date(),
            term=self.term.text(),
            via_offer=via_offer,
            offer_id=self.offer_combo.currentData() if via_offer else None,
            payment=payment,
            agency=self.agency.text(),
            remarks=self.remarks.toPlainText(),
            received_yuan=_received(self.received.text()),
        )

    # Checking ---------------------------------------------------------------------------

    def validate(self) -> list[Finding]:
        self._validate_timer.stop()
        payment, read_findings = self.payment()
        fields = self._fields(payment)
        unreadable = {f.field for f in read_findings}
        findings = list(read_findings)
        received = self.received.text().strip()
        if received and _received(received) is None:
            findings.append(Finding("deal.not_a_number", "received_yuan",
                                    params={"value": received}))
        offer_number = self._offer_numbers.get(fields.offer_id) if fields.offer_id else None
        # The rules Store.check_deal_fields runs, on the register read once (see __init__).
        for finding in check_deal(fields, self.register, file_kinds=self._file_kinds,
                                  offer_number=offer_number):
            # "not an amount" already says what is wrong with a figure that is not a number.
            if finding.code == "deal.amount_required" and finding.field in unreadable:
                continue
            if finding.code == "deal.date_required" and not self.licence_date.is_readable():
                continue
            findings.append(finding)
        self.findings = findings

        by_field: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_field[self._message_for(finding.field)].append(finding)
        date_problem = []
        if not self.licence_date.is_readable():
            date_problem.append(self.tr("“%1” is not a date: write it as 2023-05-01.")
                                .replace("%1", self.licence_date.text().strip()))
        for name, message in self.messages.items():
            message.show_findings(by_field.get(name, []),
                                  date_problem if name == "licence_date" else ())
        self._show_findings_panel(bool(date_problem))
        self._show_computed(fields)
        self._update_undo_buttons()
        return findings

    def _message_for(self, field: str) -> str:
        if field.startswith("patents"):
            return "patents"
        return field if field in self.messages else "payment.method"

    def _show_findings_panel(self, date_unreadable: bool) -> None:
        language = i18n.language()
        errors, warnings = self._list_findings(
            self.findings, lambda finding, lang: deal_field_label(finding.field, lang),
            lambda finding: self._message_for(finding.field))
        if date_unreadable:
            not_a_date = self.tr("not a date")
            item = QListWidgetItem(
                f"{deal_field_label('licence_date', language)}：{not_a_date}"
            )
            item.setData(Qt.ItemDataRole.UserRole, "licence_date")
            item.setForeground(QColor(ERROR_COLOUR))
            self.findings_list.addItem(item)
        count_errors = len(errors) + int(date_unreadable)
        if count_errors:
            title = self.tr("%1 error(s), %2 warning(s) — click one to go to its field") \
                .replace("%1", str(count_errors)).replace("%2", str(len(warnings)))
        elif warnings:
            title = self.tr("No errors; %1 warning(s)").replace("%1", str(len(warnings)))
        else:
            title = self.tr("No errors: the deal is ready for the deal list.")
        self.findings_title.setText(title)

    def _show_computed(self, fields: DealFields) -> None:
        """What the deal list will print, by the domain's footnote rules."""
        payment = fields.payment
        if payment.kind is None:
            self.list_amount.setText("—")
        else:
            wan = format_wan(yuan_to_wan(reported_amount_yuan(payment)))
            self.list_amount.setText(self.tr("%1 万元").replace("%1", wan))
        self.list_remark.setText(list_remark(payment, fields.agency, fields.remarks) or "—")
        lists = []
        for number in fields.patents:
            patent = self.register.get(normalised_number(number) or number)
            if patent is not None:
                lists.append(patent.patentees)
        self.licensors_label.setText("、".join(licensors(lists)) or "—")

    def _jump_to_finding(self, item: QListWidgetItem) -> None:
        self.focus_field(str(item.data(Qt.ItemDataRole.UserRole)))

    def focus_field(self, name: str) -> None:
        widget = self.field_widgets.get(name)
        if widget is None:
            return
        if not widget.isEnabled():
            # A figure of a method not chosen: take the clerk to the choice itself.
            widget = self.field_widgets["payment.method"]
        self.sheet_scroll.ensureWidgetVisible(widget, 50, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # Files ------------------------------------------------------------------------------

    def _show_files(self) -> None:
        record = self.store.deal(self.deal_id) if self.deal_id is not None else None
        files = record.files if record is not None else ()
        serial = record.serial if record is not None else 0
        self._file_kinds = {info.kind for info in files}
        language = i18n.language()
        self.files_table.setRowCount(len(files))
        for row, info in enumerate(files):
            cells = (
                info.label(serial),
                file_kind_text(info.kind, language),
                info.original_name,
                _size_text(info.size),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.id)
                item.setData(Qt.ItemDataRole.UserRole + 1, info.stored_path)
                self.files_table.setItem(row, column, item)
        self._update_file_buttons()

    def _update_file_buttons(self) -> None:
        selected = bool(self.files_table.selectionModel().selectedRows())
        self.open_file_button.setEnabled(selected)
        self.remove_file_button.setEnabled(selected)

    def _selected_file(self) -> tuple[int, str, str] | None:
        rows = self.files_table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        first = self.files_table.item(row, 0)
        return (int(first.data(Qt.ItemDataRole.UserRole)),
                str(first.data(Qt.ItemDataRole.UserRole + 1)), first.text())

    def add_files(self) -> int:
        """Ask for files and copy them in as the chosen kind; returns how many were added."""
        paths = choose_files(self, self.tr("Add supporting files"))
        if not paths:
            return 0
        return self.add_file_paths([Path(p) for p in paths], str(self.file_kind.currentData()))

    def add_file_paths(self, paths: list[Path], kind: str) -> int:
        if self.deal_id is None and not self.save():
            return 0
        assert self.deal_id is not None
        language = i18n.language()
        added = 0
        problems: list[str] = []
        for path in paths:
            result = self.store.add_deal_file(self.deal_id, path, kind)
            if result.saved:
                added += 1
            else:
                problems += [describe(f, language) for f in result.findings if f.is_error]
        self._files_changed()
        if problems:
            interaction.critical(self, self.tr("Supporting files"), "\n".join(problems))
        return added

    def open_selected_file(self) -> None:
        selected = self._selected_file()
        if selected is None:
            return
        path = deal_file_path(self.store, selected[0])  # from the database, by hash
        if not isinstance(path, Path):
            interaction.critical(self, self.tr("Supporting files"),
                                 describe(path, i18n.language()))
        elif not path.is_file() or not open_path(path):
            interaction.critical(self, self.tr("Supporting files"),
                                 self.tr("Cannot open %1.").replace("%1", str(path)))

    def remove_selected_file(self) -> bool:
        selected = self._selected_file()
        if selected is None:
            return False
        file_id, _path, name = selected
        if not interaction.confirm(
            self, self.tr("Remove supporting file"),
            self.tr("Remove %1 from this deal?").replace("%1", name),
            self.tr("The copy in the program's data folder is deleted; the original file "
                    "you added it from is not touched."),
        ):
            return False
        self.store.remove_deal_file(file_id)
        self._files_changed()
        return True

    def _files_changed(self) -> None:
        self._show_files()
        self.validate()
        if self.deal_id is not None:
            self.files_changed.emit(self.deal_id)
        deal_events().changed.emit()

    # Actions ----------------------------------------------------------------------------

    def _update_title(self) -> None:
        if self.serial is None:
            title = self.tr("New deal")
        else:
            title = self.tr("Deal %1").replace("%1", str(self.serial))
            licensee = self.licensee.text().strip()
            if licensee:
                title += f" — {licensee}"
        self.setWindowTitle(title)

    def save(self) -> bool:
        """Save (errors and all: a deal keeps its findings until they are put right)."""
        if not self.licence_date.is_readable() and not interaction.confirm(
            self, self.tr("Save deal"),
            self.tr("The licence date is not a date and will be saved empty. Save anyway?"),
        ):
            return False
        was_new = self.deal_id is None
        result = self.store.save_deal(self.fields(), self.deal_id,
                                      expected_version=self.expected_version())
        if not result.saved:
            handled = self._version_refused(result.findings)
            if handled is not None:
                return handled
            interaction.critical(self, self.tr("Save deal"), "\n".join(
                describe(f, i18n.language()) for f in result.findings))
            return False
        assert result.record_id is not None
        self._draft_timer.stop()
        self.store.discard_draft(ENTITY, self.deal_id)
        self.deal_id = result.record_id
        self.store.discard_draft(ENTITY, self.deal_id)
        record = self.store.deal(self.deal_id)
        self.serial = record.serial if record is not None else None
        if record is not None and was_new:
            # What was saved, as the store normalised it (e.g. the offer linked by the patent).
            self._set_payload(payload_of(record.fields))
        self._initial = self.payload()
        self._version_saved(self.deal_id)
        self._update_title()
        self.validate()
        deal_events().changed.emit()  # first: the register reloads, then selects the deal
        self.saved.emit(self.deal_id)
        if result.notices:
            language = i18n.language()
            interaction.inform(self, self.tr("Deal saved"),
                               "\n".join(describe(n, language) for n in result.notices))
        return True

    def draft_address(self) -> tuple[str, int | None]:
        return ENTITY, self.deal_id

    def stored_payload(self) -> dict[str, Any]:
        record = self.store.deal(self.deal_id) if self.deal_id is not None else None
        return payload_of(record.fields if record is not None else DealFields())

    def unsaved_question(self) -> str:
        return self.tr("This deal has changes that are not saved. Save them?")


def payload_of(fields: DealFields) -> dict[str, Any]:
    payment = fields.payment
    payload: dict[str, Any] = {
        "patents": list(fields.patents),
        "licensee": fields.licensee,
        "licence_date": fields.licence_date.isoformat() if fields.licence_date else "",
        "term": fields.term,
        "via_offer": fields.via_offer or fields.offer_id is not None,
        "offer_id": fields.offer_id,
        "payment.method": payment.method,
        "payment.text": payment.text,
        "agency": fields.agency,
        "remarks": fields.remarks,
        "received_yuan": (decimal_text(fields.received_yuan)
                          if fields.received_yuan is not None else ""),
    }
    for name in ("amount_yuan", "entry_fee_yuan", "royalty_percent"):
        value = getattr(payment, name)
        payload[f"payment.{name}"] = decimal_text(value) if value is not None else ""
    return payload


def _received(text: str) -> Decimal | None:
    """到款额 as typed: a number of yuan, 0 or more; anything else is not recorded (the
    validation says so)."""
    value = to_decimal(text)
    return value if value is not None and value >= 0 else None


def _size_text(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    if size >= 1 << 10:
        return f"{size / (1 << 10):.0f} KB"
    return f"{size} B"


def open_deal_editor(
    parent: QWidget | None,
    store: Store,
    deal_id: int | None = None,
    from_offer_id: int | None = None,
    *,
    on_saved: Callable[[int], None] | None = None,
) -> DealEditor | None:
    """Open the editor of a deal, a new deal, or a new deal prefilled from an offer.

    A new deal typed earlier and never saved is restored rather than silently replaced."""
    prefill = None
    if deal_id is None and from_offer_id is not None:
        prefill = store.deal_from_offer(from_offer_id)
        if prefill is not None and store.load_draft(ENTITY, None) is not None:
            if not interaction.confirm(
                parent, QCoreApplication.translate("DealEditor", "New deal from an offer"),
                QCoreApplication.translate(
                    "DealEditor",
                    "A new deal typed earlier was never saved. Replace it with a deal from this "
                    "offer?"),
                QCoreApplication.translate("DealEditor", "No opens the unsaved deal instead."),
            ):
                prefill = None
    editor = DealEditor(store, deal_id, parent, prefill=prefill)
    if on_saved is not None:
        editor.saved.connect(on_saved)
    editor.finished.connect(editor.deleteLater)
    editor.open()
    return editor
