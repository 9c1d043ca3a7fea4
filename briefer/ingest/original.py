"""The original bytes of a source, made readable without rendering them.

The analyst checks what the page really said against the original: an HTML page's
visible text and its markup as plain text, an e-mail's message, a text file's text.
Nothing here renders HTML or fetches what it references (lxml parses it as data); PDF
and Word files are shown by the system viewer from a private copy instead.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from briefer.core.errors import InvalidInput
from briefer.core.records import OriginalRecord
from briefer.ingest.decode import decode_counted

_TEXT_TYPES = ("text/", "message/", "multipart/related", "application/xhtml")
_SUFFIXES = {
    "text/html": ".html",
    "application/xhtml+xml": ".xhtml",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "message/rfc822": ".eml",
    "multipart/related": ".mhtml",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


def is_text(original: OriginalRecord) -> bool:
    return original.media_type.startswith(_TEXT_TYPES)


def is_html(original: OriginalRecord) -> bool:
    return original.media_type.split(";")[0].strip() in ("text/html", "application/xhtml+xml")


def source_text(original: OriginalRecord) -> str:
    """The original as text, exactly as stored but decoded ('' for binary formats)."""
    if not is_text(original):
        return ""
    try:
        return decode_counted(original.data, html=is_html(original))[0]
    except Exception:  # an original Briefer could import once is text; be safe anyway
        return original.data.decode("utf-8", "replace")


def readable_text(original: OriginalRecord) -> str:
    """What a reader of the original saw: a page's visible text, scripts and styles
    removed and nothing loaded; other text as it is."""
    text = source_text(original)
    if not text or not is_html(original):
        return text
    from trafilatura.utils import load_html

    from briefer.ingest.html import _fallback_text

    tree = load_html(text)
    if tree is None:
        return text
    lines = (" ".join(line.split()) for line in _fallback_text(tree).split("\n"))
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def suffix(original: OriginalRecord) -> str:
    """The file extension the original had, or one its media type implies."""
    ext = Path(original.filename).suffix
    return ext or _SUFFIXES.get(original.media_type.split(";")[0].strip(), ".bin")


def suggested_name(original: OriginalRecord) -> str:
    name = Path(original.filename).name if original.filename else ""
    return name or f"source-{original.source_id}-original{suffix(original)}"


def write_private_copy(original: OriginalRecord) -> Path:
    """A temporary copy only the analyst can read (0600), for the system viewer."""
    folder = Path(tempfile.mkdtemp(prefix="briefer-original-"))
    os.chmod(folder, 0o700)
    path = folder / suggested_name(original)
    save(original, path)
    return path


def save(original: OriginalRecord, path: Path, *, replace: bool = False) -> None:
    """Write the original bytes to `path` (mode 0600) in one step.

    A new file is created; with `replace`, an existing regular file is replaced (through
    a temporary file and a rename, so a failed write leaves it whole). Anything else at
    the path (a folder, a device, a link) is refused with a one-line reason.
    """
    path = Path(path)
    try:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise InvalidInput(f"{path}: not a regular file; choose another name")
        if path.exists() and not replace:
            raise InvalidInput(f"{path}: already exists; choose another name")
        fd, tmp = tempfile.mkstemp(prefix=".briefer-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(original.data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot write ({exc.strerror or type(exc).__name__})") from None
