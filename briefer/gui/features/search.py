"""Finding things: the search field, the filters, the navigator and saved searches."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import QInputDialog

from briefer.core.records import SearchFilters
from briefer.gui.features.base import Feature
from briefer.gui.models.search_model import HitRole
from briefer.gui.operations import Changes, ops
from briefer.gui.search_bar import Searcher, SearchOutcome


class NavigatorContent(NamedTuple):
    """What the navigator and the tag and outlet choices show, read in one go."""

    briefs: list
    tags: list
    searches: list
    outlets: list


def navigator_content(library) -> NavigatorContent:
    """Read on the worker at start (MainWindow.finish_start): at 100,000 sources the
    tags' counts and the outlets take ~35 ms, too long for the GUI thread."""
    return NavigatorContent(
        library.briefs.list(), library.tags.list(), library.searches.list(),
        library.sources.outlets(),
    )  # fmt: skip


def _outlets(library) -> list[str]:
    return library.sources.outlets()


class SearchFeature(Feature):
    def __init__(self, window):
        super().__init__(window)
        self.page, self.navigator = window.library_page, window.navigator
        self.field, self.filter_bar = self.page.search_box.field, self.page.filter_bar
        self.searcher = Searcher(window.library, window.worker, self)
        self.outcome: SearchOutcome | None = None
        self._tag_names: list[str] = []
        # Reads of the lists submitted after edits, counted by title (see _read_soon).
        self._reads: dict[str, int] = {}

    def wire(self) -> None:
        page, nav, w = self.page, self.navigator, self.window
        w.action("find").triggered.connect(self.find)
        nav.sources_requested.connect(self.show_all_sources)
        nav.tag_requested.connect(self.show_tag)
        nav.saved_search_requested.connect(self.apply_saved_search)
        nav.rename_search_requested.connect(self.rename_saved_search)
        nav.delete_search_requested.connect(
            lambda saved: w.operations.run(ops.delete_search(saved.id))
        )
        self.field.textChanged.connect(self._query_changed)
        page.search_box.save_button.clicked.connect(self.save_search)
        self.filter_bar.changed.connect(self._filters_changed)
        page.sources_view.selectionModel().selectionChanged.connect(self._selection_changed)
        page.results_view.activated.connect(self._hit_activated)
        page.results_view.clicked.connect(self._hit_activated)
        self.searcher.results_ready.connect(self._show_results)
        self.searcher.failed.connect(lambda message: self.error("Search", message))
        page.hits_model.failed.connect(lambda message: self.error("Search", message))
        w.changes.changed.connect(self.apply_changes)  # fmt: skip

    def apply_changes(self, changes: Changes) -> None:
        if changes.everything:
            self.refresh_navigator()
        elif changes.tags or changes.briefs or changes.searches:
            self._read_soon("Reading the navigator", navigator_content, self.refresh_navigator)
        elif changes.source_list or (changes.sources and not changes.excerpts):
            # A source pasted or deleted, a source's details saved (not an excerpt's
            # change): the Outlet filter's choices are the sources' outlets.
            self._read_soon("Reading the outlets", _outlets, self._show_outlets)

    def _read_soon(self, title: str, read, show) -> None:
        """After an edit, the lists are read on the worker (the tags' counts and the
        outlets take ~35 ms at 100,000 sources) and shown here: of reads with the same
        title the newest only, and only while the library it read is shown."""
        number = self._reads[title] = self._reads.get(title, 0) + 1
        library = self.library

        def shown(result) -> None:
            if number == self._reads.get(title) and library is self.library:
                show(result)

        self.window.operations.query(title, read, on_done=shown)

    def _show_outlets(self, outlets: list[str]) -> None:
        self.filter_bar.set_choices(self._tag_names, outlets)

    def reset(self) -> None:
        """Another library: no search, no filters."""
        self.searcher.library = self.library
        self.outcome = None
        self.page.hits_model.set_hits("", [])  # nothing more to read from the one closed
        self.field.clear()
        self.filter_bar.set_filters(SearchFilters())

    def refresh_navigator(self, content: NavigatorContent | None = None) -> None:
        """Briefs, tags and saved searches in the navigator, tag and outlet choices;
        from `content` when it was read already."""
        if content is None:
            self._reads = {title: n + 1 for title, n in self._reads.items()}  # now older
            content = navigator_content(self.library)
        self.navigator.set_content(content.briefs, content.tags, content.searches)
        names = self._tag_names = [t.name for t in content.tags]
        self.filter_bar.set_choices(names, content.outlets)
        self.window.excerpts_panel.set_known_tags(names)
        self.page.tag_field.set_known_tags(names)

    def show_table_or_results(self) -> None:
        if self.page.query() and self.outcome is not None:
            self._show_hits(self.outcome)
        else:
            self.page.show_table()

    def show_sources(self) -> None:
        self.window.tabs.setCurrentWidget(self.page)

    def show_all_sources(self) -> None:
        self.field.clear()
        self.filter_bar.set_filters(SearchFilters())
        self.show_sources()

    def show_tag(self, name: str) -> None:
        """Sources with the tag in the table; excerpts with it in the panel. With a
        brief in front the brief stays there, so the excerpts can be dragged into it."""
        self.field.clear()
        self.filter_bar.set_tag(name)
        if self.window.tabs.current_brief_tab() is None:
            self.show_sources()
        self.window.excerpts.show("tag", name)

    def find(self) -> None:
        """Ctrl+F: find in the brief in front, else search the library."""
        tab = self.window.tabs.current_brief_tab()
        if tab is not None:
            tab.find()
        else:
            self.focus_search()

    def focus_search(self) -> None:
        self.show_sources()
        self.field.setFocus()
        self.field.selectAll()

    def _selection_changed(self, *_args) -> None:
        if self.window.tabs.currentWidget() is self.page:
            self.window.excerpts.follow_library_page()

    def _query_changed(self, _text: str = "") -> None:
        if self.page.query():
            self.searcher.request(self.page.query(), self.filter_bar.filters())
        else:
            self.outcome = None
            self.page.show_table()
            self.window.excerpts.follow_library_page()

    def _filters_changed(self) -> None:
        filters = self.filter_bar.filters()
        self.page.sources_model.set_filters(filters)
        if self.page.query():
            self.searcher.request(self.page.query(), filters)
        else:
            self.page.show_table()
            self.window.excerpts.follow_library_page()

    def _show_results(self, outcome: SearchOutcome) -> None:
        if outcome.query != self.page.query():
            return  # the field changed since; a newer search is on its way
        self.outcome = outcome
        self._show_hits(outcome)
        # The panel's excerpts once the hits are painted, in an event of their own.
        self.window.excerpts.show_soon("search", wait=self.page.hits_pending)
        count = outcome.results.total
        self.status(f"{count} match{'es' if count != 1 else ''}")

    def _show_hits(self, outcome: SearchOutcome) -> None:
        # The hits past the first screen are read from the library searched, as the
        # list scrolls to them (reset drops them when another library opens).
        self.page.show_results(outcome.results, outcome.library.more_hits)

    def _hit_activated(self, index) -> None:
        hit = index.data(HitRole) if index is not None else self.page.current_hit()
        if hit is None:
            return
        tab = self.window.sources.open_source(hit.source_id)
        if tab is not None and hit.kind == "excerpt":
            tab.reader.show_excerpt(hit.id)
            self.window.excerpts_panel.select_excerpt(hit.id)

    def save_search(self) -> None:
        name, ok = QInputDialog.getText(self.window, "Save search", "Name for this search:")
        if not ok or not name.strip():
            return
        query, filters = self.field.text().strip(), self.filter_bar.filters()
        self.window.operations.run(
            ops.save_search(name, query, filters),
            on_done=lambda _s: self.status(f"Saved search “{name.strip()}”"),
        )

    def apply_saved_search(self, saved) -> None:
        self.filter_bar.set_filters(saved.filters)
        self.field.setText(saved.query)
        self.show_sources()
        if saved.query.strip():
            self.searcher.run_now()

    def rename_saved_search(self, saved) -> None:
        name, ok = QInputDialog.getText(
            self.window, "Rename saved search", "New name:", text=saved.name
        )
        if ok and name.strip():
            self.window.operations.run(ops.rename_search(saved.id, name))
