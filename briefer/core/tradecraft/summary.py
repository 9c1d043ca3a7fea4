"""The source summary statement ICD 206 asks for, drafted for the analyst to edit:
how many sources, the strongest, what corroborates, what conflicts, what is ungraded
and what may be circular."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import combinations

from briefer.core.tradecraft import grades
from briefer.core.tradecraft.circular import CircularPair
from briefer.core.tradecraft.units import Unit


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def statement(
    units: list[Unit], excerpts: Mapping[int, object], circular: list[CircularPair] = ()
) -> str:
    """One paragraph: "This assessment rests on N sources: … The strongest is …"."""
    cited = [excerpts[i] for u in units for i in u.citations if i in excerpts]
    by_source: dict[int, list] = {}
    for ex in cited:
        by_source.setdefault(ex.source_id, []).append(ex)
    if not by_source:
        return "This assessment cites no sources."
    best = {sid: min(exs, key=grades.rank) for sid, exs in by_source.items()}
    labels = _labels(best)
    order = sorted(best, key=lambda sid: (grades.rank(best[sid]), labels[sid]))
    count = len(order)
    noun = "source" if count == 1 else "sources"
    listing = "; ".join(f"{labels[sid]} ({grades.code(best[sid])})" for sid in order)
    parts = [f"This assessment rests on {count} {noun}: {listing}."]
    strongest = order[0]
    parts.append(f"The strongest is {labels[strongest]} ({grades.code(best[strongest])}).")
    copies = {
        frozenset((excerpts[p.first].source_id, excerpts[p.second].source_id))
        for p in circular
        if p.first in excerpts and p.second in excerpts
    }
    corroborating = _corroborating(units, excerpts, by_source, copies)
    if corroborating:
        names = _join([labels[sid] for sid in order if sid in corroborating])
        parts.append(f"Corroborating reporting comes from {names}.")
    else:
        parts.append("No reporting is corroborated by a second, independent source.")
    conflicting = [sid for sid in order if any(grades.conflicting(e) for e in by_source[sid])]
    if conflicting:
        names = _join([labels[sid] for sid in conflicting])
        parts.append(f"Conflicting reporting comes from {names}.")
    else:
        parts.append("No conflicting reporting was cited.")
    ungraded = [sid for sid in order if all(grades.ungraded(e) for e in by_source[sid])]
    if ungraded:
        verb = "is" if len(ungraded) == 1 else "are"
        parts.append(f"{_join([labels[sid] for sid in ungraded])} {verb} not graded.")
    for pair in circular:
        parts.append(
            f"{pair.first_label} and {pair.second_label} may share one origin "
            "(possible circular reporting)."
        )
    return " ".join(parts)


def _labels(best: dict[int, object]) -> dict[int, str]:
    """The outlet, or the outlet and title where one outlet gave several sources."""
    plain = {sid: grades.source_label(ex) for sid, ex in best.items()}
    out = {}
    for sid, label in plain.items():
        if list(plain.values()).count(label) > 1 and getattr(best[sid], "source_title", ""):
            out[sid] = f"{label}, “{best[sid].source_title}”"
        else:
            out[sid] = label
    return out


def _corroborating(units, excerpts, by_source, copies: set[frozenset[int]]) -> set[int]:
    """Sources cited beside another source in one paragraph, or graded credibility 1
    ("confirmed by other sources"). Two sources that may be one origin (circular
    reporting) do not corroborate each other."""
    found = {sid for sid, exs in by_source.items() if any(grades.credibility(e) == 1 for e in exs)}
    for unit in units:
        sources = {excerpts[i].source_id for i in unit.citations if i in excerpts}
        for a, b in combinations(sorted(sources), 2):
            if frozenset((a, b)) not in copies:
                found |= {a, b}
    return found
