"""The actions table: one declaration per action, menus and Help built from it (issue 12)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from briefer.gui.actions import (
    ACTIONS,
    MENUS,
    ActionId,
    duplicate_shortcuts,
    menu_entries,
    shortcut_list,
    shortcut_of,
)
from briefer.gui.help_pages import with_shortcuts


def all_actions(window) -> list[QAction]:
    return [a for a in window.findChildren(QAction) if not a.isSeparator() and a.menu() is None]


def test_every_action_of_the_table_is_in_a_menu_and_in_the_help(window):
    in_menus = {id(action) for _path, action in menu_entries(window.menuBar())}
    listed = dict(shortcut_list(window.menuBar()))
    help_text = shortcuts_page(window)
    for spec in ACTIONS:
        action = window.action(spec.id)
        assert id(action) in in_menus, spec.id
        keys = shortcut_of(action)
        if keys:
            assert keys in listed.values(), spec.id
            assert f"| {keys} |" in help_text, spec.id
    assert {spec.id for spec in ACTIONS} == set(ActionId)
    placed = [item for _key, _title, items in MENUS for item in items if item in set(ActionId)]
    assert len(placed) == len(set(placed)) == len(ActionId)  # each action once


def test_no_key_is_given_to_two_actions(window):
    assert duplicate_shortcuts(all_actions(window)) == {}


def shortcuts_page(window) -> str:
    """The guide's list of keys, as F1 from this window writes it."""
    window.help.show_help("shortcuts")
    helper = window.help.help_window
    helper.show_page("shortcuts")
    return with_shortcuts(helper._by_id["shortcuts"], helper.shortcuts).text


def test_help_names_the_keys_the_menus_have(window):
    text = shortcuts_page(window)
    assert "| File › Import Folder | Ctrl+Alt+I |" in text  # Help once said Ctrl+Shift+I
    # the Brief menu's, owned by the editor
    assert "| Brief › Insert Excerpt | Ctrl+Shift+I |" in text


def test_f1_opens_help_at_the_page_of_what_is_in_front(qtbot, window, add_source):
    window.action("help").trigger()
    assert window.help.shown_page == "import"
    source = add_source("Front")
    window.sources.open_source(source.id)
    window.action("help").trigger()
    assert window.help.shown_page == "excerpt"
    window.help.help_window.close()


def test_enabled_when_follows_the_tab_in_front(window, library, add_source):
    cut, export = window.action("cut_excerpt"), window.action("export_word")
    assert not cut.isEnabled() and not export.isEnabled()
    source = add_source("Front")
    window.sources.open_source(source.id)
    assert cut.isEnabled() and window.action("cut_exact").isEnabled()
    assert not export.isEnabled()
    brief = library.briefs.create("Weekly")
    window.briefs.open_brief(brief.id)
    assert export.isEnabled() and not cut.isEnabled()
    window.search.show_sources()
    assert not cut.isEnabled() and not export.isEnabled()
