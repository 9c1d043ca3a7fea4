"""Issue 10, part 4: failures reach the analyst in the window and in the log file."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefer.core import backups
from briefer.core.library import Library
from briefer.core.logfile import log_folder, setup_logging
from briefer.core.records import CheckReport
from briefer.gui import app
from briefer.gui.app import open_library_at_start
from briefer.gui.dialogs.damaged_library import DamagedLibraryDialog
from briefer.gui.dialogs.no_library import NoLibraryDialog
from briefer.gui.dialogs.restore_backup import RestoreBackupDialog
from tests.conftest import make_source


@pytest.fixture(autouse=True)
def quiet_boxes(monkeypatch):
    said = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, name, staticmethod(lambda *a, _n=name: said.append((_n, a[2])))
        )
    return said


@pytest.fixture
def log_file(tmp_path):
    path = setup_logging(tmp_path / "logs")
    yield path
    logger = logging.getLogger("briefer")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


def test_a_failing_backup_shows_in_the_window_and_the_log(qtbot, app_window, log_file):
    make_source(app_window.library, "Worth keeping")
    # The backup folder cannot be made: a file holds its name.
    backups.backups_dir(app_window.library.path).write_text("not a folder")
    with qtbot.waitSignal(app_window.session.backup_failed, timeout=10_000):
        app_window.session.tick()
    bar = app_window.messages.bar("backup")
    assert bar is not None and bar.isVisible()
    assert "backup failed" in bar.text() and "main-backups" in bar.text()
    assert set(bar.buttons) == {"Back Up Now", "Open Log Folder"}
    assert "main-backups" in log_file.read_text()
    # The next tick fails the same way: one bar, one line in the log.
    with qtbot.waitSignal(app_window.session.backup_failed, timeout=10_000):
        app_window.session.tick()
    assert app_window.messages.bar("backup") is bar
    assert log_file.read_text().count("the backup folder cannot be made") == 1
    # Fixed, the next backup clears the bar.
    backups.backups_dir(app_window.library.path).unlink()
    bar.buttons["Back Up Now"].click()
    assert app_window.messages.bar("backup") is None


def test_a_read_only_backup_folder_shows_in_the_window(qtbot, app_window, monkeypatch):
    # Root ignores file modes, so the folder says what a read-only filesystem says.
    import errno

    def read_only_folder(conn, target, overwrite=False):
        raise OSError(errno.EROFS, "Read-only file system", str(target))

    monkeypatch.setattr(backups.storage, "backup_to", read_only_folder)
    make_source(app_window.library, "Worth keeping")
    with qtbot.waitSignal(app_window.session.backup_failed, timeout=10_000):
        app_window.session.tick()
    text = app_window.messages.texts()["backup"]
    assert "main-backups: the backup could not be written there (Read-only file system)" in text
    assert "make the folder writable" in text


def test_damage_found_in_the_background_stays_in_a_bar_after_cancel(
    qtbot, app_window, monkeypatch, log_file
):
    monkeypatch.setattr(DamagedLibraryDialog, "exec", lambda d: d.cancel_button.click())
    report = CheckReport(ok=False, problems=("integrity: page 7 is never used",))
    app_window.session.damage_found.emit(report)
    bar = app_window.messages.bar("damage")
    assert bar is not None and "page 7" in bar.text()
    assert set(bar.buttons) == {"Restore from Backup…", "Open Library…"}
    assert app_window.isVisible()
    assert "page 7" in log_file.read_text()


def test_a_failed_write_shows_in_a_bar_with_what_to_do(qtbot, window, add_source):
    source = add_source("Bad date")
    tab = window.sources.open_source(source.id)
    tab.details.published.setText("yesterday-ish")
    assert not tab.flush()
    text = window.messages.texts()["write"]
    assert "not saved" in text and "kept in the form" in text
    tab.details.published.setText("")
    assert tab.flush()


def test_help_opens_the_log_folder(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    assert window.action("open_log_folder") in window.menus["help"].actions()
    window.action("open_log_folder").trigger()
    assert Path(opened[0].toLocalFile()) == log_folder()
    assert log_folder().is_dir()


def test_the_log_file_rotates_and_is_private(tmp_path, log_file):
    logger = logging.getLogger("briefer.test")
    for i in range(300):
        logger.info("line %d %s", i, "x" * 4000)
    assert (log_file.parent / "briefer.log.1").exists()
    assert os.stat(log_file).st_mode & 0o777 == 0o600


def _damaged_with_backup(path: Path) -> None:
    with Library.open(path) as lib:
        for i in range(30):
            make_source(lib, f"kept {i}", f"words {i} " * 400)
        backups.make_backup(lib)
    os.truncate(path, path.stat().st_size // 2 // 4096 * 4096)


def test_cancel_on_found_damage_at_start_offers_another_library(qtbot, tmp_path, monkeypatch):
    damaged = tmp_path / "damaged.briefer"
    _damaged_with_backup(damaged)
    other = tmp_path / "other.briefer"
    with Library.open(other) as lib:
        make_source(lib, "elsewhere")
    monkeypatch.setattr(DamagedLibraryDialog, "exec", lambda d: d.cancel_button.click())
    asked = []
    monkeypatch.setattr(
        NoLibraryDialog, "choice", lambda d: asked.append(d.text()) or NoLibraryDialog.OTHER
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), ""))
    )
    library = open_library_at_start(damaged)
    try:
        assert asked == ["Briefer did not open damaged.briefer."]
        assert library.path == other and library.writer_lock is not None
    finally:
        library.close()


def test_cancel_on_found_damage_at_start_can_restore_a_backup(qtbot, tmp_path, monkeypatch):
    damaged = tmp_path / "damaged.briefer"
    _damaged_with_backup(damaged)
    # The first open's damage dialog is cancelled; after the restore it is not shown.
    monkeypatch.setattr(DamagedLibraryDialog, "exec", lambda d: d.cancel_button.click())
    monkeypatch.setattr(NoLibraryDialog, "choice", lambda d: NoLibraryDialog.BACKUP)

    def pick_first(dialog):
        dialog.list.setCurrentRow(0)
        return RestoreBackupDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreBackupDialog, "exec", pick_first)
    library = open_library_at_start(damaged)
    try:
        assert library.path == damaged and library.sources.count() == 30
        assert list(tmp_path.glob("damaged.briefer.damaged-*"))
    finally:
        library.close()


def test_quit_on_the_no_library_dialog_returns_nothing(qtbot, tmp_path, monkeypatch):
    damaged = tmp_path / "damaged.briefer"
    _damaged_with_backup(damaged)
    monkeypatch.setattr(DamagedLibraryDialog, "exec", lambda d: d.cancel_button.click())
    monkeypatch.setattr(NoLibraryDialog, "choice", lambda d: NoLibraryDialog.QUIT)
    assert open_library_at_start(damaged) is None
    assert app.open_library_at_start is open_library_at_start
