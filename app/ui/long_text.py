"""A long text section of a form, with what the notice asks for beside it and a live count.

Reviewers cut over-long answers, and the clerk writes these sections (自评, 工作指标, 工作举措 …)
without the template in front of them. `LongTextField` puts the notice's guidance for the
section beside the box (shown, and not printed unless the form itself prints it) and counts the
characters as they are typed, against the notice's limit when it states one (the count turns
red past it). The count is what a reviewer counts: every character but line breaks.

The editors register `field.edit` as the field (its message, its border, the findings panel's
jump) exactly as they would a bare QPlainTextEdit.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.ui.field_message import ERROR_COLOUR


def character_count(text: str) -> int:
    """Characters as a reviewer counts them: line breaks are not characters."""
    return sum(1 for ch in text if ch not in "\r\n")


def count_text(count: int, limit: int | None) -> str:
    if limit is None:
        return QCoreApplication.translate("LongTextField", "%1 characters").replace(
            "%1", f"{count:,}")
    return QCoreApplication.translate("LongTextField", "%1 of %2 characters").replace(
        "%1", f"{count:,}").replace("%2", f"{limit:,}")


class LongTextField(QWidget):
    """The text box (`edit`), its count under it (`count_label`) and the guidance beside it
    (`guidance_label`, hidden when there is none)."""

    textChanged = Signal()

    def __init__(self, name: str, *, guidance: str = "", limit: int | None = None,
                 lines: int = 8, message: QWidget | None = None, printed: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_field")
        self.limit = limit
        self.edit = QPlainTextEdit(objectName=name)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 12)
        self.count_label = QLabel(objectName=f"{name}_length")
        # Most templates' bracketed guidance is an instruction, not part of the form; the
        # summary book prints 二's guidance under its heading, and says so.
        if printed:
            title = QCoreApplication.translate("LongTextField", "What the notice asks for")
        else:
            title = QCoreApplication.translate("LongTextField",
                                               "What the notice asks for (not printed)")
        self.guidance_title = QLabel(title)
        self.guidance_title.setStyleSheet("font-weight: bold;")
        self.guidance_label = QLabel(guidance, objectName=f"{name}_guidance")
        self.guidance_label.setWordWrap(True)
        self.guidance_label.setStyleSheet("color: palette(placeholder-text);")
        for label in (self.guidance_title, self.guidance_label):
            label.setVisible(bool(guidance))

        self.left = QVBoxLayout()
        self.left.setContentsMargins(0, 0, 0, 0)
        self.left.addWidget(self.edit, 1)
        if message is not None:
            self.left.addWidget(message)
        self.left.addWidget(self.count_label)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.guidance_title)
        right.addWidget(self.guidance_label)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.left, 3)
        layout.addLayout(right, 2 if guidance else 0)

        self.edit.textChanged.connect(self._changed)
        self._show_count()

    def text(self) -> str:
        return str(self.edit.toPlainText())

    def set_text(self, text: str) -> None:
        if text != self.edit.toPlainText():
            self.edit.setPlainText(text)

    def count(self) -> int:
        return character_count(self.edit.toPlainText())

    def over_limit(self) -> bool:
        return self.limit is not None and self.count() > self.limit

    def _changed(self) -> None:
        self._show_count()
        self.textChanged.emit()

    def _show_count(self) -> None:
        self.count_label.setText(count_text(self.count(), self.limit))
        colour = ERROR_COLOUR if self.over_limit() else "palette(placeholder-text)"
        self.count_label.setStyleSheet(f"color: {colour};")
