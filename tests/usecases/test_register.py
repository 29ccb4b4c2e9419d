"""The register as a whole, headless: its findings, the JSON data file in and out."""

from __future__ import annotations

import json
from pathlib import Path

from app.models.store import ContactData, OrganisationData, Store
from app.usecases.register import (
    check_patent_list,
    export_data_file,
    import_data_file,
    import_patent_rows,
    register_findings,
)
from tests.test_cli_book import BAD, GOOD
from tests.test_cli_excel import summary_list, workbook


def test_every_finding_is_named_by_its_record(store: Store) -> None:
    store.save_organisation(OrganisationData(
        name="武汉大学", email="not an address",
        contacts=(ContactData("李老师", office_phone="12"),)))
    found, patents = register_findings(store, "en")
    assert patents == 3
    entities = {(rf.entity, rf.record) for rf in found}
    assert ("organisation", "organisation") in entities
    assert ("contact", "contacts[0]") in entities
    assert ("offer", BAD) in entities and ("offer", GOOD) not in entities
    contact = next(rf for rf in found if rf.entity == "contact")
    assert contact.record_label.startswith("contact 1") and "." not in contact.finding.field


def test_a_refused_file_never_opens_the_register(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "licence-desk", "version": 1,
                               "patents": [{"number": "x", "colour": "red"}]}),
                   encoding="utf-8")
    opened: list[bool] = []

    def open_store() -> Store:
        opened.append(True)
        raise AssertionError("the register must not be opened for a refused file")

    imported = import_data_file(bad, open_store)
    assert imported.refused and imported.problems and opened == []
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json", encoding="utf-8")
    assert [p.code for p in import_data_file(garbage, open_store).problems] == ["json.not_json"]
    assert import_data_file(tmp_path / "missing.json", open_store).unreadable
    assert opened == []


def test_export_and_import_round_trip(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "all.json"
    exported = export_data_file(store, path)
    assert exported.count == 3 and exported.findings == ()
    imported = import_data_file(path, lambda: store)
    assert not imported.refused and imported.result is not None
    assert imported.result.updated == 3


def test_export_to_an_impossible_place_is_a_finding(store: Store, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    exported = export_data_file(store, blocked / "all.json")
    assert [f.code for f in exported.findings] == ["json.write_failed"]
    assert exported.findings[0].params["path"] == str(blocked / "all.json")


def test_a_patent_list_is_checked_before_the_register_is_asked(
    store: Store, tmp_path: Path
) -> None:
    asked: list[bool] = []

    def existing() -> set[str]:
        asked.append(True)
        return store.patent_numbers()

    not_a_list = tmp_path / "list.xlsx"
    not_a_list.write_bytes(b"not a workbook")
    unreadable = check_patent_list(not_a_list, None, existing)
    assert unreadable.preview is None and unreadable.table_problems and asked == []
    bad_mapping = tmp_path / "mapping.json"
    bad_mapping.write_text("{", encoding="utf-8")
    assert check_patent_list(not_a_list, bad_mapping, existing).mapping_problems
    assert asked == []

    other = workbook(tmp_path / "portfolio.xlsx", [
        ["申请号", "发明名称", "权利人", "申请日"],
        ["202110567890.4", "一种测试方法", "武汉大学", "2021-07-21"]])
    checked = check_patent_list(other, None, existing)
    assert checked.proposed is not None and asked == [True]
    assert checked.proposed.columns["number"] == "申请号"

    listed = check_patent_list(summary_list(tmp_path / "汇总表.xlsx", GOOD, "202110567890.4"),
                               None, existing)
    assert listed.proposed is None and listed.preview is not None
    written = import_patent_rows(store, list(listed.preview.rows))
    assert written.outcome.written
    assert written.outcome.created == ("202110567890.4",)
    assert written.outcome.skipped_existing == (GOOD,)
    assert written.drafts == 1  # a summary list has no filing date: kept as a draft
