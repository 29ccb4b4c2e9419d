"""Chinese patent application numbers: parsing, normalising, check character, type.

Two notations are in use (CNIPA):
- since 2003-10-01: 12 digits + "." + check character, e.g. 201710601862.3 — digits 1–4 the
  filing year, digit 5 the type, digits 6–12 a serial;
- before: 8 digits + "." + check character, e.g. 97101765.4 — digits 1–2 the year, digit 3 the
  type; numbers of 1985–1988 were issued without a check character.

Check character: the digits weighted 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5 from the left, summed,
mod 11; the remainder itself is the character, 10 written as X (not 11 − r).
Clerks paste every variant: "ZL201710601862.3", "CN 2017 1 0601862.3", "2017106018623",
full-width digits, lower-case x. A publication number (CN104919132B) is a different number and
is answered with a hint.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import operator
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from app.models.findings import Finding, error


class PatentKind(StrEnum):
    INVENTION = "invention"
    UTILITY_MODEL = "utility_model"
    DESIGN = "design"


# Type digit → (kind, entered China through the PCT route)
_TYPE_DIGITS: dict[str, tuple[PatentKind, bool]] = {
    "1": (PatentKind.INVENTION, False),
    "2": (PatentKind.UTILITY_MODEL, False),
    "3": (PatentKind.DESIGN, False),
    "8": (PatentKind.INVENTION, True),
    "9": (PatentKind.UTILITY_MODEL, True),
}

KIND_LABELS_ZH: dict[PatentKind, str] = {
    PatentKind.INVENTION: "发明",
    PatentKind.UTILITY_MODEL: "实用新型",
    PatentKind.DESIGN: "外观设计",
}

_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9)
FIRST_NEW_FORMAT_YEAR = 2003  # the 12-digit notation began on 2003-10-01
FIRST_CHECKED_OLD_YEAR = 1989  # 1985–1988 numbers carry no check character

FIELD = "number"

_PUBLICATION_RE = re.compile(r"^CN(\d{7,10})([ABCUSY])(\d?)$")
_STRIP_RE = re.compile(r"[\s\u00a0\u3000_\-]+")
_PREFIX_RE = re.compile(r"^(?:专利号|申请号)[:：]?")


def _old_year(two_digits: str) -> int:
    two = int(two_digits)
    return 1900 + two if two >= 85 else 2000 + two


_WEIGHTS_12 = (*_WEIGHTS, *_WEIGHTS[:4])
# What the ASCII codes of the digits add over the digits' values: 48 ("0") times the weights.
_ASCII_EXCESS = {8: 48 * sum(_WEIGHTS), 12: 48 * sum(_WEIGHTS_12)}


def check_character(digits: str) -> str:
    """The check character of the 8 or 12 digits before the dot."""
    # map over the ASCII codes rather than int() per digit: the register checks 50,000
    # numbers at a time. Other digits (isdigit() is true of more than 0-9) take the long way.
    excess = _ASCII_EXCESS.get(len(digits))
    if excess is not None and digits.isascii():
        total = sum(map(operator.mul, digits.encode("ascii"), _WEIGHTS_12)) - excess
    else:
        total = sum(map(operator.mul, map(int, digits), itertools.cycle(_WEIGHTS)))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


@dataclass(frozen=True, slots=True)  # remembered by parse for 50,000 numbers
class PatentNumber:
    """A well-formed application number (its check character verified where it has one)."""

    digits: str
    check: str | None

    @property
    def is_old_format(self) -> bool:
        return len(self.digits) == 8

    @property
    def filing_year(self) -> int:
        if self.is_old_format:
            return _old_year(self.digits[:2])
        return int(self.digits[:4])

    @property
    def type_digit(self) -> str:
        return self.digits[2] if self.is_old_format else self.digits[4]

    @property
    def kind(self) -> PatentKind:
        return _TYPE_DIGITS[self.type_digit][0]

    @property
    def is_pct(self) -> bool:
        return _TYPE_DIGITS[self.type_digit][1]

    @property
    def normalized(self) -> str:
        """Stored form: digits, dot, check character (e.g. 201710601862.3)."""
        return f"{self.digits}.{self.check}" if self.check else self.digits

    @property
    def official(self) -> str:
        """The notation printed on the forms: ZL + normalised (e.g. ZL201710601862.3)."""
        return "ZL" + self.normalized

    def __str__(self) -> str:
        return self.normalized


@dataclass(frozen=True, slots=True)
class NumberCheck:
    """The result of reading what a clerk typed or pasted as a patent number."""

    input: str
    number: PatentNumber | None
    findings: tuple[Finding, ...]

    @property
    def valid(self) -> bool:
        return self.number is not None and not self.findings

    @property
    def normalized(self) -> str | None:
        return self.number.normalized if self.number else None

    @property
    def kind(self) -> PatentKind | None:
        return self.number.kind if self.number else None

    @property
    def code(self) -> str | None:
        return self.findings[0].code if self.findings else None


def clean(text: str) -> str:
    """Full-width to half-width, spaces and separators out, upper case, ZL/CN prefix kept."""
    text = text or ""
    if not text.isascii():  # NFKC leaves ASCII as it is; most stored numbers are ASCII
        text = unicodedata.normalize("NFKC", text)
    # NFKC leaves the ideographic full stop and middle dots alone; clerks type them for the dot.
    text = text.replace("。", ".").replace("·", ".").replace("．", ".")
    text = _STRIP_RE.sub("", text).upper()
    return _PREFIX_RE.sub("", text)


def parse(text: str, *, today: dt.date | None = None) -> NumberCheck:
    """Read a patent application number in any notation clerks use."""
    # Remembered: an import reads each number several times (file check, matching, storing,
    # the rules), and the result depends only on the text and the current year. Immutable.
    return _parse(text, (today or dt.date.today()).year)


@functools.lru_cache(maxsize=1 << 17)
def _parse(text: str, year_now: int) -> NumberCheck:
    raw = text
    cleaned = clean(text)
    if not cleaned:
        return NumberCheck(raw, None, (error("number.empty", FIELD),))

    publication = _PUBLICATION_RE.match(cleaned)
    if publication:
        return NumberCheck(
            raw, None, (error("number.publication", FIELD, publication=cleaned),)
        )

    body = cleaned
    for prefix in ("ZL", "CN"):
        if body.startswith(prefix):
            body = body[len(prefix) :]
            break

    digits, check = _split(body)
    if digits is None:
        return NumberCheck(raw, None, (error("number.malformed", FIELD, text=raw.strip()),))

    if len(digits) == 12:
        year = int(digits[:4])
        if not FIRST_NEW_FORMAT_YEAR <= year <= year_now:
            return NumberCheck(
                raw, None, (error("number.year_out_of_range", FIELD, year=year),)
            )
    else:
        year = _old_year(digits[:2])
        if not 1985 <= year <= FIRST_NEW_FORMAT_YEAR:
            return NumberCheck(
                raw, None, (error("number.year_out_of_range", FIELD, year=year),)
            )

    type_digit = digits[4] if len(digits) == 12 else digits[2]
    if type_digit not in _TYPE_DIGITS:
        return NumberCheck(
            raw, None, (error("number.type_unknown", FIELD, digit=type_digit),)
        )

    expected = check_character(digits)
    if check is None:
        if len(digits) == 8 and year < FIRST_CHECKED_OLD_YEAR:
            return NumberCheck(raw, PatentNumber(digits, None), ())
        number = PatentNumber(digits, expected)
        return NumberCheck(
            raw,
            None,
            (
                error(
                    "number.check_missing", FIELD, expected=expected, suggestion=number.normalized
                ),
            ),
        )
    if check != expected:
        return NumberCheck(
            raw,
            None,
            (error("number.check_mismatch", FIELD, given=check, expected=expected),),
        )
    return NumberCheck(raw, PatentNumber(digits, check), ())


def forget_parsed() -> None:
    """Empties what `parse` remembers (a worker process checking each number once)."""
    _parse.cache_clear()


def _split(body: str) -> tuple[str | None, str | None]:
    """Digits and check character of a prefix-free number, or (None, None)."""
    if "." in body:
        head, _, tail = body.partition(".")
        if not head.isdigit() or len(head) not in (8, 12):
            return None, None
        if tail == "":
            return head, None
        if len(tail) != 1 or not (tail.isdigit() or tail == "X"):
            return None, None
        return head, tail
    # Without a dot: 13 or 9 characters carry the check character at the end.
    if len(body) in (13, 9) and body[:-1].isdigit() and (body[-1].isdigit() or body[-1] == "X"):
        return body[:-1], body[-1]
    if len(body) in (12, 8) and body.isdigit():
        return body, None
    return None, None


def normalize(text: str) -> str | None:
    """The normalised number, or None when it is not a valid application number."""
    result = parse(text)
    return result.normalized if result.valid else None
