"""The export record: every file a brief was exported to, what it held and to whom it
went (library format 8, table brief_export).

A row is written after the file is in place (briefer/export calls `record`), in one
transaction, by the service in core/exports.py; this module holds what the window and
the exporter pass around, without the ORM (the window imports it before SQLAlchemy
has loaded). It keeps the file's SHA-256, so `briefer verify` can say which export a
file is, and the second it was made, which a .docx carries as its created property, so
a file changed since can still be told apart from one never exported. Rows outlive
their brief: they describe files that exist outside the library.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from briefer.core.errors import InvalidInput
from briefer.core.records import ExcerptRecord
from briefer.core.textutil import clean_line

FORMATS = ("docx", "pdf")
MAX_RECIPIENTS = 2000  # characters: a distribution list, not a document


@dataclass(frozen=True, slots=True)
class CitedExcerpt:
    """An excerpt the file cites, with its grade code as it stood at export ("B2")."""

    excerpt_id: int
    source_id: int
    grade: str


@dataclass(frozen=True, slots=True)
class NewExport:
    """What the exporter knows once the file is in place."""

    brief_id: int
    title: str
    doc_version: int
    revision: int
    status: str
    exported: datetime
    file_name: str
    file_format: str
    sha256: str
    size: int
    template: str
    marking: str
    citations: tuple[CitedExcerpt, ...] = ()
    recipients: str = ""


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """One recorded export. brief_id is None once the brief was deleted."""

    id: int
    brief_id: int | None
    title: str
    doc_version: int
    revision: int
    status: str
    exported: datetime
    file_name: str
    file_format: str
    sha256: str
    size: int
    template: str
    marking: str
    citations: tuple[CitedExcerpt, ...]
    recipients: str

    def describe(self) -> str:
        """One line: "export 3 of brief 2 “Weekly” version 4, 2026-11-30 14:02 UTC"."""
        brief = f"brief {self.brief_id}" if self.brief_id is not None else "a deleted brief"
        return (
            f"export {self.id} of {brief} “{self.title}” version {self.doc_version}, "
            f"{self.exported:%Y-%m-%d %H:%M:%S} UTC"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "brief_id": self.brief_id,
            "title": self.title,
            "version": self.doc_version,
            "revision": self.revision,
            "status": self.status,
            "exported": self.exported.isoformat(),
            "file": self.file_name,
            "format": self.file_format,
            "sha256": self.sha256,
            "size": self.size,
            "template": self.template,
            "marking": self.marking,
            "citations": [
                {"excerpt": c.excerpt_id, "source": c.source_id, "grade": c.grade}
                for c in self.citations
            ],
            "recipients": self.recipients,
        }


def cited_with_grades(
    excerpt_ids: Iterable[int], excerpts: dict[int, ExcerptRecord]
) -> tuple[CitedExcerpt, ...]:
    """Each cited excerpt once, in citation order, with its grade code now."""
    out, seen = [], set()
    for excerpt_id in excerpt_ids:
        excerpt = excerpts.get(excerpt_id)
        if excerpt is None or excerpt_id in seen:
            continue
        seen.add(excerpt_id)
        out.append(CitedExcerpt(excerpt_id, excerpt.source_id, excerpt.grade))
    return tuple(out)


def recipients(value: str | None) -> str:
    """The free-text recipients field: one line, at most MAX_RECIPIENTS characters."""
    text = clean_line(value or "")
    if len(text) > MAX_RECIPIENTS:
        raise InvalidInput(
            f"recipients: {len(text)} characters; keep the list under {MAX_RECIPIENTS} "
            "(name groups rather than every person)"
        )
    return text
