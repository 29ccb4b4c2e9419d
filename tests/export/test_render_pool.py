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
