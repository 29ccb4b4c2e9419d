"""What a PDF worker process runs: one information sheet or declaration laid out, its bytes back.

A worker is spawned (not forked: the window's process holds Qt and threads, and Windows has
only spawn), so it imports only what it names here: reportlab, the font and the two forms'
modules, and the plain data classes they read. Not the ORM, not SQLAlchemy, not Qt: the
arguments are ``PatentFields`` and ``OfferFields`` (plain dataclasses), never records, which
keeps each worker's memory and start-up small (`tests/export/test_render_pool.py` checks what
a worker has imported after a render).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
from multiprocessing.connection import wait

from app.export.pdf.declaration import render_declaration
from app.export.pdf.information_sheet import UnprintableText, render_information_sheet
from app.models.offers import OfferFields
from app.models.patent_rules import PatentFields
from app.os_errors import reason_params

INFORMATION_SHEET = "information_sheet"
DECLARATION = "declaration"

# Modules a worker must never have imported (each costs memory in every worker).
NOT_IN_A_WORKER = ("sqlalchemy", "alembic", "PySide6", "openpyxl", "psycopg", "keyring")


def leave_with_the_parent() -> None:
    """A worker's initializer: end this worker as soon as the process that started it has
    gone (killed, crashed, ended without shutting the pool down). Otherwise the worker waits
    for work forever, since it holds its task queue's write end itself: a killed window left
    its workers behind, each with the font and reportlab in memory."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch(sentinel: int) -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, args=(parent.sentinel,), name="parent watch",
                     daemon=True).start()


def render_document(patent: PatentFields, offer: OfferFields, creation_date: dt.date,
                    kind: str, draft: bool) -> tuple[str, object]:
    """One document's bytes, or why not (picklable either way): ``("ok", bytes)``,
    ``("unprintable", MissingGlyph tuple)`` or ``("failed", (reason params, repr))``."""
    render = render_information_sheet if kind == INFORMATION_SHEET else render_declaration
    try:
        return "ok", render(patent, offer, creation_date=creation_date, watermark=draft)
    except UnprintableText as exc:
        return "unprintable", tuple(exc.missing)
    except Exception as exc:  # reported per offer, as in one process
        return "failed", (reason_params(exc), repr(exc))
