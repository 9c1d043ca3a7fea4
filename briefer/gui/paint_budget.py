"""How much new text a view lays out in one paint event (issue 16).

Laying out a line of text (shaping it, Arabic especially) is what the first paint of a
search's results costs: a screen of new rows at once took the GUI thread 20-60 ms. A
delegate asks `take()` before it lays out something it has not kept from an earlier
paint; past the limit it draws the row without it, and the view is repainted in the
next turn of the event loop, only where something was left out (rows drawn
already are not painted again). A screen of new rows so appears in two or three
paints, none of them long.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QTimer
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QAbstractItemView


class PaintBudget(QObject):
    def __init__(self, view: QAbstractItemView, limit: int):
        super().__init__(view)
        self.limit = limit
        self.spent = 0
        self._left_out = QRegion()
        self._asked = False  # a repaint of what was left out is asked for, not yet done
        self._view = view
        view.viewport().installEventFilter(self)
        # A real timer, not a queued call: it fires after the paint that is under
        # way, never before it.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next_turn)

    @property
    def deferred(self) -> bool:
        """Something was left out of a paint and is still to be drawn."""
        return self._asked or not self._left_out.isEmpty()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._asked = False
        return False

    def take(self, rect: QRect) -> bool:
        """True: lay it out now. False: over budget; `rect` (in the viewport) is
        painted again in the next turn of the event loop."""
        if not self._timer.isActive():
            self._timer.start()
        if self.spent < self.limit:
            self.spent += 1
            return True
        self._left_out += rect
        return False

    def _next_turn(self) -> None:
        self.spent = 0
        if not self._left_out.isEmpty():
            left_out, self._left_out = self._left_out, QRegion()
            self._asked = self._view.viewport().isVisible()
            self._view.viewport().update(left_out)
