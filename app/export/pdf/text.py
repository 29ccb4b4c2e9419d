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

import functools
import unicodedata
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

    __slots__ = ("atoms", "width", "space", "hard_break", "soft")

    def __init__(self, atoms: list[Any], space: bool = False, hard_break: bool = False,
                 soft: list[int] | None = None) -> None:
        self.atoms = atoms
        self.width = float(sum(a.width for a in atoms))
        self.space = space
        self.hard_break = hard_break
        self.soft = soft or []


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
        # failing that between characters (at least one per line).
        widths = [a.width for a in tok.atoms]
        fitting = [k for k in tok.soft if sum(widths[:k]) <= limit + _FUZZ]
        if fitting:
            take = fitting[-1]
        else:
            take, total = 1, widths[0]
            while take < len(widths) and total + widths[take] <= limit + _FUZZ:
                total += widths[take]
                take += 1
        line.append(_Token(tok.atoms[:take]))
        used += sum(widths[:take])
        if take < len(widths):
            rest = [k - take for k in tok.soft if k > take]
            pending.append(_Token(tok.atoms[take:], soft=rest))
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
        lines = break_frags(self.frags, max_widths, key[1])
        self._kit_lines = (key, lines)
        return lines

    def _get_split_blParaFunc(self) -> Any:  # noqa: N802 - reportlab's name
        return _split_lines


def para(text: str | None, style: ParagraphStyle, *, markup: bool = False) -> Para:
    """A paragraph of plain ``text`` (escaped; newlines kept) or of reportlab ``markup``."""
    value = text or ""
    if not markup:
        value = escape(value).replace("\r\n", "\n").replace("\n", "<br/>")
    return Para(value, style)
