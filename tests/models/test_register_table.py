"""The register read as plain tuples (app.models.register_table) against the ORM's view."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.models.database import open_database
from app.models.entities import Patent, Patentee
from app.models.patent_rules import PatentFields
from app.models.register_table import (
    PATENT_COLUMNS,
    PATENTEES,
    fields_of,
    tuple_of,
)
from app.models.store import Store


def test_the_columns_read_are_the_tables_columns() -> None:
    columns = {c.name for c in Patent.__table__.columns}
    assert set(PATENT_COLUMNS) <= columns
    assert Patent.__tablename__ == "patent" and Patentee.__tablename__ == "patentee"
    assert {"patent_id", "name", "position"} <= {c.name for c in Patentee.__table__.columns}


def test_rows_in_number_order_with_patentees_in_their_order(tmp_path: Path) -> None:
    store = Store(open_database(tmp_path / "r.sqlite3"))
    typed = [
        PatentFields(number="201910000001.5", title="乙", patentees=("丙大学", "甲公司"),
                     filing_date=dt.date(2019, 1, 2), grant_date=dt.date(2020, 3, 4),
                     entered_kind="invention", term_compensation_days=30,
                     expiry_override=dt.date(2040, 1, 1), expiry_override_note="按证书",
                     remarks="备注", pledged=True),
        PatentFields(number="201710601862.3", title="甲", patentees=()),
        PatentFields(number="ZL 2018 2 0000001.X", title="", patentees=("某大学",)),
    ]
    for fields in typed:
        assert store.save_patent(fields).saved
    table = store.register_table()
    assert [row[1] for row in table] == sorted(row[1] for row in table)
    by_number = {p.number: p for p in store.patents()}
    assert [fields_of(row) for row in table] == [
        PatentFields.of(by_number[row[1]]) for row in table]
    assert [row[PATENTEES] for row in table if row[PATENTEES]] != []
    assert table[-1][PATENTEES] == ("丙大学", "甲公司")
    assert [tuple_of(row[0], fields_of(row)) for row in table] == table
    assert store.patent_register() == [(row[0], fields_of(row)) for row in table]


def test_compact_rows_share_repeated_values_and_stay_equal(tmp_path: Path) -> None:
    from app.models.register_table import FILING, STATUS, compact

    store = Store(open_database(tmp_path / "r.sqlite3"))
    for number in ("201710601862.3", "201910000001.5"):
        fields = PatentFields(number=number, title="甲", patentees=("武汉大学", "某公司"),
                              filing_date=dt.date(2019, 1, 2))
        assert store.save_patent(fields).saved
    table = store.register_table()
    assert table[0][FILING] is not table[1][FILING]  # the driver's own strings
    shared: dict[object, object] = {}
    compacted = [compact(row, shared) for row in table]
    assert compacted == table
    assert compacted[0][FILING] is compacted[1][FILING]
    assert compacted[0][STATUS] is compacted[1][STATUS]
    assert compacted[0][PATENTEES] is compacted[1][PATENTEES]
