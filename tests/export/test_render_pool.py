"""Offers' PDFs laid out by worker processes: the same bytes, names, records and progress as in
one process, and a cancel that leaves whole offers only. (Starting worker processes takes a
few seconds on a busy machine: one test, two batches.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_offer_documents import NUMBERS, add_offer

from app.export import offer_documents
from app.export.offer_documents import render_offer_documents
from app.models.store import Store


def test_a_pool_writes_what_one_process_writes(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [add_offer(store, number) for number in NUMBERS]
    monkeypatch.setattr(offer_documents, "render_workers", lambda _offers: 1)
    alone = render_offer_documents(store, ids, tmp_path / "alone", draft=True)
    final = render_offer_documents(store, ids, tmp_path / "final")  # recorded, then again:
    monkeypatch.setattr(offer_documents, "render_workers", lambda _offers: 2)
    seen: list[tuple[int, int]] = []
    pooled = render_offer_documents(store, ids, tmp_path / "pool",
                                    progress=lambda d, t: seen.append((d, t)))
    assert pooled.ok and not pooled.cancelled
    assert seen == [(n, 6) for n in range(7)]  # one step per document
    assert [w.path.read_bytes() for w in pooled.written] == [
        w.path.read_bytes() for w in final.written]
    assert len(pooled.written) == 6
    assert {store.offer(i).state for i in ids} == {"generated"}  # type: ignore[union-attr]
    assert len(store.generated_documents(ids)) >= 6

    # Cancelled after the first offer's pair: whole offers only, on disk and in the database.
    seen.clear()
    cancelled = render_offer_documents(store, ids, tmp_path / "cancelled", draft=True,
                                       progress=lambda d, t: seen.append((d, t)),
                                       cancelled=lambda: len(seen) >= 3)
    assert cancelled.cancelled and not cancelled.ok
    names = sorted(p.name for p in (tmp_path / "cancelled").iterdir())
    assert names == sorted(w.path.name for w in alone.written[:2])


def test_a_worker_lays_out_without_the_orm_or_qt() -> None:
    """A spawned worker renders from plain data and imports none of the heavy modules: each
    would cost memory in every worker (and the ORM's import half a second at its start)."""
    import datetime as dt
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from test_offer_documents import OFFER

    from app.export.render_worker import (
        DECLARATION,
        INFORMATION_SHEET,
        NOT_IN_A_WORKER,
        render_document,
    )
    from app.models.patent_rules import PatentFields

    patent = PatentFields(number="201810123456.5", title="一种测试方法", patentees=("武汉大学",),
                          filing_date=dt.date(2018, 3, 1), grant_date=dt.date(2020, 1, 31))
    day = dt.date(2024, 9, 1)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        sheet = pool.submit(render_document, patent, OFFER, day, INFORMATION_SHEET, False)
        declaration = pool.submit(render_document, patent, OFFER, day, DECLARATION, False)
        # eval is a builtin, so it travels by name: the worker's own module list.
        modules = pool.submit(eval, "sorted(__import__('sys').modules)").result()
    assert sheet.result() == render_document(patent, OFFER, day, INFORMATION_SHEET, False)
    assert declaration.result() == render_document(patent, OFFER, day, DECLARATION, False)
    assert sheet.result()[0] == "ok"
    loaded = {name.split(".")[0] for name in modules}
    assert "reportlab" in loaded
    assert loaded.isdisjoint(NOT_IN_A_WORKER), loaded.intersection(NOT_IN_A_WORKER)


def test_a_worker_killed_mid_batch_leaves_the_rest_to_this_process(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed (the system out of memory, a task manager): the batch still writes
    every file, the same bytes as one process, instead of failing with a broken pool."""
    import multiprocessing
    import os
    import signal

    ids = [add_offer(store, number) for number in NUMBERS]
    monkeypatch.setattr(offer_documents, "render_workers", lambda _offers: 1)
    alone = render_offer_documents(store, ids, tmp_path / "alone", draft=True)
    monkeypatch.setattr(offer_documents, "render_workers", lambda _offers: 2)
    killed: list[int] = []

    def kill_the_workers(done: int, _total: int) -> None:
        if done == 1 and not killed:
            for child in multiprocessing.active_children():
                if child.pid:
                    os.kill(child.pid, signal.SIGKILL)
                    killed.append(child.pid)

    pooled = render_offer_documents(store, ids, tmp_path / "pool", draft=True,
                                    progress=kill_the_workers)
    assert killed
    assert pooled.ok, pooled.failures
    assert [w.path.read_bytes() for w in pooled.written] == [
        w.path.read_bytes() for w in alone.written]


def test_offers_recorded_together_are_placed_and_taken_back_each_on_its_own(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pool's writer records several offers in one transaction: a file of one of them
    that cannot be renamed into place takes back that offer's records only."""
    import datetime as dt

    from app.export.offer_documents import (
        DECLARATION,
        INFORMATION_SHEET,
        RenderResult,
        _prepare,
        _write_offers,
        file_name,
    )

    ids = [add_offer(store, number) for number in NUMBERS]
    items = []
    for offer in store.offers():
        item = _prepare(offer, draft=False, today=None)
        assert not isinstance(item, offer_documents.OfferFailure)
        items.append(item)
    out = tmp_path / "out"
    out.mkdir()
    blocked = out / file_name(items[1].number, INFORMATION_SHEET)
    blocked.mkdir()  # a folder where the second offer's sheet should go: the rename fails
    result = RenderResult()
    renders = [(INFORMATION_SHEET, b"%PDF-sheet"), (DECLARATION, b"%PDF-declaration")]
    synced: list[Path] = []
    monkeypatch.setattr(offer_documents, "sync_folder", synced.append)
    _write_offers(store, [(item, renders) for item in items], out, False,
                  dt.datetime(2024, 9, 1), result)
    assert synced == [out]  # the renames made durable once for the group, not once a file
    assert [w.offer_ids for w in result.written] == [
        (items[0].offer_id,)] * 2 + [(items[2].offer_id,)] * 2
    assert [f.offer_id for f in result.failures] == [items[1].offer_id]
    recorded = {d.offer_id for d in store.generated_documents(ids)}
    assert recorded == {items[0].offer_id, items[2].offer_id}
    assert store.offer(items[1].offer_id).state == "finalised"  # type: ignore[union-attr]
    assert store.offer(items[2].offer_id).state == "generated"  # type: ignore[union-attr]
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == sorted(
        w.path.name for w in result.written)


def test_a_groups_record_ids_are_those_of_its_rows_in_order(store: Store) -> None:
    """One transaction, one flush for many rows: each id returned is its own row's."""
    import datetime as dt

    from app.models.entities import GeneratedDocument

    ids = [add_offer(store, number) for number in NUMBERS]
    rows = [GeneratedDocument(kind=kind, subject=str(offer_id), offer_id=offer_id,
                              path=f"/out/{offer_id}-{kind}.pdf", sha256="0" * 64, size=1,
                              data_hash="", draft=False, generated_at=dt.datetime(2024, 9, 1))
            for offer_id in ids for kind in ("information_sheet", "declaration")]
    paths = [row.path for row in rows]
    recorded = store.record_generated_documents(rows)
    by_id = {d.id: d.path for d in store.generated_documents(ids)}
    assert [by_id[i] for i in recorded] == paths
