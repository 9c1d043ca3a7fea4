"""Size and shape limits, checked before any parser sees the bytes.

Parsers are the soft underbelly of an importer: a 50 MB text file or a zip bomb can
stall the app or exhaust memory, so every check here runs on sizes and headers only.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import PurePosixPath, PureWindowsPath

from briefer.ingest.errors import IngestError

MB = 1024 * 1024
# Largest file the importer reads at all; anything bigger is refused from its size.
MAX_FILE_BYTES = 20 * MB
# Largest pasted text (characters) accepted from the clipboard.
MAX_PASTE_CHARS = 20 * MB
# Zip containers (.docx): a real article is a few dozen members and a few MB.
MAX_ZIP_MEMBERS = 1000
MAX_ZIP_TOTAL_BYTES = 200 * MB
MAX_ZIP_MEMBER_BYTES = 100 * MB
MAX_ZIP_RATIO = 100
# Members smaller than this are never called bombs, whatever their ratio.
ZIP_RATIO_FLOOR = 1 * MB


def human_size(n: int) -> str:
    """Sizes in messages, rounded the way people say them."""
    if n >= MB:
        return f"{n / MB:.0f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def check_file_size(path: str | os.PathLike[str]) -> int:
    """Refuse empty and oversized files from their size, before reading a byte."""
    size = os.stat(path).st_size
    check_size(size)
    return size


def check_size(size: int) -> None:
    if size == 0:
        raise IngestError("empty file")
    if size > MAX_FILE_BYTES:
        raise IngestError(
            f"file is too large ({human_size(size)}; the limit is {human_size(MAX_FILE_BYTES)})"
        )


def _unsafe_member_name(name: str) -> bool:
    if not name or "\x00" in name:
        return True
    if name.startswith(("/", "\\")) or PureWindowsPath(name).drive:
        return True
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return ".." in parts


def check_zip(zf: zipfile.ZipFile) -> None:
    """Refuse zip bombs, path traversal and absurd member counts from the central directory."""
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise IngestError(f"archive has {len(infos)} entries (the limit is {MAX_ZIP_MEMBERS})")
    total = 0
    for info in infos:
        if _unsafe_member_name(info.filename):
            raise IngestError(f"archive member has an unsafe name: {info.filename!r}")
        if info.flag_bits & 0x1:
            raise IngestError("document is encrypted")
        size = info.file_size
        if size > MAX_ZIP_MEMBER_BYTES:
            raise IngestError(
                f"archive member {info.filename!r} would expand to {human_size(size)}"
            )
        if size > ZIP_RATIO_FLOOR and size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise IngestError(
                f"archive member {info.filename!r} is compressed suspiciously well "
                f"({size // max(info.compress_size, 1)}:1); possible zip bomb"
            )
        total += size
        if total > MAX_ZIP_TOTAL_BYTES:
            raise IngestError(
                f"archive would expand to more than {human_size(MAX_ZIP_TOTAL_BYTES)}"
            )
