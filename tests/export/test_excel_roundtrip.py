"""Committing an import (one transaction, skip or update) and the summary list's round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

import app.models.store as store_module
from app.export.excel.patent_list import preview_patent_list
from app.export.excel.summary_list import write_summary_list
from app.models.database import open_database
from app.models.offers import OfferContact, OfferFields
from app.models.patent_import import ColumnMapping
from app.models.patent_rules import PatentFields
from app.models.store import ContactData, OrganisationData, Store
from tests.export.test_excel_support import number, summary_list_rows, write_xlsx

TODAY = dt.date.today()
N1, N2, N3 = number(1, 2024), number(2, 2024), number(3, 2024, "2")


def row(serial: int, patent_number: object, **changes: object) -> list[object]:
    values = {
        "serial": serial, "number": patent_number, "title": f"一种图像识别方法{serial}",
        "patentees": "武汉大学、张三", "single_term": "3年", "status": "有效", "kind": "",
        "scope": "全省", "contact": "李老师", "phone": "027-68754321",
    }
    values.update(changes)
    return list(values.values())


def preview(store: Store, path: Path, mapping: ColumnMapping | None = None):  # type: ignore[no-untyped-def]
    return preview_patent_list(path, mapping, existing_numbers=store.patent_numbers())


def test_nothing_is_written_while_any_row_has_errors(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", summary_list_rows(
        row(1, N1), row(2, "201710601862.4"), row(3, N3), title_rows=False))
    shown = preview(store, path)
    assert [r.row for r in shown.rows_with_errors] == [3]
    outcome = store.import_patents(shown.rows)
    assert not outcome.written and [f.code for f in outcome.findings] == [
        "import.refused_rows_with_errors"]
    assert outcome.findings[0].params["rows"] == "3"
    assert store.patents() == []
    partial = store.import_patents(shown.rows, skip_bad_rows=True)
    assert partial.written and partial.created == (N1, N3) and partial.skipped_rows == (3,)
    assert sorted(p.number for p in store.patents()) == [N1, N3]
    assert partial.offers_created == 2


def test_existing_numbers_are_skipped_or_updated_without_erasing(store: Store,
                                                                  tmp_path: Path) -> None:
    store.save_patent(PatentFields(number=N1, title="旧名称", patentees=("武汉大学",),
                                   filing_date=dt.date(2024, 1, 5), remarks="保留"))
    path = write_xlsx(tmp_path / "a.xlsx", summary_list_rows(
        row(1, "ZL" + N1, title="新名称", patentees="武汉大学、李四"), row(2, N2),
        title_rows=False))
    shown = preview(store, path)
    assert [r.existing for r in shown.rows] == [True, False]
    skipped = store.import_patents(shown.rows)  # on_existing="skip" by default
    assert skipped.skipped_existing == (N1,) and skipped.created == (N2,)
    assert store.find_patent(N1).title == "旧名称"  # type: ignore[union-attr]

    shown = preview(store, path)
    updated = store.import_patents(shown.rows, on_existing="update")
    assert updated.updated == (N1, N2) and updated.created == ()
    patent = store.find_patent(N1)
    assert patent is not None and patent.title == "新名称"
    assert patent.patentees == ["武汉大学", "李四"]
    # The summary list has no filing date or remarks: what the register had stays.
    assert patent.filing_date == dt.date(2024, 1, 5) and patent.remarks == "保留"
    offer = store.offer_for_patent(patent.id)
    assert offer is not None and offer.single_term == "3年" and offer.state == "draft"
    with pytest.raises(ValueError):
        store.import_patents(shown.rows, on_existing="overwrite")


def test_an_update_returns_a_finalised_offer_to_draft_and_says_so(store: Store,
                                                                   tmp_path: Path) -> None:
    saved = store.save_patent(PatentFields(number=N1, title="图像识别", patentees=("武汉大学",),
                                           filing_date=dt.date(2024, 1, 5),
                                           grant_date=dt.date(2025, 1, 5)))
    assert saved.record_id is not None
    offer = OfferFields(
        self_exploitation="none", licensing="none",
        licence_expiry=TODAY + dt.timedelta(days=700), fee={"option": "free"},
        contact=OfferContact("李老师", "武汉市八一路299号", "430072", "027-68754321",
                             "kjc@whu.edu.cn"),
        open_scope="全省", single_term="3年", declared_on=TODAY,
    )
    offer_id = store.save_offer(saved.record_id, offer).record_id
    assert offer_id is not None and store.finalise_offer(offer_id).saved
    path = write_xlsx(tmp_path / "a.xlsx", summary_list_rows(
        row(1, N1, title="图像识别", patentees="武汉大学", scope="武汉市"), title_rows=False))
    outcome = store.import_patents(preview(store, path).rows, on_existing="update")
    assert [f.code for f in outcome.findings] == ["offer.returned_to_draft"]
    assert store.offer(offer_id).open_scope == "武汉市"  # type: ignore[union-attr]


def test_a_failure_half_way_writes_nothing(store: Store, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    store.save_patent(PatentFields(number=N1, title="旧名称", patentees=("武汉大学",)))
    path = write_xlsx(tmp_path / "a.xlsx", summary_list_rows(
        row(1, N1, title="新名称"), row(2, N2), row(3, N3), title_rows=False))
    shown = preview(store, path)
    real = store_module._patent_columns
    calls = []

    def failing(fields: PatentFields, number: str) -> dict[str, object]:
        calls.append(number)
        if len(calls) == 2:
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        return real(fields, number)

    monkeypatch.setattr(store_module, "_patent_columns", failing)
    outcome = store.import_patents(shown.rows, on_existing="update")
    assert calls == [N2, N3]  # the update of N1 was already done in the transaction …
    assert not outcome.written and [f.code for f in outcome.findings] == ["import.write_failed"]
    assert "disk I/O error" in outcome.findings[0].params["reason"]
    monkeypatch.undo()
    # … and rolled back with the rest.
    assert [(p.number, p.title) for p in store.patents()] == [(N1, "旧名称")]
    assert store.offers() == []


def test_rows_without_offer_columns_create_no_offer(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [["申请号", "发明名称", "权利人", "申请日"],
                                            [N1, "一种电池", "武汉大学", "2024-01-02"]])
    mapping = ColumnMapping({"number": "申请号", "title": "发明名称", "patentees": "权利人",
                             "filing_date": "申请日"})
    outcome = store.import_patents(preview(store, path, mapping).rows)
    assert outcome.created == (N1,) and outcome.offers_created == 0
    assert store.offers() == []
    assert store.find_patent(N1).filing_date == dt.date(2024, 1, 2)  # type: ignore[union-attr]


def test_an_exported_summary_list_imports_back_to_the_same_records(
    store: Store, tmp_path: Path
) -> None:
    from tests.models.test_batches import add_offer

    store.save_organisation(OrganisationData(
        name="武汉大学", contacts=(ContactData(name="王老师", mobile="13912345678"),)))
    ids = [add_offer(store, 1, patentees=("武汉大学", "张三", "湖北某某科技有限公司")),
           add_offer(store, 2, kind="2"), add_offer(store, 3, kind="3")]
    batch = store.create_batch("第一批", offer_ids=ids).batch
    assert batch is not None
    summary, _findings = store.summary_list(batch.id)
    assert summary is not None
    path = tmp_path / "汇总表.xlsx"
    write_summary_list(summary, path)

    fresh = Store(open_database(tmp_path / "fresh.sqlite3"))
    try:
        shown = preview_patent_list(path, existing_numbers=fresh.patent_numbers())
        assert shown.layout == "summary_list" and shown.header_row == 3
        assert all(r.findings == () for r in shown.rows)
        outcome = fresh.import_patents(shown.rows)
        assert outcome.written and len(outcome.created) == 3 and outcome.offers_created == 3

        def particulars(s: Store) -> list[tuple[object, ...]]:
            return [(p.number, p.title, tuple(p.patentees), p.legal_status, p.kind)
                    for p in s.patents()]

        def summary_fields(s: Store) -> list[tuple[object, ...]]:
            return [(o.patent.number, o.single_term, o.open_scope, o.contact_name,
                     o.contact_phone) for o in s.offers()]

        assert particulars(fresh) == particulars(store)
        assert summary_fields(fresh) == summary_fields(store)
        assert [p.entered_kind for p in fresh.patents()] == [None, None, None]
    finally:
        fresh.database.close()


def test_one_call_exports_a_batch(store: Store, tmp_path: Path) -> None:
    from app.export.excel.summary_list import export_batch_summary_list
    from tests.models.test_batches import add_offer

    batch = store.create_batch("第一批", offer_ids=[add_offer(store, 1)]).batch
    assert batch is not None
    summary, written, findings = export_batch_summary_list(store, batch.id, tmp_path / "a.xlsx")
    assert summary is not None and written is not None and written.path.exists()
    assert [f.code for f in findings] == ["summary_list.unit_missing"]
    _s, nothing, refused = export_batch_summary_list(store, batch.id, tmp_path / "a.xlsx" / "x")
    assert nothing is None and refused[-1].code == "export.write_failed"
    assert export_batch_summary_list(store, 999, tmp_path / "b.xlsx")[2][0].code == "batch.missing"
