"""The unit's own details of the operations-centre table (一、基本情况: 主管单位, 统一社会信用代码,
知识产权工作分管校领导, 牵头部门负责人) belong to the organisation record: typed once in the
organisation profile, printed in every report year's table, carried by the JSON file (version 4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from pytestqt.qtbot import QtBot

from app import interchange
from app.models.ops_centre_records import report_data
from app.models.store import OrganisationData, Store
from app.ui.organisation_dialog import OrganisationDialog
from tests.ops.sample import sample_fields

DETAILS = {"competent_authority": "河南省教育厅", "organisation_code": "12410000415800384K",
           "ip_leader": "李副校长", "centre_head": "赵处长"}
TODAY = dt.date(2023, 12, 20)


def test_typed_once_in_the_profile_printed_in_every_year(qtbot: QtBot, store: Store) -> None:
    store.save_organisation(OrganisationData(name="河南师范大学"))
    dialog = OrganisationDialog(store)
    qtbot.addWidget(dialog)
    for key, text in DETAILS.items():
        dialog.edits[key].setText(text)
    dialog.accept()
    assert {k: getattr(store.organisation(), k) for k in DETAILS} == DETAILS

    for year in (2023, 2024):
        fields = sample_fields(year)
        fields = replace(fields, basic={k: v for k, v in fields.basic.items()
                                        if k not in DETAILS})
        data = report_data(store, year, fields, today=TODAY.replace(year=year))
        assert {k: data.basic[k] for k in DETAILS} == DETAILS
        missing = {f.field for f in data.findings if f.code == "ops.field_missing"}
        assert not missing & {f"basic.{k}" for k in DETAILS}
    # A value typed on a report (as reports saved before held them) still wins there.
    typed = replace(sample_fields(), basic={**sample_fields().basic, "ip_leader": "王副校长"})
    assert report_data(store, 2023, typed, today=TODAY).basic["ip_leader"] == "王副校长"


def test_the_json_file_carries_them_from_version_4_on(store: Store) -> None:
    store.save_organisation(OrganisationData(name="河南师范大学", **DETAILS))
    doc = interchange.export_document(store)
    assert doc["version"] == 5  # version 4 keys, still written by version 5
    assert {k: doc["organisation"][k] for k in DETAILS} == DETAILS
    read = interchange.read_document(doc)
    assert read.dataset is not None and read.dataset.organisation is not None
    assert {k: getattr(read.dataset.organisation, k) for k in DETAILS} == DETAILS
    # Not in version 3: such a file is refused with the key's path, not read half.
    older = interchange.read_document({**doc, "version": 3})
    assert "$.organisation.competent_authority" in {p.field for p in older.problems}
    # An organisation without them writes none, so an older file's shape still reads.
    store.save_organisation(OrganisationData(name="河南师范大学"))
    plain = interchange.export_document(store)["organisation"]
    assert not set(plain) & set(DETAILS)
