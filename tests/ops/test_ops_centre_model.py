"""The ops-centre report's rules and the figures it takes from the registers."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from app.models.deals import DealFields, read_deal
from app.models.ops_centre import (
    OpsCentreFields,
    build_ops_centre,
    parse_amount,
    parse_count,
    read_ops_centre,
    recent_years,
)
from tests.ops.sample import TODAY, UNIT, sample_deals, sample_fields, sample_register


def build(fields: OpsCentreFields, today: dt.date = TODAY):  # type: ignore[no-untyped-def]
    year = fields.report_year
    return build_ops_centre(fields, UNIT, sample_deals(year), sample_register(year), today=today)


def codes(data) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {f.field: f.code for f in data.findings}


def test_years_follow_the_report_year_with_no_code_change() -> None:
    assert recent_years(2023) == (2021, 2022, 2023)
    assert recent_years(2023, 2) == (2022, 2023)
    data = build(sample_fields(2024), today=dt.date(2024, 12, 20))
    assert data.years == (2022, 2023, 2024)
    assert data.funding.years == data.patent_output.years == (2022, 2023, 2024)
    assert [t.years for t in data.operations] == [(2022, 2023, 2024)] * 4


def test_sample_has_no_errors() -> None:
    assert build(sample_fields()).errors == []


def test_licences_come_from_the_deals_register() -> None:
    licences = build(sample_fields()).operations[1]
    # 2022: one free deal with one patent; 2023: a lump sum of 5 万元 over two patents, 3 received
    assert licences.rows == (("0", "0", "0", "0"), ("1", "0", "0", "1"), ("2", "5", "3", "1"))
    assert licences.subtotal == ("3", "5", "3", "2")


def test_patent_output_from_the_register_with_overrides_and_a_slash_subtotal() -> None:
    data = build(sample_fields())
    table = data.patent_output
    # 2021: one invention granted; 2023: one invention and one utility model, 260 typed over 2
    assert table.rows[0] == ("320", "1", "1", "1")
    assert table.rows[2] == ("410", "1", "260", "2")
    assert table.subtotal[-1] == "/"
    assert table.subtotal[:3] == ("1080", "2", "261")
    differs = [f for f in data.findings if f.code == "ops.override_differs"]
    assert len(differs) == 1 and not differs[0].is_error
    assert differs[0].params["entered"] == "260" and differs[0].params["computed"] == "2"


def test_subtotals_are_computed_sums() -> None:
    funding = build(sample_fields()).funding
    assert funding.subtotal == ("160", "115.6234", "7")
    assert funding.rows[0][2] == "企业捐赠 5"


def test_received_more_than_contract_is_an_error() -> None:
    fields = sample_fields()
    tables = dict(fields.tables)
    tables["transfers"] = {2023: {"count": "1", "contract": "10", "received": "12"}}
    data = build(dataclasses.replace(fields, tables=tables))
    assert codes(data)["transfers[2023].received"] == "ops.received_exceeds_contract"
    # and on computed licence figures overridden by the clerk
    tables["licences"] = {2022: {"received": "1"}}
    data = build(dataclasses.replace(fields, tables=tables))
    assert codes(data)["licences[2022].received"] == "ops.received_exceeds_contract"


def test_staff_must_add_up() -> None:
    fields = dataclasses.replace(sample_fields(), staff={"total": "12", "full_time": "4",
                                                         "part_time": "7"})
    finding = next(f for f in build(fields).findings if f.code == "ops.staff_mismatch")
    assert finding.is_error and finding.params == {"total": 12, "full_time": 4, "part_time": 7}


def test_counts_and_amounts() -> None:
    assert parse_count("12") == 12 and parse_count("１２") == 12
    assert parse_count("-1") is None and parse_count("1.5") is None and parse_count("x") is None
    assert parse_amount("1.2345") == Decimal("1.2345")
    assert parse_amount("1.23456") is None and parse_amount("-1") is None
    fields = dataclasses.replace(sample_fields(), partners="三十", funding={
        2023: {"provincial": "1.23456"}}, staff={"total": "-2"})
    found = codes(build(fields))
    assert found["partners"] == "ops.not_a_count"
    assert found["funding[2023].provincial"] == "ops.not_an_amount"
    assert found["staff.total"] == "ops.not_a_count"


def test_exactly_one_standard_choice_and_no_future_dates() -> None:
    fields = dataclasses.replace(sample_fields(), standard="", filled_on=dt.date(2024, 1, 1))
    found = codes(build(fields))
    assert found["standard"] == "ops.standard_missing"
    assert found["filled_on"] == "ops.date_in_future"
    docs = (dataclasses.replace(sample_fields().documents[0], issued="2024-02"),)
    assert codes(build(dataclasses.replace(sample_fields(), documents=docs)))[
        "documents[1].issued"] == "ops.date_in_future"
    _, problems = read_ops_centre({"report_year": 2023, "standard": "both"})
    assert [p.code for p in problems] == ["ops.standard_unknown"]


def test_round_trip_through_json() -> None:
    fields = sample_fields()
    again, problems = read_ops_centre(fields.to_dict())
    assert problems == [] and again is not None
    assert again.to_dict() == fields.to_dict()


def test_deal_received_amount_round_trips_and_old_entries_still_read() -> None:
    deal = DealFields(patents=("202110000001.6",), received_yuan=Decimal("300.5"))
    assert deal.to_dict()["received_yuan"] == "300.5"
    assert read_deal(deal.to_dict())[0].received_yuan == Decimal("300.5")
    assert read_deal({"patents": [], "payment": {"method": "free"}})[0].received_yuan is None


def test_every_ops_code_has_both_languages() -> None:
    import re
    from pathlib import Path

    from app import messages

    sources = ["app/models/ops_centre.py", "app/models/ops_centre_records.py",
               "app/usecases/ops_centre.py", "app/interchange_ops_centre.py", "app/cli.py"]
    root = Path(__file__).resolve().parents[2]
    codes = set()
    for source in sources:
        codes |= set(re.findall(r'"((?:ops|json)\.[a-z_]+)"', (root / source).read_text()))
    codes = {c for c in codes if c.startswith("ops.") or c == "json.duplicate_ops_report"}
    assert len(codes) > 20
    for code in codes:
        english, chinese = messages.MESSAGES[code]
        assert english and chinese and english != chinese, code
    # A finding reads as a sentence with its figures, in Chinese.
    data = build(dataclasses.replace(sample_fields(), staff={"total": "5", "full_time": "1",
                                                             "part_time": "1"}))
    finding = next(f for f in data.findings if f.code == "ops.staff_mismatch")
    assert messages.describe(finding) == "专职人员（1）+ 兼职人员（1）应等于专兼职人员总数（5）。"
