"""Showing a search's results lays out only the page stack, not the window (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from briefer.core.records import SearchHit


class LayoutRequests(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_switching_between_table_and_results_does_not_lay_out_the_tab(qtbot, window, add_source):
    """Qt asks every layout above a stacked widget to lay out again when it shows
    another page, and the central tab widget then repaints the whole tab (search box,
    filters, tag row) for it; the page stack's holder ends that climb."""
    add_source("Strikes")
    window.refresh()
    # The refresh's own work and layouts, on a loaded machine too: the worker's reads
    # done, then every posted event (layout requests) delivered.
    qtbot.waitUntil(lambda: window.started and not window.worker.busy)
    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
    page = window.library_page
    hit = SearchHit("source", 1, 1, "Strikes", "…the strikes…", ((3, 10),), -1.0)
    requests = LayoutRequests()
    page.installEventFilter(requests)
    page.show_hits("strikes", [hit])
    qtbot.wait(50)
    assert page.pages.currentWidget() is page.results_view and page.results_view.isVisible()
    page.show_table()
    qtbot.wait(50)
    assert page.pages.currentWidget() is page.sources_view and page.sources_view.isVisible()
    assert requests.count == 0
    # The stack still fills the space between the filters and the tag row.
    holder = page.pages.parentWidget()
    assert page.pages.geometry() == holder.rect() and holder.height() > 100


def test_results_fit_the_views_width_without_a_sideways_scroll_bar(qtbot, window, add_source):
    """Each hit is drawn to the view's width (title elided, snippet wrapped), so a
    list long enough for a vertical scroll bar must not also scroll sideways: rows
    were sized to the width before that scroll bar took its place."""
    add_source("Strikes")
    window.refresh()
    page = window.library_page
    hits = [
        SearchHit("source", i, i, f"Strikes {i} " * 20, "…the strikes… " * 30, ((3, 10),), -1.0)
        for i in range(1, 60)
    ]
    page.show_hits("strikes", hits)
    view = page.results_view
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    qtbot.wait(50)
    assert view.horizontalScrollBar().maximum() == 0
    assert view.visualRect(view.model().index(0, 0)).width() == view.viewport().width()
