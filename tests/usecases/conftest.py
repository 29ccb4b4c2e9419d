"""A register for the use cases: the unit, three patents with offers (GOOD and OTHER complete,
BAD without its ⑧ contact), opened as a store; the same data the command-line tests use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.models.database import open_database
from app.models.deals import DealFields, Payment
from app.models.offers import OfferContact
from app.models.patent_rules import PatentFields
from app.models.store import Store
from tests.test_cli_book import BAD, BOOK, GOOD, OFFER, ORGANISATION, OTHER


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    database = open_database(tmp_path / "register.sqlite3")
    register = Store(database)
    register.save_organisation(ORGANISATION)
    for number, offer in ((GOOD, OFFER), (OTHER, OFFER),
                          (BAD, replace(OFFER, contact=OfferContact()))):
        filed = dt.date(int(number[:4]), 3, 1)
        patent = PatentFields(number=number, title="一种测试方法", patentees=("武汉大学",),
                              filing_date=filed, grant_date=filed + dt.timedelta(days=700))
        patent_id = register.save_patent(patent).record_id
        assert patent_id is not None
        register.save_offer(patent_id, offer)
    yield register
    database.close()


def add_book(store: Store, tmp_path: Path, *, contract: bool = True) -> None:
    """One free deal in the period (with its contract unless told) and the period's book."""
    deal_id = store.save_deal(DealFields(patents=(GOOD,), licensee="某某科技有限公司",
                                         licence_date=dt.date(2023, 3, 1),
                                         payment=Payment("free"))).record_id
    assert deal_id is not None
    if contract:
        scan = tmp_path / "合同.pdf"
        scan.write_bytes(b"%PDF-1.4 contract")
        assert store.add_deal_file(deal_id, scan, "contract").saved
    assert store.save_summary_book(BOOK).saved
