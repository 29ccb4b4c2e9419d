"""Send targets: shipped defaults seeded once, edited as data, templates filled safely."""

from __future__ import annotations

import dataclasses

from app.submit.presets import DocumentKind
from app.submit.records import SubmissionRecords
from app.submit.targets import TargetData, check_target, render


def test_the_shipped_targets_are_seeded_on_first_use(records: SubmissionRecords) -> None:
    targets = {t.key: t for t in records.targets()}
    assert list(targets) == ["hubei", "henan", "xinyang", "anhui"]
    hubei = targets["hubei"]
    assert hubei.recipients == ("dingwei@hbipo.gov.cn",)
    assert hubei.office == "湖北省知识产权局运用促进处"
    assert hubei.document_kinds == (DocumentKind.SUMMARY_LIST, DocumentKind.INFORMATION_SHEET,
                                    DocumentKind.DECLARATION)
    assert hubei.file_types == ("pdf",)
    assert hubei.file_names[DocumentKind.INFORMATION_SHEET] == "{patent} 信息表"
    assert hubei.size_limit == 50_000_000
    assert targets["henan"].recipients == ("zscqyy@126.com",)
    assert targets["henan"].office == "河南省市场监管局（知识产权局）知识产权促进处"
    assert targets["xinyang"].recipients == ("xyszscqj@163.com",)
    assert targets["xinyang"].office == "信阳市市场监管局知识产权促进科"
    for target in targets.values():
        assert check_target(target) == []
        assert "{unit}" in target.subject_template and "{files}" in target.body_template
    assert records.ensure_default_targets() == 0  # seeded once


def test_an_edited_address_is_what_the_next_package_uses(records: SubmissionRecords) -> None:
    hubei = records.target_by_key("hubei")
    assert hubei is not None
    saved = records.save_target(dataclasses.replace(
        hubei, recipients=("yunyong@hbipo.gov.cn", "copy@hbipo.gov.cn"), size_limit=20_000_000))
    assert saved.saved and saved.findings == ()
    again = records.target_by_key("hubei")
    assert again is not None
    assert again.recipients == ("yunyong@hbipo.gov.cn", "copy@hbipo.gov.cn")
    assert again.size_limit == 20_000_000
    restored = records.restore_default_target("hubei")
    assert restored.record_id == hubei.id
    assert records.target_by_key("hubei") == hubei


def test_a_new_target_and_its_problems(records: SubmissionRecords) -> None:
    anhui = TargetData(key="anhui", name="安徽", office="（所在市知识产权局）",
                       recipients=("not an address",), document_kinds=())
    saved = records.save_target(anhui)
    assert saved.saved  # kept, to be finished later
    assert {f.code for f in saved.findings} == {"target.recipient_invalid",
                                                "target.no_document_kind"}
    assert [t.key for t in records.targets()][-1] == "anhui"
    clash = records.save_target(dataclasses.replace(anhui, name="安徽2"))
    assert not clash.saved and clash.findings[0].code == "target.key_duplicate"
    assert saved.record_id is not None and records.delete_target(saved.record_id)


def test_templates_fill_known_placeholders_and_leave_the_rest() -> None:
    assert render("{unit}报送（{count}件）{unknown}", {"unit": "某大学", "count": 3}) == (
        "某大学报送（3件）{unknown}"
    )
    # No attribute access through an edited template, as str.format would allow.
    assert render("{unit.__class__}", {"unit": "x"}) == "{unit.__class__}"
