"""First start and the sample register in the main window: the window asks and shows; what
a first start is, and loading or removing the sample, are use cases (app/usecases/register.py).

- A register without the unit's name asks for the unit's details first (the organisation
  dialog); an empty one may instead open the sample register to explore.
- The sample register is marked in the title and by a banner above the table, with its
  removal one click away; restoring a backup or importing a list into it first removes it, so
  the sample never mixes with real records.
- 帮助 → 使用说明 walks through the Hubei and Henan submissions (app/ui/guide_dialog.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui import i18n, interaction
from app.ui.early_qt import set_property


class FirstStartGuide(QObject):
    # The main window (app.ui.main_window.MainWindow), not imported: it imports this module.
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.guide_action = QAction(self.tr("&How to use Licence Desk…"), window)
        self.guide_action.setToolTip(self.tr("The Hubei and Henan submissions, step by step"))
        self.guide_action.triggered.connect(self.show_guide)
        self.sample_action = QAction(self.tr("Open the &sample register"), window)
        self.sample_action.setToolTip(
            self.tr("Fill the empty register with an invented unit's patents to explore"))
        self.sample_action.triggered.connect(self.load_sample)
        self.remove_sample_action = QAction(self.tr("&Remove the sample register"), window)
        self.remove_sample_action.setToolTip(
            self.tr("Delete the sample and everything added to it, in one step"))
        self.remove_sample_action.triggered.connect(self.remove_sample)
        self.actions = (self.guide_action, self.sample_action, self.remove_sample_action)
        self.sample_action.setEnabled(False)
        self.remove_sample_action.setEnabled(False)
        self.is_sample = False

        self.banner = QWidget()
        self.banner.setObjectName("sample_banner")
        self.banner.setStyleSheet(
            "#sample_banner { background: #fff4c2; border-bottom: 1px solid #d9b84a; }")
        self.banner_label = QLabel(self.tr(
            "<b>Sample register</b> — 示例大学（样例） and its patents are invented, for "
            "exploring only. Anything added here is removed with the sample."))
        self.banner_label.setObjectName("sample_banner_text")
        self.banner_label.setWordWrap(True)
        set_property(self.banner_label, "textFormat", "RichText")  # before the first paint
        self.banner_button = QPushButton(self.tr("Remove the sample register"))
        self.banner_button.setObjectName("remove_sample")
        self.banner_button.clicked.connect(self.remove_sample)
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.banner_label, 1)
        row.addWidget(self.banner_button)
        self.banner.hide()
        # The banner sits above the register's table and findings pane.
        central = window.takeCentralWidget()
        holder = QWidget()
        holder.setObjectName("register_holder")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        if central is not None:
            column.addWidget(central, 1)
        window.setCentralWidget(holder)

    # State --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Follow the register: the title and banner mark the sample; the menu offers what
        applies (the sample only on an empty register, its removal only on the sample)."""
        from app.usecases.register import first_start

        store = self.window.store
        start = first_start(store) if store is not None else None
        self.is_sample = bool(start and start.is_sample)
        self.sample_action.setEnabled(bool(start and start.sample_offered))
        self.remove_sample_action.setEnabled(self.is_sample)
        self.banner.setVisible(self.is_sample)
        title = self.window._title()
        if self.is_sample:
            title += " — " + self.tr("sample register (示例大学（样例）)")
        self.window.setWindowTitle(title)

    # What the clerk is asked ----------------------------------------------------------------

    def ask(self) -> str:
        """Once the register is open: a register without the unit's name asks for it (and, when
        empty, offers the sample). Returns what was done: "unit", "sample", "later" or ""."""
        from app.usecases.register import first_start

        store = self.window.store
        if store is None:
            return ""
        start = first_start(store)
        if not start.needs_unit_details:
            return ""
        text = self.tr(
            "Welcome. Licence Desk fills the provincial forms from the unit's details and its "
            "patents. Start with the unit's name, address and contacts.")
        if start.sample_offered:
            text += "\n\n" + self.tr(
                "To look around first, open the sample register: an invented unit, "
                "示例大学（样例）, with three patents. It is removed in one step (Help → Remove "
                "the sample register) and cannot mix with your records.")
        choice = interaction.first_start_choice(
            self.window, self.tr("First start"), text, start.sample_offered)
        if choice == "unit":
            self.window.edit_organisation()
        elif choice == "sample":
            self.load_sample()
        return choice

    def show_guide(self) -> None:
        from app.ui.guide_dialog import GuideDialog

        dialog = GuideDialog(self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def load_sample(self) -> bool:
        from app.messages import describe
        from app.usecases.register import load_sample

        store = self.window.store
        if store is None:
            return False
        loaded = load_sample(store)
        if loaded.refused:
            interaction.critical(self.window, self.tr("Sample register"), "\n".join(
                describe(p, i18n.language()) for p in loaded.problems))
            return False
        self.window.reload()
        return True

    def remove_sample(self) -> bool:
        from app.messages import describe
        from app.usecases.register import remove_sample

        store = self.window.store
        if store is None or not interaction.confirm(
                self.window, self.tr("Remove the sample register"),
                self.tr("Remove the sample register and everything added to it?"),
                self.tr("The register is then empty, ready for your unit's records.")):
            return False
        removal = remove_sample(store)
        if not removal.removed:
            interaction.critical(self.window, self.tr("Remove the sample register"), "\n".join(
                describe(f, i18n.language()) for f in removal.findings))
            return False
        self.window.reload()
        return True

    def clear_before_import(self) -> bool:
        """Before real records come in: a sample register is removed first (the clerk agrees)
        so that they never mix. False: the clerk kept the sample; nothing is imported."""
        if not self.is_sample:
            return True
        return self.remove_sample()
