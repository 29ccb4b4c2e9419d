"""Alembic environment: always run programmatically by app.models.database on a given connection."""

from __future__ import annotations

from alembic import context

from app.models.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the application always passes its connection
    raise RuntimeError("Licence Desk migrations run through app.models.database.open_database")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
