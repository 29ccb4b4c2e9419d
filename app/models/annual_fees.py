"""Annual fees (年费) and expiry: the legal events a clerk must not miss while a patent is offered
for licence (commitment 3: 专利权在开放许可实施期间内，专利权人保证维持专利权有效).

The rule (专利法实施细则, 2010 text art. 98, kept by the 2023 revision): the fee of the year in
which the patent is granted is paid on registration; every later year's fee is due before the
previous patent year ends. Patent years are counted from the filing date, so the fee of patent
year n+1 falls due on the n-th anniversary of the filing date; unpaid, it may still be paid
within six months of that date with a surcharge (滞纳金), after which the patent lapses.

No amounts are computed: the fee schedule and the reductions (费减) change and depend on the
patentee; the clerk reads them from CNIPA's notice. Only dates and patent years are shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from app.models.term import add_years

GRACE_MONTHS = 6


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; past the month's end, its last day (8-31 + 6 → 2-28/29)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has a 28th


@dataclass(frozen=True)
class AnnualFee:
    """The next fee: for patent year `year`, due on `due`, payable with a surcharge until
    `grace_end`."""

    year: int
    due: dt.date
    grace_end: dt.date


def next_annual_fee(filing_date: dt.date | None, expiry: dt.date | None,
                    today: dt.date) -> AnnualFee | None:
    """The first fee due on or after `today`, or None (no dates, or the term ends first)."""
    if filing_date is None or expiry is None or expiry < today:
        return None
    years = max(today.year - filing_date.year - 1, 1)
    while add_years(filing_date, years) < today:
        years += 1
    due = add_years(filing_date, years)
    if due > expiry:
        return None
    return AnnualFee(years + 1, due, add_months(due, GRACE_MONTHS))


@dataclass(frozen=True)
class DueItem:
    patent_id: int
    number: str
    title: str
    fee: AnnualFee | None
    expiry: dt.date | None
    days_left: int


def fees_due_within(items: Iterable[tuple[int, str, str, dt.date | None, dt.date | None]],
                    days: int, today: dt.date) -> list[DueItem]:
    """(patent id, number, title, filing date, expiry) of patents in force → those whose next fee
    falls due within `days` days of `today`, soonest first."""
    out = []
    for patent_id, number, title, filing, expiry in items:
        fee = next_annual_fee(filing, expiry, today)
        if fee is not None and (fee.due - today).days <= days:
            out.append(DueItem(patent_id, number, title, fee, expiry, (fee.due - today).days))
    return sorted(out, key=lambda item: (item.days_left, item.number))


def expiring_within_year(items: Iterable[tuple[int, str, str, dt.date | None, dt.date | None]],
                         today: dt.date) -> list[DueItem]:
    """Patents whose term ends within a year from `today` (today included, the anniversary
    next year excluded), soonest first."""
    limit = add_years(today, 1)
    out = []
    for patent_id, number, title, _filing, expiry in items:
        if expiry is not None and today <= expiry < limit:
            out.append(DueItem(patent_id, number, title, None, expiry, (expiry - today).days))
    return sorted(out, key=lambda item: (item.days_left, item.number))
