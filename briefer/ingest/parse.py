"""One entry point per input: pick the reader from the extension, finish the source.

These functions touch no library, so worker processes can run them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from briefer.core.records import NewSource, OriginalFile
from briefer.ingest import dates
from briefer.ingest.budget import budgeted
from briefer.ingest.decode import clean_controls
from briefer.ingest.errors import IngestError
from briefer.ingest.limits import MAX_PASTE_CHARS, check_file_size, check_size
from briefer.ingest.metadata import Article, finish
from briefer.ingest.text import article_from_plain

# extension -> (original_format, media type of the original)
FORMATS = {
    ".txt": ("txt", "text/plain"),
    ".text": ("txt", "text/plain"),
    ".md": ("md", "text/markdown"),
    ".markdown": ("md", "text/markdown"),
    ".html": ("html", "text/html"),
    ".htm": ("html", "text/html"),
    ".xhtml": ("html", "application/xhtml+xml"),
    ".mhtml": ("mhtml", "multipart/related"),
    ".mht": ("mhtml", "multipart/related"),
    ".docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".pdf": ("pdf", "application/pdf"),
    ".eml": ("eml", "message/rfc822"),
}
SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(FORMATS)


def _read(data: bytes, fmt: str) -> Article:
    if fmt == "txt":
        from briefer.ingest.text import parse_text_bytes

        return parse_text_bytes(data, "txt")
    if fmt == "md":
        from briefer.ingest.text import parse_markdown_bytes

        return parse_markdown_bytes(data)
    if fmt == "html":
        from briefer.ingest.html import parse_html_bytes

        return parse_html_bytes(data)
    if fmt == "mhtml":
        from briefer.ingest.mhtml import parse_mhtml_bytes

        return parse_mhtml_bytes(data)
    if fmt == "docx":
        from briefer.ingest.docx import parse_docx_bytes

        return parse_docx_bytes(data)
    if fmt == "pdf":
        from briefer.ingest.pdf import parse_pdf_bytes

        return parse_pdf_bytes(data)
    if fmt == "eml":
        from briefer.ingest.eml import parse_eml_bytes

        return parse_eml_bytes(data)
    raise IngestError(f"unsupported file type {fmt!r}")


def _format_of(filename: str) -> tuple[str, str]:
    ext = Path(filename).suffix.lower()
    if ext not in FORMATS:
        shown = ext or "(no extension)"
        raise IngestError(
            f"unsupported file type {shown}; Briefer reads "
            + ", ".join(sorted(SUPPORTED_EXTENSIONS))
        )
    return FORMATS[ext]


def parse_bytes(
    data: bytes,
    filename: str,
    *,
    today: date | None = None,
    convention: dates.Convention | None = None,
    guess_language: bool = True,
    should_cancel: Callable[[], bool] | None = None,
) -> NewSource:
    """Parse the bytes of a file named `filename`; raise IngestError with a one-line reason.

    The reader runs under a CPU budget (budget.py); should_cancel is polled meanwhile,
    and a cancel raises budget.ParseCancelled.
    """
    fmt, media_type = _format_of(filename)
    check_size(len(data))
    try:
        with budgeted(should_cancel):
            article = _read(data, fmt)
    except IngestError:
        raise
    except RecursionError:
        raise IngestError("structure nested too deeply to read") from None
    except MemoryError:
        raise IngestError("not enough memory to read this file") from None
    article.original = OriginalFile(
        data=data, filename=os.path.basename(filename), media_type=media_type
    )
    if not article.title:
        article.fallback_title = article.fallback_title or Path(filename).stem.replace("_", " ")
    return finish(
        article, today=today or date.today(), convention=convention, guess_language=guess_language
    )


def parse_path(
    path: str | os.PathLike[str],
    *,
    today: date | None = None,
    guess_language: bool = True,
    should_cancel: Callable[[], bool] | None = None,
) -> NewSource:
    """Parse one file, refusing unknown types and oversized files before reading them."""
    path = os.fspath(path)
    _format_of(path)
    try:
        if not os.path.isfile(path):
            raise IngestError("no such file" if not os.path.exists(path) else "not a file")
        check_file_size(path)
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror or type(exc).__name__})") from None
    return parse_bytes(
        data, path, today=today, guess_language=guess_language, should_cancel=should_cancel
    )


def parse_paste(
    text: str, html: str | None = None, *, today: date | None = None, title: str = ""
) -> NewSource:
    """Parse clipboard text, or the clipboard's HTML when it offers some.

    `title`, when given, is the headline the analyst typed: it replaces what the paste
    suggested (see paste_article and ImportResult status 'needs_title')."""
    article = paste_article(text, html)
    if title.strip():
        article.title = " ".join(title.split())
        article.title_uncertain = False
    return finish(article, today=today or date.today())


def paste_article(text: str, html: str | None = None) -> Article:
    """The Article of a clipboard paste, before finish: its title may be uncertain."""
    if len(text or "") > MAX_PASTE_CHARS or len(html or "") > MAX_PASTE_CHARS:
        raise IngestError("pasted text is too large")
    if html and html.strip():
        from briefer.ingest.html import parse_html

        data = html.encode("utf-8")
        try:
            article = parse_html(clean_controls(html), fmt="paste")
        except IngestError:
            article = None
        if article is not None and article.body.strip():
            article.original = OriginalFile(data=data, filename="", media_type="text/html")
            # A fragment copied from a page may hold no headline: ask, do not guess.
            article.title_uncertain = article.title_uncertain or not article.title.strip()
            return article
    if not text or not text.strip():
        raise IngestError("nothing to import: the pasted text is empty")
    article = article_from_plain(clean_controls(text), "paste")
    if html and html.strip():
        article.original = OriginalFile(
            data=html.encode("utf-8"), filename="", media_type="text/html"
        )
    else:
        article.original = OriginalFile(
            data=text.encode("utf-8"), filename="", media_type="text/plain; charset=utf-8"
        )
    return article
