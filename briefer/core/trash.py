"""Snapshots of deleted rows, so a delete can be undone during the session.

A restore puts rows back under their old ids when those are still free (SQLite may
hand a freed id to a new row), otherwise under new ones.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, col, select

from briefer.core.convert import stored_id
from briefer.core.models import Excerpt, ExcerptTag, Source, SourceOriginal, SourceTag, Tag
from briefer.core.records import DeletedExcerpt, DeletedSource, DeletedTag
from briefer.core.tag_rows import ensure_tags, names_by_item

Row = TypeVar("Row", bound=SQLModel)


def row_dict(row: SQLModel) -> dict[str, Any]:
    table = row.__table__  # type: ignore[attr-defined]  # every table model has one
    return {c.name: getattr(row, c.name) for c in table.columns}


def tag_names(session: Session, link: Any, column: str, item_id: int | None) -> tuple[str, ...]:
    if item_id is None:
        return ()
    return names_by_item(session, link, column, [item_id]).get(item_id, ())


def snapshot_excerpt(session: Session, row: Excerpt) -> DeletedExcerpt:
    return DeletedExcerpt(
        row=row_dict(row), tags=tag_names(session, ExcerptTag, "excerpt_id", row.id)
    )


def snapshot_source(session: Session, row: Source) -> DeletedSource:
    original = session.get(SourceOriginal, row.id)
    excerpts = session.exec(
        select(Excerpt).where(Excerpt.source_id == row.id).order_by(col(Excerpt.id))
    ).all()
    return DeletedSource(
        row=row_dict(row),
        original=row_dict(original) if original is not None else None,
        tags=tag_names(session, SourceTag, "source_id", row.id),
        excerpts=tuple(snapshot_excerpt(session, e) for e in excerpts),
    )


def snapshot_tag(session: Session, row: Tag) -> DeletedTag:
    sources = session.exec(select(SourceTag.source_id).where(SourceTag.tag_id == row.id)).all()
    excerpts = session.exec(select(ExcerptTag.excerpt_id).where(ExcerptTag.tag_id == row.id)).all()
    return DeletedTag(row=row_dict(row), source_ids=tuple(sources), excerpt_ids=tuple(excerpts))


def reinsert(session: Session, model: type[Row], values: dict[str, Any]) -> Row:
    values = dict(values)
    if "id" in values and session.get(model, values["id"]) is not None:
        values["id"] = None
    row = model(**values)
    session.add(row)
    session.flush()
    return row


def restore_excerpt(
    session: Session, snap: DeletedExcerpt, source_id: int, now: datetime
) -> Excerpt:
    row = reinsert(session, Excerpt, {**snap.row, "source_id": source_id})
    for tag in ensure_tags(session, snap.tags, now):
        session.add(ExcerptTag(excerpt_id=stored_id(row.id), tag_id=stored_id(tag.id)))
    session.flush()
    return row
