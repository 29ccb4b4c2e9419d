"""UI preferences (language, geometry, header and splitter state, last folders) in INI format.

Form data never goes here: it lives in SQLite. The file sits in the user data folder, so a test
run with its own LICENCE_DESK_DATA_DIR never sees the clerk's real preferences.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app.paths import user_data_dir
from app.ui.i18n import EN, ZH

SETTINGS_FILE = "settings.ini"


def settings_path() -> Path:
    return user_data_dir() / SETTINGS_FILE


class Preferences:
    """Typed access to the settings file; one key per preference, defaults declared here."""

    def __init__(self, path: Path | None = None) -> None:
        self._settings = QSettings(str(path or settings_path()), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        return Path(self._settings.fileName())

    def sync(self) -> None:
        self._settings.sync()

    # Language ---------------------------------------------------------------------------

    @property
    def language(self) -> str:
        value = str(self._settings.value("ui/language", ZH))
        return value if value in (ZH, EN) else ZH

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("ui/language", value if value in (ZH, EN) else ZH)
        self._settings.sync()

    # Window state -----------------------------------------------------------------------

    def state(self, key: str) -> QByteArray | None:
        value = self._settings.value(f"state/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"state/{key}", value)

    # Folders ----------------------------------------------------------------------------

    def last_folder(self, purpose: str) -> str:
        return str(self._settings.value(f"folders/{purpose}", str(Path.home())))

    def set_last_folder(self, purpose: str, folder: str | Path) -> None:
        self._settings.setValue(f"folders/{purpose}", str(folder))
