"""A keystroke's search reads the first screen's hits; the list reads the others as it
scrolls to them (issue 16)."""

from __future__ import annotations

from briefer.core.errors import BrieferError
from briefer.core.records import NewSource
from briefer.gui import search_bar
from briefer.gui.models import search_model
from briefer.gui.models.search_model import SearchHitsModel


def test_scrolling_the_results_reads_the_hits_past_the_first(qtbot, library, window):
    for n in range(150):
        library.sources.add(NewSource(title=f"Dam report {n}", body=f"The Mosul dam, day {n}."))
    page = window.library_page
    qtbot.keyClicks(page.search_box.field, "mosul")
    qtbot.waitUntil(lambda: page.hits_model.rowCount() > 0, timeout=10_000)
    model, view = page.hits_model, page.results_view
    assert page.pages.currentWidget() is view
    # The first screen only (the view reads more at once if they do not fill it).
    assert search_bar.FIRST_HITS <= model.rowCount() < 150
    assert model.total == 150 and "150 matches" in window.statusBar().currentMessage()
    for _ in range(20):  # to the end, a page at a time, as the analyst scrolls
        view.scrollToBottom()
        qtbot.wait(20)
        if model.rowCount() == 150:
            break
    assert model.rowCount() == 150 and not model.canFetchMore()
    assert model.hits() == library.search("mosul", limit=search_bar.SEARCH_LIMIT)
    late = model.hits()[-1]
    assert late.snippet.startswith("The Mosul dam") and late.highlights == ((4, 9),)


def test_a_page_that_cannot_be_read_is_reported_and_the_hits_shown_stay(qtbot, library):
    for n in range(10):
        library.sources.add(NewSource(title=f"Dam {n}", body=f"The Mosul dam holds, day {n}."))
    results = library.search_results("mosul", first=3)
    model = SearchHitsModel()
    reasons = []
    model.failed.connect(reasons.append)

    def unreadable(_results, _start, _count):
        raise BrieferError("lib.briefer is damaged; run `briefer check`")

    model.set_results(results, unreadable)
    assert model.rowCount() == 3 and model.canFetchMore()
    model.fetchMore()
    assert reasons == ["lib.briefer is damaged; run `briefer check`"]
    assert model.rowCount() == 3 and not model.canFetchMore()
    assert model.hits() == list(results.hits)


def test_the_model_reads_a_page_at_a_time(qtbot, library, monkeypatch):
    for n in range(10):
        library.sources.add(NewSource(title=f"Dam {n}", body=f"The Mosul dam holds, day {n}."))
    monkeypatch.setattr(search_model, "MORE_HITS", 4)
    results = library.search_results("mosul", first=3)
    asked = []

    def read_more(res, start, count):
        asked.append((start, count))
        return library.more_hits(res, start, count)

    model = SearchHitsModel()
    model.set_results(results, read_more)
    while model.canFetchMore():
        model.fetchMore()
    assert asked == [(3, 4), (7, 4)]
    assert model.hits() == library.search("mosul")
