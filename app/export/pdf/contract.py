"""专利开放许可合同 — the licence contract as PDF (notice 003, 附件 6).

Laid out from the blocks of :mod:`app.export.contract_text` (the same the .docx is written
from): the parties, the fourteen articles, then each party's signature block with a blank seal
area (≥ 45 mm) beside it and the signing date under it.  Blanks are underlined; the ticked
alternatives of 第五条, 第八条 and 第十一条 carry ☑.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.export.contract_text import Block, Kind, contract_blocks, data_texts, official_number
from app.export.pdf import SealBlock, check_text, kit_styles, para, render_pdf
from app.export.pdf.information_sheet import SEAL_WIDTH, UnprintableText
from app.export.pdf.kit import RunningHead, continuation_head
from app.models.contracts import ContractFields, ContractPatent, PartyBlock

TITLE = "专利开放许可合同"
SEAL_HEIGHT = 40 * mm


def markup(block: Block) -> str:
    parts = []
    for run in block.runs:
        text = escape(run.text).replace("\n", "<br/>")
        parts.append(f"<u>{text}</u>" if run.fill else text)
    return "".join(parts)


def _styles() -> dict[Kind, ParagraphStyle]:
    s = kit_styles()
    body = ParagraphStyle("contract_body", parent=s.body, leading=22, spaceAfter=2)
    return {
        Kind.TITLE: ParagraphStyle("contract_title", parent=s.title, spaceAfter=18),
        Kind.PARTY: ParagraphStyle("contract_party", parent=body, spaceAfter=0),
        Kind.LEAD: ParagraphStyle("contract_lead", parent=body, firstLineIndent=24),
        Kind.ARTICLE: ParagraphStyle("contract_article", parent=body, firstLineIndent=24,
                                     spaceBefore=4),
        Kind.ITEM: ParagraphStyle("contract_item", parent=body, firstLineIndent=24),
        Kind.OPTION: ParagraphStyle("contract_option", parent=body, leftIndent=24),
        Kind.SUBOPTION: ParagraphStyle("contract_suboption", parent=body, leftIndent=48),
        Kind.SEAL: body,
    }


def contract_story(blocks: Sequence[Block]) -> list[Flowable]:
    styles = _styles()
    story: list[Flowable] = []
    for block in blocks:
        if block.kind is Kind.SPACE:
            story.append(Spacer(1, 4 * mm))
        elif block.kind is Kind.SEAL:
            story.append(SealBlock(block.text, date=block.date, seal_width=SEAL_WIDTH,
                                   seal_height=SEAL_HEIGHT, align="left",
                                   style=styles[Kind.SEAL], space_before=8 * mm))
        else:
            story.append(para(markup(block), styles[block.kind], markup=True))
    return story


def render_contract(
    contract: ContractFields,
    licensor: PartyBlock,
    patents: Sequence[ContractPatent],
    *,
    creation_date: dt.date | dt.datetime,
    watermark: bool = False,
) -> bytes:
    """The contract as PDF bytes; raises :class:`UnprintableText` before any layout when a
    character of the data is not in the font."""
    missing = check_text(data_texts(contract, licensor, patents))
    if missing:
        raise UnprintableText(missing)
    numbers = "、".join(official_number(p.number) for p in patents)
    return render_pdf(
        [RunningHead(running_header(contract, numbers)),
         *contract_story(contract_blocks(contract, licensor, patents))],
        title=TITLE,
        subject=numbers,
        creation_date=creation_date,
        watermark=watermark,
    )


def running_header(contract: ContractFields, numbers: str) -> str:
    """"专利开放许可合同（续）　被许可人　ZL…" on every page after the first, of the PDF
    and of the .docx alike."""
    subject = "　".join(p for p in (contract.licensee.name.strip(), numbers) if p)
    text = continuation_head(TITLE, subject)
    return text if len(text) <= 60 else text[:59] + "…"
