"""Record versions (issue 16): two clerks editing one record never overwrite each other silently.

Every save of a patent or an offer bumps its `version` and records who saved (`updated_by`,
the computer's user and name) in the same UPDATE. A save that says which version it was
editing (`expected_version`) and finds a newer one is refused with the finding
`record.changed_elsewhere`, naming who saved it and when; the clerk's typed fields are untouched
(the caller still has them). The bump is one conditional UPDATE, so two saves racing from the
same version cannot both win, on SQLite as on the server.
"""

from __future__ import annotations

import datetime as dt
import getpass
import socket
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.models.findings import Finding, error


def editor_name() -> str:
    """Who is saving: USER@COMPUTER (the clerks may share one database role)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        user = "?"
    return f"{user}@{socket.gethostname()}"[:200]


def local_minute(at: dt.datetime | None) -> str:
    """A stored time (UTC, without zone) as the clerk's computer shows time, to the minute."""
    if at is None:
        return ""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def claim(session: Session, entity: Any, record_id: int, expected_version: int | None,
          record: str) -> Finding | None:
    """Bump the record's version (when it is still `expected_version`, if given); the finding
    saying who changed it meanwhile otherwise. None also when the record does not exist."""
    condition = [entity.id == record_id]
    if expected_version is not None:
        condition.append(entity.version == expected_version)
    result = session.execute(
        update(entity).where(*condition)
        .values(version=entity.version + 1, updated_by=editor_name(),
                updated_at=dt.datetime.now(dt.UTC).replace(tzinfo=None))
        .execution_options(synchronize_session=False))
    if result.rowcount:  # type: ignore[attr-defined]
        return None
    row = session.execute(select(entity.version, entity.updated_by, entity.updated_at)
                          .where(entity.id == record_id)).first()
    if row is None:
        return None
    version, by, at = row
    return error("record.changed_elsewhere", "version", record=record, by=by or "?",
                 at=local_minute(at), version=version,
                 expected=expected_version)

