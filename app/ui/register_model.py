"""The patent register as a Qt item model: fast enough for 10,000 patents.

Rows hold the fields as read from the database; what a cell shows (official number, type label,
expiry) and the rule findings are computed the first time a row is looked at and cached, so
opening the window does not check 10,000 records before it paints. Sorting is done here on plain
Python keys (one pass), not by the proxy's per-comparison callbacks into Python.

This module is imported before the window's first paint, when the register is still empty:
the message table and the rules are imported where a row first needs them.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.ui import i18n

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon  # made by QStyle once rows exist, after the first paint

    from app.models.findings import Finding
    from app.models.patent_rules import PatentFields

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 3

ERROR_COLOUR = QColor("#b3261e")
WARNING_COLOUR = QColor("#8a5a00")


class Column(IntEnum):
    MARKER = 0
    NUMBER = 1
    TITLE = 2
    KIND = 3
    PATENTEES = 4
    FILING_DATE = 5
    EXPIRY = 6
    LEGAL_STATUS = 7
    OFFER = 8  # the information sheet's state, and whether its PDFs are out of date


def fold(text: str) -> str:
    """What the filter compares: full-width folded to half-width, lower case."""
    return unicodedata.normalize("NFKC", text).casefold()


class RegisterRow:
    """One patent of the register, with its cells and findings worked out when first needed.

    A plain class with slots rather than a dataclass: 10,000 of them are built at start, and
    the dataclasses module is one import fewer before the window's first paint.
    """

    __slots__ = ("_cells", "_findings", "_overridden", "fields", "patent_id", "search_text")

    def __init__(self, patent_id: int, fields: PatentFields) -> None:
        self.patent_id = patent_id
        self.fields = fields
        self._cells: tuple[str, ...] | None = None
        self._overridden = False
        self._findings: list[Finding] | None = None
        # The store keeps valid numbers normalised (201710601862.3), so the stored text is what
        # a clerk types; parsing 10,000 numbers here would cost a fifth of a second at start.
        self.search_text = fold(" ".join((fields.number, fields.title, *fields.patentees)))

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            from app.models.patent_rules import check_patent

            self._findings = check_patent(self.fields)
        return self._findings

    @property
    def severity(self) -> int:
        """2 with errors, 1 with warnings only, 0 clean (the marker's sort key)."""
        found = self.findings
        if any(f.is_error for f in found):
            return 2
        return 1 if found else 0

    def cells(self) -> tuple[str, ...]:
        if self._cells is None:
            self._cells = self._make_cells()
        return self._cells

    def _make_cells(self) -> tuple[str, ...]:
        from app.messages import KIND_LABELS, LEGAL_STATUS_LABELS, label
        from app.models.patent_number import parse
        from app.models.term import patent_expiry

        language = i18n.language()
        f = self.fields
        number = parse(f.number)
        kind = number.kind
        if kind is None and f.entered_kind:
            try:
                from app.models.patent_number import PatentKind

                kind = PatentKind(f.entered_kind)
            except ValueError:
                kind = None
        expiry = patent_expiry(
            kind, f.filing_date, max(f.term_compensation_days or 0, 0), f.expiry_override
        )
        self._overridden = bool(expiry and expiry.overridden)
        return (
            "",
            number.number.official if number.number else f.number,
            f.title,
            label(KIND_LABELS, kind.value, language) if kind else "",
            "、".join(f.patentees),
            f.filing_date.isoformat() if f.filing_date else "",
            expiry.date.isoformat() if expiry else "",
            label(LEGAL_STATUS_LABELS, f.legal_status, language),
        )

    @property
    def expiry_overridden(self) -> bool:
        self.cells()
        return self._overridden


class PatentTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RegisterRow] = []
        self._by_id: dict[int, int] = {}
        self._headers = (
            "",
            self.tr("Patent number"),
            self.tr("Title"),
            self.tr("Type"),
            self.tr("Patentees"),
            self.tr("Filing date"),
            self.tr("Expiry"),
            self.tr("Legal status"),
            self.tr("Information sheet"),
        )
        # patent id → (offer state, PDFs out of date); set by the window from the store.
        self._offer_marks: dict[int, tuple[str, bool]] = {}
        self._icons: tuple[QIcon, QIcon] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # Loading ----------------------------------------------------------------------------

    def load(self, records: Iterable[tuple[int, PatentFields]]) -> None:
        self.beginResetModel()
        self._rows = [RegisterRow(patent_id, fields) for patent_id, fields in records]
        self._reindex()
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def upsert(self, patent_id: int, fields: PatentFields) -> int:
        """Replace or add one record; returns its row."""
        row = self._by_id.get(patent_id)
        if row is not None:
            self._rows[row] = RegisterRow(patent_id, fields)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
            return row
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(RegisterRow(patent_id, fields))
        self._by_id[patent_id] = row
        self.endInsertRows()
        return row

    def remove_ids(self, patent_ids: Iterable[int]) -> None:
        rows = sorted((self._by_id[i] for i in patent_ids if i in self._by_id), reverse=True)
        for row in rows:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        self._reindex()

    def _reindex(self) -> None:
        self._by_id = {r.patent_id: i for i, r in enumerate(self._rows)}

    def set_offer_marks(self, marks: dict[int, tuple[str, bool]]) -> None:
        self._offer_marks = dict(marks)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.OFFER), self.index(len(self._rows) - 1, Column.OFFER)
            )

    def offer_mark(self, patent_id: int) -> tuple[str, bool] | None:
        return self._offer_marks.get(patent_id)

    def offer_text(self, patent_id: int) -> str:
        mark = self._offer_marks.get(patent_id)
        if mark is None:
            return ""
        from app.ui.offer_editor import state_label

        state, out_of_date = mark
        text = state_label(state)
        return text + " · " + self.tr("PDF out of date") if out_of_date else text

    # Access -----------------------------------------------------------------------------

    def record(self, row: int) -> RegisterRow:
        return self._rows[row]

    def row_of(self, patent_id: int) -> int | None:
        return self._by_id.get(patent_id)

    def search_text(self, row: int) -> str:
        return self._rows[row].search_text

    def records(self) -> Sequence[RegisterRow]:
        return self._rows

    def error_count(self) -> int:
        """Records with errors (checks every record not yet checked)."""
        return sum(1 for r in self._rows if r.severity == 2)

    # Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.MARKER:
            return self.tr("Problems found in the record")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = index.column()
        if column == Column.OFFER:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.offer_text(record.patent_id)
            if role == Qt.ItemDataRole.ForegroundRole:
                mark = self._offer_marks.get(record.patent_id)
                if mark is not None and mark[1]:
                    return QBrush(WARNING_COLOUR)
            if role == Qt.ItemDataRole.ToolTipRole:
                mark = self._offer_marks.get(record.patent_id)
                if mark is not None and mark[1]:
                    return self.tr("The data changed after the PDFs were made: generate them "
                                   "again before printing.")
            if role == ID_ROLE:
                return record.patent_id
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = record.cells()[column]
            if column == Column.EXPIRY and text and record.expiry_overridden:
                return self.tr("%1 (entered)").replace("%1", text)
            return text
        if role == ID_ROLE:
            return record.patent_id
        if column == Column.MARKER:
            if role == Qt.ItemDataRole.DecorationRole:
                severity = record.severity
                if severity == 0:
                    return None
                error_icon, warning_icon = self._marker_icons()
                return error_icon if severity == 2 else warning_icon
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.problems_text(record) or None
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.problems_text(record)
            if role == SEVERITY_ROLE:
                return record.severity
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.EXPIRY and record.expiry_overridden:
                note = record.fields.expiry_override_note
                return self.tr("Entered by hand") + (f": {note}" if note else "")
            if column in (Column.TITLE, Column.PATENTEES):
                return record.cells()[column] or None
        if role == Qt.ItemDataRole.FontRole and column == Column.EXPIRY:
            if record.expiry_overridden:
                font = QFont()
                font.setItalic(True)
                return font
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.NUMBER:
            if record.severity == 2 and any(f.field == "number" for f in record.findings):
                return QBrush(ERROR_COLOUR)
        return None

    def _marker_icons(self) -> tuple[QIcon, QIcon]:
        if self._icons is None:
            from PySide6.QtWidgets import QApplication, QStyle

            style = QApplication.style()
            self._icons = (
                style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            )
        return self._icons

    def problems_text(self, record: RegisterRow) -> str:
        from app.messages import describe, field_label

        language = i18n.language()
        return "\n".join(
            f"{field_label(f.field, language)}: {describe(f, language)}" for f in record.findings
        )

    # Sorting: one key per row, sorted once in Python ------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].patent_id for i in persistent]
        self._sort_rows(column, order)
        self._reindex()
        moved = [
            self.index(self._by_id[pid], i.column())
            for pid, i in zip(ids, persistent, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        reverse = order == Qt.SortOrder.DescendingOrder
        if column == Column.MARKER:
            self._rows.sort(key=lambda r: r.severity, reverse=reverse)
        elif column == Column.OFFER:
            self._rows.sort(key=lambda r: self.offer_text(r.patent_id), reverse=reverse)
        elif column in (Column.TITLE, Column.PATENTEES):
            from PySide6.QtCore import QCollator, QLocale

            collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
            compare = functools.cmp_to_key(collator.compare)
            self._rows.sort(key=lambda r: compare(r.cells()[column]), reverse=reverse)
        elif column == Column.NUMBER:
            self._rows.sort(key=lambda r: r.cells()[Column.NUMBER].removeprefix("ZL"),
                            reverse=reverse)
        else:
            self._rows.sort(key=lambda r: r.cells()[column], reverse=reverse)


def number_needle(text: str) -> str | None:
    """What to look for when the filter text is a patent number, or the start of one, in any
    notation clerks paste (ZL 2017…, CN 2017 1 0601862.3, 2017106018623, full-width digits):
    the number as the register stores it. None for other text."""
    from app.models.patent_number import clean, parse

    body = clean(text)
    for prefix in ("ZL", "CN"):
        body = body.removeprefix(prefix)
    if not body or not body[0].isdigit() or body.strip("0123456789.X"):
        return None
    number = parse(text)
    if number.valid and number.normalized:
        return fold(number.normalized)
    if len(body) == 13 and "." not in body:  # a whole number without its dot, check wrong
        body = f"{body[:12]}.{body[12]}"
    return fold(body)


class PatentFilterProxy(QSortFilterProxyModel):
    """Filters on number, title and patentees; leaves sorting to the source model."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""

    @property
    def needle(self) -> str:
        return self._needle

    def set_needle(self, text: str) -> None:
        needle = number_needle(text)
        if needle is None:
            needle = fold(text.strip())
            if needle.startswith("zl"):
                needle = needle[2:]
        if needle == self._needle:
            return
        self.beginFilterChange()
        self._needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        return self._needle in model.search_text(source_row)  # type: ignore[attr-defined]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The header asks the proxy; the source sorts in one Python pass and the proxy keeps
        # source order (its own sort column stays -1).
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def patent_id(self, proxy_row: int) -> int:
        return int(self.index(proxy_row, 0).data(ID_ROLE))

