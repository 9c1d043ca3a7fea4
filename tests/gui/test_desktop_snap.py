"""Cutting an excerpt snaps the selection to whole words; Shift cuts exactly (issue 12)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.window_support import settle

BODY = "The strikes began on Thursday. The ministry said little.\n\nSecond paragraph."


def cut(qtbot, window, library, add_source, modifiers):
    source = add_source("Strikes", body=BODY)
    window.sources.open_source(source.id)
    tab = window.tabs.current_source_tab()
    end = BODY.index("The ministry") + 1  # one letter into the next word
    tab.reader.select_span(0, end)
    tab.reader.setFocus()
    qtbot.keyClick(tab.reader, Qt.Key.Key_E, modifiers)
    editor = window.excerpts.editor
    assert editor is not None and editor.isVisible()
    editor.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    settle(window)
    (excerpt,) = library.excerpts.list(source_id=source.id)
    return excerpt


def test_ctrl_e_drops_a_letter_of_the_next_word(qtbot, window, library, add_source):
    excerpt = cut(qtbot, window, library, add_source, Qt.KeyboardModifier.ControlModifier)
    assert excerpt.text == "The strikes began on Thursday."
    assert (excerpt.start, excerpt.end) == (0, len("The strikes began on Thursday."))


def test_ctrl_alt_e_cuts_exactly_as_selected(qtbot, window, library, add_source):
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    excerpt = cut(qtbot, window, library, add_source, mods)
    assert excerpt.text == "The strikes began on Thursday. T"
