"""The first tab: search, filters, and the sources table (or the first-run page).

A library with no sources shows how to start instead of an empty grid.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefer.core.library import Library
from briefer.core.records import SearchFilters
from briefer.core.search import SearchResults
from briefer.gui.icons import icon
from briefer.gui.models.search_model import HitRole, ReadMore, SearchHitsModel
from briefer.gui.models.sources_model import (
    ADDED,
    EXCERPTS,
    OUTLET,
    PUBLISHED,
    RELIABILITY_COLUMN,
    TAGS,
    TITLE,
    SourceIdRole,
    SourcesTableModel,
)
from briefer.gui.search_bar import FilterBar, HitDelegate, SearchBox
from briefer.gui.tag_field import TagField


class FirstRunPage(QWidget):
    """Says how to start: import a file, paste an article, or open the sample library."""

    import_files = Signal()
    import_folder = Signal()
    paste_article = Signal()
    open_sample = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel("Your library is empty")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            "Bring in the articles you work from: saved web pages, text pasted from a "
            "browser, Word, PDF or e-mail files. Briefer keeps each original and a clean "
            "text you can cut excerpts from. You can also drop files onto this window."
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setFixedWidth(520)
        hint.setMinimumHeight(hint.heightForWidth(520))
        layout.addWidget(heading)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        self.files_button = QPushButton(icon("import"), "Import files…")
        self.folder_button = QPushButton(icon("folder"), "Import a folder…")
        self.paste_button = QPushButton(icon("paste"), "Paste an article")
        self.paste_button.setToolTip("Copy an article in your browser, then click here")
        self.sample_button = QPushButton(icon("sample"), "Open the sample library")
        self.sample_button.setToolTip("A separate library with one article to try things on")
        for button in (self.files_button, self.folder_button, self.paste_button,
                       self.sample_button):  # fmt: skip
            button.setMinimumWidth(240)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.files_button.clicked.connect(self.import_files)
        self.folder_button.clicked.connect(self.import_folder)
        self.paste_button.clicked.connect(self.paste_article)
        self.sample_button.clicked.connect(self.open_sample)


class PageHolder(QWidget):
    """Holds the page stack without a layout of its own (issue 16). Showing another
    page makes Qt ask every layout above it to lay out again, up to the window, and the
    central tab widget then repaints all of this tab (search box, filters, tag row:
    ~5 ms of each search's results); a widget without a layout ends that climb here,
    and the stack is simply given the holder's whole area."""

    def __init__(self, child: QWidget, parent=None):
        super().__init__(parent)
        self._child = child
        child.setParent(self)
        policy = QSizePolicy.Policy.Expanding
        self.setSizePolicy(policy, policy)

    def resizeEvent(self, event) -> None:
        self._child.setGeometry(self.rect())
        super().resizeEvent(event)

    def sizeHint(self):
        return self._child.sizeHint()

    def minimumSizeHint(self):
        return self._child.minimumSizeHint()


class LibraryPage(QWidget):
    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.search_box = SearchBox()
        self.filter_bar = FilterBar()

        # Newest first, told to the model before any view asks it for rows and to the
        # header before sorting is enabled, so the first page is read once, in order.
        self.sources_model = SourcesTableModel(library, self)
        self.sources_model.sort(ADDED, Qt.SortOrder.DescendingOrder)
        self.sources_view = QTableView()
        self.sources_view.setModel(self.sources_model)
        self.sources_view.horizontalHeader().setSortIndicator(ADDED, Qt.SortOrder.DescendingOrder)
        self.sources_view.setSortingEnabled(True)
        self.sources_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sources_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.sources_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sources_view.setAlternatingRowColors(True)
        self.sources_view.setWordWrap(False)
        self.sources_view.verticalHeader().hide()
        self.sources_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = self.sources_view.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (OUTLET, PUBLISHED, RELIABILITY_COLUMN, TAGS, EXCERPTS, ADDED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        for column, width in ((OUTLET, 90), (PUBLISHED, 115), (RELIABILITY_COLUMN, 70),
                              (TAGS, 100), (EXCERPTS, 62), (ADDED, 115)):  # fmt: skip
            header.resizeSection(column, width)

        self.open_action = QAction(icon("source"), "&Open Source", self)
        self.open_action.setShortcut(QKeySequence("Return"))
        self.delete_action = QAction(icon("delete"), "&Delete Source", self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        for action in (self.open_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.sources_view.addAction(action)

        self.hits_model = SearchHitsModel(self)
        self.results_view = QListView()
        self.results_view.setModel(self.hits_model)
        self.results_view.setItemDelegate(HitDelegate(self.results_view))
        self.results_view.setAlternatingRowColors(True)
        self.results_view.setUniformItemSizes(True)
        self.no_results = QLabel("Nothing matches.")
        self.no_results.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.first_run = FirstRunPage()
        self.pages = QStackedWidget()
        for page in (self.first_run, self.sources_view, self.results_view, self.no_results):
            self.pages.addWidget(page)

        self.tag_field = TagField()
        self.tag_field.setPlaceholderText("Tag the selected sources: names, separated by commas")
        self.tag_button = QPushButton(icon("tag"), "Tag Sources")
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_field, 1)
        tag_row.addWidget(self.tag_button)
        self.tag_row = QWidget()
        self.tag_row.setLayout(tag_row)
        tag_row.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search_box)
        layout.addWidget(self.filter_bar)
        layout.addWidget(PageHolder(self.pages), 1)
        layout.addWidget(self.tag_row)
        self.sources_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.sources_model.modelReset.connect(self._update_actions)
        self._update_actions()

    # -- what is shown ---------------------------------------------------------------

    def show_table(self) -> None:
        first_run = not self.query() and self._library_empty()
        self.pages.setCurrentWidget(self.first_run if first_run else self.sources_view)
        self.search_box.setVisible(not first_run)
        self.filter_bar.setVisible(not first_run)
        self.tag_row.setVisible(not first_run)

    def _library_empty(self) -> bool:
        return self.sources_model.filters == SearchFilters() and self.sources_model.total == 0

    def show_hits(self, query: str, hits) -> None:
        self.hits_model.set_hits(query, hits)
        self.pages.setCurrentWidget(self.results_view if hits else self.no_results)

    def show_results(self, results: SearchResults, read_more: ReadMore) -> None:
        """A search's hits, the rest of them read by `read_more` as the list scrolls."""
        self.hits_model.set_results(results, read_more)
        self.pages.setCurrentWidget(self.results_view if results.total else self.no_results)

    def hits_pending(self) -> bool:
        """Hits the results list has yet to lay out and paint (HitDelegate's budget)."""
        budget = self.results_view.itemDelegate().budget
        return budget is not None and budget.deferred and self.results_view.isVisible()

    def query(self) -> str:
        return self.search_box.field.text().strip()

    def selected_source_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.sources_view.selectionModel().selectedRows()})
        return [self.sources_model.data(self.sources_model.index(r, 0), SourceIdRole) for r in rows]

    def current_hit(self):
        index = self.results_view.currentIndex()
        return index.data(HitRole) if index.isValid() else None

    def _update_actions(self, *_args) -> None:
        count = len(self.sources_view.selectionModel().selectedRows())
        self.open_action.setEnabled(count >= 1)
        self.delete_action.setEnabled(count >= 1)
        self.tag_button.setEnabled(count >= 1)
        self.tag_field.setEnabled(count >= 1)
