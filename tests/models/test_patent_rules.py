"""Rules on patent records, and the message table that words them."""

from __future__ import annotations

import datetime as dt

import pytest

from app import messages
from app.models.findings import Severity
from app.models.patent_rules import PatentFields, check_patent

TODAY = dt.date(2026, 11, 21)


def good(**changes: object) -> PatentFields:
    base = dict(
        number="201710601862.3",
        title="一种基于深度学习的图像识别方法",
        patentees=("武汉大学", "张三"),
        filing_date=dt.date(2017, 7, 21),
        grant_date=dt.date(2019, 3, 5),
        legal_status="valid",
    )
    base.update(changes)
    return PatentFields(**base)  # type: ignore[arg-type]


def codes(fields: PatentFields) -> set[str]:
    return {f.code for f in check_patent(fields, today=TODAY)}


def test_a_good_patent_has_no_findings() -> None:
    assert check_patent(good(), today=TODAY) == []


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"number": "201710601862.4"}, "number.check_mismatch"),
        ({"entered_kind": "design"}, "kind.mismatch"),
        ({"entered_kind": "gadget"}, "kind.unknown"),
        ({"title": "  "}, "title.required"),
        ({"patentees": ()}, "patentees.required"),
        ({"patentees": ("武汉大学", "")}, "patentees.blank"),
        ({"patentees": ("武汉大学", "武汉大学")}, "patentees.duplicate"),
        ({"filing_date": None}, "filing_date.required"),
        ({"filing_date": dt.date(2018, 1, 2)}, "filing_date.year_mismatch"),
        ({"filing_date": dt.date(2027, 1, 2), "number": "202710601862.2"}, "filing_date.future"),
        ({"grant_date": dt.date(2016, 1, 1)}, "grant_date.before_filing"),
        ({"grant_date": dt.date(2027, 1, 1)}, "grant_date.future"),
        ({"legal_status": "pending"}, "legal_status.unknown"),
        ({"term_compensation_days": -3}, "compensation.negative"),
        ({"expiry_override": dt.date(2038, 1, 1)}, "expiry_override.note_missing"),
    ],
)
def test_each_rule(changes: dict[str, object], code: str) -> None:
    assert code in codes(good(**changes))


def test_compensation_only_for_inventions() -> None:
    fields = good(number="202322865413.3", filing_date=dt.date(2023, 10, 26),
                  term_compensation_days=30)
    assert "compensation.not_invention" in codes(fields)


@pytest.mark.parametrize("days", [3651, 20240101, 10**10, 2**63])
def test_an_absurd_compensation_is_an_error_not_a_crash(days: int) -> None:
    # The JSON import accepts any integer; a date typed as days overflowed the date maths.
    findings = check_patent(good(term_compensation_days=days), today=TODAY)
    assert [f.code for f in findings] == ["compensation.too_large"]
    from app.models.patent_number import PatentKind
    from app.models.term import patent_expiry

    expiry = patent_expiry(PatentKind.INVENTION, dt.date(2017, 7, 21), days)
    assert expiry is not None and expiry.date == dt.date(2037, 7, 20)  # counted as none


def test_ten_years_of_compensation_is_accepted() -> None:
    assert check_patent(good(term_compensation_days=3650), today=TODAY) == []


def test_missing_grant_date_is_only_a_warning() -> None:
    [finding] = check_patent(good(grant_date=None), today=TODAY)
    assert finding.code == "grant_date.missing"
    assert finding.severity is Severity.WARNING


def test_pct_year_difference_is_a_warning_only() -> None:
    from app.models.patent_number import check_character

    digits = "201880012345"
    fields = good(number=f"{digits}.{check_character(digits)}", filing_date=dt.date(2016, 5, 1))
    [finding] = [f for f in check_patent(fields, today=TODAY) if f.field == "filing_date"]
    assert finding.severity is Severity.WARNING


def test_in_force_status_after_the_term_is_flagged() -> None:
    old = good(number="97101765.4", filing_date=dt.date(1997, 2, 1), grant_date=dt.date(2000, 1, 1))
    assert "legal_status.term_ended" in codes(old)


def test_every_rule_code_has_both_languages() -> None:
    for code, (en, zh) in messages.MESSAGES.items():
        assert en.strip() and zh.strip(), code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), code


def test_messages_are_worded_with_their_parameters() -> None:
    [finding] = check_patent(good(number="201710601862.4"), today=TODAY)
    assert messages.describe(finding) == "校验位 4 不正确，按这些数字应为 3。请核对数字是否录错。"
    assert "it is 3" in messages.describe(finding, messages.EN)
    kind = [f for f in check_patent(good(entered_kind="design"), today=TODAY)][0]
    assert "外观设计" in messages.describe(kind) and "发明" in messages.describe(kind)


def test_unknown_code_shows_itself() -> None:
    assert messages.message("no.such.code") == "no.such.code"


@pytest.mark.parametrize("typed", ["ZL201710601862.3", "2017 1 0601862.3", "201710601862.3",
                                   "97101765.4", "201710601862.4", "CN104919132B"])
def test_the_rules_given_the_number_as_parsed_find_what_they_find_parsing_it(typed: str) -> None:
    """An import parses each number before the rules see it and hands them that parse."""
    from app.models.patent_number import parse
    from app.models.patent_rules import check_patent_parts

    fields = good(number=typed, grant_date=None, filing_date=dt.date(2030, 1, 1))
    parsed = check_patent_parts(fields, today=TODAY, number=parse(typed, today=TODAY))
    alone = check_patent_parts(fields, today=TODAY)
    assert parsed[0] == alone[0] and parsed[2:] == alone[2:]
    assert [f.code for f in parsed[0]][:1] != []
