"""The details of an alternative (a fee option, "已实施" in ③, "已许可" in ④) that is not chosen.

They used to be disabled: on most styles a disabled field looks much like an empty one, and a
clerk who clicked into it and typed saw nothing happen. Now such a field looks inactive (greyed
background and text, skipped by Tab) and a click into it chooses its alternative, so what the
clerk types next goes in. Only the chosen alternative's fields are ever read.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

INACTIVE_STYLE = "background: palette(window); color: palette(mid);"


class _ChooseOnClick(QObject):
    def __init__(self, button: QAbstractButton, parent: QObject) -> None:
        super().__init__(parent)
        self.button = button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.MouseButtonPress and isinstance(watched, QWidget)
                and is_inactive(watched) and self.button.isEnabled()):
            self.button.setChecked(True)  # the owner's toggled handler activates the fields
            watched.setFocus(Qt.FocusReason.MouseFocusReason)
        return False


def choose_on_click(fields: Iterable[QWidget], button: QAbstractButton) -> None:
    """A click into any of `fields` while inactive checks `button` (their alternative)."""
    for field in fields:
        field.installEventFilter(_ChooseOnClick(button, field))


def set_active(field: QWidget, active: bool) -> None:
    field.setEnabled(True)
    if field.property("inactive") is (not active):
        return
    field.setProperty("inactive", not active)
    field.setFocusPolicy(Qt.FocusPolicy.StrongFocus if active else Qt.FocusPolicy.ClickFocus)
    field.setStyleSheet("" if active else INACTIVE_STYLE)
    field.setToolTip("" if active else QCoreApplication.translate(
        "ChoiceFields", "Click here to choose this option"))


def is_inactive(field: QWidget) -> bool:
    return bool(field.property("inactive"))
