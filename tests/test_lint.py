"""The tree stays ruff-clean and type-checks (ruff and mypy are in the test extra): lint and
type errors fail CI, not review."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing() -> None:
    ruff = shutil.which("ruff")
    command = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    try:
        out = subprocess.run([*command, "check", "--output-format", "concise", "."],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        pytest.fail("ruff is not installed: install the package with its test extra")
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_finds_nothing() -> None:
    # The packages and their strictness are in pyproject.toml: strict on the headless code,
    # lenient on app/ui (STYLE.md).
    try:
        out = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary"], cwd=ROOT,
                             capture_output=True, text=True, timeout=600)
    except FileNotFoundError:
        pytest.fail("mypy is not installed: install the package with its test extra")
    assert "No module named mypy" not in out.stderr, "install the package with its test extra"
    assert out.returncode == 0, out.stdout + out.stderr
