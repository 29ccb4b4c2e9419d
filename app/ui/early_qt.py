"""Qt settings made before the window's first paint without touching PySide's `Qt` namespace.

The first touch of `PySide6.QtCore.Qt` (importing the name, passing `Qt.AlignmentFlag.AlignTop`,
calling `QAction.setShortcut`, or Qt calling a Python method that takes a `Qt.Orientation`)
makes all ~90 of its Python enum types at once: about 15 ms, a tenth of the whole start. What
the window sets before its first paint therefore goes through Qt's property system, which takes
enum values by their key names ("ElideRight", "AlignLeft|AlignTop") and a shortcut as a
QKeySequence. `tests/ui/test_first_paint.py` checks that `Qt` is still unmade at the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_property(target: QObject, name: str, value: object) -> None:
    """`target.setProperty(name, value)`, refused loudly when Qt does not take it (a property
    the class lacks, a key its enum does not have), where setProperty only returns False."""
    if not target.setProperty(name, value):
        raise ValueError(f"{type(target).__name__} has no property {name!r} taking {value!r}")
