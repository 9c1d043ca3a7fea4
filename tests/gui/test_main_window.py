"""The main window driven as a user would."""

from PySide6.QtWidgets import QFileDialog

from briefer.gui.main_window import MainWindow
from tests.conftest import SAMPLE
from tests.gui.window_support import wait_for_import_report


def test_empty_library_shows_how_to_start(qtbot, library):
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    assert window.library_page.pages.currentWidget() is window.library_page.first_run
    assert window.library_page.first_run.files_button.isVisible()
    assert "0 sources" in window.statusBar().currentMessage()


def test_import_from_the_menu_lists_the_source(qtbot, library, monkeypatch):
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(SAMPLE)], ""))
    )
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "&Import Files…")
    action.trigger()
    qtbot.waitUntil(lambda: window.library_page.sources_model.total == 1, timeout=20_000)
    assert window.library_page.pages.currentWidget() is window.library_page.sources_view
    title = window.library_page.sources_model.data(window.library_page.sources_model.index(0, 0))
    assert title == "Pentagon sending ‘clear message’ with strikes on Iraqi armed groups"
    assert (
        "1 source" in window.statusBar().currentMessage()
        or "Import" in window.statusBar().currentMessage()
    )
    assert library.sources.count() == 1


def test_failed_import_is_reported_not_raised(qtbot, library, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.imports.import_paths([bad])
    box = wait_for_import_report(qtbot, window, timeout=20_000)
    assert "1 failed" in box.text()
    assert "empty.txt" in box.details.text()  # named in the message itself
    assert library.sources.count() == 0


def test_the_navigator_fills_once_the_window_is_painted(qtbot, library):
    """Issue 16: the first screen is the table; the navigator's lists (briefs, tags,
    saved searches) are read after the first paint, and they are read."""
    library.briefs.create("Weekly brief")
    window = MainWindow(library)
    qtbot.addWidget(window)
    nav = window.navigator
    assert not window.started
    assert nav.child_labels(nav.briefs_item) == []
    window.show()
    qtbot.waitUntil(lambda: window.started, timeout=10_000)
    assert nav.child_labels(nav.briefs_item) == ["Weekly brief"]
    assert "0 sources" in window.statusBar().currentMessage()
