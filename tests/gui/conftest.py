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
