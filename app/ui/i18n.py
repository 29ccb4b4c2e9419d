"""The interface language: Qt translators for the widgets, `language()` for the message table.

The source strings are English; Simplified Chinese is the default. Switching language is
remembered in the settings and takes effect at the next start (every window is built once in
its language; rebuilding them live would be more code than the clerks need).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import translations_dir

# The language codes of app.messages (a test checks they agree); not imported from there because
# this module loads before the first paint and the message table is not needed until later.
ZH = "zh_CN"
EN = "en"
CATALOGUE = "licence_desk"

_language = ZH
_translators: list[QTranslator] = []


def language() -> str:
    """The language of the message table (app.messages) for this session."""
    return _language


def loaded_catalogues() -> list[str]:
    """The translation files installed now (ours and Qt's own), for the start-up report."""
    return [translator.filePath() for translator in _translators]


def set_language(value: str) -> None:
    global _language
    _language = value if value in (ZH, EN) else ZH


def install_translators(app: QCoreApplication, value: str) -> list[str]:
    """Load our catalogue and Qt's own (standard buttons); returns the files loaded."""
    set_language(value)
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if _language != ZH:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    loaded: list[str] = []
    candidates = [
        (f"{CATALOGUE}_zh_CN", str(translations_dir())),
        ("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        # Strings of the standard dialogs that Qt's shipped catalogue lacks ("&Look in:").
        ("qtbase_extra_zh_CN", str(translations_dir())),
    ]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
            loaded.append(translator.filePath())
    return loaded
