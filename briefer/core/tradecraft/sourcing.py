"""ICD 206 sourcing: which excerpts support each paragraph, and the judgments that
rest on one source, on ungraded sources only, or on low grades only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from briefer.core.tradecraft import grades
from briefer.core.tradecraft.findings import Finding, Path, finding_key
from briefer.core.tradecraft.units import Unit

SINGLE_SOURCE = "sourcing.single-source"
UNGRADED = "sourcing.ungraded"
LOW_GRADE = "sourcing.low-grade"

# Sections that report rather than judge: a single source there is no warning.
REPORTING_SCOPES = ("background", "situation", "sources")


@dataclass(frozen=True, slots=True)
class Supporting:
    excerpt_id: int
    source_id: int
    grade: str
    label: str  # the outlet, else the source's title
    text: str


@dataclass(frozen=True, slots=True)
class Support:
    """The excerpts a paragraph or key judgment cites, in its order."""

    section: str
    paragraph: int
    unit: Path
    text: str
    excerpts: tuple[Supporting, ...]

    @property
    def sources(self) -> int:
        return len({e.source_id for e in self.excerpts})


def support(units: list[Unit], excerpts: Mapping[int, object]) -> list[Support]:
    """Every non-empty unit with its cited excerpts (none for an unsourced one)."""
    out = []
    for unit in units:
        if unit.empty:
            continue
        cited = []
        for excerpt_id in dict.fromkeys(unit.citations):
            ex = excerpts.get(excerpt_id)
            if ex is None:
                continue
            cited.append(
                Supporting(
                    excerpt_id=excerpt_id,
                    source_id=ex.source_id,
                    grade=grades.code(ex),
                    label=grades.source_label(ex),
                    text=ex.text,
                )
            )
        out.append(Support(unit.section, unit.paragraph, unit.path, unit.text, tuple(cited)))
    return out


def check(units: list[Unit], excerpts: Mapping[int, object]) -> list[Finding]:
    found = []
    for unit in units:
        if unit.kind == "quote" or unit.scope in REPORTING_SCOPES or not unit.citations:
            continue
        cited = [excerpts[i] for i in dict.fromkeys(unit.citations) if i in excerpts]
        if not cited:
            continue
        ids = sorted({ex.id for ex in cited})
        listing = "; ".join(f"{grades.source_label(ex)} ({grades.code(ex)})" for ex in cited)
        base = {"section": unit.section, "paragraph": unit.paragraph, "unit": unit.path}
        base["span"] = (0, len(unit.text))
        sources = {ex.source_id for ex in cited}
        if len(sources) == 1:
            found.append(
                Finding(
                    rule=SINGLE_SOURCE,
                    text=unit.text,
                    message=f"this rests on a single source: {listing}",
                    suggestion=(
                        "find a second, independent source, or say in the text that the "
                        "judgment rests on one source"
                    ),
                    key=finding_key(SINGLE_SOURCE, unit.scope, unit.text, *sorted(sources)),
                    **base,
                )
            )
        if all(grades.ungraded(ex) for ex in cited):
            found.append(
                Finding(
                    rule=UNGRADED,
                    text=unit.text,
                    message=f"this rests only on ungraded sources: {listing}",
                    suggestion=(
                        "grade the sources' reliability (A–E) and the excerpts' credibility "
                        "(1–5) in the library, or find graded reporting"
                    ),
                    key=finding_key(UNGRADED, unit.scope, unit.text, *ids),
                    **base,
                )
            )
        elif all(grades.low(ex) for ex in cited):
            found.append(
                Finding(
                    rule=LOW_GRADE,
                    text=unit.text,
                    message=f"this rests only on low grades (reliability E/F, credibility 5/6): {listing}",  # noqa: E501
                    suggestion=(
                        "find better-graded reporting, or say in the text how weak the sourcing is"
                    ),
                    key=finding_key(LOW_GRADE, unit.scope, unit.text, *ids),
                    **base,
                )
            )
    return found
