"""Text direction by the first strong character (Unicode's rule P2 and P3).

A paragraph or list item whose first letter is right-to-left (Arabic, Sorani, Persian,
Hebrew...) is a right-to-left paragraph, however it reached the brief: typed, pasted,
dropped or added from the command line.
"""

from __future__ import annotations

import unicodedata

_RTL = {"R", "AL"}


def first_strong(text: str) -> str | None:
    """'rtl' or 'ltr' for the first strong character of text, None when it has none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in _RTL:
            return "rtl"
    return None


def is_rtl(text: str) -> bool:
    return first_strong(text) == "rtl"


def rtl_language(text: str) -> str:
    """A language tag for the right-to-left script of text (for w:lang bidi), or ''."""
    for char in text:
        if unicodedata.bidirectional(char) in _RTL:
            return "he-IL" if "\u0590" <= char <= "\u05ff" else "ar-SA"
    return ""


def direction_runs(text: str) -> list[tuple[str, bool]]:
    """text cut where its strong direction changes: [(piece, is_rtl)].

    Neutral characters (spaces, digits, punctuation) stay with the piece before them;
    leading neutrals join the first strong piece, so a mixed paragraph keeps each run's
    own direction.
    """
    pieces: list[tuple[str, bool]] = []
    current: list[str] = []
    direction: bool | None = None
    for char in text:
        kind = unicodedata.bidirectional(char)
        strong = True if kind in _RTL else False if kind == "L" else None
        if strong is not None and direction is not None and strong != direction:
            pieces.append(("".join(current), direction))
            current = []
        if strong is not None:
            direction = strong
        current.append(char)
    if current:
        pieces.append(("".join(current), bool(direction)))
    return pieces
