"""Create the offers of several patents at once, from shared defaults, to adjust one by one after.

Defaults: the fee option and its figures, the licence expiry (each patent's own last day, or N
years from today capped at it), the contact, the open scope, the single term and the declaration
date. A patent that already has an offer is left alone and counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.models.findings import has_errors
from app.models.offers import (
    PROVINCE_WIDE,
    Licensing,
    OfferContact,
    OfferFields,
    SelfExploitation,
    default_licence_expiry,
)
from app.ui.date_input import DateField
from app.ui.fee_panel import FeePanel
from app.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from app.models.entities import Patent
    from app.models.store import SaveResult, Store


@dataclass(frozen=True)
class BulkOutcome:
    created: int
    skipped: int  # already had an offer
    with_errors: int  # created, but with findings to correct before finalising


class BulkOffersDialog(QDialog):
    def __init__(self, store: Store, patent_ids: Sequence[int],
                 parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.patent_ids = list(patent_ids)
        self.today = today or dt.date.today()
        self.outcome: BulkOutcome | None = None
        self.setObjectName("bulk_offers")
        self.setWindowTitle(self.tr("Create information sheets"))
        fit_to_screen(self, 820, 720)

        existing = set(store.offer_states())
        self.already = [pid for pid in self.patent_ids if pid in existing]
        intro = QLabel(
            self.tr("Information sheets will be created for %1 patent(s) with the defaults "
                    "below; adjust each one afterwards.").replace(
                "%1", str(len(self.patent_ids) - len(self.already)))
        )
        intro.setWordWrap(True)
        intro.setObjectName("intro")
        skipped = QLabel(
            self.tr("%1 selected patent(s) already have one and are left as they are.")
            .replace("%1", str(len(self.already)))
        )
        skipped.setVisible(bool(self.already))
        skipped.setStyleSheet("color: palette(placeholder-text);")

        content = QWidget()
        column = QVBoxLayout(content)

        alternatives = QGroupBox(self.tr("③ and ④"))
        alt_layout = QVBoxLayout(alternatives)
        self.none_both = QCheckBox(
            self.tr("Not exploited by the patentee and not licensed to others (choose each "
                    "sheet's own answer otherwise)")
        )
        self.none_both.setObjectName("none_both")
        alt_layout.addWidget(self.none_both)
        column.addWidget(alternatives)

        expiry = QGroupBox(self.tr("⑤ Licence expiry date"))
        expiry_layout = QVBoxLayout(expiry)
        self.expiry_patent = QRadioButton(self.tr("Each patent's own expiry"))
        self.expiry_patent.setObjectName("expiry_patent")
        self.expiry_patent.setChecked(True)
        years_row = QHBoxLayout()
        self.expiry_years = QRadioButton(self.tr("Years from today:"))
        self.expiry_years.setObjectName("expiry_years")
        self.years = QSpinBox()
        self.years.setObjectName("years")
        self.years.setRange(1, 20)
        self.years.setValue(3)
        years_row.addWidget(self.expiry_years)
        years_row.addWidget(self.years)
        years_row.addWidget(QLabel(self.tr("(never past the patent's expiry)")))
        years_row.addStretch(1)
        expiry_layout.addWidget(self.expiry_patent)
        expiry_layout.addLayout(years_row)
        column.addWidget(expiry)

        fee = QGroupBox(self.tr("⑥ Licence fee standard (choose one)"))
        fee_layout = QVBoxLayout(fee)
        self.fee_panel = FeePanel()
        fee_layout.addWidget(self.fee_panel)
        column.addWidget(fee)

        contact_box = QGroupBox(self.tr("⑧ Licensor's contact details"))
        form = QFormLayout(contact_box)
        default = store.default_offer_contact()
        self.contact_edits: dict[str, QLineEdit] = {}
        for name, caption in (("name", self.tr("Recipient")), ("address", self.tr("Address")),
                              ("postcode", self.tr("Postcode")), ("phone", self.tr("Phone")),
                              ("email", self.tr("E-mail"))):
            edit = QLineEdit(getattr(default, name))
            edit.setObjectName(f"contact.{name}")
            self.contact_edits[name] = edit
            form.addRow(caption, edit)
        column.addWidget(contact_box)

        summary = QGroupBox(self.tr("For the summary list and the declaration"))
        summary_form = QFormLayout(summary)
        self.open_scope = QComboBox()
        self.open_scope.setObjectName("open_scope")
        self.open_scope.setEditable(True)
        self.open_scope.addItems([PROVINCE_WIDE])
        self.single_term = QLineEdit()
        self.single_term.setObjectName("single_term")
        self.single_term.setPlaceholderText(self.tr("e.g. 3年"))
        self.declared_on = DateField()
        self.declared_on.setObjectName("declared_on")
        self.declared_on.set_date(self.today)
        summary_form.addRow(self.tr("Open scope"), self.open_scope)
        summary_form.addRow(self.tr("Single licence term"), self.single_term)
        summary_form.addRow(self.tr("Declaration date"), self.declared_on)
        column.addWidget(summary)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(skipped)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignRight)

    def fields_for(self, patent: Patent) -> OfferFields:
        expiry = patent.expiry.date if patent.expiry else None
        years = self.years.value() if self.expiry_years.isChecked() else None
        none_both = self.none_both.isChecked()
        return OfferFields(
            self_exploitation=SelfExploitation.NONE.value if none_both else "",
            licensing=Licensing.NONE.value if none_both else "",
            licence_expiry=default_licence_expiry(expiry, years, self.today),
            fee=self.fee_panel.fee_data() or None,
            contact=OfferContact(**{k: e.text() for k, e in self.contact_edits.items()}),
            open_scope=self.open_scope.currentText(),
            single_term=self.single_term.text(),
            declared_on=self.declared_on.date(),
        )

    def create_sheets(self) -> BulkOutcome:
        results: dict[int, SaveResult] = self.store.create_offers(self.patent_ids,
                                                                  self.fields_for)
        skipped = sum(1 for pid in self.patent_ids if pid in self.already)
        created = [r for pid, r in results.items() if pid not in self.already]
        self.outcome = BulkOutcome(
            created=len(created),
            skipped=skipped,
            with_errors=sum(1 for r in created if has_errors(r.findings)),
        )
        return self.outcome

    def accept(self) -> None:
        self.create_sheets()
        super().accept()
