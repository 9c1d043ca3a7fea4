"""Reading an excerpt's grade for the sourcing rules.

Reliability F ("cannot be judged") counts as ungraded, and so does any flag the
sources service sets for a source nobody graded yet (`source_ungraded` or `ungraded`
on the excerpt record, when the library has one), or a reliability outside A–E. The
rules ask these functions only, so a new way of marking "not graded" is read here.
"""

from __future__ import annotations

GRADED_RELIABILITY = ("A", "B", "C", "D", "E")
LOW_RELIABILITY = ("E", "F")
LOW_CREDIBILITY = (5, 6)
CONFLICT_TAGS = ("conflict", "contradict", "disput")


def reliability(excerpt) -> str:
    return str(getattr(excerpt, "source_reliability", "") or "")


def credibility(excerpt) -> int:
    value = getattr(excerpt, "credibility", 6)
    return value if isinstance(value, int) else 6


def ungraded(excerpt) -> bool:
    for flag in ("source_ungraded", "ungraded"):
        if getattr(excerpt, flag, False) is True:
            return True
    return reliability(excerpt) not in GRADED_RELIABILITY


def low(excerpt) -> bool:
    """Reliability E/F, credibility 5/6, or not graded at all."""
    return (
        ungraded(excerpt)
        or reliability(excerpt) in LOW_RELIABILITY
        or credibility(excerpt) not in range(1, 5)
    )


def code(excerpt) -> str:
    """The Admiralty code as the library shows it ("B2"); "ungraded" when it has none."""
    grade = getattr(excerpt, "grade", "") or f"{reliability(excerpt)}{credibility(excerpt)}"
    if reliability(excerpt) not in GRADED_RELIABILITY and reliability(excerpt) != "F":
        return f"ungraded/{credibility(excerpt)}"
    return grade


def rank(excerpt) -> tuple[int, int]:
    """Sort key, strongest first: reliability A before F, then credibility 1 before 6."""
    letter = reliability(excerpt)
    first = GRADED_RELIABILITY.index(letter) if letter in GRADED_RELIABILITY else 5
    return (6 if ungraded(excerpt) else first, credibility(excerpt))


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
