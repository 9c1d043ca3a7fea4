"""Print the wall time (time.time()) and the process CPU time of the first paint of a
QMainWindow, then quit.

Installed by the two start-up programs below before their window shows, so both are
timed to the same event. Briefer's also says when its window is ready for every action
(the services it loads after the paint are loaded, its lists filled).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    """Prints "first-paint WALL CPU" at the first paint; with `ready`, also "ready WALL
    CPU" once ready() is true (checked every 5 ms from the paint on), then quits."""

    def __init__(self, app: QApplication, ready: Callable[[], bool] | None = None):
        super().__init__(app)
        self.app = app
        self.ready = ready
        app.installEventFilter(self)

    def eventFilter(self, obj, event):
        if (
            event.type() == QEvent.Type.Paint
            and obj.isWidgetType()
            and isinstance(obj.window(), QMainWindow)
        ):
            # The wall clock, and the CPU this process spent to get here (what the
            # program costs, whatever else the machine runs).
            print(f"first-paint {time.time():.6f} {time.process_time():.6f}", flush=True)
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self._quit_when_ready)
        return False

    def _quit_when_ready(self) -> None:
        # The longest wait between two 5 ms checks: how long the window was unable to
        # answer while it got ready.
        now = time.perf_counter()
        last = getattr(self, "_last", now)
        self._last = now
        self.longest_wait = max(getattr(self, "longest_wait", 0.0), now - last)
        if self.ready is not None and not self.ready():
            QTimer.singleShot(5, self._quit_when_ready)
            return
        if self.ready is not None:
            print(
                f"ready {time.time():.6f} {time.process_time():.6f} {self.longest_wait:.6f}",
                flush=True,
            )
        self.app.quit()
