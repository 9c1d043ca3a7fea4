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
from itertools import islice

from briefer.core.schema import FOLDED_MARKS

SNIPPET_WORDS = 20
WORDS_BEFORE = 6
_MARKS = "[" + re.escape(FOLDED_MARKS) + "]*"
# unicode61 keeps letters and digits in tokens; everything else separates them.
TOKEN = re.compile(r"[^\W_]+")
_WORDS = re.compile(rf"[^\W_]+(?:[\W_]+[^\W_]+){{0,{SNIPPET_WORDS - 1}}}")
_WORD_OR_MARK = "[^\\W_]|" + "[" + re.escape(FOLDED_MARKS) + "]"


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


# The blocks of the Basic Multilingual Plane that hold cased characters (Latin, Greek,
# Cyrillic, Armenian, Georgian, Cherokee, Glagolitic, letterlike and enclosed forms,
# ligatures, fullwidth); tests check no cased character lies outside them.
CASED_BLOCKS = (
    (0x0041, 0x0590), (0x10A0, 0x1100), (0x13A0, 0x1400), (0x1C80, 0x2000),
    (0x2100, 0x2190), (0x24B0, 0x2500), (0x2C00, 0x2D30), (0xA640, 0xA800),
    (0xAB30, 0xABC0), (0xFB00, 0xFB50), (0xFF00, 0xFFF0),
)  # fmt: skip


@lru_cache(maxsize=1)
def _case_kin() -> dict[str, list[str]]:
    """Cased characters of the Basic Multilingual Plane by their lower case and by
    their upper case lowered (first character of each): where to look for the
    case-blind equals of a letter (the Kelvin sign lowers to k; k never uppers to it).
    Made once, a few ms."""
    kin: dict[str, list[str]] = {}
    for code in (c for first, end in CASED_BLOCKS for c in range(first, end)):
        ch = chr(code)
        low = ch.lower()
        if low == ch and ch.upper() == ch:
            continue
        for key in {low[:1] or ch, ch.upper().lower()[:1] or ch}:
            kin.setdefault(key, []).append(ch)
    return kin


@lru_cache(maxsize=4096)
def _char_pattern(ch: str) -> str:
    """What ch matches in stored text: the letters the index folds to it, of either
    case, spelled out. A pattern compiled with re.IGNORECASE made the regex engine
    fold every character of a text it scanned (2-3x slower to find a match, issue 16);
    these classes match the same characters (each is checked against the case-blind
    class it replaces)."""
    blind = _variants().get(_base(ch).lower(), re.escape(ch))
    blind_re = re.compile(blind, re.IGNORECASE)
    candidates = {ch, *(c for c in blind if c not in "[]\\")}
    for c in list(candidates):
        for other in (c.upper(), c.lower(), c.casefold()):
            candidates.update(other)
        for key in {c, c.lower()[:1] or c, c.upper().lower()[:1] or c}:
            candidates.update(_case_kin().get(key, ()))
    chars = sorted(c for c in candidates if blind_re.fullmatch(c))
    if chars == [ch]:
        return re.escape(ch)
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def _token_pattern(token: str) -> str:
    # Harakat and tatweel may stand between any two letters of the stored text.
    return _MARKS.join(_char_pattern(ch) for ch in token)


def _trie_pattern(words: list[str]) -> str:
    """One pattern for many words sharing prefixes (the Arabic forms of a word share
    their proclitics), tried letter by letter instead of word by word."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        out = []
        for ch, child in sorted(node.items()):
            if not ch:
                continue
            if not child.keys() - {""}:
                out.append(_char_pattern(ch))
            elif "" in child:  # a word ends here and longer ones go on
                out.append(_char_pattern(ch) + f"(?:{_MARKS}{emit(child)})?")
            else:
                out.append(_char_pattern(ch) + _MARKS + emit(child))
        return out[0] if len(out) == 1 else "(?:" + "|".join(out) + ")"

    return emit(trie)


def _end(prefix: bool) -> str:
    return f"(?:{_WORD_OR_MARK})*" if prefix else f"{_MARKS}(?![^\\W_])"


@lru_cache(maxsize=64)
def compile_terms(terms: tuple[Term, ...]) -> re.Pattern[str] | None:
    """The pattern of every term; a match must also start a word (see _matches)."""
    alternatives = []
    for term in terms:
        if len(term.tokens) > 1:  # phrases first, so a phrase wins over its first word
            body = r"[\W_]+".join(_token_pattern(t) for t in term.tokens)
            alternatives.append(body + _end(term.prefix))
    for prefix in (False, True):
        singles = [t.tokens[0] for t in terms if len(t.tokens) == 1 and t.prefix == prefix]
        if singles:
            alternatives.append(_trie_pattern(singles) + _end(prefix))
    if not alternatives:
        return None
    # No re.IGNORECASE: each letter's class holds both cases (_char_pattern).
    return re.compile("|".join(alternatives))


def _matches(pattern: re.Pattern[str], text: str, pos: int = 0):
    """Matches that start a word. The pattern has no look-behind for that, which would
    keep the regex engine from skipping straight to letters that can start a match."""
    while True:
        found = pattern.search(text, pos)
        if found is None:
            return
        start = found.start()
        if start and text[start - 1].isalnum():
            pos = start + 1
            continue
        yield found
        pos = max(found.end(), start + 1)


def make_snippet(
    pattern: re.Pattern[str] | None, texts: Sequence[str]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The first of `texts` with a match, cut to SNIPPET_WORDS words around its first
    match, with the matches in that window as (start, end) spans of the snippet."""
    for text in texts:
        found = next(_matches(pattern, text), None) if pattern is not None and text else None
        if found is not None:
            return _window(pattern, text, found.start())
    first = next((t for t in texts if t), "")
    return _window(None, first, 0)


def _window(pattern, text: str, at: int) -> tuple[str, tuple[tuple[int, int], ...]]:
    # The last WORDS_BEFORE words before the match, read backwards from it (the text
    # reversed): only those are found, not every word of the 400 characters before.
    back = list(islice(TOKEN.finditer(text[max(0, at - 400) : at][::-1]), WORDS_BEFORE))
    start = at - back[-1].end() if back else at
    if start < 400 and len(back) < WORDS_BEFORE:
        start = 0
    words = _WORDS.search(text, start)
    end = words.end() if words is not None else start
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
        for m in _matches(pattern, piece):
            spans.append((offset + m.start(), offset + m.end()))
    return snippet, tuple(spans)
