"""Every entity module, imported once so that Base.metadata knows all tables.

Alembic's environment and the schema test import this. A feature that adds entities in a module
of its own adds one import line here.
"""

from __future__ import annotations

from app.models import (  # noqa: F401
    batches,
    contracts,
    deals,
    entities,
    henan_application,
    inventory,
    ops_centre_records,
    stored_files,
    submission,
)
from app.models.entities import Base

metadata = Base.metadata
