"""Library files this process has open through SQLite, and the one safe way to read them.

POSIX advisory locks belong to the process, not to a descriptor: closing *any*
descriptor of a file drops every lock SQLite holds on it through its own ("How To
Corrupt An SQLite Database File", section 2.2). Another process then believes nobody
uses the library, checkpoints it and unlinks the -wal and -shm, and this process's
later commits go to deleted files. SQLite guards against this between its own
connections; Python's open()/close() and SQLite's immutable or nolock connections go
around it.

So a Library holds its file here for as long as it is open: one descriptor, opened
before SQLite opens the file and closed only after every connection of the library is
gone. Reading a library's header goes through read_head(), which uses that descriptor
while the file is held. Nothing else in Briefer opens or closes a library file, its
-wal or its -shm; install_audit_guard() (the test suite installs it) turns any such
open into an error.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

Key = tuple[int, int]


@dataclass
class _Held:
    fd: int
    path: str
    holders: int = 1
    #: Counters of the SQLite connections open on the file (one a library engine).
    counters: list[Callable[[], int]] = field(default_factory=list)

    def connections(self) -> int:
        return sum(count() for count in self.counters)


_lock = threading.RLock()
_held: dict[Key, _Held] = {}


def _identity(path: str | os.PathLike[str]) -> Key | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def hold(path: Path) -> Key:
    """Keep one descriptor of path open until release(); call before SQLite opens it."""
    with _lock:
        _close_finished()
        key = _identity(path)
        if key is not None and key in _held:
            _held[key].holders += 1
            return key
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        st = os.fstat(fd)
        key = (st.st_dev, st.st_ino)
        if key in _held:  # replaced between the stat and the open
            os.close(fd)
            _held[key].holders += 1
        else:
            _held[key] = _Held(fd=fd, path=str(path))
        return key


def count_connections(key: Key, counter: Callable[[], int]) -> None:
    """Tell the hold how many SQLite connections a library has open on the file."""
    with _lock:
        if key in _held:
            _held[key].counters.append(counter)


def release(key: Key) -> None:
    """Give up one hold. The descriptor closes once the last holder is gone and no
    connection it counted is still open (one checked out elsewhere keeps it)."""
    with _lock:
        held = _held.get(key)
        if held is None:
            return
        held.holders -= 1
        _close_finished()


def _close_finished() -> None:
    for key, held in list(_held.items()):
        if held.holders <= 0 and held.connections() <= 0:
            del _held[key]
            os.close(held.fd)


def connections_open(path: str | os.PathLike[str]) -> bool:
    """True while a library of this process may have SQLite connections on path: then
    only a locking connection may touch it (never immutable or nolock)."""
    with _lock:
        key = _identity(path)
        held = _held.get(key) if key is not None else None
        return held is not None and (held.holders > 1 or held.connections() > 0)


def _open_connections_on(path: str | os.PathLike[str]) -> bool:
    name = os.fsdecode(os.fspath(path))
    for suffix in SIDE_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return connections_open(name)


def read_head(path: Path, size: int = 100) -> bytes:
    """The first bytes of a library file, without ever closing a descriptor of a file
    SQLite has open in this process."""
    with _lock:
        key = _identity(path)
        held = _held.get(key) if key is not None else None
        if held is not None:
            return os.pread(held.fd, size, 0)
        with open(path, "rb") as fh:
            return fh.read(size)


# -- the guard -----------------------------------------------------------------------

_guard_installed = False
violations: list[str] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _held:
        return
    if event == "open":
        target = args[0]
        if isinstance(target, int) or target is None:
            return
        if _open_connections_on(target):
            _violation(f"opened {os.fsdecode(target)}, a library file SQLite has open")
    elif event == "sqlite3.connect":
        target = os.fsdecode(args[0]) if args else ""
        if "immutable=1" in target or "nolock=1" in target:
            file_part = target.removeprefix("file:").split("?", 1)[0]
            if connections_open(file_part):
                _violation(f"connected to {file_part} without locks while it is open")


def _violation(message: str) -> None:
    violations.append(message)
    raise RuntimeError(f"held_files guard: {message}")


def install_audit_guard() -> None:
    """Fail any open of a held library file in this process (for the test suite).

    Audit hooks cannot be removed, so this is installed once and checks only while
    something is held.
    """
    global _guard_installed
    if _guard_installed:
        return
    sys.addaudithook(_audit)
    _guard_installed = True
