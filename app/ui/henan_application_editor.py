"""The Henan application and work plan editor (河南省专利开放许可试点工作申请书 and 工作方案,
notice 001 申报指南), one plan period at a time.

Laid out as the two documents: the cover's 申报时间, 一 (the unit from the organisation profile,
read-only; 负责人 and 联络人 typed, the liaison offered from the profile's first contact),
申报单位基本情况, 二 1 工作指标 with the register's figures offered to insert, 2 经费保障机制,
and the work plan's four sections. Every long text shows the notice's guidance beside it (not
printed) and a live character count (app.ui.long_text). The PDFs are written by the use case
(app.usecases.henan_application), as the command line's `render henan-application`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.messages import describe, field_label
from app.models.findings import Finding
from app.models.henan_application import GUIDANCE, TEXT_KEYS, ApplicationFields
from app.ui import i18n, interaction
from app.ui.date_input import DateField
from app.ui.deal_editor import field_box, grown_form, hint_label
from app.ui.editor_parts import (
    RecordEditor,
    editor_button,
    group_box,
    plain,
    sheet_and_findings,
)
from app.ui.field_message import FIELD_STYLE
from app.ui.long_text import LongTextField
from app.ui.screen_fit import fit_to_screen
from app.ui.settings import Preferences
from app.usecases import henan_application as usecase

if TYPE_CHECKING:
    from app.models.store import Store

ENTITY = "henan_application"
FOLDER_PURPOSE = "henan_application"

# (key, caption as the notice prints it) of the 负责人 and 联络人 blocks, in the table's order.
LEAD_FIELDS = (("lead_name", "姓 名"), ("lead_mobile", "手 机"), ("lead_department", "所在部门"),
               ("lead_title", "职 务"), ("lead_phone", "固定电话"), ("lead_fax", "传真号码"))
LIAISON_FIELDS = (("liaison_name", "姓 名"), ("liaison_mobile", "手 机"),
                  ("liaison_department", "所在部门"), ("liaison_title", "职 务"),
                  ("liaison_phone", "固定电话"), ("liaison_fax", "传真号码"),
                  ("liaison_address", "通讯地址"), ("liaison_postcode", "邮 编"),
                  ("liaison_email", "E-mail"))
LONG_TEXTS = (("unit_profile", "申报单位基本情况", 6), ("work_targets", "1. 工作指标", 10),
              ("funding", "2. 经费保障机制", 6), ("measures", "一、工作举措", 10),
              ("goals", "二、工作目标", 8), ("tasks", "三、工作任务分解及职责划分", 8),
              ("safeguards", "四、保障措施", 6))


def choose_folder(parent: QWidget | None, title: str, start: str) -> str | None:
    folder = QFileDialog.getExistingDirectory(parent, title, start)
    return folder or None


class HenanApplicationEditor(RecordEditor):
    saved = Signal(int)  # the plan's first year

    def __init__(self, store: Store, plan_start_year: int = 2023,
                 parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(store, parent)
        self.year = plan_start_year
        self._today = today
        self.findings: list[Finding] = []
        self.setObjectName("henan_application_editor")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setStyleSheet(FIELD_STYLE)
        fit_to_screen(self, 1180, 860)
        self._build()
        saved = plan_start_year in usecase.plan_years(store)
        initial = payload_of(usecase.load(store, plan_start_year))
        self._initial = initial if saved else payload_of(ApplicationFields(plan_start_year))
        self._set_payload(initial)
        self._guard_version(ENTITY, plan_start_year)
        self._start_history(initial, store.load_draft(ENTITY, plan_start_year))
        for widget in self.line_edits.values():
            widget.textChanged.connect(self._changed)
        for text in self.texts.values():
            text.textChanged.connect(self._changed)
        self.filed_on.textChanged.connect(self._changed)
        self.validate()
        self.setWindowTitle(self.tr("Henan application and work plan %1–%2")
                            .replace("%1", str(plan_start_year))
                            .replace("%2", str(plan_start_year + 1)))

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
        self.texts: dict[str, LongTextField] = {}

        cover = group_box(self.tr("Cover"), "section_cover")
        form = grown_form(cover)
        self.filed_on = DateField()
        self.filed_on.setObjectName("filed_on")
        self.filed_on.setMaximumWidth(200)
        self._form_row(form, "filed_on", "申报时间", self.filed_on)
        column.addWidget(cover)

        unit = group_box("一、申报单位基本信息", "section_unit")
        unit_layout = QVBoxLayout(unit)
        self.unit_label = QLabel(objectName="unit")
        self.unit_label.setWordWrap(True)
        self.unit_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        unit_layout.addWidget(plain(self.unit_label))
        unit_layout.addWidget(plain(self._register("unit.name", self.unit_label)))
        unit_layout.addWidget(hint_label(self.tr(
            "单位名称, 法人代表, 联系电话 and 传真号码 come from the organisation profile.")))
        for block, fields in (("负责人", LEAD_FIELDS), ("联络人", LIAISON_FIELDS)):
            caption = plain(QLabel(block))
            caption.setStyleSheet("font-weight: bold;")
            unit_layout.addWidget(caption)
            grid = QGridLayout()
            for index, (key, label_text) in enumerate(fields):
                edit = QLineEdit(objectName=key)
                self.line_edits[key] = edit
                row, col = divmod(index, 2)
                label = plain(QLabel(label_text))
                label.setBuddy(edit)
                grid.addWidget(label, row, col * 2, Qt.AlignmentFlag.AlignTop)
                grid.addLayout(field_box(edit, self._register(key, edit)), row, col * 2 + 1)
            grid.setColumnStretch(1, 1)
            grid.setColumnStretch(3, 1)
            unit_layout.addLayout(grid)
        fill = QPushButton(self.tr("Fill in the liaison from the profile's first contact"),
                           objectName="fill_liaison")
        fill.setAutoDefault(False)
        fill.clicked.connect(self.fill_liaison)
        unit_layout.addWidget(plain(fill), 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(unit)

        targets = group_box("二、专利开放许可试点工作指标", "section_targets")
        targets_layout = QVBoxLayout(targets)
        plan = group_box(self.tr("Work plan (工作方案)"), "section_plan")
        plan_layout = QVBoxLayout(plan)
        for key, heading_text, lines in LONG_TEXTS:
            field = LongTextField(key, guidance=GUIDANCE.get(key, ""), lines=lines)
            field.left.insertWidget(1, plain(self._register(key, field.edit)))
            self.texts[key] = field
            heading = plain(QLabel(heading_text))
            heading.setStyleSheet("font-weight: bold;")
            target = (unit_layout if key == "unit_profile"
                      else targets_layout if key in ("work_targets", "funding") else plan_layout)
            target.addWidget(heading)
            target.addWidget(plain(field))
            if key == "work_targets":
                insert = QPushButton(self.tr("Insert the register's figures"),
                                     objectName="insert_figures")
                insert.setToolTip(self.tr("Sheets declared, licences achieved and their "
                                          "amounts, as the register holds them"))
                insert.setAutoDefault(False)
                insert.clicked.connect(self.insert_figures)
                target.addWidget(plain(insert), 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(targets)
        column.addWidget(plan)
        column.addStretch(1)

        body = sheet_and_findings(sheet, self._jump_to_finding, with_state=False,
                                  sizes=(840, 320))
        self.sheet_scroll = body.scroll
        self.findings_title, self.findings_list = body.findings_title, body.findings_list

        self.undo_button = editor_button(self.tr("Undo"), "undo", self.undo)
        self.redo_button = editor_button(self.tr("Redo"), "redo", self.redo)
        self.pdf_button = editor_button(self.tr("Write PDFs…"), "write_pdf", self.write_pdfs)
        self.save_button = editor_button(self.tr("Save"), "save", self.save)
        close = editor_button(self.tr("Close"), "close", self.reject)
        self._lay_out(body.splitter, (self.pdf_button,), (self.save_button, close))
        self._show_unit()

    def _show_unit(self) -> None:
        org = self.store.organisation()
        parts = [f"单位名称：{org.name or '—'}", f"法人代表：{org.legal_representative or '—'}",
                 f"联系电话：{org.phone or '—'}", f"传真号码：{org.fax or '—'}"]
        self.unit_label.setText("　".join(parts))

    # Payload --------------------------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        data: dict[str, Any] = {key: edit.text() for key, edit in self.line_edits.items()}
        data.update({key: field.text() for key, field in self.texts.items()})
        data["filed_on"] = self.filed_on.text().strip()
        return data

    def _set_payload(self, payload: dict[str, Any]) -> None:
        self._restoring = True
        try:
            for key, edit in self.line_edits.items():
                if edit.text() != payload.get(key, ""):
                    edit.setText(str(payload.get(key, "")))
            for key, field in self.texts.items():
                field.set_text(str(payload.get(key, "")))
            if self.filed_on.text() != payload.get("filed_on", ""):
                self.filed_on.setText(str(payload.get("filed_on", "")))
        finally:
            self._restoring = False

    def fields(self) -> ApplicationFields:
        values = {key: str(value) for key, value in self.payload().items()
                  if key in TEXT_KEYS}
        return ApplicationFields(plan_start_year=self.year, filed_on=self.filed_on.date(),
                                 **values)

    def _changed(self) -> None:
        if self._restoring:
            return
        self._validate_timer.start()
        self._draft_timer.start()
        self._history_timer.start()

    # Checking ---------------------------------------------------------------------------------

    def validate(self) -> list[Finding]:
        self._validate_timer.stop()
        findings = usecase.check(self.store, self.fields(), today=self._today)
        self.findings = findings
        by_field: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_field[finding.field if finding.field in self.messages else "unit.name"].append(
                finding)
        date_problem = [] if self.filed_on.is_readable() else [self.tr(
            "“%1” is not a date: write it as 2023-05-01.").replace("%1", self.filed_on.text())]
        for name, message in self.messages.items():
            message.show_findings(by_field.get(name, []),
                                  date_problem if name == "filed_on" else ())
        self._show_findings_panel()
        self._update_undo_buttons()
        return findings

    def _show_findings_panel(self) -> None:
        errors, warnings = self._list_findings(
            self.findings, lambda finding, language: field_label(finding.field, language))
        if errors:
            title = self.tr("%1 error(s), %2 warning(s) — click one to go to its field") \
                .replace("%1", str(len(errors))).replace("%2", str(len(warnings)))
        elif warnings:
            title = self.tr("No errors; %1 warning(s)").replace("%1", str(len(warnings)))
        else:
            title = self.tr("No errors: the application is ready to print.")
        self.findings_title.setText(title)

    def _jump_to_finding(self, item: QListWidgetItem) -> None:
        widget = self.field_widgets.get(str(item.data(Qt.ItemDataRole.UserRole)))
        if widget is not None:
            self.sheet_scroll.ensureWidgetVisible(widget, 50, 80)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # Actions ----------------------------------------------------------------------------------

    def fill_liaison(self) -> None:
        """The liaison from the profile's first contact and the unit's address."""
        offered = payload_of(usecase.new_application(self.store, self.year))
        for key, _caption in LIAISON_FIELDS:
            if offered.get(key):
                self.line_edits[key].setText(str(offered[key]))

    def insert_figures(self) -> None:
        """The register's figures as a sentence at the cursor of 工作指标, to edit as needed."""
        figures = usecase.register_figures(self.store)
        sentence = usecase.figures_text(figures, self._today or dt.date.today())
        edit = self.texts["work_targets"].edit
        edit.textCursor().insertText(sentence)
        edit.setFocus()

    def save(self) -> bool:
        if not self.filed_on.is_readable() and not interaction.confirm(
            self, self.tr("Save"),
            self.tr("The application date is not a date and will be saved empty. Save anyway?"),
        ):
            return False
        result = usecase.save(self.store, self.fields(),
                              expected_version=self.expected_version())
        if not result.saved:
            handled = self._version_refused(result.findings)
            return bool(handled)
        self._draft_timer.stop()
        self.store.discard_draft(ENTITY, self.year)
        self._initial = self.payload()
        self._version_saved(self.year)
        self.validate()
        self.saved.emit(self.year)
        return True

    def write_pdfs(self) -> list[Path]:
        """Save, then write the application and the work plan into a chosen folder (marked
        草稿 while there are errors)."""
        if self.is_dirty() and not self.save():
            return []
        if self.year not in usecase.plan_years(self.store) and not self.save():
            return []
        preferences = Preferences()
        chosen = choose_folder(self, self.tr("Folder for the PDFs"),
                               preferences.last_folder(FOLDER_PURPOSE))
        if not chosen:
            return []
        folder = Path(chosen)
        preferences.set_last_folder(FOLDER_PURPOSE, folder)
        preferences.sync()
        draft = any(f.is_error for f in self.validate())
        result = usecase.write(self.store, self.year, folder, draft=draft, today=self._today)
        language = i18n.language()
        if not result.paths:
            interaction.critical(self, self.tr("Could not write the PDFs"), "\n".join(
                describe(f, language) for f in result.findings))
            return []
        text = self.tr("Written to %1:").replace("%1", str(folder)) + "\n" + "\n".join(
            p.name for p in result.paths)
        if draft:
            text += "\n\n" + self.tr("The application has errors: the PDFs are marked 草稿 "
                                     "(draft).")
        interaction.inform(self, self.tr("PDFs written"), text)
        return result.paths

    def stored_payload(self) -> dict[str, Any]:
        if self.year in usecase.plan_years(self.store):
            return payload_of(usecase.load(self.store, self.year))
        return payload_of(ApplicationFields(self.year))

    def draft_address(self) -> tuple[str, int | None]:
        return ENTITY, self.year

    def unsaved_question(self) -> str:
        return self.tr("The application has changes that are not saved. Save them?")


def payload_of(fields: ApplicationFields) -> dict[str, Any]:
    data: dict[str, Any] = {key: getattr(fields, key) for key in TEXT_KEYS}
    data["filed_on"] = fields.filed_on.isoformat() if fields.filed_on else ""
    return data


def open_henan_application_editor(parent: QWidget | None, store: Store,
                                  plan_start_year: int = 2023) -> HenanApplicationEditor:
    if parent is not None:
        for existing in parent.findChildren(HenanApplicationEditor):
            if existing.year == plan_start_year and existing.isVisible():
                existing.raise_()
                existing.activateWindow()
                return existing
    editor = HenanApplicationEditor(store, plan_start_year, parent)
    editor.finished.connect(editor.deleteLater)
    editor.show()
    return editor

