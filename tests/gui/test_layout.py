"""A stable layout: the navigator keeps its width whatever tab is in front (issue 12)."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton


def test_the_navigator_keeps_its_width_with_a_source_or_brief_in_front(
    qtbot, window, library, add_source
):
    window.resize(1000, 700)
    window.splitter.setSizes([200, 500, 300])
    qtbot.wait(50)
    before = window.splitter.sizes()
    source = add_source("A source with a long title to fill the tab bar")
    window.sources.open_source(source.id)
    qtbot.wait(50)
    assert window.splitter.sizes() == before
    brief = library.briefs.create("Weekly")
    tab = window.briefs.open_brief(brief.id)
    qtbot.waitUntil(lambda: tab.version is not None, timeout=10_000)
    qtbot.wait(50)
    assert window.splitter.sizes() == before
    assert window.navigator.width() == before[0]
    # With a brief open, sizes the analyst sets are kept, not squeezed to the
    # editor's toolbar (the navigator was left about 70 px wide).
    window.splitter.setSizes([200, 500, 300])
    qtbot.wait(50)
    assert window.splitter.sizes()[0] >= 190
    assert window.width() <= 1010
    before = window.splitter.sizes()
    window.search.show_sources()
    qtbot.wait(50)
    assert window.splitter.sizes() == before


def test_sizes_the_analyst_sets_stay_across_tabs(qtbot, window, library, add_source):
    window.resize(1100, 700)
    source = add_source("S")
    window.sources.open_source(source.id)
    window.splitter.setSizes([260, 540, 300])
    qtbot.wait(50)
    chosen = window.splitter.sizes()
    window.search.show_sources()
    window.sources.open_source(source.id)
    qtbot.wait(50)
    assert window.splitter.sizes() == chosen


def test_the_navigator_cannot_be_squeezed_to_a_sliver(window):
    assert window.navigator.minimumWidth() >= 140


def test_toolbar_undo_stays_narrow_and_follows_the_library_stack(
    qtbot, window, library, add_source
):
    button = window.toolbar.widgetForAction(window.action("undo"))
    assert isinstance(button, QToolButton)
    width = button.sizeHint().width()
    source = add_source("A very long source title that would widen the toolbar button")
    excerpt = library.excerpts.add(source.id, 0, 4)
    window.refresh()
    window.excerpts.delete_excerpts([excerpt.id])
    window.operations.wait()
    assert window.action("undo").isEnabled()
    assert button.sizeHint().width() == width
    assert "Delete Excerpt" in window.action("undo").toolTip()
