from __future__ import annotations

import pytest

from app.models.contact_rules import check_email, check_phone, check_postcode, is_email, is_phone


@pytest.mark.parametrize(
    "phone",
    ["027-87654321", "(027)87654321", "02787654321", "0371-65551234", "13912345678",
     "+86 139 1234 5678", "010-12345678-123", "０２７－８７６５４３２１"],
)
def test_mainland_phones(phone: str) -> None:
    assert is_phone(phone)


@pytest.mark.parametrize("phone", ["12345", "87654321", "1391234567", "23912345678", "abc"])
def test_not_phones(phone: str) -> None:
    assert not is_phone(phone)
    assert check_phone(phone)[0].code == "phone.invalid"


def test_postcode_and_email() -> None:
    assert check_postcode("430072") == []
    assert check_postcode("43007")[0].code == "postcode.invalid"
    assert check_postcode("") == []
    assert check_postcode("", required=True)[0].code == "contact.required"
    assert check_phone(" ", required=True)[0].code == "contact.required"
    assert check_email("", required=True)[0].code == "contact.required"
    assert check_phone("") == [] and check_email("") == []
    assert is_email("dingwei@hbipo.gov.cn")
    assert not is_email("dingwei@hbipo")
    assert check_email("a b@c.cn")[0].code == "email.invalid"
