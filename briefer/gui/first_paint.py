"""Run work once the window has been painted: what the first screen does not show
(the navigator's lists, the excerpts panel, the status count, the rest of the core's
modules, the background check) waits until the analyst sees the window (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, fn: Callable[[], Any]):
        super().__init__(window)
        self._window, self._fn = window, fn
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(obj, QWidget)
            and obj.window() is self._window
        ):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self._fn)
        return False


def after_first_paint(window: QWidget, fn: Callable[[], Any]) -> None:
    """Call fn from the event loop once anything in the window has been painted."""
    _FirstPaint(window, fn)
