"""What a written file (export, backup) may replace: a regular file, or nothing.

Writers replace their target with os.replace or link beside it; on a device, a named
pipe, a socket or a folder that either fails oddly or, as root, turns /dev/full into a
.docx. A symbolic link is replaced only when the analyst asks for it (--follow), and a
Briefer library or one of its companion files is never a target.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefer.core import held_files, schema
from briefer.core.errors import BrieferError

SQLITE_MAGIC = b"SQLite format 3\x00"
# Files SQLite and Briefer keep beside a library; replacing one loses or damages work.
COMPANIONS = ("-wal", "-shm", "-journal", ".lock")


class TargetRefused(BrieferError):
    """The chosen output path is not a place Briefer writes a file."""


def _kind(mode: int) -> str | None:
    """Why a file of this mode is refused, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder; name a file inside it"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file; choose a file name"
    if stat.S_ISFIFO(mode):
        return "is a named pipe, not a file; choose a file name"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file; choose a file name"
    return "is not a regular file; choose a file name"


def _is_library(path: Path) -> bool:
    """Whether path holds a Briefer library, from its header alone."""
    try:  # never open() a file SQLite holds here: closing it would drop SQLite's locks
        head = held_files.read_head(path)
    except OSError:
        return False
    return (
        head.startswith(SQLITE_MAGIC)
        and len(head) == 100
        and (int.from_bytes(head[68:72], "big") == schema.APPLICATION_ID)
    )


def _library_of(path: Path, library: Path | None) -> Path | None:
    """The library path is, or is a companion of; None when it is neither.

    A companion (-wal, -shm...) is judged by its name and its library's header, never
    opened: closing a descriptor of it would drop the locks SQLite holds on it.
    """
    for suffix in COMPANIONS:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            base = path.with_name(path.name[: -len(suffix)])
            if (library is not None and _same(base, library)) or _is_library(base):
                return base
    if library is not None and _same(path, library):
        return library
    if not path.name.endswith(COMPANIONS) and path.is_file() and _is_library(path):
        return path
    return None


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def check_target(
    path: str | os.PathLike[str], *, follow: bool = False, library: Path | None = None
) -> Path:
    """The path to write for `path`, or TargetRefused with one line saying why.

    A missing path is fine (a new file); an existing one must be a regular file. A
    symbolic link is refused unless follow is set; then its target is checked and
    returned, so the writer replaces the file the link points to and keeps the link.
    """
    path = Path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise TargetRefused(f"{path}: cannot be examined ({exc.strerror or exc})") from None
    if info is not None and stat.S_ISLNK(info.st_mode):
        if not follow:
            raise TargetRefused(
                f"{path}: is a symbolic link (to {os.readlink(path)}); name the file "
                "itself, or pass --follow to write where the link points"
            )
        return check_target(Path(os.path.realpath(path)), library=library)
    if info is not None and (why := _kind(info.st_mode)):
        raise TargetRefused(f"{path}: {why}")
    owner = _library_of(path, library)
    if owner is not None:
        what = "is a Briefer library" if _same(owner, path) else f"belongs to the library {owner}"
        raise TargetRefused(f"{path}: {what}; Briefer never writes over it: choose another name")
    return path
