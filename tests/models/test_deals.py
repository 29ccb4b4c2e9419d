"""Deals and the summary book: footnote rules, statistics, deal rules, offers → deals, store."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from app import messages
from app.models.deals import (
    DealFields,
    DealRecord,
    Payment,
    Period,
    check_deal,
    deal_from_offer,
    deal_row,
    format_wan,
    parse_period_end,
    read_payment,
    reported_amount_yuan,
    stored_file_name,
    yuan_to_wan,
)
from app.models.entities import DocumentState, Offer, Patent
from app.models.findings import Finding, Severity
from app.models.patent_number import check_character
from app.models.patent_rules import PatentFields
from app.models.store import OrganisationData, Store
from app.models.summary_book import (
    DEAL_LIST_HEADINGS,
    DEAL_LIST_NOTES,
    STATISTICS_HEADINGS,
    XINYANG_DEAL_LIST_NOTE,
    DeclaredOffer,
    Figure,
    SummaryBookFields,
    UnitInfo,
    as_of_text,
    build_summary_book,
    compute_statistics,
    county_text,
    patentee_category,
)

TODAY = dt.date(2023, 12, 6)
PERIOD = Period(dt.date(2023, 11, 30))


def number(digits: str) -> str:
    return f"{digits}.{check_character(digits)}"


P1 = "201710601862.3"
P2 = number("202010123456")
P3 = number("202120234567")
P4 = number("202210345678")
P5 = number("201930456789")
NOT_IN_REGISTER = number("202110999999")

REGISTER: dict[str, PatentFields] = {
    P1: PatentFields(P1, "一种图像识别方法", ("河南大学", "张三")),
    P2: PatentFields(P2, "一种传感器", ("河南大学",)),
    P3: PatentFields(P3, "一种装置", ("河南大学", "郑州某某科技有限公司")),
    P4: PatentFields(P4, "一种材料", ("河南大学",)),
    P5: PatentFields(P5, "一种外观", ("河南大学", "李四")),
}

ALL_FILES = {"contract", "receipt"}


def deal(serial: int, *patents: str, method: str = "free", date: dt.date = dt.date(2023, 3, 1),
         licensee: str = "某某有限公司", files: set[str] | None = None, **payment: object
         ) -> DealRecord:
    fields = DealFields(
        patents=patents or (P1,),
        licensee=licensee,
        licence_date=date,
        payment=Payment(method, **payment),  # type: ignore[arg-type]
    )
    kinds = ALL_FILES if files is None else files
    return DealRecord(serial, serial, fields, tuple(_file(k) for k in sorted(kinds)))


def _file(kind: str):  # type: ignore[no-untyped-def]
    from app.models.deals import DealFileInfo

    return DealFileInfo(None, 1, kind, f"{kind}.pdf", f"deals/x/{kind}.pdf", "0" * 64)


# The hand-computed example: every footnote rule once -------------------------------------------
PACKAGE = deal(1, P1, P2, P3, method="lump_sum", amount_yuan=Decimal("12500"),
               licensee="郑州甲公司")
ENTRY = deal(2, P4, method="entry_plus_royalty", entry_fee_yuan=Decimal("50000"),
             royalty_percent=Decimal("3"), licensee="乙公司")
ROYALTY = deal(3, P5, method="royalty", royalty_percent=Decimal("5"), licensee="丙公司",
               files={"contract"})
FREE_A = deal(4, P2, method="free", licensee="丁公司", files={"filing_record"})
FREE_B = deal(5, P3, method="free", licensee="戊公司", files={"contract"})
INSTALMENTS = deal(6, P1, method="instalments", amount_yuan=Decimal("123456.78"),
                   licensee="己公司")
LATE = deal(7, P4, method="lump_sum", amount_yuan=Decimal("99999"), date=dt.date(2023, 12, 1))
DEALS = [PACKAGE, ENTRY, ROYALTY, FREE_A, FREE_B, INSTALMENTS, LATE]


def test_package_lists_every_number_in_zl_notation_and_every_patentee_once() -> None:
    row = deal_row(PACKAGE, REGISTER)
    assert row.patent_numbers == ("ZL" + P1, "ZL" + P2, "ZL" + P3)
    assert row.numbers_text() == f"ZL{P1}、ZL{P2}、ZL{P3}"
    assert row.numbers_text("\n").count("\n") == 2
    assert row.licensors == ("河南大学", "张三", "郑州某某科技有限公司")
    assert row.licensors_text == "河南大学、张三、郑州某某科技有限公司"
    assert row.amount_wan == Decimal("1.25") and row.amount_text == "1.25"
    assert row.remarks == ""


def test_entry_fee_plus_royalty_reports_the_entry_fee_only_and_names_the_method() -> None:
    row = deal_row(ENTRY, REGISTER)
    assert row.amount_text == "5"
    assert row.remarks == "入门费+提成"


def test_royalty_only_reports_zero_and_names_the_method() -> None:
    row = deal_row(ROYALTY, REGISTER)
    assert row.amount_yuan == 0 and row.amount_text == "0"
    assert row.remarks == "提成"


def test_free_reports_zero() -> None:
    assert deal_row(FREE_A, REGISTER).amount_text == "0"
    assert deal_row(FREE_A, REGISTER).free


def test_instalments_report_the_total_and_other_the_amount_if_given() -> None:
    assert reported_amount_yuan(INSTALMENTS.fields.payment) == Decimal("123456.78")
    assert deal_row(INSTALMENTS, REGISTER).amount_text == "12.3457"
    assert reported_amount_yuan(Payment("other", text="技术入股")) == 0
    assert reported_amount_yuan(Payment("other", amount_yuan=Decimal("8000"), text="x")) == 8000


def test_remark_joins_method_agency_and_note() -> None:
    fields = replace(ENTRY.fields, agency="郑州某某专利代理事务所", remarks="含技术服务")
    row = deal_row(replace(ENTRY, fields=fields), REGISTER)
    assert row.remarks == "入门费+提成；郑州某某专利代理事务所；含技术服务"


@pytest.mark.parametrize(
    ("yuan", "text"),
    [("12500", "1.25"), ("10000", "1"), ("0", "0"), ("1", "0.0001"), ("123456789", "12345.6789"),
     ("0.4", "0"), ("0.5", "0.0001"), ("2500000", "250")],
)
def test_wan_has_at_most_four_places_trimmed(yuan: str, text: str) -> None:
    assert format_wan(yuan_to_wan(Decimal(yuan))) == text


def test_statistics_of_the_example_by_hand() -> None:
    stats, findings = compute_statistics(PERIOD, [], DEALS)
    assert findings == []
    assert (stats.deals_total, stats.deals_free, stats.deals_paid) == (6, 2, 4)
    assert stats.deals_free + stats.deals_paid == stats.deals_total
    # 12 500 + 50 000 (entry fee only) + 0 (royalty) + 123 456.78 = 185 956.78 yuan, the late
    # deal (2023-12-01) left out.
    assert stats.paid_amount_yuan == Decimal("185956.78")
    assert stats.paid_amount_wan == Decimal("18.5957")


def test_period_end_is_the_last_day_of_the_month_inclusive() -> None:
    assert parse_period_end("2023-11") == dt.date(2023, 11, 30)
    assert parse_period_end("2024-02") == dt.date(2024, 2, 29)
    assert parse_period_end("2023年12月") == dt.date(2023, 12, 31)
    assert parse_period_end("2023-13") is None and parse_period_end("11/2023") is None
    on_last_day = deal(1, P1, date=dt.date(2023, 11, 30))
    next_day = deal(2, P1, date=dt.date(2023, 12, 1))
    stats, _ = compute_statistics(PERIOD, [], [on_last_day, next_day])
    assert stats.deals_total == 1


def test_declarations_count_finalised_offers_declared_by_the_period_end() -> None:
    offers = [
        DeclaredOffer(P1, ("河南大学", "张三"), "finalised", dt.date(2023, 5, 1)),
        DeclaredOffer(P2, ("河南大学",), "submitted", dt.date(2023, 11, 30)),
        DeclaredOffer(P3, ("河南大学", "郑州某某科技有限公司"), "generated", dt.date(2022, 7, 1)),
        DeclaredOffer(P4, ("河南大学",), "draft", dt.date(2023, 5, 1)),  # not declared
        DeclaredOffer(P5, ("河南大学",), "finalised", dt.date(2023, 12, 1)),  # after the end
        DeclaredOffer(NOT_IN_REGISTER, ("某研究所",), "sealed", None),  # undated
    ]
    stats, findings = compute_statistics(PERIOD, offers, [])
    assert stats.declarations == 3 and stats.patents_offered == 3
    assert (stats.patentees_academic, stats.patentees_enterprise) == (1, 1)
    [undated] = findings
    assert undated.code == "book.offer_undated" and undated.severity is Severity.WARNING
    assert undated.params["number"] == NOT_IN_REGISTER


def test_patentee_categories() -> None:
    assert patentee_category("信阳师范大学") == "academic"
    assert patentee_category("中国科学院某某研究所") == "academic"
    assert patentee_category("某某研究院有限公司") == "enterprise"
    assert patentee_category("张三") == "other"


# Rules on a deal -----------------------------------------------------------------------------


def rule_findings(record: DealRecord, **kwargs: object) -> list[Finding]:
    return check_deal(record.fields, REGISTER, file_kinds=record.file_kinds, today=TODAY,
                      **kwargs)  # type: ignore[arg-type]


def codes(record: DealRecord, **kwargs: object) -> dict[str, str]:
    return {f.code: f.field for f in rule_findings(record, **kwargs)}


def test_the_example_deals_pass_every_rule() -> None:
    for record in DEALS[:6]:
        found = rule_findings(record, period=PERIOD)
        assert [f for f in found if f.code != "deal.receipt_pending"] == [], record.serial
    assert codes(ROYALTY) == {"deal.receipt_pending": "files"}


def test_paid_deal_without_receipt_is_an_error() -> None:
    bare = replace(PACKAGE, files=(_file("contract"),))
    [finding] = rule_findings(bare)
    assert (finding.code, finding.field, finding.severity) == (
        "deal.receipt_missing", "files", Severity.ERROR)
    assert "票据" in messages.describe(finding)


def test_deal_without_contract_or_filing_record_is_an_error() -> None:
    assert codes(replace(FREE_A, files=(_file("receipt"),))) == {"deal.contract_missing": "files"}
    assert codes(replace(FREE_A, files=())) == {"deal.contract_missing": "files"}
    assert codes(FREE_A) == {}  # a filing record will do


def test_patent_number_rules() -> None:
    bad = replace(FREE_A, fields=replace(FREE_A.fields, patents=(P1, "201710601862.4")))
    [finding] = rule_findings(bad)
    assert (finding.code, finding.field) == ("deal.patent_number_invalid", "patents[1]")
    assert "校验位 4 不正确" in messages.describe(finding)
    missing = replace(FREE_A, fields=replace(FREE_A.fields, patents=(NOT_IN_REGISTER,)))
    assert codes(missing) == {"deal.patent_not_in_register": "patents[0]"}
    twice = replace(FREE_A, fields=replace(FREE_A.fields, patents=(P1, "ZL" + P1)))
    assert codes(twice) == {"deal.patent_repeated": "patents[1]"}
    none = replace(FREE_A, fields=replace(FREE_A.fields, patents=()))
    assert codes(none) == {"deal.patents_required": "patents"}


def test_missing_licensee_and_date() -> None:
    blank = replace(FREE_A, fields=replace(FREE_A.fields, licensee="  ", licence_date=None))
    assert codes(blank) == {"deal.licensee_required": "licensee",
                            "deal.date_required": "licence_date"}


def test_date_after_the_period_end_is_a_warning_and_nothing_before_without_a_start() -> None:
    [late] = rule_findings(LATE, period=PERIOD)
    assert (late.code, late.severity) == ("deal.date_after_period", Severity.WARNING)
    assert late.params["period_end"] == "2023-11"
    ancient = replace(FREE_A, fields=replace(FREE_A.fields, licence_date=dt.date(2001, 1, 1)))
    assert rule_findings(ancient, period=PERIOD) == []
    started = Period(PERIOD.end, dt.date(2022, 6, 1))
    assert codes(ancient, period=started) == {"deal.date_before_period": "licence_date"}


@pytest.mark.parametrize(
    ("payment", "expected"),
    [
        (Payment("lump_sum"), {"deal.amount_required": "payment.amount_yuan"}),
        (Payment("lump_sum", amount_yuan=Decimal(0)),
         {"deal.amount_not_positive": "payment.amount_yuan"}),
        (Payment("instalments", amount_yuan=Decimal(-5)),
         {"deal.amount_not_positive": "payment.amount_yuan"}),
        (Payment("entry_plus_royalty", royalty_percent=Decimal(3)),
         {"deal.amount_required": "payment.entry_fee_yuan"}),
        (Payment("entry_plus_royalty", entry_fee_yuan=Decimal(1), royalty_percent=Decimal(101)),
         {"deal.royalty_percent_range": "payment.royalty_percent"}),
        (Payment("other"), {"deal.payment_text_required": "payment.text"}),
        (Payment(""), {"deal.method_required": "payment.method"}),
        (Payment("barter"), {"deal.method_unknown": "payment.method"}),
    ],
)
def test_payment_rules(payment: Payment, expected: dict[str, str]) -> None:
    record = replace(FREE_A, fields=replace(FREE_A.fields, payment=payment), files=())
    found = {f.code: f.field for f in check_deal(record.fields, REGISTER, today=TODAY)}
    assert found == expected


def test_every_deal_and_book_code_has_both_languages() -> None:
    source = (Path(__file__).resolve().parents[2] / "app" / "models")
    import re

    text = (source / "deals.py").read_text("utf-8") + (source / "summary_book.py").read_text(
        "utf-8") + (source / "store.py").read_text("utf-8")
    used = set(re.findall(r'"((?:deal|book)\.[a-z_]+)"', text))
    used -= set(re.findall(r'ForeignKey\("([a-z_.]+)"', text))
    assert {"deal.receipt_missing", "book.override_differs"} <= used
    for code in used:
        english, chinese = messages.MESSAGES[code]
        assert english and chinese, code


def test_read_payment_keeps_exact_decimals_and_reports_bad_figures() -> None:
    payment, findings = read_payment({"method": "lump_sum", "amount_yuan": "12,500.10"})
    assert payment.amount_yuan == Decimal("12500.10") and findings == []
    _, bad = read_payment({"method": "lump_sum", "amount_yuan": "twelve"})
    assert [(f.code, f.field) for f in bad] == [("deal.not_a_number", "payment.amount_yuan")]
    assert Payment("lump_sum", amount_yuan=Decimal("1E+4")).to_dict() == {
        "method": "lump_sum", "amount_yuan": "10000"}


# Deals from an offer -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fee", "expected"),
    [
        ({"option": "free"}, Payment("free")),
        ({"option": "entry_plus_royalty", "entry_fee_yuan": "20000", "royalty_percent": "3.5"},
         Payment("entry_plus_royalty", entry_fee_yuan=Decimal(20000),
                 royalty_percent=Decimal("3.5"))),
        ({"option": "lump_sum", "days": 30, "amount_yuan": "50000"},
         Payment("lump_sum", amount_yuan=Decimal(50000))),
        ({"option": "instalments", "first_days": 30, "first_yuan": "10000", "period": "year",
          "period_days": 10, "batches": 2, "each_yuan": "5000", "count": 3,
          "total_yuan": "20000"},
         Payment("instalments", amount_yuan=Decimal(20000))),
        ({"option": "other", "text": "按销售额阶梯计费"},
         Payment("other", text="按销售额阶梯计费")),
    ],
)
def test_deal_from_offer_maps_the_fee_option(fee: dict[str, object], expected: Payment) -> None:
    offer = Offer(id=7, patent=Patent(number=P1), fee=json.dumps(fee), single_term="3年")
    fields = deal_from_offer(offer)
    assert fields.patents == (P1,)
    assert fields.via_offer and fields.offer_id == 7
    assert fields.term == "3年"
    assert fields.payment == expected


# The store: saving, files, renumbering, books -------------------------------------------------


def _register(store: Store) -> None:
    for fields in REGISTER.values():
        assert store.save_patent(fields).saved
    store.save_organisation(OrganisationData(
        name="河南大学", legal_representative="王某", address="河南省开封市明伦街85号",
        postcode="475001", phone="0371-22868888", fax="0371-22869999", email="kjc@henu.edu.cn"))


def test_store_saves_a_package_in_order_and_reads_licensors_from_the_register(
    store: Store,
) -> None:
    _register(store)
    result = store.save_deal(PACKAGE.fields)
    assert result.saved
    assert {f.code for f in result.findings} == {"deal.contract_missing", "deal.receipt_missing"}
    [record] = store.deals()
    assert record.serial == 1
    assert record.fields.patents == (P1, P2, P3)
    assert record.fields.payment == Payment("lump_sum", amount_yuan=Decimal("12500"))
    second = store.save_deal(replace(FREE_A.fields, patents=("ZL " + P4,)))
    assert store.deal(second.record_id).serial == 2
    assert store.deal(second.record_id).fields.patents == (P4,)


def test_saving_clears_figures_of_other_methods(store: Store) -> None:
    _register(store)
    mixed = replace(FREE_A.fields, payment=Payment("free", amount_yuan=Decimal(5), text="x"))
    saved = store.deal(store.save_deal(mixed).record_id)
    assert saved.fields.payment == Payment("free")


def test_files_are_stored_in_the_database_numbered_by_the_serial_and_hashed(
        store: Store, tmp_path: Path, private_data_dir: Path) -> None:
    from app.models.stored_files import materialise, stored_hashes

    _register(store)
    store.save_deal(FREE_A.fields)
    deal_id = store.save_deal(PACKAGE.fields).record_id
    contract = tmp_path / "许可合同（签字版）.PDF"
    contract.write_bytes(b"%PDF-1.4 contract")
    receipt = tmp_path / "fapiao.jpg"
    receipt.write_bytes(b"receipt")
    first = store.add_deal_file(deal_id, contract, "contract")
    second = store.add_deal_file(deal_id, receipt, "receipt")
    assert first.saved and second.saved
    assert second.findings == []  # contract + receipt: nothing missing any more
    record = store.deal(deal_id)
    names = [Path(f.stored_path).name for f in record.files]
    assert names == ["2-1 合同.pdf", "2-2 票据.jpg"]
    assert record.files[0].stored_path == "deals/2/2-1 合同.pdf"
    assert not (private_data_dir / "deals").exists()  # in the database, not the data folder
    digest = hashlib.sha256(b"%PDF-1.4 contract").hexdigest()
    assert record.files[0].sha256 == digest
    assert record.files[0].original_name == contract.name
    assert record.files[0].label(record.serial) == "2-1 合同"
    contract.unlink()  # the stored copy does not depend on the original
    opened = materialise(store.database, digest, record.files[0].stored_path)
    assert opened.name == "2-1 合同.pdf" and opened.read_bytes() == b"%PDF-1.4 contract"
    assert store.remove_deal_file(record.files[1].id)
    assert [f.id for f in store.deal(deal_id).files] == [record.files[0].id]
    with store.session() as session:
        assert list(stored_hashes(session)) == [digest]  # the receipt's bytes left
    assert store.delete_deals([deal_id]) == 1
    with store.session() as session:
        assert stored_hashes(session) == {}


def test_bad_files_are_findings(store: Store, tmp_path: Path) -> None:
    _register(store)
    deal_id = store.save_deal(FREE_A.fields).record_id
    assert store.add_deal_file(deal_id, tmp_path / "nope.pdf", "contract").findings[0].code == (
        "deal.file_unreadable")
    (tmp_path / "a.pdf").write_bytes(b"x")
    assert store.add_deal_file(deal_id, tmp_path / "a.pdf", "photo").findings[0].code == (
        "deal.file_kind_unknown")


def test_stored_file_name() -> None:
    assert stored_file_name(3, 1, "contract", "合同.PDF") == "3-1 合同.pdf"
    assert stored_file_name(3, 2, "filing_record", "scan") == "3-2 备案文件"


def test_renumbering_follows_the_dates_and_renames_files(store: Store, tmp_path: Path,
                                                          private_data_dir: Path) -> None:
    from app.models.stored_files import materialise

    _register(store)
    later = store.save_deal(replace(FREE_A.fields, licence_date=dt.date(2023, 6, 1))).record_id
    earlier = store.save_deal(replace(FREE_B.fields, licence_date=dt.date(2023, 2, 1))).record_id
    scan = tmp_path / "a.pdf"
    scan.write_bytes(b"later")
    store.add_deal_file(later, scan, "contract")
    scan.write_bytes(b"earlier")
    store.add_deal_file(earlier, scan, "contract")
    assert store.renumber_deals() == {1: 2, 2: 1}
    assert store.deal(earlier).serial == 1
    moved = store.deal(later).files[0]
    assert moved.stored_path == "deals/2/2-1 合同.pdf" and moved.label(2) == "2-1 合同"
    assert materialise(store.database, moved.sha256, moved.stored_path).read_bytes() == b"later"
    other = store.deal(earlier).files[0]
    assert materialise(store.database, other.sha256, other.stored_path).read_bytes() == (
        b"earlier")


def test_store_deal_from_offer(store: Store) -> None:
    _register(store)
    from app.models.offers import OfferFields

    patent = store.find_patent(P2)
    offer_id = store.save_offer(patent.id, OfferFields(
        fee={"option": "lump_sum", "days": 10, "amount_yuan": "30000"})).record_id
    fields = store.deal_from_offer(offer_id)
    assert fields.patents == (P2,) and fields.payment.amount_yuan == Decimal(30000)
    result = store.save_deal(replace(fields, licensee="某公司", licence_date=dt.date(2023, 5, 1)))
    assert store.deal(result.record_id).fields.offer_id == offer_id
    other = store.save_deal(replace(fields, patents=(P1,), licensee="某公司",
                                    licence_date=dt.date(2023, 5, 1)))
    assert "deal.offer_patent_not_in_deal" in {f.code for f in other.findings}


# The summary book ----------------------------------------------------------------------------

BOOK = SummaryBookFields(
    period_end="2023-11",
    filled_on=dt.date(2023, 12, 5),
    platform_name="河南省知识产权公共服务平台",
    platform_url="https://www.hnipsp.cn",
    smes_reached=12,
    self_evaluation="自评正文。",
    unit_profile="基本情况。",
)
UNIT = UnitInfo("河南大学", "王某", "0371-22868888", "0371-22869999", "河南省开封市明伦街85号",
                "475001", "kjc@henu.edu.cn")


def book(fields: SummaryBookFields = BOOK):  # type: ignore[no-untyped-def]
    data = build_summary_book(fields, UNIT, DEALS, [], REGISTER, today=TODAY)
    assert data is not None
    return data


def test_book_lists_the_deals_of_the_period_and_computes_the_statistics() -> None:
    data = book()
    assert [r.serial for r in data.rows] == [1, 2, 3, 4, 5, 6]
    assert data.excluded_serials == (7,)
    assert data.as_of == "（截至 2023 年 11 月底）"
    table = data.statistics
    assert [table.text(k) for k, _ in STATISTICS_HEADINGS] == [
        "0", "0", "河南省知识产权公共服务平台", "https://www.hnipsp.cn", "12", "6", "2", "4",
        "18.5957"]
    late = [f for f in data.findings if f.code == "book.deal_warning"
            and f.params["nested_code"] == "deal.date_after_period"]
    assert len(late) == 1 and late[0].params["serial"] == 7
    assert "序号 7 的许可" in messages.describe(late[0])


def test_overrides_are_printed_and_their_differences_are_warnings() -> None:
    data = book(replace(BOOK, overrides={"deals_free": 3, "deals_paid": 3,
                                         "paid_amount_wan": "20"}))
    table = data.statistics
    assert table.text("deals_free") == "3" and table.text("paid_amount_wan") == "20"
    differs = {f.params["figure"]: f for f in data.findings if f.code == "book.override_differs"}
    assert set(differs) == {"deals_free", "deals_paid", "paid_amount_wan"}
    assert differs["deals_free"].params["difference"] == "+1"
    assert differs["deals_paid"].params["difference"] == "−1"
    assert differs["paid_amount_wan"].params["difference"] == "+1.4043"
    assert all(f.severity is Severity.WARNING for f in differs.values())
    assert "其中，达成免费许可总数" in messages.describe(differs["deals_free"])
    assert not [f for f in data.findings if f.code == "book.totals_mismatch"]  # 3 + 3 = 6


def test_overrides_that_break_free_plus_paid_are_an_error() -> None:
    data = book(replace(BOOK, overrides={Figure.DEALS_FREE.value: 5}))
    [mismatch] = [f for f in data.findings if f.code == "book.totals_mismatch"]
    assert mismatch.is_error and mismatch.params == {"total": 6, "free": 5, "paid": 4}
    same = book(replace(BOOK, overrides={"deals_total": 6}))
    assert not [f for f in same.findings if f.code.startswith("book.override")]
    bad = book(replace(BOOK, overrides={"deals_total": "1.5", "nonsense": 1}))
    assert {f.code for f in bad.findings if f.is_error} >= {"book.override_invalid",
                                                            "book.override_unknown"}


def test_book_folds_deal_errors_and_flags_numbering_gaps() -> None:
    broken = replace(ENTRY, serial=3, files=())
    bad_number = replace(FREE_A, serial=4, fields=replace(FREE_A.fields,
                                                          patents=("201710601862.4",)))
    data = build_summary_book(BOOK, UNIT, [PACKAGE, broken, bad_number], [], REGISTER,
                              today=TODAY)
    assert data is not None
    by_code = {(f.code, f.field) for f in data.findings}
    assert ("book.deal_error", "deals[3].files") in by_code
    [invalid] = [f for f in data.findings if f.code == "book.deal_patent_invalid"]
    assert invalid.field == "deals[4].patents[0]"
    assert messages.describe(invalid).startswith("序号 4 的许可，专利号“201710601862.4”：校验位 4")
    [gap] = [f for f in data.findings if f.code == "book.numbering_gap"]
    assert gap.params["serials"] == "1、3、4"


def test_book_field_checks() -> None:
    data = build_summary_book(SummaryBookFields("2023-11"), UnitInfo(), [], [], {}, today=TODAY)
    assert data is not None
    fields = {f.field for f in data.findings if f.code == "book.field_missing"}
    assert {"lead.name", "self_evaluation", "platform_name", "smes_reached"} <= fields
    assert [f.code for f in data.findings if f.is_error] == ["book.unit_name_missing"]
    assert build_summary_book(SummaryBookFields("2023-13"), UNIT, [], [], {}) is None
    future = build_summary_book(SummaryBookFields("2024-01"), UNIT, [], [], {}, today=TODAY)
    assert future is not None
    assert "book.period_in_future" in {f.code for f in future.findings}


def test_wording_constants_are_verbatim() -> None:
    assert DEAL_LIST_HEADINGS[3] == "达成许可涉及专利的专利号*"
    assert DEAL_LIST_HEADINGS[4] == "达成许可的使用费金额*（万元）"
    assert DEAL_LIST_NOTES[0].startswith("1.*注：") and "专利号达成免费许可时" in DEAL_LIST_NOTES[0]
    assert DEAL_LIST_NOTES[1].endswith("支撑材料按序号标注清楚。")
    assert XINYANG_DEAL_LIST_NOTE.startswith("* 注：")
    assert "专利号；达成免费" in XINYANG_DEAL_LIST_NOTE
    assert as_of_text(PERIOD) == "（截至 2023 年 11 月底）"
    assert county_text(None) == "_____县(区)" and county_text("罗山县") == "罗山县"


def test_store_books_round_trip_and_compute_from_the_records(store: Store) -> None:
    _register(store)
    from sqlalchemy import select

    ids = [store.save_deal(r.fields).record_id for r in DEALS]
    patent = store.find_patent(P1)
    from app.models.offers import OfferFields

    offer_id = store.save_offer(patent.id, OfferFields(declared_on=dt.date(2023, 4, 1))).record_id
    with store.session() as session, session.begin():
        offer = session.get(Offer, offer_id)
        offer.state = DocumentState.FINALISED.value  # (finalising needs a complete sheet)
    assert len(ids) == 7
    saved = store.save_summary_book(replace(BOOK, lead=BOOK.lead, overrides={"deals_total": 7}))
    assert saved.saved
    assert store.summary_book("2023-11") == replace(BOOK, overrides={"deals_total": "7"})
    data = store.summary_book_data("2023-11", today=TODAY)
    assert data.unit.name == "河南大学"
    assert data.statistics.computed.declarations == 1
    assert data.statistics.computed.deals_total == 6
    assert data.statistics.text("deals_total") == "7"
    assert store.finalise_summary_book("2023-11", today=TODAY).saved is False  # no files yet
    with store.session() as session:
        from app.models.deals import SummaryBook

        assert session.scalar(select(SummaryBook.state)) == "draft"
    assert store.save_summary_book(SummaryBookFields("2023/13")).findings[0].code == (
        "book.period_invalid")
    assert store.delete_summary_book("2023-11") and store.summary_book("2023-11") is None


def test_a_clean_book_finalises_and_an_edit_returns_it_to_draft(store: Store,
                                                                 tmp_path: Path) -> None:
    _register(store)
    deal_id = store.save_deal(FREE_A.fields).record_id
    (tmp_path / "c.pdf").write_bytes(b"c")
    store.add_deal_file(deal_id, tmp_path / "c.pdf", "contract")
    complete = replace(BOOK, lead=replace(BOOK.lead, name="李老师", mobile="13912345678"))
    store.save_summary_book(complete)
    result = store.finalise_summary_book("2023-11", today=TODAY)
    assert result.saved, [messages.describe(f) for f in result.findings if f.is_error]
    assert store.summary_book_state("2023-11") == "finalised"
    edited = store.save_summary_book(replace(complete, smes_reached=13))
    assert [n.code for n in edited.notices] == ["book.returned_to_draft"]
    assert store.summary_book_state("2023-11") == "draft"


# Interchange helpers ---------------------------------------------------------------------------


def test_deal_entries_round_trip_and_bad_values_are_findings() -> None:
    from app.models.deals import read_deal

    fields = replace(ENTRY.fields, term="3年", agency="某代理所", remarks="备注", via_offer=True)
    entry = fields.to_dict()
    assert entry == {
        "patents": [P4], "licensee": "乙公司", "date": "2023-03-01", "term": "3年",
        "via_offer": True, "agency": "某代理所", "remarks": "备注",
        "payment": {"method": "entry_plus_royalty", "entry_fee_yuan": "50000",
                    "royalty_percent": "3"},
    }
    assert read_deal(json.loads(json.dumps(entry))) == (fields, [])
    _, bad = read_deal({"patents": 5, "date": "2023-02-30",
                        "payment": {"method": "lump_sum", "amount_yuan": "abc"}}, "$.deals[1]")
    assert [(f.code, f.field) for f in bad] == [
        ("deal.entry_invalid", "$.deals[1].patents"), ("deal.date_invalid", "$.deals[1].date"),
        ("deal.not_a_number", "$.deals[1].payment.amount_yuan")]
    assert read_deal("x")[1][0].code == "deal.entry_invalid"


def test_book_entries_round_trip_and_bad_values_are_findings() -> None:
    from app.models.summary_book import LeadContact, read_summary_book

    fields = replace(BOOK, lead=LeadContact("李明", "13912345678"),
                     overrides={"deals_total": "7"})
    entry = json.loads(json.dumps(fields.to_dict()))
    assert entry["period_end"] == "2023-11" and entry["lead"] == {"name": "李明",
                                                                 "mobile": "13912345678"}
    assert read_summary_book(entry) == (fields, [])
    none, problems = read_summary_book({"period_end": "2023-13"}, "$.summary_books[0]")
    assert none is None and problems[0].field == "$.summary_books[0].period_end"
    _, bad = read_summary_book({"period_end": "2023-11", "smes_reached": -1,
                                "filled_on": "05/12/2023", "overrides": {"x": 1}}, "$.b")
    assert {(f.code, f.field) for f in bad} == {
        ("book.not_a_count", "$.b.smes_reached"), ("book.date_invalid", "$.b.filled_on"),
        ("book.override_unknown", "$.b.overrides.x")}


def test_an_imported_deal_via_an_offer_is_linked_to_its_patents_offer(store: Store) -> None:
    from app.models.offers import OfferFields

    _register(store)
    offer_id = store.save_offer(store.find_patent(P3).id, OfferFields()).record_id
    saved = store.save_deal(replace(PACKAGE.fields, via_offer=True))
    assert store.deal(saved.record_id).fields.offer_id == offer_id
    plain = store.save_deal(PACKAGE.fields)
    assert store.deal(plain.record_id).fields.offer_id is None


def test_the_data_hash_follows_what_the_book_prints() -> None:
    from app.models.summary_book import book_data_hash

    assert book_data_hash(book()) == book_data_hash(book())
    changed = build_summary_book(BOOK, UNIT, DEALS[:5], [], REGISTER, today=TODAY)
    assert changed is not None and book_data_hash(changed) != book_data_hash(book())
    assert book_data_hash(book(replace(BOOK, smes_reached=13))) != book_data_hash(book())
