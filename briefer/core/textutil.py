"""Text rules shared by every way data enters the library."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# C0 controls but tab and newline, DEL, C1 controls, the two non-characters XML and
# Word cannot hold, and lone surrogates: one pattern, so a body is scanned once.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.IGNORECASE)


def clean_text(value: str) -> str:
    """Drop characters no document can hold; unify line endings."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _UNWANTED.sub("", value)


def clean_line(value: str) -> str:
    """A one-line field: controls dropped, runs of white space folded."""
    return _SPACES.sub(" ", clean_text(value)).strip()


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def normalize_body(body: str) -> str:
    """The form two copies of one article share: NFKC, case-folded, spaces folded."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", body).casefold()).strip()


# Words of a site's navigation and account bar: sections, editions and log-in links.
_NAV_WORDS = frozenset(
    """
home news world business opinion opinions sport sports politics culture science health
technology tech travel climate environment video videos podcast podcasts newsletters
newsletter subscribe subscriptions subscription sign in up out log login logout register
account my profile menu search live weather entertainment lifestyle money markets economy
us uk europe middle east africa asia americas local national international more latest
media arts books food style investigations analysis photos gallery events jobs shop games
puzzles crossword crosswords help contact about donate support edition editions english
العربية عربي english kurdî کوردی türkçe français deutsch español español
الرئيسية أخبار اخبار العالم اقتصاد رياضة ثقافة رأي فيديو صور اشترك تسجيل الدخول بحث منوعات
سياسة تكنولوجيا صحة دخول خروج حسابي الأكثر قراءة
""".split()
)
# Separators of a navigation bar pasted as one line.
_NAV_SPLIT = re.compile(r"\s*[|•·»›]\s*|\s{2,}|\t")


def is_navigation(line: str) -> bool:
    """A site's navigation or account bar: "Home | World | Business | Opinion",
    "Subscribe Sign in". Two listed rules: every word a section or account word, or
    three or more short link labels between separators (no digits, no sentence)."""
    tokens = [t.strip(".,:;!?()[]«»\"'") for t in line.lower().split()]
    tokens = [t for t in tokens if t and not all(ch in "|•·»›/-–—" for ch in t)]
    if len(tokens) >= 2 and all(t in _NAV_WORDS for t in tokens):
        return True
    segments = [s for s in _NAV_SPLIT.split(line.strip()) if s.strip()]
    return (
        len(segments) >= 3
        and not any(ch.isdigit() for ch in line)
        and all(
            1 <= len(s.split()) <= 3 and not s.rstrip().endswith((".", "!", "?")) for s in segments
        )
    )


def is_section_label(line: str) -> bool:
    """A one-to-three word section name of the navigation vocabulary ("World", "Middle
    East"), as pages print above a headline."""
    tokens = line.lower().split()
    return 1 <= len(tokens) <= 3 and all(t.strip(".,:") in _NAV_WORDS for t in tokens)


def citable_url(url: str) -> str:
    """A URL as the page gives it, for citing: its path exactly as written (a trailing
    slash is part of it), only tracking parameters and the fragment dropped and the
    scheme and host, which are case-blind, lower-cased."""
    url = url.strip()
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = parts.query
    if any(_TRACKING.match(k) for k, _ in pairs):
        query = urlencode([(k, v) for k, v in pairs if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, query, ""))


def normalize_url(url: str) -> str:
    """The key two addresses of one page share, for duplicate checks only (never stored
    as the source's URL): no fragment, no tracking parameters, no trailing slash."""
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def paragraph_number(body: str, offset: int) -> int:
    """1-based number of the paragraph (blank-line separated) holding offset."""
    number = 1
    for match in re.finditer(r"\n\s*\n", body[:offset]):
        if match.end() <= offset:
            number += 1
    return number


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left (Arabic,
    Kurdish Sorani, Hebrew, Persian): the Unicode rule for a paragraph's direction."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


# Characters inside a word: letters, digits, combining marks (Arabic vowel signs), and
# an apostrophe or hyphen between two of them ("don't", "al-Sudani").
_JOINERS = "'’-‐"


def _is_word_char(text: str, i: int) -> bool:
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    if ch.isalnum() or unicodedata.category(ch).startswith("M"):
        return True
    return (
        ch in _JOINERS
        and 0 < i < len(text) - 1
        and (text[i - 1].isalnum() or unicodedata.category(text[i - 1]).startswith("M"))
        and text[i + 1].isalnum()
    )


def _word_around(text: str, i: int) -> tuple[int, int]:
    """The word holding the character at i (i must be a word character)."""
    start = end = i
    while start > 0 and _is_word_char(text, start - 1):
        start -= 1
    while end < len(text) and _is_word_char(text, end):
        end += 1
    return start, end


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection [start, end) made to hold whole words, outer white space trimmed.

    A word cut by either end is kept whole when at least half of its letters were
    selected and dropped otherwise, so an overshoot of a letter or two ("Thursday. T")
    and a drag started a letter early both give what the analyst meant. A selection
    inside one word gives that word. Returns (start, end), empty (start == end) only
    when nothing but white space was selected.
    """
    start, end = max(0, start), min(len(text), end)
    if start >= end:
        return start, start
    if _is_word_char(text, start) and _is_word_char(text, start - 1):
        w_start, w_end = _word_around(text, start)
        if w_end >= end:  # both ends in one word: that word
            return w_start, w_end
        start = w_start if 2 * (w_end - start) >= w_end - w_start else w_end
    if _is_word_char(text, end - 1) and _is_word_char(text, end):
        w_start, w_end = _word_around(text, end - 1)
        most = 2 * (end - w_start) >= w_end - w_start
        end = w_end if most or w_start <= start else w_start
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
