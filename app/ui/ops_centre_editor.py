"""The operations-centre summary table editor (河南省高校知识产权运营管理中心建设工作总结表,
notice 000 附件 3) for one report year.

Laid out as the printed form, section by section: the cover, 一 (the school's own details from
the organisation profile, the rest typed here), 二 (2.1 one of three choices, 2.2 a list of
policy documents with their files), 三 (the funding grid by year, the staff figures), 四 (patent
output and licences computed from the registers, with overrides; the other tables by year;
projects and activities as rows), 五, 六 and 七 the pledge. Each long text shows the notice's
guidance beside it and counts its characters as they are typed (app.ui.long_text, shared
with the other forms). The year grids' 小计 rows are computed as the clerk types. Findings
show under their fields and in the panel on the right; clicking one goes to the field (or the
grid cell).
Undo/redo, a draft kept while typing and ask-before-closing come from RecordEditor.

The registers are read once when the editor opens and again when a deal changes; every change
then recomputes the whole report from them (app.models.ops_centre.build_ops_centre), which is
pure and quick.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.messages import describe
from app.models.deals import Deal, DealRecord, register_fields
from app.models.findings import Finding
from app.models.ops_centre import (
    BASIC_FROM_UNIT,
    BASIC_GROUP,
    BASIC_LABELS,
    COMPUTED_LICENCE_COLUMNS,
    COMPUTED_PATENT_COLUMNS,
    COVER_LABELS,
    CULTIVATION_GROUP,
    DOCUMENT_HEADINGS,
    DOCUMENTS_LABEL,
    FEATURES,
    FUNDING_COLUMNS,
    FUNDING_GROUP,
    LEADING_GROUP_LABEL,
    LICENCES,
    NAVIGATION_CATEGORIES,
    NAVIGATION_COLUMNS,
    NAVIGATION_HEADING,
    OPERATION_GROUP,
    OPERATION_TABLES,
    OPINION_LABEL,
    OTHER_TRANSFERS,
    OUTPUT_TEXTS,
    PARTNERS_LABEL,
    PATENT_OUTPUT,
    PLEDGE,
    PROBLEMS,
    PROGRESS_TEXTS,
    SEAL_LABEL,
    SECTION_BASIC,
    SECTION_OPINION,
    SECTION_OUTPUT,
    SECTION_PROGRESS,
    SECTION_SUPPORT,
    SME_ACTIVITY_NAME,
    SME_FIGURES,
    SME_GROUP,
    SME_MATCHMAKING,
    SME_OTHER_GROUP,
    STAFF_HEADING,
    STAFF_LABELS,
    STANDARD_LABEL,
    STANDARD_OPTIONS,
    SUBTOTAL,
    SUPPORT_SPENDING_TEXTS,
    SUPPORT_TEXTS,
    NavigationProject,
    OpsCentreData,
    OpsCentreFields,
    PolicyDocument,
    PrintedTable,
    SmeActivity,
    TextSection,
    UnitInfo,
    YearTable,
    build_ops_centre,
    field_label,
    read_ops_centre,
    year_label,
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
from app.ui.field_message import ERROR_COLOUR, FIELD_STYLE
from app.ui.long_text import LongTextField
from app.ui.offer_editor import state_label
from app.ui.screen_fit import fit_to_screen
from app.ui.settings import Preferences
from app.usecases import ops_centre

if TYPE_CHECKING:
    from app.models.patent_rules import PatentFields
    from app.models.store import Store

ENTITY = "ops_centre"
VALIDATE_DELAY_MS = 150
DRAFT_DELAY_MS = 600
HISTORY_DELAY_MS = 500
FOLDER_PURPOSE = "ops_centre"
SUBTOTAL_ROLE = Qt.ItemDataRole.UserRole + 1  # a cell's figure from the records

FUNDING_GRID = YearTable("funding", "", (
    ("provincial", FUNDING_COLUMNS[0][1], "amount"),
    ("matching", FUNDING_COLUMNS[1][1], "amount"),
    ("other_source", "其他资金来源", "text"),
    ("other", "其他资金金额", "amount"),
))
SME_GRID = YearTable("matchmaking", SME_MATCHMAKING,
                     tuple((key, heading, "count") for key, heading in SME_FIGURES))
COMPUTED = {"licences": COMPUTED_LICENCE_COLUMNS, "patent_output": COMPUTED_PATENT_COLUMNS}

EMPTY_PAYLOAD: dict[str, Any] = {
    "filled_on": "", "lead_department": "", "basic": {}, "leading_group": "", "standard": "",
    "documents": [], "texts": {}, "funding": {}, "staff": {}, "tables": {},
    "override_note": "", "projects": [], "matchmaking": {}, "activities": [], "partners": "",
}


def payload_of(fields: OpsCentreFields) -> dict[str, Any]:
    """The editor's payload: every key present (a draft merged over the saved report replaces
    each section whole)."""
    return {**EMPTY_PAYLOAD, **fields.to_dict()}


# Injectable for tests (monkeypatch), as app.ui.interaction is for questions ---------------------


def choose_year(parent: QWidget | None, years: list[int], suggestion: int) -> int | None:
    items = [str(y) for y in dict.fromkeys([suggestion, *years])]
    text, ok = QInputDialog.getItem(
        parent, QCoreApplication.translate("OpsCentreEditor", "Ops-centre summary table"),
        QCoreApplication.translate("OpsCentreEditor",
                                   "The report year (近三年 are this year and the two before):"),
        items, 0, True)
    if not ok:
        return None
    try:
        return int(str(text).strip())
    except ValueError:
        return None


def choose_folder(parent: QWidget | None, title: str, start: str) -> str | None:
    folder = QFileDialog.getExistingDirectory(parent, title, start)
    return folder or None


def choose_document(parent: QWidget | None, title: str) -> str | None:
    name, _filter = QFileDialog.getOpenFileName(parent, title)
    return name or None


# The year grids -------------------------------------------------------------------------------


class RecordsDelegate(QStyledItemDelegate):
    """An empty cell shows the records' figure in grey: that is what prints unless the clerk
    types another."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        computed = index.data(SUBTOTAL_ROLE)
        if computed and not index.data(Qt.ItemDataRole.DisplayRole):
            painter.save()
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(option.rect.adjusted(4, 0, -4, 0),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             str(computed))
            painter.restore()


class YearGrid(QTableWidget):
    """A by-year table: one row per year, then 小计 (computed, not editable)."""

    def __init__(self, spec: YearTable, years: Sequence[int], *, subtotal: bool = True,
                 computed: Sequence[str] = ()) -> None:
        super().__init__(len(years) + int(subtotal), len(spec.columns))
        self.spec = spec
        self.years = tuple(years)
        self.computed = tuple(computed)
        self.setObjectName(f"grid_{spec.key}")
        self.setHorizontalHeaderLabels([heading for _, heading, _ in spec.columns])
        labels = [year_label(y) for y in years] + ([SUBTOTAL] if subtotal else [])
        self.setVerticalHeaderLabels(labels)
        self.setTabKeyNavigation(False)  # Tab leaves the grid; arrows move inside it
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(80)
        self.setItemDelegate(RecordsDelegate(self))
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for row in range(self.rowCount()):
            for column, (_, _, kind) in enumerate(spec.columns):
                item = QTableWidgetItem("")
                if kind != "text":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if subtotal and row == len(years):
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(row, column, item)
        header_height = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(header_height + self.rowCount() * self.verticalHeader()
                            .defaultSectionSize() + 2 * self.frameWidth() + 2)

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.item(row, column)
        assert item is not None  # every cell is made in __init__
        return item

    def cells(self) -> dict[int, dict[str, str]]:
        out: dict[int, dict[str, str]] = {}
        for row, year in enumerate(self.years):
            values = {key: self.cell(row, column).text().strip()
                      for column, (key, _, _) in enumerate(self.spec.columns)}
            values = {k: v for k, v in values.items() if v}
            if values:
                out[year] = values
        return out

    def set_cells(self, cells: dict[int, dict[str, str]] | Any) -> None:
        blocked = self.blockSignals(True)
        try:
            for row, year in enumerate(self.years):
                values = cells.get(year, {}) or cells.get(str(year), {})
                for column, (key, _, _) in enumerate(self.spec.columns):
                    self.cell(row, column).setText(str(values.get(key, "")))
        finally:
            self.blockSignals(blocked)
        self.viewport().update()

    def show_printed(self, table: PrintedTable | None) -> None:
        """The 小计 row, and the records' figures behind empty cells."""
        if table is None:
            return
        blocked = self.blockSignals(True)
        try:
            keys = [key for key, _, _ in table.spec.columns]
            for column, (key, _, _) in enumerate(self.spec.columns):
                if key not in keys:
                    continue
                index = keys.index(key)
                if self.rowCount() > len(self.years):
                    self.cell(len(self.years), column).setText(table.subtotal[index])
                for row in range(len(self.years)):
                    computed = (table.computed[row][index]
                                if table.computed and key in self.computed else "")
                    self.cell(row, column).setData(SUBTOTAL_ROLE, computed)
                    if computed:
                        self.cell(row, column).setToolTip(QCoreApplication.translate(
                            "OpsCentreEditor", "From the records: %1").replace("%1", computed))
        finally:
            self.blockSignals(blocked)
        self.viewport().update()

    def focus_cell(self, year: int | None, key: str | None) -> None:
        row = self.years.index(year) if year in self.years else 0
        keys = [k for k, _, _ in self.spec.columns]
        column = keys.index(key) if key in keys else 0
        self.setCurrentCell(row, column)


class RowsGrid(QTableWidget):
    """Rows the clerk adds and removes (documents, projects, activities)."""

    def __init__(self, name: str, headings: Sequence[str]) -> None:
        super().__init__(0, len(headings))
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(list(headings))
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setWordWrap(True)
        self.setMinimumHeight(120)

    def rows(self) -> list[list[str]]:
        out: list[list[str]] = []
        for r in range(self.rowCount()):
            row = []
            for c in range(self.columnCount()):
                item = self.item(r, c)
                row.append(item.text() if item is not None else "")
            out.append(row)
        return out

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        blocked = self.blockSignals(True)
        try:
            self.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c in range(self.columnCount()):
                    text = str(row[c]) if c < len(row) else ""
                    item = self.item(r, c)
                    if item is None:
                        self.setItem(r, c, QTableWidgetItem(text))
                    elif item.text() != text:
                        item.setText(text)
        finally:
            self.blockSignals(blocked)

    def add_row(self) -> int:
        row = self.rowCount()
        self.insertRow(row)
        blocked = self.blockSignals(True)
        for c in range(self.columnCount()):
            self.setItem(row, c, QTableWidgetItem(""))
        self.blockSignals(blocked)
        self.setCurrentCell(row, 0)
        return row


# The editor ---------------------------------------------------------------------------------------


class OpsCentreEditor(RecordEditor):
    saved = Signal(int)
    finalised = Signal(int)

    def __init__(self, store: Store, year: int, parent: QWidget | None = None, *,
                 draft: dict[str, Any] | None = None, today: dt.date | None = None) -> None:
        super().__init__(store, parent, validate_ms=VALIDATE_DELAY_MS, draft_ms=DRAFT_DELAY_MS,
                         history_ms=HISTORY_DELAY_MS)
        self.year = year
        self._today = today
        self.findings: list[Finding] = []
        self.data: OpsCentreData | None = None
        self._deals: list[DealRecord] = []
        self._register_list: list[PatentFields] = []
        self._unit = UnitInfo()
        self._document_files: list[tuple[str, str]] = []  # (name, SHA-256) per 2.2 row
        self.setObjectName("ops_centre_editor")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setStyleSheet(FIELD_STYLE)
        fit_to_screen(self, 1200, 880)
        self._load_records()
        self._build()
        # A new report shows the profile's first contact (never typed twice): it starts with
        # something to save, as a new summary book does.
        initial = payload_of(ops_centre.open_report(store, year))
        saved = ops_centre.report_state(store, year) is not None
        self._initial = initial if saved else payload_of(OpsCentreFields(year))
        self._set_payload(initial)
        self._guard_version("ops_centre_report", year)
        if draft is None:
            draft = store.load_draft(ENTITY, year)
        self._start_history(initial, draft, limit=50)
        self._connect_changes()
        deal_events().changed.connect(self._records_changed)
        self.validate()
        self._update_title()

    @property
    def years(self) -> tuple[int, ...]:
        return OpsCentreFields(self.year).years

    def _load_records(self) -> None:
        from sqlalchemy import select

        self._unit = UnitInfo.of(self.store.organisation())
        with self.store.session() as session:
            self._deals = [DealRecord.of(d)
                           for d in session.scalars(select(Deal).order_by(Deal.serial))]
            self._register_list = list(register_fields(session).values())

    def _records_changed(self, *_args: Any) -> None:
        self._load_records()
        self.validate()

    # Building ---------------------------------------------------------------------------

    def _build(self) -> None:
        sheet = QWidget()
        column = QVBoxLayout(sheet)
        column.setSpacing(10)
        self.restored_label = hint_label("")
        self.restored_label.setObjectName("restored")
        self.restored_label.hide()
        column.addWidget(self.restored_label)
        self.general_message = self._register("report", QLabel())
        column.addWidget(self.general_message)
        for section in (self._section_cover, self._section_basic, self._section_progress,
                        self._section_support, self._section_output, self._section_texts,
                        self._section_opinion):
            column.addWidget(section())
        column.addStretch(1)

        body = sheet_and_findings(sheet, self._jump_to_finding, with_state=True,
                                  sizes=(860, 320))
        splitter, self.sheet_scroll = body.splitter, body.scroll
        assert body.state_label is not None
        self.state_label = body.state_label
        self.findings_title, self.findings_list = body.findings_title, body.findings_list

        self.undo_button = editor_button(self.tr("Undo"), "undo", self.undo)
        self.redo_button = editor_button(self.tr("Redo"), "redo", self.redo)
        self.print_button = editor_button(self.tr("Write PDF and Excel…"), "write", self.write)
        self.save_button = editor_button(self.tr("Save"), "save", self.save)
        self.finalise_button = editor_button(self.tr("Finalise"), "finalise", self.finalise)
        close = editor_button(self.tr("Close"), "close", self.reject)
        self._lay_out(splitter, (self.print_button,),
                      (self.save_button, self.finalise_button, close), gap=24)

    def _bold(self, text: str) -> QLabel:
        shown = plain(read_only_label(text))
        shown.setStyleSheet("font-weight: bold;")
        return shown

    def _line(self, form: Any, name: str, caption: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        self._form_row(form, name, caption, edit)
        return edit

    def _section_cover(self) -> QGroupBox:
        box = group_box(self.tr("Cover"), "section_cover")
        form = grown_form(box)
        labels = dict(COVER_LABELS)
        self.cover_school = read_only_label(name="cover_school")
        form.addRow(plain(QLabel(_squeezed(labels["school_name"]))), plain(self.cover_school))
        self.lead_department = self._line(form, "lead_department",
                                          _squeezed(labels["lead_department"]))
        self.cover_contact = read_only_label(name="cover_contact")
        form.addRow(plain(QLabel(self.tr("Contact and phone (from 一)"))),
                    plain(self.cover_contact))
        self.filled_on = DateField()
        self.filled_on.setObjectName("filled_on")
        self._form_row(form, "filled_on", _squeezed(labels["filled_on"]), self.filled_on)
        return box

    def _section_basic(self) -> QGroupBox:
        box = group_box(SECTION_BASIC, "section_basic")
        layout = QVBoxLayout(box)
        layout.addWidget(self._bold(BASIC_GROUP))
        grid = QGridLayout()
        self.basic_edits: dict[str, QLineEdit] = {}
        self.school_label = read_only_label(name="basic.school_name")
        for index, (key, text) in enumerate(BASIC_LABELS):
            row, col = divmod(index, 2)
            caption = plain(QLabel(_squeezed(text)))
            grid.addWidget(caption, row, col * 2, Qt.AlignmentFlag.AlignTop)
            if key == "school_name":
                grid.addWidget(plain(self.school_label), row, col * 2 + 1)
                continue
            edit = QLineEdit(objectName=f"basic.{key}")
            if key in BASIC_FROM_UNIT:
                edit.setToolTip(self.tr("Left empty, the organisation profile's value prints."))
            caption.setBuddy(edit)
            self.basic_edits[key] = edit
            grid.addLayout(field_box(plain(edit), plain(self._register(f"basic.{key}", edit))),
                           row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        layout.addWidget(hint_label(self.tr(
            "学校名称 comes from the organisation profile; 主管单位, 组织机构代码, 法定代表人, "
            "分管校领导, 牵头部门负责人, 联系地址, 邮政编码, 电子邮箱 and 办公电话 too where left "
            "empty here (shown in grey).")))
        layout.addWidget(plain(self._register("organisation", QLabel())))
        return box

    def _text_block(self, layout: QVBoxLayout, section: TextSection, *, heading: bool = True,
                    lines: int = 6) -> QPlainTextEdit:
        """The shared long-text field: the notice's guidance beside the box (the form prints
        it too, under the heading) and the live character count under it."""
        if heading:
            layout.addWidget(self._bold(section.heading))
        name = f"texts.{section.key}"
        field = LongTextField(name, guidance=section.guidance, lines=lines, printed=True)
        edit: QPlainTextEdit = field.edit
        field.left.insertWidget(1, plain(self._register(name, edit)))
        layout.addWidget(plain(field))
        self.text_fields[section.key] = field
        self.text_edits[section.key] = edit
        return edit

    def _section_progress(self) -> QGroupBox:
        self.text_edits: dict[str, QPlainTextEdit] = {}
        self.text_fields: dict[str, LongTextField] = {}
        box = group_box(SECTION_PROGRESS, "section_progress")
        layout = QVBoxLayout(box)
        form = grown_form()
        self.leading_group = self._line(form, "leading_group", LEADING_GROUP_LABEL.rstrip("："))
        layout.addLayout(form)
        layout.addWidget(self._bold(STANDARD_LABEL))
        self.standard_group = QButtonGroup(self)
        choices = QHBoxLayout()
        self.standard_buttons: dict[str, QRadioButton] = {}
        for status, text in STANDARD_OPTIONS:
            radio = QRadioButton(text, objectName=f"standard.{status.value}")
            self.standard_group.addButton(radio)
            self.standard_buttons[status.value] = radio
            choices.addWidget(plain(radio))
        choices.addStretch(1)
        holder = QWidget()
        holder.setLayout(choices)
        layout.addLayout(field_box(holder, plain(self._register("standard", holder))))
        self.field_widgets["standard"] = self.standard_buttons[STANDARD_OPTIONS[0][0].value]

        layout.addWidget(self._bold(DOCUMENTS_LABEL))
        self.documents = RowsGrid("documents", [*DOCUMENT_HEADINGS, self.tr("File")])
        self.documents.setToolTip(self.tr("出台时间 as 2023-05 or 2023-05-12."))
        layout.addLayout(self._rows_buttons(self.documents, "document", extra=[
            (self.tr("Attach file…"), "attach_document", self.attach_document)]))
        layout.addLayout(field_box(plain(self.documents),
                                   plain(self._register("documents", self.documents))))
        for section in PROGRESS_TEXTS:
            self._text_block(layout, section)
        return box

    def _rows_buttons(self, grid: RowsGrid, name: str,
                      extra: Sequence[tuple[str, str, Callable[[], Any]]] = ()) -> QHBoxLayout:
        row = QHBoxLayout()
        add = editor_button(self.tr("Add a row"), f"add_{name}", lambda: self._add_row(grid))
        remove = editor_button(self.tr("Remove the row"), f"remove_{name}",
                              lambda: self._remove_row(grid))
        row.addWidget(plain(add))
        row.addWidget(plain(remove))
        for text, object_name, slot in extra:
            row.addWidget(plain(editor_button(text, object_name, slot)))
        row.addStretch(1)
        return row

    def _add_row(self, grid: RowsGrid) -> None:
        grid.add_row()
        self._sync_document_files()
        grid.setFocus(Qt.FocusReason.OtherFocusReason)
        self._changed()

    def _remove_row(self, grid: RowsGrid) -> None:
        row = grid.currentRow()
        if row < 0:
            return
        grid.removeRow(row)
        if grid is self.documents and row < len(self._document_files):
            del self._document_files[row]  # the file goes with its row
        self._changed()

    def _section_support(self) -> QGroupBox:
        box = group_box(SECTION_SUPPORT, "section_support")
        layout = QVBoxLayout(box)
        layout.addWidget(self._bold(FUNDING_GROUP + "（万元）"))
        self.funding = YearGrid(FUNDING_GRID, self.years)
        layout.addLayout(field_box(plain(self.funding),
                                   plain(self._register("funding", self.funding))))
        for section in SUPPORT_SPENDING_TEXTS:
            self._text_block(layout, section, lines=4)
        layout.addWidget(self._bold(STAFF_HEADING))
        grid = QGridLayout()
        self.staff_edits: dict[str, QLineEdit] = {}
        for index, (key, text) in enumerate(STAFF_LABELS):
            row, col = divmod(index, 2)
            edit = QLineEdit(objectName=f"staff.{key}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaximumWidth(140)
            caption = plain(QLabel(_squeezed(text)))
            caption.setBuddy(edit)
            self.staff_edits[key] = edit
            grid.addWidget(caption, row, col * 2, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(field_box(plain(edit), plain(self._register(f"staff.{key}", edit))),
                           row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        for section in SUPPORT_TEXTS:
            self._text_block(layout, section, lines=4)
        return box

    def _section_output(self) -> QGroupBox:
        box = group_box(SECTION_OUTPUT, "section_output")
        layout = QVBoxLayout(box)
        layout.addWidget(self._bold(CULTIVATION_GROUP))
        layout.addWidget(self._bold(PATENT_OUTPUT.heading))
        self.grids: dict[str, YearGrid] = {}
        self.grids["patent_output"] = YearGrid(PATENT_OUTPUT, self.years,
                                               computed=COMPUTED_PATENT_COLUMNS)
        layout.addLayout(field_box(plain(self.grids["patent_output"]),
                                   plain(self._register("patent_output",
                                                        self.grids["patent_output"]))))
        layout.addWidget(hint_label(self.tr(
            "Grey figures come from the patent register (grants by year; valid invention patents "
            "at each year end). Type a figure to print it instead; each difference is flagged. "
            "小计 is computed.")))
        form = grown_form()
        self.override_note = self._line(form, "override_note",
                                        self.tr("Why figures differ from the register"))
        layout.addLayout(form)
        layout.addWidget(self._bold(NAVIGATION_HEADING))
        self.projects = RowsGrid("projects", [h for k, h in NAVIGATION_COLUMNS if k != "serial"])
        self.projects.setToolTip(self.tr("项目类别: %1").replace(
            "%1", " / ".join(NAVIGATION_CATEGORIES)))
        layout.addLayout(self._rows_buttons(self.projects, "project"))
        layout.addLayout(field_box(plain(self.projects),
                                   plain(self._register("projects", self.projects))))
        for section in OUTPUT_TEXTS:
            self._text_block(layout, section, lines=4)
        layout.addWidget(self._bold(OPERATION_GROUP))
        for spec in OPERATION_TABLES:
            layout.addWidget(self._bold(spec.heading))
            grid = YearGrid(spec, self.years,
                            computed=COMPUTED_LICENCE_COLUMNS if spec is LICENCES else ())
            self.grids[spec.key] = grid
            layout.addLayout(field_box(plain(grid), plain(self._register(spec.key, grid))))
            if spec is LICENCES:
                layout.addWidget(hint_label(self.tr(
                    "Grey figures come from the deals register (deals dated in the year; "
                    "到款额 as recorded on each deal).")))
        self._text_block(layout, OTHER_TRANSFERS, lines=4)
        layout.addWidget(self._bold(SME_GROUP))
        layout.addWidget(plain(QLabel(SME_MATCHMAKING)))
        self.matchmaking = YearGrid(SME_GRID, self.years, subtotal=False)
        layout.addLayout(field_box(plain(self.matchmaking),
                                   plain(self._register("matchmaking", self.matchmaking))))
        layout.addWidget(plain(QLabel(SME_OTHER_GROUP)))
        headings = [SME_ACTIVITY_NAME.format(n="").rstrip(":")]
        for year in self.years:
            headings += [f"{year_label(year)} {heading}" for _, heading in SME_FIGURES]
        self.activities = RowsGrid("activities", headings)
        layout.addLayout(self._rows_buttons(self.activities, "activity"))
        layout.addLayout(field_box(plain(self.activities),
                                   plain(self._register("activities", self.activities))))
        form = grown_form()
        self.partners = self._line(form, "partners", PARTNERS_LABEL.rstrip("："))
        self.partners.setMaximumWidth(160)
        layout.addLayout(form)
        return box

    def _section_texts(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        for section in (FEATURES, PROBLEMS):
            box = group_box(section.heading, f"section_{section.key}")
            inner = QVBoxLayout(box)
            self._text_block(inner, section, heading=False, lines=10)
            layout.addWidget(box)
        return holder

    def _section_opinion(self) -> QGroupBox:
        box = group_box(SECTION_OPINION, "section_opinion")
        layout = QVBoxLayout(box)
        layout.addWidget(self._bold(OPINION_LABEL))
        layout.addWidget(plain(read_only_label(PLEDGE, "pledge")))
        layout.addWidget(hint_label(self.tr("Printed with %1 and a blank seal area, and the "
                                            "date filled in.").replace("%1", SEAL_LABEL)))
        return box

    # Changes ----------------------------------------------------------------------------

    def _connect_changes(self) -> None:
        for edit in (self.filled_on, self.lead_department, self.leading_group,
                     self.override_note, self.partners, *self.basic_edits.values(),
                     *self.staff_edits.values()):
            edit.textChanged.connect(self._changed)
        for text in self.text_edits.values():
            text.textChanged.connect(self._changed)
        self.standard_group.buttonToggled.connect(self._changed)
        for grid in (self.funding, self.matchmaking, *self.grids.values(), self.documents,
                     self.projects, self.activities):
            grid.cellChanged.connect(self._changed)

    def _changed(self, *_args: Any) -> None:
        self._validate_timer.start()
        self._draft_timer.start()
        if not self._restoring:
            self._history_timer.start()

    # Payload ------------------------------------------------------------------------------

    def _sync_document_files(self) -> None:
        """One (name, SHA-256) per 2.2 row: a new row has no file yet."""
        while len(self._document_files) < self.documents.rowCount():
            self._document_files.append(("", ""))
        del self._document_files[self.documents.rowCount():]

    def fields(self) -> OpsCentreFields:
        """The report as typed."""
        self._sync_document_files()
        standard = next((key for key, radio in self.standard_buttons.items()
                         if radio.isChecked()), "")
        documents = []
        for i, row in enumerate(self.documents.rows()):
            name, sha = self._document_files[i] if i < len(self._document_files) else ("", "")
            documents.append(PolicyDocument(row[0], row[1], row[2], name, sha))
        projects = [NavigationProject(*row[:5]) for row in self.projects.rows()]
        activities = []
        for row in self.activities.rows():
            years: dict[int, dict[str, str]] = {}
            for i, year in enumerate(self.years):
                cells = {key: row[1 + 2 * i + j].strip()
                         for j, (key, _) in enumerate(SME_FIGURES) if row[1 + 2 * i + j].strip()}
                if cells:
                    years[year] = cells
            activities.append(SmeActivity(row[0], years))
        return OpsCentreFields(
            report_year=self.year,
            filled_on=self.filled_on.date(),
            lead_department=self.lead_department.text(),
            basic={k: e.text() for k, e in self.basic_edits.items() if e.text()},
            leading_group=self.leading_group.text(),
            standard=standard,
            documents=tuple(documents),
            texts={k: e.toPlainText() for k, e in self.text_edits.items() if e.toPlainText()},
            funding=self.funding.cells(),
            staff={k: e.text() for k, e in self.staff_edits.items() if e.text()},
            tables={key: grid.cells() for key, grid in self.grids.items() if grid.cells()},
            override_note=self.override_note.text(),
            projects=tuple(projects),
            matchmaking=self.matchmaking.cells(),
            activities=tuple(activities),
            partners=self.partners.text(),
        )

    def payload(self) -> dict[str, Any]:
        payload = payload_of(self.fields())
        payload["filled_on"] = self.filled_on.text()
        return payload

    def _set_payload(self, payload: dict[str, Any]) -> None:
        restoring, self._restoring = self._restoring, True
        try:
            date_text = str(payload.get("filled_on", "") or "")
            readable = {**payload, "report_year": self.year, "filled_on": ""}
            fields, _ = read_ops_centre(readable)
            fields = fields or OpsCentreFields(self.year)
            self.filled_on.setText(date_text)
            self.lead_department.setText(fields.lead_department)
            self.leading_group.setText(fields.leading_group)
            self.override_note.setText(fields.override_note)
            self.partners.setText(fields.partners)
            for key, edit in self.basic_edits.items():
                edit.setText(fields.basic.get(key, ""))
            for key, edit in self.staff_edits.items():
                edit.setText(fields.staff.get(key, ""))
            for key, text_edit in self.text_edits.items():
                text = fields.text(key)
                if text_edit.toPlainText() != text:
                    text_edit.setPlainText(text)
            self.standard_group.setExclusive(False)
            for key, radio in self.standard_buttons.items():
                radio.setChecked(key == fields.standard)
            self.standard_group.setExclusive(True)
            self._document_files = [(d.file_name, d.file_sha256) for d in fields.documents]
            self.documents.set_rows([[d.name, d.issued, d.highlights, d.file_name]
                                     for d in fields.documents])
            self.projects.set_rows([[p.category, p.name, p.period, p.funding, p.provider]
                                    for p in fields.projects])
            rows = []
            for activity in fields.activities:
                row = [activity.name]
                for year in self.years:
                    cells = activity.years.get(year, {})
                    row += [cells.get(key, "") for key, _ in SME_FIGURES]
                rows.append(row)
            self.activities.set_rows(rows)
            self.funding.set_cells(fields.funding)
            self.matchmaking.set_cells(fields.matchmaking)
            for key, grid in self.grids.items():
                grid.set_cells(fields.tables.get(key, {}))
        finally:
            self._restoring = restoring

    # Checking ---------------------------------------------------------------------------

    def validate(self) -> list[Finding]:
        self._validate_timer.stop()
        data = build_ops_centre(self.fields(), self._unit, self._deals, self._register_list,
                                today=self._today)
        self.data = data
        self._show_data(data)
        return self._show_findings(list(data.findings))

    def _show_data(self, data: OpsCentreData) -> None:
        self.cover_school.setText(data.unit.name or self.tr(
            "— (enter the school's name in the organisation profile)"))
        self.school_label.setText(data.unit.name or "—")
        cover = data.cover
        self.cover_contact.setText(f"{cover['contact']}　{cover['contact_phone']}".strip())
        for key, unit_key in BASIC_FROM_UNIT.items():
            self.basic_edits[key].setPlaceholderText(getattr(data.unit, unit_key))
        self.funding.show_printed(data.funding)
        self.grids["patent_output"].show_printed(data.patent_output)
        for table in data.operations:
            self.grids[table.spec.key].show_printed(table)
        blocked = self.documents.blockSignals(True)
        for row, (name, _sha) in enumerate(self._document_files):
            item = self.documents.item(row, 3)
            if item is not None and item.text() != name:
                item.setText(name)
            if item is not None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.documents.blockSignals(blocked)

    def _message_for(self, field: str) -> str:
        head = field.split("[", 1)[0].split(".", 1)[0]
        if field in self.messages:
            return field
        if head in ("documents", "projects", "activities", "funding", "matchmaking"):
            return head
        if head in self.grids:
            return head
        if field.startswith("organisation."):
            return "organisation"
        return "report"

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
            if name in ("report", "organisation", "documents", "projects", "activities",
                        "funding", "matchmaking", *self.grids) and found:
                lines = [f"{field_label(f.field)}：{describe(f, language)}" for f in found]
                errors = any(f.is_error for f in found)
                field_message.show_text("\n".join(lines), "error" if errors else "warning")
                continue
            field_message.show_findings(found, date_problem if name == "filled_on" else ())
        self._show_findings_panel(language, bool(date_problem))
        self._update_undo_buttons()
        return findings

    def _show_findings_panel(self, language: str, date_unreadable: bool) -> None:
        errors, warnings = self._list_findings(
            self.findings, lambda finding, _language: field_label(finding.field))
        count_errors = len(errors) + int(date_unreadable)
        if date_unreadable:
            item = QListWidgetItem(self.tr("填报日期: not a date"))
            item.setData(Qt.ItemDataRole.UserRole, "filled_on")
            item.setForeground(QColor(ERROR_COLOUR))
            self.findings_list.addItem(item)
        if count_errors:
            title = self.tr("%1 error(s), %2 warning(s) — click one to go to it") \
                .replace("%1", str(count_errors)).replace("%2", str(len(warnings)))
        elif warnings:
            title = self.tr("No errors; %1 warning(s)").replace("%1", str(len(warnings)))
        else:
            title = self.tr("No errors: the table can be finalised.")
        self.findings_title.setText(title)
        self.finalise_button.setEnabled(count_errors == 0)

    def _jump_to_finding(self, item: QListWidgetItem) -> None:
        self.focus_field(str(item.data(Qt.ItemDataRole.UserRole)))

    def focus_field(self, field: str) -> None:
        """Go to the field of a finding; in a grid, to its cell."""
        name = self._message_for(field)
        widget = self.field_widgets.get(name)
        if widget is None:
            return
        head, _, rest = field.partition("[")
        index, _, column = rest.partition("]")
        column = column.lstrip(".")
        if isinstance(widget, YearGrid) and index.isdigit():
            widget.focus_cell(int(index), column)
        elif isinstance(widget, RowsGrid) and index.isdigit():
            keys = {"documents": ["name", "issued", "highlights", "file"],
                    "projects": [k for k, _ in NAVIGATION_COLUMNS if k != "serial"],
                    "activities": ["name"]}.get(head, [])
            widget.setCurrentCell(int(index) - 1, keys.index(column) if column in keys else 0)
        self.sheet_scroll.ensureWidgetVisible(widget, 50, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # Actions ----------------------------------------------------------------------------

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("Ops-centre summary table — %1").replace(
            "%1", f"{self.year}（{self.years[0]}–{self.years[-1]}）"))
        state = ops_centre.report_state(self.store, self.year)
        text = state_label(state) if state else self.tr("Not saved yet")
        self.state_label.setText(self.tr("State: %1").replace("%1", text))

    def attach_document(self) -> None:
        row = self.documents.currentRow()
        if row < 0:
            interaction.inform(self, self.tr("Attach file"),
                               self.tr("Choose the document's row first."))
            return
        path = choose_document(self, self.tr("The policy document's file"))
        if not path:
            return
        from app.models.stored_files import StoredFileError

        try:
            updated = ops_centre.attach_policy_document(self.store, self.fields(), row, path)
        except OSError as exc:
            from app.messages import os_error_text

            interaction.critical(self, self.tr("Attach file"),
                                 os_error_text(exc, i18n.language()))
            return
        except StoredFileError as exc:  # too large for the register (issue 16)
            from app.messages import message

            interaction.critical(self, self.tr("Attach file"),
                                 message(exc.code, exc.params, i18n.language()))
            return
        document = updated.documents[row]
        self._document_files[row] = (document.file_name, document.file_sha256)
        self._changed()
        self.validate()

    def save(self) -> bool:
        if not self.filled_on.is_readable() and not interaction.confirm(
            self, self.tr("Save"),
            self.tr("填报日期 is not a date and will be saved empty. Save anyway?"),
        ):
            return False
        result = ops_centre.save_report(self.store, self.fields(), today=self._today,
                                        expected_version=self.expected_version())
        if not result.saved:
            return bool(self._version_refused(result.findings))
        self._draft_timer.stop()
        self.store.discard_draft(ENTITY, self.year)
        self._initial = self.payload()
        self._version_saved(self.year)
        self._update_title()
        self.saved.emit(self.year)
        if result.notices:
            language = i18n.language()
            interaction.inform(self, self.tr("Saved"),
                               "\n".join(describe(n, language) for n in result.notices))
        return True

    def finalise(self) -> bool:
        if (self.is_dirty() or ops_centre.report_state(self.store, self.year) is None) \
                and not self.save():
            return False
        result = ops_centre.finalise_report(self.store, self.year, today=self._today)
        if not result.saved:
            self.validate()
            errors = [f for f in result.findings if f.is_error]
            interaction.inform(self, self.tr("Cannot finalise"), self.tr(
                "The table has %1 error(s). Correct them first; the list on the right takes "
                "you to each.").replace("%1", str(len(errors))))
            return False
        self._update_title()
        self.finalised.emit(self.year)
        return True

    def write(self) -> ops_centre.RenderedReport | None:
        """Save, then write the PDF and the workbook into a chosen folder ("print")."""
        if (self.is_dirty() or ops_centre.report_state(self.store, self.year) is None) \
                and not self.save():
            return None
        preferences = Preferences()
        chosen = choose_folder(self, self.tr("Folder for the files"),
                               preferences.last_folder(FOLDER_PURPOSE))
        if not chosen:
            return None
        folder = Path(chosen)
        preferences.set_last_folder(FOLDER_PURPOSE, folder)
        preferences.sync()
        existing = [n for n in (ops_centre.PDF_NAME, ops_centre.TABLES_NAME)
                    if (folder / n).exists()]
        if existing and not interaction.confirm(
                self, self.tr("Replace files"),
                self.tr("These files are already in the folder. Replace them?"),
                "\n".join(existing)):
            return None
        result = ops_centre.render_report(self.store, self.year, folder, today=self._today)
        language = i18n.language()
        failures = [f for f in result.findings if f.code.endswith("write_failed")
                    or f.code == "pdf.missing_glyph"]
        if failures or not result.written:
            interaction.critical(self, self.tr("Could not write the files"),
                                 "\n".join(describe(f, language) for f in failures))
            return result
        text = self.tr("Written to %1:").replace("%1", str(folder)) + "\n" + "\n".join(
            p.name for p in result.paths)
        if result.draft:
            text += "\n\n" + self.tr("The table has errors: the PDF is marked 草稿 (draft) and "
                                     "is not recorded for the submission package.")
        interaction.inform(self, self.tr("Files written"), text)
        return result

    # Closing ----------------------------------------------------------------------------

    def stored_payload(self) -> dict[str, Any]:
        if ops_centre.report_state(self.store, self.year) is not None:
            return payload_of(ops_centre.open_report(self.store, self.year))
        return payload_of(OpsCentreFields(self.year))

    def draft_address(self) -> tuple[str, int | None]:
        return ENTITY, self.year

    def unsaved_question(self) -> str:
        return self.tr("This ops-centre summary table has changes that are not saved. "
                       "Save them?")


def _squeezed(text: str) -> str:
    """A cover label without the spaces that spread it on paper, nor its colon."""
    return "".join(text.split()).rstrip(":：")


def open_ops_centre_editor(parent: QWidget | None, store: Store, year: int | None = None, *,
                           today: dt.date | None = None) -> OpsCentreEditor | None:
    """Open the table of a report year; without one, ask which."""
    if year is None:
        years = ops_centre.report_years(store)
        suggestion = years[0] if years else ops_centre.default_year(today)
        year = choose_year(parent, years, suggestion)
        if year is None:
            return None
    if not 2000 <= year <= 2100:
        interaction.inform(parent, QCoreApplication.translate("OpsCentreEditor",
                                                              "Ops-centre summary table"),
                           describe(Finding("ops.year_invalid", "report_year",
                                            params={"value": year}), i18n.language()))
        return None
    if parent is not None:
        for existing in parent.findChildren(OpsCentreEditor):
            if existing.year == year and existing.isVisible():
                existing.raise_()
                existing.activateWindow()
                return existing
    editor = OpsCentreEditor(store, year, parent, today=today)
    editor.finished.connect(editor.deleteLater)
    editor.show()
    return editor
