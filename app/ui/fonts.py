"""Application fonts: name the Chinese families explicitly.

Without this, a machine with no Chinese font draws boxes, and fontconfig with Noto CJK installed
picks the Japanese glyph forms. We only name families that exist: Qt logs a warning (and spends
time) for every missing family it has to look up.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from app.paths import resource_path

log = logging.getLogger(__name__)

# Sans faces first: they read best at UI sizes. The order is the fallback order.
CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Serif CJK SC",
    "SimSun",
)
BUNDLED_FONT = ("fonts", "NotoSerifSC-Regular.ttf")


def _load_bundled() -> str | None:
    path = resource_path(*BUNDLED_FONT)
    if not path.is_file():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("could not load the bundled font %s", path)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def configure_fonts(app: QApplication) -> list[str]:
    """Set the application font's family list; returns it (for the log and the tests)."""
    available = set(QFontDatabase.families())
    cjk = [family for family in CJK_FAMILIES if family in available]
    base = app.font()
    # The family Qt actually resolved: on Linux app.font() names an alias ("Sans Serif") that a
    # family list does not resolve, and Latin text would then be drawn in the bundled serif.
    default_family = QFontInfo(base).family()
    if cjk:
        # A system Chinese sans face: use it for Latin text too, as Chinese Windows does.
        families = [*cjk, default_family]
    else:
        bundled = _load_bundled()
        if bundled:
            # The bundled face is a serif: keep Latin in the system sans, Chinese falls back.
            families = [default_family, bundled]
        else:
            # No known face and no bundled one: any family that claims Simplified Chinese.
            fallback = [
                f
                for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
                if not f.endswith((" JP", " KR", " TC", " HK"))
            ][:1]
            families = [default_family, *fallback]
    font = QFont(base)
    font.setFamilies(families)
    app.setFont(font)
    log.info("UI font families: %s", families)
    return families
