"""Pieces the record editors share (information sheet, deal, summary book)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QWidget

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


def plain(widget: QWidget) -> QWidget:
    """Group box titles are bold; their contents are not."""
    font = widget.font()
    font.setBold(False)
    widget.setFont(font)
    return widget
