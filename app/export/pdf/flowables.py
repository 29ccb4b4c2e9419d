"""Building blocks of the forms: boxed grids, tick boxes, circled numbers, fixed text,
seal areas and cover pages.

Strings passed here are data: they are escaped, never parsed as markup.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from app.export.pdf.fonts import has_glyph, register_fonts
from app.export.pdf.styles import kit_styles
from app.export.pdf.text import para

# ---------------------------------------------------------------------------------------------
# Tick boxes and circled numbers: real glyphs of the bundled font (see resources/fonts/README).

CHECKED = "☑"
UNCHECKED = "☐"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def check_box(checked: bool) -> str:
    """The tick box character, ☑ or ☐, for running text."""
    char = CHECKED if checked else UNCHECKED
    if not has_glyph(char):  # only if someone swaps the font for one without them
        raise LookupError(f"PDF font has no glyph for {char!r}")
    return char


def circled(number: int) -> str:
    """① … ⑳ (the forms number their sections ①–⑨)."""
    if not 1 <= number <= len(_CIRCLED):
        raise ValueError(f"no circled number for {number}")
    char = _CIRCLED[number - 1]
    if not has_glyph(char):
        raise LookupError(f"PDF font has no glyph for {char!r}")
    return char


def choice_list(
    options: Sequence[str], selected: int | None, style: ParagraphStyle | None = None
) -> list[Flowable]:
    """One paragraph per option, "☑ text" for the selected index and "☐ text" for the rest.

    Wrapped lines hang under the text, not under the box.
    """
    base = style or kit_styles().cell
    box_width = base.fontSize * 1.5
    hanging = ParagraphStyle(
        f"{base.name}_choice", parent=base, leftIndent=base.leftIndent + box_width,
        firstLineIndent=-box_width,
    )
    return [
        para(f"{check_box(i == selected)} {text}", hanging) for i, text in enumerate(options)
    ]


def fixed_text(items: Sequence[str], style: ParagraphStyle | None = None) -> list[Flowable]:
    """Official wording printed verbatim, one paragraph per item (commitments, notes).

    Items whose text starts with a number ("1." "一、" "①") hang under their text.
    """
    base = style or kit_styles().fixed
    out: list[Flowable] = []
    for item in items:
        marker = _leading_marker(item)
        if marker:
            width = _text_width(marker, base)
            hang = ParagraphStyle(
                f"{base.name}_hang", parent=base, leftIndent=base.leftIndent + width,
                firstLineIndent=-width,
            )
            out.append(para(item, hang))
        else:
            out.append(para(item, base))
    return out


# "1." "2、" "一、" "①" "（一）" at the start of an official item
_NUM = "一二三四五六七八九十"
_MARKER = re.compile(rf"^\s*(\d+[.、．]|[{_NUM}]+、|[①-⑳]|（[{_NUM}\d]+）)\s*")


def _leading_marker(text: str) -> str:
    m = _MARKER.match(text)
    return m.group(0) if m else ""


def _text_width(text: str, style: ParagraphStyle) -> float:
    return float(stringWidth(text, style.fontName, style.fontSize))


# ---------------------------------------------------------------------------------------------
# Boxed form grid


@dataclass(frozen=True)
class Cell:
    """One cell of a :func:`form_grid`; ``content`` text is escaped data."""

    content: str | Flowable | Sequence[Flowable] | None = None
    colspan: int = 1
    rowspan: int = 1
    label: bool = False
    align: Literal["left", "center", "right"] | None = None


def label(text: str, colspan: int = 1, rowspan: int = 1, **kw: Any) -> Cell:
    """A label cell (centred official wording)."""
    return Cell(text, colspan, rowspan, label=True, **kw)


def value(content: str | Flowable | Sequence[Flowable] | None, colspan: int = 1,
          rowspan: int = 1, **kw: Any) -> Cell:
    """A value cell (left aligned data)."""
    return Cell(content, colspan, rowspan, **kw)


GRID_LINE = 0.75  # points: prints clearly, survives a scan
CELL_PADDING = 4


def _cell_flowables(cell: Cell) -> Any:
    styles = kit_styles()
    content = cell.content
    if content is None:
        return ""
    if isinstance(content, str):
        style = styles.label if cell.label else styles.cell
        if cell.align:
            alignment = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}[cell.align]
            style = ParagraphStyle(f"{style.name}_{cell.align}", parent=style,
                                   alignment=alignment)
        return [para(content, style)]
    if isinstance(content, Flowable):
        return [content]
    return list(content)


class FormTable(Table):  # type: ignore[misc]
    """A Table whose labels stay readable when a row is split across pages.

    Labels are centred vertically, but reportlab puts an unsplit cell of a split row in the
    part that holds the row's middle, often the last page, leaving the first page with an
    empty label column.  A row taller than the space left is therefore top-aligned before
    splitting, so its label starts beside the beginning of the value.

    With repeated header rows, only the first row under the headers can be split (any later
    one moves whole), and the headers themselves never are.  A continuation that does not
    start a page moves to the next one rather than split a row under a repeated header in
    the middle of a page.
    """

    _continued = False  # a part after a split: it starts with the repeated headers

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._calc(availWidth, availHeight)
        repeat = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
        frame = getattr(self, "_frame", None)  # set by Frame.split
        top = 0.0
        for row, height in enumerate(self._rowHeights):
            if top + height > availHeight:
                if row < repeat:
                    return []  # the headers do not fit: the next page
                if repeat and row > repeat:
                    break  # splits between rows: nothing to re-align
                if repeat and self._continued and frame is not None and not frame._atTop:
                    return []  # would repeat the headers mid-page: the next page
                if height > availHeight:
                    for cell_style in self._cellStyles[row]:
                        if cell_style.valign == "MIDDLE":
                            cell_style.valign = "TOP"
                break
            top += height
        parts = list(super().split(availWidth, availHeight))
        for part in parts[1:]:
            part._continued = True
        return parts


def form_grid(
    rows: Sequence[Sequence[Cell | str | Flowable | None]],
    col_widths: Sequence[float],
    *,
    repeat_rows: int = 0,
    row_heights: Sequence[float | None] | None = None,
) -> Table:
    """A ruled table of label and value cells, laid out like HTML (colspan/rowspan).

    Plain strings, flowables and None in ``rows`` are value cells.  Every row must fill
    exactly ``len(col_widths)`` columns once spans are counted.  The table splits between
    rows and, for a cell taller than a page, inside the row, so nothing is clipped; rows with
    a rowspan move as a block.  ``repeat_rows`` header rows are repeated on each page.
    """
    ncols = len(col_widths)
    nrows = len(rows)
    matrix: list[list[Any]] = [["" for _ in range(ncols)] for _ in range(nrows)]
    taken = [[False] * ncols for _ in range(nrows)]
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), GRID_LINE, colors.black),
        # Empty cells are strings: without this reportlab would select Helvetica for them
        # and list it, unembedded, among the page's fonts.
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
        # A row split across pages: close the box at the page foot, reopen it at the top.
        ("LINEBELOW", (0, "inrowsplitstart"), (-1, "inrowsplitstart"), GRID_LINE, colors.black),
        ("LINEABOVE", (0, "inrowsplitend"), (-1, "inrowsplitend"), GRID_LINE, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING - 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING + 1),
    ]
    for r, row in enumerate(rows):
        c = 0
        for item in row:
            cell = item if isinstance(item, Cell) else Cell(item)
            while c < ncols and taken[r][c]:
                c += 1
            if c + cell.colspan > ncols or r + cell.rowspan > nrows:
                raise ValueError(f"row {r}: cell {cell.content!r} runs past the grid")
            for rr in range(r, r + cell.rowspan):
                for cc in range(c, c + cell.colspan):
                    if taken[rr][cc]:
                        raise ValueError(f"row {r}: cell {cell.content!r} overlaps another")
                    taken[rr][cc] = True
            matrix[r][c] = _cell_flowables(cell)
            if cell.colspan > 1 or cell.rowspan > 1:
                commands.append(
                    ("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1))
                )
            c += cell.colspan
        if not all(taken[r]):
            raise ValueError(f"row {r} fills {sum(taken[r])} of {ncols} columns")
    return FormTable(
        matrix,
        colWidths=list(col_widths),
        rowHeights=list(row_heights) if row_heights else None,
        style=TableStyle(commands),
        repeatRows=repeat_rows,
        splitByRow=1,
        splitInRow=1,  # a cell taller than the page continues on the next page
        hAlign="CENTER",
    )


def label_value_grid(
    pairs: Sequence[tuple[str, str | Flowable | None]], width: float, label_width: float = 35 * mm
) -> Table:
    """The simplest form grid: one "label | value" row per pair."""
    return form_grid([[label(k), value(v)] for k, v in pairs], [label_width, width - label_width])


# ---------------------------------------------------------------------------------------------
# Seal / signature block

SEAL_MIN_WIDTH = 45 * mm
_NBSP = "\u00a0"  # the only blank reportlab's paragraph parser does not collapse
BLANK_DATE = _NBSP * 12 + "年" + _NBSP * 7 + "月" + _NBSP * 7 + "日"


def date_text(date: dt.date | None) -> str:
    """"2024 年 5 月 6 日", or a blank "年  月  日" line to fill in by hand."""
    if date is None:
        return BLANK_DATE
    return f"{date.year} 年 {date.month} 月 {date.day} 日"


class SealBlock(Flowable):  # type: ignore[misc]
    """A label ("专利权人签章：") with a blank area beside it for the seal or signature, and a
    date line under the area.  Never split across pages.

    The blank area is ``seal_width`` × ``seal_height`` (at least 45 mm wide, 35 mm high by
    default) and nothing is drawn in it.  The block takes the full width it is given; with
    ``align="right"`` label and area sit together at the right end (the usual place under a
    declaration), with ``"left"`` the label starts at the left edge.  When the width cannot
    hold both side by side, the label goes above the area.
    """

    def __init__(
        self,
        label_text: str,
        *,
        date: dt.date | None = None,
        date_line: bool = True,
        date_label: str = "",
        seal_width: float = 50 * mm,
        seal_height: float = 35 * mm,
        align: Literal["left", "right"] = "right",
        style: ParagraphStyle | None = None,
        space_before: float = 4 * mm,
    ) -> None:
        super().__init__()
        self.spaceBefore = space_before
        if seal_width < SEAL_MIN_WIDTH:
            raise ValueError(f"seal area must be at least 45 mm wide, got {seal_width / mm:.1f}")
        self.label_text = label_text
        self.seal_width = seal_width
        self.seal_height = seal_height
        self.align = align
        self.style = style or kit_styles().body
        self._label = para(label_text, self.style)
        right = ParagraphStyle(f"{self.style.name}_date", parent=self.style, alignment=TA_RIGHT,
                               firstLineIndent=0, spaceBefore=0, spaceAfter=0)
        self._date_text = date_label + date_text(date)
        self._date = para(self._date_text, right) if date_line else None
        self._stacked = False
        self._label_x = 0.0
        self._label_w = self._label_h = self._date_h = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = max(avail_width, self.seal_width)
        natural = max(_text_width(line, self.style) for line in self.label_text.split("\n"))
        natural += self.style.fontSize * 0.5  # a little air between label and area
        room = self.width - self.seal_width
        self._stacked = room < min(natural, self.style.fontSize * 4)
        if self._stacked:
            self._label_w, self._label_x = self.width, 0.0
        else:
            self._label_w = min(natural, room)
            self._label_x = room - self._label_w if self.align == "right" else 0.0
        _, self._label_h = self._label.wrap(self._label_w, avail_height)
        self._date_w = 0.0
        if self._date is not None:
            # The date line ends under the area's right edge and may reach further left.
            natural_date = _text_width(self._date_text, self.style) + self.style.fontSize
            self._date_w = min(self.width, max(self.seal_width, natural_date))
            self._date_h = self._date.wrap(self._date_w, avail_height)[1]
        else:
            self._date_h = 0.0
        if self._stacked:
            body = self._label_h + self.seal_height
        else:
            body = max(self._label_h, self.seal_height)
        self.height = body + self._date_h
        return self.width, self.height

    def seal_box(self) -> tuple[float, float, float, float]:
        """The blank area as (x, y, width, height) within the block, after wrap()."""
        x = self.width - self.seal_width if self.align == "right" or self._stacked else (
            self._label_x + self._label_w)
        return x, self._date_h, self.seal_width, self.seal_height

    def draw(self) -> None:
        self._label.drawOn(self.canv, self._label_x, self.height - self._label_h)
        if self._date is not None:
            x, _, w, _ = self.seal_box()
            self._date.drawOn(self.canv, max(0.0, x + w - self._date_w), 0)


# ---------------------------------------------------------------------------------------------
# Cover page


class AtBottom(Flowable):  # type: ignore[misc]
    """Takes the rest of the frame and draws its flowables at the bottom of it (a cover's
    issuer and edition at the foot of the page)."""

    def __init__(self, flowables: Sequence[Flowable], *, spacing: bool = True) -> None:
        """`spacing=False` stacks the flowables without their space before and after (the
        summary book's and the Henan application's covers are laid out so)."""
        super().__init__()
        self._flowables = list(flowables)
        self._spacing = spacing
        self._sizes: list[tuple[float, float]] = []

    def _space(self, flowable: Flowable) -> tuple[float, float]:
        if not self._spacing:
            return 0.0, 0.0
        return flowable.getSpaceBefore(), flowable.getSpaceAfter()

    def _content_height(self, width: float, height: float) -> float:
        self._sizes = [f.wrap(width, height) for f in self._flowables]
        return float(sum(h + sum(self._space(f))
                         for f, (_, h) in zip(self._flowables, self._sizes, strict=True)))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        needed = self._content_height(avail_width, avail_height)
        self.width = avail_width
        self.height = max(needed, avail_height - 1)  # -1: stay inside the frame's fuzz
        return self.width, self.height

    def draw(self) -> None:
        y = self._content_height(self.width, self.height)
        for f, (_, h) in zip(self._flowables, self._sizes, strict=True):
            before, after = self._space(f)
            y -= before + h
            f.drawOn(self.canv, 0, y)
            y -= after


def sealed_cover_lines(
    unit_label: str, unit: str, seal_mark: str, date_label: str, date: str,
    style: ParagraphStyle, *, underline_date: bool,
) -> Table:
    """A cover's 单位 and 时间 lines: the unit's row is tall, since the round seal (about 42 mm)
    goes over the unit's name, with the seal mark (（盖章）) beside it."""
    from app.export.pdf.kit import frame_width

    label_w, mark_w = 40 * mm, 27 * mm
    value_w = min(95 * mm, frame_width() - label_w - mark_w)
    rows = [
        [para(unit_label, style), para(unit, style), para(seal_mark, style)],
        [para(date_label, style), para(date, style), ""],
    ]
    return Table(rows, colWidths=[label_w, value_w, mark_w], rowHeights=[48 * mm, 16 * mm],
                 hAlign="CENTER", style=TableStyle([
                     ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
                     ("LINEBELOW", (1, 0), (1, 1 if underline_date else 0), GRID_LINE, "black"),
                     ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                     ("LEFTPADDING", (0, 0), (-1, -1), 2),
                     ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                     ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                 ]))


def cover_page(
    title: str,
    lines: Sequence[tuple[str, str]],
    *,
    issuer: str,
    date: dt.date | None,
    subtitle: str | None = None,
    width: float | None = None,
) -> list[Flowable]:
    """A cover: the title a third down, "label：value" lines with the value underlined,
    the issuing unit and the date at the bottom; ends with a page break.
    """
    from app.export.pdf.kit import frame_width

    styles = kit_styles()
    avail = width or frame_width()
    big = ParagraphStyle("cover_title", parent=styles.title, fontSize=26, leading=38,
                         spaceAfter=10)
    out: list[Flowable] = [Spacer(1, 55 * mm), para(title, big)]
    if subtitle:
        out.append(para(subtitle, styles.subtitle))
    out.append(Spacer(1, 30 * mm))
    if lines:
        label_style = ParagraphStyle("cover_label", parent=styles.body, fontSize=14,
                                     leading=22, alignment=TA_RIGHT)
        value_style = ParagraphStyle("cover_value", parent=styles.body, fontSize=14,
                                     leading=22)
        label_w = max(_text_width(k + "：", label_style) for k, _ in lines) + 6
        value_w = min(avail * 0.8 - label_w, 95 * mm)
        rows = [[para(k + "：", label_style), para(v, value_style)] for k, v in lines]
        table = Table(rows, colWidths=[label_w, value_w], hAlign="CENTER",
                      style=TableStyle([
                          ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
                          ("LINEBELOW", (1, 0), (1, -1), GRID_LINE, colors.black),
                          ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                          ("TOPPADDING", (0, 0), (-1, -1), 8),
                          ("LEFTPADDING", (0, 0), (0, -1), 0),
                          ("RIGHTPADDING", (0, 0), (0, -1), 4),
                          ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                      ]))
        out.append(table)
    centred = ParagraphStyle("cover_bottom", parent=styles.body, fontSize=14, leading=24,
                             alignment=TA_CENTER)
    out.append(AtBottom([para(issuer, centred), para(date_text(date), centred),
                          Spacer(1, 10 * mm)]))
    out.append(PageBreak())
    return out
