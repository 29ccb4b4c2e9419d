"""Store.replace_all (a JSON restore) writes patents, patentees and offers in bulk on both back
ends: a handful of statements however many records (one round trip per record took 46 s for
10,000 patents on the server), with the same states, snapshots and defaults as before."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sqlalchemy import event, select

from app.models.entities import Offer, Patent
from app.models.findings import has_errors
from app.models.offers import OfferFields, check_offer, snapshot
from app.models.patent_number import check_character
from app.models.patent_rules import PatentFields
from app.models.store import Store
from tests.test_cli_book import OFFER


def patents(count: int) -> list[PatentFields]:
    out = []
    for i in range(1, count + 1):
        digits = f"2019{'1' if i % 3 else '2'}{i:07d}"
        out.append(PatentFields(number=f"{digits}.{check_character(digits)}",
                                title=f"一种测试方法{i}", patentees=("武汉大学", f"某公司{i % 7}"),
                                filing_date=dt.date(2019, 1 + i % 12, 1 + i % 28),
                                pledged=i % 5 == 0))
    return out


def statements_during(store: Store, work: Any) -> int:
    count = 0

    def counted(*_args: Any) -> None:
        nonlocal count
        count += 1

    engine = store.database.engine
    event.listen(engine, "before_cursor_execute", counted)
    try:
        work()
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    return count


def test_a_restore_is_a_few_statements_whatever_its_size(backend_store: Store) -> None:
    data = patents(600)
    offers = [(p.number, OFFER, True) for p in data]
    count = statements_during(backend_store, lambda: backend_store.replace_all(None, data,
                                                                                offers))
    assert count < 40, count  # 600 patents and offers: not one statement (or three) each
    assert len(backend_store.patent_register()) == 600
    states = list(backend_store.offer_states().values())
    clean = sum(1 for p in data if not has_errors(check_offer(OFFER, p)))
    assert len(states) == 600 and 0 < clean == states.count("finalised")


def test_offers_restored_in_bulk_keep_the_rules(backend_store: Store) -> None:
    store = backend_store
    data = [p for p in patents(12) if not has_errors(check_offer(OFFER, p))][:4]
    first, second, third, fourth = (p.number for p in data)
    no_contact = replace(OFFER, contact=replace(OFFER.contact, name=""))
    store.replace_all(None, data, [
        (first, OFFER, True),  # no errors: finalised
        (second, no_contact, True),  # an error: stays a draft
        (third, OFFER, False),  # asked as a draft
        (fourth, no_contact, True), (fourth, OFFER, True),  # twice: the later one wins
    ])

    def offers() -> dict[str, Offer]:
        with store.session() as session:
            rows = session.scalars(select(Offer).join(Patent)).all()
            return {o.patent.number: o for o in rows}

    by_number = offers()
    assert {n: o.state for n, o in by_number.items()} == {
        first: "finalised", second: "draft", third: "draft", fourth: "finalised"}
    with store.session() as session:
        patent = session.scalar(select(Patent).where(Patent.number == first))
        assert patent is not None
        assert by_number[first].finalised_snapshot == snapshot(OFFER, PatentFields.of(patent))
        assert patent.version == 1 and patent.created_at is not None
        assert patent.patentees == ["武汉大学", "某公司1"]
    for offer in by_number.values():  # the defaults an insert gives, on the server too
        assert offer.version == 1 and offer.created_at is not None
        assert offer.updated_by == ""
    assert by_number[first].finalised_at is not None and by_number[third].finalised_at is None
    assert OfferFields.of(by_number[fourth]) == OFFER

    # Again, over the stored offers: a changed finalised offer returns to draft, an unchanged
    # one stays finalised, a draft asked finalised without errors is finalised.
    changed = replace(OFFER, open_scope="武汉市")
    store.replace_all(None, data, [(first, changed, False), (third, OFFER, True),
                                   (fourth, OFFER, True)])
    by_number = offers()
    assert by_number[first].state == "draft" and by_number[first].finalised_at is None
    assert by_number[first].open_scope == "武汉市"
    assert by_number[third].state == "finalised"
    assert by_number[fourth].state == "finalised"
    assert len(by_number) == 4
