"""Batches: only finalised offers enter, order is the summary list's 序号, the store's rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from app import messages
from app.models.batches import Batch, BatchOffer
from app.models.findings import error
from app.models.offers import OfferContact, OfferFields
from app.models.patent_number import check_character
from app.models.patent_rules import PatentFields
from app.models.store import ContactData, OrganisationData, Store
from app.models.summary_list import COLUMNS, TITLE

TODAY = dt.date.today()
CONTACT = OfferContact("李老师", "湖北省武汉市武昌区八一路299号", "430072", "027-68754321",
                       "kjc@whu.edu.cn")
OFFER = OfferFields(
    self_exploitation="none",
    licensing="none",
    licence_expiry=TODAY + dt.timedelta(days=3 * 365),
    fee={"option": "free"},
    contact=CONTACT,
    open_scope="全省",
    single_term="3年",
    declared_on=TODAY,
)


def number(serial: int, year: int = 2024, kind: str = "1") -> str:
    digits = f"{year}{kind}{serial:07d}"
    return f"{digits}.{check_character(digits)}"


def add_offer(
    store: Store,
    serial: int,
    *,
    finalise: bool = True,
    patentees: tuple[str, ...] = ("武汉大学",),
    kind: str = "1",
    offer: OfferFields = OFFER,
) -> int:
    patent = PatentFields(
        number=number(serial, kind=kind),
        title=f"一种图像识别方法{serial}",
        patentees=patentees,
        filing_date=dt.date(2024, 3, 1),
        grant_date=dt.date(2025, 5, 6),
    )
    saved = store.save_patent(patent)
    assert saved.record_id is not None
    result = store.save_offer(saved.record_id, offer)
    assert result.record_id is not None
    if finalise:
        done = store.finalise_offer(result.record_id)
        assert done.saved, done.findings
    return result.record_id


def test_a_batch_keeps_finalised_offers_in_the_order_given(store: Store) -> None:
    first, second, third = (add_offer(store, i) for i in (1, 2, 3))
    result = store.create_batch("2026 年第一批", "给省局", [third, first, second])
    assert result.done and result.findings == []
    assert result.batch is not None and result.batch.offer_ids == (third, first, second)
    assert [o.id for o in store.batch_offers(result.batch.id)] == [third, first, second]
    with store.session() as session:
        positions = [(e.offer_id, e.position) for e in session.query(BatchOffer)
                     .order_by(BatchOffer.position)]
    assert positions == [(third, 0), (first, 1), (second, 2)]


def test_a_draft_offer_is_reported_with_its_findings_and_left_out(store: Store) -> None:
    good = add_offer(store, 1)
    draft = add_offer(store, 2, finalise=False, offer=replace(OFFER, self_exploitation=""))
    result = store.create_batch("第一批", offer_ids=[good, draft])
    assert result.batch is not None and result.batch.offer_ids == (good,)
    [refusal] = result.findings
    assert refusal.code == "batch.offer_not_finalised"
    assert refusal.params["number"] == "ZL" + number(2)
    assert result.left_out == [draft]
    codes = [f.code for f in result.offer_findings[draft]]
    assert codes[0] == "batch.offer_not_finalised" and "offer.choose_one" in codes
    text = messages.describe(refusal)
    assert "ZL" + number(2) in text and "未加入批次" in text


def test_a_finalised_offer_edited_back_to_draft_leaves_the_summary_list(store: Store) -> None:
    offer_id = add_offer(store, 1)
    other = add_offer(store, 2)
    batch = store.create_batch("第一批", offer_ids=[offer_id, other]).batch
    assert batch is not None
    patent = store.offer(offer_id)
    assert patent is not None
    store.save_offer(patent.patent_id, replace(OFFER, single_term="5年"))  # back to draft
    summary, findings = store.summary_list(batch.id)
    assert summary is not None and [r.number for r in summary.rows] == ["ZL" + number(2)]
    assert [f.code for f in findings] == ["batch.offer_not_finalised",
                                          "summary_list.unit_missing"]


def test_set_batch_offers_replaces_and_reorders(store: Store) -> None:
    a, b, c = (add_offer(store, i) for i in (1, 2, 3))
    batch = store.create_batch("第一批", offer_ids=[a, b]).batch
    assert batch is not None
    result = store.set_batch_offers(batch.id, [c, a, c, 999])
    assert result.batch is not None and result.batch.offer_ids == (c, a)
    assert [f.code for f in result.findings] == ["batch.offer_missing"]
    assert [o.id for o in store.batch_offers(batch.id)] == [c, a]
    assert store.set_batch_offers(batch.id, []).batch.offer_ids == ()  # type: ignore[union-attr]


def test_batch_names_are_required_unique_and_renamable(store: Store) -> None:
    assert [f.code for f in store.create_batch("  ").findings] == ["batch.name_required"]
    assert [f.code for f in store.create_batch("x" * 201).findings] == ["batch.name_too_long"]
    first = store.create_batch("第一批").batch
    second = store.create_batch("第二批", note="备注").batch
    assert first is not None and second is not None
    assert [f.code for f in store.create_batch("第一批 ").findings] == ["batch.name_taken"]
    assert [f.code for f in store.rename_batch(second.id, "第一批").findings] == [
        "batch.name_taken"]
    renamed = store.rename_batch(second.id, "第三批")
    assert renamed.batch is not None and renamed.batch.name == "第三批"
    assert renamed.batch.note == "备注"
    assert store.rename_batch(first.id, "第一批", note="改").batch.note == "改"  # type: ignore
    assert [f.code for f in store.rename_batch(12345, "x").findings] == ["batch.missing"]
    assert {b.name for b in store.batches()} == {"第一批", "第三批"}


def test_deleting_a_batch_keeps_its_offers_and_deleting_an_offer_leaves_the_batch(
    store: Store,
) -> None:
    a, b = add_offer(store, 1), add_offer(store, 2)
    batch = store.create_batch("第一批", offer_ids=[a, b]).batch
    assert batch is not None
    store.delete_offers([a])
    info = store.batch(batch.id)
    assert info is not None and info.offer_ids == (b,)
    assert store.delete_batch(batch.id) is True
    assert store.delete_batch(batch.id) is False
    assert store.batch(batch.id) is None
    assert [o.id for o in store.offers()] == [b]
    with store.session() as session:
        assert session.query(Batch).count() == 0 and session.query(BatchOffer).count() == 0


def test_summary_list_rows_come_from_the_records(store: Store) -> None:
    store.save_organisation(OrganisationData(
        name="武汉大学", phone="027-68750000",
        contacts=(ContactData(name="王老师", office_phone="027-68752222"),),
    ))
    a = add_offer(store, 1, patentees=("武汉大学", "张三", "李四"))
    b = add_offer(store, 2, kind="2")
    batch = store.create_batch("第一批", offer_ids=[b, a]).batch
    assert batch is not None
    summary, findings = store.summary_list(batch.id)
    assert findings == [] and summary is not None
    assert summary.title == TITLE == "湖北省专利开放许可（试点）汇总表"
    assert summary.header_line == (
        "单位名称（盖章）：武汉大学  联系人:王老师  联系电话：027-68752222"
    )
    first, second = summary.rows
    assert first.serial == 1 and first.kind == "实用新型"
    assert second.cells() == (
        2, "ZL" + number(1), "一种图像识别方法1", "武汉大学、张三、李四", "3年", "有效", "发明",
        "全省", "李老师", "027-68754321",
    )
    assert [c.heading for c in COLUMNS][:3] == ["序号", "专利号", "专利名称"]
    assert summary.subject == "第一批"
    assert summary.dated.year == TODAY.year or summary.dated.year == TODAY.year - 1


def test_summary_list_warns_about_what_it_lacks(store: Store) -> None:
    a = add_offer(store, 1, offer=replace(OFFER, open_scope="", single_term=""))
    batch = store.create_batch("第一批", offer_ids=[a]).batch
    assert batch is not None
    summary, findings = store.summary_list(batch.id)
    assert summary is not None
    assert [f.code for f in findings] == ["summary_list.field_missing",
                                          "summary_list.unit_missing"]
    assert "单次许可期限" in messages.describe(findings[0])
    assert store.summary_list(4242) == (None, [error("batch.missing", "batch", batch_id=4242)])
    empty = store.create_batch("空批次").batch
    assert empty is not None
    _summary, empty_findings = store.summary_list(empty.id)
    assert "summary_list.empty" in [f.code for f in empty_findings]


def test_a_batch_survives_reopening_the_database(db_path) -> None:  # type: ignore[no-untyped-def]
    from app.models.database import open_database

    db = open_database(db_path)
    store = Store(db)
    a = add_offer(store, 1)
    batch = store.create_batch("第一批", offer_ids=[a]).batch
    db.close()
    db = open_database(db_path)
    try:
        info = Store(db).batch(batch.id)  # type: ignore[union-attr]
        assert info is not None and info.offer_ids == (a,) and info.size == 1
    finally:
        db.close()
