"""JSON version 4, the other forms' keys: patents' inventors and annual-fee date, contracts with
their licensee's block, Henan applications — exported, read back byte-identical, checked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from app.interchange import CURRENT_VERSION, export_file, import_file, read_text
from app.models.henan_application import ApplicationFields
from app.models.store import Store
from app.usecases import contracts, henan_application
from tests.usecases.test_contracts import contract, setup


def fill(store: Store) -> None:
    setup(store)
    contracts.save(store, contract())
    contracts.save(store, contract(fee_agreement="negotiated",
                                   fee={"option": "instalments", "first_days": 15,
                                        "first_yuan": "20000", "period": "quarter",
                                        "period_days": 10, "batches": 4, "each_yuan": "10000",
                                        "count": 5, "total_yuan": "60000"},
                                   signed_on=dt.date(2026, 1, 5)))
    henan_application.save(store, ApplicationFields(plan_start_year=2023, lead_name="李某",
                                                    work_targets="发布 50 件。\n对接 20 家。"))


def test_round_trip(store: Store, tmp_path: Path) -> None:
    fill(store)
    first = tmp_path / "first.json"
    export_file(store, first)
    doc = json.loads(first.read_text("utf-8"))
    assert doc["version"] == CURRENT_VERSION == 5
    patent = doc["patents"][0]
    assert patent["inventors"] == ["张三", "李四"]
    assert patent["annual_fee_paid_until"] == "2027-02-28"
    assert [c["licensee"]["name"] for c in doc["contracts"]] == ["武汉光谷新材料有限公司"] * 2
    assert doc["contracts"][1]["fee"]["total_yuan"] == 60000
    assert doc["henan_applications"] == [{"plan_start_year": 2023, "lead_name": "李某",
                                          "work_targets": "发布 50 件。\n对接 20 家。"}]

    from app.models.database import open_database

    other = open_database(tmp_path / "other.sqlite3")
    try:
        target = Store(other)
        result = import_file(target, first)
        assert result.imported, result.problems
        second = tmp_path / "second.json"
        export_file(target, second)
        assert second.read_bytes() == first.read_bytes()
        # Importing again matches the same contracts and application: nothing doubles.
        assert import_file(target, first).imported
        assert len(contracts.contracts(target)) == 2
        assert henan_application.plan_years(target) == [2023]
    finally:
        other.close()


def test_version_4_keys_are_refused_in_older_files_and_checked() -> None:
    v3 = {"format": "licence-desk", "version": 3, "patents": [], "contracts": []}
    assert [p.code for p in read_text(json.dumps(v3)).problems] == ["json.unknown"]
    bad = {"format": "licence-desk", "version": 4, "patents": [],
           "contracts": [{"patents": "x", "licensee": {}, "copies": "two", "nonsense": 1}],
           "henan_applications": [{"plan_start_year": 2023}, {"plan_start_year": 2023}]}
    problems = {(p.code, p.field) for p in read_text(json.dumps(bad)).problems}
    assert problems == {
        ("json.type.list", "$.contracts[0].patents"),
        ("json.missing", "$.contracts[0].licensee.name"),
        ("json.type.integer", "$.contracts[0].copies"),
        ("json.unknown", "$.contracts[0].nonsense"),
        ("json.duplicate_application", "$.henan_applications[1].plan_start_year"),
    }

