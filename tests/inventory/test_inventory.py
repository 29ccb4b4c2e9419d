"""Screening records, their rules, the two Anhui tables and the fee calendar, headless."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.messages import MESSAGES, describe
from app.models.annual_fees import add_months, next_annual_fee
from app.models.inventory import (
    InventoryRow,
    ScreeningFields,
    categories,
    check_screening,
    company_patentees,
    ipc_parts,
    read_value,
)
from app.models.inventory_tables import COUNT_KEYS, TOTAL_LABEL
from app.models.store import Store
from app.usecases import inventory as inv
from tests.inventory.support import TODAY, UNIT, add_deal, fill

# Rules and values -----------------------------------------------------------------------------


def codes(fields: ScreeningFields, **kw: object) -> set[str]:
    return {f.code for f in check_screening(fields, today=TODAY, **kw)}  # type: ignore[arg-type]


def test_the_shipped_lists_hold_the_nine_industries_and_the_economy_sections() -> None:
    cats = categories()
    top = [c for c, _ in cats.strategic.items if "." not in c]
    assert top == [str(i) for i in range(1, 10)]
    assert cats.strategic.names["1.5"] == "人工智能"
    assert cats.economy.names["C39"] == "计算机、通信和其他电子设备制造业"
    assert len([c for c, _ in cats.economy.items if len(c) == 1]) == 20
    assert len(cats.maturity.items) == 9 and len(cats.ipc_sections.items) == 8


def test_a_convertible_patent_needs_field_maturity_prospect_intention_and_evaluator() -> None:
    found = codes(ScreeningFields(verdict="yes"))
    assert {"inventory.field_missing", "inventory.maturity_missing",
            "inventory.prospect_missing", "inventory.intention_missing",
            "inventory.evaluator_missing", "inventory.evaluated_on_missing"} <= found
    complete = ScreeningFields(verdict="yes", strategic_category="1.5", maturity=6,
                               prospect="good", intentions=("licence",), evaluator="王五",
                               evaluated_on=TODAY)
    assert codes(complete) == set()


def test_contradictions_are_errors() -> None:
    both = ScreeningFields(verdict="yes", abandon=True)
    assert "inventory.convertible_abandoned" in codes(both)
    assert "inventory.convertible_not_in_force" in codes(ScreeningFields(verdict="yes"),
                                                         legal_status="lapsed")
    assert "inventory.abandon_while_used" in codes(ScreeningFields(abandon=True), has_deal=True)
    assert "inventory.maturity_range" in codes(ScreeningFields(maturity=10))
    assert "inventory.category_unknown" in codes(ScreeningFields(strategic_category="10"))
    assert "inventory.ipc_malformed" in codes(ScreeningFields(ipc="Z99"))
    assert "inventory.evaluated_future" in codes(
        ScreeningFields(evaluated_on=TODAY + dt.timedelta(days=1)))


def test_every_inventory_code_has_both_languages() -> None:
    import re

    source = Path("app/models/inventory.py").read_text(encoding="utf-8")
    source += Path("app/usecases/inventory.py").read_text(encoding="utf-8")
    found = set(re.findall(r'"(inventory\.[a-z_]+)"', source))
    assert found and found <= set(MESSAGES)
    assert "转化意愿" in describe(check_screening(ScreeningFields(verdict="yes"),
                                                   today=TODAY)[-3])


@pytest.mark.parametrize(("name", "raw", "value"), [
    ("intentions", "许可、转让", ("transfer", "licence")),
    ("intentions", "自行应用或产业化", ("self_use",)),
    ("maturity", "TRL 6", 6),
    ("maturity", 7.0, 7),
    ("prospect", "较好", "fairly_good"),
    ("verdict", "是", "yes"),
    ("verdict", "否", "no"),
    ("strategic_category", "1.5 人工智能", "1.5"),
    ("strategic_category", "新材料产业", "3"),
    ("economy_category", "c39", "C39"),
    ("transfer", "即将达成", "planned"),
    ("licence", "已发生", "done"),
    ("abandon", "√", True),
    ("evaluated_on", "2024年2月20日", dt.date(2024, 2, 20)),
    ("ipc", "g06f 16/00", "G06F 16/00"),
])
def test_cells_as_clerks_write_them_are_read(name: str, raw: object, value: object) -> None:
    assert read_value(name, raw) == (value, None)


def test_an_unreadable_cell_is_a_finding_on_its_field_not_a_crash() -> None:
    value, problem = read_value("maturity", "很高")
    assert value is None and problem is not None and problem.field == "maturity"
    assert read_value("intentions", "出售")[1] is not None


def test_co_ownership_follows_from_the_patentees() -> None:
    assert company_patentees([UNIT, "张三", "合肥某某科技有限公司"]) == ["合肥某某科技有限公司"]
    assert company_patentees([UNIT, "中国科学院合肥物质科学研究院", "李四"]) == []
    assert company_patentees(["Siemens AG"]) == ["Siemens AG"]
    assert ipc_parts("H01M 10/052") == ("H", "H01")


# Fees ------------------------------------------------------------------------------------------


def test_the_next_fee_falls_on_the_filing_date_anniversary() -> None:
    filed = dt.date(2017, 8, 1)
    expiry = dt.date(2037, 7, 31)
    fee = next_annual_fee(filed, expiry, dt.date(2024, 3, 1))
    assert fee is not None and (fee.year, fee.due) == (8, dt.date(2024, 8, 1))
    assert fee.grace_end == dt.date(2025, 2, 1)
    on_the_day = next_annual_fee(filed, expiry, dt.date(2024, 8, 1))
    assert on_the_day is not None and on_the_day.due == dt.date(2024, 8, 1)
    after = next_annual_fee(filed, expiry, dt.date(2024, 8, 2))
    assert after is not None and (after.year, after.due) == (9, dt.date(2025, 8, 1))
    # The last patent year needs no further fee.
    assert next_annual_fee(filed, expiry, dt.date(2036, 8, 2)) is None
    assert add_months(dt.date(2024, 8, 31), 6) == dt.date(2025, 2, 28)


def test_due_report_lists_fees_within_the_days_and_expiries_within_the_year(
        store: Store) -> None:
    fill(store, 60)
    report = inv.due_report(store, 30, today=TODAY)
    rows = {r.number: r for r in inv.inventory_rows(store)}
    assert report.fees and all(0 <= item.days_left <= 30 for item in report.fees)
    for item in report.fees:
        assert item.fee is not None
        filed = rows[item.number].filing_date
        assert filed is not None and (item.fee.due.month, item.fee.due.day) == (
            filed.month, filed.day)
        assert rows[item.number].in_force
    # Every patent in force whose fee falls within 30 days is listed, and no other.
    expected = {n for n, r in rows.items() if r.in_force and (fee := next_annual_fee(
        r.filing_date, r.expiry, TODAY)) is not None and (fee.due - TODAY).days <= 30}
    assert {item.number for item in report.fees} == expected
    assert report.expiring and all(
        item.expiry is not None and TODAY <= item.expiry < dt.date(2025, 3, 1)
        for item in report.expiring)
    with pytest.raises(ValueError):
        inv.due_report(store, -1, today=TODAY)


# Bulk editing and the tables --------------------------------------------------------------------


def test_undo_of_a_bulk_edit_keeps_what_another_clerk_changed_since(store: Store) -> None:
    """Undo puts back only the field the edit set, and only where it still holds that value:
    a colleague's later change of the same field, or of another field, is kept."""
    fill(store, 10)
    ids = [r.patent_id for r in inv.inventory_rows(store)]
    inv.set_field(store, ids[:3], "maturity", 4)
    edit = inv.set_field(store, ids[:6], "prospect", "好")
    inv.set_field(store, ids[:1], "prospect", "一般")  # a colleague, after the bulk edit
    inv.set_field(store, ids[1:2], "maturity", 7)  # another field of an edited patent
    assert inv.undo_bulk_edit(store, edit) == 1
    after = inv.screenings(store)
    assert after[ids[0]].prospect == "average"
    assert after[ids[1]].prospect == "" and after[ids[1]].maturity == 7
    assert after[ids[2]].prospect == "" and after[ids[2]].maturity == 4
    assert all(i not in after for i in ids[3:6])  # created by the edit, nothing else in them


def test_set_field_for_many_and_undo_restores_exactly(store: Store) -> None:
    fill(store, 30)
    ids = [r.patent_id for r in inv.inventory_rows(store)]
    inv.set_field(store, ids[:5], "maturity", 4)
    before = inv.screenings(store)
    edit = inv.set_field(store, ids[:20], "prospect", "好")
    assert edit.count == 20
    after = inv.screenings(store)
    assert all(after[i].prospect == "good" for i in ids[:20])
    assert after[ids[0]].maturity == 4
    inv.undo_bulk_edit(store, edit)
    assert inv.screenings(store) == before  # no empty records left where there were none
    with pytest.raises(ValueError):
        inv.set_field(store, ids, "maturity", "十")


def _screen(store: Store, ids: list[int]) -> None:
    inv.set_field(store, ids[:24], "verdict", "是")
    inv.set_field(store, ids[:8], "strategic_category", "1.5")
    inv.set_field(store, ids[8:16], "strategic_category", "3.1")
    inv.set_field(store, ids[:12], "economy_category", "C39")
    inv.set_field(store, ids[:18], "maturity", 8)
    inv.set_field(store, ids[:10], "prospect", "好")
    inv.set_field(store, ids[:24], "intentions", "许可、转让")
    inv.set_field(store, ids[30:33], "transfer", "已达成")
    inv.set_field(store, ids[33:35], "abandon", True)
    inv.set_field(store, ids[35:36], "dispute", True)


def test_the_tables_count_exactly_what_the_records_say(store: Store) -> None:
    patents = fill(store, 70)
    add_deal(store, patents[1].number, patents[2].number)
    ids = [r.patent_id for r in inv.inventory_rows(store)]
    _screen(store, ids)
    rows = inv.inventory_rows(store)
    tables = inv.inventory_tables(store, today=TODAY)

    transfer = tables.transfer
    in_force = [r for r in rows if r.in_force]
    assert transfer.patents_in_force == len(in_force)
    listed = {row.number.removeprefix("ZL") for row in transfer.rows}
    assert listed == {r.number for r in in_force if r.situations}
    assert transfer.totals[0] == sum(1 for r in in_force if r.deal_serials)  # 已发生许可
    assert transfer.totals[5] == sum(1 for r in in_force if r.co_owned)
    assert transfer.totals[2] == sum(1 for r in in_force if r.screening.transfer == "done")
    deal_row = next(r for r in transfer.rows if r.number == "ZL" + patents[1].number)
    assert deal_row.marks[0] and "达成许可清单序号 1" in deal_row.remark

    table = tables.classification
    convertible = [r for r in rows if r.convertible]
    assert table.total == len(convertible) == len(table.details)
    assert not any(r.deal_serials for r in convertible)  # licensed ones are not "stock"
    total_row = table.by_strategic[-1]
    assert total_row.heading == TOTAL_LABEL
    for key in COUNT_KEYS:  # each column's 合计 is the sum of the fields above it
        assert total_row.count(key) == sum(r.count(key) for r in table.by_strategic[:-1])
        assert table.by_economy[-1].count(key) == total_row.count(key)
    by_heading = {r.heading: r for r in table.by_strategic}
    assert by_heading["1 新一代信息技术产业"].count("total") == sum(
        1 for r in convertible if r.screening.strategic_category == "1.5")
    assert by_heading["3 新材料产业"].count("total") == sum(
        1 for r in convertible if r.screening.strategic_category == "3.1")
    assert total_row.count("maturity_2") == sum(1 for r in convertible
                                                if r.screening.maturity == 8)
    kinds = total_row.count("invention") + total_row.count("utility_model") + total_row.count(
        "design")
    assert kinds == total_row.count("total")


def test_render_writes_both_workbooks_and_pdfs_with_the_official_titles(
        store: Store, tmp_path: Path) -> None:
    patents = fill(store, 40)
    add_deal(store, patents[1].number)
    _screen(store, [r.patent_id for r in inv.inventory_rows(store)])
    result = inv.render_inventory(store, tmp_path, today=TODAY)
    names = sorted(p.name for p in result.files)
    assert names == sorted([
        "高校和科研机构转化专利统计表.xlsx", "高校和科研机构转化专利统计表.pdf",
        "高校和科研机构存量可转化专利分类统计表.xlsx",
        "高校和科研机构存量可转化专利分类统计表.pdf"])
    book = load_workbook(tmp_path / "高校和科研机构转化专利统计表.xlsx")
    sheet = book.active
    assert sheet["A1"].value == "高校和科研机构转化专利统计表"
    assert sheet.cell(3, 7).value == "已发生或即将实施许可"
    assert sheet.cell(5, 2).value.startswith("ZL") and sheet.cell(5, 2).data_type == "s"
    total_row = 5 + len(result.tables.transfer.rows)
    assert sheet.cell(total_row, 1).value == "合计"
    assert [sheet.cell(total_row, 7 + i).value for i in range(7)] == list(
        result.tables.transfer.totals)
    classification = load_workbook(tmp_path / "高校和科研机构存量可转化专利分类统计表.xlsx")
    assert classification.sheetnames == ["可转化专利分类统计表", "可转化专利明细"]
    text = subprocess.run(["pdftotext", "-layout",
                           str(tmp_path / "高校和科研机构存量可转化专利分类统计表.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "高校和科研机构存量可转化专利分类统计表" in text and "按战略性新兴产业分类" in text
    # Same data, same bytes.
    first = (tmp_path / "高校和科研机构转化专利统计表.pdf").read_bytes()
    again = inv.render_inventory(store, tmp_path / "again", today=TODAY)
    assert (tmp_path / "again" / "高校和科研机构转化专利统计表.pdf").read_bytes() == first
    assert again.tables == result.tables


def test_a_bad_screening_marks_the_pdfs_as_drafts(store: Store, tmp_path: Path) -> None:
    fill(store, 10)
    rows = inv.inventory_rows(store)
    lapsed = next(r for r in rows if not r.in_force)
    inv.set_field(store, [lapsed.patent_id], "verdict", "是")
    result = inv.render_inventory(store, tmp_path, today=TODAY, pdf=False)
    assert result.has_errors
    assert any(f.code == "inventory.convertible_not_in_force" for _, f in result.findings)


def test_import_screenings_reads_cells_and_reports_rows(store: Store) -> None:
    patents = fill(store, 5)
    result = inv.import_screenings(store, [
        (2, patents[0].number, {"maturity": "6", "prospect": "较好", "verdict": "是"}),
        (3, "ZL" + patents[1].number, {"maturity": "很高", "intentions": "许可"}),
        (4, "201910000999.9", {"maturity": "3"}),
    ])
    assert result.written == 2
    assert [(row, f.code) for row, f in result.findings] == [
        (3, "inventory.maturity_range"), (4, "inventory.import_unknown_patent")]
    saved = {r.number: r.screening for r in inv.inventory_rows(store)}
    assert saved[patents[0].number].maturity == 6
    assert saved[patents[1].number].maturity is None
    assert saved[patents[1].number].intentions == ("licence",)


def test_feedback_is_recorded_per_patent_and_needs_an_enterprise(store: Store) -> None:
    from app.models.inventory import FeedbackFields

    fill(store, 3)
    patent_id = inv.inventory_rows(store)[0].patent_id
    assert inv.add_feedback(store, patent_id, FeedbackFields())[0] is None
    feedback_id, _ = inv.add_feedback(store, patent_id, FeedbackFields(
        "合肥乙公司", dt.date(2024, 2, 1), "good", "提高耐温性能", "yes", "愿联合攻关"))
    assert feedback_id is not None
    assert inv.feedback_of(store, patent_id)[0][1].improvement_needs == "提高耐温性能"
    assert inv.inventory_rows(store)[0].feedback_count == 1
    assert inv.delete_feedback(store, feedback_id)


def test_a_deal_means_licensed_whatever_was_marked() -> None:
    row = InventoryRow(1, "x", "t", "invention", ("甲大学",), "valid", None, None, None,
                       ScreeningFields(licence="planned", verdict="yes"), deal_serials=(3,))
    assert row.licence_stage == "done" and not row.convertible
    assert row.situations == ("licence_done",)


def test_screenings_with_an_evaluation_date_read_back_on_both_back_ends(
        backend_store: Store) -> None:
    # PostgreSQL's driver hands the date over as a date, SQLite as text: both read back.
    fill(backend_store, 3)
    ids = [r.patent_id for r in inv.inventory_rows(backend_store)]
    inv.set_field(backend_store, ids[:2], "evaluated_on", dt.date(2026, 3, 2))
    read = inv.screenings(backend_store)
    assert [read[i].evaluated_on for i in ids[:2]] == [dt.date(2026, 3, 2)] * 2
