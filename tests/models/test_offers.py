"""Offers: rules R2–R7 on the information sheet, fee options, lifecycle in the store."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from decimal import Decimal

import pytest

from app import messages
from app.models.fees import FeeKind, read_fee
from app.models.findings import Severity
from app.models.offers import OfferContact, OfferFields, check_offer, default_licence_expiry
from app.models.patent_rules import PatentFields
from app.models.store import Store

TODAY = dt.date(2026, 11, 21)
PATENT = PatentFields(
    number="201710601862.3",
    title="一种基于深度学习的图像识别方法",
    patentees=("武汉大学", "张三"),
    filing_date=dt.date(2017, 7, 21),
    grant_date=dt.date(2019, 3, 5),
)
LAST_DAY = dt.date(2037, 7, 20)
CONTACT = OfferContact("李老师", "湖北省武汉市武昌区八一路299号", "430072", "027-68754321",
                       "kjc@whu.edu.cn")
OFFER = OfferFields(
    self_exploitation="none",
    licensing="none",
    licence_expiry=dt.date(2030, 12, 31),
    fee={"option": "free"},
    contact=CONTACT,
    open_scope="全省",
    single_term="3年",
    declared_on=dt.date(2026, 9, 1),
)


def findings(offer: OfferFields = OFFER, patent: PatentFields = PATENT) -> list:
    return check_offer(offer, patent, today=TODAY)


def codes(offer: OfferFields = OFFER, patent: PatentFields = PATENT) -> dict[str, str]:
    """code → field of every error."""
    return {f.code: f.field for f in findings(offer, patent) if f.is_error}


def test_a_complete_offer_has_no_findings() -> None:
    assert findings() == []


# R3: licence expiry boundaries
def test_licence_expiry_on_the_last_protected_day_passes() -> None:
    assert codes(replace(OFFER, licence_expiry=LAST_DAY)) == {}


def test_licence_expiry_one_day_after_fails_and_names_both_dates() -> None:
    [finding] = [f for f in findings(replace(OFFER, licence_expiry=LAST_DAY + dt.timedelta(1)))]
    assert finding.code == "offer.licence_after_patent_expiry"
    assert finding.field == "licence_expiry"
    text = messages.describe(finding)
    assert "2037-07-21" in text and "2037-07-20" in text


def test_licence_expiry_follows_term_compensation_and_override() -> None:
    compensated = replace(PATENT, term_compensation_days=10)
    assert codes(replace(OFFER, licence_expiry=LAST_DAY + dt.timedelta(10)), compensated) == {}
    overridden = replace(PATENT, expiry_override=dt.date(2030, 6, 30), expiry_override_note="决定")
    assert "offer.licence_after_patent_expiry" in codes(OFFER, overridden)


@pytest.mark.parametrize(
    ("filed", "ok_until"),
    [(dt.date(2021, 5, 31), dt.date(2031, 5, 30)), (dt.date(2021, 6, 1), dt.date(2036, 5, 31))],
)
def test_design_term_boundary_reaches_the_offer(filed: dt.date, ok_until: dt.date) -> None:
    from app.models.patent_number import check_character

    digits = f"{filed.year}30123456"
    design = replace(PATENT, number=f"{digits}.{check_character(digits)}", filing_date=filed,
                     grant_date=filed + dt.timedelta(days=90))
    assert codes(replace(OFFER, licence_expiry=ok_until), design) == {}
    later = replace(OFFER, licence_expiry=ok_until + dt.timedelta(1))
    assert "offer.licence_after_patent_expiry" in codes(later, design)


def test_licence_expiry_must_be_in_the_future_and_after_the_declaration() -> None:
    assert "offer.licence_expiry_not_future" in codes(replace(OFFER, licence_expiry=TODAY))
    late_declaration = replace(OFFER, declared_on=dt.date(2026, 11, 1),
                               licence_expiry=dt.date(2026, 12, 1))
    assert codes(late_declaration) == {}
    assert "offer.required" in codes(replace(OFFER, licence_expiry=None))


# R2
@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"self_exploitation": ""}, "offer.choose_one", "self_exploitation"),
        ({"licensing": ""}, "offer.choose_one", "licensing"),
        ({"self_exploitation": "both"}, "offer.choice_unknown", "self_exploitation"),
        ({"self_exploitation": "implemented"}, "offer.detail_required",
         "self_exploitation_period"),
        ({"licensing": "licensed", "licensing_period": "2020年至今"}, "offer.detail_required",
         "licensing_scope"),
        ({"self_exploitation_scope": "湖北省"}, "offer.detail_not_allowed",
         "self_exploitation_scope"),
    ],
)
def test_alternatives(changes: dict, code: str, field: str) -> None:
    found = [f for f in findings(replace(OFFER, **changes)) if f.code == code]
    assert field in {f.field for f in found}


def test_implemented_with_all_details_passes() -> None:
    offer = replace(OFFER, self_exploitation="implemented", self_exploitation_period="2019年起",
                    self_exploitation_scope="湖北省", self_exploitation_manner="自行生产")
    assert codes(offer) == {}


# R7
@pytest.mark.parametrize("kind", ["exclusive", "sole"])
def test_exclusive_or_sole_licence_blocks_the_offer(kind: str) -> None:
    offer = replace(OFFER, licensing="licensed", licensing_period="2024—2027",
                    licensing_scope="全国", licensing_kind=kind)
    assert codes(offer)["offer.exclusive_licence"] == "licensing_kind"
    ordinary = replace(offer, licensing_kind="ordinary")
    assert codes(ordinary) == {}


@pytest.mark.parametrize("status", ["lapsed", "expired", "invalidated"])
def test_patent_not_in_force(status: str) -> None:
    assert "offer.patent_not_in_force" in codes(patent=replace(PATENT, legal_status=status))


def test_pledged_patent_and_patent_errors_block() -> None:
    assert "offer.patent_pledged" in codes(patent=replace(PATENT, pledged=True))
    bad = [f for f in findings(patent=replace(PATENT, number="201710601862.4"))
           if f.code == "offer.patent_has_errors"]
    assert bad and "校验位 4 不正确" in messages.describe(bad[0])


# R4
@pytest.mark.parametrize(
    ("fee", "code", "field"),
    [
        (None, "fee.option_missing", "fee.option"),
        ({"option": "entry_plus_royalty", "royalty_percent": 5}, "fee.parameter_missing",
         "fee.entry_fee_yuan"),
        ({"option": "entry_plus_royalty", "entry_fee_yuan": 10000, "royalty_percent": 0},
         "fee.parameter_not_positive", "fee.royalty_percent"),
        ({"option": "entry_plus_royalty", "entry_fee_yuan": 10000, "royalty_percent": "100.5"},
         "fee.royalty_over_100", "fee.royalty_percent"),
        ({"option": "lump_sum", "days": 0, "amount_yuan": 50000}, "fee.parameter_not_positive",
         "fee.days"),
        ({"option": "lump_sum", "days": 30}, "fee.parameter_missing", "fee.amount_yuan"),
        ({"option": "other", "text": "  "}, "fee.parameter_missing", "fee.text"),
        ({"option": "monthly"}, "fee.option_unknown", "fee.option"),
        ([{"option": "free"}, {"option": "lump_sum", "days": 30, "amount_yuan": 1}],
         "fee.several_options", "fee.option"),
        ({"option": "lump_sum", "days": "thirty", "amount_yuan": 1}, "fee.not_whole_number",
         "fee.days"),
    ],
)
def test_fee_rules(fee: object, code: str, field: str) -> None:
    assert codes(replace(OFFER, fee=fee)).get(code) == field


def test_royalty_of_exactly_100_percent_passes() -> None:
    fee = {"option": "entry_plus_royalty", "entry_fee_yuan": 10000, "royalty_percent": 100}
    assert codes(replace(OFFER, fee=fee)) == {}


INSTALMENTS = {
    "option": "instalments", "first_days": 30, "first_yuan": "20000", "period": "quarter",
    "period_days": 15, "batches": 3, "each_yuan": "10000", "count": 4, "total_yuan": "50000",
}


def test_instalments_that_add_up_pass() -> None:
    assert codes(replace(OFFER, fee=INSTALMENTS)) == {}


def test_instalments_with_decimal_amounts_add_up_exactly() -> None:
    fee = {**INSTALMENTS, "first_yuan": 0.1, "each_yuan": 0.2, "total_yuan": 0.7}
    assert codes(replace(OFFER, fee=fee)) == {}


def test_instalments_sum_mismatch_explains_the_sum() -> None:
    [finding] = [f for f in findings(replace(OFFER, fee={**INSTALMENTS, "total_yuan": 60000}))
                 if f.is_error]
    assert finding.code == "fee.instalments_sum" and finding.field == "fee.total_yuan"
    assert messages.describe(finding) == (
        "第一批次 20000 元 +（4 − 1）× 每次 10000 元 = 50000 元，与共计 60000 元不符。"
    )


@pytest.mark.parametrize("fee", [
    {**INSTALMENTS, "first_yuan": "-10000"},  # a figure that is not positive
    {**INSTALMENTS, "total_yuan": "60000"},  # figures that do not add up
    {"option": "entry_plus_royalty", "entry_fee_yuan": 10000, "royalty_percent": "100.5"},
    {"option": "lump_sum", "days": 30, "amount_yuan": "-0.50"},
])
def test_fee_findings_carry_json_params(fee: dict[str, object]) -> None:
    """Params are data for any front end (validate --json): text, never a Decimal."""
    found = [f for f in findings(replace(OFFER, fee=fee)) if f.code.startswith("fee.")]
    assert found
    for finding in found:
        assert json.loads(json.dumps(finding.to_dict()))["params"] == finding.params
    shown = {f.code: f.params.get("value") for f in found}
    assert shown.get("fee.parameter_not_positive", "-10000") in {"-10000", "-0.5"}
    assert shown.get("fee.royalty_over_100", "100.5") == "100.5"


def test_instalment_count_must_be_batches_plus_one_and_at_least_two() -> None:
    assert codes(replace(OFFER, fee={**INSTALMENTS, "count": 3}))["fee.count_mismatch"] == (
        "fee.count"
    )
    one = {**INSTALMENTS, "batches": 0, "count": 1, "total_yuan": 20000}
    assert "fee.count_too_small" in codes(replace(OFFER, fee=one))


def test_fee_reading_keeps_decimals_exact() -> None:
    reading = read_fee({"option": "lump_sum", "days": 30, "amount_yuan": "12,500.50"})
    assert reading.fee.option is FeeKind.LUMP_SUM
    assert reading.fee.amount_yuan == Decimal("12500.50")
    assert reading.fee.to_dict() == {"option": "lump_sum", "days": 30, "amount_yuan": "12500.5"}


# R6
@pytest.mark.parametrize(
    ("contact", "code", "field"),
    [
        (replace(CONTACT, postcode="43007"), "postcode.invalid", "contact.postcode"),
        (replace(CONTACT, phone="6875"), "phone.invalid", "contact.phone"),
        (replace(CONTACT, email="kjc@whu"), "email.invalid", "contact.email"),
        (replace(CONTACT, name=""), "offer.required", "contact.name"),
        (replace(CONTACT, email=""), "contact.required", "contact.email"),
        (replace(CONTACT, phone=""), "contact.required", "contact.phone"),
        (replace(CONTACT, postcode="  "), "contact.required", "contact.postcode"),
    ],
)
def test_contact(contact: OfferContact, code: str, field: str) -> None:
    assert codes(replace(OFFER, contact=contact)).get(code) == field


@pytest.mark.parametrize("field", ["phone", "email", "postcode"])
def test_an_empty_contact_detail_says_it_is_required(field: str) -> None:
    """Once: “”不是有效的固定电话（如 027-87654321）或手机号码 for a phone left empty."""
    [finding] = [f for f in findings(replace(OFFER, contact=replace(CONTACT, **{field: ""})))
                 if f.field == f"contact.{field}"]
    assert messages.describe(finding) == "此项必填。"
    assert messages.describe(finding, "en") == "This field is required."


def test_summary_list_fields_are_warnings() -> None:
    found = findings(replace(OFFER, open_scope="", single_term="", declared_on=None))
    assert {f.field for f in found} == {"open_scope", "single_term", "declared_on"}
    assert all(f.severity is Severity.WARNING for f in found)


def test_default_licence_expiry_caps_at_the_patent() -> None:
    assert default_licence_expiry(LAST_DAY, None, TODAY) == LAST_DAY
    assert default_licence_expiry(LAST_DAY, 3, TODAY) == dt.date(2029, 11, 21)
    assert default_licence_expiry(dt.date(2027, 1, 1), 3, TODAY) == dt.date(2027, 1, 1)


# Store and lifecycle (uses the real clock: dates far enough ahead)
def _patent(store: Store) -> int:
    result = store.save_patent(PATENT)
    assert result.record_id is not None
    return result.record_id


def test_offer_lifecycle(store: Store) -> None:
    patent_id = _patent(store)
    offer_fields = replace(OFFER, declared_on=dt.date.today())
    saved = store.save_offer(patent_id, replace(offer_fields, fee=None))
    assert saved.saved and "fee.option_missing" in {f.code for f in saved.findings}

    refused = store.finalise_offer(saved.record_id)  # type: ignore[arg-type]
    assert not refused.saved
    assert store.offer(saved.record_id).state == "draft"  # type: ignore[arg-type,union-attr]

    store.save_offer(patent_id, offer_fields)
    done = store.finalise_offer(saved.record_id)  # type: ignore[arg-type]
    assert done.saved
    offer = store.offer(saved.record_id)  # type: ignore[arg-type]
    assert offer is not None and offer.state == "finalised" and offer.finalised_snapshot
    assert store.offer_states() == {patent_id: "finalised"}

    # Saving the same data again changes nothing.
    assert store.save_offer(patent_id, offer_fields).notices == []
    assert store.offer(offer.id).state == "finalised"  # type: ignore[union-attr]

    # An edit returns it to draft and says what changed.
    edited = store.save_offer(patent_id, replace(offer_fields, other_terms="需技术培训"))
    [notice] = edited.notices
    assert notice.code == "offer.returned_to_draft"
    assert list(notice.params["fields"]) == ["other_terms"]
    assert "⑦其他约定事项" in messages.describe(notice)
    assert store.offer(offer.id).state == "draft"  # type: ignore[union-attr]


def test_editing_the_patent_of_a_finalised_offer_returns_it_to_draft(store: Store) -> None:
    patent_id = _patent(store)
    offer_id = store.save_offer(patent_id, OFFER).record_id
    assert store.finalise_offer(offer_id).saved  # type: ignore[arg-type]
    result = store.save_patent(replace(PATENT, patentees=("武汉大学", "张三", "李四")), patent_id)
    [notice] = result.notices
    assert notice.params["fields"] == ["patent.patentees"]
    assert store.offer(offer_id).state == "draft"  # type: ignore[arg-type,union-attr]


def test_bulk_creation_with_shared_defaults(store: Store) -> None:
    first = _patent(store)
    second = store.save_patent(replace(PATENT, number="202010566088.9",
                                       filing_date=dt.date(2020, 6, 19))).record_id
    store.save_offer(first, OFFER)

    def fields_for(patent):  # type: ignore[no-untyped-def]
        expiry = patent.expiry.date if patent.expiry else None
        return replace(OFFER, licence_expiry=default_licence_expiry(expiry, 20, TODAY))

    results = store.create_offers([first, second], fields_for)  # type: ignore[list-item]
    assert results[first].findings[0].code == "offer.exists"
    created = store.offer(results[second].record_id)  # type: ignore[index,arg-type]
    assert created is not None and created.licence_expiry == dt.date(2040, 6, 18)


def test_two_ticked_options_survive_storage_as_a_finding(store: Store) -> None:
    patent_id = _patent(store)
    fee = [{"option": "free"}, {"option": "lump_sum", "days": 30, "amount_yuan": 1000}]
    result = store.save_offer(patent_id, replace(OFFER, fee=fee))
    offer = store.offer(result.record_id)  # type: ignore[arg-type]
    assert offer is not None
    assert OfferFields.of(offer).fee == fee
    assert "fee.several_options" in {f.code for f in result.findings}


def test_two_ticked_options_are_named_in_the_forms_words() -> None:
    """Not by internal keys: once "勾选了多项（free、lump_sum）"."""
    fee = [{"option": "free"}, {"option": "lump_sum", "days": 30, "amount_yuan": 1000},
           {"option": "monthly"}]
    [finding] = [f for f in findings(replace(OFFER, fee=fee))
                 if f.code == "fee.several_options"]
    assert finding.params == {"options": ["free", "lump_sum", "monthly"]}  # data, JSON-able
    assert messages.describe(finding) == (
        "许可使用费标准勾选了多项（免费使用、一次总付、monthly），只能任选其一。")
    assert messages.describe(finding, "en") == (
        "More than one fee option is ticked (free of charge, lump sum, monthly); choose "
        "exactly one.")


def test_deleting_a_patent_deletes_its_offer(store: Store) -> None:
    patent_id = _patent(store)
    store.save_offer(patent_id, OFFER)
    store.delete_patents([patent_id])
    assert store.offers() == []
