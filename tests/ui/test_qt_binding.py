"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 did).

Every call returning nothing took one reference from None; after some tens of thousands of
setText/setEnabled calls the interpreter aborted with "none_dealloc". Python 3.12+ makes None
immortal, so there the count never moves and this test passes trivially.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_calls_returning_nothing_leave_none_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(2000):
        label.setText(str(i))
        label.setEnabled(i % 2 == 0)
    after = sys.getrefcount(None)
    assert abs(before - after) < 50, f"None lost {before - after} references"
