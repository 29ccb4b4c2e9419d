"""Domain ranges: the values a number or date of the forms can plausibly take.

Every reader (JSON, Excel/CSV, the editors through the rules) checks against these bounds, so a
value such as an amount of 10^30 yuan, a 序号 of 2^63−1 or a date in the year 9999 is a finding
on its field where it is entered, never an overflow in SQLite, the PDF writer or a decimal
context later. Numbers given as text are bounded in length before they are converted: a cell
holding "1e9999999999" costs nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Final

from app.models.findings import Finding, error

# Chinese patent law took effect in 1985; the earliest plausible date of any record is a filing
# shortly before (priority) and the latest a licence or expiry within this century.
YEAR_MIN: Final = 1980
YEAR_MAX: Final = 2100
DATE_MIN: Final = dt.date(YEAR_MIN, 1, 1)
DATE_MAX: Final = dt.date(YEAR_MAX, 12, 31)

# A number typed or read as text longer than this is not converted at all.
NUMBER_TEXT_MAX: Final = 40
# JSON numbers beyond this magnitude cannot be any figure of the forms (nor pass through a
# binary float exactly), whatever the field.
JSON_NUMBER_MAX: Final = 10**15
# Longest text of any single field read from a file (the longest form fields, the summary
# book's self-evaluation and unit profile, are printed over tens of pages).
TEXT_MAX: Final = 200_000


# The longest text each kind of field can print: a title fills two lines of the sheet, a name
# a cell, a note a few lines, the summary book's essays some pages. Longer is a finding where
# it is typed or imported, so no document is ever laid out from it: paragraph layout is not
# linear in a paragraph's length (a 100,000-character title took 107 s to render).
TEXT_LIMITS: Final[dict[str, int]] = {
    "name": 200,  # a title, a patentee, a licensee, an agency, a contact
    "note": 2_000,  # remarks, terms, payment text, other terms
    "essay": 150_000,  # the unit profile, the self-evaluation of the summary book (pages)
}
# An essay is laid out paragraph by paragraph, so its time grows with the longest one.
PARAGRAPH_MAX: Final = 5_000


def text_finding(field: str, text: str, kind: str, limit: int | None = None) -> Finding | None:
    """`range.text` on `field` when `text` is longer than fields of `kind` can print (for an
    essay: in all, or in one paragraph), or than `limit` when given (the field's column is
    shorter: app.models.column_limits.text_limit)."""
    limit = TEXT_LIMITS[kind] if limit is None else limit
    if len(text) > limit:
        return error("range.text", field, length=len(text), limit=limit)
    if kind == "essay" and len(text) > PARAGRAPH_MAX:
        longest = max(len(line) for line in text.splitlines())
        if longest > PARAGRAPH_MAX:
            return error("range.paragraph", field, length=longest, limit=PARAGRAPH_MAX)
    return None


class Domain(StrEnum):
    MONEY_YUAN = "money_yuan"  # an amount in yuan
    MONEY_WAN = "money_wan"  # an amount in 万元
    PERCENT = "percent"
    COUNT = "count"  # patents, deals, enterprises …
    DAYS = "days"  # payment terms, term compensation
    SERIAL = "serial"  # 序号


@dataclass(frozen=True)
class Bounds:
    low: Decimal
    high: Decimal


BOUNDS: Final[dict[Domain, Bounds]] = {
    # A trillion yuan: far above any licence fee, far below where Decimal formatting hurts.
    Domain.MONEY_YUAN: Bounds(Decimal(0), Decimal(10) ** 12),
    Domain.MONEY_WAN: Bounds(Decimal(0), Decimal(10) ** 8),
    Domain.PERCENT: Bounds(Decimal(0), Decimal(100)),
    Domain.COUNT: Bounds(Decimal(0), Decimal(1_000_000)),
    Domain.DAYS: Bounds(Decimal(0), Decimal(36_600)),  # a hundred years
    Domain.SERIAL: Bounds(Decimal(1), Decimal(999_999)),
}


def in_domain(value: Decimal | int, domain: Domain) -> bool:
    bounds = BOUNDS[domain]
    number = value if isinstance(value, Decimal) else Decimal(value)
    return number.is_finite() and bounds.low <= number <= bounds.high


def range_finding(field: str, value: Decimal | int, domain: Domain) -> Finding | None:
    """`range.number` on `field` when `value` is outside its domain; None when it is inside."""
    if in_domain(value, domain):
        return None
    bounds = BOUNDS[domain]
    return error("range.number", field, value=_short(value), low=_plain(bounds.low),
                 high=_plain(bounds.high))


def magnitude_finding(field: str, value: Decimal | int, domain: Domain) -> Finding | None:
    """What a reader checks before keeping a number: only a magnitude beyond the domain's
    upper bound (percentages: beyond a million). Smaller breaches (a negative amount, a royalty
    of 120 %) have rules of their own with better words; a reader that finds this drops the
    value so that nothing computes with it."""
    high = BOUNDS[domain].high if domain is not Domain.PERCENT else Decimal(1_000_000)
    number = value if isinstance(value, Decimal) else Decimal(value)
    if number.is_finite() and abs(number) <= high:
        return None
    bounds = BOUNDS[domain]
    return error("range.number", field, value=_short(value), low=_plain(bounds.low),
                 high=_plain(bounds.high))


def date_in_range(day: dt.date) -> bool:
    return DATE_MIN <= day <= DATE_MAX


def date_finding(field: str, day: dt.date | None) -> Finding | None:
    """`range.date` on `field` for a date outside YEAR_MIN..YEAR_MAX; None otherwise."""
    if day is None or date_in_range(day):
        return None
    return error("range.date", field, value=day.isoformat(), low=YEAR_MIN, high=YEAR_MAX)


def _plain(value: Decimal) -> str:
    return f"{value:f}"


def _short(value: Decimal | int) -> str:
    text = str(value)
    return text if len(text) <= 24 else text[:20] + "…"
