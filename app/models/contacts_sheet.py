"""专利开放许可试点工作联系人信息表 — the contacts sheet, in each notice's own title and columns.

Henan (seed 000, 附件 1): 河南省专利开放许可试点工作联系人信息表 ·
单位 姓名 职务 办公电话 手机 邮箱.
Xinyang (seed 001, 附件 4): 信阳市专利开放许可试点工作联系人信息表 ·
单位 姓名 职务 办公电话 手机号 邮箱.
FORMS.md §7 gives one title without the province or city and the column 手机 for both: the
notices win.

The rows are the unit's contact persons (organisation profile), never typed twice.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.models.contact_rules import check_email, check_phone
from app.models.findings import Finding, error


class ContactsNotice(StrEnum):
    HENAN = "henan"  # 000 附件 1
    XINYANG = "xinyang"  # 001 附件 4


@dataclass(frozen=True)
class SheetLayout:
    title: str
    headings: tuple[str, ...]
    document_kind: str  # GeneratedDocument.kind, as the package targets name it
    file_stem: str


LAYOUTS: dict[ContactsNotice, SheetLayout] = {
    ContactsNotice.HENAN: SheetLayout(
        "河南省专利开放许可试点工作联系人信息表",
        ("单位", "姓名", "职务", "办公电话", "手机", "邮箱"),
        "contact_sheet_henan",
        "河南省专利开放许可试点工作联系人信息表",
    ),
    ContactsNotice.XINYANG: SheetLayout(
        "信阳市专利开放许可试点工作联系人信息表",
        ("单位", "姓名", "职务", "办公电话", "手机号", "邮箱"),
        "contact_sheet",
        "信阳市专利开放许可试点工作联系人信息表",
    ),
}

# The fields of a contact each column shows after 单位.
CONTACT_FIELDS: tuple[str, ...] = ("name", "title", "office_phone", "mobile", "email")


@dataclass(frozen=True)
class ContactsSheet:
    notice: ContactsNotice
    unit: str
    rows: tuple[tuple[str, ...], ...]  # one per contact: 单位, 姓名, 职务, 办公电话, 手机, 邮箱

    @property
    def layout(self) -> SheetLayout:
        return LAYOUTS[self.notice]


def contacts_sheet(org: Any, notice: ContactsNotice) -> ContactsSheet:
    """The sheet of `notice` from the unit's profile (OrganisationData or the entity)."""
    rows = tuple(
        (org.name.strip(), *(str(getattr(c, name)).strip() for name in CONTACT_FIELDS))
        for c in org.contacts
    )
    return ContactsSheet(notice, org.name.strip(), rows)


def check_contacts_sheet(org: Any) -> list[Finding]:
    """What the sheet needs of the profile: the unit's name, at least one contact, and for each
    a name, a phone (office or mobile) and well-formed numbers and e-mail."""
    findings: list[Finding] = []
    if not org.name.strip():
        findings.append(error("organisation.name_required", "name"))
    contacts: Sequence[Any] = org.contacts
    if not contacts:
        findings.append(error("contacts_sheet.no_contacts", "contacts"))
    for i, c in enumerate(contacts):
        prefix = f"contacts[{i}]."
        if not c.name.strip():
            findings.append(error("contacts_sheet.contact_field_missing", prefix + "name",
                                  index=i + 1, name=""))
        if not (c.office_phone.strip() or c.mobile.strip()):
            findings.append(error("contacts_sheet.contact_field_missing", prefix + "mobile",
                                  index=i + 1, name=c.name.strip()))
        findings += check_phone(c.office_phone, prefix + "office_phone")
        findings += check_phone(c.mobile, prefix + "mobile")
        findings += check_email(c.email, prefix + "email")
    return findings


def sheet_data_hash(sheet: ContactsSheet) -> str:
    """SHA-256 of what the sheet prints: a recorded sheet is out of date when this changes."""
    payload = json.dumps([sheet.notice.value, sheet.unit, sheet.rows], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
