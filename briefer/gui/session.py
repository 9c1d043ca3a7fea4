"""The library's life in the window: the writer lock taken on open, the background
check, timed backups and the backup on close, restore and check from the Library menu.

The window owns one LibrarySession per open library. What a check means (damage or
not) and what to offer is decided in core/opening.py, as for `briefer check`.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from briefer.core import backups, opening
from briefer.core.backups import BackupScheduler
from briefer.core.damage import LibraryDamaged
from briefer.core.errors import BrieferError
from briefer.core.library import Library
from briefer.core.records import CheckReport
from briefer.gui.opening import open_library_interactively

BACKUP_TICK_MS = 60_000
log = logging.getLogger("briefer.session")


# -- a library in the window -----------------------------------------------------------


class LibrarySession(QObject):
    """Backups, checks and restore for the library a window shows.

    The window makes one per library, calls start() once it is visible, routes the
    Library menu to restore_from_backup() and check_library() (or install_menu()),
    and close() when done. After a restore, library_replaced carries the new Library.
    """

    backup_made = Signal(object)  # Path
    backup_failed = Signal(str)
    check_finished = Signal(object)  # CheckReport
    damage_found = Signal(object)  # CheckReport
    library_replaced = Signal(object)  # Library

    def __init__(
        self,
        library: Library,
        parent: QObject | None = None,
        *,
        tick_ms: int = BACKUP_TICK_MS,
        scheduler: BackupScheduler | None = None,
    ):
        super().__init__(parent)
        self.library = library
        self.scheduler = scheduler
        if scheduler is None and not library.read_only:
            self.scheduler = BackupScheduler(library)
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        self._threads: list[threading.Thread] = []
        self._busy = threading.Lock()
        self.last_check: CheckReport | None = None
        self.last_box: QMessageBox | None = None

    # -- running in the background -------------------------------------------------

    def _in_background(self, name: str, fn: Callable[[], Any]) -> threading.Thread:
        """Run fn on a thread; its signals reach the window through Qt's queue."""
        thread = threading.Thread(target=fn, name=f"briefer-{name}", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        return thread

    def wait(self, timeout: float = 30.0) -> None:
        for thread in list(self._threads):
            thread.join(timeout)

    def start(self) -> None:
        """Call once the window shows: the timer starts and, after a clean close, the
        library is checked in the background (after a crash it was checked on open)."""
        if self.scheduler is not None:
            self.timer.start()
        if opening.checks_on_start(self.library):
            self.start_background_check()

    def start_background_check(self) -> threading.Thread:
        path = self.library.path

        def work() -> None:
            try:
                verdict = opening.quick_check_on_start(path)
            except Exception:  # a bug: never a silent thread death
                log.exception("the background check of %s failed", path)
                return
            self.last_check = verdict.report
            self.check_finished.emit(verdict.report)
            if verdict.damaged:
                self.damage_found.emit(verdict.report)

        return self._in_background("check", work)

    def tick(self) -> threading.Thread | None:
        """The timer's call: back up in the background when the scheduler says so."""
        if self.scheduler is None or not self.scheduler.due():
            return None
        return self._in_background("backup", self._backup)

    def _backup(self) -> None:
        if not self._busy.acquire(blocking=False):
            return
        try:
            if not self.scheduler.due():
                return  # a backup started by an earlier tick has just made it
            target = self.scheduler.backup_now()
            # A good moment to fold the -wal into the library and keep it small.
            self.library.checkpoint()
        except BrieferError as exc:
            self.backup_failed.emit(str(exc))
        except Exception as exc:  # a bug, but the analyst must still hear of it
            log.exception("the timed backup failed")
            self.backup_failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.backup_made.emit(target)
        finally:
            self._busy.release()

    # -- menu actions ----------------------------------------------------------------

    def install_menu(self, menu: QMenu) -> list[QAction]:
        """Add Back Up Now, Restore from Backup… and Check Library to a menu."""
        parent = menu.parentWidget()
        actions = []
        for text, slot in (
            ("Back Up Now", lambda: self.back_up_now(parent)),
            ("Restore from Backup…", lambda: self.restore_from_backup(parent)),
            ("Check Library", lambda: self.check_library(parent)),
        ):
            action = QAction(text, menu)
            action.triggered.connect(slot)
            menu.addAction(action)
            actions.append(action)
        return actions

    def back_up_now(self, parent: QWidget | None = None) -> Path | None:
        try:
            if self.scheduler is not None:
                target = self.scheduler.backup_now()
            else:
                target = backups.make_backup(self.library)
        except BrieferError as exc:
            self.last_box = _box(parent, QMessageBox.Icon.Critical, "Backup failed", str(exc))
            self.backup_failed.emit(str(exc))
            return None
        self.backup_made.emit(target)
        return target

    def check_library(self, parent: QWidget | None = None) -> threading.Thread:
        """Library › Check: the full check in the background, then a report."""
        library = self.library

        def work() -> None:
            verdict = opening.check_open_library(library)
            self.last_check = verdict.report
            self.check_finished.emit(verdict.report)
            if verdict.damaged:
                self.damage_found.emit(verdict.report)

        def show(report: CheckReport) -> None:
            self.check_finished.disconnect(show)
            if report.ok:
                self.last_box = _box(
                    parent, QMessageBox.Icon.Information, "Library check",
                    f"{library.path.name} is sound: SQLite's integrity check, the search "
                    "indexes and every excerpt's place in its source are all in order.",
                )  # fmt: skip
            else:
                self.last_box = _box(
                    parent, QMessageBox.Icon.Warning, "Library check",
                    f"{len(report.problems)} problem(s) found in {library.path.name}.",
                    "\n".join(report.problems),
                )  # fmt: skip

        self.check_finished.connect(show)
        return self._in_background("full-check", work)

    def restore_from_backup(self, parent: QWidget | None = None) -> Library | None:
        """Library › Restore from Backup…: choose, confirm, swap the library in place."""
        path = self.library.path
        from briefer.gui.dialogs.restore_backup import RestoreBackupDialog  # when shown

        dialog = RestoreBackupDialog(path, backups.list_backups(path), parent)
        if dialog.exec() != RestoreBackupDialog.DialogCode.Accepted:
            return None
        chosen = dialog.selected_backup()
        if chosen is None:
            return None
        return self.replace_with_backup(chosen, parent)

    def replace_with_backup(
        self, backup: Path, parent: QWidget | None = None, *, label: str | None = None
    ) -> Library | None:
        """Close the library, restore backup in its place, open the result."""
        path = self.library.path
        self.timer.stop()
        self.wait()
        self.library.close()
        try:
            kept = backups.restore(path, backup, label=label)
        except BrieferError as exc:
            self.last_box = _box(parent, QMessageBox.Icon.Critical, "Restore failed", str(exc))
            kept = None
            restored = False
        else:
            restored = True
        library = open_library_interactively(path, parent, create=False)
        if library is None:
            return None
        self._adopt(library)
        if restored:
            where = f" The library it replaced is kept as {kept}." if kept else ""
            self.last_box = _box(
                parent, QMessageBox.Icon.Information, "Backup restored",
                f"{path.name} now holds the backup {backup.name}.{where}",
            )  # fmt: skip
        self.library_replaced.emit(library)
        return library

    def handle_damage(self, report: CheckReport, parent: QWidget | None = None) -> Library | None:
        """What the window does on damage_found: offer the newest valid backup."""
        path = self.library.path
        newest = backups.newest_valid_backup(path)
        error = LibraryDamaged(path, report.problems)
        from briefer.gui.dialogs.damaged_library import DamagedLibraryDialog  # when shown

        dialog = DamagedLibraryDialog(str(error), report.problems, newest, parent)
        dialog.exec()
        if not dialog.wants_restore() or newest is None:
            return None
        return self.replace_with_backup(newest.path, parent, label="damaged")

    def _adopt(self, library: Library) -> None:
        self.library = library
        self.scheduler = None if library.read_only else BackupScheduler(library)
        if self.scheduler is not None:
            self.timer.start()

    def close(self) -> None:
        """Stop the timer, back up what changed, close the library (a clean close)."""
        self.timer.stop()
        self.wait()
        if self.scheduler is not None:
            try:
                self.scheduler.on_close()
            except BrieferError as exc:
                log.error("the backup on close failed: %s", exc)
                print(f"briefer: the backup on close failed: {exc}", file=sys.stderr)
        self.library.close()


def _box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str = ""
) -> QMessageBox:
    """A non-blocking message box, kept so tests can read it."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.setModal(False)
    box.show()
    return box
