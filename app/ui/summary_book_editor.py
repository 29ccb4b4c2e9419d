"""The summary book editor (河南省专利开放许可试点工作总结书, 附件 4) for one period (YYYY-MM).

Laid out as the printed book: the cover, 一 (the unit from the organisation profile, shown
read-only; the work lead and 申报单位基本情况 typed here), 二 the self-evaluation beside the
notice's guidance, 三 the statistics computed from the records with a per-figure override, 四 the
deal list as it will print, 五 the pledge. Everything shown comes from
Store.summary_book_data, recomputed as the clerk types and whenever a deal changes; the findings
show under their fields and in the panel. The PDF and the Excel tables are written off the UI
thread into a chosen folder, and recorded for the submission package like the command line's.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.messages import FIELD_LABELS, describe, label, message
from app.models.deals import format_wan
from app.models.findings import Finding, Severity
from app.models.summary_book import (
    BOOK_FIELD_LABELS,
    COVER_DATE_LABEL,
    COVER_UNIT_LABEL,
    DEAL_LIST_HEADINGS,
    DEAL_LIST_NOTES,
    DEALS_GROUP,
    LEAD_LABELS,
    PLEDGE,
    SECTION_DEAL_LIST,
    SECTION_REVIEW,
    SECTION_SELF_EVALUATION,
    SECTION_STATISTICS,
    SECTION_UNIT,
    SELF_EVALUATION_GUIDANCE,
    STATISTICS_GROUP_START,
    STATISTICS_HEADINGS,
    UNIT_LABELS,
    UNIT_PROFILE_LABEL,
    Figure,
    LeadContact,
    SummaryBookData,
    SummaryBookFields,
    as_of_text,
    check_book_fields,
    normal_period_end,
    read_summary_book,
)
from app.ui import i18n, interaction
from app.ui.date_input import DateField
from app.ui.deal_editor import deal_events, field_box, grown_form, hint_label
from app.ui.editor_parts import (
    RecordEditor,
    editor_button,
    group_box,
    plain,
    read_only_label,
    sheet_and_findings,
)
from app.ui.field_message import ERROR_COLOUR, FIELD_STYLE, WARNING_COLOUR
from app.ui.long_text import LongTextField
from app.ui.offer_editor import state_label
from app.ui.operations import Operation, failure_text, run_operation
from app.ui.screen_fit import fit_to_screen
from app.ui.settings import Preferences
from app.usecases.summary_book import BookFilesWritten, book_files, write_book_files

if TYPE_CHECKING:
    from app.models.store import Store

ENTITY = "summary_book"
VALIDATE_DELAY_MS = 250
DRAFT_DELAY_MS = 600
HISTORY_DELAY_MS = 600
FOLDER_PURPOSE = "summary_book"
# The figures of 三 a clerk may override, in the printed order.
BOOK_FIGURES = tuple(key for key, _ in STATISTICS_HEADINGS if key in {f.value for f in Figure})
ENTERED = ("platform_name", "platform_url", "smes_reached")
LEAD_KEYS = tuple(key for key, _ in LEAD_LABELS)
# Findings about the records (and the overrides checked against them), not the typed entries.
RECORD_FIELDS = ("statistics.", "overrides.", "deals")



def draft_key(period_end: str) -> int:
    """The draft's record key: the drafts table keys records by number, so 2023-11 is 202311."""
    return int(period_end.replace("-", ""))


def previous_month(today: dt.date) -> str:
    last = today.replace(day=1) - dt.timedelta(days=1)
    return f"{last.year:04d}-{last.month:02d}"


def book_label(field: str, language: str) -> str:
    if field in BOOK_FIELD_LABELS:
        return label(BOOK_FIELD_LABELS, field, language)
    return label(FIELD_LABELS, field.rsplit(".", 1)[-1], language)


# Injectable for tests (monkeypatch), as app.ui.interaction is for questions ---------------------


def choose_period(parent: QWidget | None, periods: list[str], suggestion: str) -> str | None:
    items = list(dict.fromkeys([suggestion, *periods]))
    text, ok = QInputDialog.getItem(
        parent, QCoreApplication.translate("SummaryBookEditor", "Summary book"),
        QCoreApplication.translate("SummaryBookEditor",
                                   "The month the book runs to (截至 … 月底), as YYYY-MM:"),
        items, 0, True,
    )
    return str(text) if ok else None


def choose_folder(parent: QWidget | None, title: str, start: str) -> str | None:
    folder = QFileDialog.getExistingDirectory(parent, title, start)
    return folder or None


def ask_county(parent: QWidget | None, default: str) -> str | None:
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("SummaryBookEditor", "Xinyang tables"),
        QCoreApplication.translate(
            "SummaryBookEditor",
            "County or district for the titles (leave empty for a blank to fill in by hand):"),
        QLineEdit.EchoMode.Normal, default,
    )
    return str(text) if ok else None


def open_folder(path: Path) -> bool:
    return interaction.open_path(str(path))  # says so, with the path, where nothing opens it


# The editor ---------------------------------------------------------------------------------------


class SummaryBookEditor(RecordEditor):
    saved = Signal(str)  # the period
    finalised = Signal(str)

    def __init__(
        self,
        store: Store,
        period_end: str,
        parent: QWidget | None = None,
        *,
        draft: dict[str, Any] | None = None,
        today: dt.date | None = None,
        open_deals: Callable[[], Any] | None = None,
    ) -> None:
        # The deals register is opened by whoever opened the book (the main window, or the
        # deals register itself): this module does not import that window.
        self._deals_opener = open_deals
        key = normal_period_end(period_end)
        if key is None:
            raise ValueError(period_end)
        super().__init__(store, parent, validate_ms=VALIDATE_DELAY_MS, draft_ms=DRAFT_DELAY_MS,
                         history_ms=HISTORY_DELAY_MS)
        self.period_end = key
        self._today = today
        self.findings: list[Finding] = []
        self.data: SummaryBookData | None = None
        self.operation: Operation | None = None
        self._county = ""
        self.setObjectName("summary_book_editor")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setStyleSheet(FIELD_STYLE)
        fit_to_screen(self, 1180, 860)

        self._records_changed = False  # an override was typed: recompute from the records

        self._build()
        saved = store.summary_book(key)
        self._initial = payload_of(saved or SummaryBookFields(key))
        initial = dict(self._initial)
        if saved is None:
            # A new book: the lead from the profile's first contact, never typed twice.
            initial.update(self._lead_from_profile())
        self._set_payload(initial)
        self._guard_version("summary_book", key)
        if draft is None:
            draft = store.load_draft(ENTITY, draft_key(key))
        self._start_history(initial, draft, limit=50)
        self._connect_changes()
        deal_events().changed.connect(self.validate)
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
        self.period_message = self._register("period_end", QLabel())
        column.addWidget(self.period_message)
        column.addWidget(self._section_cover())
        column.addWidget(self._section_unit())
        column.addWidget(self._section_self_evaluation())
        column.addWidget(self._section_statistics())
        column.addWidget(self._section_deal_list())
        column.addWidget(self._section_review())
        column.addStretch(1)

        body = sheet_and_findings(sheet, self._jump_to_finding, with_state=True,
                                  sizes=(840, 320))
        splitter, self.sheet_scroll = body.splitter, body.scroll
        assert body.state_label is not None
        self.state_label = body.state_label
        self.findings_title, self.findings_list = body.findings_title, body.findings_list

        self.undo_button = editor_button(self.tr("Undo"), "undo", self.undo)
        self.redo_button = editor_button(self.tr("Redo"), "redo", self.redo)
        self.pdf_button = editor_button(self.tr("Write PDF…"), "write_pdf", self.write_pdf)
        self.excel_button = editor_button(self.tr("Write Excel…"), "write_excel", self.write_excel)
        self.excel_button.setToolTip(self.tr("三 the statistics table and 四 the deal list"))
        self.xinyang_button = editor_button(self.tr("Xinyang tables…"), "write_xinyang",
                                     self.write_xinyang)
        self.xinyang_button.setToolTip(self.tr(
            "信阳 附件 1 统计表 and 附件 2 达成项目清单, with the county's name in the titles"))
        self.save_button = editor_button(self.tr("Save"), "save", self.save)
        self.finalise_button = editor_button(self.tr("Finalise"), "finalise", self.finalise)
        self.finalise_button.setToolTip(self.tr("Check every rule and mark the book ready to "
                                                "print. Refused while errors remain."))
        close = editor_button(self.tr("Close"), "close", self.reject)
        self._lay_out(splitter, (self.pdf_button, self.excel_button, self.xinyang_button),
                      (self.save_button, self.finalise_button, close), gap=24)

    def _section_cover(self) -> QGroupBox:
        box = group_box(self.tr("Cover"), "section_cover")
        form = grown_form(box)
        self.cover_unit = read_only_label(name="cover_unit")
        form.addRow(plain(QLabel(COVER_UNIT_LABEL.rstrip("："))), plain(self.cover_unit))
        self.filled_on = DateField()
        self.filled_on.setObjectName("filled_on")
        self.filled_on.setMinimumWidth(160)
        today = QPushButton(self.tr("Today"), objectName="filled_today")
        today.setAutoDefault(False)
        today.clicked.connect(lambda: self.filled_on.set_date(self._today or dt.date.today()))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(plain(self.filled_on))
        row.addWidget(plain(today))
        row.addStretch(1)
        holder = QWidget()
        holder.setLayout(row)
        self._form_row(form, "filled_on", COVER_DATE_LABEL.rstrip("："), holder)
        # The message's border and the findings panel's jump go to the date itself.
        self.messages["filled_on"].field = self.filled_on
        self.field_widgets["filled_on"] = self.filled_on
        form.addRow(hint_label(self.tr("Left empty, the printed cover has room to write the "
                                       "date by hand.")))
        return box

    def _section_unit(self) -> QGroupBox:
        box = group_box(SECTION_UNIT, "section_unit")
        layout = QVBoxLayout(box)
        language = i18n.language()

        unit_grid = QGridLayout()
        self.unit_labels: dict[str, QLabel] = {}
        for index, (key, _official) in enumerate(UNIT_LABELS):
            caption = plain(QLabel(book_label(f"organisation.{key}", language)))
            value = read_only_label(name=f"unit_{key}")
            self.unit_labels[key] = value
            row, column = divmod(index, 2)
            unit_grid.addWidget(caption, row, column * 2)
            unit_grid.addWidget(plain(value), row, column * 2 + 1)
        unit_grid.setColumnStretch(1, 1)
        unit_grid.setColumnStretch(3, 1)
        unit_title = plain(QLabel(self.tr("The unit (from the organisation profile)")))
        unit_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(unit_title)
        layout.addLayout(unit_grid)
        edit_profile = QPushButton(self.tr("Edit the organisation profile…"),
                                   objectName="edit_profile")
        edit_profile.setAutoDefault(False)
        edit_profile.clicked.connect(self.edit_profile)
        profile_row = QHBoxLayout()
        profile_row.addWidget(hint_label(self.tr(
            "Shown as the profile holds it; edit the profile to change it.")), 1)
        profile_row.addWidget(plain(edit_profile))
        layout.addLayout(profile_row)
        layout.addWidget(plain(self._register("organisation", unit_title)))

        lead_title = plain(QLabel(self.tr("The person in charge of the work (工作负责人)")))
        lead_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(lead_title)
        lead = QGridLayout()
        self.lead_edits: dict[str, QLineEdit] = {}
        for index, key in enumerate(LEAD_KEYS):
            edit = QLineEdit(objectName=f"lead.{key}")
            self.lead_edits[key] = edit
            row, column = divmod(index, 2)
            caption = plain(QLabel(book_label(f"lead.{key}", language)))
            caption.setBuddy(edit)
            lead.addWidget(caption, row, column * 2, Qt.AlignmentFlag.AlignTop)
            lead.addLayout(field_box(edit, self._register(f"lead.{key}", edit)),
                           row, column * 2 + 1)
        lead.setColumnStretch(1, 1)
        lead.setColumnStretch(3, 1)
        layout.addLayout(lead)
        fill = QPushButton(self.tr("Fill in from the profile's first contact"),
                           objectName="fill_lead")
        fill.setAutoDefault(False)
        fill.clicked.connect(self._fill_lead)
        fill_row = QHBoxLayout()
        fill_row.addWidget(plain(fill))
        fill_row.addStretch(1)
        layout.addLayout(fill_row)

        profile_title = plain(QLabel(UNIT_PROFILE_LABEL))
        profile_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(profile_title)
        self.unit_profile_field = LongTextField("unit_profile", lines=7)
        self.unit_profile = self.unit_profile_field.edit
        self.unit_profile_field.left.insertWidget(
            1, plain(self._register("unit_profile", self.unit_profile)))
        layout.addWidget(plain(self.unit_profile_field))
        return box

    def _section_self_evaluation(self) -> QGroupBox:
        box = group_box(SECTION_SELF_EVALUATION, "section_self_evaluation")
        layout = QVBoxLayout(box)
        # The guidance is printed in the book too (under 二's heading); here it sits beside
        # the box with the live count (app.ui.long_text, shared with the other forms).
        self.self_evaluation_field = LongTextField(
            "self_evaluation", guidance=SELF_EVALUATION_GUIDANCE, lines=22, printed=True)
        self.self_evaluation = self.self_evaluation_field.edit
        self.self_evaluation_field.left.insertWidget(
            1, plain(self._register("self_evaluation", self.self_evaluation)))
        self.length_label = self.self_evaluation_field.count_label
        layout.addWidget(plain(self.self_evaluation_field))
        layout.addWidget(hint_label(self.tr(
            "Plain text: a blank line starts a new paragraph. Long texts flow over as many "
            "pages as they need.")))
        return box

    def _section_statistics(self) -> QGroupBox:
        self.statistics_box = group_box(SECTION_STATISTICS, "section_statistics")
        layout = QVBoxLayout(self.statistics_box)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for column, text in enumerate((self.tr("Figure"), self.tr("From the records"),
                                       self.tr("Printed instead (leave empty to print the "
                                               "records' figure)"))):
            column_heading = plain(QLabel(text))
            column_heading.setStyleSheet("font-weight: bold;")
            grid.addWidget(column_heading, 0, column)
        self.computed_labels: dict[str, QLabel] = {}
        self.override_edits: dict[str, QLineEdit] = {}
        row = 1
        for index, (key, heading) in enumerate(STATISTICS_HEADINGS):
            if index == STATISTICS_GROUP_START:
                group = plain(QLabel(DEALS_GROUP))
                group.setStyleSheet("font-weight: bold;")
                grid.addWidget(group, row, 0, 1, 3)
                row += 1
            if key not in BOOK_FIGURES:
                continue
            caption = plain(read_only_label(heading))
            computed = read_only_label(name=f"computed.{key}")
            for shown in (caption, computed):
                shown.setContentsMargins(0, 4, 0, 0)  # on the line of the override's text
            computed.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            computed.setMinimumWidth(90)
            self.computed_labels[key] = computed
            edit = QLineEdit(objectName=f"override.{key}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMinimumWidth(120)
            edit.setMaximumWidth(160)
            self.override_edits[key] = edit
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(computed, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(field_box(edit, self._register(f"override.{key}", edit)), row, 2)
            row += 1
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 3)
        layout.addLayout(grid)
        layout.addWidget(hint_label(self.tr(
            "The figures come from the records: finalised offers declared by the period end, "
            "and deals dated within it. Enter a figure only if another must be printed; each "
            "difference is flagged.")))

        entered_title = plain(QLabel(self.tr("Entered here (the records cannot give them)")))
        entered_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(entered_title)
        form = grown_form()
        headings = dict(STATISTICS_HEADINGS)
        self.entered_edits: dict[str, QLineEdit] = {}
        for key in ENTERED:
            edit = QLineEdit(objectName=key)
            if key == "smes_reached":
                edit.setAlignment(Qt.AlignmentFlag.AlignRight)
                edit.setMinimumWidth(120)
                edit.setMaximumWidth(160)
            elif key == "platform_url":
                edit.setPlaceholderText(self.tr("https://…"))
            self.entered_edits[key] = edit
            self._form_row(form, key, headings[key], edit)
        layout.addLayout(form)
        return self.statistics_box

    def _section_deal_list(self) -> QGroupBox:
        self.deal_list_box = group_box(SECTION_DEAL_LIST, "section_deal_list")
        layout = QVBoxLayout(self.deal_list_box)
        self.deal_table = QTableWidget(0, len(DEAL_LIST_HEADINGS), objectName="deal_list")
        self.deal_table.setHorizontalHeaderLabels([two_lines(h) for h in DEAL_LIST_HEADINGS])
        self.deal_table.verticalHeader().hide()
        self.deal_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deal_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.deal_table.setWordWrap(True)
        self.deal_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.deal_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.deal_table.horizontalHeader()
        for column, mode in enumerate((
            QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
            QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
        )):
            header.setSectionResizeMode(column, mode)
        self.deal_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        # Row heights follow the column widths, known only once the window is laid out.
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_deal_table)
        header.sectionResized.connect(lambda *_args: self._fit_timer.start())
        self.deal_table.setToolTip(self.tr("Double-click a deal to edit it."))
        self.deal_table.cellDoubleClicked.connect(
            lambda row, _column: self.edit_deal_by_serial(int(self.deal_table.item(row, 0).text())))
        layout.addWidget(plain(self.deal_table))
        self.excluded_label = hint_label("")
        self.excluded_label.setObjectName("excluded")
        layout.addWidget(self.excluded_label)
        notes = hint_label("\n".join(DEAL_LIST_NOTES))
        notes.setObjectName("deal_list_notes")
        layout.addWidget(notes)
        open_deals = QPushButton(self.tr("Open the deals register…"), objectName="open_deals")
        open_deals.setAutoDefault(False)
        open_deals.clicked.connect(self.open_deals)
        open_deals.setVisible(self._deals_opener is not None)
        row = QHBoxLayout()
        row.addWidget(plain(open_deals))
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(plain(self._register("deals", self.deal_table)))
        return self.deal_list_box

    def _section_review(self) -> QGroupBox:
        box = group_box(SECTION_REVIEW, "section_review")
        layout = QVBoxLayout(box)
        pledge = read_only_label(PLEDGE, "pledge")
        layout.addWidget(plain(pledge))
        layout.addWidget(hint_label(self.tr(
            "Printed with room for the legal representative's signature or seal and the unit's "
            "seal; the expert group's, department's and review opinions are left blank for the "
            "province.")))
        return box

    # Changes ----------------------------------------------------------------------------

    def _connect_changes(self) -> None:
        for edit in (self.filled_on, *self.lead_edits.values(), *self.entered_edits.values()):
            edit.textChanged.connect(self._changed)
        for edit in self.override_edits.values():
            edit.textChanged.connect(self._override_changed)
        self.unit_profile.textChanged.connect(self._changed)
        self.self_evaluation.textChanged.connect(self._changed)

    def _override_changed(self, *_args: Any) -> None:
        self._records_changed = True
        self._changed()

    def _changed(self, *_args: Any) -> None:
        self._validate_timer.start()
        self._draft_timer.start()
        if not self._restoring:
            self._history_timer.start()

    # Payload ------------------------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "period_end": self.period_end,
            "filled_on": self.filled_on.text(),
            "unit_profile": self.unit_profile.toPlainText(),
            "self_evaluation": self.self_evaluation.toPlainText(),
        }
        for key, edit in self.lead_edits.items():
            payload[f"lead.{key}"] = edit.text()
        for key, edit in self.entered_edits.items():
            payload[key] = edit.text()
        for key, edit in self.override_edits.items():
            payload[f"override.{key}"] = edit.text()
        return payload

    def _set_payload(self, payload: dict[str, Any]) -> None:
        restoring, self._restoring = self._restoring, True
        try:
            self.filled_on.setText(str(payload.get("filled_on", "")))
            for key, edit in self.lead_edits.items():
                edit.setText(str(payload.get(f"lead.{key}", "")))
            for key, edit in self.entered_edits.items():
                edit.setText(str(payload.get(key, "")))
            for key, edit in self.override_edits.items():
                edit.setText(str(payload.get(f"override.{key}", "")))
            # setPlainText resets the cursor and scroll: only when the text differs.
            for edit, key in ((self.unit_profile, "unit_profile"),
                              (self.self_evaluation, "self_evaluation")):
                text = str(payload.get(key, ""))
                if edit.toPlainText() != text:
                    edit.setPlainText(text)
        finally:
            self._restoring = restoring

    def _lead_from_profile(self) -> dict[str, str]:
        contacts = self.store.organisation().contacts
        if not contacts:
            return {}
        first = contacts[0]
        return {"lead.name": first.name, "lead.mobile": first.mobile,
                "lead.department": first.department, "lead.title": first.title,
                "lead.phone": first.office_phone}

    def _fill_lead(self) -> None:
        for key, value in self._lead_from_profile().items():
            self.lead_edits[key.removeprefix("lead.")].setText(value)

    def fields(self) -> tuple[SummaryBookFields, list[Finding]]:
        """The book as typed, and what cannot be read (the count of SMEs, read by the domain)."""
        smes_text = self.entered_edits["smes_reached"].text()
        parsed, findings = read_summary_book({"period_end": self.period_end,
                                              "smes_reached": smes_text})
        smes = parsed.smes_reached if parsed is not None else None
        fields = SummaryBookFields(
            period_end=self.period_end,
            filled_on=self.filled_on.date(),
            lead=LeadContact(**{key: edit.text() for key, edit in self.lead_edits.items()}),
            unit_profile=self.unit_profile.toPlainText(),
            self_evaluation=self.self_evaluation.toPlainText(),
            platform_name=self.entered_edits["platform_name"].text(),
            platform_url=self.entered_edits["platform_url"].text(),
            smes_reached=smes,
            overrides={key: edit.text().strip() for key, edit in self.override_edits.items()
                       if edit.text().strip()},
        )
        return fields, findings

    # Checking and showing the computed parts --------------------------------------------

    def validate(self) -> list[Finding]:
        """Every rule, with the statistics and the deal list recomputed from the records."""
        self._validate_timer.stop()
        self._records_changed = False
        fields, read_findings = self.fields()
        data = self.store.summary_book_data(self.period_end, fields, today=self._today)
        assert data is not None  # the period was checked when the editor was made
        self.data = data
        self._show_data(data)
        return self._show_findings([*read_findings, *data.findings])

    def _validate_typed(self) -> list[Finding]:
        """After typing in the book's own entries: their rules again, the records' findings
        kept. Reading the records takes 0.6 s at 10,000 patents, too long for every pause."""
        if self._records_changed or self.data is None:
            return self.validate()
        self._validate_timer.stop()
        fields, read_findings = self.fields()
        today = self._today or dt.date.today()
        kept = [f for f in self.data.findings if f.field.startswith(RECORD_FIELDS)]
        return self._show_findings([*read_findings,
                                    *check_book_fields(fields, self.data.unit, today=today),
                                    *kept])

    def _show_findings(self, findings: list[Finding]) -> list[Finding]:
        if not self.filled_on.is_readable():
            findings = [f for f in findings if f.field != "filled_on"]
        self.findings = findings

        by_field: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_field[self._message_for(finding.field)].append(finding)
        language = i18n.language()
        date_problem = []
        if not self.filled_on.is_readable():
            date_problem.append(self.tr("“%1” is not a date: write it as 2023-12-05.")
                                .replace("%1", self.filled_on.text().strip()))
        for name, field_message in self.messages.items():
            found = by_field.get(name, [])
            if name == "organisation" and found:
                # Several of the unit's details share one message: say which each is about.
                lines = [f"{book_label(f.field, language)}：{describe(f, language)}"
                         for f in found]
                errors = any(f.is_error for f in found)
                field_message.show_text("\n".join(lines), "error" if errors else "warning")
                continue
            field_message.show_findings(found, date_problem if name == "filled_on" else ())
        self._show_findings_panel(bool(date_problem))
        self._update_undo_buttons()
        return findings

    def _message_for(self, field: str) -> str:
        if field.startswith("organisation."):
            return "organisation"
        if field.startswith(("statistics.", "overrides.")):
            figure = field.split(".", 1)[1]
            return f"override.{figure}" if f"override.{figure}" in self.messages else "period_end"
        if field.startswith("deals"):
            return "deals"
        return field if field in self.messages else "period_end"

    def _show_data(self, data: SummaryBookData) -> None:
        unit = data.unit
        self.cover_unit.setText(unit.name or self.tr("— (enter the unit's name in the "
                                                     "organisation profile)"))
        for key, shown in self.unit_labels.items():
            shown.setText(getattr(unit, key) or "—")
        computed = data.statistics.computed
        for key, shown in self.computed_labels.items():
            value = computed.figure(key)
            shown.setText(format_wan(value) if isinstance(value, Decimal) else str(value))
        as_of = as_of_text(data.period)
        self.statistics_box.setTitle(SECTION_STATISTICS + as_of)
        self.deal_list_box.setTitle(SECTION_DEAL_LIST + as_of)
        self.deal_table.setRowCount(len(data.rows))
        for row, deal in enumerate(data.rows):
            cells = (str(deal.serial), deal.licensors_text, deal.licensee,
                     deal.numbers_text("\n"), deal.amount_text, deal.remarks)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.deal_table.setItem(row, column, item)
        self._fit_deal_table()
        if data.excluded_serials:
            self.excluded_label.setText(self.tr(
                "Not on this list (dated after the period end): deals %1.").replace(
                "%1", "、".join(str(s) for s in data.excluded_serials)))
            self.excluded_label.show()
        else:
            self.excluded_label.hide()


    def _fit_deal_table(self) -> None:
        """As tall as its rows: the page scrolls, not a small box inside it."""
        table = self.deal_table
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
        empty = 0 if table.rowCount() else table.fontMetrics().lineSpacing() * 2
        table.setFixedHeight(table.horizontalHeader().height() + rows + empty
                             + 2 * table.frameWidth() + 2)

    def _show_findings_panel(self, date_unreadable: bool) -> None:
        language = i18n.language()
        self.findings_list.clear()
        errors = [f for f in self.findings if f.is_error]
        warnings = [f for f in self.findings if f.severity is Severity.WARNING]
        for finding in [*errors, *warnings]:
            item = QListWidgetItem(f"{self._finding_label(finding, language)}："
                                   f"{describe(finding, language)}")
            item.setData(Qt.ItemDataRole.UserRole, finding.field)
            item.setData(Qt.ItemDataRole.UserRole + 1, finding.params.get("serial"))
            item.setForeground(QColor(ERROR_COLOUR if finding.is_error else WARNING_COLOUR))
            self.findings_list.addItem(item)
        if date_unreadable:
            not_a_date = self.tr("not a date")
            item = QListWidgetItem(f"{book_label('filled_on', language)}：{not_a_date}")
            item.setData(Qt.ItemDataRole.UserRole, "filled_on")
            item.setForeground(QColor(ERROR_COLOUR))
            self.findings_list.addItem(item)
        count_errors = len(errors) + int(date_unreadable)
        if count_errors:
            title = self.tr("%1 error(s), %2 warning(s) — click one to go to it") \
                .replace("%1", str(count_errors)).replace("%2", str(len(warnings)))
        elif warnings:
            title = self.tr("No errors; %1 warning(s)").replace("%1", str(len(warnings)))
        else:
            title = self.tr("No errors: the book can be finalised.")
        self.findings_title.setText(title)
        self.finalise_button.setEnabled(count_errors == 0)

    def _finding_label(self, finding: Finding, language: str) -> str:
        field = finding.field
        if field.startswith("statistics.") or field.startswith("overrides."):
            figure = field.split(".", 1)[1]
            return dict(STATISTICS_HEADINGS).get(figure, figure)
        if field.startswith("deals"):
            return book_label("deals", language)
        return book_label(field, language)

    def _jump_to_finding(self, item: QListWidgetItem) -> None:
        field = str(item.data(Qt.ItemDataRole.UserRole))
        serial = item.data(Qt.ItemDataRole.UserRole + 1)
        if field.startswith("deals[") and serial is not None:
            self.edit_deal_by_serial(int(serial))
            return
        self.focus_field(self._message_for(field))

    def focus_field(self, name: str) -> None:
        widget = self.field_widgets.get(name)
        if widget is None:
            return
        self.sheet_scroll.ensureWidgetVisible(widget, 50, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # Actions ----------------------------------------------------------------------------

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("Summary book — %1").replace(
            "%1", as_of_text(self.data.period) if self.data else self.period_end))
        state = self.store.summary_book_state(self.period_end)
        text = state_label(state) if state else self.tr("Not saved yet")
        self.state_label.setText(self.tr("State: %1").replace("%1", text))

    def edit_profile(self) -> None:
        from app.ui.organisation_dialog import OrganisationDialog

        dialog = OrganisationDialog(self.store, self)
        dialog.finished.connect(lambda _result: self.validate())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def open_deals(self) -> Any:
        return self._deals_opener() if self._deals_opener is not None else None

    def edit_deal_by_serial(self, serial: int) -> Any:
        from app.ui.deal_editor import open_deal_editor

        for record in self.store.deals():
            if record.serial == serial:
                return open_deal_editor(self, self.store, record.id)
        return None

    def save(self) -> bool:
        if not self.filled_on.is_readable() and not interaction.confirm(
            self, self.tr("Save summary book"),
            self.tr("The date filled in is not a date and will be saved empty. Save anyway?"),
        ):
            return False
        fields, _read = self.fields()
        result = self.store.save_summary_book(fields, expected_version=self.expected_version())
        language = i18n.language()
        if not result.saved:
            handled = self._version_refused(result.findings)
            if handled is not None:
                return handled
            interaction.critical(self, self.tr("Save summary book"),
                                 "\n".join(describe(f, language) for f in result.findings))
            return False
        self._draft_timer.stop()
        self.store.discard_draft(ENTITY, draft_key(self.period_end))
        self._initial = self.payload()
        self._version_saved(self.period_end)
        self._update_title()
        self.saved.emit(self.period_end)
        if result.notices:
            interaction.inform(self, self.tr("Summary book saved"),
                               "\n".join(describe(n, language) for n in result.notices))
        return True

    def _saved_now(self) -> bool:
        """The book as shown is the saved one (what is printed must be what is recorded)."""
        if self.is_dirty() or self.store.summary_book_state(self.period_end) is None:
            return self.save()
        return True

    def finalise(self) -> bool:
        if not self._saved_now():
            return False
        result = self.store.finalise_summary_book(self.period_end, today=self._today)
        if not result.saved:
            self.validate()
            errors = [f for f in result.findings if f.is_error]
            interaction.inform(
                self, self.tr("Cannot finalise"),
                self.tr("The book has %1 error(s). Correct them first; the list on the right "
                        "takes you to each.").replace("%1", str(len(errors))),
            )
            return False
        self._update_title()
        self.finalised.emit(self.period_end)
        return True

    # Writing the PDF and the tables -----------------------------------------------------

    def write_pdf(self) -> Operation | None:
        return self._write("pdf")

    def write_excel(self) -> Operation | None:
        return self._write("excel")

    def write_xinyang(self) -> Operation | None:
        county = ask_county(self, self._county)
        if county is None:
            return None
        self._county = county.strip()
        return self._write("xinyang")

    def _write(self, what: str) -> Operation | None:
        if self.operation is not None and not self.operation.done:
            return None  # one at a time: the first is still writing
        if not self._saved_now():
            return None
        data = self.store.summary_book_data(self.period_end, today=self._today)
        if data is None:
            return None
        preferences = Preferences()
        chosen = choose_folder(self, self.tr("Folder for the files"),
                               preferences.last_folder(FOLDER_PURPOSE))
        if not chosen:
            return None
        folder = Path(chosen)
        preferences.set_last_folder(FOLDER_PURPOSE, folder)
        preferences.sync()
        files = book_files(what, period_end=self.period_end, county=self._county)
        existing = [file.name for file in files if (folder / file.name).exists()]
        if existing and not interaction.confirm(
            self, self.tr("Replace files"),
            self.tr("These files are already in the folder. Replace them?"),
            "\n".join(existing),
        ):
            return None
        store, county = self.store, self._county or None

        def work(progress: Callable[..., None], cancelled: Callable[[], bool]
                 ) -> BookFilesWritten:
            return write_book_files(store, data, folder, files, county=county,
                                    progress=progress, cancelled=cancelled)

        self.operation = run_operation(
            self, self.tr("Writing the summary book…"), work,
            on_success=lambda written: self._written(folder, written),
            on_failure=self._write_failed,
        )
        return self.operation

    def _written(self, folder: Path, result: BookFilesWritten) -> None:
        # A book without errors is recorded as the command line records it, so the package
        # finds it and can tell when the records have changed since.
        if result.findings:
            language = i18n.language()
            interaction.critical(self, self.tr("Could not write the files"),
                                 "\n".join(describe(f, language) for f in result.findings))
            return
        names = "\n".join(file.path.name for file in result.written)
        text = self.tr("Written to %1:").replace("%1", str(folder)) + "\n" + names
        if result.draft:
            text += "\n\n" + self.tr("The book has errors: the PDF is marked 草稿 (draft) and "
                                     "the files are not recorded for the submission package.")
        if interaction.confirm(self, self.tr("Files written"), text,
                               self.tr("Open the folder?")):
            open_folder(folder)

    def _write_failed(self, error: BaseException) -> None:
        # What the writing itself can meet comes back as findings (_written); this is the
        # unexpected, worded as the operations helper words it.
        interaction.critical(self, self.tr("Could not write the files"), failure_text(error))

    # Closing ----------------------------------------------------------------------------

    def _typing_paused(self) -> None:
        self._validate_typed()

    def stored_payload(self) -> dict[str, Any]:
        return payload_of(self.store.summary_book(self.period_end)
                          or SummaryBookFields(self.period_end))

    def draft_address(self) -> tuple[str, int | None]:
        return ENTITY, draft_key(self.period_end)

    def unsaved_question(self) -> str:
        return self.tr("This summary book has changes that are not saved. Save them?")

    def _before_close(self) -> None:
        if self.operation is not None and not self.operation.done:
            self.operation.wait()


def two_lines(heading: str) -> str:
    """A long heading over two lines (headers do not wrap by themselves)."""
    if len(heading) <= 8:
        return heading
    middle = (len(heading) + 1) // 2
    return heading[:middle] + "\n" + heading[middle:]


def payload_of(fields: SummaryBookFields) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "period_end": fields.period_end,
        "filled_on": fields.filled_on.isoformat() if fields.filled_on else "",
        "unit_profile": fields.unit_profile,
        "self_evaluation": fields.self_evaluation,
        "platform_name": fields.platform_name,
        "platform_url": fields.platform_url,
        "smes_reached": "" if fields.smes_reached is None else str(fields.smes_reached),
    }
    for key in LEAD_KEYS:
        payload[f"lead.{key}"] = getattr(fields.lead, key)
    for key in BOOK_FIGURES:
        value = fields.overrides.get(key)
        payload[f"override.{key}"] = "" if value is None else str(value)
    return payload


def open_summary_book_editor(
    parent: QWidget | None,
    store: Store,
    period_end: str | None = None,
    *,
    today: dt.date | None = None,
    open_deals: Callable[[], Any] | None = None,
) -> SummaryBookEditor | None:
    """Open the book of a period; without one, ask which (an existing one or a new month).
    `open_deals` shows the deals register (its button is hidden without it)."""
    if period_end is None:
        periods = [book.period_end for book in store.summary_books()]
        suggestion = periods[0] if periods else previous_month(today or dt.date.today())
        period_end = choose_period(parent, periods, suggestion)
        if period_end is None:
            return None
    key = normal_period_end(period_end)
    if key is None:
        interaction.inform(parent, QCoreApplication.translate("SummaryBookEditor", "Summary book"),
                           message("book.period_invalid", {"value": period_end},
                                   i18n.language()))
        return None
    if parent is not None:
        for existing in parent.findChildren(SummaryBookEditor):
            if existing.period_end == key and existing.isVisible():
                existing.raise_()
                existing.activateWindow()
                return existing
    editor = SummaryBookEditor(store, key, parent, today=today, open_deals=open_deals)
    editor.finished.connect(editor.deleteLater)
    editor.show()
    return editor

