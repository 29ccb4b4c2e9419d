"""A fully filled operations-centre report, in Chinese, shared by the tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.models.deals import DealFields, DealRecord, Payment
from app.models.ops_centre import (
    TEXT_KEYS,
    NavigationProject,
    OpsCentreFields,
    PolicyDocument,
    SmeActivity,
    UnitInfo,
)
from app.models.patent_rules import PatentFields

TODAY = dt.date(2023, 12, 5)
UNIT = UnitInfo(name="河南师范大学", legal_representative="王某某",
                address="河南省新乡市建设东路46号",
                postcode="453007", email="zscq@htu.edu.cn", phone="0373-3326000")

LONG = "本校围绕高价值专利培育，建立了专利申请前评估制度，" * 40


def sample_fields(year: int = 2023) -> OpsCentreFields:
    y = (year - 2, year - 1, year)
    return OpsCentreFields(
        report_year=year,
        filled_on=dt.date(year, 12, 5),
        lead_department="科学技术处",
        basic={"competent_authority": "河南省教育厅", "organisation_code": "12410000415800384K",
               "ip_leader": "李副校长", "centre_head": "赵处长",
               "centre_head_mobile": "13800000001",
               "contact": "张三", "contact_mobile": "13800000002"},
        leading_group="河南师范大学科技成果转移转化工作领导小组",
        standard="implemented",
        documents=(
            PolicyDocument("河南师范大学科技成果转化管理办法", f"{year - 1}-05",
                           "赋予科研人员职务科技成果所有权",
                           "办法.pdf", "a" * 64),
            PolicyDocument("河南师范大学专利申请前评估办法", f"{year}-03", "申请前评估全覆盖"),
        ),
        texts={key: f"{key}：{LONG if key == 'measures' else '已建立相应制度并实施。'}"
               for key in TEXT_KEYS},
        funding={y[0]: {"provincial": "50", "matching": "30", "other": "5",
                        "other_source": "企业捐赠"},
                 y[1]: {"provincial": "50", "matching": "40.5"},
                 y[2]: {"provincial": "60", "matching": "45.1234", "other": "2"}},
        staff={"total": "12", "growth": "5", "full_time": "4", "part_time": "8",
               "specialists": "6", "agents": "2", "managers": "9"},
        tables={
            "patent_output": {y[0]: {"invention_applications": "320"},
                              y[1]: {"invention_applications": "350"},
                              y[2]: {"invention_applications": "410", "patents_granted": "260"}},
            "transfers": {y[2]: {"count": "15", "contract": "120", "received": "80",
                                 "companies": "9"}},
            "equity": {y[1]: {"count": "3", "value": "500", "companies": "1"}},
            "incubation": {y[2]: {"companies": "2", "revenue": "300.5"}},
        },
        override_note="登记册未含全部专利，专利授权数按学校统计填写。",
        projects=(NavigationProject("产业类", "新乡市生物医药产业专利导航",
                                    f"{year - 1}.03-{year}.06",
                                    "20", "某知识产权服务有限公司"),
                  NavigationProject("微导航类", "电池材料微导航", f"{year}.01-{year}.10", "5",
                                    "本校图书馆")),
        matchmaking={y[0]: {"events": "4", "companies": "30"}, y[2]: {"events": "6",
                                                                      "companies": "52"}},
        activities=(SmeActivity("专利开放许可路演", {y[2]: {"events": "2", "companies": "18"}}),),
        partners="36",
    )


P_INV = "202110123456.7"


def sample_register(year: int = 2023) -> list[PatentFields]:
    return [
        PatentFields(number="202110000001.6", patentees=("河南师范大学",),
                     grant_date=dt.date(year, 3, 1)),
        PatentFields(number="202120000001.1", patentees=("河南师范大学",),
                     grant_date=dt.date(year, 4, 1)),
        PatentFields(number="201910000002.3", patentees=("河南师范大学",),
                     grant_date=dt.date(year - 2, 4, 1)),
    ]


def sample_deals(year: int = 2023) -> list[DealRecord]:
    return [
        DealRecord(1, 1, DealFields(patents=("202110000001.6", "201910000002.3"),
                                    licensee="新乡某电池有限公司",
                                    licence_date=dt.date(year, 6, 1),
                                    payment=Payment("lump_sum", amount_yuan=Decimal(50000)),
                                    received_yuan=Decimal(30000))),
        DealRecord(2, 2, DealFields(patents=("202120000001.1",), licensee="郑州某科技有限公司",
                                    licence_date=dt.date(year - 1, 9, 1),
                                    payment=Payment("free"))),
    ]
