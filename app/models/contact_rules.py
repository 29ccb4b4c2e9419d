"""Contact details: mainland postcodes, phone numbers and e-mail addresses (rule R6)."""

from __future__ import annotations

import re
import unicodedata

from app.models.findings import Finding, error

_POSTCODE = re.compile(r"^\d{6}$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# Area code 0 + 2–3 digits, subscriber 7–8 digits, optional extension.
_LANDLINE = re.compile(r"^0\d{2,3}-?[1-9]\d{6,7}(?:(?:-|转|ext\.?)\d{1,6})?$", re.IGNORECASE)
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


def _half_width(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def normalize_phone(text: str) -> str:
    """Drop what clerks add around a number: spaces, brackets round the area code, +86."""
    phone = _half_width(text)
    phone = re.sub(r"[\s()（）]", "", phone.replace("(0", "0"))
    phone = re.sub(r"^(?:\+?86-?)", "", phone)
    return phone


def is_postcode(text: str) -> bool:
    return bool(_POSTCODE.match(_half_width(text)))


def is_phone(text: str) -> bool:
    phone = normalize_phone(text)
    return bool(_MOBILE.match(phone) or _LANDLINE.match(phone))


def is_email(text: str) -> bool:
    return bool(_EMAIL.match(_half_width(text)))


def check_postcode(text: str, field: str = "postcode", *, required: bool = False) -> list[Finding]:
    if not _half_width(text):
        return [error("postcode.invalid", field, postcode="")] if required else []
    return [] if is_postcode(text) else [error("postcode.invalid", field, postcode=text)]


def check_phone(text: str, field: str = "phone", *, required: bool = False) -> list[Finding]:
    if not _half_width(text):
        return [error("phone.invalid", field, phone="")] if required else []
    return [] if is_phone(text) else [error("phone.invalid", field, phone=text.strip())]


def check_email(text: str, field: str = "email", *, required: bool = False) -> list[Finding]:
    if not _half_width(text):
        return [error("email.invalid", field, email="")] if required else []
    return [] if is_email(text) else [error("email.invalid", field, email=text.strip())]
