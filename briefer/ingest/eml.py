"""Saved e-mail (.eml): newsletters and forwarded articles, plain or HTML body."""

from __future__ import annotations

import email
from email import policy
from email.utils import getaddresses, parsedate_to_datetime

from briefer.ingest.decode import clean_controls
from briefer.ingest.errors import IngestError
from briefer.ingest.metadata import Article, article_from_text


def parse_eml_bytes(data: bytes) -> Article:
    try:
        msg = email.message_from_bytes(data, policy=policy.default)
        part = msg.get_body(preferencelist=("plain", "html"))
    except Exception as exc:  # malformed MIME structure
        raise IngestError(f"not a readable e-mail ({type(exc).__name__})") from None
    if part is None or not msg.keys():
        raise IngestError("not an e-mail message (no headers or no text body)")
    try:
        content = part.get_content()
    except (LookupError, ValueError, AttributeError):
        content = (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    content = clean_controls(content)
    subject = " ".join(str(msg.get("Subject") or "").split())
    sender = ""
    try:
        addresses = getaddresses([str(msg.get("From") or "")])
        if addresses:
            name, addr = addresses[0]
            sender = name or addr.rpartition("@")[2]
    except (TypeError, ValueError):
        sender = ""
    published = None
    if msg.get("Date"):
        try:
            published = parsedate_to_datetime(str(msg["Date"])).date()
        except (TypeError, ValueError, IndexError):
            published = None
    if part.get_content_type() == "text/html":
        from briefer.ingest.html import parse_html

        article = parse_html(content, fmt="eml", title=subject)
        article.title = subject or article.title
    else:
        article = article_from_text(content, Article(body="", original_format="eml",
                                                     title=subject))
    article.outlet = article.outlet or sender
    if published:
        article.published = published
        article.published_text = str(msg["Date"])
    return article
