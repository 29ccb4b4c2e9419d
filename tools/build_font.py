#!/usr/bin/env python3
"""Convert a CFF-flavoured OpenType font (.otf) into a TrueType (glyf) font.

Why: reportlab can only embed TrueType outlines (as a subset); it rejects CFF/PostScript
outlines, which is what every Noto CJK .otf ships.  This follows fontTools'
``Snippets/otf2ttf.py``: cubic curves are approximated by quadratic ones with ``cu2qu``
(max error 1 font unit of 1000), contours are reversed to TrueType's clockwise direction.

Run by hand (not in CI); about 60 s and 400 MB for Noto Serif SC::

    python tools/build_font.py NotoSerifSC-Regular.otf resources/fonts/NotoSerifSC-Regular.ttf

It also adds the tick boxes ☐ ☑ the forms need (see ``add_ballot_boxes``).

The output is reproducible: the same input and fontTools version give the same bytes (the
``head`` timestamps are kept from the source instead of being set to "now").
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

log = logging.getLogger("build_font")

MAX_ERR = 1.0  # approximation error in font units (UPEM 1000): invisible at print sizes
POST_FORMAT = 2.0  # keep glyph names if they fit; otherwise fall back to format 3


def _glyphs_to_quadratic(glyph_set, max_err: float) -> dict:
    quad = {}
    for name in glyph_set.keys():
        tt_pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType ones clockwise.
        glyph_set[name].draw(Cu2QuPen(tt_pen, max_err, reverse_direction=True))
        quad[name] = tt_pen.glyph()
    return quad


def otf_to_ttf(font: TTFont, max_err: float = MAX_ERR) -> None:
    """Replace the CFF table of ``font`` by glyf/loca, in place."""
    if font.sfntVersion != "OTTO" or "CFF " not in font:
        raise ValueError("input is not a CFF-flavoured OpenType font")
    order = font.getGlyphOrder()

    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = _glyphs_to_quadratic(font.getGlyphSet(), max_err)
    del font["CFF "]
    # VORG is only defined for CFF fonts; a DSIG would no longer match the modified font.
    for tag in ("VORG", "DSIG"):
        if tag in font:
            del font[tag]
    glyf.compile(font)

    # TrueType wants each left side bearing equal to the glyph's xMin.
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)

    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = max(
        len(getattr(g, "components", None) or []) for g in glyf.glyphs.values()
    )
    maxp.compile(font)

    post = font["post"]
    post.formatType = POST_FORMAT
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    try:
        post.compile(font)
    except OverflowError:
        post.formatType = 3.0
        log.warning("glyph names do not fit in 'post' format 2; dropping them")

    font.sfntVersion = "\x00\x01\x00\x00"


def _signed_area(points: list[tuple[int, int]]) -> float:
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs) / 2


def add_ballot_boxes(font: TTFont) -> None:
    """Give the font U+2610 BALLOT BOX and U+2611 BALLOT BOX WITH CHECK.

    The forms print tick boxes (☐/☑) inline in running text, and Noto Serif SC has no glyphs
    for them.  It does have U+25A1 WHITE SQUARE, so ☐ maps to the square's glyph and ☑ is a
    new simple glyph: the square's outline plus a tick.  Real glyphs keep the boxes inline,
    selectable and extractable as text.
    """
    cmap = font.getBestCmap()
    if 0x2611 in cmap and 0x2610 in cmap:
        return
    square = cmap[0x25A1]
    glyph_set = font.getGlyphSet()
    glyf, hmtx = font["glyf"], font["hmtx"]

    box = glyf[square]
    pen = TTGlyphPen(glyph_set)
    glyph_set[square].draw(pen)
    # A tick drawn as one polygon, as heavy as the square's stroke (the font's own U+2713 is a
    # hairline that disappears in a scan), placed inside the square.
    x0, y0 = box.xMin, box.yMin
    size = box.xMax - box.xMin
    tick = [(0.16, 0.50), (0.40, 0.25), (0.84, 0.82), (0.76, 0.89), (0.40, 0.40), (0.23, 0.58)]
    points = [(round(x0 + fx * size), round(y0 + fy * size)) for fx, fy in tick]
    if _signed_area(points) > 0:  # TrueType outer contours run clockwise
        points.reverse()
    pen.moveTo(points[0])
    for pt in points[1:]:
        pen.lineTo(pt)
    pen.closePath()
    name = "uni2611"
    order = font.getGlyphOrder() + [name]
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    glyf[name] = pen.glyph()
    glyf[name].recalcBounds(glyf)
    hmtx[name] = (hmtx[square][0], glyf[name].xMin)
    if "vmtx" in font:
        font["vmtx"][name] = font["vmtx"][square]
    if "post" in font:
        font["post"].glyphOrder = order
    for table in font["cmap"].tables:
        if table.isUnicode():
            if table.format == 4 or table.format == 12:
                table.cmap[0x2610] = square
                table.cmap[0x2611] = name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path, help="CFF .otf font")
    parser.add_argument("output", type=Path, help="TrueType .ttf to write")
    parser.add_argument("-e", "--max-error", type=float, default=MAX_ERR)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    font = TTFont(args.input, recalcTimestamp=False)
    log.info("converting %s (%d glyphs)", args.input, font["maxp"].numGlyphs)
    otf_to_ttf(font, max_err=args.max_error)
    add_ballot_boxes(font)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    font.save(args.output)
    log.info("wrote %s (%.1f MB)", args.output, args.output.stat().st_size / 1e6)
    return 0


if __name__ == "__main__":
    sys.exit(main())
