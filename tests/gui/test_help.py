"""The user guide (docs/guide/) and the help window F1 opens (issue 12, Help)."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

from briefer.gui import help_pages
from briefer.gui.dialogs.help_window import HelpWindow, context_of, menu_shortcuts, show_help
from briefer.gui.help_pages import CONTEXT_PAGES, ORDER, SHORTCUTS_MARK, load_pages
from briefer.resources import guide_dir

KEYS = re.compile(r"\b(?:Ctrl|Alt|Shift)(?:\+(?:Ctrl|Alt|Shift))*\+(?:F\d+|[A-Z0-9])\b")


def test_every_page_is_listed_titled_and_written():
    pages = load_pages()
    assert [p.id for p in pages] == list(ORDER)
    assert {p.stem for p in guide_dir().glob("*.md")} == set(ORDER)
    for page in pages:
        assert page.title and page.title != page.id
        assert len(page.text.split()) > 80 or page.id == "shortcuts", page.id
        assert not re.search(r"\b(TODO|TBD|lorem|placeholder)\b", page.text, re.I), page.id
    assert {"import", "excerpt", "grade", "search", "briefs", "export", "backups"} <= set(ORDER)


def test_links_between_pages_name_real_pages():
    ids = set(ORDER)
    for page in load_pages():
        for target in re.findall(r"\]\(([^)]+)\)", page.text):
            assert target.removesuffix(".md") in ids, (page.id, target)


def test_every_context_opens_a_real_page():
    assert set(CONTEXT_PAGES.values()) <= set(ORDER)
    assert help_pages.page_for_context("nonsense") == help_pages.START
    assert help_pages.page_for_context("export") == "export"


def test_only_the_shortcuts_page_is_generated_and_it_lists_what_it_is_given():
    pages = {p.id: p for p in load_pages()}
    assert [i for i, p in pages.items() if SHORTCUTS_MARK in p.text] == ["shortcuts"]
    given = [("File › Import Folder…", "Ctrl+Alt+I")]
    filled = help_pages.with_shortcuts(pages["shortcuts"], given)
    assert "| File › Import Folder… | Ctrl+Alt+I |" in filled.text
    assert SHORTCUTS_MARK not in filled.text


def test_the_window_shows_a_page_and_follows_links(qtbot):
    window = show_help("export", None)
    qtbot.addWidget(window)
    assert window.current_id == "export"
    assert "Exporting to Word and PDF" in window.page_text()
    assert window.page_list.currentItem().text() == "Exporting to Word and PDF"
    window.browser.anchorClicked.emit(QUrl("backups.md"))
    assert window.current_id == "backups"
    window.browser.anchorClicked.emit(QUrl("https://example.com/x.md/elsewhere"))
    assert window.current_id == "backups"  # nothing outside the guide opens


def test_search_keeps_the_pages_holding_every_word_and_marks_them(qtbot):
    window = HelpWindow()
    qtbot.addWidget(window)
    window.show_page("start")
    window.search_field.setText("restore backup")
    visible = window.visible_pages()
    assert "backups" in visible and "grade" not in visible
    assert window.current_id in visible
    assert window.marked > 0 and not window.no_match.isVisible()
    window.search_field.setText("zanzibarquux")
    assert window.visible_pages() == [] and not window.no_match.isHidden()
    window.search_field.clear()
    assert window.visible_pages() == list(ORDER)


def test_f1_opens_the_page_for_what_has_focus(window, qtbot, library, add_source):
    src = add_source("Strikes", body="The strikes aimed to degrade the groups.")
    excerpt = library.excerpts.add(src.id, 4, 11)
    window.show()
    qtbot.waitExposed(window)
    window.excerpts_panel.show_excerpts("Excerpts", [excerpt])
    window.excerpts_panel.view.setFocus()
    assert context_of(window.excerpts_panel.view) == "excerpts"
    window.action("help").trigger()
    helper = window.findChild(HelpWindow)
    assert helper is not None and helper.isVisible()
    assert helper.current_id == "excerpt"
    # A second F1 reuses the window and moves it to the new page.
    window.library_page.search_box.field.setFocus()
    assert context_of(QApplication.focusWidget()) == "search"
    window.action("help").trigger()
    assert window.findChildren(HelpWindow) == [helper] and helper.current_id == "search"


def test_the_shortcuts_page_is_the_windows_own(window):
    listed = dict(menu_shortcuts(window.menuBar()))
    assert listed["File › Import Folder…"] == "Ctrl+Alt+I"  # Help once said Ctrl+Shift+I
    assert "F1" in listed["Help › Briefer Help"].split(", ")
    window.action("help").trigger()
    helper = window.findChild(HelpWindow)
    helper.show_page("shortcuts")
    assert "File › Import Folder" in helper.page_text() and "Ctrl+Alt+I" in helper.page_text()


def test_every_shortcut_the_guide_names_is_real(window):
    """The guide names shortcuts in its prose: each must be one the window has."""
    real = {k for _text, keys in menu_shortcuts(window.menuBar()) for k in keys.split(", ")}
    panel = window.excerpts_panel
    for action in (panel.edit_action, panel.copy_action, panel.delete_action):
        real |= {k.toString() for k in action.shortcuts()}
    brief = window.briefs.actions
    real |= {"Ctrl+F", "Ctrl+H", brief.insert_excerpt.shortcut().toString()}
    named = {k for page in load_pages() for k in KEYS.findall(page.text)}
    assert named and named - real == set()
