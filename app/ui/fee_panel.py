"""⑥ 许可使用费标准: the five fee options as one radio group, each with its sentence and fields.

Shared by the offer editor and the dialog that creates offers for several patents at once.
Only the chosen option's fields are active (the others look inactive, and a click into one
chooses its option), so two options can never be ticked. What is typed is
kept as text; app.models.fees reads it and the rules report what is wrong.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.models.fees import OPTION_PARAMETERS, FeeKind, InstalmentPeriod
from app.ui.choice_fields import choose_on_click, set_active
from app.ui.field_message import FieldMessage

# The parameter fields of each option, in the order of its sentence on the form.
FEE_FIELDS: dict[FeeKind, tuple[str, ...]] = OPTION_PARAMETERS


def _small_edit(name: str, width: int = 90) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setFixedWidth(width)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    return edit


class FeePanel(QWidget):
    changed = Signal()
    choice_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[FeeKind, QRadioButton] = {}
        self.edits: dict[str, QWidget] = {}
        self.messages: dict[str, FieldMessage] = {}
        self.field_widgets: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._build(layout)
        self.messages["fee.option"] = FieldMessage(self.buttons[FeeKind.FREE])
        self.field_widgets["fee.option"] = self.buttons[FeeKind.FREE]
        layout.addWidget(self.messages["fee.option"])
        for widget in self.edits.values():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.changed)
        self.group.buttonToggled.connect(self._toggled)
        self.update_enabled()

    def _register(self, name: str, widget: QWidget) -> FieldMessage:
        message = FieldMessage(widget)
        self.messages[name] = message
        self.field_widgets[name] = widget
        return message

    def _build(self, layout: QVBoxLayout) -> None:
        def option(kind: FeeKind, parts: list[Any]) -> None:
            """One option: its radio button and its sentence with the fields inline."""
            button = QRadioButton()
            button.setObjectName(f"fee_{kind.value}")
            self.group.addButton(button)
            self.buttons[kind] = button
            grid = QGridLayout()
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(4)
            grid.addWidget(button, 0, 0, Qt.AlignmentFlag.AlignTop)
            line = QHBoxLayout()
            line.setSpacing(4)
            lines = QVBoxLayout()
            lines.setSpacing(4)
            for part in parts:
                if part == "\n":
                    line.addStretch(1)
                    lines.addLayout(line)
                    line = QHBoxLayout()
                    line.setSpacing(4)
                elif isinstance(part, str):
                    text = QLabel(part)
                    line.addWidget(text)
                else:
                    name, widget = part
                    self.edits[name] = widget
                    line.addWidget(widget)
            line.addStretch(1)
            lines.addLayout(line)
            grid.addLayout(lines, 0, 1)
            grid.setColumnStretch(1, 1)
            layout.addLayout(grid)
            choose_on_click([self.edits[name] for name in FEE_FIELDS[kind]], button)
            for name in FEE_FIELDS[kind]:
                message = self._register(f"fee.{name}", self.edits[name])
                message.setContentsMargins(24, 0, 0, 0)
                layout.addWidget(message)

        option(FeeKind.FREE, [self.tr("Free of charge.")])
        option(FeeKind.ENTRY_PLUS_ROYALTY, [
            self.tr("Entry fee plus royalty: an entry fee of"),
            ("entry_fee_yuan", _small_edit("fee.entry_fee_yuan", 110)), self.tr("yuan,"), "\n",
            self.tr("and a royalty of"),
            ("royalty_percent", _small_edit("fee.royalty_percent", 70)),
            self.tr("% of the year's net sales of contract products."),
        ])
        option(FeeKind.LUMP_SUM, [
            self.tr("Lump sum: within"), ("days", _small_edit("fee.days", 60)),
            self.tr("days after the contract takes effect, all fees paid in full:"),
            ("amount_yuan", _small_edit("fee.amount_yuan", 110)), self.tr("yuan."),
        ])
        period = QComboBox()
        period.setObjectName("fee.period")
        period.addItem(self.tr("(period)"), "")
        period.addItem(self.tr("month"), InstalmentPeriod.MONTH.value)
        period.addItem(self.tr("quarter"), InstalmentPeriod.QUARTER.value)
        period.addItem(self.tr("year"), InstalmentPeriod.YEAR.value)
        option(FeeKind.INSTALMENTS, [
            self.tr("Instalments within a total: within"),
            ("first_days", _small_edit("fee.first_days", 60)),
            self.tr("days after the contract takes effect,"), "\n",
            self.tr("a first payment of"),
            ("first_yuan", _small_edit("fee.first_yuan", 110)), self.tr("yuan;"), "\n",
            self.tr("then within"), ("period_days", _small_edit("fee.period_days", 60)),
            self.tr("days before the end of each accounting"), ("period", period), "\n",
            self.tr("in"), ("batches", _small_edit("fee.batches", 50)),
            self.tr("batches of"), ("each_yuan", _small_edit("fee.each_yuan", 110)),
            self.tr("yuan each;"), "\n",
            self.tr("in all, including the first,"), ("count", _small_edit("fee.count", 50)),
            self.tr("payments totalling"), ("total_yuan", _small_edit("fee.total_yuan", 110)),
            self.tr("yuan."),
        ])
        other = QLineEdit(objectName="fee.text")
        other.setMinimumWidth(320)
        option(FeeKind.OTHER, [self.tr("Another clear and reasonable fee standard:"),
                               ("text", other)])

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.update_enabled()
            self.choice_changed.emit()

    def update_enabled(self) -> None:
        chosen = self.fee_kind()
        for kind, names in FEE_FIELDS.items():
            for name in names:
                set_active(self.edits[name], kind is chosen)
                self.messages[f"fee.{name}"].set_reserve(kind is chosen)

    def fee_kind(self) -> FeeKind | None:
        for kind, button in self.buttons.items():
            if button.isChecked():
                return kind
        return None

    def fee_data(self) -> dict[str, Any]:
        """The chosen option with what is typed in its own fields (text kept as typed)."""
        kind = self.fee_kind()
        if kind is None:
            return {}
        data: dict[str, Any] = {"option": kind.value}
        for name in FEE_FIELDS[kind]:
            widget = self.edits[name]
            if isinstance(widget, QComboBox):
                value = widget.currentData() or ""
            else:
                value = widget.text().strip()  # type: ignore[attr-defined]
            if value:
                data[name] = value
        return data
