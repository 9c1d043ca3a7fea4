"""Portion marks: a marking on each paragraph, "(U)", "(C)", "(S)", "(TS)" or a TLP
label, and the rule that the brief's overall marking rolls up to the highest of them
and is never set lower.

Two ladders, never mixed in one brief: classification U < C < S < TS (overall
UNCLASSIFIED, CONFIDENTIAL, SECRET, TOP SECRET, caveats after "//" kept) and TLP 2.0
CLEAR < GREEN < AMBER < AMBER+STRICT < RED. A free-text overall marking is on neither
ladder: it is left as written and `briefer lint` reports it.

core/document.py checks each mark with normalize_portion, which lives in core/markings.py
below both.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from briefer.core.errors import InvalidInput

# BANNERS, the names of marks and normalize_portion live in core/markings.py, below
# core/document.py, which checks each paragraph's mark with them.
from briefer.core.markings import BANNERS, TLP_LABELS, tlp_label
from briefer.core.markings import PORTION_NAMES as _NAMES
from briefer.core.markings import normalize_portion as normalize_portion
from briefer.core.tradecraft.findings import Finding, finding_key

if TYPE_CHECKING:
    from briefer.core.tradecraft.units import Unit

CLASSIFICATION = "classification"
TLP = "tlp"
LEVELS = {
    CLASSIFICATION: ("U", "C", "S", "TS"),
    TLP: tuple(f"TLP:{label}" for label in TLP_LABELS),
}

PORTION_MISSING = "marking.portion-missing"
OVERALL = "marking.overall"


def display(mark: str) -> str:
    """How a portion mark is printed at the start of its paragraph: "(C)"."""
    return f"({mark})" if mark else ""


def level(mark: str) -> tuple[str, int]:
    for ladder, levels in LEVELS.items():
        if mark in levels:
            return ladder, levels.index(mark)
    raise InvalidInput(f"portion mark {mark!r} is not known")


def marking_level(marking: str) -> tuple[str, int] | None:
    """Where an overall marking stands on a ladder; None for free text."""
    label = tlp_label(marking)
    if label:
        return TLP, LEVELS[TLP].index(marking)
    head = marking.upper().split("//")[0].strip()
    mark = _NAMES.get(head)
    return (CLASSIFICATION, LEVELS[CLASSIFICATION].index(mark)) if mark else None


def marks_in(body: dict) -> Iterator[str]:
    """Every portion mark of a document, in reading order."""
    for block in body.get("blocks", []):
        yield from _block_marks(block)


def _block_marks(block: dict) -> Iterator[str]:
    if block.get("portion"):
        yield block["portion"]
    if block.get("type") == "list":
        for item in block.get("items", []):
            if item.get("portion"):
                yield item["portion"]
            for child in item.get("children", []):
                yield from _block_marks(child)


def highest(marks: list[str] | Iterator[str]) -> str:
    """The highest portion mark; "" when none; refused when the ladders are mixed."""
    found = [m for m in marks if m]
    if not found:
        return ""
    ladders = {level(m)[0] for m in found}
    if len(ladders) > 1:
        kinds = ", ".join(sorted({display(m) for m in found}))
        raise InvalidInput(
            f"portion marks: {kinds} mix classification marks and TLP labels; use one kind "
            "in a brief"
        )
    return max(found, key=lambda m: level(m)[1])


def overall_for(mark: str, marking: str = "") -> str:
    """The overall marking that matches a portion mark, keeping caveats after "//"."""
    if level(mark)[0] == TLP:
        return mark
    caveats = marking.split("//", 1)[1] if "//" in marking else ""
    return BANNERS[mark] + (f"//{caveats}" if caveats else "")


def roll_up(marking: str, body: dict) -> str:
    """The overall marking raised to the highest portion mark, when it is lower or
    empty. A free-text marking, or one on the other ladder, is left as written."""
    top = highest(marks_in(body))
    if not top:
        return marking
    if not marking:
        return overall_for(top)
    standing = marking_level(marking)
    ladder, rank = level(top)
    if standing is None or standing[0] != ladder or standing[1] >= rank:
        return marking
    return overall_for(top, marking)


def refuse_lower(marking: str, body: dict) -> str:
    """Raise InvalidInput when a marking is set below the highest portion mark."""
    top = highest(marks_in(body))
    if not top:
        return marking
    standing = marking_level(marking) if marking else None
    ladder, rank = level(top)
    if not marking or (standing is not None and standing[0] == ladder and standing[1] < rank):
        raise InvalidInput(
            f"marking: the brief holds portion marks up to {display(top)}, so its marking "
            f"cannot be {marking or 'empty'}; use {overall_for(top, marking)} or higher"
        )
    return marking


def check(units: list[Unit], marking: str) -> list[Finding]:
    """Paragraphs without a mark once any paragraph has one; an overall marking that
    cannot be compared with the marks."""
    marked = [u for u in units if u.portion]
    if not marked:
        return []
    found = []
    try:
        top = highest(u.portion for u in marked)
    except InvalidInput as exc:
        return [
            Finding(
                rule=OVERALL,
                section=marked[0].section,
                paragraph=marked[0].paragraph,
                text=", ".join(sorted({display(u.portion) for u in marked})),
                message=str(exc),
                suggestion="use classification marks or TLP labels, not both",
                key=finding_key(OVERALL, "mixed"),
                unit=marked[0].path,
            )
        ]
    standing = marking_level(marking) if marking else None
    if standing is None or standing[0] != level(top)[0] or standing[1] < level(top)[1]:
        found.append(
            Finding(
                rule=OVERALL,
                section="",
                paragraph=0,
                text=marking,
                message=(
                    f"the overall marking “{marking}” cannot be checked against the portion "
                    f"marks (highest {display(top)})"
                    if marking
                    else f"the brief has no overall marking; its portion marks go up to "
                    f"{display(top)}"
                ),
                suggestion=f"set the marking to {overall_for(top, marking)} or higher",
                key=finding_key(OVERALL, marking, top),
            )
        )
    for unit in units:
        if unit.portion or unit.empty or unit.kind == "cell":
            continue
        found.append(
            Finding(
                rule=PORTION_MISSING,
                section=unit.section,
                paragraph=unit.paragraph,
                text=unit.text,
                message="this paragraph has no portion mark, while others have",
                suggestion=(
                    f"set its portion mark ({', '.join(display(m) for m in LEVELS[level(top)[0]])})"
                ),
                key=finding_key(PORTION_MISSING, unit.scope, unit.text),
                unit=unit.path,
                span=(0, len(unit.text)),
            )
        )
    return found
