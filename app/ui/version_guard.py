"""Concurrent clerks in the window (issue 16): noticing changes made elsewhere, the bar an open
editor shows when its record changed, and the merge dialog when a save meets a newer version.

- `ChangeWatch`: one per open register. Every few seconds while a window is visible, and when
  the application regains focus, it asks for the change stamps (one small query,
  app.usecases.versions.table_stamps) and emits `changed` with the tables that moved.
- `VersionGuard`: what an editor adds to know the version it loaded. It passes that version
  to the save, keeps it with the autosaved draft (so a draft restored tomorrow still knows what
  it was typed over), shows `ChangedElsewhereBar` when the record changes elsewhere, and on a
  refused save opens `MergeDialog`: theirs against mine, field by field, in the form's labels.
  The decisions themselves (which side a field keeps) are app.models.merge's; the dialog
  only shows the comparison and gathers the clerk's picks.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.messages import field_label
from app.models.findings import Finding
from app.models.merge import Comparison, Side, value_text
from app.models.store import Store
from app.ui import i18n
from app.usecases.versions import (
    RecordVersion,
    record_version,
    resolve,
    table_stamps,
)
from app.usecases.versions import compare as compare_payloads

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 5000
DRAFT_BASE_KEY = "_version_base"  # in an editor draft: the version the typing began from
CHANGED_ELSEWHERE = "record.changed_elsewhere"
CLASH_COLOUR = "#fff1c2"


# Noticing changes made elsewhere -------------------------------------------------------------

class ChangeWatch(QObject):
    """Looks at the change stamps of one register: periodically while a window of the
    application is visible, and when the application becomes active again."""

    changed = Signal(object)  # frozenset of table names

    def __init__(self, store: Store, parent: QObject | None = None,
                 interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.store = store
        self._last: dict[str, tuple[Any, ...]] | None = None
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self._tick)
        app = QApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._state_changed)  # type: ignore[attr-defined]

    def start(self) -> None:
        if self._last is None:
            self._last = self._stamps()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _stamps(self) -> dict[str, tuple[Any, ...]] | None:
        try:
            return table_stamps(self.store)
        except Exception:  # the server out of reach for a moment: look again next time
            log.warning("change stamps could not be read", exc_info=True)
            return None

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self._timer.isActive():
            self.check()

    def _tick(self) -> None:
        if any(w.isVisible() for w in QApplication.topLevelWidgets()):
            self.check()

    def check(self) -> frozenset[str]:
        """Look now; the tables that changed since the last look (also emitted)."""
        stamps = self._stamps()
        if stamps is None:
            return frozenset()
        before, self._last = self._last, stamps
        if before is None:
            return frozenset()
        moved = frozenset(t for t, stamp in stamps.items() if before.get(t) != stamp)
        if moved:
            self.changed.emit(moved)
        return moved


_watches: dict[int, ChangeWatch] = {}


def watch_for(store: Store, parent: QObject | None = None) -> ChangeWatch:
    """The register's watch (one per open register, made on first use, by the main window
    normally; it looks periodically only once started)."""
    watch = _watches.get(id(store))
    if watch is None or not shiboken6.isValid(watch) or watch.store is not store:
        watch = ChangeWatch(store, parent or QCoreApplication.instance())
        _watches[id(store)] = watch
    return watch


def forget_watch(store: Store) -> None:
    watch = _watches.pop(id(store), None)
    if watch is not None:
        watch.stop()
        watch.deleteLater()


# The bar an editor shows ---------------------------------------------------------------------

class ChangedElsewhereBar(QFrame):
    """此记录已被某某于某时修改 — 重新载入 / 比较."""

    reload_clicked = Signal()
    compare_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changed_elsewhere_bar")
        self.setStyleSheet("#changed_elsewhere_bar { background: #fff4ce; "
                           "border: 1px solid #e0b252; border-radius: 3px; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setObjectName("changed_elsewhere_text")
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setObjectName("changed_elsewhere_reload")
        self.reload_button.setAutoDefault(False)
        self.reload_button.clicked.connect(self.reload_clicked.emit)
        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_button.setObjectName("changed_elsewhere_compare")
        self.compare_button.setAutoDefault(False)
        self.compare_button.clicked.connect(self.compare_clicked.emit)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.compare_button)
        self.hide()

    def show_changed(self, stored: RecordVersion) -> None:
        self.label.setText(self.tr("This record was changed by %1 at %2.")
                           .replace("%1", stored.by or self.tr("another clerk"))
                           .replace("%2", stored.at_text() or "?"))
        self.reload_button.show()
        self.compare_button.show()
        self.show()

    def show_deleted(self) -> None:
        self.label.setText(self.tr("This record was deleted elsewhere. Saving creates it "
                                   "again with what is typed here."))
        self.reload_button.hide()
        self.compare_button.hide()
        self.show()


# The merge dialog ----------------------------------------------------------------------------

@dataclass(frozen=True)
class MergeAnswer:
    """What the clerk chose: "theirs", "mine" or "picked" (with the picks)."""

    choice: str
    picks: Mapping[str, Side]


class MergeDialog(QDialog):
    """Theirs against mine, one row per field that differs; a choice per row, and buttons to
    take theirs, keep mine, or merge as chosen. Closing it decides nothing: the clerk's edit
    stays in the editor and in its draft."""

    def __init__(self, comparison: Comparison, stored: RecordVersion,
                 caption: Callable[[str], str], shown: Callable[[str, Any], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle(self.tr("Changed by another clerk"))
        self.comparison = comparison
        self.answer: MergeAnswer | None = None
        self._combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        who = stored.by or self.tr("another clerk")
        intro = QLabel(self.tr(
            "%1 saved this record at %2, after you opened it, so your changes were not saved. "
            "Nothing you typed is lost: it is kept as a draft until you decide.")
            .replace("%1", who).replace("%2", stored.at_text() or "?"))
        intro.setObjectName("merge_intro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        clashes = len(comparison.clashes)
        if clashes:
            note = QLabel(self.tr("Fields you both changed are highlighted: %1.")
                          .replace("%1", str(clashes)))
            note.setObjectName("merge_clashes")
            layout.addWidget(note)

        table = QTableWidget(len(comparison.differences), 4, self)
        table.setObjectName("merge_table")
        table.setHorizontalHeaderLabels([
            self.tr("Field"), self.tr("Theirs (%1)").replace("%1", who), self.tr("Mine"),
            self.tr("Keep")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(True)
        for row, difference in enumerate(comparison.differences):
            items = [QTableWidgetItem(caption(difference.name)),
                     QTableWidgetItem(shown(difference.name, difference.theirs)),
                     QTableWidgetItem(shown(difference.name, difference.mine))]
            for column, item in enumerate(items):
                item.setToolTip(item.text())
                if difference.clash:
                    item.setBackground(QColor(CLASH_COLOUR))
                table.setItem(row, column, item)
            if difference.clash:
                bold = QFont(items[0].font())
                bold.setBold(True)
                items[0].setFont(bold)
            combo = QComboBox()
            combo.setObjectName(f"merge_pick_{difference.name}")
            combo.addItem(self.tr("Theirs"), Side.THEIRS.value)
            combo.addItem(self.tr("Mine"), Side.MINE.value)
            combo.setCurrentIndex(combo.findData(difference.default.value))
            self._combos[difference.name] = combo
            table.setCellWidget(row, 3, combo)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()
        self.table = table
        layout.addWidget(table, 1)

        buttons = QHBoxLayout()
        self.theirs_button = self._button(self.tr("Take theirs"), "merge_take_theirs",
                                          lambda: self._answer("theirs"))
        self.theirs_button.setToolTip(self.tr("Load the record as they saved it; your changes "
                                              "are dropped."))
        self.mine_button = self._button(self.tr("Keep mine"), "merge_keep_mine",
                                        lambda: self._answer("mine"))
        self.mine_button.setToolTip(self.tr("Your changes win; what only they changed is "
                                            "kept too."))
        self.picked_button = self._button(self.tr("Merge as chosen"), "merge_picked",
                                          lambda: self._answer("picked"))
        self.later_button = self._button(self.tr("Decide later"), "merge_later", self.reject)
        self.later_button.setToolTip(self.tr("Close this comparison; your changes stay in the "
                                             "editor and in its draft."))
        buttons.addWidget(self.theirs_button)
        buttons.addWidget(self.mine_button)
        buttons.addStretch(1)
        buttons.addWidget(self.picked_button)
        buttons.addWidget(self.later_button)
        layout.addLayout(buttons)
        self.picked_button.setDefault(True)
        self.resize(820, min(640, 190 + 34 * len(comparison.differences)))

    def _button(self, text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def picks(self) -> dict[str, Side]:
        return {name: Side(str(combo.currentData())) for name, combo in self._combos.items()}

    def pick(self, name: str, side: Side) -> None:
        combo = self._combos[name]
        combo.setCurrentIndex(combo.findData(side.value))

    def _answer(self, choice: str) -> None:
        self.answer = MergeAnswer(choice, self.picks())
        self.accept()


def ask_merge(parent: QWidget, comparison: Comparison, stored: RecordVersion,
              caption: Callable[[str], str], shown: Callable[[str, Any], str]
              ) -> MergeAnswer | None:
    """Show the comparison and wait for the clerk (tests replace this function)."""
    dialog = MergeDialog(comparison, stored, caption, shown, parent)
    dialog.exec()
    return dialog.answer


# What an editor adds -------------------------------------------------------------------------

class Guarded(Protocol):
    """What an editor gives its guard: its payload (read and set), the stored record as a
    payload, where its first payload is kept, saving, autosaving and dropping its draft, and
    its fields' captions and widgets (the merge dialog's words)."""

    captions: dict[str, str]
    field_widgets: dict[str, QWidget]

    def payload(self) -> dict[str, Any]: ...
    def _set_payload(self, payload: dict[str, Any]) -> None: ...
    def stored_payload(self) -> dict[str, Any]: ...
    def set_initial(self, payload: dict[str, Any]) -> None: ...
    def save(self) -> bool: ...
    def autosave(self) -> None: ...
    def discard_version_draft(self) -> None: ...


class VersionGuard(QObject):
    """The version an editor loaded, and what happens when the record changes elsewhere.

    The editor (a `Guarded` widget) gives the record's kind and key (app.models.record_stamps).
    It calls `loaded` after showing the stored record, `restore_draft` with a draft before
    applying it, `draft_payload` when autosaving, `expected_version` when saving, `saved`
    after a save, and `refused` with the findings of a refused save. The guard holds its
    editor weakly: an editor deleted outright (a kill) leaves nothing behind."""

    def __init__(self, editor: QWidget, store: Store, kind: str, key: Any) -> None:
        super().__init__(editor)
        self._editor = weakref.ref(editor)
        self.store = store
        self.kind = kind
        self.key = key
        self.version: int | None = None  # the version the clerk's typing began from
        self.base: dict[str, Any] | None = None  # the record as it was at that version
        self.bar = ChangedElsewhereBar(editor)
        self.bar.reload_clicked.connect(self.reload)
        self.bar.compare_clicked.connect(self.compare)
        self._watch = watch_for(store)
        self._watch.changed.connect(self._tables_changed)

    @property
    def editor(self) -> Any:
        editor = self._editor()
        if editor is None:
            raise RuntimeError("the editor is gone")
        return editor

    def _payload(self) -> dict[str, Any]:
        return dict(self.editor.payload())

    def _set_payload(self, payload: dict[str, Any]) -> None:
        self.editor._set_payload(payload)

    def _set_initial(self, payload: dict[str, Any]) -> None:
        self.editor.set_initial(dict(payload))

    def _save(self) -> bool:
        return bool(self.editor.save())

    def _save_draft(self) -> None:
        self.editor.autosave()

    def _discard_draft(self) -> None:
        self.editor.discard_version_draft()

    # Loading, drafts, saving -----------------------------------------------------------------

    def loaded(self, key: Any, base: dict[str, Any]) -> None:
        """The editor shows the stored record `key` as `base`. A record not stored yet under a
        key given beforehand (an offer of a patent, a book of a month) is version 0: another
        clerk creating it meanwhile is then a newer version too."""
        self.key = key
        stored = record_version(self.store, self.kind, key)
        self.version = stored.version if stored is not None else 0
        self.base = dict(base)
        self.bar.hide()

    def restore_draft(self, draft: dict[str, Any] | None) -> dict[str, Any] | None:
        """The draft without its version note; a draft typed over an older version keeps that
        version, so saving it meets the newer one instead of overwriting it."""
        if not draft:
            return draft
        draft = dict(draft)
        note = draft.pop(DRAFT_BASE_KEY, None)
        if isinstance(note, dict) and isinstance(note.get("version"), int) \
                and self.version is not None and note["version"] != self.version:
            self.version = int(note["version"])
            base = note.get("payload")
            self.base = dict(base) if isinstance(base, dict) else None
            QTimer.singleShot(0, self.check)
        return draft

    def draft_payload(self, payload: dict[str, Any]) -> dict[str, Any]:
        if self.version is None:
            return payload
        return {**payload, DRAFT_BASE_KEY: {"version": self.version, "payload": self.base}}

    def expected_version(self) -> int | None:
        return self.version

    def saved(self, key: Any) -> None:
        """A save went through: the editor now holds the stored version."""
        self.key = key
        stored = record_version(self.store, self.kind, key)
        self.version = stored.version if stored is not None else None
        self.base = self._payload() if stored is not None else None
        self.bar.hide()

    def refused(self, findings: Sequence[Finding]) -> bool | None:
        """A save refused because the record is newer: keep the draft, show the comparison.
        True when the clerk's merge was then saved, False when not (yet); None when the
        refusal was for another reason (the editor shows it as before)."""
        if not any(f.code == CHANGED_ELSEWHERE for f in findings):
            return None
        self._save_draft()  # whatever happens next, nothing typed is lost
        self.check()
        return self.compare()

    # Changes elsewhere -----------------------------------------------------------------------

    def _tables_changed(self, tables: frozenset[str]) -> None:
        if self.kind in tables and self._editor() is not None:
            self.check()

    def check(self) -> RecordVersion | None:
        """Show the bar when the stored record is newer than the one the editor holds."""
        if self.version is None:
            return None
        stored = record_version(self.store, self.kind, self.key)
        if stored is None:
            if self.version:
                self.bar.show_deleted()
            else:
                self.bar.hide()
        elif stored.version != self.version:
            self.bar.show_changed(stored)
        else:
            self.bar.hide()
        return stored

    def reload(self) -> None:
        """Show the stored record; with unsaved changes, compare first (nothing typed is
        dropped without the clerk choosing so)."""
        if self._payload() != self.base:
            self.compare()
            return
        self._take(self._theirs(), record_version(self.store, self.kind, self.key))

    def compare(self) -> bool:
        """Theirs against mine; True when the clerk's merge was saved."""
        stored = record_version(self.store, self.kind, self.key)
        if stored is None:
            self.bar.show_deleted()
            return False
        mine = self._payload()
        theirs = self._theirs()
        comparison = compare_payloads(self.base, mine, theirs)
        if not comparison.differences:  # they saved what the clerk has: nothing to decide
            self._take(theirs, stored)
            return False
        answer = ask_merge(self.editor, comparison, stored, self.caption, self.shown)
        if answer is None:
            return False  # decide later: the edit and its draft stay as they are
        merged = resolve(comparison, answer.choice, answer.picks)
        if answer.choice == "theirs":
            self._take(theirs, stored)
            return False
        self._set_payload(merged)
        self.version, self.base = stored.version, theirs
        self._set_initial(theirs)
        self.bar.hide()
        self._save_draft()
        return self._save()

    def _take(self, theirs: dict[str, Any], stored: RecordVersion | None) -> None:
        self._set_payload(theirs)
        self._set_initial(theirs)
        self.version = stored.version if stored is not None else None
        self.base = theirs
        self._discard_draft()
        self.bar.hide()

    def _theirs(self) -> dict[str, Any]:
        """The stored record as the editor's payload (read through the editor's own widgets,
        so both sides are written the same way)."""
        mine = self._payload()
        self._set_payload(self.editor.stored_payload())
        theirs = self._payload()
        self._set_payload(mine)
        return theirs

    # Words -----------------------------------------------------------------------------------

    def caption(self, name: str) -> str:
        text = str(getattr(self.editor, "captions", {}).get(name, ""))
        if text:
            return text.replace("&", "").rstrip("：:* ").strip()
        return field_label(name, i18n.language())

    def shown(self, name: str, value: Any) -> str:
        own = getattr(self.editor, "shown_value", None)
        if own is not None:
            text = own(name, value)
            if text is not None:
                return str(text)
        widget = getattr(self.editor, "field_widgets", {}).get(name)
        empty = QCoreApplication.translate("VersionGuard", "(empty)")
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index >= 0 and widget.itemText(index):
                return widget.itemText(index)
        if isinstance(widget, QCheckBox) or isinstance(value, bool):
            return (QCoreApplication.translate("VersionGuard", "Yes") if value
                    else QCoreApplication.translate("VersionGuard", "No"))
        return value_text(value, empty=empty)


def guard_editor(editor: QWidget, store: Store, kind: str, key: Any) -> VersionGuard:
    """The version guard of `editor` (shown record `key` of `kind`): its bar at the top of the
    editor's box layout, and a look again whenever the editor window is activated."""
    guard = VersionGuard(editor, store, kind, key)
    layout = editor.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, guard.bar)
    install_on_focus(editor, guard)
    return guard


def install_on_focus(widget: QWidget, guard: VersionGuard) -> None:
    """Look again when the editor window is activated (the clerk comes back to it)."""

    class _Filter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.WindowActivate:
                guard.check()
            return False

    widget.installEventFilter(_Filter(widget))
