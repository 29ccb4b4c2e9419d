"""JSON version 3: deals (achieved licences) and summary books travel with the register."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.cli import main
from app.interchange import CURRENT_VERSION, export_file, import_file, read_document
from app.models.database import open_database
from app.models.deals import DealRecord, SummaryBook
from app.models.patent_number import check_character
from app.models.store import Store
from app.models.summary_book import SummaryBookFields


def number(digits: str) -> str:
    return f"{digits}.{check_character(digits)}"


P1 = "201710601862.3"
P2 = number("202010123456")
P3 = number("202120234567")
P4 = number("202210345678")
P5 = number("201930456789")
UNKNOWN = number("202110999999")
FUTURE = (dt.date.today() + dt.timedelta(days=800)).isoformat()


def patent(num: str, title: str = "一种方法") -> dict[str, Any]:
    return {"number": num, "title": title, "filing_date": f"{num[:4]}-01-05", "grant_date": None,
            "patentees": ["河南大学"], "legal_status": "valid"}


PATENTS = [patent(P1), patent(P2), patent(P3), patent(P4), patent(P5)]
OFFER = {
    "patent": P4,
    "self_exploitation": {"status": "none"},
    "licensing_to_others": {"status": "none"},
    "licence_expiry": FUTURE,
    "fee": {"option": "free"},
    "contact": {"name": "李老师", "address": "郑州市", "postcode": "450001",
                "phone": "0371-67781234", "email": "kjc@example.edu.cn"},
}
# A patent package (any notation) paid by entry fee + royalty, royalty only through an offer,
# free, and a lump sum.
PACKAGE = {
    "serial": 1, "patents": ["ZL" + P1, P2.replace(".", ""), P3],
    "licensee": "郑州某某科技有限公司", "date": "2023-03-01", "term": "3年", "via_offer": False,
    "payment": {"method": "entry_plus_royalty", "entry_fee_yuan": 12500.5, "royalty_percent": 3.5},
    "agency": "某某专利代理事务所", "remarks": "第一行\n第二行",
}
ROYALTY = {"serial": 2, "patents": [P4], "licensee": "乙公司", "date": "2023-04-01",
           "via_offer": True, "payment": {"method": "royalty", "royalty_percent": 5}}
FREE = {"serial": 3, "patents": [P5], "licensee": "丙公司", "date": "2023-05-01",
        "via_offer": False, "payment": {"method": "free"}}
LUMP = {"serial": 4, "patents": [P1], "licensee": "丁公司", "date": "2023-06-01",
        "via_offer": False, "payment": {"method": "lump_sum", "amount_yuan": 50000}}
BOOK = {
    "period_end": "2023-11", "filled_on": "2023-12-05",
    "lead": {"name": "李明", "mobile": "13912345678", "department": "科技处", "title": "科长"},
    "unit_profile": "  河南大学……\n第二段", "self_evaluation": "一、政策出台\n二、经费保障",
    "platform_name": "河南省技术产权交易所", "platform_url": "https://www.hntpe.com",
    "smes_reached": 12, "overrides": {"deals_total": 5, "paid_amount_wan": 6.25},
}
EARLIER_BOOK = {"period_end": "2023-06"}


def document(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": "licence-desk", "version": 3, "patents": PATENTS, "offers": [OFFER],
        "deals": [PACKAGE, ROYALTY, FREE, LUMP], "summary_books": [BOOK, EARLIER_BOOK],
    }
    doc.update(changes)
    return copy.deepcopy(doc)


def write(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def by_serial(store: Store) -> dict[int, DealRecord]:
    return {r.serial: r for r in store.deals()}


def test_current_version_is_5() -> None:
    assert CURRENT_VERSION == 5


def test_round_trip_is_byte_identical(tmp_path: Path, store: Store) -> None:
    result = import_file(store, write(tmp_path / "in.json", document()))
    assert result.imported, result.problems
    assert (result.deals, result.deals_created, result.books, result.books_created) == (4, 4, 2, 2)

    first = tmp_path / "first.json"
    export_file(store, first)
    fresh = Store(open_database(tmp_path / "fresh.sqlite3"))
    try:
        assert import_file(fresh, first).imported
        second = tmp_path / "second.json"
        export_file(fresh, second)
        assert first.read_bytes() == second.read_bytes()
        deals = by_serial(fresh)
        assert deals[1].fields.payment.entry_fee_yuan == Decimal("12500.5")
        assert deals[1].fields.patents == (P1, P2, P3)  # normalised, in the contract's order
        assert deals[2].fields.offer_id is not None  # via an offer: linked to its patent's
        book = fresh.summary_book("2023-11")
        assert book is not None and book.unit_profile == BOOK["unit_profile"]
        assert book.lead.title == "科长" and book.smes_reached == 12
    finally:
        fresh.database.close()

    text = first.read_text(encoding="utf-8")
    assert '"entry_fee_yuan": 12500.5' in text and '"amount_yuan": 50000,' not in text
    assert '"amount_yuan": 50000' in text and '"royalty_percent": 3.5' in text
    doc = json.loads(text)
    assert [d["serial"] for d in doc["deals"]] == [1, 2, 3, 4]
    assert [b["period_end"] for b in doc["summary_books"]] == ["2023-06", "2023-11"]
    assert doc["deals"][0] == {**PACKAGE, "patents": [P1, P2, P3]}
    assert doc["deals"][1]["via_offer"] is True and doc["deals"][2]["via_offer"] is False
    assert doc["deals"][2]["payment"] == {"method": "free"}
    assert doc["summary_books"][1] == BOOK
    assert doc["summary_books"][1]["overrides"]["deals_total"] == 5  # a number, not "5"


def test_importing_twice_does_not_duplicate_and_keeps_the_files(
    tmp_path: Path, store: Store
) -> None:
    source = write(tmp_path / "in.json", document())
    assert import_file(store, source).imported
    before = by_serial(store)
    contract = tmp_path / "合同.pdf"
    contract.write_bytes(b"%PDF-1.4 contract")
    assert store.add_deal_file(before[1].id, contract, "contract").saved
    first = tmp_path / "first.json"
    export_file(store, first)

    again = import_file(store, source)
    assert again.imported and again.deals == 4 and again.deals_created == 0
    assert again.books_created == 0
    after = by_serial(store)
    assert {s: r.id for s, r in after.items()} == {s: r.id for s, r in before.items()}
    assert [f.kind for f in after[1].files] == ["contract"]  # supporting files stay
    second = tmp_path / "second.json"
    export_file(store, second)
    assert first.read_bytes() == second.read_bytes()


def test_a_matched_deal_is_updated_in_place_and_keeps_its_serial(
    tmp_path: Path, store: Store
) -> None:
    assert import_file(store, write(tmp_path / "in.json", document())).imported
    ids = {s: r.id for s, r in by_serial(store).items()}
    # Same date, licensee and patents (another order and notation): the same deal, even when
    # the file gives it another 序号; its payment is what the file says now.
    lump = {**LUMP, "serial": 9, "patents": ["ZL " + P1],
            "payment": {"method": "lump_sum", "amount_yuan": 60000}}
    package = {**PACKAGE, "serial": 4, "patents": [P3, P1, P2]}
    # A new deal asking for a 序号 already taken gets the next free one.
    new = {**FREE, "serial": 1, "licensee": "戊公司"}
    result = import_file(store, write(tmp_path / "b.json", document(deals=[lump, package, new])))
    assert result.imported and result.deals_created == 1
    deals = by_serial(store)
    assert sorted(deals) == [1, 2, 3, 4, 5]
    assert deals[4].id == ids[4] and deals[4].fields.payment.amount_yuan == Decimal(60000)
    assert deals[1].id == ids[1] and deals[1].fields.patents == (P3, P1, P2)
    assert deals[5].fields.licensee == "戊公司"


def test_a_fresh_import_keeps_the_files_serials(tmp_path: Path, store: Store) -> None:
    doc = document(deals=[{**FREE, "serial": 7}, {**LUMP, "serial": 3}, {**ROYALTY}])
    del doc["deals"][2]["serial"]  # a hand-written entry without 序号: the next free one
    assert import_file(store, write(tmp_path / "in.json", doc)).imported
    deals = by_serial(store)
    assert {s: r.fields.licensee for s, r in deals.items()} == {7: "丙公司", 3: "丁公司",
                                                              8: "乙公司"}


def test_two_alike_deals_pair_up_with_two_stored_ones(tmp_path: Path, store: Store) -> None:
    twin = {**FREE, "serial": 2}
    source = write(tmp_path / "in.json", document(deals=[FREE, twin]))
    assert import_file(store, source).imported
    assert import_file(store, source).deals_created == 0
    assert len(store.deals()) == 2


def test_versions_1_and_2_still_import(tmp_path: Path, store: Store) -> None:
    v1 = {"format": "licence-desk", "version": 1, "patents": [patent(P1)]}
    assert import_file(store, write(tmp_path / "v1.json", v1)).imported
    v2 = {"format": "licence-desk", "version": 2, "patents": PATENTS, "offers": [OFFER]}
    result = import_file(store, write(tmp_path / "v2.json", v2))
    assert result.imported and result.offers == 1 and result.deals == 0
    assert len(store.patents()) == 5 and store.deals() == []


@pytest.mark.parametrize("version", [1, 2])
def test_older_versions_may_not_carry_deals_or_books(version: int) -> None:
    doc = document(version=version)
    if version == 1:
        del doc["offers"]
    assert {p.field: p.code for p in read_document(doc).problems} == {
        "$.deals": "json.unknown", "$.summary_books": "json.unknown"
    }


def test_a_deal_naming_an_unknown_patent_refuses_the_file(tmp_path: Path, store: Store) -> None:
    package = {**PACKAGE, "patents": [P1, P2, UNKNOWN]}
    result = import_file(store, write(tmp_path / "x.json", document(deals=[FREE, package])))
    assert [(p.code, p.field) for p in result.problems] == [
        ("json.deal_patent_unknown", "$.deals[1].patents[2]")
    ]
    assert result.problems[0].params == {"number": UNKNOWN}
    assert store.patents() == [] and store.deals() == []


def test_a_deal_may_name_a_patent_of_the_register(tmp_path: Path, store: Store) -> None:
    assert import_file(store, write(tmp_path / "a.json", document(deals=[], summary_books=[])))
    result = import_file(store, write(tmp_path / "b.json", document(patents=[], offers=[])))
    assert result.imported and result.deals == 4


def test_malformed_deals_and_books_refuse_the_file_with_every_path(
    tmp_path: Path, store: Store
) -> None:
    deals = [
        {"serial": 0, "patents": P1, "licensee": 5, "date": "2023/03/01", "via_offer": "yes",
         "payment": {"method": "cash", "amount_yuan": "50000"}, "colour": "red"},
        {"patents": [P1, 7], "date": None, "payment": "free"},
        {**LUMP, "payment": {"method": "lump_sum", "amount_yuan": True, "royalty_percent": [3]}},
        "not a deal",
    ]
    books = [
        {"period_end": "2023-13", "filled_on": "05/12/2023", "smes_reached": -1,
         "lead": {"name": 3, "email": "x@y"},
         "overrides": {"deals_total": 2.5, "colour": 1, "paid_amount_wan": "6"}},
        {"period_end": "2023-11", "smes_reached": "12"},
        {"period_end": "2023-11", "platform_url": None},
        {"platform_name": "平台"},
    ]
    result = import_file(store, write(tmp_path / "bad.json",
                                      document(deals=deals, summary_books=books)))
    assert not result.imported
    assert {p.field: p.code for p in result.problems} == {
        "$.deals[0].serial": "json.positive",
        "$.deals[0].patents": "json.type.list",
        "$.deals[0].licensee": "json.type.text",
        "$.deals[0].date": "json.date",
        "$.deals[0].via_offer": "json.type.boolean",
        "$.deals[0].payment.method": "json.enum",
        "$.deals[0].payment.amount_yuan": "json.type.number",
        "$.deals[0].colour": "json.unknown",
        "$.deals[1].patents[1]": "json.type.text",
        "$.deals[1].payment": "json.type.object",
        "$.deals[2].payment.amount_yuan": "json.type.number",
        "$.deals[2].payment.royalty_percent": "json.type.number",
        "$.deals[3]": "json.type.object",
        "$.summary_books[0].period_end": "json.month",
        "$.summary_books[0].filled_on": "json.date",
        "$.summary_books[0].smes_reached": "book.not_a_count",
        "$.summary_books[0].lead.name": "json.type.text",
        "$.summary_books[0].lead.email": "json.unknown",
        "$.summary_books[0].overrides.deals_total": "book.override_invalid",
        "$.summary_books[0].overrides.colour": "json.unknown",
        "$.summary_books[0].overrides.paid_amount_wan": "json.type.number",
        "$.summary_books[1].smes_reached": "json.type.integer",
        "$.summary_books[2].period_end": "json.duplicate_book",
        "$.summary_books[3].period_end": "json.missing",
    }
    assert len(result.problems) == 24  # each misfit once
    assert store.patents() == [] and store.deals() == [] and store.summary_books() == []


def test_a_deal_breaking_the_rules_imports_as_a_draft_with_findings(
    tmp_path: Path, store: Store
) -> None:
    broken = {"serial": 5, "patents": [P1, "ZL" + P1], "licensee": " ", "date": None,
              "via_offer": False, "payment": {"method": "lump_sum", "amount_yuan": 0}}
    undecided = {**FREE, "payment": {"method": ""}}
    result = import_file(store, write(tmp_path / "x.json",
                                      document(deals=[broken, undecided, LUMP])))
    assert result.imported and result.deals == 3
    assert set(result.deal_findings) == {5, 3, 4}  # every one lacks its contract file
    codes = {f.code for f in result.deal_findings[5]}
    assert {"deal.patent_repeated", "deal.licensee_required", "deal.date_required",
            "deal.amount_not_positive", "deal.contract_missing"} <= codes
    assert "deal.method_required" in {f.code for f in result.deal_findings[3]}
    assert result.records_with_errors == 3
    saved = by_serial(store)[5].fields
    assert saved.payment.amount_yuan == Decimal(0) and saved.licence_date is None


def test_a_failure_leaves_the_database_as_it_was(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write(tmp_path / "in.json", document())

    def broken(self: SummaryBookFields, book: Any) -> None:
        raise RuntimeError("disk full")

    # Books are written last: patents, offers and deals are already in the transaction.
    monkeypatch.setattr(SummaryBookFields, "apply_to", broken)
    with pytest.raises(RuntimeError):
        import_file(store, source)
    assert store.patents() == [] and store.offers() == [] and store.deals() == []
    assert store.summary_books() == []


def test_a_finalised_book_stays_finalised_unless_the_file_changes_it(
    tmp_path: Path, store: Store
) -> None:
    source = write(tmp_path / "in.json", document())
    assert import_file(store, source).imported
    assert store.summary_book_state("2023-11") == "draft"
    with store.session() as session, session.begin():
        book = session.scalar(select(SummaryBook).where(SummaryBook.period_end == "2023-11"))
        assert book is not None
        book.state = "finalised"
    assert import_file(store, source).imported
    assert store.summary_book_state("2023-11") == "finalised"
    changed = document(summary_books=[{**BOOK, "smes_reached": 13}])
    assert import_file(store, write(tmp_path / "b.json", changed)).imported
    assert store.summary_book_state("2023-11") == "draft"
    assert store.summary_book("2023-11").smes_reached == 13  # type: ignore[union-attr]


def test_cli_import_then_validate(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path / "in.json", document())
    # Imported, but the deals have no contract file yet: kept as drafts, exit 1 as documented.
    assert main(["--db", str(db_path), "import", str(source)]) == 1
    capsys.readouterr()
    assert main(["--db", str(db_path), "validate", "--json"]) in (0, 1)
    rows = json.loads(capsys.readouterr().out)
    errors = any(r["severity"] == "error" for r in rows)
    assert main(["--db", str(db_path), "validate"]) == (1 if errors else 0)
    out = tmp_path / "out.json"
    assert main(["--db", str(db_path), "export-json", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["deals"]) == 4


def test_cli_import_counts_the_drafts_by_what_they_are(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Once every record kept as a draft was counted and named as a patent ("3 条专利")."""
    granted = [{**patent(num), "grant_date": "2023-06-01"} for num in (P4, P5)]
    sheet = {**OFFER, "contact": {**OFFER["contact"], "phone": ""}}  # ⑧ without a phone
    source = write(tmp_path / "x.json", document(patents=granted, offers=[sheet],
                                                 deals=[FREE], summary_books=[]))
    assert main(["--db", str(db_path), "import", str(source)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("已从") and "导入 2 条专利" in lines[0]
    assert lines[1:] == [
        "其中 1 份信息表有错误，已作为草稿保存；运行“licence-desk validate”查看。",
        "其中 1 条达成许可有错误，已作为草稿保存；运行“licence-desk validate”查看。",
    ]

    bad_patent = {**patent(P1), "grant_date": "2020-01-05", "filing_date": "2999-01-01"}
    again = write(tmp_path / "y.json", document(patents=[bad_patent], offers=[], deals=[],
                                                summary_books=[]))
    assert main(["--db", str(db_path), "--lang", "en", "import", str(again)]) == 1
    assert capsys.readouterr().out.splitlines()[1:] == [
        "1 imported patent(s) have errors and were kept as drafts: run \"licence-desk "
        "validate\" to see them."]


def test_cli_refuses_a_deal_naming_an_unknown_patent(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path / "bad.json", document(deals=[{**FREE, "patents": [UNKNOWN]}]))
    assert main(["--db", str(db_path), "import", str(bad)]) == 2
    assert "$.deals[0].patents[0]" in capsys.readouterr().err


def test_validate_lists_deal_and_book_findings(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What `import` reports about deals, `validate` reports too (and books' own findings)."""
    source = write(tmp_path / "x.json", document())
    main(["--db", str(db_path), "import", str(source)])
    capsys.readouterr()
    main(["--db", str(db_path), "validate", "--json"])
    rows = json.loads(capsys.readouterr().out)
    deal_rows = [r for r in rows if r["entity"] == "deal"]
    assert deal_rows, "imported deals have no contract file: validate must say so"
    assert {r["code"] for r in deal_rows} >= {"deal.contract_missing"}
