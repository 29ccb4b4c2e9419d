"""专利开放许可合同 as an editable .docx, from the same blocks as the PDF.

A4, the PDF's margins, 宋体 (SimSun) for Chinese text, 小四 body and 小二 title, the blanks
underlined, "第 x 页 共 y 页" in the footer as Word fields.  The bytes are deterministic: the core
properties carry the creation date from the data and the zip entries a fixed time stamp.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from app import __app_name__
from app.export.contract_text import Block, Kind, contract_blocks, official_number
from app.export.pdf.flowables import date_text
from app.models.contracts import ContractFields, ContractPatent, PartyBlock

TITLE = "专利开放许可合同"
FONT_LATIN = "Times New Roman"
FONT_CJK = "宋体"


def _set_fonts(element: object, size: float | None = None) -> None:
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:ascii"), FONT_LATIN)
    fonts.set(qn("w:hAnsi"), FONT_LATIN)
    fonts.set(qn("w:eastAsia"), FONT_CJK)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                rpr.append(el)
            el.set(qn("w:val"), str(int(size * 2)))


def _field(paragraph: Paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for el in (begin, text, separate, shown, end):
        run._r.append(el)


def _add_runs(paragraph: Paragraph, block: Block) -> None:
    for run in block.runs:
        lines = run.text.split("\n")
        for i, line in enumerate(lines):
            if i:
                paragraph.add_run().add_break()
            if line:
                r = paragraph.add_run(line)
                r.underline = run.fill or None


def _deterministic_zip(data: bytes, when: dt.date | dt.datetime) -> bytes:
    """The same package with every entry stamped `when` and in the same order."""
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def write_blocks(blocks: Sequence[Block], *, title: str, subject: str,
                 creation_date: dt.date | dt.datetime, running_header: str = "") -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    _set_fonts(normal.element)
    normal.paragraph_format.space_after = Pt(2)
    normal.paragraph_format.line_spacing = Pt(22)

    # As the PDF: page 1 without the running header, every page with its number.
    section.different_first_page_header_footer = True
    for part in (section.footer, section.first_page_footer):
        footer = part.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("第 ")
        _field(footer, "PAGE")
        footer.add_run(" 页 共 ")
        _field(footer, "NUMPAGES")
        footer.add_run(" 页")
    if running_header:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        header.add_run(running_header).font.size = Pt(9)

    for block in blocks:
        if block.kind is Kind.SPACE:
            doc.add_paragraph()
            continue
        p = doc.add_paragraph()
        fmt = p.paragraph_format
        if block.kind is Kind.TITLE:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt.space_after = Pt(18)
            _add_runs(p, block)
            for r in p.runs:
                r.font.size = Pt(18)
            continue
        if block.kind in (Kind.LEAD, Kind.ARTICLE, Kind.ITEM):
            fmt.first_line_indent = Pt(24)
        elif block.kind is Kind.OPTION:
            fmt.left_indent = Pt(24)
        elif block.kind is Kind.SUBOPTION:
            fmt.left_indent = Pt(48)
        if block.kind is Kind.SEAL:
            fmt.space_before = Pt(24)
            fmt.keep_with_next = True
            _add_runs(p, block)
            # Room for the seal under the label, then the date.
            date = doc.add_paragraph(date_text(block.date))
            date.alignment = WD_ALIGN_PARAGRAPH.LEFT
            date.paragraph_format.space_before = Mm(30)
            date.paragraph_format.left_indent = Mm(60)
            continue
        _add_runs(p, block)

    props = doc.core_properties
    when = creation_date if isinstance(creation_date, dt.datetime) else dt.datetime(
        creation_date.year, creation_date.month, creation_date.day)
    props.title = title
    props.subject = subject
    props.author = __app_name__
    props.last_modified_by = __app_name__
    props.comments = ""
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return _deterministic_zip(buffer.getvalue(), when)


def render_contract_docx(
    contract: ContractFields,
    licensor: PartyBlock,
    patents: Sequence[ContractPatent],
    *,
    creation_date: dt.date | dt.datetime,
) -> bytes:
    """The contract as .docx bytes, the same text as the PDF
    (:func:`app.export.pdf.contract.render_contract`)."""
    from app.export.pdf.contract import running_header

    numbers = "、".join(official_number(p.number) for p in patents)
    return write_blocks(
        contract_blocks(contract, licensor, patents), title=TITLE, subject=numbers,
        creation_date=creation_date, running_header=running_header(contract, numbers),
    )
