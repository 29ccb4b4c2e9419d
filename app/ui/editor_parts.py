"""Pieces the record editors share (information sheet, deal, summary book)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

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
