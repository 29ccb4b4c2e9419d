"""The patent register as a Qt item model: fast enough for 50,000 patents.

Rows hold the plain tuples the store reads (app.models.register_table); what a cell shows
(official number, type label, expiry) and the rule findings are computed the first time a row
is looked at and cached, so opening the window does not check 50,000 records before it paints;
`start_checks` works them all out on a worker thread after the paint, with a worker process
beside it on a large register (app.models.register_checks), started as soon as the rows are
painted. Sorting is done here on plain Python keys (one pass; collation keys made once per
distinct character, not per comparison), and filtering too: one substring search over all
rows' folded text, not one call into Python per row from a QSortFilterProxyModel. The proxy is
an identity proxy kept for the window's API.

This module is imported before the window's first paint, when the register is still empty:
the message table and the rules are imported where a row first needs them.
"""

from __future__ import annotations

import bisect
import functools
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import (
    QAbstractTableModel,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.models.register_table import (
    COMPENSATION,
    FILING,
    KIND,
    NOTE,
    NUMBER,
    OVERRIDE,
    PATENTEES,
    STATUS,
    TITLE,
    RegisterTuple,
    compact,
    day,
    fields_of,
    tuple_of,
)
from app.ui import i18n

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QIcon  # made by QStyle once rows exist, after the first paint

    from app.models.findings import Finding
    from app.models.patent_rules import PatentFields

Index = QModelIndex | QPersistentModelIndex

# Qt.ItemDataRole's values as plain ints (tests/ui/test_first_paint.py checks them): this
# module is imported before the window's first paint, and the first touch of the `Qt`
# namespace makes its ~90 Python enum types at once (15 ms), so it is touched only after.
DISPLAY_ROLE = 0
DECORATION_ROLE = 1
TOOLTIP_ROLE = 3
FONT_ROLE = 6
FOREGROUND_ROLE = 9
ACCESSIBLE_TEXT_ROLE = 11
USER_ROLE = 256
SORT_ROLE = USER_ROLE + 1
ID_ROLE = USER_ROLE + 2
SEVERITY_ROLE = USER_ROLE + 3

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


_SEPARATOR = "\x00"
_WIDE = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " "}


def fold_joined(texts: Sequence[str]) -> list[str]:
    """`fold` of each text, worked out on all of them joined: a few C-level passes over one
    string instead of 50,000 calls of NFKC (which is slow on CJK text). Full-width forms are
    replaced first (they are NFKC's own mappings); NFKC runs only when something else is left
    for it to do."""
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:  # a text holding the separator itself
        return [fold(t) for t in texts]
    for char in set(joined).intersection(_WIDE):
        joined = joined.replace(char, _WIDE[char])
    if not unicodedata.is_normalized("NFKC", joined):
        joined = unicodedata.normalize("NFKC", joined)
    parts = joined.casefold().split(_SEPARATOR)
    return parts if len(parts) == len(texts) else [fold(t) for t in texts]


class Collation:
    """Orders text as QCollator(zh_CN) compares it, with one collator call per text rather than
    one per comparison.

    Every distinct character is ranked once with the collator; a text's key is its characters'
    ranks, case-insensitive ranks first and exact ranks after, so plain string comparison of
    keys (in C) gives the collator's order, except where the collation has contractions: the
    pinyin order reads 重庆 as chóng, 重 alone as zhòng. `order` sorts by the keys, then checks
    neighbours with the collator and moves the few texts out of place to where it puts them.
    """

    def order(self, texts: Sequence[str], descending: bool = False, *,
              learnt: bool = False) -> list[int]:
        """Indexes of `texts` in the collator's order (stable for equal texts). `learnt`: every
        character of `texts` is already ranked (`learn` was given them)."""
        from PySide6.QtCore import QCollator, QLocale

        keys = self.keys(texts, learnt=learnt)
        ranked = sorted(range(len(texts)), key=keys.__getitem__, reverse=descending)
        compare = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China)).compare
        sign = -1 if descending else 1
        good: list[int] = []
        misfits: list[int] = []
        for i in ranked:
            if good and sign * compare(texts[good[-1]], texts[i]) > 0:
                if len(good) >= 2 and sign * compare(texts[good[-2]], texts[i]) <= 0:
                    misfits.append(good.pop())  # the one before was out of place
                    good.append(i)
                else:
                    misfits.append(i)
            else:
                good.append(i)
        if misfits:
            key = functools.cmp_to_key(lambda a, b: sign * compare(texts[a], texts[b]))
            keyed = [key(i) for i in good]
            for i in sorted(misfits):
                place = bisect.bisect_right(keyed, key(i))
                keyed.insert(place, key(i))
                good.insert(place, i)
        return good

    def __init__(self) -> None:
        self._primary: dict[int, str] = {}
        self._full: dict[int, str] = {}
        self._known: set[str] = set()
        self._lock = threading.Lock()  # the worker thread ranks too

    def keys(self, texts: Sequence[str], *, learnt: bool = False) -> list[str]:
        with self._lock:
            if not learnt:  # the set of 50,000 texts' characters takes 25 ms to make
                self._learn(texts)
            primary, full = self._primary, self._full
        return [t.translate(primary) + _SEPARATOR + t.translate(full) for t in texts]

    def learn(self, texts: Sequence[str]) -> None:
        """Ranks the characters of `texts` ahead of a sort (the background check does)."""
        with self._lock:
            self._learn(texts)

    def _learn(self, texts: Sequence[str]) -> None:
        chars = set(_SEPARATOR.join(texts))
        if not chars <= self._known:
            self._known |= chars
            self._rank(self._known)

    def _rank(self, chars: set[str]) -> None:
        from PySide6.QtCore import QCollator, QLocale

        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        exact = QCollator(locale)
        caseless = QCollator(locale)
        caseless.setCaseSensitivity(QtCore.Qt.CaseSensitivity.CaseInsensitive)
        # Both at once: the worker thread may rank while the window sorts.
        self._full, self._primary = self._table(chars, exact), self._table(chars, caseless)

    @staticmethod
    def _table(chars: set[str], collator: Any) -> dict[int, str]:
        table: dict[int, str] = {}
        ordered = sorted(chars, key=functools.cmp_to_key(collator.compare))
        rank = 0
        previous = ""
        for char in ordered:
            if collator.compare(char, "") == 0:  # ignorable: no weight at all
                table[ord(char)] = ""
                continue
            if previous and collator.compare(previous, char) != 0:
                rank += 1
            previous = char
            table[ord(char)] = chr(rank + 1)  # above the separator
        return table


@functools.cache
def _rules() -> Any:
    """The rules and labels, imported when a row first needs them (not before the first paint)
    and then looked up as attributes: an import statement per row costs microseconds under
    PySide's import hook, 50,000 times over."""
    import types

    from app.messages import KIND_LABELS, LEGAL_STATUS_LABELS, label
    from app.models.patent_number import PatentKind, parse
    from app.models.patent_rules import check_patent
    from app.models.register_checks import check_row
    from app.models.term import patent_expiry

    return types.SimpleNamespace(
        KIND_LABELS=KIND_LABELS, LEGAL_STATUS_LABELS=LEGAL_STATUS_LABELS, label=label,
        PatentKind=PatentKind, parse=parse, check_patent=check_patent, check_row=check_row,
        patent_expiry=patent_expiry,
    )


_today_cache: list[Any] = [-1e9, None]  # [when asked, the date]


def _today() -> Any:
    """Today's date, asked of the clock at most once a second: `date.today()` imports the
    time module on every call, which PySide's import hook makes cost some 10 µs, 50,000 times
    over when every row's cells are worked out for a sort."""
    now = time.monotonic()
    if now - _today_cache[0] > 1.0:
        import datetime as dt

        _today_cache[:] = [now, dt.date.today()]
    return _today_cache[1]


class _Label(dict[Any, str]):
    """A label table's wording in one language, each key looked up once."""

    def __init__(self, table: Any, language: str) -> None:
        super().__init__()
        self._table = table
        self._language = language

    def __missing__(self, key: Any) -> str:
        text = self[key] = _rules().label(self._table, key, self._language) if key else ""
        return text


class _Labels(tuple[_Label, _Label]):
    """(types, legal states) in the current language."""

    @classmethod
    def now(cls) -> _Labels:
        m = _rules()
        language = i18n.language()
        return cls((_Label(m.KIND_LABELS, language), _Label(m.LEGAL_STATUS_LABELS, language)))


class RegisterRow:
    """One patent of the register: the plain tuple the store read (app.models.register_table),
    with its cells and findings worked out when first needed.

    A plain class with slots rather than a dataclass: 50,000 of them are built at start, and
    the dataclasses module is one import fewer before the window's first paint. The record's
    `PatentFields` is made from the tuple each time it is asked for (a record opened, a check):
    keeping 50,000 of them beside the tuples would cost tens of MB and, made at load, a third
    of the time to paint.
    """

    __slots__ = ("_cells", "_findings", "_overridden", "_parts", "order", "patent_id", "raw")

    def __init__(self, raw: RegisterTuple, order: int = 0) -> None:
        self.patent_id: int = raw[0]
        self.raw = raw
        self.order = order  # its place in the model's search text
        self._cells: tuple[str, ...] | None = None
        self._overridden = False
        self._findings: list[Finding] | None = None
        # (type's value, expiry as text) as the checks found them, until the sort keys are
        # made from them.
        self._parts: tuple[str | None, str] | None = None

    @property
    def fields(self) -> PatentFields:
        return fields_of(self.raw)

    @property
    def title(self) -> str:
        return self.raw[TITLE]  # type: ignore[no-any-return]

    @property
    def patentees_text(self) -> str:
        return "、".join(self.raw[PATENTEES])

    def search_source(self) -> str:
        # The store keeps valid numbers normalised (201710601862.3), so the stored text is what
        # a clerk types; parsing 50,000 numbers here would cost a second at start.
        raw = self.raw
        return " ".join((raw[NUMBER], raw[TITLE], *raw[PATENTEES]))

    @property
    def search_text(self) -> str:
        return fold(self.search_source())

    def prepare(self, today: Any) -> None:
        """Works out the findings (what the background check does per row), keeping the type
        and expiry the rules worked out on the way for the sort keys that follow."""
        if self._findings is None:
            self.take(*_rules().check_row(self.raw, today))

    def take(self, findings: list[Finding], kind: str | None, expiry: str) -> None:
        """What the checks found (on the worker thread or in the worker process)."""
        self._findings = findings
        self._parts = (kind, expiry)

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = _rules().check_patent(self.fields, today=_today())
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
        # What check_row works out the same way (prepare takes it from there).
        m = _rules()
        raw = self.raw
        number = m.parse(raw[NUMBER], today=_today())
        kind = number.kind
        if kind is None and raw[KIND]:
            try:
                kind = m.PatentKind(raw[KIND])
            except ValueError:
                kind = None
        expiry = m.patent_expiry(
            kind, day(raw[FILING]), max(raw[COMPENSATION] or 0, 0), day(raw[OVERRIDE])
        )
        return self._cells_of(number, kind, expiry)

    def sort_keys(self, labels: _Labels | None = None) -> tuple[str, str, str]:
        """The type, expiry and legal status cells (the keys of those columns' sorts); from
        what the checks worked out when they have run, not parsing the number again.
        `labels`: the wording of types and states, when asked for many rows."""
        if self._cells is None and self._parts is not None:
            kind, expiry = self._parts
            self._parts = None  # used once: 50,000 of them are a few MB
            kinds, states = labels or _Labels.now()
            return kinds[kind], expiry, states[self.raw[STATUS]]
        cells = self._cells or self._make_cells()
        return cells[Column.KIND], cells[Column.EXPIRY], cells[Column.LEGAL_STATUS]

    def _cells_of(self, number: Any, kind: Any, expiry: Any) -> tuple[str, ...]:
        m = _rules()
        language = i18n.language()
        raw = self.raw
        self._overridden = bool(expiry and expiry.overridden)
        return (
            "",
            number.number.official if number.number else raw[NUMBER],
            raw[TITLE],
            m.label(m.KIND_LABELS, kind.value, language) if kind else "",
            "、".join(raw[PATENTEES]),
            raw[FILING] or "",
            expiry.date.isoformat() if expiry else "",
            m.label(m.LEGAL_STATUS_LABELS, raw[STATUS], language),
        )

    @property
    def expiry_overridden(self) -> bool:
        self.cells()
        return self._overridden


class PatentTableModel(QAbstractTableModel):
    checks_finished = Signal()  # every record checked (emitted from the worker, queued)
    # From this many records to check, a worker process checks part of them beside the
    # worker thread: below it, its start (about 0.2 s of the other core) would not pay.
    process_rows = 5000
    process_chunk = 2000  # rows the process and the thread take at a time

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RegisterRow] = []  # shown: the filter's hits, in sort order
        self._all: list[RegisterRow] = []  # every record, in sort order
        self._loaded: list[RegisterRow | None] = []  # by RegisterRow.order; None: gone
        self._by_id_cache: dict[int, int] | None = {}
        self._version = 0  # counts changes of the records, for the cached orders
        self._orders: dict[int, tuple[tuple[int, str], list[RegisterRow]]] = {}
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
        self._needle = ""
        # Folded search text of every loaded row joined by _SEPARATOR, and where each starts;
        # made at the first filter, extended by upsert.
        self._haystack: str | None = None
        self._starts: list[int] = []
        self._hits: bytearray | None = None  # by order, while a filter is set
        self._collation = Collation()
        self._search_lock = threading.Lock()  # the worker may build the haystack meanwhile
        self._checker: threading.Thread | None = None
        # The worker process: started ahead (start_check_process) until the checks take it
        # with the job it was given (version, day, rows); the one the checks run with.
        self._process: Any = None
        self._process_job: tuple[int, Any, list[RegisterRow]] | None = None
        self._running_process: Any = None
        self.checked_by_process = 0  # rows the last checks took from the process
        self.process_peak_mb = 0.0  # its peak resident memory, as it reported it
        self._check_generation = 0
        self._checked_generation = 0

    # Loading ----------------------------------------------------------------------------

    def load(self, records: Iterable[tuple[int, PatentFields]]) -> None:
        """Shows these records (id, fields) in this order."""
        self.load_table([tuple_of(patent_id, fields) for patent_id, fields in records])

    def load_table(self, table: Iterable[RegisterTuple]) -> None:
        """Shows the register as `Store.register_table` reads it (plain tuples, in order)."""
        self.beginResetModel()
        self._check_generation += 1  # a running check leaves the old rows alone
        self._version += 1
        self._all = [RegisterRow(raw, order) for order, raw in enumerate(table)]
        self._loaded = list(self._all)
        self._haystack = None
        self._hits = None
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self._rows = self._filtered()
        self._reindex()
        self.endResetModel()

    def upsert(self, patent_id: int, fields: PatentFields) -> int | None:
        """Replace or add one record; returns its row (None when the filter hides it)."""
        record = RegisterRow(tuple_of(patent_id, fields), len(self._loaded))
        self._version += 1
        with self._search_lock:
            self._loaded.append(record)
            if self._haystack is not None:
                text = fold_joined([record.search_source()])[0]
                self._starts.append(len(self._haystack) + 1)
                self._haystack += _SEPARATOR + text
        shown = True
        if self._hits is not None:
            shown = self._needle in fold(record.search_source())
            self._hits.append(shown)
        old = next((i for i, r in enumerate(self._all) if r.patent_id == patent_id), None)
        if old is not None:
            self._loaded[self._all[old].order] = None
            self._all[old] = record
        else:
            self._all.append(record)
        row = self._by_id.get(patent_id)
        if row is not None and shown:
            self._rows[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
            return row
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._reindex()
            self.endRemoveRows()
            return None
        if not shown:
            return None
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(record)
        self._by_id[patent_id] = row
        self.endInsertRows()
        return row

    def remove_ids(self, patent_ids: Iterable[int]) -> None:
        gone = set(patent_ids)
        self._version += 1
        for record in self._all:
            if record.patent_id in gone:
                self._loaded[record.order] = None
        self._all = [r for r in self._all if r.patent_id not in gone]
        rows = sorted((self._by_id[i] for i in gone if i in self._by_id), reverse=True)
        for row in rows:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        self._reindex()

    def _reindex(self) -> None:
        self._by_id_cache = None  # made when first asked for: a sort need not pay for it

    @property
    def _by_id(self) -> dict[int, int]:
        if self._by_id_cache is None:
            self._by_id_cache = {r.patent_id: i for i, r in enumerate(self._rows)}
        return self._by_id_cache

    def set_offer_marks(self, marks: dict[int, tuple[str, bool]]) -> None:
        self._offer_marks = dict(marks)
        self._orders.pop(Column.OFFER, None)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.OFFER), self.index(len(self._rows) - 1, Column.OFFER)
            )

    def offer_mark(self, patent_id: int) -> tuple[str, bool] | None:
        return self._offer_marks.get(patent_id)

    def offer_text(self, patent_id: int) -> str:
        mark = self._offer_marks.get(patent_id)
        return "" if mark is None else self.offer_text_of(mark)

    # Filtering: one search over every row's text ---------------------------------------

    @property
    def needle(self) -> str:
        return self._needle

    def set_needle(self, needle: str) -> None:
        """Shows only the records whose folded number, title or patentees contain `needle`
        (already folded); "" shows all. Selection and current row stay where still shown."""
        if needle == self._needle:
            return
        self._needle = needle
        self._hits = self._search(needle) if needle else None
        self._relayout(self._filtered)

    def _filtered(self) -> list[RegisterRow]:
        hits = self._hits
        if hits is None:
            return list(self._all)
        return [r for r in self._all if hits[r.order]]

    def _build_haystack(self) -> None:
        source = self._loaded
        loaded = list(source)
        texts = fold_joined([r.search_source() if r else "" for r in loaded])
        starts = []
        position = 0
        for text in texts:
            starts.append(position)
            position += len(text) + 1
        with self._search_lock:
            if self._haystack is None and self._loaded is source and len(source) == len(loaded):
                self._haystack = _SEPARATOR.join(texts)
                self._starts = starts

    def _search(self, needle: str) -> bytearray:
        while self._haystack is None:
            self._build_haystack()
        with self._search_lock:
            haystack, starts = self._haystack, self._starts
        hits = bytearray(len(starts))
        find = haystack.find
        position = find(needle)
        while position >= 0:
            order = bisect.bisect_right(starts, position) - 1
            hits[order] = 1
            if order + 1 >= len(starts):
                break
            position = find(needle, starts[order + 1])
        return hits

    def _relayout(self, arrange: Callable[[], list[RegisterRow]]) -> None:
        """Re-arranges the shown rows (sort, filter) keeping persistent indexes (selection,
        current row) on their records; those no longer shown become invalid."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [
            self._rows[i.row()].patent_id if 0 <= i.row() < len(self._rows) else None
            for i in persistent
        ]
        self._rows = arrange()
        self._reindex()
        moved = []
        for patent_id, index in zip(ids, persistent, strict=True):
            row = self._by_id.get(patent_id) if patent_id is not None else None
            moved.append(QModelIndex() if row is None else self.index(row, index.column()))
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # Checking every record, off the UI thread ------------------------------------------

    def start_check_process(self) -> None:
        """Starts the worker process on the loaded rows when there are enough of them for it
        to pay (`process_rows`), so that its start and part of the checks overlap what the
        window does meanwhile (the database opening); `start_checks` then takes it over. Not
        before the rows are painted: a process start costs the UI thread some ms."""
        if self._process is not None:
            return
        rows = [r for r in self._loaded if r is not None and r._findings is None]
        if len(rows) >= self.process_rows:
            today = _today()
            self._process = self._new_process(rows, today)
            self._process_job = (self._version, today, rows)

    def _new_process(self, rows: list[RegisterRow], today: Any) -> Any:
        from app.models.register_checks import CheckProcess

        try:
            return CheckProcess([r.raw for r in rows], today, self.process_chunk)
        except Exception as exc:  # no process here (limits, a frozen copy gone wrong …)
            import logging

            logging.getLogger(__name__).warning("checking on one core: %r", exc)
            return None

    def start_checks(self) -> None:
        """Checks every record not yet checked on a worker thread (with a worker process
        taking part of the rows when there are many), then works out the orders of the
        columns whose keys cost most (text collation, type, expiry, problems);
        `checks_finished` when done."""
        self._check_generation += 1
        generation = self._check_generation
        pending = [r for r in self._all if r._findings is None]
        process, self._process = self._process, None
        job, self._process_job = self._process_job, None
        if not pending and self._haystack is not None:
            if process is not None:
                process.kill()
            self._checker = None
            self._checked_generation = generation
            self.checks_finished.emit()
            return
        rows = list(self._all)
        version = self._version
        self._running_process = process
        self.checked_by_process = 0

        def run() -> None:
            nonlocal process, pending
            import datetime as dt

            today = dt.date.today()
            try:
                process, pending = self._share(pending, process, job, version, today)
                # The driver's repeated strings kept once, before this thread adds its own.
                shared: dict[Any, Any] = {}
                for record in rows:
                    record.raw = compact(record.raw, shared)
                del shared
                # First what the first filter and the first sort by text would wait for.
                if self._haystack is None:
                    self._build_haystack()
                self._collation.learn(
                    [r.raw[TITLE] for r in rows] + [r.patentees_text for r in rows]
                )
                for column in (Column.TITLE, Column.PATENTEES):
                    if generation != self._check_generation:
                        return
                    self.ascending(column, version, learnt=True)
                if not self._check_all(pending, process, today, generation):
                    return
                for column in (Column.EXPIRY, Column.MARKER):
                    if generation != self._check_generation:
                        return
                    self.ascending(column, version)
            finally:
                if generation == self._check_generation:
                    self._running_process = None
                    self._checked_generation = generation
                    try:
                        self.checks_finished.emit()
                    except RuntimeError:  # the model was deleted meanwhile
                        pass
                if process is not None:
                    process.close()  # after the signal: the figures need not wait for it

        self._checker = threading.Thread(target=run, name="register-checks", daemon=True)
        self._checker.start()

    def _share(self, pending: list[RegisterRow], process: Any, job: Any, version: int,
               today: Any) -> tuple[Any, list[RegisterRow]]:
        """The worker process to share `pending` with (None: this thread checks them all),
        and the rows to check: those the process started ahead was given, when still the
        model's."""
        if process is not None and job is not None and job[:2] == (version, today):
            return process, job[2]
        if process is not None:
            process.submit([r.raw for r in pending], today, self.process_chunk)
        elif len(pending) >= self.process_rows:
            process = self._running_process = self._new_process(pending, today)
        return process, pending

    def _check_all(self, pending: list[RegisterRow], process: Any, today: Any,
                   generation: int) -> bool:
        """Checks `pending` on this (worker) thread, sharing the rows with the worker process
        when there is one: the process from the last chunk down, this thread from the first
        up, until they meet (app.models.register_checks). False when cancelled."""
        if process is None:
            for record in pending:
                if generation != self._check_generation:
                    return False
                record.prepare(today)
            return True
        chunk, chunks = process.chunk, process.chunks
        ahead = 0  # the next chunk this thread checks
        while ahead < chunks and ahead < process.poll_done():
            if generation != self._check_generation:
                return False
            for record in pending[ahead * chunk:(ahead + 1) * chunk]:
                record.prepare(today)
            ahead += 1
        if generation != self._check_generation:
            return False
        got = process.finish() if ahead < chunks else None
        if got is not None:
            from app.models.register_checks import Decoder

            low, results = got
            decoder = Decoder()
            start = max(low, ahead) * chunk
            for record, (found, kind, expiry) in zip(
                    pending[start:], results[start - low * chunk:], strict=True):
                record.take(decoder.findings(found), kind, expiry)
            self.checked_by_process = len(pending) - start
            self.process_peak_mb = process.peak_rss_kb / 1024
            return True
        # What neither has checked (the process died, or was stopped before it got there).
        for record in pending[ahead * chunk:]:
            if generation != self._check_generation:
                return False
            record.prepare(today)  # skips the rows already checked
        return True

    @property
    def checking(self) -> bool:
        """True from `start_checks` until its worker has checked every record."""
        return self._checked_generation != self._check_generation

    def stop_checks(self, timeout: float | None = None) -> None:
        """Cancels the checks under way (the window closes, another register is shown): the
        worker process, if any, is ended at once, the thread after the row in hand."""
        self._check_generation += 1
        for process in (self._process, self._running_process):
            if process is not None:
                process.kill()
        self._process = self._process_job = None
        if self._checker is not None:
            self._checker.join(timeout)

    # Access -----------------------------------------------------------------------------

    def record(self, row: int) -> RegisterRow:
        return self._rows[row]

    def row_of(self, patent_id: int) -> int | None:
        """The row showing the record (None when there is none or the filter hides it)."""
        return self._by_id.get(patent_id)

    def find(self, patent_id: int) -> RegisterRow | None:
        """The record, shown or filtered out."""
        return next((r for r in self._all if r.patent_id == patent_id), None)

    def search_text(self, row: int) -> str:
        return self._rows[row].search_text

    def records(self) -> Sequence[RegisterRow]:
        """Every record, shown or filtered out, in sort order."""
        return self._all

    def total_count(self) -> int:
        return len(self._all)

    def error_count(self) -> int:
        """Records with errors (checks every record not yet checked)."""
        return sum(1 for r in self._all if r.severity == 2)

    # Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        if orientation != QtCore.Qt.Orientation.Horizontal:
            return None
        return self.header_text(section, role)

    def header_text(self, section: int, role: int = DISPLAY_ROLE) -> str | None:
        """A column's title (DISPLAY_ROLE) or tooltip (TOOLTIP_ROLE). The window's header shows
        them from a model of its own: Qt calls a Python `headerData` with a `Qt.Orientation`,
        which before the first paint would make the whole `Qt` namespace's enum types."""
        if role == DISPLAY_ROLE:
            return self._headers[section]
        if role == TOOLTIP_ROLE and section == Column.MARKER:
            return self.tr("Problems found in the record")
        return None

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = index.column()
        if column == Column.OFFER:
            if role == DISPLAY_ROLE:
                return self.offer_text(record.patent_id)
            if role == FOREGROUND_ROLE:
                mark = self._offer_marks.get(record.patent_id)
                if mark is not None and mark[1]:
                    return QBrush(WARNING_COLOUR)
            if role == TOOLTIP_ROLE:
                mark = self._offer_marks.get(record.patent_id)
                if mark is not None and mark[1]:
                    return self.tr("The data changed after the PDFs were made: generate them "
                                   "again before printing.")
            if role == ID_ROLE:
                return record.patent_id
            return None
        if role == DISPLAY_ROLE:
            text = record.cells()[column]
            if column == Column.EXPIRY and text and record.expiry_overridden:
                return self.tr("%1 (entered)").replace("%1", text)
            return text
        if role == ID_ROLE:
            return record.patent_id
        if column == Column.MARKER:
            if role == DECORATION_ROLE:
                severity = record.severity
                if severity == 0:
                    return None
                error_icon, warning_icon = self._marker_icons()
                return error_icon if severity == 2 else warning_icon
            if role == TOOLTIP_ROLE:
                return self.problems_text(record) or None
            if role == ACCESSIBLE_TEXT_ROLE:
                return self.problems_text(record)
            if role == SEVERITY_ROLE:
                return record.severity
        if role == TOOLTIP_ROLE:
            if column == Column.EXPIRY and record.expiry_overridden:
                note = record.raw[NOTE]
                return self.tr("Entered by hand") + (f": {note}" if note else "")
            if column in (Column.TITLE, Column.PATENTEES):
                return record.cells()[column] or None
        if role == FONT_ROLE and column == Column.EXPIRY:
            if record.expiry_overridden:
                font = QFont()
                font.setItalic(True)
                return font
        if role == FOREGROUND_ROLE and column == Column.NUMBER:
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

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        if order is None:
            order = QtCore.Qt.SortOrder.AscendingOrder
        self._sort = (column, order)

        def arrange() -> list[RegisterRow]:
            self._sort_rows(column, order)
            return self._filtered()

        self._relayout(arrange)

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        ascending = self.ascending(column)
        descending = order == QtCore.Qt.SortOrder.DescendingOrder
        self._all = ascending[::-1] if descending else list(ascending)

    def ascending(self, column: int, version: int | None = None,
                  learnt: bool = False) -> list[RegisterRow]:
        """Every record in the column's ascending order: worked out once per state of the
        records (and language), then a sort is a copy. The worker thread calls this for the
        title and patentee columns with the version its rows were taken at, `learnt` when it
        has ranked their characters (an order made from rows of another version is not
        kept, so one made from characters not all ranked is never used)."""
        stamp = (self._version if version is None else version, i18n.language())
        cached = self._orders.get(column)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        rows = [r for r in list(self._loaded) if r is not None]  # in load order: by number
        keys: Sequence[Any]
        if column == Column.MARKER:
            keys = [r.severity for r in rows]
        elif column == Column.OFFER:
            marks = self._offer_marks
            texts: dict[tuple[str, bool] | None, str] = {None: ""}
            for mark in set(marks.values()):
                texts[mark] = self.offer_text_of(mark)
            keys = [texts[marks.get(r.patent_id)] for r in rows]
        elif column in (Column.TITLE, Column.PATENTEES):
            if column == Column.TITLE:
                strings = [r.raw[TITLE] for r in rows]
            else:
                strings = [r.patentees_text for r in rows]
            ordered = [rows[i] for i in self._collation.order(strings, learnt=learnt)]
            if stamp[0] == self._version:
                self._orders[column] = (stamp, ordered)
            return ordered
        elif column == Column.NUMBER:
            # The cell without "ZL": the stored number (normalised when valid, else as typed).
            keys = [r.raw[NUMBER].removeprefix("ZL") for r in rows]
        elif column == Column.FILING_DATE:
            # ISO text sorts as the dates do; an empty cell first.
            keys = [r.raw[FILING] or "" for r in rows]
        else:
            # Cells made for the keys are not kept (50,000 rows of them are 30 MB; a row's are
            # made again in microseconds when it is shown); made once for every such column.
            wanted = (Column.KIND, Column.EXPIRY, Column.LEGAL_STATUS)
            labels = _Labels.now()
            parts = [r.sort_keys(labels) for r in rows]
            ordered = []
            for place, other in enumerate(wanted):
                keys = [part[place] for part in parts]
                done = [rows[i] for i in sorted(range(len(rows)), key=keys.__getitem__)]
                if stamp[0] == self._version:
                    self._orders[other] = (stamp, done)
                if other == column:
                    ordered = done
            return ordered
        ordered = [rows[i] for i in sorted(range(len(rows)), key=keys.__getitem__)]
        if stamp[0] == self._version:
            self._orders[column] = (stamp, ordered)
        return ordered

    def offer_text_of(self, mark: tuple[str, bool]) -> str:
        from app.ui.offer_editor import state_label

        state, out_of_date = mark
        text = state_label(state)
        return text + " · " + self.tr("PDF out of date") if out_of_date else text


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


class PatentFilterProxy(QIdentityProxyModel):
    """Filters on number, title and patentees by asking the source model to (see the module
    docstring); leaves sorting to the source model too. Rows map one to one."""

    @property
    def needle(self) -> str:
        source = self.sourceModel()
        return source.needle if source is not None else ""  # type: ignore[attr-defined, no-any-return]

    def set_needle(self, text: str) -> None:
        needle = number_needle(text)
        if needle is None:
            needle = fold(text.strip())
            if needle.startswith("zl"):
                needle = needle[2:]
        source = self.sourceModel()
        if source is not None:
            source.set_needle(needle)  # type: ignore[attr-defined]

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        # The header asks the proxy; the source sorts in one Python pass.
        source = self.sourceModel()
        if source is not None:
            source.sort(column, QtCore.Qt.SortOrder.AscendingOrder if order is None else order)

    def patent_id(self, proxy_row: int) -> int:
        return int(self.index(proxy_row, 0).data(ID_ROLE))
