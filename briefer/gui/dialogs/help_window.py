"""Help › Briefer Help (F1): the user guide in a window of its own.

The pages are the Markdown of docs/guide/ (gui/help_pages.py), shown by QTextBrowser's
own Markdown reader: offline, nothing is fetched, links between pages stay in the
window. A search field keeps the pages that hold every word typed and marks those
words in the page shown. `show_help(page, parent)` opens (or brings forward) the one
window of a parent at a page; F1 passes the page for what has focus (`context_of`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMenuBar,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.dialogs.remembered import RememberedDialog
from briefer.gui.help_pages import (
    START,
    Page,
    load_pages,
    matching,
    page_for_context,
    with_shortcuts,
)

# Widgets (by class name, so no module is imported for it) -> the context they are.
# The nearest one up the parent chain of the focused widget wins.
WIDGET_CONTEXTS: dict[str, str] = {
    "ExportDialog": "export",
    "HistoryDialog": "history",
    "NewBriefDialog": "new_brief",
    "ExcerptPicker": "brief",
    "BriefTab": "brief",
    "ExcerptEditor": "excerpt_editor",
    "ExcerptsPanel": "excerpts",
    "ReaderView": "reader",
    "SourceDetailsForm": "details",
    "OriginalDialog": "original",
    "SearchBox": "search",
    "FilterBar": "filters",
    "TagManager": "tags",
    "FirstRunPage": "first_run",
    "LibraryPage": "sources",
    "Navigator": "navigator",
    "RestoreBackupDialog": "restore",
    "ImportReportDialog": "import",
}


def context_of(widget: QWidget | None) -> str:
    """The context of a widget (usually the focused one): its own or its nearest
    parent's; "window" when none is known."""
    while widget is not None:
        for cls in type(widget).__mro__:
            context = WIDGET_CONTEXTS.get(cls.__name__)
            if context:
                return context
        widget = widget.parentWidget()
    return "window"


def _plain(text: str) -> str:
    """A menu text without its mnemonic ampersands ("&&" is a real one)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_shortcuts(menu_bar: QMenuBar | QMenu) -> list[tuple[str, str]]:
    """(Menu › Item, keys) for every item of a menu bar that has a shortcut, in menu
    order: what the shortcuts page lists until the actions table hands its own list."""
    found: list[tuple[str, str]] = []

    def walk(menu: QMenu | QMenuBar, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if sub is not None:
                name = _plain(action.text())
                walk(sub, f"{path} › {name}" if path else name)
                continue
            keys = [
                k.toString(QKeySequence.SequenceFormat.NativeText)
                for k in action.shortcuts()
                if not k.isEmpty()
            ]
            if keys and not action.isSeparator():
                found.append((f"{path} › {_plain(action.text())}", ", ".join(keys)))

    walk(menu_bar, "")
    return found


class HelpBrowser(QTextBrowser):
    """Shows a page; never loads anything (no image, no link target) on its own."""

    def loadResource(self, kind, url):
        return None


class HelpWindow(RememberedDialog):
    settings_name = "help"

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        shortcuts: Sequence[tuple[str, str]] | None = None,
        pages: list[Page] | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Briefer Help")
        self.setModal(False)
        self.setSizeGripEnabled(True)
        self.pages = pages if pages is not None else load_pages()
        self.shortcuts = list(shortcuts or [])
        self._by_id = {p.id: p for p in self.pages}
        self.current_id: str | None = None

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText("Search the guide")
        self.search_field.setClearButtonEnabled(True)
        self.page_list = QListWidget()
        for page in self.pages:
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.id)
            self.page_list.addItem(item)
        self.page_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        list_width = self.page_list.sizeHintForColumn(0) + 2 * self.page_list.frameWidth() + 8
        self.no_match = QLabel("No page holds all these words.")
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.browser = HelpBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.search_field)
        side_layout.addWidget(self.page_list, 1)
        side_layout.addWidget(self.no_match)
        self.splitter = QSplitter()
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.browser)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([list_width, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.resize(list_width + 600, 560)

        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.search_field.setFocus())
        self.addAction(find)
        self._wire()

    def _wire(self) -> None:
        self.page_list.currentItemChanged.connect(self._current_changed)
        self.search_field.textChanged.connect(self.search)
        self.browser.anchorClicked.connect(self._link)

    def show_help(self) -> None:
        """F1 in the guide itself: to its search field."""
        self.search_field.setFocus()
        self.search_field.selectAll()

    # -- pages ------------------------------------------------------------------------

    def show_page(self, page_id: str | None) -> bool:
        """Show a page (by id or context name); False when there is no such page."""
        page_id = page_for_context(page_id)
        if page_id not in self._by_id:
            page_id = START if START in self._by_id else next(iter(self._by_id), None)
            if page_id is None:
                return False
        for row in range(self.page_list.count()):
            item = self.page_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == page_id:
                item.setHidden(False)
                self.page_list.setCurrentItem(item)
        if self.current_id != page_id:
            self._render(page_id)
        return True

    def _current_changed(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self._render(item.data(Qt.ItemDataRole.UserRole))

    def _render(self, page_id: str) -> None:
        page = with_shortcuts(self._by_id[page_id], self.shortcuts)
        self.current_id = page_id
        self.browser.setMarkdown(page.text)
        self._mark_words()

    def page_text(self) -> str:
        """The page shown, as plain text."""
        return self.browser.toPlainText()

    def visible_pages(self) -> list[str]:
        return [
            self.page_list.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.page_list.count())
            if not self.page_list.item(r).isHidden()
        ]

    def _link(self, url: QUrl) -> None:
        """Links to another page (`export.md`, `export.md#anchor`) open it here; others
        are left alone: the guide works offline."""
        if url.scheme() in ("", "file") and url.path().endswith(".md"):
            self.show_page(url.path().rsplit("/", 1)[-1].removesuffix(".md"))

    # -- search -----------------------------------------------------------------------

    def search(self, query: str) -> list[str]:
        """Keep the pages holding every word; show the first of them, words marked."""
        shown = {p.id for p in matching(self._filled_pages(), query)}
        for row in range(self.page_list.count()):
            item = self.page_list.item(row)
            item.setHidden(item.data(Qt.ItemDataRole.UserRole) not in shown)
        self.no_match.setVisible(not shown)
        visible = self.visible_pages()
        if visible and self.current_id not in visible:
            self.show_page(visible[0])
        else:
            self._mark_words()
        return visible

    def _filled_pages(self) -> list[Page]:
        return [with_shortcuts(p, self.shortcuts) for p in self.pages]

    def _mark_words(self) -> None:
        words = self.search_field.text().split()
        marks = []
        colour = QColor(Qt.GlobalColor.yellow)
        document = self.browser.document()
        first: QTextCursor | None = None
        for word in words:
            cursor = QTextCursor(document)
            while True:
                cursor = document.find(word, cursor, QTextDocument.FindFlag(0))
                if cursor.isNull():
                    break
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                fmt = QTextCharFormat()
                fmt.setBackground(colour)
                selection.format = fmt
                marks.append(selection)
                if first is None or cursor.position() < first.position():
                    first = QTextCursor(cursor)
        self.browser.setExtraSelections(marks)
        self.marked = len(marks)
        if first is not None:
            self.browser.setTextCursor(first)
            self.browser.ensureCursorVisible()


def show_help(
    page_id: str | None = None,
    parent: QWidget | None = None,
    *,
    shortcuts: Sequence[tuple[str, str]] | None = None,
) -> HelpWindow:
    """Open the guide at a page (an id of help_pages.ORDER or a context name of
    help_pages.CONTEXT_PAGES; None: the start page), reusing the parent's help window.
    `shortcuts` fills the shortcuts page: (command, keys) pairs, from the actions table."""
    window = parent.findChild(HelpWindow) if parent is not None else None
    if window is None:
        window = HelpWindow(parent, shortcuts=shortcuts)
    elif shortcuts is not None and list(shortcuts) != window.shortcuts:
        window.shortcuts = list(shortcuts)
        window.current_id = None  # redraw the page with the new list
    window.show_page(page_id)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
