"""Print the wall time (time.time()) and the process CPU time of the first paint of a
QMainWindow, then quit.

Installed by the two start-up programs below before their window shows, so both are
timed to the same event.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def __init__(self, app: QApplication):
        super().__init__(app)
        self.app = app
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
            QTimer.singleShot(0, self.app.quit)
        return False
