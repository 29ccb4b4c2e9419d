"""Which register the window opens at start (the settings page's choice, --db, the
environment). Kept apart from app.usecases.server so that the start imports no SQLAlchemy
before the window's first paint."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from app.paths import DB_ENV_VAR, default_database_path

if TYPE_CHECKING:
    from app.models.server_choice import ServerChoice


class StartLocation(NamedTuple):
    """Where the window's register is and who chose it: "option" (--db), "environment"
    (LICENCE_DESK_DB), "saved" (the settings page's office server) or "default" (this PC).
    A NamedTuple, not a dataclass: the start imports no dataclasses before the first paint."""

    location: Path | str
    source: str

    @property
    def overridden(self) -> bool:
        """--db or LICENCE_DESK_DB decide, whatever the settings page says."""
        return self.source in ("option", "environment")


def start_location(option: str | None, kind: str, choice: ServerChoice | None) -> StartLocation:
    """The register the window opens: `--db`, then LICENCE_DESK_DB, then the saved choice
    (`kind` LOCAL or SERVER with its `choice`), then this PC's file. A saved server choice with
    errors is not used (this PC's file is)."""
    if option:
        return StartLocation(default_database_path(option), "option")
    if os.environ.get(DB_ENV_VAR, "").strip():
        return StartLocation(default_database_path(None), "environment")
    if choice is not None:  # the rules only for a saved server: not before the first paint
        from app.models.findings import has_errors
        from app.models.server_choice import SERVER, check_server_choice, server_address

        if kind == SERVER and not has_errors(check_server_choice(choice)):
            return StartLocation(server_address(choice), "saved")
    return StartLocation(default_database_path(None), "default")
