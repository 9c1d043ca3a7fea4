"""Starting the window: the QApplication, the library, and what to say when it fails.

Opening asks through gui/opening.py (the decisions are core/opening.py's, shared with
the command line); the library's life in the window is gui/session.py's LibrarySession.
Nothing below the app imports this module.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from briefer import __version__, collector
from briefer.core.logfile import setup_logging
from briefer.gui.first_paint import after_first_paint
from briefer.gui.icons import app_icon
from briefer.gui.opening import (
    offer_backup,
    open_library_at_start,
    open_library_interactively,
    show_location_risks,
)
from briefer.gui.session import BACKUP_TICK_MS, LibrarySession
from briefer.gui.shutdown import close_on_terminate
from briefer.resources import APP_ID

# The collector held by the briefer command works again by then at the latest.
RELEASE_COLLECTOR_MS = 10_000

# The opening dialogs and the session are re-exported for callers that start from the
# app (tests, scripts); the window itself imports them from their own modules.
__all__ = [
    "BACKUP_TICK_MS",
    "LibrarySession",
    "after_first_paint",
    "make_app",
    "offer_backup",
    "open_library_at_start",
    "open_library_interactively",
    "run",
    "show_location_risks",
]


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Briefer")
    app.setOrganizationName("Briefer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # matches the installed .desktop file on Wayland
    app.setWindowIcon(app_icon())
    return app


def run(path: Path) -> int:
    app = make_app()
    setup_logging()
    library = open_library_at_start(path)
    if library is None:
        print(f"briefer: {path} was not opened", file=sys.stderr)
        return 1
    from briefer.gui.main_window import MainWindow

    window = MainWindow(library)
    window.attach_session(LibrarySession(library, window))
    window.show()

    # The background check reads the whole file: start it once the window is painted,
    # not while it is being drawn.
    after_first_paint(window, window.session.start)
    # The garbage collector, held while the window was built (briefer/cli.py), works
    # again once the worker has loaded what the window loads after its paint (the
    # services, SQLAlchemy, SQLModel): a full collection in the middle of that walked
    # their new objects and held the window 60-80 ms; frozen with the rest, they are
    # not walked again.
    window.loaded.connect(collector.release)
    # A window that starts minimized or hidden is not painted (nor loaded): collect
    # again anyway.
    QTimer.singleShot(RELEASE_COLLECTOR_MS, collector.release)
    close_on_terminate(app, window)  # SIGTERM: flush, close, release the lock
    try:
        return app.exec()
    finally:
        # The window may have moved to another library; its current session is closed
        # (backup on close, lock released, clean-close marker). Work still queued on
        # the worker (the services it loads after the first paint) finishes first.
        window.worker.wait(10_000)
        window.session.close()
