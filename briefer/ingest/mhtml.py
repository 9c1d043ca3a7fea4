"""Single-file web archives (.mhtml, .mht): the page inside, read like a saved page.

Only the HTML part is read; the archive's images, scripts and styles are never
extracted, rendered or followed.
"""

from __future__ import annotations

import email
from email import policy
from email.utils import parsedate_to_datetime

from briefer.ingest.decode import clean_controls
from briefer.ingest.errors import IngestError
from briefer.ingest.html import _http, parse_html
from briefer.ingest.metadata import Article


def parse_mhtml_bytes(data: bytes) -> Article:
    try:
        msg = email.message_from_bytes(data, policy=policy.default)
    except Exception as exc:  # the email parser is lenient; anything raised is malformed input
        raise IngestError(f"not a readable MHTML archive ({type(exc).__name__})") from None
    page = next((part for part in msg.walk() if part.get_content_type() == "text/html"), None)
    if page is None:
        raise IngestError("no web page inside the MHTML archive")
    try:
        html = page.get_content()
    except (LookupError, ValueError, AttributeError):
        payload = page.get_payload(decode=True)
        html = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    url = _http(msg.get("Snapshot-Content-Location") or page.get("Content-Location"))
    accessed = None
    if msg.get("Date"):
        try:
            accessed = parsedate_to_datetime(str(msg["Date"])).date()
        except (TypeError, ValueError, IndexError):
            accessed = None
    subject = str(msg.get("Subject") or "")
    return parse_html(clean_controls(html), fmt="mhtml", url=url, accessed=accessed, title=subject)
