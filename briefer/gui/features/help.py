"""Help: the guide (docs/guide/ in the help window), its keys page written from the
actions table as the menus were built, the log, About.

F1 opens the guide at the page of the focused widget (`help_window.context_of`), else
of what is in front (`current_page`).
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from briefer.core.logfile import log_folder
from briefer.gui.actions import shortcut_list
from briefer.gui.features.base import Feature

# Contexts too general to choose a page: the tab in front chooses it instead.
GENERAL = frozenset({"window", "navigator"})


class HelpFeature(Feature):
    def __init__(self, window):
        super().__init__(window)
        self.about_box = None  # kept alive while it shows
        self.help_window = None
        self.shown_page = ""

    def wire(self) -> None:
        w = self.window
        w.action("help").triggered.connect(lambda: self.show_help(self.current_page()))
        w.action("open_log_folder").triggered.connect(self.open_log_folder)
        w.action("about").triggered.connect(self.show_about)

    def current_page(self) -> str:
        """The guide page for what is in front (F1)."""
        tabs = self.window.tabs
        if tabs.current_brief_tab() is not None:
            return "briefs"
        if tabs.current_source_tab() is not None:
            return "excerpt"
        return "search" if self.window.library_page.query() else "import"

    def show_help(self, page_id: str = "") -> None:
        """The guide at the focused widget's page, else at page_id (import, excerpt,
        grade, search, briefs, export, backups)."""
        focused = QApplication.focusWidget()
        inside = focused is not None and self.window.isAncestorOf(focused)
        # The help window's module loads with the first F1, not with the window.
        from briefer.gui.dialogs.help_window import context_of, show_help

        context = context_of(focused) if inside else "window"
        page = page_id or None if context in GENERAL else context
        self.help_window = show_help(page, self.window, shortcuts=self.shortcuts())
        self.shown_page = self.help_window.current_id or ""

    def shortcuts(self) -> list[tuple[str, str]]:
        """Every key of the menus, as the actions table gave them."""
        return shortcut_list(self.window.menuBar())

    def open_log_folder(self) -> None:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        self.status(f"The log is in {folder}", 8000)

    def show_about(self) -> None:
        from briefer.gui.about import open_about

        self.about_box = open_about(self.window, self.library.path)
