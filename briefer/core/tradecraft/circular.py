"""Possible circular reporting: two outlets that carry the same words of the same
speaker, or near-identical paragraphs, may both go back to one origin (a wire story,
a press release, each other) and then corroborate nothing.

Paragraphs are compared as sets of four-word shingles (Jaccard similarity); quotations
of six words or more are compared word for word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

SHINGLE = 4
NEAR_IDENTICAL = 0.6
MIN_WORDS = 12
MIN_QUOTE_WORDS = 6

SAME_QUOTE = "same-quote"
NEAR_IDENTICAL_KIND = "near-identical"

_WORD = re.compile(r"\w+")
_QUOTE = re.compile(r"[“\"]([^“”\"]+)[”\"]|«([^»]+)»")
_SAID = r"(?:said|says|added|stated|wrote|told|insisted|warned|announced)"
_NAME = r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)"
_SPEAKER_AFTER = re.compile(rf"^\W{{0,3}}\s*{_SAID}\s+(?:the\s+)?{_NAME}")
_SPEAKER_AFTER_NAME_FIRST = re.compile(rf"^\W{{0,3}}\s*{_NAME}\s+{_SAID}\b")
_SPEAKER_BEFORE = re.compile(rf"{_NAME}\s+{_SAID}\b[^“\"]{{0,40}}$")


@dataclass(frozen=True, slots=True)
class CircularPair:
    """Two cited excerpts that may share one origin, with the texts compared."""

    first: int
    second: int
    kind: str  # SAME_QUOTE or NEAR_IDENTICAL_KIND
    similarity: float
    speaker: str
    words: str  # the shared quotation, for SAME_QUOTE
    first_label: str
    second_label: str
    first_text: str
    second_text: str


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str, k: int = SHINGLE) -> set[tuple[str, ...]]:
    tokens = words(text)
    if len(tokens) < k:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def passage(body: str, start: int, end: int) -> str:
    """The paragraph(s) of a source body that hold an excerpt."""
    if not body or not 0 <= start < end <= len(body):
        return ""
    first = body.rfind("\n", 0, start) + 1
    last = body.find("\n", end)
    return body[first : last if last >= 0 else len(body)].strip()


def quotations(text: str) -> dict[tuple[str, ...], tuple[str, str]]:
    """{quotation's words: (quotation as written, speaker or "")} for long quotations."""
    found = {}
    for m in _QUOTE.finditer(text):
        quote = m.group(1) or m.group(2) or ""
        key = tuple(words(quote))
        if len(key) >= MIN_QUOTE_WORDS:
            found[key] = (quote.strip(), speaker(text, m.start(), m.end()))
    return found


def speaker(text: str, start: int, end: int) -> str:
    """Who is quoted: "…," said John Kirby / "…," Kirby said / Kirby said: "…"."""
    after = text[end : end + 80]
    for pattern in (_SPEAKER_AFTER, _SPEAKER_AFTER_NAME_FIRST):
        m = pattern.match(after)
        if m:
            return m.group(1).strip()
    m = _SPEAKER_BEFORE.search(text[max(0, start - 120) : start])
    return m.group(1).strip() if m else ""


def _same_speaker(a: str, b: str) -> bool:
    if not a or not b:
        return True
    return a.split()[-1].casefold() == b.split()[-1].casefold()


def _outlet_key(excerpt) -> str:
    outlet = (getattr(excerpt, "source_outlet", "") or "").strip().casefold()
    return outlet or f"source:{excerpt.source_id}"


def pairs(excerpts: Mapping[int, object], passages: Mapping[int, str]) -> list[CircularPair]:
    """Pairs of excerpts from different outlets that may be one origin.

    passages: the source paragraph around each excerpt (its own text when missing).
    """
    from briefer.core.tradecraft.grades import source_label

    found = []
    items = sorted(excerpts.items())
    texts = {i: passages.get(i) or ex.text for i, ex in items}
    quotes = {i: quotations(texts[i]) for i, _ in items}
    for (ia, a), (ib, b) in combinations(items, 2):
        if a.source_id == b.source_id or _outlet_key(a) == _outlet_key(b):
            continue
        similarity = 0.0
        if len(words(texts[ia])) >= MIN_WORDS and len(words(texts[ib])) >= MIN_WORDS:
            similarity = jaccard(texts[ia], texts[ib])
        common = [
            (key, quotes[ia][key], quotes[ib][key])
            for key in quotes[ia].keys() & quotes[ib].keys()
            if _same_speaker(quotes[ia][key][1], quotes[ib][key][1])
        ]
        if similarity >= NEAR_IDENTICAL:
            kind, said, who = NEAR_IDENTICAL_KIND, "", ""
        elif common:
            _key, (said, who_a), (_said_b, who_b) = max(common, key=lambda c: len(c[0]))
            kind, who = SAME_QUOTE, who_a or who_b
        else:
            continue
        found.append(
            CircularPair(
                first=ia,
                second=ib,
                kind=kind,
                similarity=round(similarity, 3),
                speaker=who,
                words=said,
                first_label=source_label(a),
                second_label=source_label(b),
                first_text=texts[ia],
                second_text=texts[ib],
            )
        )
    return found
