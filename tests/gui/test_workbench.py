"""The workbench driven as an analyst would: import, read, cut, grade, tag, find, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from briefer.gui.source_tab import SourceTab
from tests.conftest import SAMPLE
from tests.gui.window_support import settle

CUTS = [
    ("efforts to degrade the capabilities", 2, "aims"),
    ("killing at least 16 Popular Mobilization Forces (PMF) fighters", 3, "casualties"),
    (
        "there are no indications of collateral damage or civilian casualties",
        4,
        "casualties, claims",
    ),
]


def menu_action(window, menu_title: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    return next(a for a in menu.actions() if a.text() == text)


def import_sample(qtbot, window, monkeypatch) -> SourceTab:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(SAMPLE)], ""))
    )
    menu_action(window, "&File", "&Import Files…").trigger()
    qtbot.waitUntil(lambda: window.tabs.current_source_tab() is not None, timeout=20_000)
    activate(qtbot, window)
    return window.tabs.current_source_tab()


def activate(qtbot, window) -> None:
    """The offscreen platform leaves a closed dialog or completer popup "active";
    a real window manager hands activation back to the window, as this does."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def select_words(tab: SourceTab, words: str) -> tuple[int, int]:
    """Select as a mouse would: a cursor over the words in the reader."""
    start = tab.source.body.index(words)
    tab.reader.select_span(start, start + len(words))
    return start, start + len(words)


def cut_with_keyboard(qtbot, window, tab, words, credibility, tags, comment=""):
    select_words(tab, words)
    tab.reader.setFocus()
    qtbot.keyClick(tab.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    editor = window.excerpts.editor
    assert editor is not None and editor.isVisible()
    editor.credibility.setCurrentIndex(editor.credibility.findData(credibility))
    qtbot.keyClicks(editor.tags, tags)
    if comment:
        qtbot.keyClicks(editor.comment, comment)
    ok = editor.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    settle(window)
    activate(qtbot, window)


def test_import_read_cut_grade_tag_find_delete_and_undo(qtbot, window, library, monkeypatch):
    tab = import_sample(qtbot, window, monkeypatch)
    assert tab.reader.toPlainText().startswith("ERBIL, Kurdistan Region")
    (source,) = library.sources.list()
    library.sources.set_reliability(source.id, "B")

    for words, credibility, tags in CUTS:
        cut_with_keyboard(qtbot, window, tab, words, credibility, tags, comment="noted")

    excerpts = library.excerpts.list(source_id=source.id)
    assert [e.text for e in excerpts] == [w for w, _, _ in CUTS]
    body = library.sources.get(source.id).body
    for excerpt, (_, credibility, _) in zip(excerpts, CUTS, strict=True):
        assert body[excerpt.start : excerpt.end] == excerpt.text
        assert excerpt.credibility == credibility and excerpt.comment == "noted"
    assert [e.grade for e in excerpts] == ["B2", "B3", "B4"]
    assert excerpts[2].tags == ("casualties", "claims")
    # The reader highlights all three; the panel lists them with their grades.
    assert len(tab.reader.extraSelections()) == 3
    panel = window.excerpts_panel
    assert [panel.model.data(panel.model.index(r, 0)) for r in range(3)] == ["B2", "B3", "B4"]

    # Found again by search (typed, debounced, run off the GUI thread)...
    window.action("find").trigger()
    assert window.library_page.search_box.field.hasFocus()
    qtbot.keyClicks(window.library_page.search_box.field, "collateral")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    assert panel.model.excerpt_at(0).id == excerpts[2].id
    assert "matching “collateral”" in panel.heading.text()
    hits = window.library_page.hits_model.hits()
    assert {h.kind for h in hits} == {"source", "excerpt"}
    excerpt_hit = next(h for h in hits if h.kind == "excerpt")
    assert excerpt_hit.snippet[slice(*excerpt_hit.highlights[0])].lower() == "collateral"

    # ...and by tag, from the navigator.
    item = window.navigator.find_child(window.navigator.tags_item, "casualties")
    window.navigator.setCurrentItem(item)
    assert [e.id for e in panel.model.excerpts()] == [excerpts[1].id, excerpts[2].id]
    assert window.library_page.sources_model.total == 0  # no source carries the tag itself

    # Delete one from the panel, then Ctrl+Z.
    panel.select_excerpt(excerpts[1].id)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    settle(window)
    assert [e.id for e in library.excerpts.list()] == [excerpts[0].id, excerpts[2].id]
    assert panel.model.rowCount() == 1
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert [e.id for e in library.excerpts.list()] == [e.id for e in excerpts]
    assert library.excerpts.get(excerpts[1].id).tags == ("casualties",)
    assert panel.model.rowCount() == 2
    window.action("redo").trigger()
    settle(window)
    assert len(library.excerpts.list()) == 2


def test_ctrl_e_without_a_selection_says_what_to_do(qtbot, window, add_source):
    source = add_source("Plain", body="Nothing selected here.")
    tab = window.sources.open_source(source.id)
    qtbot.keyClick(tab.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.excerpts.editor is None
    assert "Select words" in window.statusBar().currentMessage()


def test_offsets_survive_emoji_before_the_selection(qtbot, window, library, add_source):
    body = "Rockets 🚀🚀 hit the base 𝄞 at dawn, officials said."
    source = add_source("Astral", body=body)
    tab = window.sources.open_source(source.id)
    # Select "at dawn" with Qt's own positions, counted in UTF-16 units.
    before = tab.reader.toPlainText().split("at dawn")[0]
    start16 = len(before.encode("utf-16-le")) // 2
    assert start16 == body.index("at dawn") + 3  # three astral characters: the counts differ
    cursor = QTextCursor(tab.reader.document())
    cursor.setPosition(start16)
    cursor.setPosition(start16 + len("at dawn"), QTextCursor.MoveMode.KeepAnchor)
    tab.reader.setTextCursor(cursor)
    qtbot.keyClick(tab.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    window.excerpts.editor.accept()
    settle(window)
    (excerpt,) = library.excerpts.list(source_id=source.id)
    assert excerpt.text == "at dawn"
    assert (excerpt.start, excerpt.end) == (body.index("at dawn"), body.index("at dawn") + 7)
    # And the highlight lands on the same words.
    (highlight,) = tab.reader.extraSelections()
    assert highlight.cursor.selectedText() == "at dawn"


def test_clicking_a_highlight_selects_its_excerpt(qtbot, window, library, add_source):
    body = "First words here.\n\nThe strike killed three fighters near the border."
    source = add_source("Click", body=body)
    start = body.index("killed three")
    other = library.excerpts.add(source.id, 0, 5)
    target = library.excerpts.add(source.id, start, start + len("killed three"), credibility=2)
    tab = window.sources.open_source(source.id)
    assert window.excerpts_panel.selected_ids() == []
    reader = tab.reader
    cursor = QTextCursor(reader.document())
    cursor.setPosition(start + 3)
    point = reader.cursorRect(cursor).center()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.excerpts_panel.selected_ids() == [target.id]
    # Editing it is one step: the panel's Edit (Enter) opens the editor on it.
    window.excerpts_panel.edit_action.trigger()
    editor = window.excerpts.editor
    assert editor.credibility.currentData() == 2
    editor.credibility.setCurrentIndex(editor.credibility.findData(1))
    editor.accept()
    settle(window)
    assert library.excerpts.get(target.id).credibility == 1
    assert library.excerpts.get(other.id).credibility == 6


def test_right_to_left_paragraphs_render_right_to_left(window, add_source):
    body = "An English paragraph.\n\nهێرشەکانی ئەمریکا لە عێراق\n\nAnother English one."
    tab = window.sources.open_source(add_source("Mixed", body=body).id)
    blocks = {}
    block = tab.reader.document().begin()
    while block.isValid():
        blocks[block.text()] = block.blockFormat().layoutDirection()
        block = block.next()
    assert blocks["هێرشەکانی ئەمریکا لە عێراق"] == Qt.LayoutDirection.RightToLeft
    assert blocks["An English paragraph."] != Qt.LayoutDirection.RightToLeft


def test_reader_shows_markup_as_text_and_loads_nothing(window, add_source):
    body = 'Look: <img src="http://example.com/x.png"> and <b>bold</b> stay text.'
    tab = window.sources.open_source(add_source("Markup", body=body).id)
    assert tab.reader.toPlainText() == body
    assert "<img" not in tab.reader.toHtml().replace("&lt;img", "")
