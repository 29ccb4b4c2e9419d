"""Bundled files are found wherever pip put a wheel's data files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
