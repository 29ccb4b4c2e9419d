"""Patent term: anniversary minus one day, the design rule change, compensation, override."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.patent_number import PatentKind
from app.models.term import computed_expiry, patent_expiry, term_years


def test_last_protected_day_is_anniversary_minus_one_day() -> None:
    assert computed_expiry(PatentKind.UTILITY_MODEL, dt.date(1999, 9, 6)) == dt.date(2009, 9, 5)
    assert computed_expiry(PatentKind.INVENTION, dt.date(2017, 7, 21)) == dt.date(2037, 7, 20)


@pytest.mark.parametrize(
    ("filed", "years", "expiry"),
    [
        (dt.date(2021, 5, 31), 10, dt.date(2031, 5, 30)),
        (dt.date(2021, 6, 1), 15, dt.date(2036, 5, 31)),
    ],
)
def test_design_term_changes_on_2021_06_01(filed: dt.date, years: int, expiry: dt.date) -> None:
    assert term_years(PatentKind.DESIGN, filed) == years
    assert computed_expiry(PatentKind.DESIGN, filed) == expiry


def test_utility_model_stays_ten_years_after_2021() -> None:
    assert term_years(PatentKind.UTILITY_MODEL, dt.date(2022, 1, 1)) == 10


def test_leap_day_filing() -> None:
    # No 29 February in 2014: the anniversary is 1 March, the last day 28 February.
    assert computed_expiry(PatentKind.UTILITY_MODEL, dt.date(2004, 2, 29)) == dt.date(2014, 2, 28)
    assert computed_expiry(PatentKind.INVENTION, dt.date(2004, 2, 29)) == dt.date(2024, 2, 28)


def test_compensation_days_extend_the_term() -> None:
    expiry = patent_expiry(PatentKind.INVENTION, dt.date(2017, 7, 21), 100)
    assert expiry is not None
    assert expiry.date == dt.date(2037, 7, 20) + dt.timedelta(days=100)
    assert not expiry.overridden


def test_override_replaces_the_computed_date_and_says_so() -> None:
    expiry = patent_expiry(PatentKind.INVENTION, dt.date(2017, 7, 21), None, dt.date(2038, 1, 1))
    assert expiry is not None
    assert expiry.date == dt.date(2038, 1, 1)
    assert expiry.computed == dt.date(2037, 7, 20)
    assert expiry.overridden


def test_no_dates_no_expiry() -> None:
    assert patent_expiry(PatentKind.INVENTION, None) is None
    assert patent_expiry(None, dt.date(2017, 7, 21)) is None


@given(st.dates(dt.date(1985, 1, 1), dt.date(2060, 12, 31)), st.sampled_from(list(PatentKind)))
def test_expiry_is_always_the_day_before_an_anniversary(filed: dt.date, kind: PatentKind) -> None:
    expiry = computed_expiry(kind, filed)
    day_after = expiry + dt.timedelta(days=1)
    assert day_after.year - filed.year == term_years(kind, filed)
    assert (day_after.month, day_after.day) == (filed.month, filed.day) or (
        (filed.month, filed.day) == (2, 29) and (day_after.month, day_after.day) == (3, 1)
    )
