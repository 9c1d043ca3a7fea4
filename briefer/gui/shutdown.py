"""SIGTERM (and SIGHUP) to the window is a clean shutdown, not a crash.

Qt's event loop runs in C++, so Python only runs a signal handler when it next gets
control; a short timer tick gives it that. The handler cancels a running import and
closes the window the normal way: open briefs are flushed, the session backs up and
closes the library, and the lock goes without the unclean-shutdown marker.
"""

from __future__ import annotations

import contextlib
import signal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

TICK_MS = 200
SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def close_on_terminate(app: QApplication, window: QWidget) -> QTimer:
    """Close window (and so quit app) when the process is asked to terminate."""

    def terminate(_signum, _frame) -> None:
        job = getattr(window, "last_import_job", None)
        if job is not None:
            with contextlib.suppress(Exception):
                job.cancel()
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, app.quit)  # also when a modal dialog holds the window

    for signum in SIGNALS:
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            signal.signal(signum, terminate)
    tick = QTimer(app)
    tick.timeout.connect(lambda: None)  # lets Python run pending signal handlers
    tick.start(TICK_MS)
    return tick
