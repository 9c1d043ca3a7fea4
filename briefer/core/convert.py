"""ORM rows into the plain records services hand out."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from briefer.core.records import (
    BriefDetail,
    BriefSummary,
    ExcerptRecord,
    RevisionRecord,
    SourceDetail,
    SourceSummary,
)

if TYPE_CHECKING:  # only named: the sources table's first page is built without them
    from briefer.core.models import Brief, BriefRevision, Excerpt, Source


def aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _dates(values: list[str]) -> tuple[date, ...]:
    return tuple(date.fromisoformat(v) for v in values or ())


def _source_fields(row: Source | SimpleNamespace) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "outlet": row.outlet,
        "authors": tuple(row.authors or ()),
        "published": row.published,
        "published_precision": row.published_precision,
        "published_ambiguous": bool(row.published_ambiguous),
        "published_inferred": bool(row.published_inferred),
        "published_alternatives": _dates(row.published_alternatives),
        "published_text": row.published_text,
        "dateline": row.dateline,
        "url": row.url,
        "language": row.language,
        "accessed": row.accessed,
        "original_format": row.original_format,
        "body_sha256": row.body_sha256,
        "reliability": row.reliability,
        "created": aware(row.created),
        "modified": aware(row.modified),
    }


def source_summary(
    row: Source | SimpleNamespace, tags: tuple[str, ...] = (), excerpts: int = 0
) -> SourceSummary:
    return SourceSummary(**_source_fields(row), tags=tags, excerpt_count=excerpts)


def source_detail(row: Source, tags: tuple[str, ...] = (), excerpts: int = 0) -> SourceDetail:
    return SourceDetail(
        **_source_fields(row), tags=tags, excerpt_count=excerpts, body=row.body, notes=row.notes
    )


def excerpt_record(row: Excerpt, source: Source, tags: tuple[str, ...] = ()) -> ExcerptRecord:
    return ExcerptRecord(
        id=stored_id(row.id),
        source_id=row.source_id,
        text=row.text,
        start=row.start_offset,
        end=row.end_offset,
        locator=row.locator,
        credibility=row.credibility,
        comment=row.comment,
        anchor=row.anchor,
        created=aware(row.created),
        modified=aware(row.modified),
        tags=tags,
        source_title=source.title,
        source_outlet=source.outlet,
        source_published=source.published,
        source_reliability=source.reliability,
        speaker=row.speaker or "",
    )


def _brief_fields(row: Brief) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "subject": row.subject,
        "author": row.author,
        "status": row.status,
        "marking": row.marking,
        "template": row.template,
        "version": row.version,
        "created": aware(row.created),
        "modified": aware(row.modified),
        "doc_version": row.doc_version or 1,
        "doc_date": row.doc_date,
    }


def brief_summary(row: Brief) -> BriefSummary:
    return BriefSummary(**_brief_fields(row))


def brief_detail(row: Brief, citations: tuple[int, ...]) -> BriefDetail:
    return BriefDetail(**_brief_fields(row), body=dict(row.body or {}), citations=citations)


def revision_record(row: BriefRevision, with_body: bool = False) -> RevisionRecord:
    return RevisionRecord(
        id=stored_id(row.id),
        brief_id=row.brief_id,
        version=row.version,
        title=row.title,
        note=row.note,
        created=aware(row.created),
        body=dict(row.body) if with_body else None,
    )


def stored_id(row_id: int | None) -> int:
    """The id of a row read from the file or flushed to it (the ORM types it Optional
    for rows not yet written)."""
    if row_id is None:
        raise ValueError("this row has no id yet: flush it before making a record of it")
    return row_id
