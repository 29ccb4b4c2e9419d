"""Where things live: bundled resources (source tree or frozen bundle) and user folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app import APP_ID, ORGANISATION_NAME

DB_ENV_VAR = "LICENCE_DESK_DB"
DATA_DIR_ENV_VAR = "LICENCE_DESK_DATA_DIR"
DB_FILE_NAME = "licence-desk.sqlite3"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, from the source tree or from a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def translations_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parent.parent
    return root / "translations"


def user_data_dir() -> Path:
    """The folder for the database and attached files.

    `LICENCE_DESK_DATA_DIR` overrides it (tests, portable installs); otherwise platformdirs'
    per-user data folder (on Windows %LOCALAPPDATA%\\LicenceDesk\\licence-desk).
    """
    override = os.environ.get(DATA_DIR_ENV_VAR)
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_ID, ORGANISATION_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH` first, then `LICENCE_DESK_DB`, then the user data folder."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Path(env)
    return user_data_dir() / DB_FILE_NAME
