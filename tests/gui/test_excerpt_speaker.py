"""The excerpt editor's Speaker field: prefilled from "said X", editable, exported."""

from __future__ import annotations

import zipfile

from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from briefer.export import export_brief
from tests.export.conftest import W, template_path
from tests.gui.test_workbench import activate, select_words
from tests.gui.window_support import settle

BODY = (
    "Talks stalled on Friday.\n\n"
    '"We will respond to every attack," said Hadi al-Amiri, speaking in Baghdad.'
)
QUOTE = "We will respond to every attack,"


def _click_ok(qtbot, editor) -> None:
    ok = editor.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()


def _block_quote_text(path, words: str) -> str:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    for p in root.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if words in text:
            return text
    raise AssertionError(f"{words!r} is not in the export")


def test_edited_speaker_is_saved_and_ends_the_exported_block_quote(
    qtbot, window, library, add_source, tmp_path
):
    source = add_source("Amiri", body=BODY)
    excerpt = library.excerpts.add_quote(source.id, QUOTE, credibility=3)
    assert excerpt.speaker == "Hadi al-Amiri"
    brief = library.briefs.create("Weekly", template="Standard brief")
    library.briefs.add_excerpt(brief.id, "background", excerpt.id)

    window.sources.open_source(source.id)
    assert window.excerpts_panel.select_excerpt(excerpt.id)
    window.excerpts_panel.edit_action.trigger()
    editor = window.excerpts.editor
    assert editor.isVisible()
    assert editor.speaker.text() == "Hadi al-Amiri"  # prefilled
    editor.speaker.clear()
    qtbot.keyClicks(editor.speaker, "  Qais  al-Khazali ")
    editor.credibility.setCurrentIndex(editor.credibility.findData(2))
    _click_ok(qtbot, editor)
    settle(window)

    saved = library.excerpts.get(excerpt.id)
    assert saved.speaker == "Qais al-Khazali"
    assert saved.credibility == 2  # saved in the same update as the other fields
    out = tmp_path / "b.docx"
    export_brief(library, brief.id, out, template=template_path("standard"))
    assert _block_quote_text(out, QUOTE).endswith("— Qais al-Khazali")


def test_emptied_speaker_leaves_the_block_quote_unattributed(
    qtbot, window, library, add_source, tmp_path
):
    source = add_source("Amiri", body=BODY)
    excerpt = library.excerpts.add_quote(source.id, QUOTE)
    brief = library.briefs.create("Weekly", template="Standard brief")
    library.briefs.add_excerpt(brief.id, "background", excerpt.id)
    window.sources.open_source(source.id)
    window.excerpts_panel.select_excerpt(excerpt.id)
    window.excerpts_panel.edit_action.trigger()
    window.excerpts.editor.speaker.clear()
    _click_ok(qtbot, window.excerpts.editor)
    settle(window)
    assert library.excerpts.get(excerpt.id).speaker == ""
    out = tmp_path / "b.docx"
    export_brief(library, brief.id, out, template=template_path("standard"))
    assert "—" not in _block_quote_text(out, QUOTE)


def test_new_excerpt_editor_guesses_the_speaker_and_keeps_a_correction(
    qtbot, window, library, add_source
):
    source = add_source("Amiri", body=BODY)
    tab = window.sources.open_source(source.id)
    activate(qtbot, window)
    select_words(tab, QUOTE)
    tab.reader.setFocus()
    qtbot.keyClick(tab.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    editor = window.excerpts.editor
    assert editor.speaker.text() == "Hadi al-Amiri"
    editor.speaker.setText("H. al-Amiri")
    _click_ok(qtbot, editor)
    settle(window)
    (made,) = library.excerpts.list(source_id=source.id)
    assert made.speaker == "H. al-Amiri"
