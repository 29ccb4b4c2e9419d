"""An Excel patent list written by `Store.import_patents` on both back ends: new patents,
their patentees and offers go in as plain rows, a few statements however many rows (one
statement per patent made 50,000 rows take seconds), read back as a save would have stored
them; a text longer than its column refuses the whole import in words, on both."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.export.excel.patent_list import preview_patent_list
from app.models.column_limits import bounded_columns
from app.models.entities import Patentee
from app.models.patent_import import ColumnMapping, propose_mapping
from app.models.patent_rules import PatentFields
from app.models.store import Store
from tests.export.test_excel_support import number, write_xlsx
from tests.server.test_bulk_restore import statements_during

HEADINGS = ["专利号", "专利名称", "专利权人", "申请日", "授权公告日", "专利类型", "联系人",
            "联系电话"]


def rows(count: int, patentees: str = "武汉大学、张三、李四") -> list[list[object]]:
    out: list[list[object]] = [HEADINGS]
    for i in range(1, count + 1):
        filed = dt.date(2019, 1 + i % 12, 1 + i % 28)
        out.append([
            number(i, 2019, "2" if i % 4 == 0 else "1"), f" 一种测试方法{i} ",
            patentees if i % 2 else "华中科技大学",
            dt.datetime.combine(filed, dt.time()),
            dt.datetime.combine(filed + dt.timedelta(days=400), dt.time()) if i % 3 else None,
            "外观设计" if i % 5 == 0 else None,  # against the number: a draft with a finding
            "李老师" if i % 2 else None, None,
        ])
    return out


def preview(store: Store, path: Path):  # type: ignore[no-untyped-def]
    mapping = ColumnMapping({k: HEADINGS[v] for k, v in propose_mapping(HEADINGS).items()})
    return preview_patent_list(path, mapping, existing_numbers=store.patent_numbers())


def test_a_list_is_written_in_a_few_statements_as_saves_store_it(
    backend_store: Store, tmp_path: Path
) -> None:
    store = backend_store
    store.save_patent(PatentFields(number=number(1, 2019), title="已有", patentees=("武汉大学",),
                                   filing_date=dt.date(2019, 2, 2)))
    shown = preview(store, write_xlsx(tmp_path / "list.xlsx", rows(300)))
    assert len(shown.rows) == 300 and not shown.rows_with_errors
    outcome = None

    def write() -> None:
        nonlocal outcome
        outcome = store.import_patents(shown.rows)

    count = statements_during(store, write)
    assert outcome is not None and outcome.written
    assert outcome.skipped_existing == (number(1, 2019),) and len(outcome.created) == 299
    assert outcome.offers_created == 149  # the rows with a contact
    assert count < 20, count  # not one statement (or three) per patent
    stored = dict(store.patent_register())
    by_number = {fields.number: fields for fields in stored.values()}
    for row in shown.rows[1:]:
        fields = by_number[row.patent.number]
        expected = PatentFields(
            number=row.patent.number, title=row.patent.title.strip(),
            patentees=tuple(row.patent.patentees), filing_date=row.patent.filing_date,
            grant_date=row.patent.grant_date, legal_status=row.patent.legal_status,
            entered_kind=row.patent.entered_kind, remarks=row.patent.remarks)
        assert fields == expected
    assert any(f.entered_kind == "design" for f in by_number.values())
    assert any(f.grant_date is None for f in by_number.values())
    patents = {p.number: p for p in store.patents()}
    sample = patents[number(3, 2019)]
    assert sample.patentees == ["武汉大学", "张三", "李四"]
    assert sample.version == 1 and sample.created_at is not None and sample.pledged is False
    assert sample.updated_at is not None and sample.inventors == ""
    offer = store.offer_for_patent(sample.id)
    assert offer is not None and offer.state == "draft" and offer.contact_name == "李老师"
    assert (offer.single_term, offer.open_scope, offer.contact_phone) == ("", "", "")
    assert store.offer_for_patent(patents[number(2, 2019)].id) is None


def test_a_patentee_longer_than_its_column_refuses_the_whole_list(
    backend_store: Store, tmp_path: Path
) -> None:
    store = backend_store
    limit = bounded_columns(Patentee)["name"]
    path = write_xlsx(tmp_path / "list.xlsx", rows(3, patentees="武汉大学、" + "武" * (limit + 1)))
    shown = preview(store, path)
    assert not shown.rows_with_errors  # the rules leave it to the record's findings
    outcome = store.import_patents(shown.rows)
    assert not outcome.written
    assert [(f.code, f.params["table"], f.params["limit"]) for f in outcome.findings] == [
        ("range.column_text", "patentee", limit)]
    assert store.patents() == []  # one transaction: nothing of the list was written
