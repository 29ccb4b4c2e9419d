"""A message under a field: red for errors, amber for warnings, and the field's border to match."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.messages import describe
from app.models.findings import Finding, Severity
from app.ui import i18n

ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5a00"

# Applied to a dialog: fields whose `severity` property is set get a coloured border.
FIELD_STYLE = f"""
QLineEdit[severity="error"], QPlainTextEdit[severity="error"], QSpinBox[severity="error"] {{
    border: 1px solid {ERROR_COLOUR}; border-radius: 2px; padding: 2px;
}}
QLineEdit[severity="warning"], QPlainTextEdit[severity="warning"],
QSpinBox[severity="warning"] {{
    border: 1px solid {WARNING_COLOUR}; border-radius: 2px; padding: 2px;
}}
"""


class FieldMessage(QLabel):
    """Shows the findings about one field (hidden when there are none).

    Its room stays when it is hidden: one line from the start, and as many as it has shown
    since. A message appearing or going away under one field must not move the fields below
    it while the clerk is aiming at them (a clerk aiming at 未许可 clicked 已许可 when a
    message above pushed the choices down). Only a message longer than any before it can still
    push them, once."""

    def __init__(self, field: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.severity = ""
        self._reserved = 0  # the tallest height shown so far (at the width then)
        self.setWordWrap(True)
        # As tall as its lines and no taller: a layout with height to spare must not hand it
        # to the message (the text would float away from its field, or be drawn over it).
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)
        self.setObjectName("field_message")

    def show_findings(self, findings: Sequence[Finding], extra: Sequence[str] = ()) -> None:
        """`extra` are the window's own errors (e.g. an unreadable date), shown first."""
        language = i18n.language()
        lines = [*extra, *(describe(f, language) for f in findings)]
        if extra or any(f.severity is Severity.ERROR for f in findings):
            severity = "error"
        elif findings:
            severity = "warning"
        else:
            severity = ""
        self.show_text("\n".join(lines), severity)

    def set_reserve(self, reserve: bool) -> None:
        """Whether the message keeps its room while hidden (off for the fields of an
        alternative that is not chosen: they have no message to show)."""
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(reserve)
        self.setSizePolicy(policy)
        if not reserve:
            self._reserved = 0
        self.updateGeometry()

    def _one_line(self) -> int:
        margins = self.contentsMargins()
        return one_line_height(self) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self._one_line(), self._reserved))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._one_line(), self._reserved))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        own = super().heightForWidth(width) if self.text() else 0
        return max(own, self._one_line(), self._reserved)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.text() and self.isVisible():
            self._reserved = max(self._reserved, super().heightForWidth(self.width()))

    def show_text(self, text: str, severity: str) -> None:
        self.severity = severity if text else ""
        self.setText(text)
        colour = ERROR_COLOUR if self.severity == "error" else WARNING_COLOUR
        self.setStyleSheet(f"color: {colour};" if text else "")
        self.setVisible(bool(text))
        if self.field is not None and self.field.property("severity") != self.severity:
            self.field.setProperty("severity", self.severity)
            # Property selectors are only re-read when the style is re-applied.
            style = self.field.style()
            style.unpolish(self.field)
            style.polish(self.field)
            self.field.update()


def one_line_height(widget: QWidget) -> int:
    """A line of the widget's text, Chinese included (a fallback CJK font has taller lines
    than the Latin font's own line spacing)."""
    metrics = widget.fontMetrics()
    sample = metrics.boundingRect(QRect(0, 0, 10000, 1000), int(Qt.TextFlag.TextWordWrap),
                                  "中文 Ag")
    return max(metrics.lineSpacing(), sample.height())


QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for widget sizes


class FieldBox(QVBoxLayout):
    """A field, its message under it, and nothing else: given more height than it needs (a
    taller neighbour in a grid row, a form with room to spare), it lays its items out at the
    top and leaves the rest empty below them, so that the field stays level with its caption
    and the message right under the field. A plain QVBoxLayout would share the height out as
    gaps between them. Only a field that can grow (a text box without a fixed height) takes
    the extra height itself.

    The box claims no more room than before (its hints are QVBoxLayout's): a stretch item in
    it would make every form row with a message an expanding row and spread the form out."""

    def __init__(self, field: QWidget) -> None:
        super().__init__()
        self.field = field

    def setGeometry(self, rect: QRect) -> None:
        if not grows_vertically(self.field):
            if self.hasHeightForWidth():
                needed = self.heightForWidth(rect.width())
            else:
                needed = self.sizeHint().height()
            if 0 < needed < rect.height():
                rect = QRect(rect.x(), rect.y(), rect.width(), needed)
        super().setGeometry(rect)


def grows_vertically(widget: QWidget) -> bool:
    """Whether the widget takes height it is offered (a text box or list without a fixed
    height)."""
    expands = bool(widget.sizePolicy().expandingDirections() & Qt.Orientation.Vertical)
    return expands and widget.maximumHeight() > widget.minimumHeight()


def field_box(widget: QWidget, message: QWidget, hint: QWidget | None = None) -> FieldBox:
    """A field with its message under it (and a hint between them, if given).

    A narrow field (a date, a figure) sits in a row with a stretch: a vertical box is only as
    wide as its narrowest child allows, and the message would wrap at the field's width and be
    cut off."""
    box = FieldBox(widget)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    if widget.maximumWidth() < QWIDGETSIZE_MAX:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget)
        row.addStretch(1)
        box.addLayout(row)
    else:
        box.addWidget(widget)
    if hint is not None:
        box.addWidget(hint)
    box.addWidget(message)
    return box


def with_message(widget: QWidget) -> tuple[QWidget, FieldMessage]:
    """A widget holding `widget` with its message under it (for the settings dialogs' forms),
    and the message."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    message = FieldMessage(widget)
    column.addWidget(message)
    return box, message
