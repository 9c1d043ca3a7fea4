"""Sources whose metadata a reader should not trust yet: check them before citing.

Every title, outlet and date import stores ends up in a footnote someone else reads. A
source whose title looks like a site's navigation, whose outlet or date is missing, or
whose date was inferred rather than stated is "suspect": the sources table and the
details mark it, `briefer check` counts it and exports warn before citing it. Plain
data, no Qt: the CLI, the window and the tests share these rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefer.core.document import cited_excerpts
from briefer.core.textutil import is_navigation, is_section_label

if TYPE_CHECKING:
    from briefer.core.library import Library

NAVIGATION_TITLE = "title looks like navigation"
NO_OUTLET = "no outlet"
NO_DATE = "no publication date"
DATE_INFERRED = "date inferred, not stated"
# In the order they are reported.
REASONS = (NAVIGATION_TITLE, NO_OUTLET, NO_DATE, DATE_INFERRED)


@dataclass(frozen=True, slots=True)
class SuspectSource:
    """One source with what makes its metadata suspect."""

    id: int
    title: str
    reasons: tuple[str, ...]

    def describe(self) -> str:
        return f"source {self.id} “{self.title}”: {', '.join(self.reasons)}"


def reasons(source: Any) -> tuple[str, ...]:
    """What makes a source's metadata suspect; () when nothing does.

    `source` is any record with title, outlet, published and published_inferred
    (SourceSummary, SourceDetail).
    """
    found = []
    title = (source.title or "").strip()
    outlet = (source.outlet or "").strip()
    if (
        not title
        or is_navigation(title)
        or is_section_label(title)
        or (outlet and title.casefold() == outlet.casefold())
    ):
        found.append(NAVIGATION_TITLE)
    if not outlet:
        found.append(NO_OUTLET)
    if source.published is None:
        found.append(NO_DATE)
    elif source.published_inferred or source.published_ambiguous:
        found.append(DATE_INFERRED)
    return tuple(found)


def suspects(sources: Iterable[Any]) -> list[SuspectSource]:
    return [SuspectSource(s.id, s.title, r) for s in sources if (r := reasons(s))]


def library_suspects(library: Library) -> list[SuspectSource]:
    """Every suspect source of a library, by id."""
    return sorted(suspects(library.sources.list()), key=lambda s: s.id)


def count_by_reason(found: Iterable[SuspectSource]) -> dict[str, int]:
    counts = Counter(r for s in found for r in s.reasons)
    return {r: counts[r] for r in REASONS if counts[r]}


def summary_line(found: list[SuspectSource]) -> str:
    """'3 sources with suspect metadata (2 no outlet, 1 date inferred, not stated)', or ''."""
    if not found:
        return ""
    parts = ", ".join(f"{n} {reason}" for reason, n in count_by_reason(found).items())
    noun = "source" if len(found) == 1 else "sources"
    return (
        f"{len(found)} {noun} with suspect metadata ({parts}); "
        "list them with `briefer sources --suspect`"
    )


def cited_suspects(library: Library, brief_id: int) -> list[SuspectSource]:
    """The suspect sources a brief cites, in the order of their first citation."""
    brief = library.briefs.get(brief_id)
    ids = list(dict.fromkeys(cited_excerpts(brief.body)))
    if not ids:
        return []
    excerpts = library.excerpts.list(ids=ids)
    by_id = {e.id: e.source_id for e in excerpts}
    source_ids = list(dict.fromkeys(by_id[i] for i in ids if i in by_id))
    sources = {s.id: s for s in library.sources.list(ids=source_ids)}
    return suspects(sources[i] for i in source_ids if i in sources)
