"""Date fields that can be empty and accept the ways clerks write dates.

QDateEdit cannot be empty and rewrites what is typed; a patent often has no grant date yet.
This line edit accepts 2017-07-21, 2017.7.21, 2017/7/21, 2017年7月21日 and 20170721 (full-width
digits too), keeps whatever was typed, and tells whether it is a date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QWidget

_SEPARATED = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$")
_CHINESE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ALLOWED = re.compile(r"^[\d\-./年月日 ]*$")


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return text.replace("。", ".").replace(" ", "").strip()


def parse_date(text: str) -> tuple[dt.date | None, bool]:
    """(date, readable): empty text is (None, True); text that is not a date is (None, False)."""
    cleaned = _clean(text)
    if not cleaned:
        return None, True
    for pattern in (_SEPARATED, _CHINESE, _COMPACT):
        match = pattern.match(cleaned)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day), True
            except ValueError:
                return None, False
    return None, False


class DateValidator(QValidator):
    """Lets through only what can become a date; never blocks an incomplete one."""

    def validate(self, text: str, pos: int) -> object:
        cleaned = unicodedata.normalize("NFKC", text)
        if not _ALLOWED.match(cleaned):
            return QValidator.State.Invalid, text, pos
        date, readable = parse_date(text)
        if date is not None or (readable and not cleaned.strip()):
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos


class DateField(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(DateValidator(self))
        self.setPlaceholderText(QCoreApplication.translate("DateField", "e.g. 2017-07-21"))
        self.setClearButtonEnabled(True)
        self.setMaximumWidth(200)
        self.editingFinished.connect(self._tidy)

    def date(self) -> dt.date | None:
        return parse_date(self.text())[0]

    def is_readable(self) -> bool:
        return parse_date(self.text())[1]

    def set_date(self, value: dt.date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def _tidy(self) -> None:
        # A readable date is shown in one notation once the clerk leaves the field; anything
        # else stays exactly as typed.
        date = self.date()
        if date is not None and self.text() != date.isoformat():
            self.setText(date.isoformat())
