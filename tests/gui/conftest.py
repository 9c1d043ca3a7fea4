"""Windows under test keep their settings in a file of their own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from briefer.gui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, library, settings):
    win = MainWindow(library, settings=settings)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    # Shortcuts such as Ctrl+E reach only the active window.
    qtbot.waitUntil(win.isActiveWindow, timeout=5_000)
    yield win
    win.worker.wait(10_000)


@pytest.fixture
def app_window(qtbot, tmp_path, settings):
    """The window as briefer.gui.app.run builds it: locked library, attached session."""
    from briefer.core.library import Library
    from briefer.gui.app import LibrarySession
    from briefer.gui.main_window import MainWindow

    library = Library.open(tmp_path / "main.briefer", lock=True)
    window = MainWindow(library, settings=settings)
    qtbot.addWidget(window)
    window.attach_session(LibrarySession(library, window))
    window.show()
    yield window
    window.worker.wait(10_000)
    window.session.wait()
    window.session.close()
