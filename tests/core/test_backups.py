"""Backups: SQLite's backup API, private files, retention on a fake clock, restore."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.core import backups
from briefer.core.backups import BackupInfo, BackupScheduler, Retention, thin
from briefer.core.errors import BrieferError
from briefer.core.library import Library
from briefer.core.lock import LibraryLocked
from tests.conftest import make_source

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, now: datetime = T0):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def titles(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM source ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def umask022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_backup_is_a_checked_private_copy_named_by_its_time(library_path, umask022):
    clock = FakeClock()
    with Library.open(library_path, clock=clock) as lib:
        make_source(lib, "kept")
        target = backups.make_backup(lib)
    assert target.parent == backups.backups_dir(library_path)
    assert target.name == "test-20260301T090000Z.briefer"
    assert mode(target) == 0o600 and mode(target.parent) == 0o700
    assert titles(target) == ["kept"]
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert [b.path for b in backups.list_backups(library_path)] == [target]
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]


def test_files_briefer_writes_are_private_under_umask_022(tmp_path, umask022, capsys):
    path = tmp_path / "lib.briefer"
    lib = Library.open(path, lock=True)
    make_source(lib)
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}.lock")):
        assert mode(p) == 0o600, p
    lib.close()
    out = tmp_path / "on-demand.briefer"
    assert main(["--library", str(path), "backup", "-o", str(out)]) == 0
    assert main(["--library", str(path), "backup"]) == 0
    folder_backup = backups.list_backups(path)[0].path
    assert main(["--library", str(path), "restore", str(out)]) == 0
    capsys.readouterr()
    kept = next(p for p in tmp_path.iterdir() if ".before-restore-" in p.name)
    for p in (out, folder_backup, path, kept):
        assert mode(p) == 0o600, p


def test_on_demand_backup_never_overwrites(library_path, tmp_path, capsys):
    Library.open(library_path).close()
    out = tmp_path / "mine.briefer"
    out.write_bytes(b"precious")
    assert main(["--library", str(library_path), "backup", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and err.count("\n") == 1
    assert out.read_bytes() == b"precious"


def test_scheduler_backs_up_changed_libraries_every_30_minutes_and_on_close(library_path):
    clock = FakeClock()
    lib = Library.open(library_path, clock=clock)
    sched = BackupScheduler(lib)
    assert sched.tick() is not None  # no backup yet: take one at once
    assert sched.tick() is None  # nothing changed
    make_source(lib, "one")
    clock.advance(minutes=10)
    assert sched.tick() is None  # changed, but the last backup is recent
    clock.advance(minutes=20)
    second = sched.tick()
    assert second is not None and titles(second) == ["one"]
    clock.advance(hours=3)
    assert sched.tick() is None  # old, but unchanged
    make_source(lib, "two")
    clock.advance(minutes=1)
    last = sched.on_close()
    lib.close()
    assert last is not None and titles(last) == ["one", "two"]
    assert len(backups.list_backups(library_path)) == 3
    # A new session sees the newest backup and does not repeat it.
    with Library.open(library_path, clock=clock) as lib2:
        assert BackupScheduler(lib2).tick() is None


def simulate(
    retention: Retention, days: int, every: timedelta
) -> tuple[datetime, list[BackupInfo]]:
    kept: list[BackupInfo] = []
    now = T0
    end = T0 + timedelta(days=days)
    while now < end:
        kept.append(BackupInfo(Path(f"b-{now:%Y%m%dT%H%M%S}"), now, 1))
        gone = {b.path for b in thin(kept, now, retention)}
        kept = [b for b in kept if b.path not in gone]
        now += every
    return now - every, kept


def test_retention_thins_to_last_dailies_and_weeklies_on_a_fake_clock():
    policy = Retention(keep_last=12, daily=10, weekly=9)
    now, kept = simulate(policy, days=120, every=timedelta(minutes=30))
    newest_first = sorted(kept, key=lambda b: b.taken, reverse=True)
    # The newest 12 half-hourly backups are all there.
    assert [b.taken for b in newest_first[:12]] == [
        now - timedelta(minutes=30 * i) for i in range(12)
    ]
    older = newest_first[12:]
    days = [b.taken.date() for b in older if now - b.taken < timedelta(days=10)]
    weeks = [b.taken.isocalendar()[:2] for b in older if now - b.taken >= timedelta(days=10)]
    assert len(days) == len(set(days)) and len(days) >= 9  # one a day for 10 days
    assert len(weeks) == len(set(weeks)) and 8 <= len(weeks) <= 10  # one a week, 9 weeks
    assert all(now - b.taken < timedelta(days=10 + 7 * 9) for b in kept)
    # Ten days of age touch at most 11 dates, 9 weeks at most 10 ISO weeks.
    assert len(kept) <= 12 + 11 + 10


def test_prune_deletes_only_briefer_named_backups(library_path):
    Library.open(library_path).close()
    clock = FakeClock()
    for _ in range(5):
        backups.make_backup(library_path, clock=clock, retention=None)
        clock.advance(minutes=30)
    foreign = backups.backups_dir(library_path) / "my-notes.txt"
    foreign.write_text("mine")
    gone = backups.prune(library_path, clock(), Retention(keep_last=2, daily=0, weekly=0))
    assert len(gone) == 3 and len(backups.list_backups(library_path)) == 2
    assert foreign.read_text() == "mine"


def test_restore_keeps_the_current_file_aside(library_path, tmp_path):
    with Library.open(library_path) as lib:
        make_source(lib, "before")
        saved = backups.make_backup(lib)
        make_source(lib, "after")
    kept = backups.restore(library_path, saved)
    assert kept is not None and ".before-restore-" in kept.name
    assert titles(library_path) == ["before"]
    assert titles(kept) == ["before", "after"]
    assert titles(saved) == ["before"]  # the backup itself is untouched
    with Library.open(library_path) as lib:
        assert lib.check().ok


def test_restore_refuses_while_a_window_holds_the_library(library_path):
    with Library.open(library_path) as lib:
        saved = backups.make_backup(lib)
    window = Library.open(library_path, lock=True)
    try:
        with pytest.raises(LibraryLocked):
            backups.restore(library_path, saved)
    finally:
        window.close()


def test_restore_refuses_damaged_or_foreign_backups(library_path, tmp_path, capsys):
    Library.open(library_path).close()
    junk = tmp_path / "junk.briefer"
    junk.write_bytes(b"not a library at all" * 10)
    with pytest.raises(BrieferError, match="not a Briefer library"):
        backups.restore(library_path, junk)
    assert main(["--library", str(library_path), "restore", str(tmp_path / "none")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert library_path.exists() and not [p for p in tmp_path.iterdir() if "restore-" in p.name]


def test_newest_valid_backup_skips_a_damaged_one(library_path):
    clock = FakeClock()
    with Library.open(library_path, clock=clock) as lib:
        make_source(lib)
        good = backups.make_backup(lib)
        clock.advance(hours=1)
        bad = backups.make_backup(lib)
    data = bytearray(bad.read_bytes())
    data[4096 : 4096 + 64] = b"\xff" * 64
    bad.write_bytes(bytes(data))
    assert backups.list_backups(library_path)[0].path == bad
    assert backups.newest_valid_backup(library_path).path == good
