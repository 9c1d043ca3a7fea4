"""library.exports: writing and reading the export record (table brief_export).

The records it returns, and the checks of what is written, are core/export_records.py's.
"""

from __future__ import annotations

import builtins
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlmodel import col, select

from briefer.core.convert import aware
from briefer.core.errors import InvalidInput, NotFound
from briefer.core.export_records import (
    FORMATS,
    CitedExcerpt,
    ExportRecord,
    NewExport,
    recipients,
)
from briefer.core.models import Brief, BriefExport

if TYPE_CHECKING:
    from briefer.core.library import Library


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
