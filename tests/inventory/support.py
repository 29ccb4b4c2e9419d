"""A portfolio for the inventory tests: patents of the three types, some co-owned with
companies, one licensed through a recorded deal."""

from __future__ import annotations

import datetime as dt

from app.models.deals import DealFields, Payment
from app.models.patent_number import check_character
from app.models.patent_rules import PatentFields
from app.models.store import OrganisationData, Store

TODAY = dt.date(2024, 3, 1)
UNIT = "安徽某某大学"


def number(digits: str) -> str:
    return f"{digits}.{check_character(digits)}"


def portfolio(count: int, *, start: int = 0) -> list[PatentFields]:
    """`count` patents: inventions, utility models and designs in turn, filed over 2014–2022;
    every fifth co-owned with a company, every seventh lapsed."""
    out = []
    for i in range(start, start + count):
        year = 2014 + i % 9
        kind_digit = (1, 2, 3)[i % 3]
        digits = f"{year}{kind_digit}{i:07d}"
        patentees = [UNIT, "张三"]
        if i % 5 == 0:
            patentees.append("合肥某某科技有限公司")
        out.append(PatentFields(
            number=number(digits),
            title=f"一种测试装置{i}",
            patentees=tuple(patentees),
            filing_date=dt.date(year, 1 + i % 12, 1 + i % 28),
            grant_date=dt.date(year + 1, 1 + i % 12, 1 + i % 28),
            legal_status="lapsed" if i % 7 == 6 else "valid",
        ))
    return out


def fill(store: Store, count: int) -> list[PatentFields]:
    patents = portfolio(count)
    store.replace_all(OrganisationData(name=UNIT), patents)
    return patents


def add_deal(store: Store, *numbers: str, serial_date: dt.date = dt.date(2023, 5, 1)) -> None:
    result = store.save_deal(DealFields(patents=tuple(numbers), licensee="合肥甲公司",
                                        licence_date=serial_date, payment=Payment("free")))
    assert result.record_id is not None
