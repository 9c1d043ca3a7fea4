"""Sources: the table's selection, a reader tab per source, details, tags and deletes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from briefer.core.errors import BrieferError
from briefer.gui.features.base import Feature
from briefer.gui.operations import Changes, ops
from briefer.gui.undo_commands import DeleteSourceCommand, EditSourceCommand

if TYPE_CHECKING:
    from briefer.gui.source_tab import SourceTab


class SourcesFeature(Feature):
    def __init__(self, window):
        super().__init__(window)
        self.page, self.tabs = window.library_page, window.tabs
        self.model = self.page.sources_model
        self.original_dialog = None

    def wire(self) -> None:
        page, w = self.page, self.window
        page.sources_view.activated.connect(
            lambda index: self.open_source(self.model.source_at(index.row()).id)
        )
        page.open_action.triggered.connect(self.open_selected)
        page.delete_action.triggered.connect(self.delete_selected)
        page.tag_button.clicked.connect(self.tag_selected)
        page.tag_field.returnPressed.connect(self.tag_selected)
        self.tabs.details_submitted.connect(self.save_details)
        self.tabs.date_chosen.connect(self.resolve_date)
        w.changes.changed.connect(self.apply_changes)  # fmt: skip

    def apply_changes(self, changes: Changes) -> None:
        """The table and the source tabs reload what the change touched."""
        if changes.everything or changes.source_list:
            self.model.reload()
            self.window.search.show_table_or_results()
            self.window.update_status()
        else:
            for source_id in changes.sources:
                self.model.refresh_source(source_id)
        colours = changes.everything or changes.tags
        for tab in self.tabs.source_tabs():
            if colours or tab.source_id in changes.sources:
                self.reload_tab(tab)

    # -- tabs ------------------------------------------------------------------------

    def open_source(self, source_id: int, *, quiet: bool = False) -> SourceTab | None:
        """Show a source in the reader, in its own tab (focused if already open)."""
        tab = self.tabs.source_tab(source_id)
        if tab is None:
            try:
                source = self.library.sources.get(source_id)
                excerpts = self.library.excerpts.list(source_id=source_id)
            except BrieferError as exc:
                if not quiet:
                    self.error("Open source", str(exc))
                return None
            from briefer.gui.source_tab import SourceTab

            tab = SourceTab(source, excerpts)
            tab.details.set_read_only(self.library.read_only)
            tab.original_requested.connect(self.show_original)
            tab.reader.extra_actions = self.window.reader_actions
            colours = self.tag_colours()
            if colours:
                tab.reader.set_excerpts(excerpts, colours)
            self.tabs.add_source_tab(tab)
        self.tabs.setCurrentWidget(tab)
        return tab

    def reload_tab(self, tab: SourceTab) -> None:
        """The tab's source again; a source gone (deleted, or undone) closes its tab."""
        try:
            source = self.library.sources.get(tab.source_id)
        except BrieferError:
            self.tabs.close_tab(self.tabs.indexOf(tab))
            return
        tab.set_source(source, self.library.excerpts.list(source_id=tab.source_id))
        tab.reader.set_excerpts(tab.reader.excerpts, self.tag_colours())
        self.tabs.set_title(tab, source.title)

    def reload_tabs(self) -> None:
        for tab in self.tabs.source_tabs():
            self.reload_tab(tab)

    def tag_colours(self) -> dict[str, str]:
        if not self.window.action("tag_colours").isChecked():
            return {}
        return {t.name: t.color for t in self.library.tags.list() if t.color}

    def show_original(self, source_id: int):
        """The stored original of a source, read-only and offline (gui/original_view.py)."""
        from briefer.gui.original_view import OriginalDialog

        try:
            source = self.library.sources.get(source_id)
            record = self.library.sources.original(source_id)
        except BrieferError as exc:
            self.error("See the original", str(exc))
            return None
        if record is None:
            self.error("See the original", "No original file is stored for this source")
            return None
        dialog = OriginalDialog(record, source.title, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.original_dialog = dialog
        return dialog

    def open_selected(self) -> None:
        for source_id in self.page.selected_source_ids():
            self.open_source(source_id)

    def selected_ids(self) -> list[int]:
        """The sources the analyst means: the table's selection, else the open source."""
        if self.tabs.currentWidget() is self.page:
            return self.page.selected_source_ids()
        tab = self.tabs.current_source_tab()
        return [tab.source_id] if tab else []

    # -- changes ---------------------------------------------------------------------

    def save_details(self, source_id: int, changes: dict) -> None:
        """The details form submitted changes: save them as an operation; once saved,
        Ctrl+Z puts the old values back."""
        tab = self.tabs.source_tab(source_id)
        before = tab.details.previous_values(changes) if tab else {}
        title = f"“{tab.title}”" if tab else f"source {source_id}"

        def saved(_source) -> None:
            self.window.undo_stack.push(
                EditSourceCommand(source_id, before, changes, title, self.apply_values)
            )
            self.status("Details saved")

        self._write(source_id, ops.update_source(source_id, changes), title, saved)

    def apply_values(self, source_id: int, values: dict) -> None:
        """Undo and redo of a details edit."""
        self._write(source_id, ops.update_source(source_id, values), f"source {source_id}")

    def resolve_date(self, source_id: int, chosen) -> None:
        self._write(source_id, ops.resolve_date(source_id, chosen), f"source {source_id}")

    def _write(self, source_id: int, op, title: str, then=None) -> None:
        """A details operation: the form hears whether it saved; a failure keeps what
        was typed and says so in the bar."""

        def done(source) -> None:
            tab = self.tabs.source_tab(source_id)
            if tab is not None:
                tab.details.saved(source)
            self.window.messages.clear("write")
            if then is not None:
                then(source)

        def failed(message: str) -> None:
            tab = self.tabs.source_tab(source_id)
            if tab is not None:
                tab.details.save_failed(message)
            self.window.report_failure(
                "write",
                f"The details of {title} were not saved: {message}. What you typed is "
                "kept in the form: correct it and leave the field to save again.",
            )

        self.window.operations.run(op, on_done=done, on_failed=failed, report=False)

    def tag_selected(self) -> None:
        ids, names = self.page.selected_source_ids(), self.page.tag_field.tags()
        if not ids or not names:
            return

        def done(_tags) -> None:
            self.page.tag_field.clear()
            self.status(f"Tagged {len(ids)} {'source' if len(ids) == 1 else 'sources'}")

        self.window.operations.run(ops.tag_sources(ids, names), on_done=done)

    def delete_selected(self) -> None:
        for source_id in self.selected_ids():
            self.delete_source(source_id)

    def delete_source(self, source_id: int) -> None:
        """Refused by core, with the briefs named, while any excerpt is cited."""

        def done(deleted) -> None:
            self.window.undo_stack.push(DeleteSourceCommand(self.window.operations, deleted))
            self.status("Source deleted — Ctrl+Z brings it back", 8000)

        self.window.operations.run(ops.delete_source(source_id), on_done=done)
