"""Paragraph styles of the forms, in the bundled serif (the role 宋体 plays on paper).

Sizes follow Chinese office practice: 小二 18 pt titles, 三号 16 pt subtitles, 小四 12 pt
body, 五号 10.5 pt table cells, 小五 9 pt notes.  Every style wraps with
:class:`~app.export.pdf.text.Para` (Chinese anywhere, Latin words whole): build paragraphs
with :func:`~app.export.pdf.text.para`, not reportlab's ``Paragraph``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from app.export.pdf.fonts import register_fonts


@dataclass(frozen=True)
class KitStyles:
    title: ParagraphStyle  # form title, centred, 18 pt
    subtitle: ParagraphStyle  # centred, 16 pt
    heading: ParagraphStyle  # section heading, 14 pt
    body: ParagraphStyle  # running text, 12 pt
    body_indent: ParagraphStyle  # running text with a two-character first-line indent
    cell: ParagraphStyle  # value cell of a form grid, 10.5 pt
    label: ParagraphStyle  # label cell of a form grid, centred, 10.5 pt
    label_left: ParagraphStyle  # label cell, left aligned
    fixed: ParagraphStyle  # verbatim official text (commitments, notes), 10.5 pt
    note: ParagraphStyle  # small notes (注意事项), 9 pt
    right: ParagraphStyle  # right aligned body (issuer, date under a cover)
    footer: ParagraphStyle  # page footer, 9 pt


@lru_cache(maxsize=1)
def kit_styles() -> KitStyles:
    """The shared styles (registers the font first)."""
    font = register_fonts()

    def style(name: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=leading, textColor=colors.black,
            alignment=kw.pop("alignment", TA_LEFT), wordWrap="CJK", **kw,
        )

    return KitStyles(
        title=style("title", 18, 26, alignment=TA_CENTER, spaceAfter=12),
        subtitle=style("subtitle", 16, 24, alignment=TA_CENTER, spaceAfter=8),
        heading=style("heading", 14, 21, spaceBefore=6, spaceAfter=4),
        body=style("body", 12, 20, spaceAfter=4),
        body_indent=style("body_indent", 12, 20, firstLineIndent=24, spaceAfter=4),
        cell=style("cell", 10.5, 15),
        label=style("label", 10.5, 15, alignment=TA_CENTER),
        label_left=style("label_left", 10.5, 15),
        fixed=style("fixed", 10.5, 16, spaceAfter=2),
        note=style("note", 9, 13.5, spaceAfter=2),
        right=style("right", 12, 20, alignment=TA_RIGHT),
        footer=style("footer", 9, 12, alignment=TA_CENTER),
    )
