"""The library's own dialogs and the window's session: locked, damaged, backups."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from briefer.core import backups, fsinfo
from briefer.core.backups import BackupScheduler
from briefer.core.library import Library
from briefer.core.lock import LibraryLocked
from briefer.gui import opening
from briefer.gui.dialogs.damaged_library import DamagedLibraryDialog
from briefer.gui.dialogs.lock_dialog import LockedLibraryDialog
from briefer.gui.dialogs.restore_backup import RestoreBackupDialog
from briefer.gui.opening import open_library_interactively
from briefer.gui.session import LibrarySession
from tests.conftest import make_source


class FakeClock:
    def __init__(self):
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self):
        return self.now


@pytest.fixture(autouse=True)
def quiet_boxes(monkeypatch):
    """Blocking boxes answer at once; what they said is kept."""
    said = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, name, staticmethod(lambda *a, _n=name: said.append((_n, a[2])))
        )
    return said


def test_locked_dialog_names_the_holder_and_offers_read_only(qtbot, library_path):
    holder = Library.open(library_path, lock=True)
    try:
        with pytest.raises(LibraryLocked) as err:
            Library.open(library_path, lock=True)
        dialog = LockedLibraryDialog(err.value)
        qtbot.addWidget(dialog)
        assert "another window of this Briefer" in dialog.informativeText()
        dialog.read_only_button.click()
        assert dialog.wants_read_only()
    finally:
        holder.close()


@pytest.mark.parametrize("choice", [True, False])
def test_second_open_is_read_only_or_cancelled(qtbot, library_path, monkeypatch, choice):
    holder = Library.open(library_path, lock=True)
    make_source(holder, "held")
    asked = []
    monkeypatch.setattr(opening, "ask_read_only", lambda e, p: asked.append(e.owner.pid) or choice)
    try:
        second = open_library_interactively(library_path)
        assert asked == [os.getpid()]
        if choice:
            assert second.read_only
            assert [s.title for s in second.sources.list()] == ["held"]
            second.close()
        else:
            assert second is None
    finally:
        holder.close()


def _truncated_with_backup(path):
    with Library.open(path) as lib:
        for i in range(30):
            make_source(lib, f"kept {i}", f"words {i} " * 400)
        backups.make_backup(lib)
    os.truncate(path, path.stat().st_size // 2 // 4096 * 4096)


def test_damaged_library_offers_the_newest_backup_and_keeps_the_file(
    qtbot, library_path, monkeypatch, quiet_boxes
):
    _truncated_with_backup(library_path)
    damaged_bytes = library_path.read_bytes()
    shown = []

    def answer(dialog):
        shown.append(dialog.informativeText())
        dialog.restore_button.click()

    monkeypatch.setattr(DamagedLibraryDialog, "exec", answer)
    lib = open_library_interactively(library_path)
    assert lib is not None and lib.writer_lock is not None
    try:
        assert lib.sources.count() == 30
        assert "cut short" in shown[0] and "newest valid backup" in shown[0]
    finally:
        lib.close()
    kept = next(library_path.parent.glob("*.damaged-*"))
    assert kept.read_bytes() == damaged_bytes
    assert quiet_boxes[-1][0] == "information" and str(kept) in quiet_boxes[-1][1]


def test_cancelling_on_damage_leaves_the_file_alone(qtbot, library_path, monkeypatch):
    _truncated_with_backup(library_path)
    before = library_path.read_bytes()
    monkeypatch.setattr(DamagedLibraryDialog, "exec", lambda d: d.cancel_button.click())
    assert open_library_interactively(library_path) is None
    assert library_path.read_bytes() == before
    assert not list(library_path.parent.glob("*.damaged-*"))


def test_risky_folder_is_warned_about(qtbot, library_path, monkeypatch, quiet_boxes):
    risk = fsinfo.LocationRisk("cloud", "Dropbox", "in a Dropbox folder: risky")
    monkeypatch.setattr(fsinfo, "location_risks", lambda p: [risk])
    lib = open_library_interactively(library_path)
    lib.close()
    assert quiet_boxes == [("warning", "in a Dropbox folder: risky")]


def test_session_backs_up_on_its_timer_and_on_close(qtbot, library_path):
    clock = FakeClock()
    lib = Library.open(library_path, lock=True, clock=clock)
    session = LibrarySession(lib, scheduler=BackupScheduler(lib, clock=clock), tick_ms=10)
    with qtbot.waitSignal(session.backup_made, timeout=10_000) as first:
        session.start()  # no backup yet: the first tick takes one
    make_source(lib, "typed")
    clock.now += timedelta(minutes=31)
    with qtbot.waitSignal(session.backup_made, timeout=10_000) as second:
        pass
    assert first.args[0] != second.args[0]
    session.timer.stop()
    make_source(lib, "more")
    session.close()
    found = backups.list_backups(library_path)
    assert len(found) == 3
    assert not (library_path.parent / f"{library_path.name}.lock").exists()


def test_background_check_reports_damage(qtbot, library_path):
    with Library.open(library_path) as lib:
        for i in range(20):
            make_source(lib, f"s{i}", f"words {i} " * 300)
    lib = Library.open(library_path, lock=True)
    session = LibrarySession(lib)
    # Damage comes from outside: this process must not open a file SQLite has open.
    code = "import sys; f = open(sys.argv[1], 'r+b'); f.seek(4096); f.write(b'\\xff' * 16)"
    subprocess.run([sys.executable, "-c", code, str(library_path)], check=True)
    with qtbot.waitSignal(session.damage_found, timeout=10_000) as found:
        session.start_background_check()
    assert not found.args[0].ok
    session.timer.stop()
    session.wait()
    lib.close()


def test_check_library_reports_a_sound_library(qtbot, library_path):
    lib = Library.open(library_path, lock=True)
    make_source(lib)
    session = LibrarySession(lib)
    with qtbot.waitSignal(session.check_finished, timeout=10_000):
        session.check_library()
    qtbot.waitUntil(lambda: session.last_box is not None, timeout=5_000)
    assert "is sound" in session.last_box.text()
    session.last_box.close()
    session.close()


def test_restore_from_backup_swaps_the_library(qtbot, library_path, monkeypatch):
    clock = FakeClock()
    lib = Library.open(library_path, lock=True, clock=clock)
    make_source(lib, "before")
    session = LibrarySession(lib, scheduler=BackupScheduler(lib, clock=clock))
    saved = session.back_up_now()
    make_source(lib, "after")

    def pick_first(dialog):
        assert dialog.list.count() == 1 and dialog.restore_button.isEnabled()
        dialog.accept()
        return RestoreBackupDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreBackupDialog, "exec", pick_first)
    with qtbot.waitSignal(session.library_replaced, timeout=10_000) as replaced:
        session.restore_from_backup()
    new = replaced.args[0]
    assert new is session.library and new is not lib
    assert [s.title for s in new.sources.list()] == ["before"]
    assert saved.exists()
    kept = next(library_path.parent.glob("*.before-restore-*"))
    with Library.open(kept, read_only=True) as old:
        assert sorted(s.title for s in old.sources.list()) == ["after", "before"]
    session.last_box.close()
    session.close()
