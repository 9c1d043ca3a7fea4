"""Backups of the library, taken with SQLite's backup API and thinned over time.

A live library is never copied byte by byte (a copy taken mid-write can be torn):
each backup goes through storage.backup_to, which writes a temp file, checks it with
PRAGMA integrity_check, makes it mode 0600 and renames it into place.

Backups sit beside the library in `<stem>-backups/`, named by the UTC time they were
taken, so retention reads the time from the name and a fake clock can drive it.
"""

from __future__ import annotations

import contextlib
import errno
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.core import damage, held_files, storage
from briefer.core.errors import BrieferError, NotALibrary
from briefer.core.lock import LibraryLock

if TYPE_CHECKING:
    from briefer.core.library import Library

Clock = Callable[[], datetime]
BACKUP_INTERVAL = timedelta(minutes=30)
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Retention:
    """Keep the newest `keep_last`, then one a day for `daily` days, then one a week
    for `weekly` weeks; older backups go."""

    keep_last: int = 12
    daily: int = 10
    weekly: int = 9


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken: datetime
    size: int


def backups_dir(library_path: Path) -> Path:
    return library_path.with_name(f"{library_path.stem}-backups")


def _suffix(library_path: Path) -> str:
    return library_path.suffix or ".briefer"


def _pattern(library_path: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(library_path.stem)}-(\d{{8}}T\d{{6}}Z)(?:-\d+)?"
        rf"{re.escape(_suffix(library_path))}$"
    )


def list_backups(library_path: Path) -> list[BackupInfo]:
    """The library's backups, newest first; files not named by Briefer are ignored."""
    folder = backups_dir(library_path)
    pattern = _pattern(library_path)
    found = []
    # A missing folder holds no backups; one that is not a folder is reported when a
    # backup is made there.
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for entry in folder.iterdir():
            match = pattern.match(entry.name)
            if not match or not entry.is_file():
                continue
            taken = datetime.strptime(match.group(1), STAMP_FORMAT).replace(tzinfo=UTC)
            found.append(BackupInfo(entry, taken, entry.stat().st_size))
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def _new_backup_path(library_path: Path, now: datetime) -> Path:
    folder = backups_dir(library_path)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise BrieferError(
            f"{folder}: the backup folder cannot be made ({exc.strerror or exc}); "
            "move what is there out of the way, or make the folder writable"
        ) from exc
    if not folder.is_dir():
        raise BrieferError(
            f"{folder} is not a folder, so backups cannot go there; move it out of the way"
        )
    base = f"{library_path.stem}-{now.astimezone(UTC).strftime(STAMP_FORMAT)}"
    target, n = folder / f"{base}{_suffix(library_path)}", 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}{_suffix(library_path)}"
    return target


def make_backup(
    library: Library | Path,
    target: Path | None = None,
    *,
    clock: Clock | None = None,
    retention: Retention | None = Retention(),
) -> Path:
    """Back up a library (open or by path) into target, or into its backups folder.

    An explicit target is never overwritten. Backups in the folder are thinned after.
    """
    path = library if isinstance(library, Path) else library.path
    clock = clock or (_utc_now if isinstance(library, Path) else library.clock)
    if isinstance(library, Path):
        storage.inspect_library_file(path)
        if not path.exists():
            raise NotALibrary(f"{path} does not exist")
    into_folder = target is None
    target = target or _new_backup_path(path, clock())
    if target.exists():
        raise BrieferError(f"{target} already exists; choose another name for the backup")
    if not target.parent.is_dir():
        raise BrieferError(f"{target}: the folder {target.parent} does not exist")
    needed = _backup_size(path)
    if storage.folder_is_full(target.parent, needed):
        raise _no_space(target.parent, needed)
    try:
        conn = storage.connect_raw(path, read_only=True)
    except sqlite3.OperationalError:
        # Nothing can be made beside the library (a full disk, a locked folder): its
        # file as it stands is still copied, without locks, unless this process has
        # it open (closing a lockless connection would drop the process's locks).
        if held_files.connections_open(path):
            raise
        conn = storage.connect_raw(path, read_only=True, immutable=True)
    try:
        storage.backup_to(conn, target, overwrite=False)
    except OSError as exc:
        raise _target_error(exc, target.parent, needed) from exc
    except sqlite3.DatabaseError as exc:
        if _is_target_full(exc) or storage.folder_is_full(target.parent, needed):
            raise _no_space(target.parent, needed) from exc
        raise damage.LibraryDamaged(path, (f"it cannot be backed up ({exc})",)) from exc
    finally:
        conn.close()
    if into_folder and retention is not None:
        prune(path, clock(), retention)
    return target


def _backup_size(path: Path) -> int:
    """What a copy needs: the file and whatever its -wal adds."""
    size = 0
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):
            size += Path(f"{path}{suffix}").stat().st_size
    return size


def _no_space(folder: Path, needed: int) -> BrieferError:
    return BrieferError(
        f"no space left on {folder} (the backup needs {needed / 1_048_576:.1f} MB); "
        "free some space there or back up to another disk with `briefer backup -o FILE`"
    )


def _is_target_full(exc: BaseException) -> bool:
    return "disk is full" in str(exc).lower()


def _target_error(exc: OSError, folder: Path, needed: int) -> BrieferError:
    """An error of the place the backup goes is that place's, not the library's."""
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return _no_space(folder, needed)
    # A read-only backup folder and the like: say where, and what to do.
    return BrieferError(
        f"{folder}: the backup could not be written there ({exc.strerror or exc}); "
        "make the folder writable or back up to another one with `briefer backup -o FILE`"
    )


def thin(backups: list[BackupInfo], now: datetime, retention: Retention) -> list[BackupInfo]:
    """The backups retention lets go, from a list of them."""
    ordered = sorted(backups, key=lambda b: b.taken, reverse=True)
    keep: set[Path] = {b.path for b in ordered[: retention.keep_last]}
    seen_days: set[object] = set()
    seen_weeks: set[object] = set()
    daily_until = timedelta(days=retention.daily)
    weekly_until = daily_until + timedelta(weeks=retention.weekly)
    for b in ordered[retention.keep_last :]:
        age = now - b.taken
        if age < daily_until:
            day = b.taken.date()
            if day not in seen_days:
                seen_days.add(day)
                keep.add(b.path)
        elif age < weekly_until:
            week = b.taken.isocalendar()[:2]
            if week not in seen_weeks:
                seen_weeks.add(week)
                keep.add(b.path)
    # The days and weeks the newest ones fill need no second backup.
    return [b for b in ordered if b.path not in keep]


def prune(library_path: Path, now: datetime, retention: Retention = Retention()) -> list[Path]:
    gone = []
    for b in thin(list_backups(library_path), now, retention):
        with contextlib.suppress(FileNotFoundError):
            b.path.unlink()
            gone.append(b.path)
    return gone


def newest_valid_backup(library_path: Path) -> BackupInfo | None:
    """The newest backup that passes SQLite's integrity check, or None."""
    for b in list_backups(library_path):
        if damage.quick_check(b.path, full=True).ok:
            return b
    return None


def restore(
    library_path: Path,
    backup: Path,
    *,
    clock: Clock | None = None,
    label: str | None = None,
) -> Path | None:
    """Put backup in place of the library; return where the current file was kept.

    The current file (with its -wal and -shm) is renamed aside first, as
    NAME.damaged-<time> when it fails its check, else NAME.before-restore-<time>.
    The library must be closed: the writer lock is taken for the duration.
    """
    library_path = Path(library_path).absolute()
    backup = Path(backup).absolute()
    if not backup.is_file():
        raise BrieferError(f"{backup} does not exist; name a backup file")
    if backup == library_path:
        raise BrieferError(f"{backup} is the library itself; name a backup file")
    storage.inspect_library_file(backup)
    report = damage.quick_check(backup, full=True)
    if not report.ok:
        raise BrieferError(f"{backup} is damaged ({report.problems[0]}); choose another backup")
    with LibraryLock.acquire(library_path):
        staging = library_path.with_name(f".{library_path.name}.restoring")
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            storage.backup_to(src, staging)
        finally:
            src.close()
        kept = None
        if library_path.exists():
            if label is None:
                healthy = damage.diagnose(library_path).ok
                label = "before-restore" if healthy else "damaged"
            kept = damage.move_aside(library_path, label, clock=clock)
        staging.rename(library_path)
        storage.fsync_dir(library_path.parent)
        damage.clear_damage(library_path)
    return kept


class BackupScheduler:
    """Decides when to back up an open library; a timer (the window's) calls tick().

    A backup is due when the library changed since the last one and that one is at
    least `interval` old; on_close() backs up whatever changed since.
    """

    def __init__(
        self,
        library: Library,
        *,
        interval: timedelta = BACKUP_INTERVAL,
        retention: Retention = Retention(),
        clock: Clock | None = None,
    ):
        self.library = library
        self.interval = interval
        self.retention = retention
        self.clock = clock or library.clock
        newest = list_backups(library.path)
        self.last_backup: datetime | None = newest[0].taken if newest else None
        # With no backup at all, the first tick takes one.
        self._backed_up_count: int | None = library.write_count if newest else None

    @property
    def changed(self) -> bool:
        return self._backed_up_count != self.library.write_count

    def due(self) -> bool:
        if not self.changed:
            return False
        return self.last_backup is None or self.clock() - self.last_backup >= self.interval

    def tick(self) -> Path | None:
        return self.backup_now() if self.due() else None

    def backup_now(self) -> Path:
        count = self.library.write_count
        now = self.clock()
        target = make_backup(self.library, clock=lambda: now, retention=self.retention)
        self.last_backup, self._backed_up_count = now, count
        return target

    def on_close(self) -> Path | None:
        """Call before closing the library."""
        return self.backup_now() if self.changed else None
