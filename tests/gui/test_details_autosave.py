"""Issue 10, part 2: the details form saves itself, with Undo, and nothing unsaved is
closed or quit away silently."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def opened(window, add_source):
    source = add_source("Pentagon briefing")
    return source, window.sources.open_source(source.id)


def grade(form, letter: str) -> None:
    form.reliability.setCurrentIndex(form.reliability.findData(letter))


def test_a_grade_set_and_the_tab_closed_at_once_is_in_the_library(window, library, opened):
    source, tab = opened
    grade(tab.details, "B")
    window.action("close_tab").trigger()  # Ctrl+W, at once
    assert window.tabs.source_tab(source.id) is None
    assert library.sources.get(source.id).reliability == "B"


def test_a_field_saves_when_the_analyst_leaves_it_and_shows_unsaved_meanwhile(
    qtbot, window, library, opened
):
    source, tab = opened
    form = tab.details
    form.outlet.setFocus()
    qtbot.keyClicks(form.outlet, "Rudaw")
    assert form.state == "edited" and form.dirty
    index = window.tabs.indexOf(tab)
    assert window.tabs.tabText(index).startswith("● ")
    assert library.sources.get(source.id).outlet == ""  # not yet
    qtbot.keyClick(form.outlet, Qt.Key.Key_Tab)  # leave the field
    qtbot.waitUntil(lambda: library.sources.get(source.id).outlet == "Rudaw", timeout=5_000)
    qtbot.waitUntil(lambda: form.state == "saved", timeout=5_000)
    assert not window.tabs.tabText(index).startswith("● ")


def test_notes_save_after_a_pause_in_typing(qtbot, window, library, opened):
    source, tab = opened
    tab.details.notes.setFocus()
    qtbot.keyClicks(tab.details.notes, "Check against CENTCOM")
    qtbot.waitUntil(
        lambda: library.sources.get(source.id).notes == "Check against CENTCOM", timeout=10_000
    )


def test_saves_run_on_the_worker_not_the_gui_thread(window, library, opened, monkeypatch):
    _source, tab = opened
    threads = []
    update = library.sources.update

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return update(*args, **kwargs)

    monkeypatch.setattr(library.sources, "update", recording)
    grade(tab.details, "C")
    assert tab.flush()
    assert threads and threading.main_thread() not in threads


def test_undo_puts_the_old_grade_back_and_redo_sets_it_again(qtbot, window, library, opened):
    source, tab = opened
    grade(tab.details, "A")
    assert tab.flush()
    # A fixed text (issue 12): the item is named in the tooltip.
    assert window.action("undo").text() == "&Undo"
    assert window.action("undo").toolTip().startswith("Undo Edit grade")
    window.action("undo").trigger()
    window.worker.wait(10_000)
    qtbot.waitUntil(lambda: library.sources.get(source.id).reliability is None, timeout=5_000)
    qtbot.waitUntil(lambda: tab.details.reliability.currentData() == "", timeout=5_000)
    assert tab.details.reliability.currentText().startswith("Ungraded")
    window.action("redo").trigger()
    window.worker.wait(10_000)
    qtbot.waitUntil(lambda: library.sources.get(source.id).reliability == "A", timeout=5_000)


def test_typing_on_while_a_save_runs_is_kept(qtbot, window, library, opened):
    source, tab = opened
    form = tab.details
    form.title.setText("First")
    form.submit()
    form.title.setText("First and second")  # typed before the save came back
    qtbot.waitUntil(lambda: not form.saving, timeout=5_000)
    assert form.title.text() == "First and second"
    assert form.flush()
    assert library.sources.get(source.id).title == "First and second"


def unsaveable(form) -> None:
    form.published.setText("2024-13-45")
    assert not form.flush()


def test_a_tab_whose_details_cannot_be_saved_is_not_closed_silently(
    window, library, opened, monkeypatch
):
    source, tab = opened
    unsaveable(tab.details)
    asked = []

    def answer(choice):
        def warning(*args, **kwargs):
            asked.append(args[2])
            return choice

        return warning

    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Cancel))
    window.action("close_tab").trigger()
    assert window.tabs.source_tab(source.id) is tab
    assert "published" in asked[0]
    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Discard))
    window.action("close_tab").trigger()
    assert window.tabs.source_tab(source.id) is None


def test_quitting_with_details_that_cannot_be_saved_asks_first(window, opened, monkeypatch):
    _source, tab = opened
    unsaveable(tab.details)
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel)
    )
    assert not window.close()
    assert window.isVisible()
    tab.details.published.setText("")
    assert tab.flush()


def test_a_new_source_shows_ungraded_and_the_filter_finds_it(qtbot, window, opened):
    _source, tab = opened
    assert tab.details.reliability.currentText().startswith("Ungraded")
    window.search.show_sources()
    window.library_page.filter_bar.reliability_buttons["F"].setChecked(True)
    qtbot.waitUntil(lambda: window.library_page.sources_model.rowCount() == 0, timeout=5_000)
    window.library_page.filter_bar.reliability_buttons["F"].setChecked(False)
    window.library_page.filter_bar.reliability_buttons["ungraded"].setChecked(True)
    qtbot.waitUntil(lambda: window.library_page.sources_model.rowCount() == 1, timeout=5_000)
    assert window.library_page.filter_bar.reliability_buttons["ungraded"].text() == "?"


def test_details_are_saved_before_another_library_opens(
    window, library, opened, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from briefer.core.library import Library

    source, tab = opened
    tab.details.outlet.setText("Rudaw")  # not yet left, not yet saved
    other = tmp_path / "other.briefer"
    Library.open(other).close()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), ""))
    )
    window.action("open_library").trigger()
    assert window.library.path == other
    assert library.sources.get(source.id).outlet == "Rudaw"


def test_switching_tabs_saves_what_was_typed(qtbot, window, library, opened):
    source, tab = opened
    tab.details.title.setFocus()
    qtbot.keyClick(tab.details.title, Qt.Key.Key_End)
    qtbot.keyClicks(tab.details.title, " (updated)")
    window.search.show_sources()  # the field loses focus with its tab
    # No pause: the save was submitted as the focus left, before any timer.
    assert tab.details.saving
    window.worker.wait(10_000)
    qtbot.waitUntil(lambda: not tab.details.saving, timeout=5_000)
    assert library.sources.get(source.id).title == "Pentagon briefing (updated)"
