"""Briefs: new briefs, a BriefTab per brief, export to Word and PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.gui.editor.actions import BriefActions
from briefer.gui.features.base import Feature
from briefer.gui.icons import icon
from briefer.gui.operations import Changes

if TYPE_CHECKING:
    from briefer.gui.editor.brief_tab import BriefTab


class BriefsFeature(Feature):
    def __init__(self, window):
        super().__init__(window)
        self.tabs = window.tabs
        # The Brief menu's actions act on the brief tab in front; Ctrl+F is the
        # window's, and finds in that brief or searches the library.
        self.actions = BriefActions(window)
        self.actions.find.setShortcut("")
        self.actions.new_brief.setIcon(icon("brief"))

    def wire(self) -> None:
        self.actions.new_brief_requested.connect(self.new_brief)
        self.window.action("export_word").triggered.connect(self.export_word)
        self.window.navigator.brief_requested.connect(self.open_brief)
        self.tabs.currentChanged.connect(
            lambda _i: self.actions.set_tab(self.tabs.current_brief_tab())
        )

    def new_brief(self) -> None:
        """New Brief…: title, template and marking, then the brief opens in a tab."""
        from briefer.gui.editor.new_brief_dialog import NewBriefDialog

        brief_id = NewBriefDialog.create_brief(self.window, self.library, self.window.worker)
        if brief_id is not None:
            self.window.changes.emit(Changes.of(briefs=[brief_id]))
            self.open_brief(brief_id)

    def open_brief(self, brief_id: int) -> BriefTab:
        """Show a brief in the editor, in its own tab (focused if already open)."""
        tab = self.tabs.brief_tab(brief_id)
        if tab is None:
            from briefer.gui.editor.brief_tab import BriefTab

            tab = BriefTab(self.library, self.window.worker, brief_id, self.window)
            tab.title_changed.connect(
                lambda title, t=tab: self.tabs.set_title(t, title or "Untitled brief")
            )
            tab.details_changed.connect(
                lambda t=tab: self.window.changes.emit(Changes.of(briefs=[t.brief_id]))
            )
            tab.excerpt_activated.connect(self.window.excerpts.show_by_id)
            self.tabs.add_tab(tab, "Brief")
            self.tabs.setTabIcon(self.tabs.indexOf(tab), icon("brief"))
        self.tabs.setCurrentWidget(tab)
        return tab

    def export_word(self) -> None:
        self._export("Export to Word", pdf=False)

    def export_pdf(self) -> None:
        """File > Export to PDF…: the export dialog with PDF chosen (issue 13)."""
        self._export("Export to PDF", pdf=True)

    def _export(self, title: str, *, pdf: bool) -> None:
        from briefer.gui.export_dialog import export_brief_interactively

        tab = self.tabs.current_brief_tab()
        if tab is None:
            self.error(title, "Open a brief first: export works on the brief in front.")
            return
        if not tab.flush():
            self.error(title, "The brief could not be saved; export waits until it is.")
            return
        extra = {"pdf": True} if pdf else {}
        export_brief_interactively(
            self.window, self.library, tab.brief_id, settings=self.window.settings, **extra
        )
        tab.refresh_release()  # an export as final raised the version
