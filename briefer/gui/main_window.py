"""The workbench: navigator, tabs (sources table, readers, briefs) and excerpts panel.

All signal wiring of the window sits in _wire(), so what reacts to what is read in one
place. The window holds no SQL: it calls core services and shows their one-line
BrieferError messages; imports, searches and index rebuilds run on the worker thread.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from briefer.core.errors import BrieferError
from briefer.core.library import Library
from briefer.core.logfile import log_folder
from briefer.core.paths import data_dir
from briefer.core.records import ExcerptRecord, SearchFilters
from briefer.gui import unsaved
from briefer.gui.editor.actions import BriefActions
from briefer.gui.excerpts_panel import ExcerptsPanel
from briefer.gui.icons import SAMPLE_ARTICLE, app_icon, icon
from briefer.gui.library_page import LibraryPage
from briefer.gui.message_bar import MessageBars
from briefer.gui.models.search_model import HitRole
from briefer.gui.navigator import Navigator
from briefer.gui.operations import ChangeHub, Changes, OperationRunner, ops
from briefer.gui.pdf_action import pdf_export_action
from briefer.gui.read_only import ReadOnlyMode, WriteGate
from briefer.gui.recent_menu import RecentLibraries
from briefer.gui.search_bar import Searcher, SearchOutcome
from briefer.gui.undo_commands import (
    DeleteExcerptsCommand,
    DeleteSourceCommand,
    DeleteTagsCommand,
    EditSourceCommand,
)
from briefer.gui.undo_router import UndoRouter
from briefer.gui.worker import CoreWorker

# The editors, dialogs and tabs below load when first opened, not before the first
# paint (issue 16): `_loaded` answers isinstance questions without importing them.
if TYPE_CHECKING:
    from briefer.gui.editor.brief_tab import BriefTab
    from briefer.gui.excerpt_editor import ExcerptEditor
    from briefer.gui.source_tab import SourceTab
    from briefer.gui.tag_manager import TagManager

SAMPLE_LIBRARY_NAME = "sample.briefer"
_SOURCE_TAB = "briefer.gui.source_tab"
_BRIEF_TAB = "briefer.gui.editor.brief_tab"


def _loaded(module: str, name: str) -> type | None:
    """The class if its module is imported already; before that no instance exists."""
    return getattr(sys.modules.get(module), name, None)


def _is_instance(widget: object, module: str, name: str) -> bool:
    cls = _loaded(module, name)
    return cls is not None and isinstance(widget, cls)
HELP_TEXT = """Getting started
• File › Import Files (Ctrl+I) or a folder (Ctrl+Shift+I), drop files on the window, or
  paste an article you copied in a browser (Ctrl+Shift+V).
• Open a source with Enter or a double click; it opens in a tab beside the table.

Cutting excerpts
• Select words in the reader and press Ctrl+E: set credibility 1–6, tags and a comment.
• Click a highlight to select its excerpt; Enter edits it, Delete removes it.
• Ctrl+Z undoes a delete of a source, excerpt or tag; Ctrl+Shift+Z redoes it.

Finding things
• Ctrl+F searches as you type: words, prefix*, "an exact phrase". Filters narrow the
  table by tag, outlet, date and reliability; Save Search keeps them in the navigator.

Grades
• Sources: A completely reliable, B usually reliable, C fairly reliable, D not usually
  reliable, E unreliable, F reliability cannot be judged. A new source is Ungraded
  (? in codes) until you grade it; details save as you leave each field.
• Information: 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable,
  6 truth cannot be judged. An excerpt's grade joins both: B2."""


class Workspace(QTabWidget):
    """The central tabs; relays the signals of its source tabs so the window wires
    them once, in _wire()."""

    excerpt_clicked = Signal(int)  # excerpt id
    details_submitted = Signal(int, dict)  # source id, changes
    date_chosen = Signal(int, object)  # source id, date

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setDocumentMode(True)

    def add_source_tab(self, tab: SourceTab) -> int:
        tab.reader.excerpt_clicked.connect(self.excerpt_clicked)
        tab.details.changes_submitted.connect(self.details_submitted)
        tab.details.state_changed.connect(lambda state, t=tab: self._mark_unsaved(t, state))
        tab.details.date_chosen.connect(self.date_chosen)
        index = self.addTab(tab, icon("source"), _short(tab.title))
        self.setTabToolTip(index, tab.title)
        return index

    def _mark_unsaved(self, tab: SourceTab, state: str) -> None:
        """A dot before the title while the tab holds details not yet saved."""
        index = self.indexOf(tab)
        if index >= 0:
            text = self.tabText(index).removeprefix("● ")
            unsaved = state in ("edited", "saving", "failed")
            self.setTabText(index, f"● {text}" if unsaved else text)

    def source_tabs(self) -> list[SourceTab]:
        return [w for w in map(self.widget, range(self.count()))
                if _is_instance(w, _SOURCE_TAB, "SourceTab")]  # fmt: skip

    def source_tab(self, source_id: int) -> SourceTab | None:
        return next((t for t in self.source_tabs() if t.source_id == source_id), None)


def _short(title: str, limit: int = 32) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


class MainWindow(QMainWindow):
    # The navigator's Briefs node: the brief editor opens the brief with this id.
    brief_requested = Signal(int)
    # Another library is now open in this window (sample library, File › Open Library).
    library_changed = Signal(object)

    def __init__(self, library: Library, parent=None, *, settings: QSettings | None = None):
        super().__init__(parent)
        self.library = library
        # Backups, checks, restore and the writer lock's life (gui/app.py); the app
        # attaches one, tests of the window alone run without.
        self.session = None
        self._opened_here: list[Library] = []
        self.settings = settings if settings is not None else QSettings()
        self.worker = CoreWorker(self)
        self.undo_stack = QUndoStack(self)
        # Every change goes through an operation and comes back as a change event.
        self.changes = ChangeHub(self)
        self.operations = OperationRunner(self.worker, self.changes, lambda: self.library, self)
        self.operations.failed.connect(self.show_error)
        self.searcher = Searcher(library, self.worker, self)
        self._panel_context: tuple[str, Any] = ("none", None)
        self._search_outcome: SearchOutcome | None = None
        self.excerpt_editor: ExcerptEditor | None = None
        self.tag_manager: TagManager | None = None
        self.setWindowIcon(app_icon())
        self.resize(1280, 780)
        self.setAcceptDrops(True)

        self.navigator = Navigator()
        self.navigator.setObjectName("navigator")
        self.library_page = LibraryPage(library)
        self.tabs = Workspace()
        self.tabs.addTab(self.library_page, icon("library"), "Sources")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.excerpts_panel = ExcerptsPanel()
        self.excerpts_panel.setObjectName("excerpts_panel")
        self.excerpts_panel.source_lookup = self._citation_source
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("workbench_splitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.excerpts_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([190, 790, 300])
        # Failures, damage and read-only mode show in bars above the workbench.
        self.messages = MessageBars()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.messages)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.write_gate = WriteGate(self)
        self.read_only_mode = ReadOnlyMode(
            self.messages, self.write_gate, self.reopen_writable, self
        )

        # Short names for what tests and other parts of the GUI reach for.
        self.sources_model = self.library_page.sources_model
        self.sources_view = self.library_page.sources_view
        self.pages = self.library_page.pages
        self.first_run = self.library_page.first_run
        self.search_field = self.library_page.search_box.field
        self.filter_bar = self.library_page.filter_bar

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._gate_writes()
        self._wire()
        self._update_title()
        self.refresh()
        self.recent_libraries.add(library.path)
        self.library_changed.connect(lambda lib: self.recent_libraries.add(lib.path))
        self._restore_state()
        self._show_library_mode(library)

    # -- building ------------------------------------------------------------------

    def _action(
        self, text: str, shortcut: QKeySequence | str | None = None, icon_name: str = ""
    ) -> QAction:
        action = QAction(icon(icon_name) if icon_name else icon(""), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.import_files_action = self._action("&Import Files…", "Ctrl+I", "import")
        # Ctrl+Shift+I belongs to the brief editor's Insert Excerpt.
        self.import_folder_action = self._action("Import &Folder…", "Ctrl+Alt+I", "folder")
        self.paste_article_action = self._action(
            "&Paste Article as New Source", "Ctrl+Shift+V", "paste"
        )
        self.open_library_action = self._action("&Open Library…", keys.Open, "library")
        self.open_sample_action = self._action("Open &Sample Library", None, "sample")
        self.close_tab_action = self._action("&Close Tab", keys.Close, "close")
        self.quit_action = self._action("&Quit", keys.Quit)

        # Fixed texts; UndoRouter enables them and names the item in the tooltip.
        self.undo_action = self._action("&Undo", "Ctrl+Z", "undo")
        self.redo_action = self._action("&Redo", "Ctrl+Shift+Z", "redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_router = UndoRouter(self.undo_stack, self.undo_action, self.redo_action, self)
        self.cut_excerpt_action = self._action("Cut &Excerpt…", "Ctrl+E", "excerpt")
        self.cut_excerpt_action.setToolTip(
            "Make an excerpt of the selected words, whole words (Ctrl+E; "
            "Shift+click or Ctrl+Alt+E: exactly as selected)"
        )
        self.cut_exact_action = self._action("Cut Excerpt E&xactly as Selected…", "Ctrl+Alt+E")
        self.find_action = self._action("&Find…", keys.Find, "search")
        self.delete_source_action = self._action("Delete &Source", None, "delete")

        self.show_navigator_action = self._action("&Navigator", "Ctrl+1")
        self.show_panel_action = self._action("E&xcerpts Panel", "Ctrl+2")
        for action in (self.show_navigator_action, self.show_panel_action):
            action.setCheckable(True)
            action.setChecked(True)
        self.show_sources_action = self._action("&Sources Table", "Ctrl+0", "library")
        self.tag_colours_action = self._action("Colour Highlights by &Tag")
        self.tag_colours_action.setCheckable(True)

        self.manage_tags_action = self._action("Manage &Tags…", "Ctrl+T", "tag")
        self.rebuild_index_action = self._action("&Rebuild Search Index")
        self.check_library_action = self._action("&Check Library")

        # The Brief menu's actions act on the brief tab in front; Ctrl+F is the
        # window's, and finds in that brief or searches the library.
        self.brief_actions = BriefActions(self)
        self.brief_actions.find.setShortcut(QKeySequence())
        self.new_brief_action = self.brief_actions.new_brief
        self.new_brief_action.setIcon(icon("brief"))
        self.export_action = self._action("&Export to Word…", "Ctrl+Shift+E", "save")
        self.export_action.setEnabled(False)
        self.export_pdf_action = pdf_export_action(self)  # File > Export to PDF (issue 13)

        self.help_action = self._action("Briefer &Help", keys.HelpContents, "help")
        self.open_log_folder_action = self._action("Open &Log Folder")
        self.about_action = self._action("&About Briefer")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        for item in (self.import_files_action, self.import_folder_action,
                     self.paste_article_action, None, self.open_library_action,
                     self.open_sample_action, None, self.close_tab_action, None,
                     self.quit_action):  # fmt: skip
            self.file_menu.addAction(item) if item else self.file_menu.addSeparator()
        self.file_menu.insertAction(self.close_tab_action, self.export_pdf_action)
        self.open_recent_menu = QMenu("Open &Recent", self)
        self.file_menu.insertMenu(self.open_sample_action, self.open_recent_menu)
        self.recent_libraries = RecentLibraries(
            self.settings, self.open_recent_menu, self.open_recent_library, self
        )
        self.edit_menu = bar.addMenu("&Edit")
        panel = self.excerpts_panel
        for item in (self.undo_action, self.redo_action, None, self.cut_excerpt_action,
                     self.cut_exact_action,
                     panel.edit_action, panel.copy_action, panel.delete_action, None,
                     self.delete_source_action, None, self.find_action):  # fmt: skip
            self.edit_menu.addAction(item) if item else self.edit_menu.addSeparator()
        self.view_menu = bar.addMenu("&View")
        for item in (self.show_sources_action, None, self.show_navigator_action,
                     self.show_panel_action, None, self.tag_colours_action):  # fmt: skip
            self.view_menu.addAction(item) if item else self.view_menu.addSeparator()
        # The durability work (backups, restore, lock) adds its items to this menu.
        self.library_menu = bar.addMenu("&Library")
        for item in (self.manage_tags_action, None, self.rebuild_index_action,
                     self.check_library_action):  # fmt: skip
            self.library_menu.addAction(item) if item else self.library_menu.addSeparator()
        # The brief editor adds its items to this menu.
        self.brief_menu = bar.addMenu("&Brief")
        self.brief_actions.fill_menu(self.brief_menu)
        self.brief_menu.addSeparator()
        self.brief_menu.addAction(self.export_action)
        self.help_menu = bar.addMenu("&Help")
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.open_log_folder_action)
        self.help_menu.addAction(self.about_action)
        self.reader_actions = [
            self.cut_excerpt_action, self.cut_exact_action, panel.edit_action,
            panel.delete_action,
        ]  # fmt: skip

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar("Main")
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.import_files_action, self.paste_article_action, None,
                       self.cut_excerpt_action, None, self.undo_action, self.redo_action,
                       None, self.manage_tags_action):  # fmt: skip
            self.toolbar.addAction(action) if action else self.toolbar.addSeparator()
        self.addToolBar(self.toolbar)

    def _gate_writes(self) -> None:
        """Everything that writes, closed while the library is open read-only."""
        page, panel, brief = self.library_page, self.excerpts_panel, self.brief_actions
        self.write_gate.add_actions(
            self.import_files_action, self.import_folder_action, self.paste_article_action,
            self.undo_action, self.redo_action, self.cut_excerpt_action, self.cut_exact_action,
            self.delete_source_action, self.manage_tags_action, self.rebuild_index_action,
            panel.edit_action, panel.delete_action, page.delete_action, brief.new_brief,
            brief.save, brief.save_version, brief.insert_excerpt, brief.replace,
        )  # fmt: skip
        self.write_gate.add_widgets(
            page.tag_button, page.tag_field, panel.tag_button, panel.tag_field,
            page.search_box.save_button,
        )  # fmt: skip

    def _wire(self) -> None:
        page, panel, nav = self.library_page, self.excerpts_panel, self.navigator
        self.changes.changed.connect(self._apply_changes)
        # File
        self.import_files_action.triggered.connect(self.choose_files_to_import)
        self.import_folder_action.triggered.connect(self.choose_folder_to_import)
        self.paste_article_action.triggered.connect(self.paste_article)
        self.open_library_action.triggered.connect(self.choose_library_to_open)
        self.open_sample_action.triggered.connect(self.open_sample_library)
        self.close_tab_action.triggered.connect(self.close_current_tab)
        self.quit_action.triggered.connect(self.close)
        page.first_run.import_files.connect(self.choose_files_to_import)
        page.first_run.import_folder.connect(self.choose_folder_to_import)
        page.first_run.paste_article.connect(self.paste_article)
        page.first_run.open_sample.connect(self.open_sample_library)
        # Edit
        self.cut_excerpt_action.triggered.connect(lambda: self.cut_excerpt())
        self.cut_exact_action.triggered.connect(lambda: self.cut_excerpt(exact=True))
        self.find_action.triggered.connect(self.find)
        self.delete_source_action.triggered.connect(self.delete_selected_sources)
        # View
        self.show_navigator_action.toggled.connect(nav.setVisible)
        self.show_panel_action.toggled.connect(panel.setVisible)
        self.show_sources_action.triggered.connect(self.show_sources)
        self.tag_colours_action.toggled.connect(lambda _on: self._refresh_tabs())
        # Library, Brief, Help
        self.manage_tags_action.triggered.connect(self.open_tag_manager)
        self.rebuild_index_action.triggered.connect(self.rebuild_search_index)
        self.check_library_action.triggered.connect(self.check_library)
        self.brief_actions.new_brief_requested.connect(self.new_brief)
        self.export_action.triggered.connect(self.export_current_brief)
        self.brief_requested.connect(self.open_brief)
        self.help_action.triggered.connect(self.show_help)
        self.open_log_folder_action.triggered.connect(self.open_log_folder)
        self.library_changed.connect(self._show_library_mode)
        self.about_action.triggered.connect(self.show_about)
        # Navigator
        nav.sources_requested.connect(self.show_all_sources)
        nav.brief_requested.connect(self.brief_requested)
        nav.tag_requested.connect(self.show_tag)
        nav.saved_search_requested.connect(self.apply_saved_search)
        nav.rename_search_requested.connect(self.rename_saved_search)
        nav.delete_search_requested.connect(self.delete_saved_search)
        # Sources tab: search, filters, table, results
        page.search_box.field.textChanged.connect(self._query_changed)
        page.search_box.save_button.clicked.connect(self.save_search)
        page.filter_bar.changed.connect(self._filters_changed)
        page.sources_view.activated.connect(self._source_row_activated)
        page.open_action.triggered.connect(self._open_selected_sources)
        page.delete_action.triggered.connect(self.delete_selected_sources)
        page.sources_view.selectionModel().selectionChanged.connect(self._source_selection)
        page.results_view.activated.connect(self._hit_activated)
        page.results_view.clicked.connect(self._hit_activated)
        page.tag_button.clicked.connect(self.tag_selected_sources)
        page.tag_field.returnPressed.connect(self.tag_selected_sources)
        self.searcher.results_ready.connect(self._show_search_results)
        self.searcher.failed.connect(lambda message: self.show_error("Search", message))
        # Central tabs
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.excerpt_clicked.connect(panel.select_excerpt)
        self.tabs.details_submitted.connect(self.save_source_details)
        self.tabs.date_chosen.connect(self.resolve_date)
        # Excerpts panel
        panel.edit_requested.connect(self.edit_excerpt)
        panel.delete_requested.connect(self.delete_excerpts)
        panel.tag_requested.connect(self.tag_excerpts)
        panel.excerpt_activated.connect(self.show_excerpt_in_source)
        panel.view.selectionModel().selectionChanged.connect(self._panel_selection)

    # -- state ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read everything shown from core (another library, or a test that wrote
        behind the window's back); edits send change events instead."""
        self._apply_changes(Changes(library_replaced=True))

    def _apply_changes(self, changes: Changes) -> None:
        """A change event: each view reloads only what it shows of the change."""
        everything = changes.everything
        if everything or changes.source_list:
            self.sources_model.reload()
            self._show_table_or_results()
            self._update_status()
        else:
            for source_id in changes.sources:
                self.sources_model.refresh_source(source_id)
        if everything or changes.tags or changes.briefs or changes.searches:
            self._refresh_navigator()
        colours = everything or changes.tags
        for tab in self.tabs.source_tabs():
            if colours or tab.source_id in changes.sources:
                self._reload_source_tab(tab)
        if everything or changes.sources or changes.excerpts or changes.tags:
            self._refresh_panel()

    def _update_status(self) -> None:
        count = self.library.sources.count()
        noun = "source" if count == 1 else "sources"
        self.statusBar().showMessage(f"{count:,} {noun} · {self.library.path}")

    def _update_title(self) -> None:
        suffix = " (read-only)" if self.library.read_only else ""
        self.setWindowTitle(f"Briefer — {self.library.path.name}{suffix}")

    def _refresh_navigator(self) -> None:
        tags = self.library.tags.list()
        self.navigator.set_content(self.library.briefs.list(), tags, self.library.searches.list())
        names = [t.name for t in tags]
        self.filter_bar.set_choices(names, self.library.sources.outlets())
        self.excerpts_panel.set_known_tags(names)
        self.library_page.tag_field.set_known_tags(names)

    def _show_table_or_results(self) -> None:
        if self.library_page.query() and self._search_outcome is not None:
            self.library_page.show_hits(self._search_outcome.query, self._search_outcome.hits)
        else:
            self.library_page.show_table()

    def _citation_source(self, source_id: int):
        """The source of a copied citation; None (a shorter citation) if it is gone."""
        try:
            return self.library.sources.get(source_id)
        except BrieferError:
            return None

    def _tag_colours(self) -> dict[str, str] | None:
        if not self.tag_colours_action.isChecked():
            return {}
        return {t.name: t.color for t in self.library.tags.list() if t.color}

    def _refresh_tabs(self) -> None:
        for tab in self.tabs.source_tabs():
            self._reload_source_tab(tab)

    def _reload_source_tab(self, tab: SourceTab) -> None:
        """The tab's source again; a source gone (deleted, or undone) closes its tab."""
        try:
            source = self.library.sources.get(tab.source_id)
        except BrieferError:
            self.close_tab(self.tabs.indexOf(tab))
            return
        tab.set_source(source, self.library.excerpts.list(source_id=tab.source_id))
        tab.reader.set_excerpts(tab.reader.excerpts, self._tag_colours())
        index = self.tabs.indexOf(tab)
        self.tabs.setTabText(index, _short(source.title))
        self.tabs.setTabToolTip(index, source.title)

    def _set_panel(self, kind: str, value: Any = None) -> None:
        self._panel_context = (kind, value)
        self._refresh_panel()

    def _refresh_panel(self) -> None:
        """The panel follows what the analyst looks at: a source, a tag or a search."""
        kind, value = self._panel_context
        panel = self.excerpts_panel
        try:
            if kind == "source":
                title = self.library.sources.get(value).title
                panel.show_excerpts(
                    f"Excerpts of “{_short(title, 48)}”",
                    self.library.excerpts.list(source_id=value),
                )
            elif kind == "tag":
                panel.show_excerpts(
                    f"Excerpts tagged “{value}”", self.library.excerpts.list(tag=value)
                )
            elif kind == "search" and self._search_outcome is not None:
                ids = [e.id for e in self._search_outcome.excerpts]
                panel.show_excerpts(
                    f"Excerpts matching “{self._search_outcome.query}”",
                    self.library.excerpts.list(ids=ids) if ids else [],
                )
            else:
                panel.show_excerpts("Excerpts — open or select a source", [])
        except BrieferError:
            self._panel_context = ("none", None)
            panel.show_excerpts("Excerpts — open or select a source", [])

    def _settings_key(self, name: str) -> str:
        digest = hashlib.sha1(str(self.library.path).encode()).hexdigest()[:12]
        return f"workbench/{name}/{digest}"

    def _restore_state(self) -> None:
        s = self.settings
        geometry = s.value("workbench/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = s.value("workbench/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        sizes = s.value("workbench/splitter")
        if isinstance(sizes, QByteArray):
            self.splitter.restoreState(sizes)
        self.show_navigator_action.setChecked(not self.navigator.isHidden())
        self.show_panel_action.setChecked(not self.excerpts_panel.isHidden())
        self._restore_tabs()

    def _restore_tabs(self) -> None:
        opened = self.settings.value(self._settings_key("open_sources")) or ""
        for part in str(opened).split(","):
            if part.strip().isdigit():
                self.open_source(int(part), quiet=True)
        briefs = self.settings.value(self._settings_key("open_briefs")) or ""
        known = {b.id for b in self.library.briefs.list()}
        for part in str(briefs).split(","):
            if part.strip().isdigit() and int(part) in known:
                self.open_brief(int(part))
        current = self.settings.value(self._settings_key("current_tab"))
        if current is not None and str(current).lstrip("-").isdigit():
            index = int(current)
            if 0 <= index < self.tabs.count():
                self.tabs.setCurrentIndex(index)

    def save_state(self) -> None:
        s = self.settings
        s.setValue("workbench/geometry", self.saveGeometry())
        s.setValue("workbench/state", self.saveState())
        s.setValue("workbench/splitter", self.splitter.saveState())
        ids = ",".join(str(t.source_id) for t in self.tabs.source_tabs())
        s.setValue(self._settings_key("open_sources"), ids)
        briefs = ",".join(str(t.brief_id) for t in self.brief_tabs())
        s.setValue(self._settings_key("open_briefs"), briefs)
        s.setValue(self._settings_key("current_tab"), self.tabs.currentIndex())
        s.sync()

    def save_all_tabs(self) -> bool:
        """Save every tab before the library goes away (quit, another library, a
        restore); False when something could not be saved and the analyst keeps it."""
        tabs = [*self.tabs.source_tabs(), *self.brief_tabs()]
        return unsaved.save_all_or_ask(self, tabs, self.tabs.setCurrentWidget)

    def closeEvent(self, event) -> None:
        self.save_state()
        if not self.save_all_tabs():
            event.ignore()
            return
        self.worker.wait(10_000)
        self.read_only_mode.stop()
        for library in self._opened_here:
            # The session closes its own library (backup on close, lock released).
            if self.session is None or library is not self.session.library:
                library.close()
        super().closeEvent(event)

    # -- errors --------------------------------------------------------------------

    def show_error(self, title: str, message: str) -> None:
        """A refusal or failure in one line: the window's message bar and the log (the
        hook of every operation, so errors reach one place)."""
        self.report_failure("error", f"{title}: {message}")

    def report_failure(self, key: str, text: str, actions=()) -> None:
        """A failure the analyst must see and may act on: a bar that stays, and the log."""
        self.messages.show_message(key, "error", text, actions)

    def open_log_folder(self) -> None:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        self.statusBar().showMessage(f"The log is in {folder}", 8000)

    # -- read-only -----------------------------------------------------------------

    def _show_library_mode(self, library: Library) -> None:
        """Read-only: writes closed and a bar saying why (gui/read_only.py)."""
        self.read_only_mode.show(library)
        if not library.read_only:
            # Actions with conditions of their own look at them again.
            self._tab_changed(self.tabs.currentIndex())
            self.excerpts_panel._update_actions()
            self.library_page._update_actions()
            self.undo_router.update()

    def reopen_writable(self) -> Library | None:
        """Reopen Writable: take the writer lock of the library shown read-only. The
        read-only library is closed only once the writable one is open."""
        old, path = self.library, self.library.path
        try:
            library = Library.open(path, create=False, lock=True)
        except BrieferError as exc:
            self.read_only_mode.still_read_only(str(exc))
            return None
        self.worker.wait(10_000)
        old_session = self.session
        self.switch_library(library)
        if old_session is not None:
            from briefer.gui.app import LibrarySession

            old_session.close()  # closes the read-only library
            session = LibrarySession(library, self)
            self.attach_session(session)
            session.start()
        else:
            old.close()
        if old in self._opened_here:
            self._opened_here.remove(old)
        self.statusBar().showMessage(f"{path.name} is open for writing", 8000)
        return library

    # -- tabs ----------------------------------------------------------------------

    def add_tab(self, widget: QWidget, title: str) -> int:
        """A tab for any widget (the brief editor uses this); it becomes current."""
        index = self.tabs.addTab(widget, _short(title))
        self.tabs.setTabToolTip(index, title)
        self.tabs.setCurrentIndex(index)
        return index

    def close_tab(self, index: int) -> None:
        """Close a tab; the Sources tab stays. Widgets may refuse by defining
        can_close() -> bool (e.g. an editor with unsaved changes)."""
        widget = self.tabs.widget(index)
        if widget is None or widget is self.library_page:
            return
        can_close = getattr(widget, "can_close", None)
        if callable(can_close) and not can_close():
            return
        if not unsaved.save_or_ask(self, widget):
            return
        self.tabs.removeTab(index)
        widget.deleteLater()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def current_source_tab(self) -> SourceTab | None:
        widget = self.tabs.currentWidget()
        return widget if _is_instance(widget, _SOURCE_TAB, "SourceTab") else None

    def open_source(self, source_id: int, *, quiet: bool = False) -> SourceTab | None:
        """Show a source in the reader, in its own tab (focused if already open)."""
        tab = self.tabs.source_tab(source_id)
        if tab is None:
            try:
                source = self.library.sources.get(source_id)
                excerpts = self.library.excerpts.list(source_id=source_id)
            except BrieferError as exc:
                if not quiet:
                    self.show_error("Open source", str(exc))
                return None
            from briefer.gui.source_tab import SourceTab
            tab = SourceTab(source, excerpts)
            tab.details.set_read_only(self.library.read_only)
            tab.original_requested.connect(self.show_original)
            tab.reader.extra_actions = self.reader_actions
            if self.tag_colours_action.isChecked():
                tab.reader.set_excerpts(excerpts, self._tag_colours())
            self.tabs.add_source_tab(tab)
        self.tabs.setCurrentWidget(tab)
        return tab

    def show_original(self, source_id: int):
        """The stored original of a source, read-only and offline (gui/original_view.py)."""
        from briefer.gui.original_view import OriginalDialog

        try:
            source = self.library.sources.get(source_id)
            record = self.library.sources.original(source_id)
        except BrieferError as exc:
            self.show_error("See the original", str(exc))
            return None
        if record is None:
            self.show_error("See the original", "No original file is stored for this source")
            return None
        dialog = OriginalDialog(record, source.title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.original_dialog = dialog
        return dialog

    def show_sources(self) -> None:
        self.tabs.setCurrentWidget(self.library_page)

    def _tab_changed(self, _index: int) -> None:
        self.brief_actions.set_tab(self.current_brief_tab())
        self.export_action.setEnabled(self.current_brief_tab() is not None)
        tab = self.current_source_tab()
        if tab is not None:
            self._set_panel("source", tab.source_id)
        elif self.tabs.currentWidget() is self.library_page:
            self._panel_for_library_page()

    def _panel_for_library_page(self) -> None:
        if self.library_page.query() and self._search_outcome is not None:
            self._set_panel("search")
        elif self.filter_bar.filters().tag:
            self._set_panel("tag", self.filter_bar.filters().tag)
        else:
            ids = self.library_page.selected_source_ids()
            self._set_panel("source", ids[0]) if len(ids) == 1 else self._set_panel("none")

    # -- navigator, search and filters ---------------------------------------------

    def show_all_sources(self) -> None:
        self.search_field.clear()
        self.filter_bar.set_filters(SearchFilters())
        self.show_sources()

    def show_tag(self, name: str) -> None:
        """Sources with the tag in the table; excerpts with it in the panel. With a
        brief in front the brief stays there, so the excerpts can be dragged into it."""
        self.search_field.clear()
        self.filter_bar.set_tag(name)
        if self.current_brief_tab() is None:
            self.show_sources()
        self._set_panel("tag", name)

    def focus_search(self) -> None:
        self.show_sources()
        self.search_field.setFocus()
        self.search_field.selectAll()

    def _query_changed(self, _text: str = "") -> None:
        if self.library_page.query():
            self.searcher.request(self.library_page.query(), self.filter_bar.filters())
        else:
            self._search_outcome = None
            self.library_page.show_table()
            self._panel_for_library_page()

    def _filters_changed(self) -> None:
        filters = self.filter_bar.filters()
        self.sources_model.set_filters(filters)
        if self.library_page.query():
            self.searcher.request(self.library_page.query(), filters)
        else:
            self.library_page.show_table()
            self._panel_for_library_page()

    def _show_search_results(self, outcome: SearchOutcome) -> None:
        if outcome.query != self.library_page.query():
            return  # the field changed since; a newer search is on its way
        self._search_outcome = outcome
        self.library_page.show_hits(outcome.query, outcome.hits)
        self._set_panel("search")
        count = len(outcome.hits)
        self.statusBar().showMessage(f"{count} match{'es' if count != 1 else ''}", 5000)

    def _hit_activated(self, index) -> None:
        hit = index.data(HitRole) if index is not None else self.library_page.current_hit()
        if hit is None:
            return
        tab = self.open_source(hit.source_id)
        if tab is not None and hit.kind == "excerpt":
            tab.reader.show_excerpt(hit.id)
            self.excerpts_panel.select_excerpt(hit.id)

    def save_search(self) -> None:
        name, ok = QInputDialog.getText(self, "Save search", "Name for this search:")
        if not ok or not name.strip():
            return
        query, filters = self.search_field.text().strip(), self.filter_bar.filters()
        self.operations.run(
            ops.save_search(name, query, filters),
            on_done=lambda _s: self.statusBar().showMessage(
                f"Saved search “{name.strip()}”", 5000),
        )  # fmt: skip

    def apply_saved_search(self, saved) -> None:
        self.filter_bar.set_filters(saved.filters)
        self.search_field.setText(saved.query)
        self.show_sources()
        if saved.query.strip():
            self.searcher.run_now()

    def rename_saved_search(self, saved) -> None:
        name, ok = QInputDialog.getText(self, "Rename saved search", "New name:", text=saved.name)
        if ok and name.strip():
            self.operations.run(ops.rename_search(saved.id, name))

    def delete_saved_search(self, saved) -> None:
        self.operations.run(ops.delete_search(saved.id))

    # -- sources -------------------------------------------------------------------

    def _source_row_activated(self, index) -> None:
        self.open_source(self.sources_model.source_at(index.row()).id)

    def _open_selected_sources(self) -> None:
        for source_id in self.library_page.selected_source_ids():
            self.open_source(source_id)

    def _source_selection(self, *_args) -> None:
        if self.tabs.currentWidget() is self.library_page:
            self._panel_for_library_page()

    def selected_source_ids(self) -> list[int]:
        """The sources the analyst means: the table's selection, else the open source."""
        if self.tabs.currentWidget() is self.library_page:
            return self.library_page.selected_source_ids()
        tab = self.current_source_tab()
        return [tab.source_id] if tab else []

    def save_source_details(self, source_id: int, changes: dict) -> None:
        """The details form submitted changes: save them on the worker; once saved,
        Ctrl+Z puts the old values back."""
        tab = self.tabs.source_tab(source_id)
        before = tab.details.previous_values(changes) if tab else {}
        title = f"“{tab.title}”" if tab else f"source {source_id}"

        def saved(_source) -> None:
            self.undo_stack.push(
                EditSourceCommand(source_id, before, changes, title, self._apply_source_values)
            )
            self.statusBar().showMessage("Details saved", 5000)

        self._write_source(source_id, ops.update_source(source_id, changes), title, saved)

    def _apply_source_values(self, source_id: int, values: dict) -> None:
        """Undo and redo of a details edit: the values saved as an operation."""
        op = ops.update_source(source_id, values)
        self._write_source(source_id, op, f"source {source_id}")

    def resolve_date(self, source_id: int, chosen) -> None:
        op = ops.resolve_date(source_id, chosen)
        self._write_source(source_id, op, f"source {source_id}")

    def _write_source(self, source_id: int, op, title: str, then=None) -> None:
        """A details operation: the form hears whether it saved; a failure keeps what
        was typed and says so in the bar."""

        def done(source) -> None:
            tab = self.tabs.source_tab(source_id)
            if tab is not None:
                tab.details.saved(source)
            self.messages.clear("write")
            if then is not None:
                then(source)

        def failed(message: str) -> None:
            tab = self.tabs.source_tab(source_id)
            if tab is not None:
                tab.details.save_failed(message)
            self.report_failure(
                "write",
                f"The details of {title} were not saved: {message}. What you typed is "
                "kept in the form: correct it and leave the field to save again.",
            )

        self.operations.run(op, on_done=done, on_failed=failed, report=False)

    def tag_selected_sources(self) -> None:
        ids, names = self.library_page.selected_source_ids(), self.library_page.tag_field.tags()
        if not ids or not names:
            return

        def done(_tags) -> None:
            self.library_page.tag_field.clear()
            noun = "source" if len(ids) == 1 else "sources"
            self.statusBar().showMessage(f"Tagged {len(ids)} {noun}", 5000)

        self.operations.run(ops.tag_sources(ids, names), on_done=done)

    def delete_selected_sources(self) -> None:
        for source_id in self.selected_source_ids():
            self.delete_source(source_id)

    def delete_source(self, source_id: int) -> None:
        """Refused by core, with the briefs named, while any excerpt is cited."""

        def done(deleted) -> None:
            self.undo_stack.push(DeleteSourceCommand(self.operations, deleted))
            self.statusBar().showMessage("Source deleted — Ctrl+Z brings it back", 8000)

        self.operations.run(ops.delete_source(source_id), on_done=done)

    # -- excerpts ------------------------------------------------------------------

    def cut_excerpt(self, exact: bool = False) -> None:
        """Ctrl+E: the selected words of the reader become an excerpt, graded in a
        small editor. Words cut by the selection are completed or dropped; with Shift
        held (a Shift+click on the button or menu item) or by Ctrl+Alt+E the excerpt is
        exactly the selection (Ctrl+Shift+E is Export to Word)."""
        exact = exact or bool(
            QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        tab = self.current_source_tab()
        span = tab.reader.selection_span(exact=exact) if tab else None
        if tab is None or span is None:
            self.statusBar().showMessage("Select words in an open source, then press Ctrl+E", 6000)
            return
        start, end = span
        text = tab.source.body[start:end]
        from briefer.core.speaker import speaker_near
        from briefer.gui.excerpt_editor import ExcerptEditor
        editor = ExcerptEditor(
            text, known_tags=self._known_tags(),
            speaker=speaker_near(tab.source.body, start, end), parent=self,
        )  # fmt: skip
        editor.accepted.connect(
            lambda: self._create_excerpt(tab.source_id, start, end, text, editor)
        )
        self.excerpt_editor = editor
        editor.open()

    def _create_excerpt(self, source_id: int, start: int, end: int, text: str, editor) -> None:
        def done(created) -> None:
            self.excerpts_panel.select_excerpt(created.id)
            self.statusBar().showMessage(f"Excerpt {created.grade} saved", 5000)

        op = ops.create_excerpt(source_id, start, end, text, editor.choice())
        self.operations.run(op, on_done=done)

    def edit_excerpt(self, excerpt_id: int) -> None:
        try:
            excerpt = self.library.excerpts.get(excerpt_id)
        except BrieferError as exc:
            self.show_error("Edit excerpt", str(exc))
            return
        from briefer.gui.excerpt_editor import ExcerptEditor
        editor = ExcerptEditor(
            excerpt.text, known_tags=self._known_tags(), credibility=excerpt.credibility,
            tags=excerpt.tags, comment=excerpt.comment, speaker=excerpt.speaker,
            title="Edit excerpt", parent=self,
        )  # fmt: skip
        editor.accepted.connect(lambda: self._update_excerpt(excerpt, editor))
        self.excerpt_editor = editor
        editor.open()

    def _update_excerpt(self, excerpt: ExcerptRecord, editor) -> None:
        self.operations.run(
            ops.edit_excerpt(excerpt, editor.choice()),
            on_done=lambda _e: self.excerpts_panel.select_excerpt(excerpt.id),
        )

    def delete_excerpts(self, excerpt_ids: Sequence[int]) -> None:
        def done(deleted) -> None:
            self.undo_stack.push(DeleteExcerptsCommand(self.operations, deleted))
            self.statusBar().showMessage("Deleted — Ctrl+Z brings it back", 8000)

        if excerpt_ids:
            self.operations.run(ops.delete_excerpts(excerpt_ids), on_done=done)

    def tag_excerpts(self, excerpt_ids: list, names: list) -> None:
        sources = {e.source_id for e in self.excerpts_panel.selected() if e.id in excerpt_ids}
        self.operations.run(ops.tag_excerpts(excerpt_ids, names, sources))

    def show_excerpt_in_source(self, excerpt: ExcerptRecord) -> None:
        tab = self.open_source(excerpt.source_id)
        if tab is not None:
            tab.reader.show_excerpt(excerpt.id)
            self.excerpts_panel.select_excerpt(excerpt.id)

    def _panel_selection(self, *_args) -> None:
        """A single excerpt selected in the panel is shown in its open reader."""
        chosen = self.excerpts_panel.selected()
        tab = self.current_source_tab()
        if len(chosen) == 1 and tab is not None and chosen[0].source_id == tab.source_id:
            tab.reader.show_excerpt(chosen[0].id)

    def _known_tags(self) -> list[str]:
        return [t.name for t in self.library.tags.list()]

    # -- tags ----------------------------------------------------------------------

    def open_tag_manager(self) -> None:
        from briefer.gui.tag_manager import TagManager
        manager = TagManager(self.library, self)
        manager.delete_requested.connect(self.delete_tags)
        manager.tags_changed.connect(lambda: self.changes.emit(ops.tags_edited()))
        self.tag_manager = manager
        manager.open()

    def delete_tags(self, names: Sequence[str]) -> None:
        def done(deleted) -> None:
            self.undo_stack.push(DeleteTagsCommand(self.operations, deleted))
            if self.filter_bar.filters().tag in names:
                self.filter_bar.set_filters(SearchFilters())
            if self.tag_manager is not None:
                self.tag_manager.reload()

        if names:
            self.operations.run(ops.delete_tags(names), on_done=done)

    # -- briefs --------------------------------------------------------------------

    def new_brief(self) -> None:
        """New Brief…: title, template and marking, then the brief opens in a tab."""
        from briefer.gui.editor.new_brief_dialog import NewBriefDialog
        brief_id = NewBriefDialog.create_brief(self, self.library, self.worker)
        if brief_id is not None:
            self.changes.emit(Changes.of(briefs=[brief_id]))
            self.open_brief(brief_id)

    def brief_tabs(self) -> list[BriefTab]:
        return [w for w in map(self.tabs.widget, range(self.tabs.count()))
                if _is_instance(w, _BRIEF_TAB, "BriefTab")]  # fmt: skip

    def current_brief_tab(self) -> BriefTab | None:
        widget = self.tabs.currentWidget()
        return widget if _is_instance(widget, _BRIEF_TAB, "BriefTab") else None

    def open_brief(self, brief_id: int) -> BriefTab:
        """Show a brief in the editor, in its own tab (focused if already open)."""
        tab = next((t for t in self.brief_tabs() if t.brief_id == brief_id), None)
        if tab is None:
            from briefer.gui.editor.brief_tab import BriefTab
            tab = BriefTab(self.library, self.worker, brief_id, self)
            tab.title_changed.connect(lambda title, t=tab: self._brief_title_changed(t, title))
            tab.details_changed.connect(
                lambda t=tab: self.changes.emit(Changes.of(briefs=[t.brief_id])))
            tab.excerpt_activated.connect(self.show_cited_excerpt)
            self.add_tab(tab, "Brief")
            self.tabs.setTabIcon(self.tabs.indexOf(tab), icon("brief"))
        self.tabs.setCurrentWidget(tab)
        return tab

    def _brief_title_changed(self, tab: BriefTab, title: str) -> None:
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self.tabs.setTabText(index, _short(title or "Untitled brief"))
            self.tabs.setTabToolTip(index, title)

    def show_cited_excerpt(self, excerpt_id: int) -> None:
        """A citation marker was clicked: the excerpt, highlighted in its source."""
        try:
            self.show_excerpt_in_source(self.library.excerpts.get(excerpt_id))
        except BrieferError as exc:
            self.show_error("Open excerpt", str(exc))

    def find(self) -> None:
        """Ctrl+F: find in the brief in front, else search the library."""
        tab = self.current_brief_tab()
        if tab is not None:
            tab.find()
        else:
            self.focus_search()

    def export_current_brief(self) -> None:
        from briefer.gui.export_dialog import export_brief_interactively

        tab = self.current_brief_tab()
        if tab is None:
            self.show_error(
                "Export to Word", "Open a brief first: export works on the brief in front."
            )
            return
        if not tab.flush():
            self.show_error(
                "Export to Word", "The brief could not be saved; export waits until it is."
            )
            return
        export_brief_interactively(self, self.library, tab.brief_id, settings=self.settings)
        tab.refresh_release()  # an export as final raised the version

    def export_current_brief_pdf(self) -> None:
        """File > Export to PDF…: the export dialog with PDF chosen (issue 13)."""
        from briefer.gui.export_dialog import export_brief_interactively

        tab = self.current_brief_tab()
        if tab is None or not tab.flush():
            self.show_error("Export to PDF", "Open a brief that can be saved first.")
            return
        export_brief_interactively(
            self, self.library, tab.brief_id, pdf=True, settings=self.settings
        )
        tab.refresh_release()  # an export as final raised the version

    def choose_files_to_import(self) -> None:
        from briefer.ingest import SUPPORTED_EXTENSIONS

        patterns = " ".join(f"*{ext}" for ext in sorted(SUPPORTED_EXTENSIONS))
        names, _ = QFileDialog.getOpenFileNames(
            self, "Import files", str(Path.home()), f"Articles ({patterns});;All files (*)"
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def choose_folder_to_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder", str(Path.home()))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Import on the worker thread with a cancellable progress dialog."""
        if self.library.read_only:
            self.statusBar().showMessage("The library is open read-only: nothing imported", 8000)
            return
        progress = QProgressDialog("Importing…", "Cancel", 0, 0, self)
        progress.setWindowTitle("Import")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.import_progress = progress

        def on_progress(done: int, total: int, label: str) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            progress.setLabelText(f"Importing {Path(label).name}…")

        job = self.operations.run(
            ops.import_files(paths), on_progress=on_progress,
            on_done=lambda report: (progress.close(), self.show_import_report(report)),
            on_failed=lambda _message: progress.close(),
        )  # fmt: skip
        progress.canceled.connect(job.cancel)
        self.last_import_job = job

    def show_import_report(self, report) -> None:
        """The summary at the end; one imported article opens in the reader."""
        summary = report.summary()
        imported = [r for r in report.results if r.status == "imported"]
        if len(report.results) == 1 and len(imported) == 1:
            self.open_source(imported[0].source_id)
        else:
            from briefer.gui.dialogs.import_report import ImportReportDialog
            box = ImportReportDialog(report, self)
            box.setObjectName("import_report")
            box.open()
        self.statusBar().showMessage(f"Import: {summary}", 10_000)

    def paste_article(self) -> None:
        """The clipboard (its HTML when the browser offers it) becomes a new source."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        html = mime.html() if mime is not None and mime.hasHtml() else None
        if not text.strip() and not (html or "").strip():
            self.show_error("Paste article", "The clipboard holds no text; copy an article first")
            return
        self._submit_paste(text, html, "")

    def _submit_paste(self, text: str, html: str | None, title: str) -> None:
        self.operations.run(
            ops.paste_article(text, html, title),
            on_done=lambda result: self._pasted(result, text, html),
        )

    def ask_paste_title(self, guess: str) -> str:
        """The headline of a paste whose title could not be told apart ('' to cancel)."""
        title, ok = QInputDialog.getText(
            self, "Paste article",
            "No headline could be told apart from the page around it.\n"
            "Title of the pasted article:", text=guess)
        return title.strip() if ok else ""

    def _pasted(self, result, text: str = "", html: str | None = None) -> None:
        if result.status == "needs_title":
            title = self.ask_paste_title(result.title)
            if title:
                self._submit_paste(text, html, title)
            return
        if result.status == "imported":
            self.open_source(result.source_id)
            self.statusBar().showMessage(f"Pasted as a new source: {result.title}", 8000)
        elif result.status == "duplicate" and result.source_id is not None:
            self.open_source(result.source_id)
            self.statusBar().showMessage(f"Already in the library: {result.message}", 8000)
        else:
            self.show_error("Paste article", result.message)

    def dragEnterEvent(self, event) -> None:
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = _local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- libraries -------------------------------------------------------------------

    def choose_library_to_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open library", str(self.library.path.parent),
            "Briefer libraries (*.briefer);;All files (*)",
        )  # fmt: skip
        if name and self.save_all_tabs():
            self.open_other_library(Path(name), create=False)

    def open_recent_library(self, path: Path) -> None:
        """File › Open Recent: another library in this window, as Open Library… does."""
        if self.save_all_tabs():
            self.open_other_library(Path(path), create=False)

    def open_sample_library(self) -> None:
        """A separate library in the user data folder holding the bundled article."""
        if not self.save_all_tabs():
            return
        path = data_dir() / SAMPLE_LIBRARY_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not path.exists()
        sample = self.open_other_library(path, create=True)
        if sample is None:
            return
        if fresh or sample.sources.count() == 0:
            self.import_paths([SAMPLE_ARTICLE])

    def attach_session(self, session) -> None:
        """Take over a LibrarySession: its Back Up Now, Restore from Backup… and Check
        Library join the Library menu (its check replaces the window's simpler one), a
        damaged library found in the background offers the newest backup, and a
        restored library replaces the one shown."""
        first = self.session is None
        self.session = session
        session.damage_found.connect(lambda report: session.handle_damage(report, self))
        session.library_replaced.connect(self.switch_library)
        session.backup_failed.connect(self._backup_failed)
        session.damage_found.connect(self._damage_found)
        session.backup_made.connect(
            lambda path: self.statusBar().showMessage(f"Backed up to {path}", 8000)
        )
        session.backup_made.connect(lambda _path: self.messages.clear("backup"))
        if first:
            self.library_menu.removeAction(self.check_library_action)
            self.library_menu.addSeparator()
            self.session_actions = session.install_menu(self.library_menu)
            for action in self.session_actions:
                action.triggered.disconnect()
            back_up, restore, check = self.session_actions
            back_up.triggered.connect(lambda: self.session.back_up_now(self))
            restore.triggered.connect(self._restore_from_backup)
            check.triggered.connect(lambda: self.session.check_library(self))
            self.write_gate.add_actions(restore)

    def _backup_failed(self, message: str) -> None:
        self.report_failure(
            "backup",
            f"The backup failed: {message}. The library itself is unharmed; once that is "
            "fixed, back up again.",
            [("Back Up Now", lambda: self.session and self.session.back_up_now(self)),
             ("Open Log Folder", self.open_log_folder)],
        )  # fmt: skip

    def _damage_found(self, report) -> None:
        problems = "; ".join(report.problems[:2])
        self.report_failure(
            "damage",
            f"Damage found in {self.library.path.name}: {problems}. Do not keep working in "
            "it: restore a backup, or open another library.",
            [("Restore from Backup…", self._restore_from_backup),
             ("Open Library…", self.choose_library_to_open)],
        )  # fmt: skip

    def _restore_from_backup(self) -> None:
        if self.session is not None and self.save_all_tabs():
            self.session.restore_from_backup(self)

    def open_other_library(self, path: Path, *, create: bool) -> Library | None:
        """Open another library in this window: with the app's session, through the
        lock and damage checks (and the old library is backed up and closed); alone,
        directly."""
        if self.session is None:
            try:
                library = Library.open(path, create=create)
            except BrieferError as exc:
                self.show_error("Open library", str(exc))
                return None
            self.switch_library(library)
            return library
        from briefer.gui.app import LibrarySession, open_library_interactively

        if Path(path).absolute() == self.library.path:
            return self.library
        library = open_library_interactively(path, self, create=create)
        if library is None:
            return None
        old = self.session
        self.switch_library(library)
        old.close()
        session = LibrarySession(library, self)
        self.attach_session(session)
        session.start()
        return library

    def switch_library(self, library: Library) -> None:
        """Show another library in this window; the one opened here is closed on exit."""
        for tab in self.brief_tabs():
            tab.flush()
        self.worker.wait(10_000)
        self.save_state()
        while self.tabs.count() > 1:
            widget = self.tabs.widget(1)
            self.tabs.removeTab(1)
            widget.deleteLater()
        self.undo_stack.clear()
        self.library = library
        self._opened_here.append(library)
        self.searcher.library = library
        self._search_outcome = None
        self._panel_context = ("none", None)
        self.search_field.clear()
        self.filter_bar.set_filters(SearchFilters())
        self.sources_model.set_library(library)
        self._update_title()
        self.refresh()
        self._restore_tabs()
        self.library_changed.emit(library)

    # -- library maintenance ---------------------------------------------------------

    def rebuild_search_index(self) -> None:
        progress = QProgressDialog("Rebuilding the search index…", None, 0, 0, self)
        progress.setWindowTitle("Search index")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def done(_result) -> None:
            progress.close()
            self.statusBar().showMessage("Search index rebuilt", 8000)

        self.operations.run(
            ops.rebuild_search_index(), on_done=done, on_failed=lambda _m: progress.close()
        )

    def check_library(self) -> None:
        def done(report) -> None:
            if report.ok:
                self.statusBar().showMessage("The library is sound", 8000)
                self.messages.clear("check")
                return
            problems = "; ".join(report.problems[:3])
            self.report_failure("check", f"Check library: {len(report.problems)} problem(s) "
                                f"found: {problems}", [("Open Log Folder", self.open_log_folder)])

        self.statusBar().showMessage("Checking the library…")
        self.operations.run(ops.check_library(), on_done=done)

    # -- help ------------------------------------------------------------------------

    def show_help(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "Briefer Help", HELP_TEXT, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        self.help_box = box

    def show_about(self) -> None:
        from briefer.gui.about import open_about
        self.about_box = open_about(self, self.library.path)


def _local_paths(mime) -> list[Path]:
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return paths if paths and len(paths) == len(mime.urls()) else []
