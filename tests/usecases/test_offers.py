"""Offers and batches, headless: choosing by patent, finalising, gathering a batch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.models.store import Store
from app.usecases.offers import finalise_offers, offers_for_patents
from app.usecases.summary_list import gather_batch, write_summary_list
from tests.test_cli_book import BAD, GOOD, OTHER


def test_patents_are_named_in_any_notation_and_the_unknown_said(store: Store) -> None:
    assert len(offers_for_patents(store, None).offers) == 3
    choice = offers_for_patents(store, ["CN 2017 1 0601862.3", "202110567890.4"])
    assert [o.patent.number for o in choice.offers] == [GOOD]
    assert not choice.all_found
    assert [(f.code, f.params) for f in choice.unmatched] == [
        ("cli.patent_not_found", {"number": "202110567890.4"})]


def test_finalising_counts_what_was_done_left_alone_and_refused(store: Store) -> None:
    outcome = finalise_offers(store, store.offers())
    assert (outcome.finalised, outcome.already) == (2, 0)
    [(number, errors)] = outcome.refused
    assert number == f"ZL{BAD}" and errors and all(f.is_error for f in errors)
    again = finalise_offers(store, store.offers())
    assert (again.finalised, again.already, len(again.refused)) == (0, 2, 1)


def test_a_batch_is_gathered_reused_and_refilled(store: Store, tmp_path: Path) -> None:
    today = dt.date(2024, 9, 10)
    nothing = gather_batch(store, today=today)
    assert nothing.nothing_ready and nothing.batch_id is None and store.batches() == []

    finalise_offers(store, offers_for_patents(store, [GOOD]).offers)
    first = gather_batch(store, [GOOD, BAD], today=today)
    assert first.name == "2024-09-10" and first.batch_id is not None
    assert [number for number, _ in first.left_out] == [f"ZL{BAD}"]

    finalise_offers(store, offers_for_patents(store, [OTHER]).offers)
    second = gather_batch(store, today=today)  # every sheet ready, the same day's batch
    assert second.batch_id == first.batch_id and second.left_out == []
    [batch] = store.batches()
    assert batch.size == 2
    written = write_summary_list(store, batch.id, tmp_path / "list")
    assert sorted(f.path.name for f in written.files) == ["汇总表.pdf", "汇总表.xlsx"]

    assert gather_batch(store, batch_name="2024-09-10").batch_id == batch.id
    assert gather_batch(store, batch_name="没有这个批次").batch_missing
