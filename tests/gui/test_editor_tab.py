"""The brief tab: details, autosave that survives a failing disk, find and replace,
formatting commands, the navigator's model and the Brief menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from briefer.core import document as bdoc
from briefer.core.errors import BrieferError
from briefer.gui.editor import brief_tab
from briefer.gui.editor.actions import BriefActions

pytest_plugins = ["tests.gui.editor_support"]


def test_details_save_and_a_failed_save_keeps_the_text_and_retries(
    qtbot, library, open_tab, monkeypatch
):
    brief = library.briefs.create("Water in Basra", template="One-pager")
    tab = open_tab(brief.id)
    tab.title_field.setText("Water and salt in Basra")
    tab.title_field.textEdited.emit(tab.title_field.text())
    tab.marking_box.setCurrentText("OFFICIAL-SENSITIVE")
    tab.status_box.setCurrentIndex(tab.status_box.findData("in review"))
    with qtbot.waitSignal(tab.title_changed, timeout=5_000):
        tab.save_now()
    saved = library.briefs.get(brief.id)
    assert (saved.title, saved.marking, saved.status) == (
        "Water and salt in Basra", "OFFICIAL-SENSITIVE", "in review",
    )  # fmt: skip

    # The disk fills up: the save fails, the text stays, a bar says so, nothing is modal.
    real_save = library.briefs.save_body
    calls = {"n": 0}

    def full_disk(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise BrieferError("the disk holding the library is full")
        return real_save(*args, **kwargs)

    monkeypatch.setattr(library.briefs, "save_body", full_disk)
    monkeypatch.setattr(brief_tab, "RETRY_MS", 200)
    tab.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(tab.editor, "Salinity keeps rising.")
    tab.save_now()
    qtbot.waitUntil(lambda: "Not saved" in tab.message_bar.text(), timeout=5_000)
    assert "disk holding the library is full" in tab.message_bar.text()
    assert "Salinity keeps rising." in tab.editor.toPlainText()
    # The next timer tries again and succeeds; the bar goes away.
    qtbot.waitUntil(
        lambda: "Salinity keeps rising." in bdoc.plain_text(library.briefs.get(brief.id).body),
        timeout=5_000,
    )
    qtbot.waitUntil(lambda: not tab.message_bar.isVisible(), timeout=5_000)
    assert calls["n"] >= 2


def test_autosave_waits_for_a_pause_and_versions_are_kept_every_interval(
    qtbot, library, open_tab, monkeypatch
):
    brief = library.briefs.create("Budget talks")
    monkeypatch.setattr(brief_tab, "SNAPSHOT_SECONDS", 0.0)
    tab = open_tab(brief.id)
    tab.editor.setFocus()
    qtbot.keyClicks(tab.editor, "Talks resume")
    assert library.briefs.get(brief.id).body["blocks"] == []  # not at every key
    qtbot.waitUntil(
        lambda: bdoc.plain_text(library.briefs.get(brief.id).body) == "Talks resume",
        timeout=brief_tab.AUTOSAVE_MS + 3_000,
    )
    qtbot.waitUntil(lambda: len(library.briefs.revisions(brief.id)) == 1, timeout=3_000)
    assert library.briefs.revisions(brief.id)[0].note == "Kept automatically while editing"


def test_closing_the_tab_saves_without_asking(qtbot, library, open_tab):
    brief = library.briefs.create("Closing")
    tab = open_tab(brief.id)
    qtbot.keyClicks(tab.editor, "Last words")
    assert tab.dirty
    tab.close()
    assert bdoc.plain_text(library.briefs.get(brief.id).body) == "Last words"


def test_find_and_replace_all_is_one_undo_step_and_spares_markers(
    qtbot, library, open_tab, excerpts
):
    body = {"blocks": [bdoc.paragraph("Iraq and iraq", bdoc.citation(excerpts[0].id)),
                       bdoc.paragraph("IRAQ again")]}  # fmt: skip
    brief = library.briefs.create("Find", body=body)
    tab = open_tab(brief.id)
    tab.replace()
    tab.find_bar.find_field.setText("iraq")
    tab.find_bar.replace_field.setText("Syria")
    assert tab.find_bar.replace_all() == 3
    assert tab.editor.body()["blocks"] == [
        bdoc.paragraph("Syria and Syria", bdoc.citation(excerpts[0].id)),
        bdoc.paragraph("Syria again"),
    ]
    tab.editor.undo()
    assert tab.editor.body() == bdoc.normalize(body)
    tab.find_bar.case_box.setChecked(True)
    assert tab.find_bar.find_next()
    assert tab.editor.textCursor().selectedText() == "iraq"


def test_formatting_commands_give_the_structure(qtbot, library, open_tab):
    brief = library.briefs.create("Formats")
    tab = open_tab(brief.id)
    editor = tab.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Heading")
    editor.style_actions[2].trigger()  # Heading 2
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # after a heading comes a paragraph
    qtbot.keyClicks(editor, "Point one")
    editor.bullets_action.trigger()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # nest
    qtbot.keyClicks(editor, "Detail")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # an empty item steps out a level
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # and out of the list
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "slanted")
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " plain")
    editor.style_actions[4].trigger()  # Quote
    editor.rtl_action.trigger()
    blocks = editor.body()["blocks"]
    assert blocks[0] == {"type": "heading", "level": 2, "content": [bdoc.text("Heading")]}
    assert blocks[1] == {"type": "list", "ordered": False, "items": [
        {"content": [bdoc.text("Point one")], "children": [
            {"type": "list", "ordered": False, "items": [{"content": [bdoc.text("Detail")]}]}]},
    ]}  # fmt: skip
    assert len(blocks) == 3
    quote = [bdoc.text("slanted", "italic"), bdoc.text(" plain")]
    assert blocks[-1] == {"type": "quote", "dir": "rtl", "content": quote}
    # Bold inside a heading survives (a heading's own weight is not the bold mark).
    cursor = QTextCursor(editor.document().begin())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.bold_action.trigger()
    assert editor.body()["blocks"][0]["content"] == [bdoc.text("Heading", "bold")]
    editor.set_link("https://example.org")
    assert editor.body()["blocks"][0]["content"] == [
        bdoc.text("Heading", "bold", link="https://example.org")
    ]
    with pytest.raises(ValueError, match="Link refused"):
        editor.set_link("javascript:alert(1)")
    assert editor.body()["blocks"][0]["content"][0]["link"] == "https://example.org"


def test_brief_menu_acts_on_the_tab_in_front(qtbot, library, open_tab):
    host = QWidget()
    qtbot.addWidget(host)
    actions = BriefActions(host)
    labels = [a.text() if a else "-" for a in actions.actions()]
    assert labels == ["&New Brief…", "-", "&Save", "Save &Version…", "&History…", "-",
                      "&Insert Excerpt…", "-", "&Find…", "&Replace…", "-",
                      "&Tradecraft Checks"]  # fmt: skip
    assert actions.save.shortcut().toString() == "Ctrl+S"
    assert actions.insert_excerpt.shortcut().toString() == "Ctrl+Shift+I"
    assert not actions.save.isEnabled()
    brief = library.briefs.create("Menu")
    tab = open_tab(brief.id)
    actions.set_tab(tab)
    qtbot.keyClicks(tab.editor, "Saved by Ctrl+S")
    actions.save.trigger()
    qtbot.waitUntil(
        lambda: bdoc.plain_text(library.briefs.get(brief.id).body) == "Saved by Ctrl+S",
        timeout=3_000,
    )
    actions.find.trigger()
    assert tab.find_bar.isVisible() and not tab.find_bar.replace_field.isVisible()
