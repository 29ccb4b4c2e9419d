"""JSON version 2: offers (information sheets) travel with the patents."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.interchange import CURRENT_VERSION, export_file, import_file, read_document
from app.models.database import open_database
from app.models.offers import OfferFields
from app.models.store import Store

FUTURE = (dt.date.today() + dt.timedelta(days=800)).isoformat()
TODAY = dt.date.today().isoformat()

PATENT = {
    "number": "201710601862.3", "title": "一种基于深度学习的图像识别方法",
    "filing_date": "2017-07-21", "grant_date": "2019-03-05",
    "patentees": ["武汉大学", "张三"], "legal_status": "valid",
}
OTHER = {
    "number": "202010566088.9", "title": "一种数据处理方法", "filing_date": "2020-06-19",
    "grant_date": "2022-01-04", "patentees": ["武汉大学"], "legal_status": "valid",
    "pledged": True,
}
CONTACT = {"name": "李老师", "address": "武汉市武昌区八一路299号", "postcode": "430072",
           "phone": "027-68754321", "email": "kjc@whu.edu.cn"}
OFFER = {
    "patent": "ZL201710601862.3",
    "self_exploitation": {"status": "implemented", "period": "2019年起", "scope": "湖北省",
                          "manner": "自行生产"},
    "licensing_to_others": {"status": "none"},
    "licence_expiry": FUTURE,
    "fee": {"option": "instalments", "first_days": 30, "first_yuan": 20000, "period": "quarter",
            "period_days": 15, "batches": 3, "each_yuan": 10000.5, "count": 4,
            "total_yuan": 50001.5},
    "other_terms": "需技术培训",
    "contact": CONTACT,
    "open_scope": "全省",
    "single_term": "3年",
    "declared_on": TODAY,
    "state": "finalised",
}


def document(**changes: Any) -> dict[str, Any]:
    doc = {"format": "licence-desk", "version": 2, "patents": [PATENT, OTHER],
           "offers": [OFFER]}
    doc.update(changes)
    return copy.deepcopy(doc)


def write(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_current_version_is_5() -> None:
    assert CURRENT_VERSION == 5


def test_round_trip_is_byte_identical(tmp_path: Path, store: Store) -> None:
    two_ticked = {**OFFER, "patent": OTHER["number"], "state": None,
                  "fee": [{"option": "free"}, {"option": "lump_sum", "days": 30,
                                               "amount_yuan": 1000}]}
    del two_ticked["state"]
    result = import_file(store, write(tmp_path / "in.json", document(offers=[OFFER, two_ticked])))
    assert result.imported and result.offers == 2
    assert store.offer_for_patent(store.find_patent(PATENT["number"]).id).state == "finalised"  # type: ignore[union-attr]

    first = tmp_path / "first.json"
    export_file(store, first)
    fresh = Store(open_database(tmp_path / "fresh.sqlite3"))
    assert import_file(fresh, first).imported
    second = tmp_path / "second.json"
    export_file(fresh, second)
    assert first.read_bytes() == second.read_bytes()

    doc = json.loads(first.read_text(encoding="utf-8"))
    exported = {o["patent"]: o for o in doc["offers"]}
    assert exported["201710601862.3"]["fee"]["each_yuan"] == 10000.5
    assert exported["201710601862.3"]["fee"]["first_yuan"] == 20000
    assert exported["201710601862.3"]["state"] == "finalised"
    assert isinstance(exported["202010566088.9"]["fee"], list)
    assert next(p for p in doc["patents"] if p["number"] == OTHER["number"])["pledged"] is True
    fresh.database.close()


def test_two_ticked_options_import_as_a_draft_with_that_rule(tmp_path: Path,
                                                            store: Store) -> None:
    offer = {**OFFER, "fee": [{"option": "free"}, {"option": "other", "text": "面议"}]}
    result = import_file(store, write(tmp_path / "x.json", document(offers=[offer])))
    assert result.imported
    codes = {f.code for f in result.offer_findings["201710601862.3"]}
    assert "fee.several_options" in codes
    saved = store.offer_for_patent(store.find_patent(PATENT["number"]).id)  # type: ignore[union-attr]
    assert saved is not None and saved.state == "draft"  # asked finalised, but has errors
    assert OfferFields.of(saved).fee == offer["fee"]


def test_version_1_files_still_import(tmp_path: Path, store: Store) -> None:
    doc = {"format": "licence-desk", "version": 1, "patents": [PATENT]}
    assert import_file(store, write(tmp_path / "v1.json", doc)).imported
    assert store.find_patent("201710601862.3") is not None


def test_version_1_may_not_carry_offers_or_pledges() -> None:
    doc = document(version=1)
    paths = {p.field for p in read_document(doc).problems}
    assert "$.offers" in paths and "$.patents[1].pledged" in paths


def test_a_malformed_offer_refuses_the_file_with_every_path(tmp_path: Path,
                                                            store: Store) -> None:
    offer = copy.deepcopy(OFFER)
    offer["self_exploitation"] = {"status": "maybe"}
    offer["licensing_to_others"] = "none"
    offer["licence_expiry"] = "31/12/2030"
    offer["fee"] = "free"
    del offer["contact"]["email"]  # left out: empty (the sheet's rules say it is required)
    offer["colour"] = "red"
    result = import_file(store, write(tmp_path / "bad.json", document(offers=[offer])))
    assert not result.imported
    assert {p.field for p in result.problems} == {
        "$.offers[0].self_exploitation.status",
        "$.offers[0].licensing_to_others",
        "$.offers[0].licence_expiry",
        "$.offers[0].fee",
        "$.offers[0].colour",
    }
    assert store.patents() == []  # nothing half-imported


def test_an_offer_for_an_unknown_patent_refuses_the_file(tmp_path: Path, store: Store) -> None:
    offer = {**OFFER, "patent": "201510958772.0"}
    result = import_file(store, write(tmp_path / "x.json", document(offers=[offer])))
    assert [p.code for p in result.problems] == ["json.offer_patent_unknown"]
    assert result.problems[0].field == "$.offers[0].patent"
    assert store.patents() == []


def test_two_offers_for_one_patent_are_refused() -> None:
    problems = read_document(document(offers=[OFFER, {**OFFER, "patent": "2017106018623"}]))
    assert [p.code for p in problems.problems] == ["json.duplicate"]


def test_validate_reports_offer_findings_with_number_and_field(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    offer = {**OFFER, "contact": {**CONTACT, "postcode": "4300"}}
    source = write(tmp_path / "x.json", document(offers=[offer]))
    assert main(["--db", str(db_path), "import", str(source)]) == 1  # kept as a draft
    capsys.readouterr()
    assert main(["--db", str(db_path), "validate", "--json"]) == 1
    rows = json.loads(capsys.readouterr().out)
    [row] = [r for r in rows if r["entity"] == "offer" and r["severity"] == "error"]
    assert row["record"] == "201710601862.3"
    assert row["field"] == "contact.postcode"
    assert row["code"] == "postcode.invalid"
    # Text output names the sheet and the field in words.
    main(["--db", str(db_path), "validate"])
    out = capsys.readouterr().out
    assert "信息表 201710601862.3\t邮编\t错误\t邮编应为 6 位数字。" in out
