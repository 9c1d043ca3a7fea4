"""The export record: every file a brief was exported to, what it held and to whom it
went (library format 8, table brief_export).

A row is written after the file is in place (briefer/export calls `record`), in one
transaction. It keeps the file's SHA-256, so `briefer verify` can say which export a
file is, and the second it was made, which a .docx carries as its created property, so
a file changed since can still be told apart from one never exported. Rows outlive
their brief: they describe files that exist outside the library.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlmodel import col, select

from briefer.core.convert import aware
from briefer.core.errors import InvalidInput, NotFound
from briefer.core.models import Brief, BriefExport
from briefer.core.records import ExcerptRecord
from briefer.core.textutil import clean_line

if TYPE_CHECKING:
    from briefer.core.library import Library

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


def _record(row: BriefExport) -> ExportRecord:
    assert row.id is not None  # a stored row
    return ExportRecord(
        id=row.id,
        brief_id=row.brief_id,
        title=row.title,
        doc_version=row.doc_version,
        revision=row.revision,
        status=row.status,
        exported=aware(row.exported),
        file_name=row.file_name,
        file_format=row.file_format,
        sha256=row.sha256,
        size=row.size,
        template=row.template,
        marking=row.marking,
        citations=tuple(
            CitedExcerpt(int(c.get("excerpt", 0)), int(c.get("source", 0)), str(c.get("grade", "")))
            for c in row.citations or ()
            if isinstance(c, dict)
        ),
        recipients=row.recipients,
    )


class ExportRecordService:
    """library.exports: write and read the export record."""

    def __init__(self, library: Library):
        self._lib = library

    def record(self, new: NewExport) -> ExportRecord:
        """Write one row for a file already in place; one transaction."""
        if new.file_format not in FORMATS:
            raise InvalidInput(f"export format {new.file_format!r}; use one of {FORMATS}")
        row = BriefExport(
            brief_id=new.brief_id,
            title=new.title,
            doc_version=new.doc_version,
            revision=new.revision,
            status=new.status,
            exported=aware(new.exported).astimezone(UTC).replace(microsecond=0),
            file_name=new.file_name,
            file_format=new.file_format,
            sha256=new.sha256.lower(),
            size=new.size,
            template=new.template,
            marking=new.marking,
            citations=[
                {"excerpt": c.excerpt_id, "source": c.source_id, "grade": c.grade}
                for c in new.citations
            ],
            recipients=recipients(new.recipients),
        )
        with self._lib.write_session() as session:
            if session.get(Brief, new.brief_id) is None:
                raise NotFound(f"there is no brief {new.brief_id} in this library")
            session.add(row)
            session.flush()
            return _record(row)

    def list(self, brief_id: int | None = None) -> builtins.list[ExportRecord]:
        """All exports, or one brief's, newest first."""
        with self._lib.read_session() as session:
            stmt = select(BriefExport)
            if brief_id is not None:
                if session.get(Brief, brief_id) is None:
                    raise NotFound(
                        f"there is no brief {brief_id} in this library; `briefer exports` "
                        "lists every export, those of deleted briefs too"
                    )
                stmt = stmt.where(BriefExport.brief_id == brief_id)
            stmt = stmt.order_by(col(BriefExport.exported).desc(), col(BriefExport.id).desc())
            return [_record(r) for r in session.exec(stmt)]

    def get(self, export_id: int) -> ExportRecord:
        with self._lib.read_session() as session:
            row = session.get(BriefExport, export_id)
            if row is None:
                raise NotFound(f"export {export_id} is not recorded")
            return _record(row)

    def with_sha256(self, sha256: str) -> builtins.list[ExportRecord]:
        """The exports whose file had exactly this digest, newest first."""
        with self._lib.read_session() as session:
            stmt = (
                select(BriefExport)
                .where(BriefExport.sha256 == sha256.lower())
                .order_by(col(BriefExport.exported).desc(), col(BriefExport.id).desc())
            )
            return [_record(r) for r in session.exec(stmt)]

    def made_at(self, when: datetime, *, file_format: str = "docx") -> builtins.list[ExportRecord]:
        """The exports made in this second (a file's created property), newest first."""
        second = aware(when).astimezone(UTC).replace(microsecond=0)
        with self._lib.read_session() as session:
            stmt = (
                select(BriefExport)
                .where(BriefExport.file_format == file_format)
                .where(col(BriefExport.exported) >= second)
                .where(col(BriefExport.exported) < second + timedelta(seconds=1))
                .order_by(col(BriefExport.id).desc())
            )
            return [_record(r) for r in session.exec(stmt)]
