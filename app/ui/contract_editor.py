"""The licence contract editor (专利开放许可合同, notice 003 附件 6).

Laid out in the contract's order: 许可人 (the unit's profile, read-only), 被许可人 (typed once:
a known licensee's block is offered by name and kept for their next contract), 第一条 the
patents (from the register; their inventors and annual-fee date are recorded on the patent
record from here), 第三条, 第五条 "一致" — the declared fee option shown as the contract will
repeat it — or the negotiated option (the information sheet's fee panel), the bank and the
penalty, 第六条, 第八条, 第十条, 第十一条, 第十二条 (long text with its count), 第十三条 and the
signing date. The PDF and the editable .docx are written by the use case
(app.usecases.contracts), as the command line's `render contract`; a signed contract creates
its deal (达成许可).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.export.contract_text import fee_sentence, official_number
from app.messages import describe, field_label
from app.models.contracts import (
    IMPROVEMENT_LABELS_ZH,
    PARTY_KEYS,
    TEXT_FIELDS,
    ContractFields,
    Dispute,
    FeeAgreement,
    Improvement,
    PartyBlock,
    inventor_names,
)
from app.models.fees import FeeKind
from app.models.findings import Finding
from app.ui import i18n, interaction
from app.ui.date_input import DateField
from app.ui.deal_editor import deal_events, grown_form, hint_label
from app.ui.editor_parts import (
    RecordEditor,
    editor_button,
    group_box,
    plain,
    sheet_and_findings,
)
from app.ui.fee_panel import FeePanel
from app.ui.field_message import FIELD_STYLE
from app.ui.long_text import LongTextField
from app.ui.screen_fit import fit_to_screen
from app.ui.settings import Preferences
from app.usecases import contracts as usecase

if TYPE_CHECKING:
    from app.models.store import Store

ENTITY = "contract"
FOLDER_PURPOSE = "contract"

PARTY_CAPTIONS = {"name": "被许可人", "domicile": "住所地", "legal_representative": "法定代表人",
                  "contact_name": "联系人", "contact_phone": "联系电话", "email": "电子信箱",
                  "fax": "传真", "address": "通讯地址"}
# (field, caption) of the one-line entries, in the contract's order.
LINE_FIELDS = (("manner", "1.实施方式"), ("scope", "2.实施范围"), ("term", "3.实施期限"),
               ("bank_name", "开户银行"), ("bank_address", "地址"), ("bank_account", "帐号"),
               ("penalty", "违约金的计算方法"), ("infringement", "第六条 许可人应当"),
               ("infringement_other", "第六条 其他"), ("improvement_other", "第八条 其他"),
               ("benefit_sharing", "具体利益分配方式"), ("termination_2", "第十条 2."),
               ("termination_3", "第十条 3."), ("arbitration_commission", "仲裁委员会"))


def choose_folder(parent: QWidget | None, title: str, start: str) -> str | None:
    folder = QFileDialog.getExistingDirectory(parent, title, start)
    return folder or None


class ContractEditor(RecordEditor):
    saved = Signal(int)  # the contract id

    def __init__(self, store: Store, contract_id: int | None = None,
                 parent: QWidget | None = None, *, prefill: ContractFields | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(store, parent)
        self.contract_id = contract_id
        self._today = today
        self.findings: list[Finding] = []
        self.setObjectName("contract_editor")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setStyleSheet(FIELD_STYLE)
        fit_to_screen(self, 1180, 880)
        self.known_licensees = {p.name: p for p in usecase.licensees(store)}
        self.register_numbers = [(f.number, f.title) for _id, f in store.patent_register()]
        self._build()
        loaded = usecase.load(store, contract_id) if contract_id is not None else None
        self._initial = payload_of(loaded or ContractFields())
        initial = payload_of(prefill) if prefill is not None else dict(self._initial)
        self._set_payload(initial)
        self._guard_version(ENTITY, contract_id)
        draft = store.load_draft(ENTITY, contract_id) if prefill is None else None
        self._start_history(initial, draft)
        self._connect_changes()
        self.validate()
        self._update_title()

    # Building ---------------------------------------------------------------------------

    def _build(self) -> None:
        sheet = QWidget()
        column = QVBoxLayout(sheet)
        column.setSpacing(10)
        self.restored_label = hint_label("")
        self.restored_label.setObjectName("restored")
        self.restored_label.hide()
        column.addWidget(self.restored_label)
        self.line_edits: dict[str, QLineEdit] = {}
        self.party_edits: dict[str, QLineEdit] = {}

        licensor = group_box("许可人", "section_licensor")
        licensor_layout = QVBoxLayout(licensor)
        self.licensor_label = QLabel(objectName="licensor")
        self.licensor_label.setWordWrap(True)
        self.licensor_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        licensor_layout.addWidget(plain(self.licensor_label))
        licensor_layout.addWidget(hint_label(self.tr(
            "From the organisation profile: its first contact is the contract's 联系人.")))
        column.addWidget(licensor)

        licensee = group_box("被许可人", "section_licensee")
        grid = QGridLayout(licensee)
        self.licensee_name = named(QComboBox(), "licensee.name")
        self.licensee_name.setEditable(True)
        self.licensee_name.addItems(sorted(self.known_licensees))
        self.licensee_name.setCurrentIndex(-1)
        self.licensee_name.activated.connect(self._licensee_chosen)
        for index, key in enumerate(PARTY_KEYS):
            if key == "name":
                widget: QWidget = self.licensee_name
            else:
                edit = QLineEdit(objectName=f"licensee.{key}")
                self.party_edits[key] = edit
                widget = edit
            row, col = divmod(index, 2)
            caption_label = plain(QLabel(PARTY_CAPTIONS[key]))
            caption_label.setBuddy(widget)
            grid.addWidget(caption_label, row, col * 2, Qt.AlignmentFlag.AlignTop)
            box = QVBoxLayout()
            box.addWidget(plain(widget))
            box.addWidget(plain(self._register(f"licensee.{key}", widget)))
            grid.addLayout(box, row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.addWidget(hint_label(self.tr(
            "A licensee typed once is offered again by name; what is typed here updates their "
            "block for the next contract.")), 4, 0, 1, 4)
        column.addWidget(licensee)

        column.addWidget(self._section_patents())

        third = group_box("第三条", "section_third")
        form = grown_form(third)
        for key, caption in LINE_FIELDS[:3]:
            self.line_edits[key] = QLineEdit(objectName=key)
            self._form_row(form, key, caption, self.line_edits[key])
        column.addWidget(third)

        column.addWidget(self._section_fee())

        rest = group_box(self.tr("第六条 to 第十三条"), "section_rest")
        rest_form = grown_form(rest)
        for key, caption in LINE_FIELDS[7:9]:
            self.line_edits[key] = QLineEdit(objectName=key)
            self._form_row(rest_form, key, caption, self.line_edits[key])
        self.improvement_group = QButtonGroup(self)
        improvement_box = QVBoxLayout()
        self.improvement_buttons: dict[Improvement, QRadioButton] = {}
        for choice in Improvement:
            radio = named(QRadioButton(IMPROVEMENT_LABELS_ZH[choice].rstrip("。：")),
                          f"improvement.{choice.value}")
            self.improvement_group.addButton(radio)
            self.improvement_buttons[choice] = radio
            improvement_box.addWidget(plain(radio))
        improvement_box.addWidget(plain(self._register(
            "improvement", self.improvement_buttons[Improvement.LICENSEE])))
        rest_form.addRow(plain(QLabel("第八条 技术成果归")), improvement_box)
        for key, caption in LINE_FIELDS[9:13]:
            self.line_edits[key] = QLineEdit(objectName=key)
            self._form_row(rest_form, key, caption, self.line_edits[key])
        self.dispute_group = QButtonGroup(self)
        self.dispute_buttons = {
            Dispute.ARBITRATION: named(QRadioButton("1.提交仲裁委员会仲裁"), "dispute.arbitration"),
            Dispute.COURT: named(QRadioButton("2.依法向人民法院起诉"), "dispute.court"),
        }
        dispute_box = QVBoxLayout()
        for radio in self.dispute_buttons.values():
            self.dispute_group.addButton(radio)
            dispute_box.addWidget(plain(radio))
        dispute_box.addWidget(plain(self._register(
            "dispute_settlement", self.dispute_buttons[Dispute.ARBITRATION])))
        rest_form.addRow(plain(QLabel("第十一条")), dispute_box)
        key, caption = LINE_FIELDS[13]
        self.line_edits[key] = QLineEdit(objectName=key)
        self.line_edits[key].setPlaceholderText(self.tr("e.g. 武汉仲裁委员会"))
        self._form_row(rest_form, key, caption, self.line_edits[key])
        self.other_matters = LongTextField("other_matters", lines=4)
        self.other_matters.left.insertWidget(
            1, plain(self._register("other_matters", self.other_matters.edit)))
        rest_form.addRow(plain(QLabel("第十二条 其他相关事项")), plain(self.other_matters))
        self.copies = named(QSpinBox(), "copies")
        self.copies.setRange(0, 20)
        self.copies.setSpecialValueText(self.tr("(blank)"))
        self._form_row(rest_form, "copies", "第十三条 一式（份）", self.copies)
        self.signed_on = DateField()
        self.signed_on.setObjectName("signed_on")
        self.signed_on.setMaximumWidth(200)
        self._form_row(rest_form, "signed_on", self.tr("Signing date (签字盖章日期)"),
                       self.signed_on)
        column.addWidget(rest)
        column.addStretch(1)

        body = sheet_and_findings(sheet, self._jump_to_finding, with_state=False,
                                  sizes=(840, 320))
        self.sheet_scroll = body.scroll
        self.findings_title, self.findings_list = body.findings_title, body.findings_list

        self.undo_button = editor_button(self.tr("Undo"), "undo", self.undo)
        self.redo_button = editor_button(self.tr("Redo"), "redo", self.redo)
        self.write_button = editor_button(self.tr("Write PDF and Word…"), "write",
                                          self.write_documents)
        self.deal_button = editor_button(self.tr("Create the deal"), "create_deal",
                                         self.create_deal)
        self.deal_button.setToolTip(self.tr("Record the achieved licence (达成许可) with this "
                                            "contract's patents, licensee, date and fee"))
        self.save_button = editor_button(self.tr("Save"), "save", self.save)
        close = editor_button(self.tr("Close"), "close", self.reject)
        self._lay_out(body.splitter, (self.write_button, self.deal_button),
                      (self.save_button, close))
        self._show_licensor()

    def _section_patents(self) -> QWidget:
        box = group_box("第一条 本合同许可实施的专利权", "section_patents")
        layout = QVBoxLayout(box)
        pick = QHBoxLayout()
        self.patent_pick = named(QComboBox(), "patent_pick")
        self.patent_pick.setEditable(True)
        for number, title in self.register_numbers:
            self.patent_pick.addItem(f"{official_number(number)}  {title}", number)
        self.patent_pick.setCurrentIndex(-1)
        add = QPushButton(self.tr("Add"), objectName="add_patent")
        add.setAutoDefault(False)
        add.clicked.connect(self.add_picked_patent)
        remove = QPushButton(self.tr("Remove"), objectName="remove_patent")
        remove.setAutoDefault(False)
        remove.clicked.connect(self.remove_selected_patent)
        pick.addWidget(plain(self.patent_pick), 1)
        pick.addWidget(plain(add))
        pick.addWidget(plain(remove))
        layout.addLayout(pick)
        self.patent_list = named(QListWidget(), "patents")
        self.patent_list.setMaximumHeight(110)
        self.patent_list.currentRowChanged.connect(self._show_particulars)
        layout.addWidget(plain(self.patent_list))
        layout.addWidget(plain(self._register("patents", self.patent_list)))

        record = QGridLayout()
        self.inventors = QLineEdit(objectName="inventors")
        self.inventors.setPlaceholderText(self.tr("Names separated by 、"))
        self.fee_paid_until = DateField()
        self.fee_paid_until.setObjectName("annual_fee_paid_until")
        save = QPushButton(self.tr("Record on the patent"), objectName="save_particulars")
        save.setAutoDefault(False)
        save.clicked.connect(self.save_particulars)
        record.addWidget(plain(QLabel("发明人/设计人")), 0, 0)
        record.addWidget(plain(self.inventors), 0, 1)
        record.addWidget(plain(QLabel("专利年费已交至")), 1, 0)
        record.addWidget(plain(self.fee_paid_until), 1, 1)
        record.addWidget(plain(save), 1, 2)
        record.setColumnStretch(1, 1)
        layout.addLayout(record)
        layout.addWidget(hint_label(self.tr(
            "Type, patentees, grant date, number and term come from the register; inventors "
            "and the annual-fee date are recorded on the selected patent.")))
        return box

    def _section_fee(self) -> QWidget:
        box = group_box("第五条 使用费及支付方式", "section_fee")
        layout = QVBoxLayout(box)
        self.agreement_group = QButtonGroup(self)
        self.consistent = named(QRadioButton(self.tr(
            "一致 — the fee declared on the information sheet")), "fee_agreement.consistent")
        self.negotiated = named(QRadioButton(self.tr(
            "协商修改 — a negotiated fee, stated below")), "fee_agreement.negotiated")
        for radio in (self.consistent, self.negotiated):
            self.agreement_group.addButton(radio)
        layout.addWidget(plain(self.consistent))
        self.declared_label = QLabel(objectName="declared_fee")
        self.declared_label.setWordWrap(True)
        self.declared_label.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(plain(self.declared_label))
        layout.addWidget(plain(self.negotiated))
        layout.addWidget(plain(self._register("fee_agreement", self.consistent)))
        self.fee_panel = FeePanel()
        self.messages.update(self.fee_panel.messages)
        self.field_widgets.update(self.fee_panel.field_widgets)
        layout.addWidget(plain(self.fee_panel))
        form = grown_form()
        for key, caption in LINE_FIELDS[3:7]:
            self.line_edits[key] = QLineEdit(objectName=key)
            self._form_row(form, key, caption, self.line_edits[key])
        layout.addLayout(form)
        return box

    def _show_licensor(self) -> None:
        party = usecase.licensor(self.store)
        self.licensor_label.setText("\n".join([
            f"许 可 人：{party.name or '—'}", f"住 所 地：{party.domicile or '—'}",
            f"法定代表人：{party.legal_representative or '—'}",
            f"联 系 人：{party.contact_name or '—'}　联系电话：{party.contact_phone or '—'}",
            f"电子信箱：{party.email or '—'}　传 真：{party.fax or '—'}",
        ]))

    def _connect_changes(self) -> None:
        for edit in (*self.line_edits.values(), *self.party_edits.values()):
            edit.textChanged.connect(self._changed)
        self.licensee_name.editTextChanged.connect(self._changed)
        self.other_matters.textChanged.connect(self._changed)
        self.copies.valueChanged.connect(self._changed)
        self.signed_on.textChanged.connect(self._changed)
        for group in (self.agreement_group, self.improvement_group, self.dispute_group):
            group.buttonToggled.connect(
                lambda _b, checked: self._chosen() if checked else None)
        self.fee_panel.changed.connect(self._changed)
        self.fee_panel.choice_changed.connect(self._chosen)

    # Patents ----------------------------------------------------------------------------------

    def patent_numbers(self) -> list[str]:
        return [str(self.patent_list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.patent_list.count())]

    def _set_patents(self, numbers: list[str]) -> None:
        titles = dict(self.register_numbers)
        self.patent_list.clear()
        for number in numbers:
            item = QListWidgetItem(f"{official_number(number)}  {titles.get(number, '')}")
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.patent_list.addItem(item)

    def add_patent(self, number: str) -> bool:
        number = number.strip()
        if not number or number in self.patent_numbers():
            return False
        self._set_patents([*self.patent_numbers(), number])
        self.patent_list.setCurrentRow(self.patent_list.count() - 1)
        self._chosen()
        return True

    def add_picked_patent(self) -> None:
        data = self.patent_pick.currentData()
        text = self.patent_pick.currentText().split()[0] if self.patent_pick.currentText() \
            else ""
        self.add_patent(str(data) if data else text.removeprefix("ZL"))

    def remove_selected_patent(self) -> None:
        row = self.patent_list.currentRow()
        if row >= 0:
            self.patent_list.takeItem(row)
            self._chosen()

    def _show_particulars(self, row: int) -> None:
        number = self.patent_list.item(row).data(Qt.ItemDataRole.UserRole) if row >= 0 else None
        particulars = usecase.patent_particulars(self.store, str(number)) if number else None
        self.inventors.setText("、".join(particulars.inventors) if particulars else "")
        self.fee_paid_until.set_date(particulars.annual_fee_paid_until if particulars else None)

    def save_particulars(self) -> bool:
        """Record the selected patent's inventors and annual-fee date on its patent record."""
        row = self.patent_list.currentRow()
        if row < 0 or not self.fee_paid_until.is_readable():
            return False
        number = str(self.patent_list.item(row).data(Qt.ItemDataRole.UserRole))
        done = usecase.save_patent_particulars(self.store, number, usecase.PatentParticulars(
            tuple(inventor_names(self.inventors.text())), self.fee_paid_until.date()))
        self.validate()
        return done

    # Payload ----------------------------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        data: dict[str, Any] = {key: edit.text() for key, edit in self.line_edits.items()}
        data.update({f"licensee.{key}": edit.text() for key, edit in self.party_edits.items()})
        data["licensee.name"] = self.licensee_name.currentText()
        data["patents"] = self.patent_numbers()
        data["other_matters"] = self.other_matters.text()
        data["copies"] = self.copies.value()
        data["signed_on"] = self.signed_on.text().strip()
        data["fee_agreement"] = (FeeAgreement.CONSISTENT.value if self.consistent.isChecked()
                                 else FeeAgreement.NEGOTIATED.value
                                 if self.negotiated.isChecked() else "")
        data["improvement"] = next((c.value for c, b in self.improvement_buttons.items()
                                    if b.isChecked()), "")
        data["dispute"] = next((d.value for d, b in self.dispute_buttons.items()
                                if b.isChecked()), "")
        data["fee"] = self.fee_panel.fee_data()
        return data

    def _set_payload(self, payload: dict[str, Any]) -> None:
        self._restoring = True
        try:
            for key, edit in self.line_edits.items():
                if edit.text() != payload.get(key, ""):
                    edit.setText(str(payload.get(key, "")))
            for key, edit in self.party_edits.items():
                edit.setText(str(payload.get(f"licensee.{key}", "")))
            self.licensee_name.setEditText(str(payload.get("licensee.name", "")))
            self._set_patents([str(n) for n in payload.get("patents", [])])
            self.other_matters.set_text(str(payload.get("other_matters", "")))
            self.copies.setValue(int(payload.get("copies") or 0))
            self.signed_on.setText(str(payload.get("signed_on", "")))
            agreement = payload.get("fee_agreement", "")
            _check(self.agreement_group, self.consistent if agreement == "consistent"
                   else self.negotiated if agreement == "negotiated" else None)
            _check(self.improvement_group, self.improvement_buttons.get(
                _enum(Improvement, payload.get("improvement"))))
            _check(self.dispute_group, self.dispute_buttons.get(
                _enum(Dispute, payload.get("dispute"))))
            fee = payload.get("fee") or {}
            kind = _enum(FeeKind, fee.get("option"))
            _check(self.fee_panel.group, self.fee_panel.buttons.get(kind) if kind else None)
            for name, widget in self.fee_panel.edits.items():
                value = str(fee.get(name, "") or "")
                if isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(widget.findData(value), 0))
                elif isinstance(widget, QLineEdit):
                    widget.setText(value)
            self._update_enabled()
        finally:
            self._restoring = False

    def fields(self) -> ContractFields:
        data = self.payload()
        party = PartyBlock(**{k: str(data.get(f"licensee.{k}", "")) for k in PARTY_KEYS})
        texts = {key: str(data.get(key, "")) for key in TEXT_FIELDS
                 if key not in ("fee_agreement", "improvement", "dispute")}
        return ContractFields(
            patents=tuple(data["patents"]), licensee=party,
            fee_agreement=data["fee_agreement"], improvement=data["improvement"],
            dispute=data["dispute"], fee=data["fee"] or None,
            copies=data["copies"] or None, signed_on=self.signed_on.date(), **texts,
        )

    def _licensee_chosen(self, _index: int) -> None:
        known = self.known_licensees.get(self.licensee_name.currentText())
        if known is None:
            return
        for key, edit in self.party_edits.items():
            edit.setText(getattr(known, key))

    def _chosen(self) -> None:
        if self._restoring:
            return
        self._update_enabled()
        self._record_history()
        self.validate()
        self._draft_timer.start()

    def _changed(self) -> None:
        if self._restoring:
            return
        self._validate_timer.start()
        self._draft_timer.start()
        self._history_timer.start()

    def _update_enabled(self) -> None:
        negotiated = self.negotiated.isChecked()
        self.fee_panel.setEnabled(negotiated)
        if negotiated:
            self.fee_panel.update_enabled()
        self.line_edits["improvement_other"].setEnabled(
            self.improvement_buttons[Improvement.OTHER].isChecked())
        self.line_edits["arbitration_commission"].setEnabled(
            self.dispute_buttons[Dispute.ARBITRATION].isChecked())

    # Checking ---------------------------------------------------------------------------------

    def validate(self) -> list[Finding]:
        self._validate_timer.stop()
        fields = self.fields()
        findings = usecase.check(self.store, fields, today=self._today)
        self.findings = findings
        by_field: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            name = finding.field if finding.field in self.messages else "patents"
            by_field[name].append(finding)
        date_problem = [] if self.signed_on.is_readable() else [self.tr(
            "“%1” is not a date: write it as 2023-05-01.").replace("%1", self.signed_on.text())]
        for name, message in self.messages.items():
            message.show_findings(by_field.get(name, []),
                                  date_problem if name == "signed_on" else ())
        self._show_declared(fields)
        self._show_findings_panel()
        self._update_undo_buttons()
        return findings

    def _show_declared(self, fields: ContractFields) -> None:
        declared = usecase.declared_fee_of(self.store, fields.patents)
        self.declared_label.setText(
            fee_sentence(declared, sheet_wording=True).replace("\u00a0", "") if declared
            else self.tr("(no fee declared on the information sheets of these patents, or "
                         "they differ)"))

    def _show_findings_panel(self) -> None:
        errors, warnings = self._list_findings(
            self.findings, lambda finding, language: field_label(finding.field, language))
        if errors:
            title = self.tr("%1 error(s), %2 warning(s) — click one to go to its field") \
                .replace("%1", str(len(errors))).replace("%2", str(len(warnings)))
        elif warnings:
            title = self.tr("No errors; %1 warning(s)").replace("%1", str(len(warnings)))
        else:
            title = self.tr("No errors: the contract is ready to print.")
        self.findings_title.setText(title)

    def _jump_to_finding(self, item: QListWidgetItem) -> None:
        widget = self.field_widgets.get(str(item.data(Qt.ItemDataRole.UserRole)))
        if widget is None:
            widget = self.field_widgets.get("patents")
        if widget is not None:
            self.sheet_scroll.ensureWidgetVisible(widget, 50, 80)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # Actions ----------------------------------------------------------------------------------

    def _update_title(self) -> None:
        name = self.licensee_name.currentText().strip()
        title = self.tr("Licence contract") if self.contract_id is None else \
            self.tr("Licence contract %1").replace("%1", str(self.contract_id))
        self.setWindowTitle(f"{title} — {name}" if name else title)

    def save(self) -> bool:
        if not self.signed_on.is_readable() and not interaction.confirm(
            self, self.tr("Save"),
            self.tr("The signing date is not a date and will be saved empty. Save anyway?"),
        ):
            return False
        result = usecase.save(self.store, self.fields(), self.contract_id,
                              expected_version=self.expected_version())
        if not result.saved:
            handled = self._version_refused(result.findings)
            if handled is not None:
                return handled
            interaction.critical(self, self.tr("Save"), "\n".join(
                describe(f, i18n.language()) for f in result.findings))
            return False
        self._draft_timer.stop()
        self.store.discard_draft(ENTITY, self.contract_id)
        self.contract_id = result.record_id
        self.store.discard_draft(ENTITY, self.contract_id)
        self.known_licensees = {p.name: p for p in usecase.licensees(self.store)}
        self._initial = self.payload()
        self._version_saved(self.contract_id)
        self._update_title()
        self.validate()
        assert self.contract_id is not None
        self.saved.emit(self.contract_id)
        return True

    def _saved_now(self) -> bool:
        if self.contract_id is None or self.is_dirty():
            return self.save()
        return True

    def write_documents(self) -> list[Path]:
        """Save, then write the PDF and the .docx into a chosen folder (草稿 with errors)."""
        if not self._saved_now():
            return []
        assert self.contract_id is not None
        preferences = Preferences()
        chosen = choose_folder(self, self.tr("Folder for the contract"),
                               preferences.last_folder(FOLDER_PURPOSE))
        if not chosen:
            return []
        folder = Path(chosen)
        preferences.set_last_folder(FOLDER_PURPOSE, folder)
        preferences.sync()
        draft = any(f.is_error for f in self.validate())
        result = usecase.write_documents(self.store, self.contract_id, folder, draft=draft,
                                         today=self._today)
        language = i18n.language()
        if not result.paths:
            interaction.critical(self, self.tr("Could not write the contract"), "\n".join(
                describe(f, language) for f in result.findings))
            return []
        text = self.tr("Written to %1:").replace("%1", str(folder)) + "\n" + "\n".join(
            p.name for p in result.paths)
        if draft:
            text += "\n\n" + self.tr("The contract has errors: the PDF is marked 草稿 (draft).")
        interaction.inform(self, self.tr("Contract written"), text)
        return result.paths

    def create_deal(self) -> int | None:
        """The achieved licence of this signed contract, its figures taken from it."""
        if not self._saved_now():
            return None
        assert self.contract_id is not None
        result = usecase.create_deal(self.store, self.contract_id)
        language = i18n.language()
        if not result.saved:
            interaction.inform(self, self.tr("Create the deal"), "\n".join(
                describe(f, language) for f in result.findings if f.is_error))
            return None
        deal_events().changed.emit()
        assert result.record_id is not None
        record = self.store.deal(result.record_id)
        interaction.inform(self, self.tr("Create the deal"), self.tr(
            "Recorded as deal %1 in the deal register.").replace(
            "%1", str(record.serial if record is not None else result.record_id)))
        return result.record_id

    def stored_payload(self) -> dict[str, Any]:
        loaded = (usecase.load(self.store, self.contract_id)
                  if self.contract_id is not None else None)
        return payload_of(loaded or ContractFields())

    def draft_address(self) -> tuple[str, int | None]:
        return ENTITY, self.contract_id

    def unsaved_question(self) -> str:
        return self.tr("This contract has changes that are not saved. Save them?")


AnyWidget = TypeVar("AnyWidget", bound=QWidget)


def named(widget: AnyWidget, name: str) -> AnyWidget:
    widget.setObjectName(name)
    return widget


def _enum(kind: Any, value: Any) -> Any:
    try:
        return kind(str(value)) if value else None
    except ValueError:
        return None


def _check(group: QButtonGroup, button: QRadioButton | None) -> None:
    if button is not None:
        button.setChecked(True)
        return
    group.setExclusive(False)  # an exclusive group cannot be cleared otherwise
    for member in group.buttons():
        member.setChecked(False)
    group.setExclusive(True)


def payload_of(fields: ContractFields) -> dict[str, Any]:
    data: dict[str, Any] = {key: getattr(fields, key) for key in TEXT_FIELDS}
    data.update({f"licensee.{k}": getattr(fields.licensee, k) for k in PARTY_KEYS})
    data["patents"] = list(fields.patents)
    data["copies"] = fields.copies or 0
    data["signed_on"] = fields.signed_on.isoformat() if fields.signed_on else ""
    fee = fields.fee_option().only_chosen().to_dict() if fields.fee else {}
    data["fee"] = {k: str(v) for k, v in fee.items()}  # as the fee panel gives it: text
    return data


def open_contract_editor(parent: QWidget | None, store: Store, contract_id: int | None = None,
                         *, patents: list[str] | None = None) -> ContractEditor:
    """Open a contract, or a new one (for `patents`, prefilled from their offers)."""
    prefill = usecase.new_contract(store, patents or []) if contract_id is None else None
    editor = ContractEditor(store, contract_id, parent, prefill=prefill)
    editor.finished.connect(editor.deleteLater)
    editor.show()
    return editor
