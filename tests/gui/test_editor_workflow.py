"""Issue 5's walk through: a brief from a template, typed, formatted, cited by drag and
by the picker, paragraphs moved, saved by itself, reopened identical, version restored."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow

from briefer.core import document as doc
from briefer.gui.editor.actions import BriefActions
from briefer.gui.editor.markers import source_entries
from briefer.gui.editor.new_brief_dialog import NewBriefDialog
from briefer.gui.editor.picker import ExcerptPicker
from briefer.gui.models.excerpts_model import excerpt_mime_data

pytest_plugins = ["tests.gui.editor_support"]


def new_brief_from_template(qtbot, library, worker, title="Strikes in Iraq") -> int:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewBriefDialog)
        dialog.title_field.setText(title)
        dialog.template_box.setCurrentIndex(dialog.template_box.findText("Standard brief"))
        dialog.marking_box.setCurrentText("tlp amber")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    brief_id = NewBriefDialog.create_brief(None, library, worker)
    assert brief_id is not None
    return brief_id


def go_to_section_text(tab, heading: str) -> QTextCursor:
    """The cursor at the end of the block after a heading (the template's empty line)."""
    block = tab.editor.document().begin()
    while block.isValid() and block.text() != heading:
        block = block.next()
    cursor = QTextCursor(block.next())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    tab.editor.setTextCursor(cursor)
    return cursor


def drop(qtbot, editor, mime: QMimeData, cursor: QTextCursor) -> None:
    point = QPointF(editor.cursorRect(cursor).center())
    actions = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = editor.viewport()
    for event in (
        QDragEnterEvent(point.toPoint(), actions, mime, buttons, mods),
        QDragMoveEvent(point.toPoint(), actions, mime, buttons, mods),
        QDropEvent(point, actions, mime, buttons, mods),
    ):
        QApplication.sendEvent(viewport, event)


def test_compose_a_brief_end_to_end(qtbot, library, worker, excerpts, open_tab):
    brief_id = new_brief_from_template(qtbot, library, worker)
    created = library.briefs.get(brief_id)
    assert created.template == "Standard brief" and created.marking == "TLP:AMBER"
    tab = open_tab(brief_id)
    editor = tab.editor
    assert tab.title_field.text() == "Strikes in Iraq"
    assert editor.body() == created.body

    # Type and format in the BLUF.
    go_to_section_text(tab, "BLUF")
    editor.setFocus()
    qtbot.keyClicks(editor, "Strikes will ")
    editor.bold_action.trigger()
    qtbot.keyClicks(editor, "not")
    editor.bold_action.trigger()
    qtbot.keyClicks(editor, " stop the attacks.")
    bluf = editor.body()["blocks"][1]
    assert bluf["content"] == [doc.text("Strikes will "), doc.text("not", "bold"),
                               doc.text(" stop the attacks.")]  # fmt: skip

    # Drag an excerpt from the excerpts panel into Background: a block quote + marker.
    cursor = go_to_section_text(tab, "Background")
    drop(qtbot, editor, excerpt_mime_data([excerpts[1]]), cursor)
    qtbot.waitUntil(lambda: editor.citations() == [excerpts[1].id], timeout=5_000)

    # Ctrl+Shift+I: search as you type, insert inline into the BLUF paragraph.
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = BriefActions(window)
    actions.set_tab(tab)
    window.show()
    go_to_section_text(tab, "BLUF")

    def pick() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, ExcerptPicker)
        qtbot.keyClicks(picker.query, "degrade")
        qtbot.waitUntil(lambda: len(picker.records) == 1, timeout=5_000)
        picker.mode_buttons["inline"].setChecked(True)
        picker.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, pick)
    actions.insert_excerpt.trigger()
    assert editor.citations() == [excerpts[0].id, excerpts[1].id]
    bluf = editor.body()["blocks"][1]["content"]
    assert bluf[-2:] == [doc.text(" stop the attacks.“" + excerpts[0].text + "”"),
                         doc.citation(excerpts[0].id)]  # fmt: skip
    background = editor.body()["blocks"][5]
    assert background == {"type": "quote", "content": [doc.text(excerpts[1].text),
                                                        doc.citation(excerpts[1].id)]}  # fmt: skip

    # Move the Background quotation above the BLUF paragraph: markers renumber.
    quote_block = next(b for b in blocks(editor) if b.text().startswith("Negotiators"))
    first_marker = editor.index.positions()[0]
    assert editor.index.number_at(first_marker) == 1
    cut = QTextCursor(quote_block)
    cut.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cut)
    editor.cut()
    bluf_block = next(b for b in blocks(editor) if b.text().startswith("Strikes will"))
    editor.setTextCursor(QTextCursor(bluf_block))
    editor.paste()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.citations() == [excerpts[1].id, excerpts[0].id]
    numbers = {editor.index.excerpt_at(p): editor.index.number_at(p)
               for p in editor.index.positions()}  # fmt: skip
    assert numbers == {excerpts[1].id: 1, excerpts[0].id: 2}
    qtbot.waitUntil(lambda: all(editor.store.get(e.id) for e in excerpts[:2]), timeout=5_000)
    sources = source_entries(editor.index, editor.store)
    assert sources[0].startswith("1.  Kurdistan24") and sources[1].startswith("2.  Rudaw")

    # Autosave reaches the library without Ctrl+S.
    typed = editor.body()
    qtbot.waitUntil(lambda: library.briefs.get(brief_id).body == typed, timeout=6_000)
    assert library.briefs.citations(brief_id) == [excerpts[1].id, excerpts[0].id]
    qtbot.waitUntil(lambda: not tab.dirty and not tab.busy, timeout=5_000)
    assert tab.save_state.text() == "Saved"

    # Reopened, the brief is identical.
    again = open_tab(brief_id)
    assert again.editor.body() == typed
    assert again.editor.toPlainText() == editor.toPlainText()
    assert again.marking_box.currentText() == "TLP:AMBER"

    # Versions: keep this one, change the text, restore it.
    tab.save_version("before the outlook")
    qtbot.waitUntil(lambda: len(library.briefs.revisions(brief_id)) == 1, timeout=5_000)
    go_to_section_text(tab, "Outlook")
    qtbot.keyClicks(editor, "Escalation is unlikely.")
    tab.save_now()
    changed = editor.body()
    qtbot.waitUntil(lambda: library.briefs.get(brief_id).body == changed, timeout=5_000)
    history = tab.show_history()
    qtbot.waitUntil(lambda: history.list.count() == 1, timeout=5_000)
    assert "before the outlook" in history.list.item(0).text()
    qtbot.waitUntil(lambda: history.preview.body() == typed, timeout=5_000)
    history.restore_button.click()
    qtbot.waitUntil(lambda: library.briefs.get(brief_id).body == typed, timeout=5_000)
    qtbot.waitUntil(lambda: editor.body() == typed, timeout=5_000)
    notes = [r.note for r in library.briefs.revisions(brief_id)]
    assert notes[0].startswith("before restoring") and "before the outlook" in notes
    kept = library.briefs.revision(library.briefs.revisions(brief_id)[0].id)
    assert kept.body == changed  # the text replaced by the restore is a version too


def blocks(editor):
    block = editor.document().begin()
    while block.isValid():
        yield block
        block = block.next()
