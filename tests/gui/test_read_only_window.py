"""Issue 10, part 3: a window on a library open elsewhere is read-only, says so, and
offers to write again once the other Briefer lets go."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from briefer.core.library import Library
from briefer.gui.main_window import MainWindow
from tests.conftest import make_source


@pytest.fixture
def other_briefer(tmp_path):
    """The library held, for writing, by another Briefer."""
    writer = Library.open(tmp_path / "shared.briefer", lock=True)
    make_source(writer, "Held elsewhere")
    writer.briefs.create("Weekly Iraq")
    yield writer
    writer.close()


@pytest.fixture
def ro_window(qtbot, other_briefer, settings, monkeypatch):
    def no_dialogs(*args, **kwargs):
        raise AssertionError(f"a read-only window asked: {args[1:3]}")

    for name in ("warning", "question", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(no_dialogs))
    library = Library.open(other_briefer.path, read_only=True)
    window = MainWindow(library, settings=settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.worker.wait(10_000)
    window.library.close()


def writes(window):
    return [
        window.action("import_files"), window.action("import_folder"),
        window.action("paste_article"),
        window.action("cut_excerpt"), window.action("cut_exact"), window.briefs.actions.new_brief,
        window.action("manage_tags"),
        window.action("delete_source"), window.action("rebuild_index"), window.briefs.actions.save,
        window.briefs.actions.insert_excerpt,
    ]  # fmt: skip


def test_every_action_that_writes_is_disabled_and_a_bar_says_why(ro_window):
    assert not any(action.isEnabled() for action in writes(ro_window))
    text = ro_window.messages.texts()["read-only"]
    assert f"process {os.getpid()}" in text and "since" in text
    assert ro_window.messages.isVisible()
    assert not ro_window.messages.bar("read-only").buttons["Reopen Writable"].isEnabled()
    assert ro_window.windowTitle().endswith("(read-only)")


def test_a_selection_does_not_enable_writes_again(qtbot, ro_window):
    ro_window.library_page.sources_view.selectRow(0)
    assert ro_window.library_page.selected_source_ids()
    assert not ro_window.library_page.delete_action.isEnabled()
    assert not ro_window.library_page.tag_button.isEnabled()


def test_a_read_only_window_refuses_to_take_text(qtbot, ro_window, other_briefer):
    brief = other_briefer.briefs.list()[0]
    tab = ro_window.briefs.open_brief(brief.id)
    qtbot.waitUntil(lambda: tab.version is not None, timeout=10_000)
    before = tab.editor.toPlainText()
    tab.editor.setFocus()
    qtbot.keyClicks(tab.editor, "Typed into a read-only brief")
    qtbot.keyClick(tab.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.title_field, "more")
    assert tab.editor.toPlainText() == before
    assert tab.title_field.text() == "Weekly Iraq"
    assert not tab.dirty and tab.save_state.text() == "Read-only"
    assert not tab._autosave.isActive()  # no save is tried, so none is retried


def test_the_details_form_of_a_read_only_window_takes_no_grade(qtbot, ro_window):
    source = ro_window.library.sources.list()[0]
    tab = ro_window.sources.open_source(source.id)
    assert not tab.details.reliability.isEnabled()
    assert tab.details.title.isReadOnly()
    qtbot.keyClicks(tab.details.title, "x")
    assert not tab.details.dirty


def test_a_read_only_window_quits_at_once(qtbot, ro_window, other_briefer):
    tab = ro_window.briefs.open_brief(other_briefer.briefs.list()[0].id)
    qtbot.waitUntil(lambda: tab.version is not None, timeout=10_000)
    qtbot.keyClicks(tab.editor, "x")
    assert ro_window.close()  # no question, no retried save


def test_reopen_writable_once_the_other_briefer_closes(qtbot, ro_window, other_briefer):
    other_briefer.close()
    ro_window.libraries.read_only_mode.watcher.poll()
    bar = ro_window.messages.bar("read-only")
    assert "has closed" in bar.text()
    bar.buttons["Reopen Writable"].click()
    assert not ro_window.library.read_only
    assert "read-only" not in ro_window.messages.texts()
    assert ro_window.action("import_files").isEnabled()
    assert ro_window.library.writer_lock is not None
    tab = ro_window.sources.open_source(ro_window.library.sources.list()[0].id)
    tab.details.reliability.setCurrentIndex(tab.details.reliability.findData("B"))
    assert tab.flush()
    assert ro_window.library.sources.list()[0].reliability == "B"


def test_reopen_writable_gives_the_window_a_writable_session(
    qtbot, other_briefer, settings, monkeypatch
):
    from briefer.gui.app import LibrarySession

    library = Library.open(other_briefer.path, read_only=True)
    window = MainWindow(library, settings=settings)
    qtbot.addWidget(window)
    window.attach_session(LibrarySession(library, window))
    window.show()
    window.session.start()
    restore = window.libraries.session_actions[1]
    assert not restore.isEnabled()
    other_briefer.close()
    window.libraries.read_only_mode.watcher.poll()
    assert window.libraries.reopen_writable() is window.library
    assert window.session.library is window.library and window.session.scheduler is not None
    assert restore.isEnabled()
    assert library._closed
    window.session.wait()
    window.session.close()


def test_opening_a_held_library_read_only_from_the_file_menu(
    qtbot, tmp_path, other_briefer, settings, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from briefer.gui import opening
    from briefer.gui.session import LibrarySession

    mine = Library.open(tmp_path / "mine.briefer", lock=True)
    window = MainWindow(mine, settings=settings)
    qtbot.addWidget(window)
    window.attach_session(LibrarySession(mine, window))
    window.show()
    monkeypatch.setattr(opening, "ask_read_only", lambda error, parent: True)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName",
        staticmethod(lambda *a, **k: (str(other_briefer.path), "")),
    )  # fmt: skip
    window.action("open_library").trigger()
    assert window.library.read_only and window.library.path == other_briefer.path
    assert "read-only" in window.messages.texts()
    assert not window.action("import_files").isEnabled()
    window.worker.wait(10_000)
    window.session.wait()
    window.session.close()


def test_a_file_made_read_only_opens_a_read_only_window_saying_why(qtbot, tmp_path, settings):
    """Issue 14, item 7: the analyst's read-only file is honoured, and the bar says why."""
    path = tmp_path / "kept.briefer"
    with Library.open(path) as lib:
        make_source(lib, "Kept as it is")
    os.chmod(path, 0o444)
    library = Library.open(path, lock=True)
    assert library.read_only and library.writer_lock is None
    window = MainWindow(library, settings=settings)
    qtbot.addWidget(window)
    window.show()
    try:
        assert not any(action.isEnabled() for action in writes(window))
        text = window.messages.texts()["read-only"]
        assert "permissions do not allow writing" in text
        assert not window.messages.bar("read-only").buttons["Reopen Writable"].isEnabled()
    finally:
        window.worker.wait(10_000)
        window.library.close()
    assert path.stat().st_mode & 0o777 == 0o444


def test_a_source_or_brief_in_front_enables_no_write_in_a_read_only_window(
    qtbot, ro_window, other_briefer
):
    (source,) = ro_window.library.sources.list()
    ro_window.sources.open_source(source.id)
    assert not ro_window.action("cut_excerpt").isEnabled()
    assert not ro_window.action("cut_exact").isEnabled()
    (brief,) = ro_window.library.briefs.list()
    ro_window.briefs.open_brief(brief.id)
    assert ro_window.action("export_word").isEnabled()  # reading is allowed
    assert not any(action.isEnabled() for action in writes(ro_window))
