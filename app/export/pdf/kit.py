"""A4 pages, page numbers, watermark, deterministic bytes and atomic writing.

One call turns a list of flowables into a finished PDF::

    build_pdf(path, story, title="专利开放许可（试点）信息表", creation_date=date(2024, 5, 6))

- Pages are A4 portrait or landscape; flowables switch with :func:`switch_orientation`.
  The binding margin (25 mm) is on the left of portrait pages and at the top of landscape
  ones: a landscape page bound into a portrait set has its head on the binding edge
  (GB/T 9704 on 横排表格).  Other margins are 20 mm.
- Every page gets "第 x 页 共 y 页" centred under the text block: the canvas holds the pages
  back until the total is known, so one layout pass suffices.
- Bytes are deterministic: reportlab's invariant mode (fixed document ID, no clock), plus the
  creation date taken from the data, so the same data gives the same file and hash.
- The file is written atomically: a failure leaves neither the target nor a temporary file.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak
from reportlab.platypus.doctemplate import PageTemplate

from app import __app_name__
from app.export.pdf.fonts import register_fonts
from app.file_modes import normal_mode
from app.scratch import document_prefix, sweep_once, sync_folder

Orientation = Literal["portrait", "landscape"]
PORTRAIT: Orientation = "portrait"
LANDSCAPE: Orientation = "landscape"

CREATOR = __app_name__  # the PDF's Creator field: the name is kept in one place
WATERMARK_TEXT = "草稿"


@dataclass(frozen=True)
class Margins:
    binding: float = 25 * mm  # left on portrait pages, top on landscape pages
    other: float = 20 * mm
    footer_baseline: float = 12 * mm  # footer baseline above the paper's bottom edge


MARGINS = Margins()


@dataclass(frozen=True)
class PageBox:
    """Where text may go on a page of one orientation (points, origin bottom left)."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


def page_box(orientation: Orientation = PORTRAIT, margins: Margins = MARGINS) -> PageBox:
    if orientation == PORTRAIT:
        w, h = A4
        return PageBox(w, h, margins.binding, margins.other, margins.other, margins.other)
    if orientation == LANDSCAPE:
        w, h = landscape(A4)
        return PageBox(w, h, margins.other, margins.other, margins.binding, margins.other)
    raise ValueError(f"unknown orientation: {orientation!r}")


def frame_width(orientation: Orientation = PORTRAIT, margins: Margins = MARGINS) -> float:
    """Width available to flowables, e.g. to size table columns."""
    return page_box(orientation, margins).frame_width


def switch_orientation(orientation: Orientation) -> list[Flowable]:
    """Flowables that start a new page in ``orientation``."""
    page_box(orientation)  # validates
    return [NextPageTemplate(orientation), PageBreak()]


def _draw_watermark(canv: Canvas, box: PageBox) -> None:
    canv.saveState()
    canv.setFillColor(colors.Color(0.82, 0.82, 0.82))
    size = min(box.width, box.height) * 0.28
    canv.setFont(register_fonts(), size)
    canv.translate(box.width / 2, box.height / 2)
    canv.rotate(45 if box.height > box.width else 30)
    canv.drawCentredString(0, -size * 0.35, WATERMARK_TEXT)
    canv.restoreState()


def _page_templates(margins: Margins, watermark: bool) -> list[PageTemplate]:
    templates = []
    for orientation in (PORTRAIT, LANDSCAPE):
        box = page_box(orientation, margins)
        frame = Frame(
            box.left, box.bottom, box.frame_width, box.frame_height,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=orientation,
        )

        def on_page(canv: Canvas, doc: Any, box: PageBox = box) -> None:
            # Drawn before the page's flowables, so the watermark lies under the text.
            if watermark:
                _draw_watermark(canv, box)

        templates.append(
            PageTemplate(id=orientation, frames=[frame], pagesize=(box.width, box.height),
                         onPage=on_page)
        )
    return templates


class _FixedTimeStamp:
    """Stands in for reportlab's TimeStamp: the creation date comes from the data."""

    def __init__(self, when: dt.date | dt.datetime) -> None:
        if not isinstance(when, dt.datetime):
            when = dt.datetime(when.year, when.month, when.day)
        offset = when.utcoffset() or dt.timedelta(0)  # naive: written as +00'00'
        minutes = int(offset.total_seconds() // 60)
        self.t = when.replace(tzinfo=dt.UTC).timestamp() - offset.total_seconds()
        self.lt = when.timetuple()
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh = int(minutes / 60)
        self.dmm = abs(minutes) % 60
        self.tzname = "UTC"


def _numbered_canvas(margins: Margins, creation_date: dt.date | dt.datetime) -> type[Canvas]:
    font = register_fonts()

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Keeps finished pages until save() so each footer can say how many there are."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = _FixedTimeStamp(creation_date)
            self._doc.updateSignature(creation_date.isoformat())
            self._held_pages: list[dict[str, Any]] = []
            self._numbering_starts: set[int] = {1}  # pages where "第 1 页" starts again
            self._running_heads: dict[int, str] = {}  # page → head of the document from there
            self._kit_margins = margins

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._held_pages)
            starts = sorted(p for p in self._numbering_starts if p <= pages)
            ends = [*starts[1:], pages + 1]
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                k = max(i for i, start in enumerate(starts) if start <= number)
                heads = [p for p in self._running_heads if p <= number]
                if number != starts[k] and heads:
                    self._draw_running_head(self._running_heads[max(heads)])
                self._draw_footer(number - starts[k] + 1, ends[k] - starts[k])
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, total: int) -> None:
            width, height = self._pagesize
            box = page_box(PORTRAIT if height >= width else LANDSCAPE, margins)
            self.saveState()
            self.setFont(font, 9)
            self.setFillColor(colors.black)
            x = box.left + box.frame_width / 2
            self.drawCentredString(x, margins.footer_baseline, page_footer(number, total))
            self.restoreState()

        def _draw_running_head(self, text: str) -> None:
            width, height = self._pagesize
            box = page_box(PORTRAIT if height >= width else LANDSCAPE, margins)
            self.saveState()
            self.setFont(font, 9)
            self.setFillColor(colors.black)
            self.drawString(box.left, height - box.top + 4 * mm,
                            fit_width(text, font, 9, box.frame_width))
            self.restoreState()

    return NumberedCanvas


class RunningHead(Flowable):  # type: ignore[misc]
    """Takes no room; every later page of the same document (until the numbering restarts)
    carries ``text`` above its text block, so a page that strays from its stack can be tied to
    its subject: put it first in a form's story with the title and the patent number or unit.
    The first page is left alone: its own title says the same, and it carries ``mark``
    instead when one is given (the notice's "附件 4" above its form)."""

    def __init__(self, text: str, mark: str = "") -> None:
        super().__init__()
        self.text = text
        self.mark = mark

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        held = getattr(self.canv, "_held_pages", None)
        if held is None:
            return
        self.canv._running_heads[len(held) + 1] = self.text
        if self.mark:  # drawn now, so that it comes first in the page's text
            width, height = self.canv._pagesize
            box = page_box(PORTRAIT if height >= width else LANDSCAPE, self.canv._kit_margins)
            x0, y0 = self.canv.absolutePosition(0, 0)
            self.canv.saveState()
            self.canv.setFont(register_fonts(), 12)
            self.canv.setFillColor(colors.black)
            self.canv.drawString(box.left - x0, height - box.top + 4 * mm - y0, self.mark)
            self.canv.restoreState()


def fit_width(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut to ``width`` points with "…" when it is wider (a very long unit name must
    not run past the text block)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def continuation_head(title: str, subject: str) -> str:
    """The words of a running head: "信息表（续） · ZL201710601862.3"."""
    return f"{title}（续）　{subject}" if subject else f"{title}（续）"


class RestartPageNumbers(Flowable):  # type: ignore[misc]
    """Takes no room; the page it lands on is numbered "第 1 页" again, and the pages before
    it count on their own.  Put it right after a PageBreak to number several documents of one
    print file each on its own."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        held = getattr(self.canv, "_held_pages", None)
        if held is not None:  # the kit's canvas: this page is the one after those held
            self.canv._numbering_starts.add(len(held) + 1)


def page_footer(number: int, total: int) -> str:
    return f"第 {number} 页 共 {total} 页"


def render_pdf(
    story: Iterable[Flowable],
    *,
    title: str,
    creation_date: dt.date | dt.datetime,
    author: str = "",
    subject: str = "",
    keywords: str = "",
    orientation: Orientation = PORTRAIT,
    watermark: bool = False,
    margins: Margins = MARGINS,
) -> bytes:
    """Lay out ``story`` and return the PDF bytes (same input, same bytes).

    Flowables are consumed: build a fresh story for every call.  Pages after the first name
    their document when the story starts with a :class:`RunningHead`.
    """
    register_fonts()
    box = page_box(orientation, margins)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(box.width, box.height),
        pageTemplates=_page_templates(margins, watermark),
        title=title,
        author=author,
        subject=subject,
        keywords=keywords,
        creator=CREATOR,
        invariant=1,
        lang="zh-CN",
        # Otherwise the canvas starts in Helvetica and lists it, unembedded, on every page.
        initialFontName=register_fonts(),
        initialFontSize=10.5,
        initialLeading=15,
        leftMargin=box.left, rightMargin=box.right, topMargin=box.top, bottomMargin=box.bottom,
    )
    flowables = list(story)
    if orientation != PORTRAIT:
        flowables.insert(0, NextPageTemplate(orientation))
        doc.pageTemplates.sort(key=lambda t: t.id != orientation)  # first page's template
    doc.build(flowables, canvasmaker=_numbered_canvas(margins, creation_date))
    return buffer.getvalue()


class StagedFile:
    """A complete file written under a scratch name beside ``target``, not yet in place.

    Lets a caller record a document before it appears under its final name: a kill before the
    record leaves only scratch (removed by the next run), a kill after it a recorded document
    whose file is missing (shown as such) — never a final file without a record.
    """

    def __init__(self, target: Path, scratch: str) -> None:
        self.target = target
        self.scratch = scratch

    def commit(self, *, durable: bool = True) -> Path:
        """Rename into place (durably); on failure the scratch file is removed.  With
        ``durable=False`` the folder is not synced: the caller calls :func:`sync_folder` once
        after renaming several files into it."""
        try:
            os.replace(self.scratch, self.target)
        except BaseException:
            self.discard()
            raise
        if durable:
            sync_folder(self.target.parent)
        return self.target

    def discard(self) -> None:
        try:
            os.unlink(self.scratch)
        except FileNotFoundError:
            pass


def stage_file(path: str | os.PathLike[str], data: bytes) -> StagedFile:
    """Write ``data`` to a scratch file beside ``path`` (flushed to disk); see StagedFile."""
    target = Path(path)
    sweep_once(target.parent)  # what an interrupted run left here
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=document_prefix(target.name),
                                    suffix=".tmp")
    staged = StagedFile(target, tmp_name)
    try:
        normal_mode(fd)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        staged.discard()
        raise
    return staged


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The target is either the old file or the complete new one, never a half-written file;
    on any error the temporary file is removed.
    """
    return stage_file(path, data).commit()


def build_pdf(
    path: str | os.PathLike[str],
    story: Iterable[Flowable],
    *,
    title: str,
    creation_date: dt.date | dt.datetime,
    author: str = "",
    subject: str = "",
    keywords: str = "",
    orientation: Orientation = PORTRAIT,
    watermark: bool = False,
    margins: Margins = MARGINS,
) -> Path:
    """Lay out ``story`` and write the PDF to ``path`` atomically; return the path.

    Layout happens in memory first, so a layout error leaves no file at all.
    """
    data = render_pdf(
        story, title=title, creation_date=creation_date, author=author, subject=subject,
        keywords=keywords, orientation=orientation, watermark=watermark, margins=margins,
    )
    return write_atomic(path, data)
