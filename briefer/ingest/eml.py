"""Saved e-mail (.eml): newsletters and forwarded articles, plain or HTML body."""

from __future__ import annotations

import email
import re
from email import policy
from email.header import decode_header
from email.utils import getaddresses, parsedate_to_datetime

from briefer.ingest.decode import clean_controls, decode_bytes
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
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    content = clean_controls(content)
    subject = " ".join(str(msg.get("Subject") or "").split())
    if "\ufffd" in subject:
        subject = _raw_subject(data, part.get_content_charset() or "")
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
        article = article_from_text(content, Article(body="", original_format="eml", title=subject))
    article.outlet = article.outlet or sender
    if published:
        article.published = published
        article.published_text = str(msg["Date"])
    return article


_SUBJECT = re.compile(
    rb"^subject:[ \t]*(?P<value>.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE
)


def _text_of_bytes(raw: bytes, charset: str, body_charset: str) -> str:
    """Header bytes as text: the charset named, the body's, UTF-8, else (for enough bytes
    to judge) what the bytes themselves suggest."""
    for name in (charset, body_charset, "utf-8"):
        if not name:
            continue
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    if len(raw) < 24:
        return ""
    try:
        return decode_bytes(raw)
    except Exception:  # too odd to tell: no subject rather than garbage
        return ""


def _raw_subject(data: bytes, body_charset: str) -> str:
    """The subject from the message's own bytes, when the parser could not decode it.

    A subject in raw 8-bit bytes (no encoded-word) or in an encoded-word whose charset is
    unknown or wrong reads as "����"; the bytes are decoded here as a body of unknown
    encoding would be, and a subject that still cannot be read is left empty.
    """
    head = re.split(rb"\r?\n\r?\n", data, maxsplit=1)[0]
    m = _SUBJECT.search(head)
    if not m:
        return ""
    value = re.sub(rb"\r?\n[ \t]", b" ", m["value"])
    parts: list[str] = []
    try:
        chunks = decode_header(value.decode("latin-1"))
    except (ValueError, LookupError):
        chunks = [(value, None)]
    for chunk, charset in chunks:
        raw = chunk if isinstance(chunk, bytes) else chunk.encode("latin-1")
        parts.append(_text_of_bytes(raw, charset or "", body_charset))
    subject = " ".join("".join(parts).split())
    return "" if "\ufffd" in subject else subject
