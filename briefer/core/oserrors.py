"""One line for an error of the operating system: which file, what went wrong, what to do.

Anything the system refuses (a read-only folder, a full disk, a missing path) reaches
the analyst as this line instead of "unexpected error: PermissionError".
"""

from __future__ import annotations

import errno
import os

# errno -> (what happened, what to do); the file or folder is named before it.
_ADVICE: dict[int, tuple[str, str]] = {
    errno.EACCES: ("permission denied", "check its permissions or choose another place"),
    errno.EPERM: ("not permitted", "check its permissions or choose another place"),
    errno.EROFS: ("on a read-only disk", "choose a place on a writable disk"),
    errno.ENOSPC: ("no space left on the disk", "free some space or choose another disk"),
    errno.EDQUOT: ("disk quota exceeded", "free some space or choose another disk"),
    errno.ENOENT: ("no such file or folder", "check the path"),
    errno.ENOTDIR: ("a part of the path is not a folder", "check the path"),
    errno.EISDIR: ("is a folder", "name a file"),
    errno.EEXIST: ("already exists", "choose another name"),
    errno.ENAMETOOLONG: ("the name is too long", "choose a shorter name"),
    errno.EIO: ("input/output error", "the disk may be failing: copy your work elsewhere"),
    errno.EMFILE: ("too many open files", "close some programs and try again"),
}
# Errors about creating something, where the folder (not the missing file) is at fault.
_FOLDER_ERRORS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}


def os_error_line(exc: OSError) -> str:
    """The one-line reason for exc, naming the file (or its folder) and what to do."""
    what, todo = _ADVICE.get(
        exc.errno or 0, ((exc.strerror or type(exc).__name__).lower(), "check it and try again")
    )
    name = exc.filename if exc.filename is not None else exc.filename2
    if name is None:
        return f"{what}; {todo}"
    name = os.fsdecode(name) if isinstance(name, bytes) else str(name)
    if exc.errno in _FOLDER_ERRORS and not os.path.lexists(name):
        folder, base = os.path.split(os.path.abspath(name))
        if base.startswith("."):  # a temp file of an atomic write: the folder matters
            return f"cannot create a file in the folder {folder}: {what}; {todo}"
        return f"cannot create {name}: {what}; {todo}"
    return f"{name}: {what}; {todo}"
