"""The library in the window: opening another one, the session (backups, damage,
restore), read-only mode, tags and maintenance, and the tabs kept between sessions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from briefer.core.errors import BrieferError
from briefer.core.library import Library
from briefer.core.paths import data_dir
from briefer.core.records import SearchFilters
from briefer.gui import unsaved
from briefer.gui.features.base import Feature
from briefer.gui.icons import SAMPLE_ARTICLE
from briefer.gui.opening import open_library_interactively
from briefer.gui.operations import Changes, ops
from briefer.gui.read_only import ReadOnlyMode
from briefer.gui.session import LibrarySession
from briefer.gui.settings import (
    CURRENT_TAB,
    OPEN_BRIEFS,
    OPEN_SOURCES,
    WINDOW_GEOMETRY,
    WINDOW_SPLITTER,
    WINDOW_STATE,
)
from briefer.gui.undo_commands import DeleteTagsCommand

SAMPLE_LIBRARY_NAME = "sample.briefer"


class LibraryFeature(Feature):
    def __init__(self, window):
        super().__init__(window)
        # Backups, checks, restore and the writer lock's life (gui/session.py); the app
        # attaches one, tests of the window alone run without.
        self.session = None
        self.opened_here: list[Library] = []
        self.tag_manager = None
        self.read_only_mode = ReadOnlyMode(
            window.messages, window.write_gate, self.reopen_writable, window
        )

    def wire(self) -> None:
        w = self.window
        w.action("open_library").triggered.connect(self.choose_library_to_open)
        w.action("open_sample").triggered.connect(self.open_sample_library)
        w.library_page.first_run.open_sample.connect(self.open_sample_library)
        w.action("manage_tags").triggered.connect(self.open_tag_manager)
        w.action("rebuild_index").triggered.connect(self.rebuild_search_index)
        w.action("check_library").triggered.connect(self.check_library)

    # -- other libraries -------------------------------------------------------------

    def choose_library_to_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Open library", str(self.library.path.parent),
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
        if sample is not None and (fresh or sample.sources.count() == 0):
            self.window.imports.import_paths([SAMPLE_ARTICLE])

    def open_other_library(self, path: Path, *, create: bool) -> Library | None:
        """Open another library in this window: with the app's session, through the
        lock and damage checks (and the old library is backed up and closed); alone,
        directly."""
        if self.session is None:
            try:
                library = Library.open(path, create=create)
            except BrieferError as exc:
                self.error("Open library", str(exc))
                return None
            self.switch_library(library)
            return library
        if Path(path).absolute() == self.library.path:
            return self.library
        library = open_library_interactively(path, self.window, create=create)
        if library is None:
            return None
        old = self.session
        self.switch_library(library)
        old.close()
        session = LibrarySession(library, self.window)
        self.attach_session(session)
        session.start()
        return library

    def switch_library(self, library: Library) -> None:
        """Show another library in this window; the one opened here is closed on exit."""
        w = self.window
        for tab in w.tabs.brief_tabs():
            tab.flush()
        w.operations.wait(10_000)
        w.worker.wait(10_000)
        self.save_state()
        w.tabs.close_all()
        w.undo_stack.clear()
        w.library = library
        self.opened_here.append(library)
        w.search.reset()
        w.excerpts.context = ("none", None)
        w.library_page.sources_model.set_library(library)
        w.update_title()
        w.changes.emit(Changes(library_replaced=True))
        self.restore_tabs()
        w.library_changed.emit(library)

    def attach_session(self, session) -> None:
        """Take over a LibrarySession: its Back Up Now, Restore from Backup… and Check
        Library join the Library menu (its check replaces the window's simpler one), a
        damaged library found in the background offers the newest backup, and a
        restored library replaces the one shown."""
        w = self.window
        first = self.session is None
        self.session = session
        session.damage_found.connect(lambda report: session.handle_damage(report, w))
        session.library_replaced.connect(self.switch_library)
        session.backup_failed.connect(self._backup_failed)
        session.damage_found.connect(self._damage_found)
        session.backup_made.connect(lambda path: self.status(f"Backed up to {path}", 8000))
        session.backup_made.connect(lambda _path: w.messages.clear("backup"))
        if first:
            menu = w.menus["library"]
            menu.removeAction(w.action("check_library"))
            menu.addSeparator()
            self.session_actions = session.install_menu(menu)
            for action in self.session_actions:
                action.triggered.disconnect()
            back_up, restore, check = self.session_actions
            back_up.triggered.connect(lambda: self.session.back_up_now(w))
            restore.triggered.connect(self._restore_from_backup)
            check.triggered.connect(lambda: self.session.check_library(w))
            w.write_gate.add_actions(restore)

    def _backup_failed(self, message: str) -> None:
        self.window.report_failure(
            "backup",
            f"The backup failed: {message}. The library itself is unharmed; once that is "
            "fixed, back up again.",
            [("Back Up Now", lambda: self.session and self.session.back_up_now(self.window)),
             ("Open Log Folder", self.window.open_log_folder)],
        )  # fmt: skip

    def _damage_found(self, report) -> None:
        problems = "; ".join(report.problems[:2])
        self.window.report_failure(
            "damage",
            f"Damage found in {self.library.path.name}: {problems}. Do not keep working in "
            "it: restore a backup, or open another library.",
            [("Restore from Backup…", self._restore_from_backup),
             ("Open Library…", self.choose_library_to_open)],
        )  # fmt: skip

    def _restore_from_backup(self) -> None:
        if self.session is not None and self.save_all_tabs():
            self.session.restore_from_backup(self.window)

    # -- read-only -------------------------------------------------------------------

    def show_mode(self, library: Library) -> None:
        """Read-only: writes closed and a bar saying why (gui/read_only.py)."""
        self.read_only_mode.show(library)
        if not library.read_only:
            self.window.update_actions()  # actions with conditions of their own

    def reopen_writable(self) -> Library | None:
        """Reopen Writable: take the writer lock of the library shown read-only. The
        read-only library is closed only once the writable one is open."""
        old, path = self.library, self.library.path
        try:
            library = Library.open(path, create=False, lock=True)
        except BrieferError as exc:
            self.read_only_mode.still_read_only(str(exc))
            return None
        self.window.worker.wait(10_000)
        old_session = self.session
        self.switch_library(library)
        if old_session is not None:
            old_session.close()  # closes the read-only library
            session = LibrarySession(library, self.window)
            self.attach_session(session)
            session.start()
        else:
            old.close()
        if old in self.opened_here:
            self.opened_here.remove(old)
        self.status(f"{path.name} is open for writing", 8000)
        return library

    # -- tags and maintenance --------------------------------------------------------

    def open_tag_manager(self) -> None:
        from briefer.gui.tag_manager import TagManager

        manager = TagManager(self.library, self.window)
        manager.delete_requested.connect(self.delete_tags)
        manager.rename_requested.connect(
            lambda name, new: self._edit_tags(ops.rename_tag(name, new), new)
        )
        manager.merge_requested.connect(
            lambda names, into: self._edit_tags(ops.merge_tags(names, into), into)
        )
        manager.recolour_requested.connect(
            lambda names, colour: self._edit_tags(ops.recolour_tags(names, colour), *names)
        )
        self.tag_manager = manager
        manager.open()

    def _edit_tags(self, op, *select: str) -> None:
        """A change asked by Manage Tags; refusals show in the manager."""
        manager = self.tag_manager

        def done(_result) -> None:
            manager.reload()
            manager.select(*select)

        self.window.operations.run(op, on_done=done, on_failed=manager.failed, report=False)

    def delete_tags(self, names: Sequence[str]) -> None:
        def done(deleted) -> None:
            self.window.undo_stack.push(DeleteTagsCommand(self.window.operations, deleted))
            bar = self.window.library_page.filter_bar
            if bar.filters().tag in names:
                bar.set_filters(SearchFilters())
            if self.tag_manager is not None:
                self.tag_manager.reload()

        if names:
            self.window.operations.run(ops.delete_tags(names), on_done=done)

    def rebuild_search_index(self) -> None:
        progress = QProgressDialog("Rebuilding the search index…", None, 0, 0, self.window)
        progress.setWindowTitle("Search index")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def done(_result) -> None:
            progress.close()
            self.status("Search index rebuilt", 8000)

        self.window.operations.run(
            ops.rebuild_search_index(), on_done=done, on_failed=lambda _m: progress.close()
        )

    def check_library(self) -> None:
        def done(report) -> None:
            if report.ok:
                self.status("The library is sound", 8000)
                self.window.messages.clear("check")
                return
            problems = "; ".join(report.problems[:3])
            self.window.report_failure(
                "check", f"Check library: {len(report.problems)} problem(s) found: {problems}",
                [("Open Log Folder", self.window.open_log_folder)],
            )  # fmt: skip

        self.status("Checking the library…", 0)
        self.window.operations.run(ops.check_library(), on_done=done)

    # -- state between sessions ------------------------------------------------------

    def restore_state(self) -> None:
        w, s = self.window, self.window.settings
        geometry = WINDOW_GEOMETRY.get(s)
        if not geometry.isEmpty():
            w.restoreGeometry(geometry)
        state = WINDOW_STATE.get(s)
        if not state.isEmpty():
            w.restoreState(state)
        sizes = WINDOW_SPLITTER.get(s)
        if not sizes.isEmpty():
            w.splitter.restoreState(sizes)
        w.action("show_navigator").setChecked(not w.navigator.isHidden())
        w.action("show_panel").setChecked(not w.excerpts_panel.isHidden())
        self.restore_tabs()

    def restore_tabs(self) -> None:
        w, s, path = self.window, self.window.settings, self.library.path
        for source_id in OPEN_SOURCES.get(s, path):
            w.sources.open_source(source_id, quiet=True)
        wanted = OPEN_BRIEFS.get(s, path)
        known = {b.id for b in self.library.briefs.list()} if wanted else set()
        for brief_id in wanted:
            if brief_id in known:
                w.briefs.open_brief(brief_id)
        index = CURRENT_TAB.get(s, path)
        if 0 <= index < w.tabs.count():
            w.tabs.setCurrentIndex(index)

    def save_state(self) -> None:
        w, s, path = self.window, self.window.settings, self.library.path
        WINDOW_GEOMETRY.set(s, w.saveGeometry())
        WINDOW_STATE.set(s, w.saveState())
        WINDOW_SPLITTER.set(s, w.splitter.saveState())
        OPEN_SOURCES.set(s, [t.source_id for t in w.tabs.source_tabs()], path)
        OPEN_BRIEFS.set(s, [t.brief_id for t in w.tabs.brief_tabs()], path)
        CURRENT_TAB.set(s, w.tabs.currentIndex(), path)
        s.sync()

    def save_all_tabs(self) -> bool:
        """Save every tab before the library goes away (quit, another library, a
        restore); False when something could not be saved and the analyst keeps it."""
        tabs = self.window.tabs
        return unsaved.save_all_or_ask(
            self.window, [*tabs.source_tabs(), *tabs.brief_tabs()], tabs.setCurrentWidget
        )

    def close(self) -> None:
        """The window closes: libraries opened here are closed (the session closes
        its own: backup on close, lock released)."""
        self.read_only_mode.stop()
        for library in self.opened_here:
            if self.session is None or library is not self.session.library:
                library.close()
