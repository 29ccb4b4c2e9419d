"""专利开放许可试点工作联系人信息表 as PDF: the notice's title and its six columns, the heading row
repeated on every page, on landscape A4 so that phone numbers and e-mail addresses stay on one
line; rows come from the unit's contacts (app.models.contacts_sheet)."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.export.pdf import (
    LANDSCAPE,
    check_text,
    form_grid,
    frame_width,
    kit_styles,
    label,
    para,
    render_pdf,
)
from app.export.pdf.information_sheet import UnprintableText
from app.models.contacts_sheet import ContactsSheet

# 单位 · 姓名 · 职务 · 办公电话 · 手机 · 邮箱: fractions of the frame width.
COLUMN_SHARES = (0.24, 0.10, 0.14, 0.16, 0.14, 0.22)


def contacts_story(sheet: ContactsSheet) -> list[Flowable]:
    s = kit_styles()
    width = frame_width(LANDSCAPE)
    widths = [width * share for share in COLUMN_SHARES]
    rows: list[list[object]] = [[label(h) for h in sheet.layout.headings]]
    rows += [[para(text, s.label) for text in row] for row in sheet.rows]
    # Blank lines to write in by hand when there are fewer contacts than the notice's five.
    rows += [["" for _ in widths] for _ in range(max(0, 5 - len(sheet.rows)))]
    heights = [None] + [None] * len(sheet.rows) + [10 * mm] * max(0, 5 - len(sheet.rows))
    return [para(sheet.layout.title, s.title),
            form_grid(rows, widths, repeat_rows=1, row_heights=heights)]


def sheet_texts(sheet: ContactsSheet) -> list[tuple[str, str, str]]:
    out = []
    for i, row in enumerate(sheet.rows):
        for heading, text in zip(sheet.layout.headings, row, strict=True):
            out.append((f"contacts[{i}]", heading, text))
    return out


def render_contacts_sheet(sheet: ContactsSheet, *, creation_date: dt.date | dt.datetime,
                          watermark: bool = False) -> bytes:
    missing = check_text(sheet_texts(sheet))
    if missing:
        raise UnprintableText(missing)
    return render_pdf(contacts_story(sheet), title=sheet.layout.title, subject=sheet.unit,
                      creation_date=creation_date, watermark=watermark,
                      orientation=LANDSCAPE)
