"""Excerpts: cut in the reader, graded in the editor, listed in the panel.

The panel follows what the analyst looks at: the source in front, a tag, a search.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication

from briefer.core.errors import BrieferError
from briefer.core.records import ExcerptRecord
from briefer.gui.features.base import Feature
from briefer.gui.operations import Changes, ops
from briefer.gui.undo_commands import DeleteExcerptsCommand
from briefer.gui.workspace import short

EMPTY = "Excerpts — open or select a source"
SHOW_SOON = QEvent.Type(QEvent.registerEventType())
MAX_WAITS = 20  # turns of the event loop show_soon waits at most
LOW_PRIORITY = Qt.EventPriority.LowEventPriority.value


class ExcerptsFeature(Feature):
    def __init__(self, window):
        super().__init__(window)
        self.panel, self.tabs = window.excerpts_panel, window.tabs
        self.panel.source_lookup = self.citation_source
        self.context: tuple[str, Any] = ("none", None)
        self.editor = None  # the excerpt editor open last
        # What show_soon asked for, until it is shown or something else is.
        self._soon: tuple[str, Any, Callable[[], bool]] | None = None
        self._soon_tries = 0

    def wire(self) -> None:
        panel, w = self.panel, self.window
        w.action("cut_excerpt").triggered.connect(lambda: self.cut_excerpt())
        w.action("cut_exact").triggered.connect(lambda: self.cut_excerpt(exact=True))
        self.tabs.excerpt_clicked.connect(panel.select_excerpt)
        panel.edit_requested.connect(self.edit_excerpt)
        panel.delete_requested.connect(self.delete_excerpts)
        panel.tag_requested.connect(self.tag_excerpts)
        panel.excerpt_activated.connect(self.show_in_source)
        panel.view.selectionModel().selectionChanged.connect(self._panel_selection)
        w.changes.changed.connect(self.apply_changes)

    def apply_changes(self, changes: Changes) -> None:
        if changes.everything or changes.sources or changes.excerpts or changes.tags:
            self.refresh_panel(reread=True)

    # -- the panel -------------------------------------------------------------------

    def citation_source(self, source_id: int):
        """The source of a copied citation; None (a shorter citation) if it is gone."""
        try:
            return self.library.sources.get(source_id)
        except BrieferError:
            return None

    def show(self, kind: str, value: Any = None) -> None:
        self._soon = None  # what is asked now replaces what was asked to come
        self.context = (kind, value)
        self.refresh_panel()

    def show_soon(self, kind: str, value: Any = None, *, wait=lambda: False) -> None:
        """Show this in the panel in a later event, after the repaint the caller's own
        changes asked for (and while `wait()` says so, later still): a search's results
        reach the hits list and the panel in separate GUI-thread events (issue 16)."""
        self._soon, self._soon_tries = (kind, value, wait), 0
        self._post_soon()

    def _post_soon(self) -> None:
        # Posted at low priority, as Qt posts a window's repaint: it comes after the
        # repaint already asked for, where a timer or a queued call may come before.
        QCoreApplication.postEvent(self, QEvent(SHOW_SOON), LOW_PRIORITY)

    def event(self, event: QEvent) -> bool:
        if event.type() != SHOW_SOON:
            return super().event(event)
        if self._soon is not None:
            kind, value, wait = self._soon
            if wait() and self._soon_tries < MAX_WAITS:
                self._soon_tries += 1
                self._post_soon()
            else:
                self.show(kind, value)
        return True

    def refresh_panel(self, *, reread: bool = False) -> None:
        """Show the panel's context; `reread` after a change, when a search's excerpts
        (read with its hits) may be older than the library."""
        kind, value = self.context
        panel, excerpts = self.panel, self.library.excerpts
        outcome = self.window.search.outcome
        try:
            if kind == "source":
                title = self.library.sources.get(value).title
                panel.show_excerpts(f"Excerpts of “{short(title, 48)}”",
                                    excerpts.list(source_id=value))  # fmt: skip
            elif kind == "tag":
                panel.show_excerpts(f"Excerpts tagged “{value}”", excerpts.list(tag=value))
            elif kind == "search" and outcome is not None:
                # The search job read them on the worker: no second read on this thread
                # while the analyst types (issue 16).
                found = list(outcome.excerpts)
                if reread and found:
                    found = excerpts.list(ids=[e.id for e in found])
                panel.show_excerpts(f"Excerpts matching “{outcome.query}”", found)
            else:
                panel.show_excerpts(EMPTY, [])
        except BrieferError:
            self.context = ("none", None)
            panel.show_excerpts(EMPTY, [])

    def follow_library_page(self) -> None:
        """With the Sources tab in front: the search, else the tag, else the source
        selected alone."""
        page, search = self.window.library_page, self.window.search
        if page.query() and search.outcome is not None:
            self.show("search")
        elif page.filter_bar.filters().tag:
            self.show("tag", page.filter_bar.filters().tag)
        else:
            ids = page.selected_source_ids()
            self.show("source", ids[0]) if len(ids) == 1 else self.show("none")

    def _panel_selection(self, *_args) -> None:
        """A single excerpt selected in the panel is shown in its open reader."""
        chosen = self.panel.selected()
        tab = self.tabs.current_source_tab()
        if len(chosen) == 1 and tab is not None and chosen[0].source_id == tab.source_id:
            tab.reader.show_excerpt(chosen[0].id)

    def show_in_source(self, excerpt: ExcerptRecord) -> None:
        tab = self.window.sources.open_source(excerpt.source_id)
        if tab is not None:
            tab.reader.show_excerpt(excerpt.id)
            self.panel.select_excerpt(excerpt.id)

    def show_by_id(self, excerpt_id: int) -> None:
        """A citation marker was clicked: the excerpt, highlighted in its source."""
        try:
            self.show_in_source(self.library.excerpts.get(excerpt_id))
        except BrieferError as exc:
            self.error("Open excerpt", str(exc))

    # -- changes ---------------------------------------------------------------------

    def cut_excerpt(self, exact: bool = False) -> None:
        """Ctrl+E: the selected words of the reader become an excerpt, graded in a
        small editor. Words cut by the selection are completed or dropped; with Shift
        held (a Shift+click on the button or menu item) or by Ctrl+Alt+E the excerpt is
        exactly the selection (Ctrl+Shift+E is Export to Word)."""
        exact = exact or bool(
            QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        tab = self.tabs.current_source_tab()
        span = tab.reader.selection_span(exact=exact) if tab else None
        if tab is None or span is None:
            self.status("Select words in an open source, then press Ctrl+E", 6000)
            return
        start, end = span
        text = tab.source.body[start:end]
        from briefer.core.speaker import speaker_near
        from briefer.gui.excerpt_editor import ExcerptEditor

        editor = ExcerptEditor(
            text, known_tags=self.known_tags(),
            speaker=speaker_near(tab.source.body, start, end), parent=self.window,
        )  # fmt: skip
        editor.accepted.connect(lambda: self._create(tab.source_id, start, end, text, editor))
        self.editor = editor
        editor.open()

    def _create(self, source_id: int, start: int, end: int, text: str, editor) -> None:
        def done(created) -> None:
            self.panel.select_excerpt(created.id)
            self.status(f"Excerpt {created.grade} saved")

        op = ops.create_excerpt(source_id, start, end, text, editor.choice())
        self.window.operations.run(op, on_done=done)

    def edit_excerpt(self, excerpt_id: int) -> None:
        try:
            excerpt = self.library.excerpts.get(excerpt_id)
        except BrieferError as exc:
            self.error("Edit excerpt", str(exc))
            return
        from briefer.gui.excerpt_editor import ExcerptEditor

        editor = ExcerptEditor(
            excerpt.text, known_tags=self.known_tags(), credibility=excerpt.credibility,
            tags=excerpt.tags, comment=excerpt.comment, speaker=excerpt.speaker,
            title="Edit excerpt", parent=self.window,
        )  # fmt: skip
        editor.accepted.connect(lambda: self._update(excerpt, editor))
        self.editor = editor
        editor.open()

    def _update(self, excerpt: ExcerptRecord, editor) -> None:
        self.window.operations.run(
            ops.edit_excerpt(excerpt, editor.choice()),
            on_done=lambda _e: self.panel.select_excerpt(excerpt.id),
        )

    def delete_excerpts(self, excerpt_ids: Sequence[int]) -> None:
        def done(deleted) -> None:
            self.window.undo_stack.push(DeleteExcerptsCommand(self.window.operations, deleted))
            self.status("Deleted — Ctrl+Z brings it back", 8000)

        if excerpt_ids:
            self.window.operations.run(ops.delete_excerpts(excerpt_ids), on_done=done)

    def tag_excerpts(self, excerpt_ids: list, names: list) -> None:
        sources = {e.source_id for e in self.panel.selected() if e.id in excerpt_ids}
        self.window.operations.run(ops.tag_excerpts(excerpt_ids, names, sources))

    def known_tags(self) -> list[str]:
        return [t.name for t in self.library.tags.list()]
