"""Toolbar Undo/Redo follow the focused editor; their text does not grow (issue 12)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton


def wait_loaded(qtbot, tab):
    qtbot.waitUntil(lambda: tab.version is not None, timeout=10_000)


def focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=5_000)


def test_undo_follows_the_brief_editor_in_focus(qtbot, window, library):
    brief = library.briefs.create("Weekly")
    tab = window.briefs.open_brief(brief.id)
    wait_loaded(qtbot, tab)
    editor = tab.editor
    focus(qtbot, editor)
    assert not window.action("undo").isEnabled()  # nothing typed yet: grey
    qtbot.keyClicks(editor, "Baghdad")
    assert window.action("undo").isEnabled()  # Ctrl+Z would work: so does the button
    assert "typing" in window.action("undo").toolTip()
    window.action("undo").trigger()
    assert "Baghdad" not in editor.toPlainText()
    assert window.action("redo").isEnabled()
    window.action("redo").trigger()
    assert "Baghdad" in editor.toPlainText()


def test_undo_follows_a_details_field_then_the_library(qtbot, window, library, add_source):
    source = add_source("Strikes")
    window.sources.open_source(source.id)
    details = window.tabs.current_source_tab().details
    focus(qtbot, details.title)
    assert not window.action("undo").isEnabled()
    qtbot.keyClicks(details.title, " today")
    assert window.action("undo").isEnabled()
    window.action("undo").trigger()
    assert details.title.text() == "Strikes"
    # Focus outside any text field: back to the library's stack (empty here).
    focus(qtbot, window.tabs.current_source_tab().reader)
    assert window.action("undo").isEnabled() == window.undo_stack.canUndo()


def test_toolbar_undo_keeps_its_width_and_names_the_item_in_the_tooltip(
    qtbot, window, library, add_source
):
    button = window.toolbar.widgetForAction(window.action("undo"))
    assert isinstance(button, QToolButton)
    source = add_source("A very long title of an article that would widen the toolbar button")
    window.refresh()
    window.search.show_sources()
    window.library_page.sources_view.selectRow(window.library_page.sources_model.row_of(source.id))
    focus(qtbot, window.library_page.sources_view)
    before = button.sizeHint().width()
    window.library_page.delete_action.trigger()
    qtbot.waitUntil(window.action("undo").isEnabled, timeout=5_000)
    assert window.action("undo").text() == "&Undo"
    assert "A very long title" in window.action("undo").toolTip()
    assert button.sizeHint().width() == before
    assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
