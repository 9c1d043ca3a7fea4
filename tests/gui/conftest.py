"""Windows under test keep their settings in a file of their own, and no test leaves a
key held down for the next one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from briefer.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_key_held_after(qapp):
    """A shortcut test (Ctrl+Shift+E) can leave Shift in the application's modifier
    state, and a later selectRow() then extends a selection from nowhere: release it."""
    yield
    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        QTest.keyRelease(QWidget(), Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)


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
