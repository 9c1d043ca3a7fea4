"""The workbench: navigator, central tabs, excerpts panel, message bars and status.

The window only assembles (issue 12): it builds the widgets, the actions of the table
in gui/actions.py and one feature per area (gui/features/: sources, excerpts, search,
briefs, imports, library, help), which own the logic. Every change to the library runs
as an operation (gui/operations/) on the one worker thread and comes back as a change
event through `self.changes`, to which the features subscribe.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QToolBar, QVBoxLayout, QWidget

from briefer.core.library import Library
from briefer.gui.actions import (
    ACTIONS,
    ActionId,
    ActionStates,
    Needs,
    Slot,
    build_actions,
    fill_menus,
    fill_toolbar,
)
from briefer.gui.excerpts_panel import ExcerptsPanel
from briefer.gui.features.briefs import BriefsFeature
from briefer.gui.features.excerpts import ExcerptsFeature
from briefer.gui.features.help import HelpFeature
from briefer.gui.features.imports import ImportsFeature, local_paths
from briefer.gui.features.library import LibraryFeature
from briefer.gui.features.search import NavigatorContent, SearchFeature, navigator_content
from briefer.gui.features.sources import SourcesFeature
from briefer.gui.first_paint import after_first_paint
from briefer.gui.icons import app_icon
from briefer.gui.library_page import LibraryPage
from briefer.gui.message_bar import MessageBars
from briefer.gui.navigator import Navigator
from briefer.gui.operations import ChangeHub, Changes, OperationRunner
from briefer.gui.pdf_action import pdf_export_action
from briefer.gui.read_only import WriteGate
from briefer.gui.recent_menu import RecentLibraries
from briefer.gui.undo_router import UndoRouter
from briefer.gui.worker import CoreWorker
from briefer.gui.workspace import Workspace

log = logging.getLogger("briefer.window")


class MainWindow(QMainWindow):
    # Another library is now open in this window (sample library, File › Open Library).
    library_changed = Signal(object)
    # finish_start() is done: the services are loaded and the lists filled.
    loaded = Signal()

    def __init__(self, library: Library, parent=None, *, settings: QSettings | None = None):
        super().__init__(parent)
        self.library = library
        #: finish_start() has run: the navigator, panel and status show this library.
        self.started = False
        self.settings = settings if settings is not None else QSettings()
        self.worker = CoreWorker(self)
        self.undo_stack = QUndoStack(self)
        # Every change goes through an operation and comes back as a change event.
        self.changes = ChangeHub(self)
        self.operations = OperationRunner(self.worker, self.changes, lambda: self.library, self)
        self.operations.failed.connect(self.show_error)
        self.setWindowIcon(app_icon())
        self.resize(1280, 780)
        self.setAcceptDrops(True)
        self._build_widgets()
        self.actions_by_id = build_actions(self)
        self.action_states = ActionStates(self.actions_by_id)
        self.undo_router = UndoRouter(
            self.undo_stack, self.action("undo"), self.action("redo"), self
        )
        self.write_gate = WriteGate(self)
        self.libraries = LibraryFeature(self)
        self.search = SearchFeature(self)
        self.sources = SourcesFeature(self)
        self.excerpts = ExcerptsFeature(self)
        self.briefs = BriefsFeature(self)
        self.imports = ImportsFeature(self)
        self.help = HelpFeature(self)
        self._build_menus()
        self._build_toolbar()
        self._gate_writes()
        self._wire()
        self.update_title()
        # The first screen: the table reads its count and first rows (plain SQL) when
        # the view asks, and the status bar shows that count. The navigator's lists and
        # the excerpts panel follow the first paint (finish_start), so the window shows
        # sooner (issue 16).
        self.search.show_table_or_results()
        self.update_status()
        self.recent_libraries.add(library.path)
        self.libraries.restore_state()
        self.update_actions()
        self.libraries.show_mode(library)
        after_first_paint(self, self.finish_start)

    # -- building ------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.navigator = Navigator()
        self.navigator.setObjectName("navigator")
        self.library_page = LibraryPage(self.library)
        self.tabs = Workspace(self.library_page)
        self.excerpts_panel = ExcerptsPanel()
        self.excerpts_panel.setObjectName("excerpts_panel")
        # The sizes are the analyst's: a fixed minimum for the tabs, so a source or
        # brief in front (whose own minimum is wide) never squeezes the navigator.
        self.tabs.setMinimumWidth(360)
        self.navigator.setMinimumWidth(150)
        self.excerpts_panel.setMinimumWidth(180)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("workbench_splitter")
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.navigator, self.tabs, self.excerpts_panel):
            self.splitter.addWidget(widget)
        for index, stretch in enumerate((0, 1, 0)):
            self.splitter.setStretchFactor(index, stretch)
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

    def action(self, action_id: ActionId | str) -> QAction:
        """The window's action of the table in gui/actions.py."""
        return self.actions_by_id[ActionId(action_id)]

    def _build_menus(self) -> None:
        panel = self.excerpts_panel
        self.open_recent_menu = QMenu("Open &Recent", self)
        self.export_pdf_action = pdf_export_action(self)  # File > Export to PDF (issue 13)
        slots = {
            Slot.OPEN_RECENT: lambda menu: menu.addMenu(self.open_recent_menu),
            Slot.EXPORT_PDF: lambda menu: menu.addAction(self.export_pdf_action),
            Slot.PANEL: lambda menu: menu.addActions(
                [panel.edit_action, panel.copy_action, panel.delete_action]),
            Slot.BRIEF: self.briefs.actions.fill_menu,
        }  # fmt: skip
        self.menus = fill_menus(self.menuBar(), self.actions_by_id, slots)
        self.recent_libraries = RecentLibraries(
            self.settings, self.open_recent_menu, self.libraries.open_recent_library, self
        )
        self.reader_actions = [self.action("cut_excerpt"), self.action("cut_exact"),
                               panel.edit_action, panel.delete_action]  # fmt: skip

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar("Main")
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        fill_toolbar(self.toolbar, self.actions_by_id)
        self.addToolBar(self.toolbar)

    def _gate_writes(self) -> None:
        """Everything that writes, closed while the library is open read-only."""
        page, panel, brief = self.library_page, self.excerpts_panel, self.briefs.actions
        self.write_gate.add_actions(
            *(self.actions_by_id[s.id] for s in ACTIONS if Needs.WRITABLE in s.needs),
            panel.edit_action, panel.delete_action, page.delete_action, brief.new_brief,
            brief.save, brief.save_version, brief.insert_excerpt, brief.replace,
        )  # fmt: skip
        self.write_gate.add_widgets(
            page.tag_button, page.tag_field, panel.tag_button, panel.tag_field,
            page.search_box.save_button,
        )  # fmt: skip

    def _wire(self) -> None:
        """What the window itself reacts to; each feature wires its own part."""
        self.action("close_tab").triggered.connect(self.close_current_tab)
        self.action("quit").triggered.connect(self.close)
        self.action("delete_source").triggered.connect(self.sources.delete_selected)
        self.action("show_sources").triggered.connect(self.search.show_sources)
        self.action("show_navigator").toggled.connect(self.navigator.setVisible)
        self.action("show_panel").toggled.connect(self.excerpts_panel.setVisible)
        for action_id in ("show_navigator", "show_panel"):
            self.action(action_id).setChecked(True)
        self.action("tag_colours").toggled.connect(lambda _on: self.sources.reload_tabs())
        self.library_changed.connect(lambda lib: self.recent_libraries.add(lib.path))
        self.library_changed.connect(self.libraries.show_mode)
        self.tabs.tabCloseRequested.connect(self.tabs.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        for feature in (self.libraries, self.sources, self.search, self.excerpts,
                        self.briefs, self.imports, self.help):  # fmt: skip
            feature.wire()

    # -- state ---------------------------------------------------------------------

    @property
    def session(self):
        """The LibrarySession of the library shown (gui/session.py), or None."""
        return self.libraries.session

    def attach_session(self, session) -> None:
        self.libraries.attach_session(session)

    def finish_start(self) -> None:
        """What the first screen leaves out, once the window is painted: the core's
        services (the ORM's modules and mappers, SQLAlchemy and SQLModel, ~0.5-1 s)
        load on the worker thread, so the window answers meanwhile, and the navigator's
        lists are read there too; then they are shown, and the excerpts panel is read,
        here. A refresh() before it (another library) read them."""
        if self.started:
            return
        library = self.library

        def warm(_progress, _cancelled):
            library.warm_up()
            return navigator_content(library)

        def fill(result=None) -> None:
            if self.started or library is not self.library:
                return
            self.started = True
            # Read on the worker; after a failure, read here (and shown as any read's).
            self.search.refresh_navigator(result if isinstance(result, NavigatorContent) else None)
            self.excerpts.refresh_panel()
            self.loaded.emit()

        # A failure shows when the same reads run here (fill), as any read's would.
        self.worker.submit("Opening the library", warm, on_done=fill, on_failed=fill)

    def refresh(self) -> None:
        """Re-read everything shown (another library, or a test that wrote behind the
        window's back); edits send change events of their own instead."""
        self.started = True
        self.changes.emit(Changes(library_replaced=True))

    def update_status(self) -> None:
        count = self.sources.model.library_total
        if count is None:
            count = self.library.sources.count()
        noun = "source" if count == 1 else "sources"
        self.statusBar().showMessage(f"{count:,} {noun} · {self.library.path}")

    def update_title(self) -> None:
        suffix = " (read-only)" if self.library.read_only else ""
        self.setWindowTitle(f"Briefer — {self.library.path.name}{suffix}")

    def update_actions(self) -> None:
        """Actions enabled by the tab in front and the library's mode."""
        tabs = self.tabs
        self.action_states.update(
            writable=not self.library.read_only,
            source_tab=tabs.current_source_tab() is not None,
            brief_tab=tabs.current_brief_tab() is not None,
        )
        self.briefs.actions.set_tab(tabs.current_brief_tab())
        if not self.library.read_only:
            self.excerpts_panel._update_actions()
            self.library_page._update_actions()
            self.undo_router.update()

    def _tab_changed(self, _index: int) -> None:
        self.update_actions()
        tab = self.tabs.current_source_tab()
        if tab is not None:
            self.excerpts.show("source", tab.source_id)
        elif self.tabs.currentWidget() is self.library_page:
            self.excerpts.follow_library_page()

    def close_current_tab(self) -> None:
        self.tabs.close_tab(self.tabs.currentIndex())

    def closeEvent(self, event) -> None:
        self.libraries.save_state()
        if not self.libraries.save_all_tabs():
            event.ignore()
            return
        self.operations.wait(10_000)
        self.worker.wait(10_000)
        self.libraries.close()
        super().closeEvent(event)

    # -- errors --------------------------------------------------------------------

    def show_error(self, title: str, message: str) -> None:
        """A refusal or failure in one line: the message bar and the log. Every
        operation's failure comes here (OperationRunner.failed)."""
        self.report_failure("error", f"{title}: {message}")

    def report_failure(self, key: str, text: str, actions=()) -> None:
        """A failure the analyst must see and may act on: a bar that stays, and the log."""
        self.messages.show_message(key, "error", text, actions)

    def open_log_folder(self) -> None:
        self.help.open_log_folder()

    # -- dropped files -------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.imports.import_paths(paths)
