"""Run in a spawned check process by test_register_checks: which heavy modules a child of
the window's process has imported on its way to its target (none of Qt, SQLAlchemy or the
window may be among them). Imports nothing itself."""

from __future__ import annotations

import sys
from typing import Any

HEAVY = ("PySide6", "shiboken6", "sqlalchemy", "alembic", "app.ui", "pytest", "openpyxl")


def report_modules(connection: Any) -> None:
    import app.models.register_checks  # noqa: F401 - what the real target's module imports

    connection.send(sorted(m for m in sys.modules if m.startswith(HEAVY)))
    connection.close()
