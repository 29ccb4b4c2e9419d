"""Every window opens within the screen it appears on (issue 17 §8).

A 1366×768 laptop with a taskbar leaves about 1366×728 for windows, title bar included: a
window asked to open at 1180×860 would open with its buttons below the screen. Every top-level
window and dialog sizes itself through `fit_to_screen` instead of `QWidget.resize`.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget

# Room the window manager's frame takes round the client area: borders and the title bar.
FRAME_WIDTH = 16
FRAME_HEIGHT = 40


def fitted_size(wanted: QSize, available: QRect) -> QSize:
    """`wanted`, shrunk where needed so that it and its frame fit inside `available`."""
    return QSize(min(wanted.width(), max(available.width() - FRAME_WIDTH, 1)),
                 min(wanted.height(), max(available.height() - FRAME_HEIGHT, 1)))


def available_area(window: QWidget) -> QRect | None:
    """The usable part (taskbar excluded) of the screen `window` opens on."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size `window` at width×height, or smaller to fit the available screen; a minimum size
    larger than the screen is lowered too, so the window's own layout scrolls or squeezes
    instead of hanging off the bottom."""
    area = available_area(window)
    if area is None:
        window.resize(width, height)
        return
    size = fitted_size(QSize(width, height), area)
    minimum = window.minimumSize()
    if minimum.width() > size.width() or minimum.height() > size.height():
        window.setMinimumSize(minimum.boundedTo(size))
    window.resize(size)


def scrolling(content: QLayout) -> QScrollArea:
    """`content` in a frameless scroll area: a form taller than a small screen scrolls within
    the window instead of pushing the window's buttons below the screen."""
    inner = QWidget()
    box = QVBoxLayout(inner)
    box.setContentsMargins(0, 0, 0, 0)
    box.addLayout(content)
    box.addStretch(1)  # height to spare goes under the form, not between its rows
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    from PySide6.QtCore import Qt  # not at import: before the first paint (early_qt.py)

    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area
