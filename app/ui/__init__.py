"""The window: PySide6 widgets, Qt item models and dialogs — the only place Qt widgets live.

Widgets gather input and show results; rules and writes live in app.models (Store is the one
place of writes). Modules here import the database layer lazily where they can, so the window
paints before SQLAlchemy has finished loading.
"""
