"""Sentences and quotations in the analyst's words, found without a language model.

Rules about wording look only at what the analyst wrote: words inside quotation marks
are someone else's and are skipped.
"""

from __future__ import annotations

import re

# A period after these does not end a sentence ("U.S. forces", "Gen. Smith").
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "adm", "sen",
    "rep", "gov", "st", "no", "vs", "etc", "e.g", "i.e", "approx", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
}  # fmt: skip
_END = re.compile(r"[.!?]+[\"”’')\]]*\s+")
# Double quotes of any kind, even mixed (“…" as pasted articles have them), guillemets,
# low-high quotes, and single quotes that are not apostrophes.
_QUOTES = re.compile(
    r"[“\"][^“”\"]*[”\"]|«[^»]*»|„[^“”]*[“”]|(?<!\w)‘[^’]*’(?!\w)|(?<!\w)'[^']*'(?!\w)"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a period after an abbreviation or an initial
    does not end one, nor does one followed by a lower-case word."""
    spans = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        before = text[start : match.start()].split()
        last = before[-1].rstrip(".").casefold() if before else ""
        following = text[end : end + 1]
        if match.group().startswith(".") and (
            last in _ABBREVIATIONS or len(last) == 1 or following.islower()
        ):
            continue
        spans.append((start, match.start() + len(match.group().rstrip())))
        start = end
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    for start, end in sentences(text):
        if start <= offset < end:
            return start, end
    return 0, len(text)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation in the text, marks included."""
    return [m.span() for m in _QUOTES.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)
