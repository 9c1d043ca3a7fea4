"""Keep the article, drop the page chrome around it.

Text copied from a web page, and sometimes the extractor's output, carries navigation,
share buttons, text-size controls, comment policies and forms, cookie banners,
newsletter boxes and related-article lists. They are noise in a source's body and in
search, so they go; nothing is lost because the original bytes are kept beside it.
Paragraphs come out separated by one blank line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Whole paragraphs that are controls or labels, compared lower-cased without punctuation.
_CHROME_LINES = frozenset(
    """
    a a a|aa|share|share this|share this article|share this story|share on facebook
    share on twitter|share on x|share via email|tweet|print|print this|email|e-mail|mail
    facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|messenger|copy link
    copy|link copied|post a comment|leave a comment|add a comment|write a comment
    leave a reply|reply|comments|comment|show comments|view comments|load comments
    required|required field|required fields|name|your name|email address|your email
    website|submit|send|post|subscribe|subscribe now|sign up|sign in|log in|login|register
    read more|read also|also read|see also|related|related articles|related news
    related stories|related content|more stories|more news|most read|most popular
    trending|trending now|advertisement|ad|ads|sponsored|sponsored content|skip to content
    skip to main content|skip navigation|menu|main menu|home|search|close|back to top
    accept|accept all|accept cookies|reject all|cookie settings|manage cookies
    cookie preferences|newsletter|loading|font size|text size|listen
    listen to this article|save|bookmark|follow us|follow|next|previous|top|toggle navigation
    watch|live|live tv|download the app|open in app|gift this article|click to share
    """.replace("\n", "|").split("|")
) - {""}
_CHROME_LINES = frozenset(line.strip() for line in _CHROME_LINES) - {""}

# Words that only ever appear together in a row of share buttons.
_SHARE_WORDS = frozenset(
    [
        "share",
        "tweet",
        "email",
        "e-mail",
        "print",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "linkedin",
        "reddit",
        "pinterest",
        "messenger",
        "copy",
        "link",
        "save",
        "comment",
        "comments",
    ]
)

# Phrases that mark a whole paragraph as site furniture rather than reporting.
_CHROME_PHRASES = (
    "moderates all comments",
    "community guidelines",
    "comments must meet",
    "we will not tolerate",
    "comments are not edited",
    "either approved or rejected",
    "comments that do not meet",
    "we welcome comments",
    "comment policy",
    "your email address will not be published",
    "required fields are marked",
    "be the first to comment",
    "log in to comment",
    "all rights reserved",
    "to be approved for publication",
    "we also welcome constructive criticism",
)
_COOKIE_HINTS = (
    "accept",
    "consent",
    "privacy policy",
    "we use",
    "this site uses",
    "this website uses",
    "cookie policy",
    "cookie settings",
)
_NEWSLETTER_HINTS = (
    "newsletter",
    "subscribe to our",
    "sign up to receive",
    "sign up for our",
    "delivered to your inbox",
    "enter your email",
    "straight to your inbox",
)

# Headings after which a page shows comments: nothing after them is the article.
_COMMENT_HEADINGS = frozenset(
    {
        "comments",
        "comment",
        "post a comment",
        "leave a comment",
        "leave a reply",
        "join the conversation",
        "discussion",
        "show comments",
        "view comments",
    }
)
# Headings that introduce a list of other articles' headlines.
_RELATED_HEADINGS = frozenset(
    {
        "related",
        "related articles",
        "related news",
        "related stories",
        "related content",
        "read more",
        "read also",
        "also read",
        "see also",
        "more stories",
        "more news",
        "you may also like",
        "you might also like",
        "recommended",
        "recommended for you",
        "most read",
        "most popular",
        "trending",
        "trending now",
        "editor's picks",
        "editors picks",
        "latest news",
        "more on this story",
        "more from",
    }
)

_TEXT_SIZE = re.compile(r"^(?:a\s*[+\-−–]\s*)+$|^(?:[+\-−]\s*a\s*)+$", re.IGNORECASE)
_HANDLE_ONLY = re.compile(r"^(?:@\w{1,30}\s*)+$")
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_PUNCT = re.compile(r"[^\w\s+\-']+")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)


def _key(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def words(text: str) -> int:
    return len(text.split())


def is_chrome(paragraph: str) -> bool:
    """True for a paragraph that is page furniture, not article text."""
    return _is_chrome(paragraph, None)


def _is_chrome(paragraph: str, key: str | None) -> bool:
    """is_chrome with the paragraph's key when the caller has it: keys cost a regex pass."""
    p = paragraph.strip()
    if not p:
        return True
    if key is None:
        key = _key(p)
    n = words(p)
    if not key:
        # Lines of only symbols: separators, bullets, icons.
        return True
    if key in _CHROME_LINES or _TEXT_SIZE.match(p) or _HANDLE_ONLY.match(p):
        return True
    if n <= 8 and all(w in _SHARE_WORDS for w in key.split()):
        return True
    low = p.lower()
    if n <= 80 and any(phrase in low for phrase in _CHROME_PHRASES):
        return True
    if n <= 20 and _COPYRIGHT.match(p):
        return True
    if n <= 80 and "cookie" in low and any(h in low for h in _COOKIE_HINTS):
        return True
    return n <= 60 and any(h in low for h in _NEWSLETTER_HINTS)


def _is_wrapped(lines: list[str]) -> bool:
    """True when a block's lines are one hard-wrapped paragraph (e-mail, plain-text files)."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    lengths = [len(line) for line in body]
    if min(lengths) < 40 or max(lengths) > 100:
        return False
    # Wrapped lines rarely end a sentence; separate one-line paragraphs nearly always do.
    enders = sum(1 for line in body if line.rstrip().endswith((".", "!", "?", ":", '"', "”")))
    return enders <= len(body) // 2


_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


def split_paragraphs(text: str, limit: int | None = None) -> list[str]:
    """Paragraphs of plain text: blocks split at blank lines, lines kept apart unless wrapped.

    With a limit, at most that many and the rest of the text is not read: callers that
    look only at the top of a page would otherwise split all of it.
    """
    paragraphs: list[str] = []
    for block in _blocks(text):
        if limit is not None and len(paragraphs) >= limit:
            break
        # Collapse runs of spaces but keep tabs: tables pasted as text rely on them.
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if _is_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs if limit is None else paragraphs[:limit]


def _blocks(text: str) -> Iterator[str]:
    """The blank-line separated blocks of text, in order, found one at a time."""
    start = 0
    for m in _BLANK_LINE.finditer(text):
        yield text[start : m.start()]
        start = m.end()
    yield text[start:]


def _substantial(paragraphs: list[str]) -> bool:
    return sum(1 for p in paragraphs if words(p) >= 15) >= 1


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Drop chrome paragraphs, comment sections and related-article lists."""
    kept: list[str] = []
    skipping_related = False
    for p in paragraphs:
        key = _key(p)
        if skipping_related:
            if words(p) <= 20 and not p.rstrip().endswith((".", "!", "?", "”", '"')):
                continue
            skipping_related = False
        if key in _COMMENT_HEADINGS and _substantial(kept):
            break
        if key in _RELATED_HEADINGS or key.startswith("more from "):
            skipping_related = _substantial(kept)
            continue
        if _is_chrome(p, key):
            continue
        kept.append(p)
    return kept


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def clean_text(text: str) -> str:
    """Plain text in, article paragraphs out, separated by one blank line."""
    return join_paragraphs(clean_paragraphs(split_paragraphs(text)))
