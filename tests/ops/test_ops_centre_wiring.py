"""The ops-centre table everywhere else a form is: the store, JSON version 4, the command line
(render, validate), and the Henan package rule for centre universities."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app import interchange
from app.cli import main
from app.models.store import ContactData, OrganisationData, Store
from app.usecases import ops_centre
from tests.ops.sample import sample_fields

TODAY = dt.date.today()
YEAR = TODAY.year - 1  # a past year: its dates are never in the future


def unit(store: Store, name: str = "河南师范大学") -> None:
    store.save_organisation(OrganisationData(
        name=name, legal_representative="王某某", address="河南省新乡市建设东路46号",
        postcode="453007", phone="0373-3326000", email="zscq@htu.edu.cn",
        contacts=(ContactData("张三", "科学技术处", "科长", "0373-3326001", "13800000002",
                              "zhang@htu.edu.cn"),)))


def test_open_prefills_the_contact_and_save_round_trips(store: Store) -> None:
    unit(store)
    fresh = ops_centre.open_report(store, YEAR)
    assert fresh.basic["contact"] == "张三" and fresh.basic["contact_mobile"] == "13800000002"
    saved = ops_centre.save_report(store, sample_fields(YEAR))
    assert saved.saved
    assert ops_centre.open_report(store, YEAR).to_dict() == sample_fields(YEAR).to_dict()
    assert ops_centre.finalise_report(store, YEAR).saved
    assert ops_centre.report_state(store, YEAR) == "finalised"
    # Next year's report starts with the school's details of this one, typed once.
    following = ops_centre.open_report(store, YEAR + 1)
    assert following.basic == sample_fields(YEAR).basic
    assert following.lead_department == "科学技术处" and not following.texts
    changed = ops_centre.save_report(store, sample_fields(YEAR).__class__(YEAR))
    assert [n.code for n in changed.notices] == ["ops.returned_to_draft"]


def test_json_version_4_carries_reports_and_received_amounts(tmp_path: Path,
                                                              store: Store) -> None:
    unit(store)
    ops_centre.save_report(store, sample_fields(YEAR))
    path = tmp_path / "all.json"
    interchange.export_file(store, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["version"] == 5  # version 4 keys, still written by version 5
    assert doc["ops_centre_reports"][0]["report_year"] == YEAR
    read = interchange.read_file(path)
    assert read.ok and read.dataset is not None
    assert read.dataset.ops_reports[0].to_dict() == sample_fields(YEAR).to_dict()
    # A version-3 file may not carry the new section.
    doc["version"] = 3
    old = interchange.read_document(doc)
    assert any(p.code == "json.unknown" and "ops_centre_reports" in p.field
               for p in old.problems)
    # Two reports of one year refuse the file.
    doc["version"] = 4
    doc["ops_centre_reports"].append(doc["ops_centre_reports"][0])
    assert any(p.code == "json.duplicate_ops_report"
               for p in interchange.read_document(doc).problems)


def test_render_validate_and_the_henan_package_rule(tmp_path: Path, store: Store,
                                                    db_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    unit(store)
    ops_centre.save_report(store, sample_fields(YEAR))
    db = ["--db", str(db_path)]
    # A centre university's Henan package needs the table …
    requirement = ops_centre.henan_package_requirement(
        store, ("summary_book", "ops_centre_table"))
    assert requirement.required
    assert [f.code for f in requirement.findings] == ["ops.package_needs_report"]
    # … unless the clerk says it is not needed; a unit not on 附件 2 never needs it.
    assert ops_centre.henan_package_requirement(
        store, ("summary_book", "ops_centre_table"), not_needed=True).findings == []
    out = tmp_path / "out"
    assert main([*db, "render", "ops-centre", "--year", str(YEAR), "--out", str(out)]) == 0
    assert (out / ops_centre.PDF_NAME).exists() and (out / ops_centre.TABLES_NAME).exists()
    assert ops_centre.henan_package_requirement(
        store, ("summary_book", "ops_centre_table")).findings == []
    capsys.readouterr()
    assert main([*db, "validate"]) in (0, 1)
    listing = capsys.readouterr().out
    assert f"{YEAR} 年度运营管理中心建设工作总结表" in listing
    assert "专利授权（件）" in listing  # the override warning names the form's column


def test_unit_not_on_the_list_needs_no_table_and_the_list_is_editable(store: Store) -> None:
    unit(store, "郑州大学")  # on 附件 2, but not a centre university
    assert not ops_centre.builds_centre(store)
    assert ops_centre.henan_package_requirement(
        store, ("summary_book", "ops_centre_table")).findings == []
    listed = ops_centre.listed_universities(store)
    assert len(listed) == 23 and sum(u.builds_centre for u in listed) == 22
    from app.models.ops_centre import CENTRE_CATEGORY
    from app.models.ops_centre_records import ListedUniversity
    ops_centre.set_listed_universities(store, [*listed,
                                               ListedUniversity("郑州大学", (CENTRE_CATEGORY,))])
    # the first entry of a name wins: still not a centre university
    assert not ops_centre.builds_centre(store)
    ops_centre.set_listed_universities(
        store, [ListedUniversity("郑州大学", (CENTRE_CATEGORY,)), *listed])
    assert ops_centre.builds_centre(store)


def test_render_of_a_report_with_errors_is_a_draft(tmp_path: Path, store: Store,
                                                  db_path: Path) -> None:
    unit(store)
    fields = sample_fields(YEAR).__class__(YEAR, staff={"total": "3", "full_time": "1",
                                                        "part_time": "1"})
    ops_centre.save_report(store, fields)
    out = tmp_path / "out"
    assert main(["--db", str(db_path), "render", "ops-centre", "--year", str(YEAR),
                 "--out", str(out)]) == 1
    assert (out / ops_centre.PDF_NAME).exists()
    assert ops_centre.henan_package_requirement(
        store, ("ops_centre_table",)).findings[0].code == "ops.package_needs_report"
