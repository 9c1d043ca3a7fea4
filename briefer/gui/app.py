"""Starting the window: the QApplication, the library, and what to say when it fails.

Also the library's life in the window (LibrarySession): the writer lock taken on
open, the background check, timed backups and the backup on close, restore and
check from the Library menu. The window owns one session per open library.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWidget

from briefer import __version__
from briefer.core import backups, damage, fsinfo
from briefer.core.backups import BackupScheduler
from briefer.core.damage import LibraryDamaged
from briefer.core.errors import BrieferError
from briefer.core.library import Library
from briefer.core.lock import LibraryLocked
from briefer.core.logfile import setup_logging
from briefer.core.records import CheckReport
from briefer.gui.dialogs.damaged_library import DamagedLibraryDialog
from briefer.gui.dialogs.lock_dialog import ask_read_only
from briefer.gui.dialogs.no_library import NoLibraryDialog
from briefer.gui.dialogs.restore_backup import RestoreBackupDialog
from briefer.gui.icons import app_icon
from briefer.gui.shutdown import close_on_terminate
from briefer.resources import APP_ID

BACKUP_TICK_MS = 60_000
log = logging.getLogger("briefer.session")


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Briefer")
    app.setOrganizationName("Briefer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # matches the installed .desktop file on Wayland
    app.setWindowIcon(app_icon())
    return app


# -- opening -------------------------------------------------------------------------


def open_library_interactively(
    path: str | Path, parent: QWidget | None = None, *, create: bool = True
) -> Library | None:
    """Open a library for the window, asking the analyst when something is in the way.

    Takes the writer lock. Open elsewhere: offer read-only or cancel. Damaged: offer
    the newest valid backup (the damaged file is kept aside). Any other refusal is
    shown. Returns None when the analyst cancels or nothing could be opened.
    """
    path = Path(path)
    try:
        library = Library.open(path, create=create, lock=True)
    except LibraryLocked as exc:
        if not ask_read_only(exc, parent):
            return None
        try:
            library = Library.open(path, read_only=True)
        except BrieferError as err:
            _show_error(parent, err)
            return None
    except LibraryDamaged as exc:
        if not offer_backup(exc.path, str(exc), exc.problems, parent):
            return None
        return open_library_interactively(path, parent, create=False)
    except BrieferError as exc:
        _show_error(parent, exc)
        return None
    warn_about_location(library.path, parent)
    return library


def open_library_at_start(path: str | Path, parent: QWidget | None = None) -> Library | None:
    """The library to start with. When it is not opened (the analyst cancelled the
    damage or lock dialog, or it was refused), offer another library or a backup of
    this one instead of quitting; None only when the analyst chooses Quit."""
    path = Path(path)
    library = open_library_interactively(path, parent)
    while library is None:
        found = backups.list_backups(path)
        choice = NoLibraryDialog(path, bool(found), parent).choice()
        if choice == NoLibraryDialog.OTHER:
            name, _ = QFileDialog.getOpenFileName(
                parent, "Open library", str(path.parent),
                "Briefer libraries (*.briefer);;All files (*)",
            )  # fmt: skip
            if name:
                library = open_library_interactively(Path(name), parent, create=False)
        elif choice == NoLibraryDialog.BACKUP:
            library = _restore_chosen_backup(path, found, parent)
        else:
            return None
    return library


def _restore_chosen_backup(
    path: Path, found: list[backups.BackupInfo], parent: QWidget | None
) -> Library | None:
    dialog = RestoreBackupDialog(path, found, parent)
    if dialog.exec() != RestoreBackupDialog.DialogCode.Accepted:
        return None
    chosen = dialog.selected_backup()
    if chosen is None:
        return None
    try:
        backups.restore(path, chosen, label="damaged")
    except BrieferError as exc:
        QMessageBox.critical(parent, "Restore failed", str(exc))
        return None
    return open_library_interactively(path, parent, create=False)


def _show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.critical(parent, "Briefer cannot open the library", str(exc))


def warn_about_location(path: Path, parent: QWidget | None = None) -> list[str]:
    """Warn once per opening about synced folders and network filesystems."""
    messages = [risk.message for risk in fsinfo.location_risks(path)]
    if messages:
        QMessageBox.warning(parent, "Risky place for a library", "\n\n".join(messages))
    return messages


def offer_backup(
    path: Path, message: str, problems: tuple[str, ...], parent: QWidget | None = None
) -> bool:
    """Show the damage and offer the newest valid backup; True once it is restored.

    The library must be closed. The damaged file is renamed NAME.damaged-<time>,
    never overwritten.
    """
    newest = backups.newest_valid_backup(path)
    dialog = DamagedLibraryDialog(message, problems, newest, parent)
    dialog.exec()
    if not dialog.wants_restore() or newest is None:
        return False
    try:
        kept = backups.restore(path, newest.path, label="damaged")
    except BrieferError as exc:
        QMessageBox.critical(parent, "Restore failed", str(exc))
        return False
    QMessageBox.information(
        parent,
        "Backup restored",
        f"{path.name} now holds the backup of {newest.taken:%Y-%m-%d %H:%M} UTC. "
        f"The damaged file is kept as {kept}.",
    )
    return True


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
        if not self.library.unclean_shutdown:
            self.start_background_check()

    def start_background_check(self) -> threading.Thread:
        path = self.library.path

        def work() -> None:
            try:
                report = damage.quick_check(path)
            except Exception:  # a bug: never a silent thread death
                log.exception("the background check of %s failed", path)
                return
            self.last_check = report
            if not report.ok:
                damage.record_damage(path, report.problems)
            self.check_finished.emit(report)
            if not report.ok:
                self.damage_found.emit(report)

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
            report = library.check()
            self.last_check = report
            damaged = any(damage.is_damage(p) for p in report.problems)
            if damaged:
                damage.record_damage(library.path, report.problems)
            self.check_finished.emit(report)
            if damaged:
                self.damage_found.emit(report)

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


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, fn: Callable[[], Any]):
        super().__init__(window)
        self._window, self._fn = window, fn
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(obj, QWidget)
            and obj.window() is self._window
        ):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self._fn)
        return False


def after_first_paint(window: QWidget, fn: Callable[[], Any]) -> None:
    """Call fn from the event loop once anything in the window has been painted."""
    _FirstPaint(window, fn)


def run(path: Path) -> int:
    app = make_app()
    setup_logging()
    library = open_library_at_start(path)
    if library is None:
        print(f"briefer: {path} was not opened", file=sys.stderr)
        return 1
    from briefer.gui.main_window import MainWindow

    window = MainWindow(library)
    window.attach_session(LibrarySession(library, window))
    window.show()
    # The background check reads the whole file: start it once the window is painted,
    # not while it is being drawn.
    after_first_paint(window, window.session.start)
    close_on_terminate(app, window)  # SIGTERM: flush, close, release the lock
    try:
        return app.exec()
    finally:
        # The window may have moved to another library; its current session is closed
        # (backup on close, lock released, clean-close marker).
        window.session.close()
