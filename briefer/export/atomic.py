"""Atomic, private writes: a temp file beside the target, then os.replace.

A failed export must leave an earlier file at the path byte-identical and no temp file
behind; the brief may be sensitive, so the file is readable by its owner only.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from briefer.core.targets import check_target
from briefer.export.errors import ExportError

FILE_MODE = 0o600


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call write(fh) on a temp file in path's folder, then move it over path."""
    path = check_target(path)  # a regular file or a new one, never a device or a library
    folder = path.parent
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; choose a file name ending in .docx")
    if not folder.is_dir():
        raise ExportError(f"{path}: the folder {folder} does not exist; choose another place")
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise ExportError(f"{path}: cannot write in {folder} ({exc.strerror})") from exc
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise ExportError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
        raise
    with contextlib.suppress(OSError):
        os.chmod(path, FILE_MODE)
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
