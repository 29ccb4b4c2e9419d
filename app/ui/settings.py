"""UI preferences (language, geometry, header and splitter state, last folders, which register
to open) in INI format.

Form data never goes here: it lives in SQLite. The file sits in the user data folder, so a test
run with its own LICENCE_DESK_DATA_DIR never sees the clerk's real preferences.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from app.paths import user_data_dir
from app.ui.i18n import EN, ZH

if TYPE_CHECKING:
    from app.models.server_choice import ServerChoice

SETTINGS_FILE = "settings.ini"
# app.models.server_choice's LOCAL and SERVER (tests/ui/test_first_paint.py checks): the start
# reads the kind before the first paint, the server's rules are imported only for a server.
LOCAL = "local"
SERVER = "server"


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

    # Which register (issue 16's settings page) --------------------------------------------
    # The office server's settings only: its password lives in the system keyring, never here.

    @property
    def database_kind(self) -> str:
        value = str(self._settings.value("database/kind", LOCAL))
        return value if value in (LOCAL, SERVER) else LOCAL

    @property
    def server_choice(self) -> ServerChoice:
        from app.models.server_choice import ServerChoice

        default = ServerChoice()
        value = self._settings.value
        try:
            port = int(str(value("database/port", default.port)))
        except ValueError:
            port = default.port
        return ServerChoice(
            host=str(value("database/host", default.host)),
            port=port,
            database=str(value("database/name", default.database)),
            user=str(value("database/user", default.user)),
            sslmode=str(value("database/sslmode", default.sslmode)),
            ca_file=str(value("database/ca_file", default.ca_file)),
        )

    def set_database(self, kind: str, choice: ServerChoice) -> None:
        """Keep the choice (the server's settings are kept when this PC is chosen, to switch
        back without typing them again)."""
        choice = choice.stripped()
        self._settings.setValue("database/kind", kind if kind in (LOCAL, SERVER) else LOCAL)
        for key, item in (("host", choice.host), ("port", choice.port),
                          ("name", choice.database), ("user", choice.user),
                          ("sslmode", choice.sslmode), ("ca_file", choice.ca_file)):
            self._settings.setValue(f"database/{key}", item)
        self._settings.sync()
