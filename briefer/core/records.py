"""Plain data that crosses the core boundary.

Services take and return these frozen dataclasses, never ORM instances, so callers on
any thread can keep them after the session that read them has closed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

PRECISIONS = ("day", "month", "year", "unknown")
RELIABILITY = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
# A source nobody has graded yet: reliability None in records and NULL in the file.
# "Cannot be judged" (F) is a judgment; this is the absence of one. UNGRADED is the
# word for it in filters and on the command line, UNGRADED_CODE its place in a code.
UNGRADED = "ungraded"
UNGRADED_CODE = "?"


def grade_letter(reliability: str | None) -> str:
    """The source's letter in an Admiralty code: "B", or "?" while ungraded."""
    return reliability or UNGRADED_CODE


def reliability_text(reliability: str | None) -> str:
    """ "B: Usually reliable", or "Ungraded" for a source nobody has graded."""
    if not reliability:
        return "Ungraded"
    return f"{reliability}: {RELIABILITY.get(reliability, '')}"


CREDIBILITY = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}
BRIEF_STATUSES = ("draft", "in review", "final")
ANCHOR_STATES = ("ok", "reanchored", "lost")


@dataclass(frozen=True, slots=True)
class OriginalFile:
    """The bytes an analyst imported (file or pasted HTML), kept for provenance."""

    data: bytes
    filename: str = ""
    media_type: str = ""


@dataclass(frozen=True, slots=True)
class NewSource:
    """What an importer hands to core; core computes hashes and timestamps."""

    title: str
    body: str
    outlet: str = ""
    authors: tuple[str, ...] = ()
    published: date | None = None
    published_precision: str = "unknown"
    published_ambiguous: bool = False
    published_inferred: bool = False
    # Every reading of an ambiguous date, the stored one first.
    published_alternatives: tuple[date, ...] = ()
    # The date as the article printed it ("09-02-2024"), kept as evidence.
    published_text: str = ""
    dateline: str = ""
    url: str = ""
    language: str = ""
    accessed: date | None = None
    original_format: str = ""
    reliability: str | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()
    original: OriginalFile | None = None
    # Bad bytes of near-valid UTF-8 the reader replaced by U+FFFD: reported, not stored.
    replaced_bytes: int = 0


@dataclass(frozen=True, slots=True)
class SourceSummary:
    """One row of the sources table: everything but the body."""

    id: int
    title: str
    outlet: str
    authors: tuple[str, ...]
    published: date | None
    published_precision: str
    published_ambiguous: bool
    published_inferred: bool
    published_alternatives: tuple[date, ...]
    published_text: str
    dateline: str
    url: str
    language: str
    accessed: date | None
    original_format: str
    body_sha256: str
    reliability: str | None
    created: datetime
    modified: datetime
    tags: tuple[str, ...] = ()
    excerpt_count: int = 0


@dataclass(frozen=True, slots=True)
class SourceDetail(SourceSummary):
    """A source with its body and notes, for the reader and `briefer show source`."""

    body: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class OriginalRecord:
    source_id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    imported: datetime
    data: bytes


@dataclass(frozen=True, slots=True)
class ExcerptRecord:
    id: int
    source_id: int
    text: str
    start: int
    end: int
    locator: str
    credibility: int
    comment: str
    anchor: str
    created: datetime
    modified: datetime
    tags: tuple[str, ...] = ()
    # Denormalised for lists and citations.
    source_title: str = ""
    source_outlet: str = ""
    source_published: date | None = None
    source_reliability: str | None = None
    # Who the excerpt quotes ("said X" next to the quote, or the analyst's word).
    speaker: str = ""

    @property
    def grade(self) -> str:
        """The Admiralty code, source reliability then information credibility: "B2";
        "?2" while the source is ungraded."""
        return f"{grade_letter(self.source_reliability)}{self.credibility}"


@dataclass(frozen=True, slots=True)
class TagRecord:
    id: int
    name: str
    color: str
    source_count: int = 0
    excerpt_count: int = 0


@dataclass(frozen=True, slots=True)
class BriefSummary:
    id: int
    title: str
    subject: str
    author: str
    status: str
    marking: str
    template: str
    version: int  # the save counter (guards against stale editors)
    created: datetime
    modified: datetime
    doc_version: int = 1  # the brief's real version, printed in the title block
    doc_date: date | None = None  # the date the analyst set for the title block


@dataclass(frozen=True, slots=True)
class BriefDetail(BriefSummary):
    body: dict[str, Any] = field(default_factory=dict)
    citations: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class RevisionRecord:
    id: int
    brief_id: int
    version: int
    title: str
    note: str
    created: datetime
    body: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class SearchFilters:
    tag: str | None = None
    outlet: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    reliability: tuple[str, ...] = ()
    credibility: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class SavedSearchRecord:
    id: int
    name: str
    query: str
    filters: SearchFilters


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # "source" or "excerpt"
    id: int
    source_id: int
    title: str
    snippet: str
    # (start, end) character spans of the matched words inside snippet.
    highlights: tuple[tuple[int, int], ...]
    score: float


class ProblemKind(StrEnum):
    """What a check found. Whether it is damage follows from the kind alone."""

    #: SQLite's integrity or quick check found broken pages, rows or indexes.
    INTEGRITY = "integrity"
    #: The file, its header or its journal cannot be read whole (found on opening).
    UNREADABLE = "unreadable"
    #: A row points at a row that is gone; `briefer check` names it, nothing is lost.
    FOREIGN_KEY = "foreign_key"
    #: A search index out of step with its table; a rebuild mends it.
    SEARCH_INDEX = "search_index"
    #: An excerpt's offsets no longer hold its text (the source was changed).
    ANCHOR = "anchor"


#: Kinds the library can still be written with: `briefer check` says how to mend them.
REPAIRABLE_KINDS = frozenset({ProblemKind.FOREIGN_KEY, ProblemKind.SEARCH_INDEX,
                              ProblemKind.ANCHOR})  # fmt: skip
#: How problems read back from text (printed lines, a damage record) are told apart.
_PREFIXES = (
    ("search index", ProblemKind.SEARCH_INDEX),
    ("excerpt", ProblemKind.ANCHOR),
    ("foreign key:", ProblemKind.FOREIGN_KEY),
)


class CheckProblem(str):
    """One problem a check found: its line of text (it is a str, so it prints and
    joins as before) and its kind, which alone decides whether it is damage."""

    kind: ProblemKind

    def __new__(cls, text: str, kind: ProblemKind) -> CheckProblem:
        problem = super().__new__(cls, text)
        problem.kind = kind
        return problem

    def __getnewargs__(self) -> tuple[str, ProblemKind]:  # type: ignore[override]
        return (str(self), self.kind)

    @property
    def is_damage(self) -> bool:
        return self.kind not in REPAIRABLE_KINDS


def problem_kind(problem: str) -> ProblemKind:
    """The kind of a problem; one known only as text (a line `briefer check` printed)
    is read from the words the checks start it with."""
    if isinstance(problem, CheckProblem):
        return problem.kind
    for prefix, kind in _PREFIXES:
        if problem.startswith(prefix):
            return kind
    return ProblemKind.INTEGRITY


def problems_of(texts: tuple[str, ...] | list[str], kind: ProblemKind) -> tuple[CheckProblem, ...]:
    """Type problems known only as text (typed ones keep their kind)."""
    return tuple(t if isinstance(t, CheckProblem) else CheckProblem(t, kind) for t in texts)


@dataclass(frozen=True, slots=True)
class CheckReport:
    ok: bool
    problems: tuple[CheckProblem, ...]

    @property
    def damaged(self) -> bool:
        """Damage found: the library is never written again until it is restored."""
        return any(problem_kind(p) not in REPAIRABLE_KINDS for p in self.problems)


@dataclass(frozen=True, slots=True)
class DeletedExcerpt:
    """Everything needed to put a deleted excerpt back (undo)."""

    row: dict[str, Any]
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DeletedSource:
    """A deleted source with its original bytes, tags and excerpts (undo)."""

    row: dict[str, Any]
    original: dict[str, Any] | None = None
    tags: tuple[str, ...] = ()
    excerpts: tuple[DeletedExcerpt, ...] = ()


@dataclass(frozen=True, slots=True)
class DeletedTag:
    """A deleted tag and the items that carried it (undo)."""

    row: dict[str, Any]
    source_ids: tuple[int, ...] = ()
    excerpt_ids: tuple[int, ...] = ()
