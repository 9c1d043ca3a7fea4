"""What a paste may bring into a brief: the structure's formatting and nothing else.

HTML from Word or a web page is parsed by a QTextDocument that never loads a resource,
after <img>, scripts, styles and every src attribute are cut out, then read back through
the structure, which drops colours, fonts, images and links other than http(s) and
mailto. Control characters go too. A paste larger than MAX_PASTE_CHARS is refused with
a message rather than freezing the window.
"""

from __future__ import annotations

import json
import re

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextDocument

from briefer.core import document
from briefer.core.errors import BrieferError, InvalidInput
from briefer.core.textutil import clean_text, is_rtl
from briefer.gui.editor.convert import read_document

FRAGMENT_MIME = "application/x-briefer-brief-fragment"
EXCERPT_MIME = "application/x-briefer-excerpt"
# Measured (bench/bench_editor.py): a paste of this size lands in well under a second.
MAX_PASTE_CHARS = 1_000_000
MAX_PASTE_HTML = 4 * MAX_PASTE_CHARS
LINK_SCHEMES = ("http://", "https://", "mailto:")

_DROP_ELEMENTS = re.compile(
    r"<(script|style|head|title|iframe|object|embed|svg|video|audio|canvas|noscript|template)"
    r"\b.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_DROP_TAGS = re.compile(
    r"<(?:img|image|link|meta|base|source|input|picture|v:imagedata|v:shape|o:p)\b[^>]*>",
    re.IGNORECASE,
)
_RESOURCE_ATTRS = re.compile(
    r"""\s(?:src|srcset|background|poster|data|lowsrc|dynsrc|xlink:href)\s*=\s*"""
    r"""(?:"[^"]*"|'[^']*'|[^\s>]+)""",
    re.IGNORECASE,
)
_CSS_URL = re.compile(r"url\s*\([^)]*\)", re.IGNORECASE)
_CONDITIONAL = re.compile(r"<!\[if !supportLists\]>.*?<!\[endif\]>", re.IGNORECASE | re.DOTALL)
# Word writes list items as paragraphs styled "mso-list:l0 level2 lfo1", with the bullet
# or number typed in a conditional block; a run of them becomes a real (nested) list.
_WORD_ITEM = re.compile(
    r"<p\b(?P<attrs>[^>]*mso-list:\s*l\d+\s+level(?P<level>\d+)[^>]*)>(?P<body>.*?)</p\s*>",
    re.IGNORECASE | re.DOTALL,
)
_TAGS = re.compile(r"<[^>]*>")
_ORDERED_MARKER = re.compile(r"^\(?[0-9a-zA-Z]{1,4}[.)]")


class PasteRefused(BrieferError):
    """A paste too large to take in one piece; the message says what to do instead."""


class _OfflineDocument(QTextDocument):
    """Parses pasted HTML; any resource it asks for (an image) is refused, not loaded."""

    def loadResource(self, type, name):
        return None


def excerpt_ids(mime: QMimeData) -> list[int]:
    """The ids of a drag or copy from the excerpts panel."""
    if not mime.hasFormat(EXCERPT_MIME):
        return []
    try:
        payload = json.loads(bytes(mime.data(EXCERPT_MIME).data()).decode("utf-8"))
        ids = payload.get("excerpt_ids", [])
    except (ValueError, AttributeError):
        return []
    return [i for i in ids if isinstance(i, int) and not isinstance(i, bool) and i > 0]


def fragment_body(mime: QMimeData) -> dict | None:
    """A copy from a brief, markers and all, or None."""
    if not mime.hasFormat(FRAGMENT_MIME):
        return None
    try:
        return document.normalize(json.loads(bytes(mime.data(FRAGMENT_MIME).data()).decode()))
    except (ValueError, BrieferError):
        return None


def body_from_mime(mime: QMimeData) -> dict | None:
    """What a paste brings, as a structure; None when it holds nothing a brief takes.

    Raises PasteRefused above the size limit.
    """
    body = fragment_body(mime)
    if body is not None:
        return body
    if mime.hasHtml():
        html = mime.html()
        if len(html) <= MAX_PASTE_HTML:
            body = body_from_html(html)
            if sum(len(t) for t in _texts(body)) > MAX_PASTE_CHARS:
                raise refusal(sum(len(t) for t in _texts(body)))
            return body
    if mime.hasText():
        text = mime.text()
        if len(text) > MAX_PASTE_CHARS:
            raise refusal(len(text))
        return body_from_text(text)
    if mime.hasHtml():
        raise refusal(len(mime.html()))
    return None


def refusal(size: int) -> PasteRefused:
    return PasteRefused(
        f"Paste refused: {size / 1e6:.1f} million characters is more than the "
        f"{MAX_PASTE_CHARS / 1e6:.0f} million a brief takes in one paste; import long text "
        "as a source and cite excerpts of it"
    )


def _texts(body: dict):
    for block in document.iter_blocks(body):
        for content in document.inline_runs(block):
            for node in content:
                if node["type"] == "text":
                    yield node["text"]


def word_lists(html: str) -> str:
    """Word's list paragraphs as <ul>/<ol> (nested by level), so they paste as lists."""
    out: list[str] = []
    last = 0
    stack: list[tuple[int, str]] = []  # (level, "ul" or "ol") of the open lists

    def close_all() -> None:
        while stack:
            out.append(f"</{stack.pop()[1]}>")

    for match in _WORD_ITEM.finditer(html):
        between = html[last : match.start()]
        if between.strip():
            close_all()
        out.append(between)
        level = max(1, min(int(match["level"]), 8))
        marker = _CONDITIONAL.search(match["body"])
        bullet = _TAGS.sub("", marker.group(0)) if marker else ""
        bullet = bullet.replace("&nbsp;", " ").replace("<![if !supportLists]>", "").strip()
        tag = "ol" if _ORDERED_MARKER.match(bullet) else "ul"
        while stack and stack[-1][0] > level:
            out.append(f"</{stack.pop()[1]}>")
        if stack and stack[-1][0] == level and stack[-1][1] != tag:
            out.append(f"</{stack.pop()[1]}>")
        while not stack or stack[-1][0] < level:
            out.append(f"<{tag}>")
            stack.append(((stack[-1][0] + 1) if stack else level, tag))
        out.append(f"<li>{_CONDITIONAL.sub('', match['body'])}</li>")
        last = match.end()
    close_all()
    out.append(html[last:])
    return "".join(out)


def strip_html(html: str) -> str:
    """The markup with everything that could load a resource or carry code removed."""
    html = word_lists(html)
    html = _CONDITIONAL.sub("", html)  # the bullet characters Word types before list items
    html = _DROP_ELEMENTS.sub("", html)
    html = _DROP_TAGS.sub("", html)
    html = _RESOURCE_ATTRS.sub("", html)
    return _CSS_URL.sub("none", html)


def body_from_html(html: str) -> dict:
    doc = _OfflineDocument()
    # Links keep their meaning, not the browser's underline (that would read as a mark).
    doc.setDefaultStyleSheet("a { text-decoration: none; }")
    doc.setHtml(strip_html(html))
    body = read_document(doc)
    # Empty paragraphs in HTML are spacing (and Qt adds one after each table): not text.
    body["blocks"] = [b for b in body["blocks"] if b["type"] != "paragraph" or b["content"]]
    return safe_links(body)


def safe_links(body: dict) -> dict:
    """Links survive only as http(s) or mailto; citations from outside are dropped."""
    for block in document.iter_blocks(body):
        for content in document.inline_runs(block):
            kept = []
            for node in content:
                if node["type"] != "text":
                    continue
                link = node.get("link", "")
                if link and not link.strip().lower().startswith(LINK_SCHEMES):
                    node.pop("link")
                kept.append(node)
            content[:] = kept
    try:
        return document.normalize(body)
    except InvalidInput:
        return document.empty_document()


def body_from_text(text: str) -> dict:
    """Plain text: one paragraph a line; a line that starts right-to-left stays so."""
    blocks = []
    for line in clean_text(text).split("\n"):
        node = document.paragraph(line)
        if is_rtl(line):
            node["dir"] = "rtl"
        blocks.append(node)
    return document.normalize({"blocks": blocks})
