"""Pieces the record editors share (information sheet, deal, summary book)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.messages import describe
from app.models.findings import Finding, Severity
from app.ui import i18n, interaction
from app.ui.field_message import ERROR_COLOUR, WARNING_COLOUR, FieldMessage, field_box
from app.ui.version_guard import VersionGuard, guard_editor

if TYPE_CHECKING:
    from app.models.store import Store

HISTORY_LIMIT = 100


class PayloadHistory:
    """Undo and redo over an editor's payload (its fields as plain values).

    A choice is a step of its own; typing is merged into one step after a pause."""

    def __init__(self, first: dict[str, Any], limit: int = HISTORY_LIMIT) -> None:
        self._steps = [first]
        self._index = 0
        self._limit = limit

    def record(self, payload: dict[str, Any]) -> bool:
        if payload == self._steps[self._index]:
            return False
        del self._steps[self._index + 1:]
        self._steps.append(payload)
        if len(self._steps) > self._limit:
            del self._steps[0]
        self._index = len(self._steps) - 1
        return True

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._steps) - 1

    def undo(self) -> dict[str, Any] | None:
        if not self.can_undo():
            return None
        self._index -= 1
        return self._steps[self._index]

    def redo(self) -> dict[str, Any] | None:
        if not self.can_redo():
            return None
        self._index += 1
        return self._steps[self._index]


def group_box(title: str, name: str) -> QGroupBox:
    box = QGroupBox(title)
    box.setObjectName(name)
    font = box.font()
    font.setBold(True)
    box.setFont(font)
    return box


AnyWidget = TypeVar("AnyWidget", bound=QWidget)


def plain(widget: AnyWidget) -> AnyWidget:
    """Group box titles are bold; their contents are not."""
    font = widget.font()
    font.setBold(False)
    widget.setFont(font)
    return widget


@dataclass
class SheetAndFindings:
    """The editors' body: the form scrolling on the left, the findings list on the right."""

    splitter: QSplitter
    scroll: QScrollArea
    state_label: QLabel | None
    findings_title: QLabel
    findings_list: QListWidget


def sheet_and_findings(
    sheet: QWidget,
    on_finding: Callable[[QListWidgetItem], None],
    *,
    with_state: bool,
    sizes: tuple[int, int],
) -> SheetAndFindings:
    """Lay out `sheet` with a findings panel (and the record's state above it if asked);
    clicking or activating a finding calls `on_finding`, which takes the clerk to the field."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(sheet)
    scroll.setFrameShape(QFrame.Shape.NoFrame)

    side = QWidget()
    side_layout = QVBoxLayout(side)
    side_layout.setContentsMargins(0, 0, 0, 0)
    state_label = None
    if with_state:
        state_label = QLabel()
        state_label.setObjectName("state")
        state_label.setWordWrap(True)
        side_layout.addWidget(state_label)
    title = QLabel()
    title.setObjectName("findings_title")
    title.setWordWrap(True)
    side_layout.addWidget(title)
    findings = QListWidget()
    findings.setObjectName("findings")
    findings.setWordWrap(True)
    findings.itemActivated.connect(on_finding)
    findings.itemClicked.connect(on_finding)
    side_layout.addWidget(findings, 1)

    splitter = QSplitter()
    splitter.addWidget(scroll)
    splitter.addWidget(side)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes(list(sizes))
    return SheetAndFindings(splitter, scroll, state_label, title, findings)


def add_editor_shortcuts(dialog: QWidget, save: Callable[[], Any], undo: Callable[[], Any],
                         redo: Callable[[], Any]) -> None:
    """Ctrl+S saves; Ctrl+Shift+Z / Ctrl+Y redo and Ctrl+Alt+Z undo across fields (a field's
    own Ctrl+Z stays the field's)."""
    QShortcut(QKeySequence.StandardKey.Save, dialog, activated=save)
    QShortcut(QKeySequence("Ctrl+Shift+Z"), dialog, activated=redo)
    QShortcut(QKeySequence("Ctrl+Y"), dialog, activated=redo)
    QShortcut(QKeySequence("Ctrl+Alt+Z"), dialog, activated=undo)


def editor_button(text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
    """A button of an editor's button row: named for tests, never the dialog's default (Enter
    in a field must not press it), calling `slot` without the clicked flag."""
    made = QPushButton(text)
    made.setObjectName(name)
    made.setAutoDefault(False)
    made.clicked.connect(lambda _checked=False: slot())
    return made


def read_only_label(text: str = "", name: str = "") -> QLabel:
    """A computed value of a form shown in an editor: wrapped, selectable, not editable."""
    shown = QLabel(text)
    if name:
        shown.setObjectName(name)
    shown.setWordWrap(True)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return shown


class RecordEditor(QDialog):
    """What the information-sheet, deal and summary-book editors share: fields registered
    with a message under each, undo and redo over the payload, a draft kept in the database
    while typing (a crash or a kill loses nothing), and closing that asks before unsaved work
    is lost.

    A subclass builds its widgets (`_register`, `_form_row`), sets `undo_button`,
    `redo_button`, `restored_label`, `_initial` and, via `_start_history`, `history`; and
    provides `payload`, `_set_payload`, `validate`, `save`, `draft_address` and
    `unsaved_question`.
    """

    undo_button: QPushButton
    redo_button: QPushButton
    restored_label: QLabel
    history: PayloadHistory


    def _lay_out(self, body: QWidget, outputs: Sequence[QWidget], actions: Sequence[QWidget],
                 *, gap: int = 0) -> None:
        """The editor's body above its button row (undo and redo at the left; what it writes,
        then `gap` pixels, then save and close at the right), and the editors' shortcuts."""
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        buttons.addStretch(1)
        for widget in outputs:
            buttons.addWidget(widget)
        if gap:
            buttons.addSpacing(gap)
        for widget in actions:
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(body, 1)
        layout.addLayout(buttons)
        add_editor_shortcuts(self, self.save, self.undo, self.redo)
    def __init__(self, store: Store, parent: QWidget | None = None, *, validate_ms: int = 150,
                 draft_ms: int = 500, history_ms: int = 400) -> None:
        super().__init__(parent)
        self.store = store
        self.messages: dict[str, FieldMessage] = {}
        self.field_widgets: dict[str, QWidget] = {}
        self.captions: dict[str, str] = {}  # field → its caption (the merge dialog's words)
        self.guard: VersionGuard | None = None  # the record version (issue 16), when guarded
        self._initial: dict[str, Any] = {}
        self._restoring = False
        self._validate_timer = QTimer(self, singleShot=True, interval=validate_ms)
        self._validate_timer.timeout.connect(self._typing_paused)
        self._draft_timer = QTimer(self, singleShot=True, interval=draft_ms)
        self._draft_timer.timeout.connect(self.autosave)
        self._history_timer = QTimer(self, singleShot=True, interval=history_ms)
        self._history_timer.timeout.connect(self._record_history)

    # What a subclass provides -----------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        raise NotImplementedError

    def _set_payload(self, payload: dict[str, Any]) -> None:
        raise NotImplementedError

    def validate(self) -> list[Finding]:
        raise NotImplementedError

    def save(self) -> bool:
        raise NotImplementedError

    def draft_address(self) -> tuple[str, int | None]:
        """(entity, record key) of this editor's draft in the database."""
        raise NotImplementedError

    def unsaved_question(self) -> str:
        """"This … has changes that are not saved. Save them?", naming the record."""
        raise NotImplementedError

    def _typing_paused(self) -> None:
        self.validate()

    def _before_close(self) -> None:
        """Work to finish before the dialog goes (a file still being written)."""

    # Fields -----------------------------------------------------------------------------

    def _register(self, name: str, widget: QWidget, owner: QWidget | None = None
                  ) -> FieldMessage:
        """`widget` answers for the field `name`; its message (under `owner`, else under
        the widget itself) shows that field's findings."""
        message = FieldMessage(owner if owner is not None else widget)
        message.setObjectName(f"message_{name}")
        self.messages[name] = message
        self.field_widgets[name] = widget
        return message

    def _form_row(self, form: QFormLayout, name: str, caption: str, widget: QWidget) -> QLabel:
        """A captioned row: the field with its message under it, all in the plain font (the
        group box's title is bold, its contents are not)."""
        box = field_box(plain(widget), plain(self._register(name, widget)))
        caption_label = QLabel(caption)
        caption_label.setBuddy(widget)
        self.captions[name] = caption
        form.addRow(plain(caption_label), box)
        return caption_label

    # Drafts and undo --------------------------------------------------------------------

    def _guard_version(self, kind: str, key: Any) -> VersionGuard:
        """Hold the version of the stored record `key` shown as `_initial` (call before
        `_start_history`): saves pass it, the draft keeps it, a bar says when the record
        changed elsewhere, a refused save opens the comparison. The subclass gives
        `stored_payload` and passes `expected_version()` to its save."""
        guard = guard_editor(self, self.store, kind, key)
        if key is not None:
            guard.loaded(key, self._initial)
        self.guard = guard
        return guard

    def stored_payload(self) -> dict[str, Any]:
        """The stored record as this editor's payload (guarded editors)."""
        raise NotImplementedError

    def set_initial(self, payload: dict[str, Any]) -> None:
        self._initial = dict(payload)

    def discard_version_draft(self) -> None:
        self._draft_timer.stop()
        self.store.discard_draft(*self.draft_address())

    def expected_version(self) -> int | None:
        return self.guard.expected_version() if self.guard is not None else None

    def _version_refused(self, findings: Sequence[Finding]) -> bool | None:
        """A save refused by a newer version: the comparison (True when the merge was then
        saved); None when it was refused for something else."""
        return self.guard.refused(findings) if self.guard is not None else None

    def _version_saved(self, key: Any) -> None:
        if self.guard is not None:
            self.guard.saved(key)

    def _start_history(self, initial: dict[str, Any], draft: dict[str, Any] | None,
                       limit: int = HISTORY_LIMIT) -> None:
        """Show `initial` with a restored `draft` over it, said so; undo starts there."""
        if self.guard is not None:
            draft = self.guard.restore_draft(draft)
        if draft:
            self._set_payload({**initial, **draft})
            self.restored_label.setText(QCoreApplication.translate(
                "RecordEditor", "Unsaved changes from last time were restored."))
            self.restored_label.show()
        self.history = PayloadHistory(self.payload(), limit=limit)

    def is_dirty(self) -> bool:
        return self.payload() != self._initial

    def _record_history(self) -> None:
        self._history_timer.stop()
        self.history.record(self.payload())
        self._update_undo_buttons()

    def _list_findings(
        self,
        findings: Sequence[Finding],
        label: Callable[[Finding, str], str],
        target: Callable[[Finding], str] = lambda finding: finding.field,
    ) -> tuple[list[Finding], list[Finding]]:
        """Fill `findings_list` with the errors, then the warnings, each "field：message" in
        its colour and carrying the field to jump to; returns (errors, warnings) for the title
        the editor words in its own terms."""
        language = i18n.language()
        findings_list: QListWidget = self.findings_list  # type: ignore[attr-defined]
        findings_list.clear()
        errors = [f for f in findings if f.is_error]
        warnings = [f for f in findings if f.severity is Severity.WARNING]
        for finding in [*errors, *warnings]:
            item = QListWidgetItem(f"{label(finding, language)}：{describe(finding, language)}")
            item.setData(Qt.ItemDataRole.UserRole, target(finding))
            item.setForeground(QColor(ERROR_COLOUR if finding.is_error else WARNING_COLOUR))
            findings_list.addItem(item)
        return errors, warnings

    def _update_undo_buttons(self) -> None:
        self.undo_button.setEnabled(self.can_undo())
        self.redo_button.setEnabled(self.history.can_redo())

    def can_undo(self) -> bool:
        return self.history.can_undo() or self._history_timer.isActive()

    def undo(self) -> None:
        if self._history_timer.isActive():
            self._record_history()  # what was just typed becomes a step of its own
        self._restore(self.history.undo())

    def redo(self) -> None:
        self._restore(self.history.redo())

    def _restore(self, payload: dict[str, Any] | None) -> None:
        if payload is None:
            return
        self._set_payload(payload)
        self._history_timer.stop()
        self._update_undo_buttons()
        self.validate()
        self._draft_timer.start()

    def autosave(self) -> None:
        """Keep what is typed in the database, so a crash or a kill loses nothing."""
        self._draft_timer.stop()
        if self.is_dirty():
            payload = self.payload()
            if self.guard is not None:
                payload = self.guard.draft_payload(payload)
            self.store.save_draft(*self.draft_address(), payload)
        else:
            self.store.discard_draft(*self.draft_address())

    # Closing ----------------------------------------------------------------------------

    def discard(self) -> None:
        """Close, dropping what was typed since the last save."""
        self.store.discard_draft(*self.draft_address())
        self._close(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        if not self.is_dirty():
            self.discard()
            return
        choice = interaction.save_discard_cancel(
            self, QCoreApplication.translate("RecordEditor", "Unsaved changes"),
            self.unsaved_question(),
        )
        if choice is interaction.Choice.SAVE:
            if self.save():
                self._close(QDialog.DialogCode.Accepted)
        elif choice is interaction.Choice.DISCARD:
            self.discard()

    def _close(self, code: QDialog.DialogCode) -> None:
        for timer in (self._draft_timer, self._validate_timer, self._history_timer):
            timer.stop()
        self._before_close()
        self.done(int(code))
