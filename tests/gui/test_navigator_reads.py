"""After an edit, the navigator's lists and the filters' choices are read on the worker
(~35 ms at 100,000 sources) and shown on the GUI thread; none goes stale (issue 16)."""

from __future__ import annotations

import threading

from briefer.gui.features import search as search_feature
from briefer.gui.operations import ops
from tests.gui.window_support import settle


def outlet_choices(window) -> list[str]:
    combo = window.library_page.filter_bar.outlet
    return [combo.itemText(i) for i in range(1, combo.count())]


def test_a_tags_change_is_read_on_the_worker_and_shown(window, library, add_source, monkeypatch):
    first = add_source("One")
    window.refresh()
    threads = []
    real = search_feature.navigator_content

    def recorded(lib):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(lib)

    monkeypatch.setattr(search_feature, "navigator_content", recorded)
    window.operations.run(ops.tag_sources([first.id], ["Iraq"]))
    settle(window)
    assert threads == [False]
    assert "Iraq (1)" in window.navigator.child_labels(window.navigator.tags_item)
    assert [window.library_page.filter_bar.tag.itemText(i) for i in (1,)] == ["Iraq"]


def test_an_outlet_saved_or_pasted_is_offered_by_the_outlet_filter(window, library, add_source):
    source = add_source("One", outlet="Rudaw")
    window.refresh()
    assert outlet_choices(window) == ["Rudaw"]
    window.operations.run(ops.update_source(source.id, {"outlet": "Kurdistan 24"}))
    settle(window)
    assert outlet_choices(window) == ["Kurdistan 24"]
    window.operations.run(ops.delete_source(source.id))
    settle(window)
    assert outlet_choices(window) == []


def test_only_the_newest_read_is_shown(window, library, add_source):
    source = add_source("One", outlet="Rudaw")
    window.refresh()
    shown = []
    window.search.filter_bar.set_choices = lambda tags, outlets: shown.append(list(outlets))
    for outlet in ("A", "B", "C"):
        window.operations.run(ops.update_source(source.id, {"outlet": outlet}))
    settle(window)
    assert shown == [["C"]]
