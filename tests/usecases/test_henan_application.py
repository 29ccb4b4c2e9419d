"""The Henan application (申请书) and work plan (工作方案): the notice's labels and headings in the
PDFs, the guidance not printed, the register's figures offered, saving and the rules."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pypdf

from app.models.deals import DealFields, Payment
from app.models.henan_application import GUIDANCE, ApplicationFields
from app.models.store import ContactData, OrganisationData, Store
from app.usecases import henan_application as usecase
from tests.models.test_batches import add_offer, number

DAY = dt.date(2023, 4, 20)
ORG = OrganisationData(name="信阳师范大学", legal_representative="张某",
                       address="信阳市长安路237号",
                       postcode="464000", phone="0376-6390000", fax="0376-6390001",
                       email="kjc@xynu.edu.cn",
                       contacts=(ContactData("王文玉", "科技处", "副处长", "0376-6313008",
                                             "13912345678", "wang@xynu.edu.cn"),))
FILLED = dict(filed_on=DAY, lead_name="李某", lead_mobile="13800000000", lead_department="科技处",
              lead_title="处长", lead_phone="0376-6391111", unit_profile="学校概况……",
              work_targets="发布开放许可专利 50 件。", funding="学校每年安排专项经费。",
              measures="1. 提升供给质量。\n2. 拓宽转化渠道。", goals="2023 年发布 30 件。",
              tasks="科技处牵头。", safeguards="成立领导小组。")

# Verbatim from the notice (seed 001, 申报指南), typed here independently.
APPLICATION_LABELS = [
    "河南省专利开放许可试点工作", "申请书", "申报单位：", "（盖章）", "申报时间：",
    "河南省市场监督管理局（知识产权局）编制", "二〇二三年四月", "一、申报单位基本信息",
    "单 位", "单位名称", "法人代表", "联系电话", "传真号码", "负责人", "姓 名", "手 机", "所在部门",
    "职 务", "固定电话", "联络人", "通讯地址", "邮 编", "E-mail", "申报单位基本情况",
    "二、专利开放许可试点工作指标", "1. 工作指标", "2. 经费保障机制",
]
PLAN_LABELS = ["河南省专利开放许可试点工作方案（2023年-2024年）", "一、工作举措", "二、工作目标",
               "三、工作任务分解及职责划分", "四、保障措施"]


def text_of(path: Path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_new_application_offers_the_profile(store: Store) -> None:
    store.save_organisation(ORG)
    fresh = usecase.load(store, 2023)
    assert (fresh.liaison_name, fresh.liaison_phone, fresh.liaison_address,
            fresh.liaison_postcode, fresh.liaison_email) == (
        "王文玉", "0376-6313008", "信阳市长安路237号", "464000", "wang@xynu.edu.cn")


def test_pdfs_carry_every_label_and_not_the_guidance(store: Store, tmp_path: Path) -> None:
    store.save_organisation(ORG)
    fields = replace(usecase.load(store, 2023), **FILLED)  # type: ignore[arg-type]
    saved = usecase.save(store, fields)
    assert saved.saved and [f.code for f in saved.findings] == []
    assert usecase.load(store, 2023) == fields and usecase.plan_years(store) == [2023]
    result = usecase.write(store, 2023, tmp_path, today=DAY)
    assert [p.name for p in result.paths] == ["河南省专利开放许可试点工作申请书.pdf",
                                              "河南省专利开放许可试点工作方案（2023年-2024年）.pdf"]
    application, plan = (text_of(p) for p in result.paths)
    assert [t for t in APPLICATION_LABELS if squeeze(t) not in squeeze(application)] == []
    for value in ("信阳师范大学", "张某", "0376-6390001", "李某", "13800000000", "王文玉",
                  "信阳市长安路237号", "464000", "学校概况", "发布开放许可专利 50 件。",
                  "学校每年安排专项经费。", "2023 年 4 月 20 日"):
        assert squeeze(value) in squeeze(application), value
    assert [t for t in PLAN_LABELS if squeeze(t) not in squeeze(plan)] == []
    assert "1. 提升供给质量。" in plan and "成立领导小组。" in plan and "信阳师范大学" in plan
    assert "（模版）" not in plan
    for guidance in GUIDANCE.values():
        assert squeeze(guidance)[:20] not in squeeze(application + plan)


def test_rules_and_drafts(store: Store, tmp_path: Path) -> None:
    store.save_organisation(ORG)
    usecase.save(store, ApplicationFields(plan_start_year=2023, liaison_email="not-mail"))
    codes = {(f.code, f.field) for f in usecase.check(store, usecase.load(store, 2023))}
    assert {("application.required", "work_targets"), ("application.required", "lead_name"),
            ("email.invalid", "liaison_email"),
            ("application.liaison_phone_required", "liaison_mobile")} <= codes
    refused = usecase.write(store, 2023, tmp_path)
    assert not refused.paths
    draft = usecase.write(store, 2023, tmp_path, draft=True)
    assert [p.name.endswith("（草稿）.pdf") for p in draft.paths] == [True, True]


def test_register_figures_are_offered(store: Store) -> None:
    store.save_organisation(ORG)
    add_offer(store, 1)
    add_offer(store, 2, finalise=False)
    store.save_deal(DealFields(patents=(number(1),), licensee="甲公司", licence_date=DAY,
                               payment=Payment("free")))
    store.save_deal(DealFields(patents=(number(1),), licensee="乙公司", licence_date=DAY,
                               payment=Payment("lump_sum", amount_yuan=Decimal("125000"))))
    figures = usecase.register_figures(store)
    assert figures == usecase.RegisterFigures(1, 2, 1, 1, Decimal("12.5000"))
    assert usecase.figures_text(figures, DAY) == (
        "截至2023年4月20日，本单位已提出开放许可声明的专利1件，达成许可2项（其中免费许可1项、"
        "收费许可1项），收费许可金额合计12.5万元。")
