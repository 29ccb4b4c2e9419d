"""Alembic migration scripts; shipped inside the package so a frozen build can run them."""
