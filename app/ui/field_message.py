"""A message under a field: red for errors, amber for warnings, and the field's border to match."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

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
    """Shows the findings about one field (hidden when there are none)."""

    def __init__(self, field: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.severity = ""
        self.setWordWrap(True)
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


QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for widget sizes


def field_box(widget: QWidget, message: QWidget) -> QVBoxLayout:
    """A field with its message under it. A narrow field (a date, a figure) sits in a row with
    a stretch: a vertical box is only as wide as its narrowest child allows, and the message
    would wrap at the field's width and be cut off."""
    box = QVBoxLayout()
    box.setSpacing(2)
    if widget.maximumWidth() < QWIDGETSIZE_MAX:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget)
        row.addStretch(1)
        box.addLayout(row)
    else:
        box.addWidget(widget)
    box.addWidget(message)
    return box
