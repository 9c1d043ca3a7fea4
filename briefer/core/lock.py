"""One writer per library: the lock file beside it.

The window takes `NAME.lock` with an OS lock (flock) for as long as it has the library
open, and writes its process id, host and start time into it. The OS drops the lock
when the process dies, however it dies, so a lock left by a killed Briefer never
blocks: the next one gets it and learns from the file left behind that the last
session did not close cleanly. A clean close deletes the file.

Command-line runs do not take the lock; they probe it before each write (see
Library.write_session) so a script never writes under an open window.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefer.core.errors import BrieferError

LOCK_SUFFIX = ".lock"
FILE_MODE = 0o600
RECORD_SIZE = 512

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        """True when locked; False when another holder has it.

        flock, not fcntl: its locks belong to the open file, so a second window of
        the same process is refused too.
        """
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            # No OS locks on this filesystem: fall back on the process id in the file.
            return not _owner_alive(_read_owner_fd(fd))
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)


@dataclass(frozen=True, slots=True)
class LockOwner:
    """Who holds (or held) a library: enough for the analyst to find the window."""

    pid: int
    host: str
    since: str = ""

    def describe(self) -> str:
        here = self.host == socket.gethostname()
        where = "on this computer" if here else f"on {self.host}"
        if here and self.pid == os.getpid():
            return "in another window of this Briefer"
        return f"by Briefer process {self.pid} {where}" + (
            f" (since {self.since})" if self.since else ""
        )


class LibraryLocked(BrieferError):
    """Another Briefer has the library open for writing."""

    def __init__(self, message: str, owner: LockOwner | None = None):
        super().__init__(message)
        self.owner = owner


def lock_path(library_path: Path) -> Path:
    return Path(f"{library_path}{LOCK_SUFFIX}")


def _parse_owner(data: bytes) -> LockOwner | None:
    try:
        raw = json.loads(data.decode("utf-8"))
        return LockOwner(pid=int(raw["pid"]), host=str(raw["host"]), since=str(raw.get("since")))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def _read_owner_fd(fd: int) -> LockOwner | None:
    with contextlib.suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        return _parse_owner(os.read(fd, 4096))
    return None


def _owner_alive(owner: LockOwner | None) -> bool:
    """Only a process on this host can be looked up; one elsewhere counts as alive."""
    if owner is None:
        return False
    if owner.host != socket.gethostname():
        return True
    if owner.pid == os.getpid():
        return True
    try:
        os.kill(owner.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def locked_message(library_path: Path, owner: LockOwner | None) -> str:
    who = owner.describe() if owner else "by another Briefer"
    return (
        f"{library_path} is open {who}; close it there, or open it read-only to look "
        "without changing it"
    )


class LibraryLock:
    """The exclusive writer lock of one library, held until release()."""

    def __init__(self, library_path: Path, fd: int, stale_owner: LockOwner | None):
        self.library_path = library_path
        self.path = lock_path(library_path)
        self._fd: int | None = fd
        #: The owner a previous, killed or crashed session left in the file; None
        #: when the last session closed cleanly.
        self.stale_owner = stale_owner
        #: The killed session had written to its -wal since the last full checkpoint.
        self.stale_wal_pending = False
        #: The number of the killed session's first commit into that -wal.
        self.stale_wal_seq: int | None = None
        self.wal_pending = False
        self.wal_seq: int | None = None
        self.since = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")

    @classmethod
    def acquire(cls, library_path: Path) -> LibraryLock:
        """Take the lock at once or raise LibraryLocked naming the holder; never wait."""
        path = lock_path(library_path)
        for _attempt in range(5):
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
            except OSError as exc:
                raise BrieferError(
                    f"{library_path} cannot be opened for writing: its lock file {path.name} "
                    f"cannot be made ({exc.strerror or exc}); open it read-only, or move it "
                    "to a folder you can write to"
                ) from exc
            try:
                if not _try_lock(fd):
                    owner = _read_owner_fd(fd)
                    raise LibraryLocked(locked_message(library_path, owner), owner)
                # A holder that just released may have deleted the file we opened: lock
                # the file that is at the path now, not an orphan.
                if not _same_file(fd, path):
                    os.close(fd)
                    continue
                previous = _read_owner_fd(fd)
                stale_wal = previous is not None and bool(_read_flag_fd(fd, "wal_pending"))
                stale_seq = _read_flag_fd(fd, "wal_seq") if stale_wal else None
                lock = cls(library_path, fd, previous)
                # Keep the killed session's flag until a checkpoint clears it.
                _write_owner(fd, lock.since, wal_pending=stale_wal, wal_seq=stale_seq)
                lock.wal_pending = lock.stale_wal_pending = stale_wal
                if isinstance(stale_seq, int):
                    lock.wal_seq = lock.stale_wal_seq = stale_seq
                return lock
            except BaseException:
                with contextlib.suppress(OSError):
                    os.close(fd)
                raise
        raise LibraryLocked(locked_message(library_path, None))  # pragma: no cover

    @property
    def held(self) -> bool:
        return self._fd is not None

    def mark_wal_pending(self, pending: bool, *, seq: int | None = None) -> None:
        """Record, durably and before the commit, that the -wal holds work not yet in
        the main file from commit number seq on, so a -wal deleted after a crash is
        noticed and one checkpointed by another process is not mistaken for it."""
        if self._fd is None or pending == self.wal_pending:
            return
        seq = seq if pending else None
        _write_owner(self._fd, self.since, wal_pending=pending, wal_seq=seq)
        self.wal_pending, self.wal_seq = pending, seq

    def release(self, *, clean: bool = True) -> None:
        """Unlock. A clean close deletes the file, which doubles as the marker of an
        unclean shutdown; clean=False keeps it so the next open checks the library."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            if clean and _same_file(fd, self.path):
                self.path.unlink()
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> LibraryLock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _read_flag_fd(fd: int, key: str) -> object:
    with contextlib.suppress(OSError, ValueError, UnicodeDecodeError, AttributeError):
        os.lseek(fd, 0, os.SEEK_SET)
        return json.loads(os.read(fd, 4096).decode("utf-8")).get(key)
    return None


def _write_owner(fd: int, since: str, *, wal_pending: bool, wal_seq: object = None) -> None:
    data = json.dumps(
        {
            "app": "Briefer",
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": since,
            "wal_pending": wal_pending,
            "wal_seq": wal_seq if isinstance(wal_seq, int) else None,
        }
    ).encode("utf-8")
    # Overwrite in place, padded, never truncate first: a crash midway must not
    # leave an empty file that would read as a clean shutdown.
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data.ljust(RECORD_SIZE))
    os.fsync(fd)
    with contextlib.suppress(OSError):
        os.fchmod(fd, FILE_MODE)


def holder(library_path: Path) -> LockOwner | None:
    """Who holds the library's lock right now, or None when nobody does.

    Probes without keeping anything: used by command-line writes.
    """
    path = lock_path(library_path)
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError:
        return None
    try:
        if _try_lock(fd):
            _unlock(fd)
            return None
        return _read_owner_fd(fd) or LockOwner(pid=0, host="?")
    finally:
        os.close(fd)
