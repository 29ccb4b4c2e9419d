"""The bundled CJK font: lookup, one-time registration and glyph coverage checks.

Only TrueType outlines can be embedded by reportlab, so the kit uses the converted Noto Serif SC
in ``resources/fonts`` (see its README).  Callers check their data with :func:`check_text`
before writing a PDF: a character the font lacks would print as an empty box.
"""

from __future__ import annotations

import sys
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont, TTFontFace

from app import APP_ID

FONT_NAME = "NotoSerifSC"
FONT_FILE = "NotoSerifSC-Regular.ttf"

_lock = threading.Lock()


def _resources_dirs() -> list[Path]:
    """Where ``resources/`` may be: a PyInstaller bundle (``sys._MEIPASS``), the source tree,
    or ``<prefix>/share/licence-desk`` after a non-editable wheel install."""
    dirs = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        dirs.append(Path(frozen_root) / "resources")
    dirs.append(Path(__file__).resolve().parents[3] / "resources")
    dirs.append(Path(sys.prefix) / "share" / APP_ID / "resources")
    return dirs


def _resources_dir() -> Path:
    dirs = _resources_dirs()
    for folder in dirs:
        if (folder / "fonts" / FONT_FILE).is_file():
            return folder
    return dirs[0]  # the error names the first place looked


def font_path() -> Path:
    return _resources_dir() / "fonts" / FONT_FILE


def _to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """A ToUnicode CMap for one 256-code subset of a TrueType font.

    reportlab writes each target as ``<%04X>``, which for a character beyond U+FFFF gives five
    hex digits (``<2B5AF>``): invalid UTF-16BE, so viewers cannot extract or search it.  Here
    targets are UTF-16BE (surrogate pairs beyond the BMP) and bfchar blocks hold at most 100
    entries, as the PDF specification requires.  Unused codes (mapped to 0) are left out.
    """
    entries = [
        f"<{code:02X}> <{chr(uni).encode('utf-16-be').hex().upper()}>"
        for code, uni in enumerate(subset)
        if uni
    ]
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({font_name})",
        f"/Ordering ({font_name})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{font_name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
    ]
    for start in range(0, len(entries), 100):
        block = entries[start : start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class _GlyphTable:
    """The font's ``glyf`` table without copying it: slices are read from the font's bytes.

    ``makeSubset`` asks for the whole table (12 MB of the 13.8 MB font) once per subset, and a
    document has two to four subsets: copying it was a tenth of a document's time and added
    12 MB to the process's peak for each copy.  It only slices the table, glyph by glyph.
    """

    __slots__ = ("_data", "_start", "_length")

    def __init__(self, data: bytes, start: int, length: int) -> None:
        self._data = data
        self._start = start
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: slice) -> bytes:
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("the glyph table is read by contiguous slices only")
        start, stop, _ = index.indices(self._length)
        return self._data[self._start + start:self._start + max(start, stop)]


class _KitFace(TTFontFace):  # type: ignore[misc]
    """reportlab's face, handing ``makeSubset`` the glyph table as a :class:`_GlyphTable`."""

    def get_table(self, tag: str) -> Any:
        if tag == "glyf":
            pos, length = self.get_table_pos(tag)
            return _GlyphTable(self._ttf_data, pos, length)
        return super().get_table(tag)


class KitTTFont(TTFont):  # type: ignore[misc]
    """reportlab's TTFont with a correct ToUnicode CMap (see :func:`_to_unicode_cmap`) and
    font subsets cut without copying the glyph table (see :class:`_GlyphTable`).

    ``TTFont.addObjects`` builds one font object per subset and forgets the subsets; we note
    them first and afterwards replace the content of each subset's ToUnicode stream, which
    reportlab registers under the name ``toUnicodeCMap:<BaseFont>``.  The PDF is serialised
    only after all fonts' ``addObjects`` ran, so the replacement is what gets written.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        if type(self.face) is TTFontFace:  # reportlab made its own face, read: no new parse
            self.face.__class__ = _KitFace

    def addObjects(self, doc: Any) -> None:  # noqa: N802 - reportlab's name
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        face = self.face
        for n, subset in enumerate(subsets):
            base = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is None:  # reportlab changed its naming: keep its own CMap
                continue
            stream.content = _to_unicode_cmap(base, subset)


def register_fonts() -> str:
    """Register the bundled font with reportlab once per process; return its name.

    The same name serves for normal, bold and italic (there is no bold face), so ``<b>`` in
    paragraph markup does not fail.
    """
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            path = font_path()
            if not path.is_file():
                raise FileNotFoundError(f"bundled font missing: {path}")
            pdfmetrics.registerFont(KitTTFont(FONT_NAME, str(path)))
            pdfmetrics.registerFontFamily(
                FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME,
                boldItalic=FONT_NAME,
            )
    return FONT_NAME


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(FONT_NAME)
    return frozenset(font.face.charToGlyph)


# Characters that never reach the font: line breaks and tabs become layout, not glyphs.
_LAYOUT_CHARS = frozenset("\n\r\t")


def has_glyph(char: str) -> bool:
    return ord(char) in _covered()


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` the font cannot draw, each once, in order of appearance."""
    covered = _covered()
    seen: dict[str, None] = {}
    for ch in text:
        if ch in _LAYOUT_CHARS or ch in seen:
            continue
        if ord(ch) not in covered:
            seen[ch] = None
    return list(seen)


@dataclass(frozen=True)
class MissingGlyph:
    """A character in a record's field that the PDF font cannot draw; or, with `limit` set
    (and no character), a text longer than any field of the forms prints."""

    record: str
    field: str
    char: str
    codepoint: int
    length: int = 0
    limit: int = 0

    @property
    def code(self) -> str:
        """The code point written as U+XXXX, for messages."""
        return f"U+{self.codepoint:04X}"

    @property
    def name(self) -> str:
        """The Unicode name, or '' (private-use characters have none)."""
        return unicodedata.name(self.char, "")


def check_text(fields: Iterable[tuple[str, str, str | None]]) -> list[MissingGlyph]:
    """Check ``(record, field, text)`` triples; one finding per missing character per field,
    and one for a text longer than any field prints (a record written before the rules
    bounded it, or straight into the file: laid out, 10 MB of title never finished)."""
    from app.models.ranges import TEXT_LIMITS

    printable = max(TEXT_LIMITS.values())
    found: list[MissingGlyph] = []
    for record, field, text in fields:
        if not text:
            continue
        if len(text) > printable:
            found.append(MissingGlyph(record, field, "", 0, len(text), printable))
            continue
        for ch in missing_glyphs(text):
            found.append(MissingGlyph(record, field, ch, ord(ch)))
    return found
