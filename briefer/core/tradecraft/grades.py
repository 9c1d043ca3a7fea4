"""Reading an excerpt's grade for the sourcing rules.

A source nobody graded has no reliability (None: "ungraded", shown "?"); F ("cannot
be judged") is a judgment, and a low one. The rules ask these functions only.
"""

from __future__ import annotations

from briefer.core.records import grade_letter

GRADED_RELIABILITY = ("A", "B", "C", "D", "E", "F")
LOW_RELIABILITY = ("E", "F")
LOW_CREDIBILITY = (5, 6)
CONFLICT_TAGS = ("conflict", "contradict", "disput")


def reliability(excerpt) -> str:
    return str(getattr(excerpt, "source_reliability", "") or "")


def credibility(excerpt) -> int:
    value = getattr(excerpt, "credibility", 6)
    return value if isinstance(value, int) else 6


def ungraded(excerpt) -> bool:
    return reliability(excerpt) not in GRADED_RELIABILITY


def low(excerpt) -> bool:
    """Reliability E/F, credibility 5/6, or not graded at all."""
    return (
        ungraded(excerpt)
        or reliability(excerpt) in LOW_RELIABILITY
        or credibility(excerpt) not in range(1, 5)
    )


def code(excerpt) -> str:
    """The Admiralty code as the library shows it: "B2", or "?2" while ungraded."""
    return f"{grade_letter(reliability(excerpt) or None)}{credibility(excerpt)}"


def rank(excerpt) -> tuple[int, int]:
    """Sort key, strongest first: reliability A before F, then credibility 1 before 6."""
    letter = reliability(excerpt)
    first = GRADED_RELIABILITY.index(letter) if letter in GRADED_RELIABILITY else 6
    return (first, credibility(excerpt))


def conflicting(excerpt) -> bool:
    """Credibility 5 ("improbable": contradicted by other reporting), or a tag that
    says so ("conflicting", "contradicts", "disputed")."""
    tags = [t.casefold() for t in getattr(excerpt, "tags", ()) or ()]
    return credibility(excerpt) == 5 or any(c in t for t in tags for c in CONFLICT_TAGS)


def source_label(excerpt) -> str:
    outlet = getattr(excerpt, "source_outlet", "") or ""
    title = getattr(excerpt, "source_title", "") or ""
    if outlet:
        return outlet
    return f"“{title}”" if title else f"source {excerpt.source_id}"
