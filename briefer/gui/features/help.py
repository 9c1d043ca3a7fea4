"""Help: the guide, the keys (written from the menus as built), the log, About.

F1 calls `show_help(page_id)` with the guide page of what is in front. Until the
help window of docs/guide/ is connected here, the page shown is the short guide below
with the list of keys, which `actions.shortcut_list` writes from the menus, so it
names the keys the menus really have.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from briefer.core.logfile import log_folder
from briefer.gui.actions import ActionId, shortcut_list, shortcut_of
from briefer.gui.features.base import Feature

GUIDE = """Getting started
• File › Import Files ({import_files}) or a folder ({import_folder}), drop files on the
  window, or paste an article you copied in a browser ({paste_article}).
• Open a source with Enter or a double click; it opens in a tab beside the table.

Cutting excerpts
• Select words in the reader and press {cut_excerpt}: set credibility 1–6, tags and a
  comment. The cut snaps to whole words; {cut_exact} cuts exactly as selected.
• Click a highlight to select its excerpt; Enter edits it, Delete removes it.
• {undo} undoes a delete of a source, excerpt or tag; {redo} redoes it.

Finding things
• {find} searches as you type: words, prefix*, "an exact phrase". Filters narrow the
  table by tag, outlet, date and reliability; Save Search keeps them in the navigator.

Grades
• Sources: A completely reliable, B usually reliable, C fairly reliable, D not usually
  reliable, E unreliable, F reliability cannot be judged. A new source is Ungraded
  (? in codes) until you grade it; details save as you leave each field.
• Information: 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable,
  6 truth cannot be judged. An excerpt's grade joins both: B2."""


class HelpFeature(Feature):
    def __init__(self, window):
        super().__init__(window)
        self.about_box = None  # kept alive while it shows
        self.help_box = None
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

    def text(self) -> str:
        """The short guide and every key of the menus."""
        keys = {spec.value: shortcut_of(self.window.action(spec)) for spec in ActionId}
        lines = [f"  {where}: {key}" for where, key in shortcut_list(self.window.menuBar())]
        return GUIDE.format(**keys) + "\n\nKeys\n" + "\n".join(lines)

    def show_help(self, page_id: str = "") -> None:
        """The hook F1 calls: the guide at page_id (import, excerpt, grade, search,
        briefs, export, backups)."""
        self.shown_page = page_id
        box = QMessageBox(QMessageBox.Icon.Information, "Briefer Help", self.text(),
                          parent=self.window)  # fmt: skip
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        self.help_box = box

    def open_log_folder(self) -> None:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        self.status(f"The log is in {folder}", 8000)

    def show_about(self) -> None:
        from briefer.gui.about import open_about

        self.about_box = open_about(self.window, self.library.path)
