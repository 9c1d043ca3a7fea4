"""Word documents: body paragraphs and footnotes, after the zip is checked for traps."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from typing import Any

from briefer.ingest.errors import IngestError
from briefer.ingest.limits import check_zip
from briefer.ingest.metadata import Article, article_from_text

_FOOTNOTE_MARK = re.compile(r"----(?:footnote|endnote)(\d+)----")
_DOCX2PY_MARK = re.compile(r"----[a-zA-Z]+\d*----|----media/[^-]+----")


def _pars(tree: Any) -> list[str]:
    """Flatten docx2python's nested paragraph lists into paragraph texts."""
    out: list[str] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        else:
            text = "".join(run.text for run in getattr(node, "runs", []))
            text = _FOOTNOTE_MARK.sub(r"[\1]", text)
            text = _DOCX2PY_MARK.sub("", text)
            text = " ".join(text.split())
            if text:
                out.append(text)
    return out


def parse_docx_bytes(data: bytes) -> Article:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_zip(zf)
            if "word/document.xml" not in zf.namelist():
                raise IngestError("not a Word document (no word/document.xml)")
    except zipfile.BadZipFile:
        raise IngestError("not a Word document (not a valid .docx zip)") from None
    from docx2python import docx2python

    try:
        with warnings.catch_warnings(), docx2python(io.BytesIO(data)) as doc:
            warnings.simplefilter("ignore")
            body = _pars(doc.body_pars)
            notes = _pars(doc.footnotes_pars) + _pars(doc.endnotes_pars)
            props = doc.core_properties or {}
    except IngestError:
        raise
    except Exception as exc:  # docx2python raises many types on damaged XML
        raise IngestError(f"damaged Word document ({type(exc).__name__})") from None
    article = Article(body="", original_format="docx")
    title = (props.get("title") or "").strip()
    if title:
        article.title = title
    text = "\n\n".join(body)
    article = article_from_text(text, article)
    # Footnotes follow the text: sources cited in a report are evidence too.
    if notes:
        article.body = article.body + "\n\n" + "\n\n".join(notes) if article.body else ""
    return article
