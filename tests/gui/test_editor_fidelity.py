"""Issue 13 in the editor: a paraphrase placeholder is flagged until written; a right-
to-left paragraph typed in the editor is stored right-to-left."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

pytest_plugins = ["tests.gui.editor_support"]

ARABIC = "رفضت الحكومة الضربات"


def test_paraphrase_placeholder_is_flagged_until_written(qtbot, library, excerpts, open_tab):
    brief = library.briefs.create("Weekly", template="Standard brief")
    library.briefs.add_excerpt(brief.id, "background", excerpts[0].id)
    library.briefs.add_excerpt(brief.id, "background", excerpts[1].id, paraphrase=True)
    tab = open_tab(brief.id)
    assert tab.message_bar.text().startswith("Paraphrase still to write (block")
    found = tab.editor.document().find(
        "[paraphrase of Kurdistan24, “Erbil talks on the budget resume”]"
    )
    assert not found.isNull()
    found.insertText("Talks resumed in Erbil.")
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        tab.save_now()
    assert tab.message_bar.text() == ""
    body = library.briefs.get(brief.id).body
    para = next(b for b in body["blocks"] if "Talks resumed" in str(b.get("content")))
    assert para["content"][-1] == {"type": "citation", "excerpt": excerpts[1].id}


def test_arabic_typed_in_the_editor_is_stored_right_to_left(qtbot, library, open_tab):
    brief = library.briefs.create("Weekly", template="Standard brief")
    tab = open_tab(brief.id)
    cursor = QTextCursor(tab.editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertBlock()
    cursor.insertText(ARABIC)
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        tab.save_now()
    body = library.briefs.get(brief.id).body
    block = next(b for b in body["blocks"] if ARABIC in str(b.get("content")))
    assert block.get("dir") == "rtl"
