"""All the tradecraft checks over one brief, in document order: the one function the
command line and the editor's panel both call, so they show the same findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from briefer.core.tradecraft import estimative, portions, sourcing
from briefer.core.tradecraft.circular import SAME_QUOTE, CircularPair, pairs
from briefer.core.tradecraft.findings import Finding, finding_key
from briefer.core.tradecraft.units import Unit, units

CIRCULAR = "sourcing.circular"


def check(
    body: dict,
    excerpts: Mapping[int, object],
    passages: Mapping[int, str] | None = None,
    *,
    marking: str = "",
) -> list[Finding]:
    """Every finding of a (normalized) brief document.

    excerpts: the cited excerpt records by id; passages: the source paragraph around
    each (for circular reporting); marking: the brief's overall marking.
    """
    found_units = units(body)
    cited = {i: excerpts[i] for u in found_units for i in u.citations if i in excerpts}
    findings = (
        estimative.check(found_units)
        + sourcing.check(found_units, cited)
        + circular_findings(found_units, pairs(cited, passages or {}))
        + portions.check(found_units, marking)
    )
    order = {u.path: n for n, u in enumerate(found_units)}
    return _unique_keys(sorted(findings, key=lambda f: (order.get(f.unit, -1), f.span[0], f.rule)))


def _unique_keys(findings: list[Finding]) -> list[Finding]:
    """Two findings with one key (the same words twice) get the repeat's number added,
    so dismissing one never dismisses the other."""
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        seen[f.key] += 1
        out.append(f if seen[f.key] == 1 else replace(f, key=finding_key(f.key, seen[f.key])))
    return out


def circular_findings(found_units: list[Unit], found: list[CircularPair]) -> list[Finding]:
    """One finding per pair, where the second of the two is first cited."""
    first_cited: dict[int, Unit] = {}
    for unit in found_units:
        for excerpt_id in unit.citations:
            first_cited.setdefault(excerpt_id, unit)
    out = []
    for pair in found:
        a, b = first_cited[pair.first], first_cited[pair.second]
        unit = b if found_units.index(b) >= found_units.index(a) else a
        if pair.kind == SAME_QUOTE:
            who = f" of {pair.speaker}" if pair.speaker else ""
            why = f"carry the same words{who}: “{pair.words}”"
        else:
            why = f"carry near-identical paragraphs ({pair.similarity:.0%} alike)"
        out.append(
            Finding(
                rule=CIRCULAR,
                section=unit.section,
                paragraph=unit.paragraph,
                text=f"excerpts {pair.first} and {pair.second}",
                message=(
                    f"{pair.first_label} (excerpt {pair.first}) and {pair.second_label} "
                    f"(excerpt {pair.second}) {why}; they may be one origin"
                ),
                suggestion=(
                    "compare them side by side; if one copied the other or both a wire "
                    "story, count them as one source"
                ),
                key=finding_key(CIRCULAR, pair.first, pair.second, pair.kind),
                unit=unit.path,
                span=(0, len(unit.text)),
                detail=(
                    f"{pair.first_label} (excerpt {pair.first}): {pair.first_text}",
                    f"{pair.second_label} (excerpt {pair.second}): {pair.second_text}",
                ),
            )
        )
    return out
