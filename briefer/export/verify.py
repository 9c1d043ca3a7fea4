"""Which recorded export is this file? `briefer verify FILE`.

The file's SHA-256 is looked up in the export record: a match is that export, byte for
byte. Otherwise a .docx's core properties may still name its export (the created
second and the title, export/properties.read_identity): the file was changed since.
Anything else matches no recorded export.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.core.export_records import ExportRecord
from briefer.export.errors import ExportError
from briefer.export.properties import FileIdentity, read_identity

if TYPE_CHECKING:
    from briefer.core.library import Library

MATCHED, CHANGED, UNKNOWN = "matched", "changed", "unknown"
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Verification:
    """What verify found: the exports the file is (matched), the export it was changed
    from (changed), or nothing (unknown)."""

    path: Path
    sha256: str
    status: str
    exports: tuple[ExportRecord, ...] = ()
    identity: FileIdentity | None = None

    def lines(self) -> list[str]:
        if self.status == MATCHED:
            return [f"{self.path} is {_told(e)}" for e in self.exports]
        if self.status == CHANGED:
            first = self.exports[0]
            return [
                f"{self.path} was changed since {_told(first)}: its SHA-256 is "
                f"{self.sha256}, the exported file's was {first.sha256}"
            ]
        return [f"{self.path} matches no recorded export (SHA-256 {self.sha256})"]

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "sha256": self.sha256,
            "status": self.status,
            "exports": [e.as_json() for e in self.exports],
        }


def _told(record: ExportRecord) -> str:
    to = f" to {record.recipients}" if record.recipients else " (no recipients recorded)"
    marking = f", marked {record.marking}" if record.marking else ""
    return f"{record.describe()}{marking}, sent{to}"


def file_sha256(path: Path) -> str:
    """The SHA-256 of a regular file, read in chunks; anything else is refused."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ExportError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ExportError(f"{path}: is not a regular file; name an exported .docx or .pdf")
    with os.fdopen(fd, "rb") as fh:
        digest = hashlib.sha256()
        try:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
        except OSError as exc:
            raise ExportError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return digest.hexdigest()


def verify_file(library: Library, path: str | Path) -> Verification:
    """Say which recorded export the file at path is, or was before it was changed."""
    path = Path(path)
    sha256 = file_sha256(path)
    found = library.exports.with_sha256(sha256)
    if found:
        return Verification(path, sha256, MATCHED, tuple(found))
    identity = read_identity(path)
    if identity is not None:
        made = library.exports.made_at(identity.created, file_format="docx")
        same_title = [e for e in made if e.title == identity.title]
        if same_title or made:
            return Verification(path, sha256, CHANGED, tuple(same_title or made), identity)
    return Verification(path, sha256, UNKNOWN, (), identity)
