"""Help › About shows the version, the library and the licence notices; the app has its
own colour icon."""

from __future__ import annotations

from briefer import __version__
from briefer.gui.about import AboutDialog
from briefer.gui.app import make_app


def test_about_shows_version_library_and_licences(qtbot, window):
    window.action("about").trigger()
    dialog = window.help.about_box
    assert isinstance(dialog, AboutDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert f"Briefer {__version__}" in dialog.title.text()
    assert str(window.library.path) in dialog.library.text()
    notices = dialog.notices.toPlainText()
    lines = notices.splitlines()
    assert any(line.startswith("PySide6") and "LGPL-3.0" in line for line in lines)
    assert any(line.startswith("SQLAlchemy") and "MIT" in line for line in lines)
    assert any(line.startswith("trafilatura") and "Apache-2.0" in line for line in lines)
    assert any(line.startswith("Python ") for line in lines)
    assert any(line.startswith("SQLite ") for line in lines)
    assert "GNU Lesser General Public License" in notices
    dialog.close()


def test_the_window_and_the_app_carry_the_colour_icon(qtbot, window):
    sizes = {(s.width(), s.height()) for s in window.windowIcon().availableSizes()}
    assert {(16, 16), (48, 48), (256, 256)} <= sizes
    app = make_app()
    assert not app.windowIcon().isNull()
    assert app.desktopFileName() == "io.github.briefer.Briefer"
