"""Paragraphs that wrap Chinese anywhere but never break a Latin word.

reportlab's default wrapping breaks only at spaces, so a run of Chinese without spaces never
wraps; its ``wordWrap="CJK"`` mode breaks between any two characters and only looks back half
a line for a better point, so e-mail addresses, URLs and patent numbers (ZL201710601862.3)
get cut in narrow cells.  :class:`Para` replaces the line breaker with a small rule set
(a subset of Unicode line breaking, UAX #14):

- a break is allowed before and after a wide (CJK) character and after a space;
- never between two narrow non-space characters, so a Latin "word" (anything up to a space
  or a CJK character: ``zhang.san@example.edu.cn``, ``2023-11-30``) stays whole;
- never before closing punctuation (，。、；：？！）》” …) nor after opening punctuation
  (（《“ …) — these move to the next line with their neighbour;
- a token wider than the whole line is cut where only punctuation rules forbid it, and a
  word wider than the line character by character.

Spaces at a line end are dropped.  Lines are reportlab's own ``FragLine`` objects, so
drawing, alignment, splitting across pages and inline markup keep working.
"""

from __future__ import annotations

import bisect
import functools
import threading
import unicodedata
import weakref
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.rl_accel import sameFrag
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import (
    FragLine,
    Paragraph,
    ParaLines,
    _handleBulletWidth,
    cjkU,
    imgNormV,
    imgVRange,
)
from reportlab.rl_config import _FUZZ

# Closing punctuation must not start a line; opening punctuation must not end one
# (GB/T 15834 and the usual 禁则 for Chinese).
NO_LINE_START = frozenset(
    "，。、；：？！）》」』】〕〉｝］”’…—·％‰℃°!),.:;?]}%"
    "\u3001\u3002\u300b\u300d\u300f\u3011\u3015\u3009\uff09\uff0c\uff1a\uff1b"
)
NO_LINE_END = frozenset("（《「『【〔〈｛［“‘([{\uff08\u300a\u300c\u300e\u3010\u3014\u3008")

_NBSP = frozenset("\u00a0\u2007\u202f")


@functools.cache
def is_wide(ch: str) -> bool:
    """True for characters that wrap like CJK ideographs (a break may precede or follow)."""
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F"):
        return True
    # Ambiguous-width symbols used in Chinese text: circled numbers ①, “ ”, ……, □, ☐ ☑.
    return eaw == "A" and unicodedata.category(ch)[0] in "PSN" and ord(ch) >= 0x2000


# Cached: the breaker asks about every character of every cell several times per page.
@functools.cache
def _is_space(ch: str) -> bool:
    return ch not in _NBSP and (ch == " " or unicodedata.category(ch) == "Zs" or ch == "\u200b")


@functools.cache
def _char_width(ch: str, font_name: str, font_size: float) -> float:
    return float(stringWidth(ch, font_name, font_size))


class _Atom(str):
    """One character with its fragment and width, as reportlab's ``cjkU`` but with the width
    looked up in a cache instead of measured for every character."""

    __slots__ = ("_frag", "_width")
    _frag: Any
    _width: float

    def __new__(cls, value: str, frag: Any) -> _Atom:
        self = str.__new__(cls, value)
        self._frag = frag
        if hasattr(frag, "cbDefn"):
            self._width = float(getattr(frag.cbDefn, "width", 0))
        else:
            self._width = _char_width(value, frag.fontName, frag.fontSize)
        return self

    @property
    def frag(self) -> Any:
        return self._frag

    @property
    def width(self) -> float:
        return self._width


def _break_between(prev: str, cur: str) -> bool:
    if _is_space(cur):
        return True
    if _is_space(prev):
        return True
    if cur in NO_LINE_START or prev in NO_LINE_END:
        return False
    return is_wide(prev) or is_wide(cur)


def _soft_break(prev: str, cur: str) -> bool:
    """A break only the punctuation rules forbid: used when a token is wider than a line."""
    return is_wide(prev) or is_wide(cur)


class _Token:
    """Characters that stay on one line together (a word, one CJK character, a space).

    ``soft`` lists atom indexes where the token may still be cut if it is wider than a
    whole line (before a closing mark, after an opening one), in preference to cutting a
    word.
    """

    __slots__ = ("atoms", "width", "space", "hard_break", "soft", "soft_lo", "base")

    def __init__(self, atoms: list[Any], space: bool = False, hard_break: bool = False,
                 soft: list[int] | None = None, measure: bool = True) -> None:
        self.atoms = atoms
        self.width = float(sum(a.width for a in atoms)) if measure else 0.0
        self.space = space
        self.hard_break = hard_break
        # Ascending atom indexes, counted from the start of the token this one was cut
        # from (``base`` atoms before this one's start); only ``soft[soft_lo:]`` apply.
        self.soft = soft or []
        self.soft_lo = 0
        self.base = 0


def _tokens(frags: Sequence[Any]) -> list[_Token]:
    tokens: list[_Token] = []
    current: list[Any] = []
    soft: list[int] = []
    prev = ""  # previous character, across fragments ('' after a break or an image)

    def flush() -> None:
        nonlocal current, soft
        if current:
            space = all(_is_space(str(a)) for a in current)
            tokens.append(_Token(current, space=space, soft=soft))
            current, soft = [], []

    for frag in frags:
        text = frag.text if hasattr(frag, "text") else ""
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if not text:
            # <br/> or an inline image: a token of its own.
            flush()
            tokens.append(_Token([cjkU("", frag, "utf8")], hard_break=hasattr(frag, "lineBreak")))
            prev = ""
            continue
        for ch in text:
            if current and (not prev or _break_between(prev, ch)):
                flush()
            elif current and _soft_break(prev, ch):
                soft.append(len(current))
            current.append(_Atom(ch, frag))
            prev = ch
    flush()
    return tokens


def _make_line(atoms: list[Any], max_width: float, used: float, extra: float, hard: bool,
               calc_bounds: bool) -> Any:
    """reportlab's ``makeCJKParaLine``, with the per-character work done per fragment.

    Atoms of one fragment share the fragment object, so a run is found by identity; the
    metrics (ascent, descent, size) are the fragment's, looked up once per run.  Runs of
    distinct fragments that reportlab would merge (same font, size, colour …) are merged too.
    """
    words: list[Any] = []
    max_size = max_ascent = min_descent = 0.0
    run: list[str] = []
    run_frag: Any = None
    for atom in atoms:
        frag = atom.frag
        if frag is not run_frag:
            if run_frag is not None:
                max_size, max_ascent, min_descent = _run_metrics(
                    run_frag, calc_bounds, max_size, max_ascent, min_descent)
                if words and sameFrag(words[-1], run_frag):
                    words[-1].text += "".join(run)
                else:
                    word = run_frag.clone()
                    word.text = "".join(run)
                    words.append(word)
            run, run_frag = [], frag
        run.append(atom)
    if run_frag is not None:
        max_size, max_ascent, min_descent = _run_metrics(
            run_frag, calc_bounds, max_size, max_ascent, min_descent)
        if words and sameFrag(words[-1], run_frag):
            words[-1].text += "".join(run)
        else:
            word = run_frag.clone()
            word.text = "".join(run)
            words.append(word)
    return FragLine(kind=1, extraSpace=extra, wordCount=1, words=words, fontSize=max_size,
                    ascent=max_ascent, descent=min_descent, maxWidth=max_width,
                    currentWidth=used, lineBreak=hard)


def _run_metrics(frag: Any, calc_bounds: bool, max_size: float, max_ascent: float,
                 min_descent: float) -> tuple[float, float, float]:
    font_size = frag.fontSize
    cb: Any = getattr(frag, "cbDefn", None)
    image_width: float = getattr(cb, "width", 0) if cb is not None else 0
    if calc_bounds and image_width:
        descent, ascent = imgVRange(imgNormV(cb.height, font_size), cb.valign, font_size)
    else:
        ascent, descent = getAscentDescent(frag.fontName, font_size)
    return max(max_size, font_size), max(max_ascent, ascent), min(min_descent, descent)


# A remainder longer than this gets its width by subtraction instead of being re-measured:
# exact sums keep ordinary texts' bytes, subtraction keeps a huge word linear.
_REMEASURE_LIMIT = 4096


def _cut(tok: _Token, limit: float) -> tuple[int, float]:
    """How many atoms of an over-wide ``tok`` go on this line, and their width."""
    fit, total, prefix = 0, 0.0, [0.0]
    for atom in tok.atoms:
        if total + atom.width > limit + _FUZZ:
            break
        total += atom.width
        prefix.append(total)
        fit += 1
    soft, lo = tok.soft, tok.soft_lo
    i = bisect.bisect_right(soft, tok.base + fit, lo=lo)
    if i > lo:  # the last place only punctuation rules forbid that still fits
        take = soft[i - 1] - tok.base
        return take, prefix[take]
    if fit:
        return fit, total
    return 1, tok.atoms[0].width


def _remainder(tok: _Token, take: int, cut_width: float) -> _Token:
    atoms = tok.atoms[take:]
    rest = _Token(atoms, soft=tok.soft, measure=len(atoms) <= _REMEASURE_LIMIT)
    if len(atoms) > _REMEASURE_LIMIT:
        rest.width = tok.width - cut_width
    rest.base = tok.base + take
    rest.soft_lo = bisect.bisect_right(tok.soft, rest.base, lo=tok.soft_lo)
    return rest


def break_frags(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool) -> Any:
    """Break paragraph fragments into lines (``ParaLines(kind=1)``) by the rules above."""
    pending = _tokens(frags)
    pending.reverse()  # a stack: pop() takes the next token
    lines: list[Any] = []
    line: list[_Token] = []
    used = 0.0

    def max_width() -> float:
        return max_widths[min(len(lines), len(max_widths) - 1)]

    def emit(hard: bool) -> None:
        nonlocal line, used
        broke_at_space = bool(line) and line[-1].space
        while line and line[-1].space:
            used -= line.pop().width
        atoms = [a for tok in line for a in tok.atoms]
        width = max_width()
        fl = _make_line(atoms, width, used, width - used, hard, calc_bounds)
        fl.brokeAtSpace = broke_at_space
        lines.append(fl)
        line, used = [], 0.0

    while pending:
        tok = pending.pop()
        if tok.hard_break:
            line.append(tok)
            emit(hard=True)
            continue
        if tok.space and not line and lines and not lines[-1].lineBreak:
            continue  # no space at the start of a wrapped line
        limit = max_width()
        if tok.space or used + tok.width <= limit + _FUZZ:
            line.append(tok)  # spaces may hang past the margin: they are dropped at the end
            used += tok.width
            continue
        if any(not t.space for t in line):
            pending.append(tok)  # does not fit: next line
            emit(hard=False)
            continue
        # A token wider than the line: cut it where only punctuation rules forbid it, or
        # failing that between characters (at least one per line).  Only the characters
        # that fit are measured, so a very long word costs time in proportion to its length.
        take, cut_width = _cut(tok, limit)
        line.append(_Token(tok.atoms[:take]))
        used += cut_width
        if take < len(tok.atoms):
            pending.append(_remainder(tok, take, cut_width))
            emit(hard=False)
    if line:
        emit(hard=False)
    return ParaLines(kind=1, lines=lines)


def _split_lines(bl_para: Any, start: int, stop: int) -> list[Any]:
    """Fragments of lines ``start:stop``, for the two halves of a paragraph split by a page.

    reportlab's version appends a space to every line, which would put spaces into Chinese
    text when the second half is wrapped again; we restore only spaces the breaker dropped.
    """
    frags: list[Any] = []
    lines = bl_para.lines[start:stop]
    for i, fl in enumerate(lines):
        words = list(fl.words)
        if i < len(lines) - 1 and getattr(fl, "brokeAtSpace", False) and words:
            words[-1] = words[-1].clone(text=words[-1].text + " ")
        frags.extend(words)
    return frags


class Para(Paragraph):  # type: ignore[misc]
    """A reportlab Paragraph using :func:`break_frags`, whatever the style's ``wordWrap``."""

    def breakLines(self, width: Any) -> Any:  # noqa: N802 - reportlab's name
        return self._break(width)

    def breakLinesCJK(self, width: Any) -> Any:  # noqa: N802 - reportlab's name
        return self._break(width)

    def _break(self, width: Any) -> Any:
        max_widths = list(width) if isinstance(width, (list, tuple)) else [width]
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, max_widths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara  # first half of a split: lines already known
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        # Tables wrap a cell's paragraphs several times at the same width (measuring rows,
        # splitting, drawing): break the lines once per width.  The lines are only read.
        key = (tuple(max_widths), auto_leading not in ("", "off"))
        cached = getattr(self, "_kit_lines", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        shared: dict[Any, Any] | None = getattr(self, "_kit_shared", None)
        lines = shared.get(key) if shared is not None else None
        if lines is None:
            lines = break_frags(self.frags, max_widths, key[1])
            if shared is not None:
                shared[key] = lines
        self._kit_lines = (key, lines)
        return lines

    def _get_split_blParaFunc(self) -> Any:  # noqa: N802 - reportlab's name
        return _split_lines

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        """reportlab's split, handing the lines already broken to the second half.

        Breaking is greedy with one width after the first line, so the second half broken
        again at that width gives exactly the lines it already has.  Without this a
        paragraph running over p pages is broken p times: time grows with the square of
        its length.  The lines are offered for that width only; another width breaks anew.
        """
        parts: list[Any] = super().split(availWidth, availHeight)
        if len(parts) == 2 and hasattr(self, "blPara") and self.blPara.kind == 1:
            first, rest = parts
            tail = self.blPara.lines[len(first.blPara.lines):]
            widths = {fl.maxWidth for fl in tail}
            cached = getattr(self, "_kit_lines", None)
            if len(widths) == 1 and cached is not None and isinstance(rest, Para):
                width = widths.pop()
                rest._kit_lines = (((width, width), cached[0][1]),
                                   ParaLines(kind=1, lines=tail))
        return parts


# --------------------------------------------------------------------------------- reuse
#
# Most of a form's paragraphs are the same in every document: the official wording, labels,
# headings, the alternatives not chosen.  Parsing their markup into fragments and breaking
# them into lines was a third of a document's time, so both are kept for the next paragraph
# with the same text in an equal style: a fresh Para (flowables are consumed by a layout)
# given the fragments already parsed and sharing the lines already broken, per width.
# Neither is changed by laying out or drawing (a split makes new fragments and paragraphs),
# so the bytes are those of a paragraph made anew (tests/export/test_offer_pdf_bytes.py).

_REUSE_LIMIT = 2048  # paragraphs kept, least recently used dropped: bounded memory
_REUSE_LONGEST = 2000  # characters: a longer text is data (no form's wording is that long)


class _Parsed:
    """One (markup, style)'s parse: what ``Paragraph._setup`` made, and its lines by width."""

    __slots__ = ("text", "frags", "bullet_text", "lines")

    def __init__(self, paragraph: Paragraph) -> None:
        self.text = paragraph.text
        self.frags = paragraph.frags
        self.bullet_text = paragraph.bulletText
        self.lines: dict[Any, Any] = {}


_parsed: dict[tuple[str, tuple[Any, ...]], _Parsed] = {}
_parsed_lock = threading.Lock()


# Not an attribute of the style: a style made with ``parent=`` copies its parent's attributes.
_style_keys: weakref.WeakKeyDictionary[ParagraphStyle, tuple[Any, ...]] = (
    weakref.WeakKeyDictionary())


def _style_key(style: ParagraphStyle) -> tuple[Any, ...]:
    """Every attribute of ``style`` but its name: equal keys lay out alike.  Worked out once
    per style object (the forms do not change a style after making it)."""
    key = _style_keys.get(style)
    if key is None:
        items = []
        for name, value in sorted(style.__dict__.items()):
            if name in ("name", "parent"):
                continue
            try:
                hash(value)
            except TypeError:
                value = repr(value)
            items.append((name, type(value).__name__, value))
        key = tuple(items)
        _style_keys[style] = key
    return key


def para(text: str | None, style: ParagraphStyle, *, markup: bool = False) -> Para:
    """A paragraph of plain ``text`` (escaped; newlines kept) or of reportlab ``markup``."""
    value = text or ""
    if not markup:
        value = escape(value).replace("\r\n", "\n").replace("\n", "<br/>")
    if _REUSE_LIMIT <= 0 or len(value) > _REUSE_LONGEST:
        return Para(value, style)
    with _parsed_lock:
        key = (value, _style_key(style))
        parsed = _parsed.pop(key, None)
    if parsed is None:
        paragraph = Para(value, style)
        if paragraph.style is not style:  # markup that set its own style: not kept
            return paragraph
        parsed = _Parsed(paragraph)
    else:
        paragraph = Para(parsed.text, style, bulletText=parsed.bullet_text,
                         frags=parsed.frags)
    paragraph._kit_shared = parsed.lines
    with _parsed_lock:  # a preview in the window's thread while a batch renders in another
        if len(_parsed) >= _REUSE_LIMIT:
            _parsed.pop(next(iter(_parsed)), None)
        _parsed[key] = parsed  # the most recently used last
    return paragraph
