"""Creating the information sheets of several patents at once."""

from __future__ import annotations

import datetime as dt

from app.models.fees import FeeKind
from app.models.offers import OfferFields
from app.models.patent_rules import PatentFields
from app.models.store import ContactData, OrganisationData, Store
from app.ui.bulk_offers_dialog import BulkOffersDialog

TODAY = dt.date(2026, 11, 21)


def test_shared_defaults_with_expiry_capped_per_patent(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    store.save_organisation(OrganisationData(
        name="武汉大学", address="武汉市八一路299号", postcode="430072",
        contacts=(ContactData(name="李老师", mobile="13912345678", email="kjc@whu.edu.cn"),),
    ))
    invention = store.save_patent(PatentFields(
        "201710601862.3", "图像识别方法", ("武汉大学",), dt.date(2017, 7, 21), dt.date(2019, 3, 5)
    )).record_id
    # A utility model filed in 2018 ends on 2028-01-09: 5 years from today would pass it.
    utility = store.save_patent(PatentFields(
        "201820045678.5", "一种夹具", ("武汉大学",), dt.date(2018, 1, 10), dt.date(2018, 9, 1)
    ))
    assert utility.saved and utility.findings == [], utility.findings
    done = store.save_patent(PatentFields(
        "202010566088.9", "另一方法", ("武汉大学",), dt.date(2020, 6, 19), dt.date(2022, 1, 4)
    )).record_id
    store.save_offer(done, OfferFields(other_terms="已有"))  # type: ignore[arg-type]

    ids = [invention, utility.record_id, done]
    dialog = BulkOffersDialog(store, ids, today=TODAY)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert dialog.contact_edits["name"].text() == "李老师"
    dialog.none_both.setChecked(True)
    dialog.expiry_years.setChecked(True)
    dialog.years.setValue(5)
    dialog.fee_panel.buttons[FeeKind.LUMP_SUM].click()
    dialog.fee_panel.edits["days"].setText("30")  # type: ignore[attr-defined]
    dialog.fee_panel.edits["amount_yuan"].setText("50000")  # type: ignore[attr-defined]
    dialog.single_term.setText("3年")

    outcome = dialog.create_sheets()
    assert (outcome.created, outcome.skipped, outcome.with_errors) == (2, 1, 0)

    first = store.offer_for_patent(invention)  # type: ignore[arg-type]
    second = store.offer_for_patent(utility.record_id)  # type: ignore[arg-type]
    assert first is not None and second is not None
    assert first.licence_expiry == dt.date(2031, 11, 21)
    assert second.licence_expiry == dt.date(2028, 1, 9)  # capped at the patent's last day
    fields = OfferFields.of(first)
    assert fields.fee == {"option": "lump_sum", "days": 30, "amount_yuan": "50000"}
    assert (fields.self_exploitation, fields.licensing) == ("none", "none")
    assert fields.contact.email == "kjc@whu.edu.cn"
    assert OfferFields.of(store.offer_for_patent(done)).other_terms == "已有"  # type: ignore[arg-type]
