"""PDF text layers through pypdf, which keeps Arabic in logical order.

Scanned PDFs have no text layer; OCR is out of scope, so they are refused with that
reason instead of being stored as an empty source.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Mapping
from typing import Any

from briefer.ingest import budget
from briefer.ingest.errors import IngestError
from briefer.ingest.metadata import Article, article_from_text, split_authors

MAX_PAGES = 2000
_SENTENCE_END = (".", "!", "?", ":", "”", '"', "؟", "…")
_HYPHEN_BREAK = re.compile(r"(\w)-$")


def _lines_to_paragraphs(text: str) -> list[str]:
    """Rejoin the visual lines of a PDF page into paragraphs."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return []
    typical = lengths[int(len(lengths) * 0.8)]
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if current:
            m = _HYPHEN_BREAK.search(current)
            current = current[:-1] + line if m else current + " " + line
        else:
            current = line
        # A short line that ends a sentence ends its paragraph.
        short = len(line) < 0.6 * typical
        if short or (len(line) < 0.8 * typical and line.endswith(_SENTENCE_END)):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def parse_pdf_bytes(data: bytes) -> Article:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = bool(reader.decrypt(""))
            except Exception:  # unsupported encryption algorithms raise assorted errors
                ok = False
            if not ok:
                raise IngestError("encrypted PDF; remove the password and import it again")
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise IngestError(f"PDF has {len(pages)} pages (the limit is {MAX_PAGES})")
        paragraphs: list[str] = []
        for number, page in enumerate(pages, 1):
            budget.next_page(number)  # a page has its own CPU budget, the file another
            paragraphs.extend(_lines_to_paragraphs(page.extract_text() or ""))
        info: Mapping[str, Any] = reader.metadata or {}
        title = str(info.get("/Title") or "").strip()
        author = str(info.get("/Author") or "").strip()
    except IngestError:
        raise
    except LimitReachedError:  # a flate bomb, a cycle, an absurd declared size
        raise IngestError(
            "PDF expands beyond the reader's limits (a decompression bomb or a loop); not imported"
        ) from None
    except (
        PyPdfError,
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OSError,
    ) as exc:
        raise IngestError(f"not a readable PDF ({type(exc).__name__})") from None
    if sum(ch.isalnum() for p in paragraphs for ch in p) < 10:
        raise IngestError("no text layer; OCR is not supported")
    article = Article(body="", original_format="pdf")
    if title and not title.lower().startswith(("microsoft word", "untitled")):
        article.title = title
    article = article_from_text("\n\n".join(paragraphs), article)
    if author and not article.authors:
        article.authors = split_authors(author, strict=False)
    return article
