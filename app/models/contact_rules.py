"""Contact details: mainland postcodes, phone numbers and e-mail addresses (rule R6)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Protocol

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
        return [error("contact.required", field)] if required else []
    return [] if is_postcode(text) else [error("postcode.invalid", field, postcode=text)]


def check_phone(text: str, field: str = "phone", *, required: bool = False) -> list[Finding]:
    if not _half_width(text):
        return [error("contact.required", field)] if required else []
    return [] if is_phone(text) else [error("phone.invalid", field, phone=text.strip())]


def check_email(text: str, field: str = "email", *, required: bool = False) -> list[Finding]:
    if not _half_width(text):
        return [error("contact.required", field)] if required else []
    return [] if is_email(text) else [error("email.invalid", field, email=text.strip())]


class _ContactLike(Protocol):
    # Read-only members: frozen dataclasses (the store's ContactData) satisfy them as well as
    # the ORM's entities do.
    @property
    def name(self) -> str: ...
    @property
    def office_phone(self) -> str: ...
    @property
    def mobile(self) -> str: ...
    @property
    def email(self) -> str: ...


class _OrganisationLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def postcode(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def fax(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def contacts(self) -> Sequence[_ContactLike]: ...


def check_organisation(org: _OrganisationLike) -> list[Finding]:
    """The unit's profile: name required; postcode, phones and e-mails well-formed where given.

    A contact's findings carry the field `contacts[i].<name>`.
    """
    found: list[Finding] = []
    if not org.name.strip():
        found.append(error("organisation.name_required", "name"))
    found += check_postcode(org.postcode)
    found += check_phone(org.phone)
    found += check_phone(org.fax, "fax")
    found += check_email(org.email)
    for i, contact in enumerate(org.contacts):
        prefix = f"contacts[{i}]."
        found += check_phone(contact.office_phone, prefix + "office_phone")
        found += check_phone(contact.mobile, prefix + "mobile")
        found += check_email(contact.email, prefix + "email")
    return found
