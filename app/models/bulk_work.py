"""Holding off Python's cyclic garbage collector while a bulk step builds its objects.

Reading a 50,000-row patent list, previewing it and writing it create a few million small
objects that all stay reachable until the step ends (cell values, rows, fields, findings). The
collector cannot free any of them, yet every full collection walks all of them: about 1.5 s
of CPU of a 50,000-row import went to collections that found nothing. Reference counting
still frees everything as usual while collection is held off; cycles made meanwhile are
collected once the outermost step ends.

Steps may nest and run on several threads: collection resumes when the last one ends, and only
if it was enabled when the first one began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_steps = 0  # bulk steps under way, in every thread
_resume = False  # whether collection was enabled when the first of them began


@contextmanager
def collection_held_off() -> Iterator[None]:
    """Automatic garbage collection held off for the duration of the block."""
    global _steps, _resume
    with _lock:
        if _steps == 0:
            _resume = gc.isenabled()
            gc.disable()
        _steps += 1
    try:
        yield
    finally:
        with _lock:
            _steps -= 1
            if _steps == 0 and _resume:
                gc.enable()
