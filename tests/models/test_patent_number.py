"""Patent numbers: every notation clerks paste, the check character, the type, the hints."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.patent_number import PatentKind, check_character, normalize, parse

TODAY = dt.date(2026, 11, 21)

# Real granted numbers, as printed in public sources (certificates, CVs, product pages).
REAL_NUMBERS = [
    ("201710601862.3", PatentKind.INVENTION),
    ("202010566088.9", PatentKind.INVENTION),
    ("201510958772.0", PatentKind.INVENTION),
    ("200510096239.4", PatentKind.INVENTION),
    ("201811564288.X", PatentKind.INVENTION),
    ("202510942578.7", PatentKind.INVENTION),
    ("202322865413.3", PatentKind.UTILITY_MODEL),
    ("97101765.4", PatentKind.INVENTION),
    ("90101673.X", PatentKind.INVENTION),
]


@pytest.mark.parametrize(("number", "kind"), REAL_NUMBERS)
def test_real_numbers_are_valid(number: str, kind: PatentKind) -> None:
    result = parse(number, today=TODAY)
    assert result.valid, result.findings
    assert result.normalized == number
    assert result.kind is kind


@pytest.mark.parametrize(
    "typed",
    [
        "ZL201710601862.3",
        "zl201710601862.3",
        "CN 2017 1 0601862.3",
        "201710601862.3",
        "2017106018623",
        "２０１７１０６０１８６２．３",
        "ＺＬ２０１７１０６０１８６２。３",
        " 201710601862.3 ",
        "2017 1060 1862.3",
        "专利号：ZL201710601862.3",
    ],
)
def test_notations_normalise(typed: str) -> None:
    result = parse(typed, today=TODAY)
    assert result.valid
    assert result.normalized == "201710601862.3"
    assert result.number is not None and result.number.official == "ZL201710601862.3"


def test_lower_case_x() -> None:
    assert normalize("90101673.x") == "90101673.X"
    assert normalize("201811564288x") == "201811564288.X"


def test_1985_to_1988_numbers_have_no_check_character() -> None:
    result = parse("85100001", today=TODAY)
    assert result.valid
    assert result.normalized == "85100001"
    assert result.number is not None and result.number.filing_year == 1985


def test_check_character_is_the_remainder_itself_not_eleven_minus() -> None:
    # 2·2+0·3+1·4+7·5+1·6+0·7+6·8+0·9+1·2+8·3+6·4+2·5 = 157; 157 mod 11 = 3
    assert check_character("201710601862") == "3"
    assert check_character("90101673") == "X"


def test_wrong_check_character_names_the_right_one() -> None:
    result = parse("201710601862.4", today=TODAY)
    assert not result.valid
    assert result.code == "number.check_mismatch"
    assert dict(result.findings[0].params) == {"given": "4", "expected": "3"}


def test_missing_check_character_suggests_it() -> None:
    result = parse("201710601862", today=TODAY)
    assert result.code == "number.check_missing"
    assert result.findings[0].params["suggestion"] == "201710601862.3"


def test_1989_old_number_without_check_character_is_incomplete() -> None:
    assert parse("97101765", today=TODAY).code == "number.check_missing"


@pytest.mark.parametrize(
    "publication", ["CN104919132B", "CN204919132U", "CN304919132S", "CN1049191A"]
)
def test_publication_numbers_get_a_hint(publication: str) -> None:
    result = parse(publication, today=TODAY)
    assert result.code == "number.publication"
    assert result.findings[0].params["publication"] == publication


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "number.empty"),
        ("   ", "number.empty"),
        ("hello", "number.malformed"),
        ("20171060186.3", "number.malformed"),
        ("201710601862.33", "number.malformed"),
        ("201710601862.Y", "number.malformed"),
        ("199910601862.3", "number.year_out_of_range"),
        ("203010601862.3", "number.year_out_of_range"),
        ("05101765.4", "number.year_out_of_range"),
    ],
)
def test_defects(typed: str, code: str) -> None:
    assert parse(typed, today=TODAY).code == code


def test_unknown_type_digit() -> None:
    digits = "201750601862"
    result = parse(f"{digits}.{check_character(digits)}", today=TODAY)
    assert result.code == "number.type_unknown"


@pytest.mark.parametrize(
    ("digit", "kind", "pct"),
    [
        ("1", PatentKind.INVENTION, False),
        ("2", PatentKind.UTILITY_MODEL, False),
        ("3", PatentKind.DESIGN, False),
        ("8", PatentKind.INVENTION, True),
        ("9", PatentKind.UTILITY_MODEL, True),
    ],
)
def test_type_from_fifth_digit(digit: str, kind: PatentKind, pct: bool) -> None:
    digits = f"2019{digit}0601862"
    result = parse(digits + "." + check_character(digits), today=TODAY)
    assert result.number is not None
    assert result.kind is kind
    assert result.number.is_pct is pct


def test_old_numbers_take_the_type_from_the_third_digit() -> None:
    digits = "98212345"
    result = parse(digits + check_character(digits), today=TODAY)
    assert result.kind is PatentKind.UTILITY_MODEL


new_digits = st.builds(
    lambda year, kind, serial: f"{year}{kind}{serial:07d}",
    st.integers(2003, 2026),
    st.sampled_from("12389"),
    st.integers(0, 9_999_999),
)


@given(new_digits)
def test_any_well_formed_number_round_trips_in_every_notation(digits: str) -> None:
    check = check_character(digits)
    canonical = f"{digits}.{check}"
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in canonical)
    for typed in (canonical, "ZL" + canonical, "CN " + canonical, digits + check,
                  full_width, canonical.lower()):
        assert normalize(typed) == canonical


@given(new_digits, st.integers(0, 11), st.sampled_from("0123456789X"))
def test_a_single_changed_digit_or_check_is_caught(digits: str, position: int, check: str) -> None:
    correct = check_character(digits)
    altered = digits[:position] + str((int(digits[position]) + 1) % 10) + digits[position + 1 :]
    # Weights 2..9 are all non-zero mod 11, so any single-digit change moves the check.
    if altered[:4].isdigit() and 2003 <= int(altered[:4]) <= 2026 and altered[4] in "12389":
        assert not parse(f"{altered}.{correct}", today=TODAY).valid
    if check != correct:
        assert parse(f"{digits}.{check}", today=TODAY).code == "number.check_mismatch"


def test_check_character_of_any_digits_is_the_weighted_sum_mod_11() -> None:
    """The fast path over ASCII codes gives the definition's character for every digit
    string, and digits other than 0-9 (full-width, Arabic-Indic) still take the long way."""
    import random

    weights = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    rnd = random.Random(19)
    cases = ["".join(rnd.choice("0123456789") for _ in range(n)) for n in (8, 12) * 2000]
    cases += ["99999999", "999999999999", "00000000", "１２３４５６７８", "٢٠١٧١٠٦٠١٨٦٢"]
    for digits in cases:
        remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11
        assert check_character(digits) == ("X" if remainder == 10 else str(remainder)), digits
