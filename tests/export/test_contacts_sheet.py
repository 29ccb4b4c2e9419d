"""专利开放许可试点工作联系人信息表: each notice's own title and columns in the PDF and the
workbook, the unit's contacts as rows, the profile's problems as findings."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pypdf
import pytest

from app.export.excel.contacts_sheet import contacts_sheet_bytes
from app.export.pdf.contacts_sheet import render_contacts_sheet
from app.models.contacts_sheet import ContactsNotice, check_contacts_sheet, contacts_sheet
from app.models.store import ContactData, OrganisationData

WHEN = dt.datetime(2023, 4, 20)
ORG = OrganisationData(name="信阳师范大学", contacts=(
    ContactData("王文玉", "科技处", "副处长", "0376-6313008", "13912345678", "wang@xynu.edu.cn"),
    ContactData("苏凯", "科技处", "科员", "0376-6312877", "", "=HYPERLINK(1)"),
))
# Verbatim from the notices (seeds 000 附件 1, 001 附件 4), typed here independently.
EXPECTED = {
    ContactsNotice.HENAN: ("河南省专利开放许可试点工作联系人信息表",
                           ["单位", "姓名", "职务", "办公电话", "手机", "邮箱"]),
    ContactsNotice.XINYANG: ("信阳市专利开放许可试点工作联系人信息表",
                             ["单位", "姓名", "职务", "办公电话", "手机号", "邮箱"]),
}


@pytest.mark.parametrize("notice", list(ContactsNotice))
def test_pdf_has_the_notices_title_columns_and_the_contacts(notice: ContactsNotice) -> None:
    data = render_contacts_sheet(contacts_sheet(ORG, notice), creation_date=WHEN)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    lines = [line.strip() for line in text.splitlines()]
    title, headings = EXPECTED[notice]
    assert lines[:7] == [title, *headings]
    for value in ("王文玉", "副处长", "0376-6313008", "13912345678", "wang@xynu.edu.cn", "苏凯"):
        assert value in text
    assert render_contacts_sheet(contacts_sheet(ORG, notice), creation_date=WHEN) == data


@pytest.mark.parametrize("notice", list(ContactsNotice))
def test_workbook_has_the_notices_title_columns_and_text_cells(notice: ContactsNotice) -> None:
    data = contacts_sheet_bytes(contacts_sheet(ORG, notice), WHEN)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    title, headings = EXPECTED[notice]
    assert sheet["A1"].value == title
    assert [c.value for c in sheet[2]] == headings
    assert [c.value for c in sheet[3]] == ["信阳师范大学", "王文玉", "副处长", "0376-6313008",
                                         "13912345678", "wang@xynu.edu.cn"]
    assert sheet["F4"].value == "=HYPERLINK(1)" and sheet["F4"].data_type == "s"
    assert sheet.print_title_rows == "$2:$2"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert contacts_sheet_bytes(contacts_sheet(ORG, notice), WHEN) == data


def test_profile_problems_are_findings_on_the_contact() -> None:
    assert check_contacts_sheet(ORG) == [
        f for f in check_contacts_sheet(ORG) if f.code == "email.invalid"]
    bad = OrganisationData(name="", contacts=(ContactData(""),))
    found = {(f.code, f.field) for f in check_contacts_sheet(bad)}
    assert found == {("organisation.name_required", "name"),
                     ("contacts_sheet.contact_field_missing", "contacts[0].name"),
                     ("contacts_sheet.contact_field_missing", "contacts[0].mobile")}
    assert {f.code for f in check_contacts_sheet(OrganisationData(name="x"))} == {
        "contacts_sheet.no_contacts"}
