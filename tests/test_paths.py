"""Bundled files are found wherever pip put a wheel's data files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _roots_in_child(**env: str) -> list[str]:
    code = "from app.paths import _roots\nfor r in _roots(): print(r)\n"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, **env}, timeout=60, check=True)
    return result.stdout.splitlines()


def test_a_user_install_is_searched(tmp_path: Path) -> None:
    # `pip install --user .` (what pip falls back to on Windows without admin rights) puts
    # share/licence-desk under the user base, not under sys.prefix.
    roots = _roots_in_child(PYTHONUSERBASE=str(tmp_path))
    assert str(tmp_path / "share" / "licence-desk") in roots
    assert roots[0] == str(ROOT)  # the source tree before any install
    assert str(Path(sys.prefix) / "share" / "licence-desk") in roots


def test_portable_marker_beside_the_executable_moves_the_data_folder_next_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import paths

    bundle = tmp_path / "U盘" / "LicenceDesk"
    bundle.mkdir(parents=True)
    executable = bundle / "LicenceDesk.exe"
    executable.write_bytes(b"")
    monkeypatch.delenv(paths.DATA_DIR_ENV_VAR, raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    home = tmp_path / "home"
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *args: str(home))
    assert paths.portable_data_dir() is None
    assert paths.user_data_dir() == home  # no marker: the per-user folder

    (bundle / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.user_data_dir() == bundle / "data"
    assert (bundle / "data").is_dir()
    assert paths.default_database_path() == bundle / "data" / paths.DB_FILE_NAME
    # The test override still wins (and from source there is no portable mode at all).
    monkeypatch.setenv(paths.DATA_DIR_ENV_VAR, str(tmp_path / "override"))
    assert paths.user_data_dir() == tmp_path / "override"
    monkeypatch.setattr(sys, "frozen", False)
    assert paths.portable_data_dir() is None
