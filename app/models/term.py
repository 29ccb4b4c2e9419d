"""Patent term: the last protected day from the filing date, compensation and overrides.

Chinese Patent Law art. 42: invention 20 years, utility model 10 years, design 10 years when filed
before 2021-06-01 (the fourth amendment's effective date) and 15 years from that day on, all
counted from the filing date. The term ends on the day before the anniversary: filed 1999-09-06,
last protected day 2009-09-05. Invention terms may be extended by term compensation
(专利权期限补偿), entered as days; a clerk may also enter an expiry date that replaces the
computed one (with a note saying why).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.models.patent_number import PatentKind
from app.models.ranges import date_in_range

DESIGN_15_YEARS_FROM = dt.date(2021, 6, 1)


def term_years(kind: PatentKind, filing_date: dt.date) -> int:
    if kind is PatentKind.INVENTION:
        return 20
    if kind is PatentKind.DESIGN and filing_date >= DESIGN_15_YEARS_FROM:
        return 15
    return 10


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` later; 29 February becomes 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


# Delay and drug-approval compensation together run to a few years; more than ten is a
# mistyped figure (a date typed as days, say). Beyond it no expiry is computed from it.
MAX_COMPENSATION_DAYS = 3650


def usable_compensation(days: int | None) -> int:
    """The compensation days the expiry counts: a figure the rules reject (negative, over ten
    years) counts as none, and the rules report it on its field."""
    return days if days is not None and 0 < days <= MAX_COMPENSATION_DAYS else 0


def computed_expiry(
    kind: PatentKind, filing_date: dt.date, compensation_days: int = 0
) -> dt.date:
    """Last protected day: the anniversary minus one day, plus any compensation days."""
    anniversary = add_years(filing_date, term_years(kind, filing_date))
    return anniversary - dt.timedelta(days=1) + dt.timedelta(days=compensation_days or 0)


@dataclass(frozen=True)
class Expiry:
    """The patent's expiry as shown to the clerk: the date and how it was reached."""

    date: dt.date
    computed: dt.date | None
    overridden: bool
    compensation_days: int = 0


def patent_expiry(
    kind: PatentKind | None,
    filing_date: dt.date | None,
    compensation_days: int | None = None,
    override: dt.date | None = None,
) -> Expiry | None:
    """The last protected day, or None when neither the dates nor an override give one."""
    computed = None
    days = usable_compensation(compensation_days)
    if kind is not None and filing_date is not None and date_in_range(filing_date):
        # A filing date out of range is an error of the patent (range.date); its expiry
        # would overflow the calendar, so there is none.
        computed = computed_expiry(kind, filing_date, days)
    if override is not None:
        return Expiry(override, computed, True, days)
    if computed is None:
        return None
    return Expiry(computed, computed, False, days)
