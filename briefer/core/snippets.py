"""Snippets of search hits: the words around the first match, the matches marked.

FTS5's snippet() re-reads and re-tokenises every shown row and scores each of its
fragments, and for a prefix or an Arabic word (many terms) it costs a millisecond or
more a row: at 200 hits it cost more than finding and ranking them. Here one compiled
pattern, equivalent to the index's unicode61 tokens (case and Latin diacritics folded,
Arabic harakat and tatweel skipped), finds the first match in the stored text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefer.core.schema import V5_FOLDED_MARKS

SNIPPET_WORDS = 20
WORDS_BEFORE = 6
_MARKS = "[" + re.escape(V5_FOLDED_MARKS) + "]*"
# unicode61 keeps letters and digits in tokens; everything else separates them.
TOKEN = re.compile(r"[^\W_]+")
_WORD_OR_MARK = "[^\\W_]|" + "[" + re.escape(V5_FOLDED_MARKS) + "]"


@dataclass(frozen=True)
class Term:
    """One way a query word may appear: as typed (marks folded), its tokens in order;
    the last token may be a prefix."""

    text: str
    tokens: tuple[str, ...]
    prefix: bool = False


def _base(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return decomposed[0] if decomposed else ch


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """ASCII letter -> every Latin letter that remove_diacritics folds to it."""
    found: dict[str, set[str]] = {}
    for code in range(0x00C0, 0x0250):
        ch = chr(code)
        base = _base(ch).lower()
        if ch.isalpha() and base.isascii() and base.isalpha():
            found.setdefault(base, {base}).add(ch.lower())
    return {k: "[" + "".join(sorted(v)) + "]" for k, v in found.items()}


def _token_pattern(token: str) -> str:
    variants = _variants()
    parts = []
    for ch in token:
        base = _base(ch).lower()
        parts.append(variants.get(base, re.escape(ch)))
    # Harakat and tatweel may stand between any two letters of the stored text.
    return _MARKS.join(parts)


def _term_pattern(term: Term) -> str:
    words = [_token_pattern(t) for t in term.tokens]
    body = r"[\W_]+".join(words)
    end = f"(?:{_WORD_OR_MARK})*" if term.prefix else f"{_MARKS}(?![^\\W_])"
    return rf"(?<![^\W_]){body}{end}"


@lru_cache(maxsize=64)
def compile_terms(terms: tuple[Term, ...]) -> re.Pattern[str] | None:
    patterns = [_term_pattern(t) for t in terms if t.tokens]
    if not patterns:
        return None
    # Longer alternatives first, so a phrase wins over its first word.
    patterns.sort(key=len, reverse=True)
    return re.compile("|".join(patterns), re.IGNORECASE)


def make_snippet(
    pattern: re.Pattern[str] | None, texts: Sequence[str]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The first of `texts` with a match, cut to SNIPPET_WORDS words around its first
    match, with the matches in that window as (start, end) spans of the snippet."""
    for text in texts:
        found = pattern.search(text) if pattern is not None and text else None
        if found is not None:
            return _window(pattern, text, found.start())
    first = next((t for t in texts if t), "")
    return _window(None, first, 0)


def _window(pattern, text: str, at: int) -> tuple[str, tuple[tuple[int, int], ...]]:
    before = [m.start() for m in TOKEN.finditer(text, max(0, at - 400), at)]
    start = before[-WORDS_BEFORE] if len(before) >= WORDS_BEFORE else (before[0] if before else at)
    if start < 400 and len(before) < WORDS_BEFORE:
        start = 0
    end = start
    for n, m in enumerate(TOKEN.finditer(text, start)):
        end = m.end()
        if n + 1 >= SNIPPET_WORDS:
            break
    if end <= at:
        end = min(len(text), at + 200)
    # Keep trailing punctuation of the last word (a full stop reads better).
    while end < len(text) and not text[end].isspace() and not text[end].isalnum():
        end += 1
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    piece = " ".join(text[start:end].split())
    snippet = lead + piece + tail
    spans: list[tuple[int, int]] = []
    if pattern is not None:
        offset = len(lead)
        for m in pattern.finditer(piece):
            spans.append((offset + m.start(), offset + m.end()))
    return snippet, tuple(spans)
