"""A good version-3 interchange document to poison: five patents, an offer, four deals (each
payment method with a figure), a summary book with overrides."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from app.models.patent_number import check_character


def number(digits: str) -> str:
    return f"{digits}.{check_character(digits)}"


P1 = "201710601862.3"
P2 = number("202010123456")
P3 = number("202120234567")
P4 = number("202210345678")
P5 = number("201930456789")
FUTURE = (dt.date.today() + dt.timedelta(days=800)).isoformat()


def _patent(num: str) -> dict[str, Any]:
    return {"number": num, "title": "一种方法", "filing_date": f"{num[:4]}-01-05",
            "grant_date": None, "patentees": ["河南大学"], "legal_status": "valid"}


_DOC: dict[str, Any] = {
    "format": "licence-desk", "version": 3,
    "patents": [_patent(p) for p in (P1, P2, P3, P4, P5)],
    "offers": [{
        "patent": P4, "self_exploitation": {"status": "none"},
        "licensing_to_others": {"status": "none"}, "licence_expiry": FUTURE,
        "fee": {"option": "free"},
        "contact": {"name": "李老师", "address": "郑州市", "postcode": "450001",
                    "phone": "0371-67781234", "email": "kjc@example.edu.cn"},
    }],
    "deals": [
        {"serial": 1, "patents": [P1, P2, P3], "licensee": "甲公司", "date": "2023-03-01",
         "term": "3年", "via_offer": False,
         "payment": {"method": "entry_plus_royalty", "entry_fee_yuan": 12500.5,
                     "royalty_percent": 3.5}},
        {"serial": 2, "patents": [P4], "licensee": "乙公司", "date": "2023-04-01",
         "via_offer": True, "payment": {"method": "royalty", "royalty_percent": 5}},
        {"serial": 3, "patents": [P5], "licensee": "丙公司", "date": "2023-05-01",
         "via_offer": False, "payment": {"method": "free"}},
        {"serial": 4, "patents": [P1], "licensee": "丁公司", "date": "2023-06-01",
         "via_offer": False, "payment": {"method": "lump_sum", "amount_yuan": 50000}},
    ],
    "summary_books": [{
        "period_end": "2023-11", "filled_on": "2023-12-05",
        "lead": {"name": "李明", "mobile": "13912345678"},
        "unit_profile": "河南大学……", "self_evaluation": "一、政策出台",
        "platform_name": "河南省技术产权交易所", "platform_url": "https://www.hntpe.com",
        "smes_reached": 12, "overrides": {"deals_total": 4, "paid_amount_wan": 6.25},
    }],
}


def document() -> dict[str, Any]:
    return copy.deepcopy(_DOC)
