"""The domain runs without Qt: app/models, app/export, app/submit and app/usecases never import
PySide6."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEADLESS = ["app/models", "app/export", "app/submit", "app/usecases"]


@pytest.mark.parametrize("package", HEADLESS)
def test_no_qt_import_in_source(package: str) -> None:
    folder = ROOT / package
    if not folder.exists():
        pytest.skip(f"{package} does not exist yet")
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in {"PySide6", "shiboken6"} for n in names), path


def test_importing_the_domain_loads_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import app.models, app.messages\n"
        "for pkg in ('app.models', 'app.export', 'app.submit', 'app.usecases'):\n"
        "    try:\n"
        "        mod = importlib.import_module(pkg)\n"
        "    except ModuleNotFoundError:\n"
        "        continue\n"
        "    for info in pkgutil.walk_packages(mod.__path__, pkg + '.'):\n"
        "        if '.migrations' in info.name:\n"
        "            continue\n"
        "        importlib.import_module(info.name)\n"
        "print('PySide6' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
