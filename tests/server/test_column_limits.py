"""Column lengths and the rules' limits as one thing, on both back ends: every bounded text
column takes its longest text (Chinese characters: PostgreSQL counts characters), one longer is
refused the same way on SQLite and on the server (`range.column_text`, never a server error),
and the rules give a finding at a column's length where it is shorter than the domain's."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    insert,
    select,
)

from app.models.column_limits import ColumnTooLong, bounded_columns, text_limit
from app.models.database import open_database
from app.models.deals import SummaryBook
from app.models.entities import Offer
from app.models.offers import check_offer
from app.models.patent_rules import PatentFields
from app.models.ranges import TEXT_LIMITS
from app.models.schema import metadata
from app.models.store import Store
from tests.test_cli_book import GOOD, OFFER


def longest_row(table: Any, ids: dict[str, int]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in table.columns:
        if column.primary_key and isinstance(column.type, Integer) and not column.foreign_keys \
                and len(table.primary_key.columns) == 1:
            continue  # the database numbers it; a part of a composite key is given
        if column.foreign_keys:
            target = next(iter(column.foreign_keys)).column.table.name
            row[column.name] = ids.get(target, 1)
        elif isinstance(column.type, String) and not isinstance(column.type, Text) \
                and column.type.length:
            row[column.name] = "专" * column.type.length
        elif isinstance(column.type, String):
            row[column.name] = "专"
        elif isinstance(column.type, Boolean):
            row[column.name] = False
        elif isinstance(column.type, DateTime):
            row[column.name] = dt.datetime(2024, 1, 2, 3, 4, 5)
        elif isinstance(column.type, Date):
            row[column.name] = dt.date(2024, 1, 2)
        elif isinstance(column.type, Numeric | Integer):
            row[column.name] = 1
        elif isinstance(column.type, LargeBinary):
            row[column.name] = b"%PDF"
    return row


def test_every_bounded_column_takes_its_longest_text(backend_location: Path | str) -> None:
    database = open_database(backend_location)
    try:
        ids: dict[str, int] = {}
        with database.engine.begin() as connection:
            for table in metadata.sorted_tables:
                if table.name == "alembic_version":
                    continue
                row = longest_row(table, ids)
                key = next((c for c in table.primary_key.columns), None)
                result = connection.execute(insert(table).values(**row))
                if key is not None and result.inserted_primary_key:
                    ids[table.name] = result.inserted_primary_key[0]
            for table in metadata.sorted_tables:
                for column in table.columns:
                    if isinstance(column.type, String) and not isinstance(column.type, Text) \
                            and column.type.length and not column.foreign_keys \
                            and table.name != "alembic_version":
                        stored = connection.execute(select(column)).scalar()
                        assert stored == "专" * column.type.length, (table.name, column.name)
    finally:
        database.close()


def test_a_text_longer_than_its_column_is_refused_alike(backend_store: Store) -> None:
    store = backend_store
    saved = store.save_patent(PatentFields(number=GOOD, title="一种测试方法",
                                           patentees=("武汉大学",),
                                           filing_date=dt.date(2017, 3, 1)))
    assert saved.record_id is not None
    limit = bounded_columns(Offer)["contact_name"]
    longest = replace(OFFER, contact=replace(OFFER.contact, name="李" * limit))
    assert store.save_offer(saved.record_id, longest).record_id is not None
    longer = replace(OFFER, contact=replace(OFFER.contact, name="李" * (limit + 1)))
    result = store.save_offer(saved.record_id, longer)
    assert result.record_id is None
    assert [(f.code, f.params["limit"]) for f in result.findings] == [
        ("range.column_text", limit)]
    offer = store.offer_for_patent(saved.record_id)
    assert offer is not None and offer.contact_name == "李" * limit  # the stored one is kept
    with store.session() as session, pytest.raises(ColumnTooLong):  # any record, any path
        session.add(SummaryBook(period_end="2023-11", platform_url="h" * 501))
        session.flush()
    with pytest.raises(ColumnTooLong):  # the bulk restore's plain rows too
        store.replace_all(None, [PatentFields(number=GOOD, title="一种测试方法",
                                              patentees=("武" * 301,))])


def test_the_rules_find_a_text_at_its_column_length() -> None:
    patent = PatentFields(number=GOOD, title="一种测试方法", patentees=("武汉大学",),
                          filing_date=dt.date(2017, 3, 1))
    for attribute, field in (("contact_name", "contact.name"), ("contact_phone", "contact.phone"),
                             ("open_scope", "open_scope"), ("single_term", "single_term")):
        limit = text_limit("name", Offer, attribute)
        assert limit == min(TEXT_LIMITS["name"], bounded_columns(Offer)[attribute])
        long_text = {attribute.removeprefix("contact_"): "1" * (limit + 1)}
        contact = replace(OFFER.contact, **long_text) if attribute.startswith("contact_") \
            else OFFER.contact
        offer = replace(OFFER, contact=contact) if attribute.startswith("contact_") else \
            replace(OFFER, **{attribute: "全" * (limit + 1)})
        findings = [f for f in check_offer(offer, patent) if f.code == "range.text"]
        assert [(f.field, f.params["limit"]) for f in findings] == [(field, limit)], attribute
    assert text_limit("note", SummaryBook, "platform_url") == 500  # the column, not 2,000


def test_a_json_file_with_a_text_longer_than_its_column_is_refused_whole(
    backend_store: Store, tmp_path: Path
) -> None:
    import json

    from app.interchange import export_file, import_file

    store = backend_store
    saved = store.save_patent(PatentFields(number=GOOD, title="一种测试方法",
                                           patentees=("武汉大学",),
                                           filing_date=dt.date(2017, 3, 1)))
    assert saved.record_id is not None and store.save_offer(saved.record_id, OFFER).record_id
    exported = tmp_path / "register.json"
    export_file(store, exported)
    doc = json.loads(exported.read_text(encoding="utf-8"))
    doc["offers"][0]["contact"]["name"] = "李" * 101
    doc["patents"][0]["title"] = "改过的名称"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        for target in (store, Store(fresh)):
            result = import_file(target, changed)  # an update, and new rows
            assert [f.code for f in result.problems] == ["range.column_text"]
    finally:
        fresh.close()
    assert store.patents()[0].title == "一种测试方法"  # nothing of the file was written
