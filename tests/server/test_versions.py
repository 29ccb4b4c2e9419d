"""Record versions of patents and offers, on both back ends: a save over a newer version is
refused with a finding naming who saved it and when; two clerks racing from one version: one
wins, the other is told."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from app.messages import EN, message
from app.models.database import open_database
from app.models.patent_rules import PatentFields
from app.models.store import Store
from app.models.versions import editor_name
from tests.server import clerk
from tests.server.test_concurrency import run_clerks
from tests.test_cli_book import GOOD, OFFER

PATENT = PatentFields(number=GOOD, title="一种测试方法", patentees=("武汉大学",),
                      filing_date=dt.date(2017, 3, 1))


def test_a_save_over_a_newer_patent_or_offer_is_refused_and_says_who(
    backend_store: Store,
) -> None:
    store = backend_store
    patent_id = store.save_patent(PATENT).record_id
    assert patent_id is not None
    first = store.patent(patent_id)
    assert first is not None and first.version == 1

    # Clerk A loaded version 1 and saves; clerk B, also on version 1, saves after A.
    assert store.save_patent(dataclasses.replace(PATENT, title="A 的名称"), patent_id,
                             expected_version=1).saved
    refused = store.save_patent(dataclasses.replace(PATENT, title="B 的名称"), patent_id,
                                expected_version=1)
    assert not refused.saved
    finding = refused.findings[0]
    assert finding.code == "record.changed_elsewhere"
    assert finding.params["by"] == editor_name() and finding.params["version"] == 2
    words = message(finding.code, finding.params, EN)
    assert editor_name() in words and GOOD in words and "not saved" in words
    now = store.patent(patent_id)
    assert now is not None and now.title == "A 的名称" and now.version == 2

    assert store.save_patent(dataclasses.replace(PATENT, title="B 的名称"), patent_id,
                             expected_version=2).saved
    assert store.save_patent(PATENT, patent_id).saved  # no version given: saved as before
    assert store.patent(patent_id).version == 4  # type: ignore[union-attr]

    assert store.save_offer(patent_id, OFFER).saved
    offer = store.offer_for_patent(patent_id)
    assert offer is not None and offer.version == 1
    assert store.save_offer(patent_id, dataclasses.replace(OFFER, open_scope="全国"),
                            expected_version=1).saved
    late = store.save_offer(patent_id, dataclasses.replace(OFFER, open_scope="武汉"),
                            expected_version=1)
    assert [f.code for f in late.findings] == ["record.changed_elsewhere"]
    offer = store.offer_for_patent(patent_id)
    assert offer is not None and offer.open_scope == "全国" and offer.version == 2
    assert offer.updated_by == editor_name()


def test_two_clerks_saving_one_patent_from_the_same_version(
    backend_location: Path | str,
) -> None:
    database = open_database(backend_location)
    patent_id = Store(database).save_patent(PATENT).record_id
    database.close()
    results = run_clerks(clerk.save_title,
                         [(str(backend_location), n, patent_id) for n in range(3)])
    assert [r[3] for r in results] == [""] * 3, results
    assert sorted(r[1] for r in results) == [False, False, True]  # type: ignore[type-var]
    assert all(r[2] == ["record.changed_elsewhere"] for r in results if not r[1])
    database = open_database(backend_location)
    try:
        saved = Store(database).patent(patent_id)  # type: ignore[arg-type]
    finally:
        database.close()
    winner = next(r[0] for r in results if r[1])
    assert saved is not None and saved.title == f"clerk {winner}" and saved.version == 2
