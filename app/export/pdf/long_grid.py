"""A ruled list of thousands of rows under heading rows repeated on every page.

reportlab splits one long Table a page at a time, and every split builds the rest of the
table anew (its cell styles, its row heights): a list of thousands of patents took time
growing with the square of its length (the inventory's 4,000 convertible patents: minutes).
A :class:`LongGrid` measures its rows once, then gives each page a :func:`form_grid` of the
headings and only the rows that fit there; what is left stays a LongGrid. The pages look as
the one table's parts did: the same grid, the same rows on each page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from app.export.pdf.flowables import Cell, form_grid

Row = Sequence[Cell | str | Flowable | None]


class LongGrid(Flowable):  # type: ignore[misc]
    """`head` rows (repeated on each page; they may span rows among themselves) over `rows`
    (no row spans), in columns `col_widths`, like ``form_grid(head + rows, repeat_rows=...)``."""

    def __init__(self, head: Sequence[Row], rows: Sequence[Row], col_widths: Sequence[float],
                 *, _heights: tuple[list[float], list[float]] | None = None) -> None:
        super().__init__()
        self.head = list(head)
        self.rows = list(rows)
        self.col_widths = list(col_widths)
        self.hAlign = "CENTER"
        self._heights = _heights
        self._table: Any = None

    def _grid(self, rows: Sequence[Row]) -> Any:
        return form_grid([*self.head, *rows], self.col_widths, repeat_rows=len(self.head))

    def _measure(self, avail_width: float) -> tuple[list[float], list[float]]:
        if self._heights is None:
            # One table of every row, sized once: each row's height as any part will have it.
            table = self._grid(self.rows)
            table.wrap(avail_width, float("inf"))
            heights = [float(h) for h in table._rowHeights]
            self._heights = (heights[:len(self.head)], heights[len(self.head):])
        return self._heights

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        head, rows = self._measure(availWidth)
        self.width = float(sum(self.col_widths))
        self.height = sum(head) + sum(rows)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        head, heights = self._measure(availWidth)
        room = availHeight - sum(head)
        fit, used = 0, 0.0
        while fit < len(self.rows) and used + heights[fit] <= room:
            used += heights[fit]
            fit += 1
        if fit == len(self.rows):
            # Asked to split what fits (a rounding apart): the one table, which splits itself.
            return [self._grid(self.rows)]
        rest_heights = (head, heights[fit:])
        if fit == 0:
            frame = getattr(self, "_frame", None)
            if frame is not None and not frame._atTop:
                return []  # the next page has room for the headings and a row
            # A row taller than a whole page: its table continues it inside the row.
            parts = list(self._grid(self.rows[:1]).split(availWidth, availHeight))
            if not parts:
                return []
            if len(self.rows) == 1:
                return parts
            return [*parts, LongGrid(self.head, self.rows[1:], self.col_widths,
                                     _heights=(head, heights[1:]))]
        return [self._grid(self.rows[:fit]),
                LongGrid(self.head, self.rows[fit:], self.col_widths, _heights=rest_heights)]

    def draw(self) -> None:
        table = self._grid(self.rows)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)
