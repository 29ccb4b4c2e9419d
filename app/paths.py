"""Where things live: bundled resources (source tree or frozen bundle) and user folders."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from app import APP_ID, ORGANISATION_NAME

DB_ENV_VAR = "LICENCE_DESK_DB"
DATA_DIR_ENV_VAR = "LICENCE_DESK_DATA_DIR"
DB_FILE_NAME = "licence-desk.sqlite3"
# Portable mode (DESIGN.md: the bundle's portable switch): this file beside the bundle's
# executables keeps the database, settings, logs and stored files in PORTABLE_DATA_DIR next
# to them, e.g. on a USB stick or a shared folder. build.spec writes it when asked to.
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA_DIR = "data"


SHARE_DIR = Path("share") / APP_ID  # where a wheel install puts resources/ and translations/


def _install_data_roots() -> list[Path]:
    """Where a wheel's data files may have gone: `<data>/share/licence-desk` for the install
    scheme in use (a venv or the interpreter's prefix, Debian's /usr/local) and for a user
    install (`pip install --user`, what pip falls back to on Windows without admin rights)."""
    import sysconfig

    data_dirs = [
        sys.prefix,
        sysconfig.get_path("data"),
        sysconfig.get_path("data", sysconfig.get_preferred_scheme("user")),
    ]
    roots: list[Path] = []
    for data in data_dirs:
        root = Path(data) / SHARE_DIR
        if root not in roots:
            roots.append(root)
    return roots


def _roots() -> Iterator[Path]:
    """Where bundled files may be: the PyInstaller bundle, the source tree, a wheel install.

    A generator: the install folders (sysconfig's work, a few milliseconds at start-up) are
    only worked out when the bundle and the source tree do not have the file.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        yield Path(frozen_root)
    yield Path(__file__).resolve().parent.parent
    yield from _install_data_roots()


def _bundled(folder: str, *parts: str) -> Path:
    first: Path | None = None
    for root in _roots():
        candidate = root.joinpath(folder, *parts)
        if candidate.exists():
            return candidate
        first = first or candidate
    assert first is not None
    return first  # callers report the missing file with this path


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource (fonts, icons)."""
    return _bundled("resources", *parts)


def translations_dir() -> Path:
    return _bundled("translations")


def executable_dir() -> Path | None:
    """The folder of the bundle's executables; None when running from Python (source, pip)."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_data_dir(folder: Path | None = None) -> Path | None:
    """`data/` beside the executables when the portable marker is there, else None.

    `folder` is where the executables are (default: this bundle's; from source there is none).
    """
    folder = executable_dir() if folder is None else folder
    if folder is None or not (folder / PORTABLE_MARKER).is_file():
        return None
    return folder / PORTABLE_DATA_DIR


def user_data_dir() -> Path:
    """The folder for the database, settings, logs and attached files.

    `LICENCE_DESK_DATA_DIR` overrides it (tests); then a portable bundle's `data/` beside its
    executables; otherwise platformdirs' per-user data folder (on Windows
    %LOCALAPPDATA%\\LicenceDesk\\licence-desk).
    """
    override = os.environ.get(DATA_DIR_ENV_VAR)
    portable = None if override else portable_data_dir()
    if override:
        path = Path(override)
    elif portable is not None:
        path = portable
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
