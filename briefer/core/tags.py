"""Tags: case-insensitive names with a colour, on sources and on excerpts."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy import delete, func
from sqlmodel import Session, SQLModel, col, select

from briefer.core import trash, validate
from briefer.core.convert import stored_id
from briefer.core.errors import InvalidInput, NotFound
from briefer.core.models import Excerpt, ExcerptTag, Source, SourceTag, Tag
from briefer.core.records import DeletedTag, TagRecord
from briefer.core.tag_rows import ensure_tags

if TYPE_CHECKING:
    from briefer.core.library import Library


class TagService:
    def __init__(self, library: Library):
        self._lib = library

    def list(self) -> builtins.list[TagRecord]:
        """Every tag with how many sources and excerpts carry it."""
        with self._lib.read_session() as session:
            sources = {
                tag_id: n
                for tag_id, n in session.exec(
                    select(SourceTag.tag_id, func.count()).group_by(col(SourceTag.tag_id))
                )
            }
            excerpts = {
                tag_id: n
                for tag_id, n in session.exec(
                    select(ExcerptTag.tag_id, func.count()).group_by(col(ExcerptTag.tag_id))
                )
            }
            return [
                _record(t, sources.get(stored_id(t.id), 0), excerpts.get(stored_id(t.id), 0))
                for t in session.exec(select(Tag).order_by(Tag.key))
            ]

    def get(self, name: str) -> TagRecord:
        key = validate.tag_key(name)
        return next((t for t in self.list() if t.name.casefold() == key), None) or _missing(name)

    def tag_sources(
        self, source_ids: Sequence[int], names: Sequence[str]
    ) -> builtins.list[TagRecord]:
        return self._link(Source, SourceTag, "source_id", source_ids, names)

    def tag_excerpts(
        self, excerpt_ids: Sequence[int], names: Sequence[str]
    ) -> builtins.list[TagRecord]:
        return self._link(Excerpt, ExcerptTag, "excerpt_id", excerpt_ids, names)

    def untag_sources(self, source_ids: Sequence[int], names: Sequence[str]) -> None:
        self._unlink(SourceTag, "source_id", source_ids, names)

    def untag_excerpts(self, excerpt_ids: Sequence[int], names: Sequence[str]) -> None:
        self._unlink(ExcerptTag, "excerpt_id", excerpt_ids, names)

    def rename(self, name: str, new_name: str) -> TagRecord:
        new_clean = validate.tag_name(new_name)
        with self._lib.write_session() as session:
            tag = _get(session, name)
            clash = session.exec(select(Tag).where(Tag.key == new_clean.casefold())).first()
            if clash is not None and clash.id != tag.id:
                raise InvalidInput(
                    f"tag: “{clash.name}” already exists; merge the two tags instead"
                )
            tag.name, tag.key = new_clean, new_clean.casefold()
            session.add(tag)
        return self.get(new_clean)

    def merge(self, names: Sequence[str], into: str) -> TagRecord:
        """Move every item of the named tags onto `into` (created if needed), then
        delete the merged tags."""
        with self._lib.write_session() as session:
            (target,) = ensure_tags(session, [into], self._lib.now())
            for name in names:
                tag = _get(session, name)
                if tag.id == target.id:
                    continue
                for link, column in ((SourceTag, "source_id"), (ExcerptTag, "excerpt_id")):
                    item_col = getattr(link, column)
                    have = set(session.exec(select(item_col).where(link.tag_id == target.id)))
                    for item_id in session.exec(select(item_col).where(link.tag_id == tag.id)):
                        if item_id not in have:
                            session.add(link(**{column: item_id, "tag_id": target.id}))
                session.flush()
                session.delete(tag)
        return self.get(into)

    def recolor(self, name: str, color: str) -> TagRecord:
        value = validate.color(color)
        with self._lib.write_session() as session:
            tag = _get(session, name)
            tag.color = value
            session.add(tag)
        return self.get(name)

    def recolor_many(self, names: Sequence[str], color: str) -> builtins.list[TagRecord]:
        """One colour for several tags, in one transaction."""
        value = validate.color(color)
        with self._lib.write_session() as session:
            for name in names:
                tag = _get(session, name)
                tag.color = value
                session.add(tag)
        return [self.get(n) for n in names]

    def delete(self, name: str) -> DeletedTag:
        """Delete a tag from every item; returns what restore() needs to undo it."""
        with self._lib.write_session() as session:
            tag = _get(session, name)
            snapshot = trash.snapshot_tag(session, tag)
            session.delete(tag)
            return snapshot

    def delete_many(self, names: Sequence[str]) -> builtins.list[DeletedTag]:
        """Delete several tags in one transaction: all of them or none."""
        with self._lib.write_session() as session:
            snapshots = []
            for name in names:
                tag = _get(session, name)
                snapshots.append(trash.snapshot_tag(session, tag))
                session.delete(tag)
                session.flush()
            return snapshots

    def restore(self, deleted: DeletedTag) -> TagRecord:
        """Undo a delete: the tag comes back on the items that still exist."""
        return self.restore_many([deleted])[0]

    def restore_many(self, deleted: Sequence[DeletedTag]) -> builtins.list[TagRecord]:
        """Undo delete_many, in one transaction."""
        names = []
        with self._lib.write_session() as session:
            for item in deleted:
                names.append(self._restore(session, item))
        return [self.get(n) for n in names]

    @staticmethod
    def _restore(session: Session, deleted: DeletedTag) -> str:
        clash = session.exec(select(Tag).where(Tag.key == deleted.row["key"])).first()
        tag = clash or trash.reinsert(session, Tag, deleted.row)
        for link, column, model, ids in (
            (SourceTag, "source_id", Source, deleted.source_ids),
            (ExcerptTag, "excerpt_id", Excerpt, deleted.excerpt_ids),
        ):
            for item_id in ids:
                if session.get(model, item_id) is not None and (
                    session.get(link, (item_id, tag.id)) is None
                ):
                    fields: dict[str, Any] = {column: item_id, "tag_id": tag.id}
                    session.add(link(**fields))
        session.flush()
        return tag.name

    # -- shared --------------------------------------------------------------------

    def _link(
        self,
        item_model: type[SQLModel],
        link: type[SQLModel],
        column: str,
        item_ids: Sequence[int],
        names: Sequence[str],
    ) -> builtins.list[TagRecord]:
        if not names:
            raise InvalidInput("tag: name at least one tag")
        with self._lib.write_session() as session:
            for item_id in item_ids:
                if session.get(item_model, item_id) is None:
                    kind = item_model.__tablename__
                    raise NotFound(f"there is no {kind} {item_id} in this library")
            tags = ensure_tags(session, names, self._lib.now())
            for item_id in item_ids:
                for tag in tags:
                    if session.get(link, (item_id, tag.id)) is None:
                        session.add(link(**{column: item_id, "tag_id": tag.id}))
            wanted = {t.key for t in tags}
        return [t for t in self.list() if t.name.casefold() in wanted]

    def _unlink(
        self, link: Any, column: str, item_ids: Sequence[int], names: Sequence[str]
    ) -> None:
        with self._lib.write_session() as session:
            tag_ids = [_get(session, n).id for n in names]
            session.execute(
                delete(link).where(
                    col(getattr(link, column)).in_(list(item_ids)), col(link.tag_id).in_(tag_ids)
                )
            )


def _get(session: Session, name: str) -> Tag:
    tag = session.exec(select(Tag).where(Tag.key == validate.tag_key(name))).first()
    if tag is None:
        _missing(name)
    return tag


def _missing(name: str) -> NoReturn:
    raise NotFound(f"there is no tag “{name}” in this library")


def _record(tag: Tag, sources: int, excerpts: int) -> TagRecord:
    return TagRecord(
        id=stored_id(tag.id),
        name=tag.name,
        color=tag.color,
        source_count=sources,
        excerpt_count=excerpts,
    )
