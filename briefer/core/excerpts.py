"""Excerpts: verbatim spans of a source body, graded and commented.

Offsets count Unicode code points of the stored body (Python string indices); the GUI
converts from Qt's UTF-16 positions before calling here.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from briefer.core import trash, validate
from briefer.core.briefs import refuse_if_cited
from briefer.core.convert import excerpt_record
from briefer.core.errors import InvalidInput, NotFound
from briefer.core.models import Excerpt, ExcerptTag, Source, Tag
from briefer.core.records import DeletedExcerpt, ExcerptRecord
from briefer.core.speaker import speaker_near
from briefer.core.tag_rows import ensure_tags, names_by_item
from briefer.core.textutil import clean_line, clean_text, paragraph_number

if TYPE_CHECKING:
    from briefer.core.library import Library


# What excerpt_record reads of an excerpt's source, labelled to stay apart from the
# excerpt's own columns in one plain row.
_SOURCE_COLUMNS = tuple(
    getattr(Source, name).label(f"source_{name}")
    for name in ("title", "outlet", "published", "reliability")
)


class _SourceView:
    """The source half of a plain excerpt row, as excerpt_record reads it."""

    __slots__ = ("outlet", "published", "reliability", "title")

    def __init__(self, row):
        self.title, self.outlet = row.source_title, row.source_outlet
        self.published, self.reliability = row.source_published, row.source_reliability


class ExcerptService:
    def __init__(self, library: Library):
        self._lib = library

    def add(
        self,
        source_id: int,
        start: int,
        end: int,
        *,
        text: str | None = None,
        credibility: int = 6,
        comment: str = "",
        locator: str | None = None,
        tags: Sequence[str] = (),
        speaker: str | None = None,
    ) -> ExcerptRecord:
        """Cut body[start:end]; when text is given it must be exactly what stands there.

        speaker: who is quoted; by default read from a "said X" next to the quote."""
        grade = validate.credibility(credibility)
        with self._lib.write_session() as session:
            source = _source(session, source_id)
            body = source.body
            if not (0 <= start < end <= len(body)):
                raise InvalidInput(
                    f"span {start}:{end} is outside source {source_id}, whose text has "
                    f"{len(body)} characters"
                )
            found = body[start:end]
            if text is not None and text != found:
                raise InvalidInput(
                    f"the excerpt text is not found at {start}:{end} of source {source_id}"
                )
            if not found.strip():
                raise InvalidInput(f"span {start}:{end} of source {source_id} is only white space")
            now = self._lib.now()
            row = Excerpt(
                source_id=source_id,
                text=found,
                start_offset=start,
                end_offset=end,
                locator=locator
                if locator is not None
                else f"para. {paragraph_number(body, start)}",
                credibility=grade,
                comment=clean_text(comment),
                speaker=clean_line(speaker)
                if speaker is not None
                else speaker_near(body, start, end),
                created=now,
                modified=now,
            )
            session.add(row)
            session.flush()
            if tags:
                for tag in ensure_tags(session, tags, now):
                    session.add(ExcerptTag(excerpt_id=row.id, tag_id=tag.id))
                session.flush()
            return excerpt_record(row, source, _tags_for(session, [row.id]).get(row.id, ()))

    def add_quote(self, source_id: int, quote: str, **options) -> ExcerptRecord:
        """Cut the first place the quote stands in the body; white space may differ."""
        start, end = self.locate(source_id, quote)
        return self.add(source_id, start, end, **options)

    def locate(self, source_id: int, quote: str) -> tuple[int, int]:
        words = clean_text(quote).split()
        if not words:
            raise InvalidInput("quote: must not be empty")
        with self._lib.read_session() as session:
            body = _source(session, source_id).body
        exact = body.find(quote.strip())
        if exact >= 0:
            return exact, exact + len(quote.strip())
        match = re.search(r"\s+".join(re.escape(w) for w in words), body)
        if match is None:
            raise InvalidInput(f"quote: that text is not found in source {source_id}")
        return match.start(), match.end()

    def get(self, excerpt_id: int) -> ExcerptRecord:
        with self._lib.read_session() as session:
            row = _get(session, excerpt_id)
            source = session.get(Source, row.source_id)
            return excerpt_record(row, source, _tags_for(session, [row.id]).get(row.id, ()))

    def list(
        self,
        *,
        source_id: int | None = None,
        tag: str | None = None,
        ids: Sequence[int] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> builtins.list[ExcerptRecord]:
        """Excerpts of a source (in body order), of a tag, or by id (in the order given)."""
        with self._lib.read_session() as session:
            # Plain rows, not ORM objects: a panel of 200 excerpts took 30 ms to build
            # as Excerpt and Source instances (and read each source's body).
            stmt = select(*Excerpt.__table__.columns, *_SOURCE_COLUMNS).join(
                Source, col(Source.id) == Excerpt.source_id
            )
            if source_id is not None:
                stmt = stmt.where(Excerpt.source_id == source_id)
            if tag:
                tag_ids = select(Tag.id).where(Tag.key == validate.tag_key(tag))
                stmt = stmt.where(
                    col(Excerpt.id).in_(
                        select(ExcerptTag.excerpt_id).where(col(ExcerptTag.tag_id).in_(tag_ids))
                    )
                )
            if ids is not None:
                stmt = stmt.where(col(Excerpt.id).in_(list(ids)))
            stmt = stmt.order_by(Excerpt.source_id, Excerpt.start_offset, Excerpt.id)
            if limit is not None:
                stmt = stmt.limit(limit).offset(offset)
            rows = [SimpleNamespace(**r._mapping) for r in session.exec(stmt)]
            tags = _tags_for(session, [r.id for r in rows])
            records = [excerpt_record(r, _SourceView(r), tags.get(r.id, ())) for r in rows]
        if ids is not None:
            order = {excerpt_id: n for n, excerpt_id in enumerate(ids)}
            records.sort(key=lambda r: order[r.id])
        return records

    def update(
        self,
        excerpt_id: int,
        *,
        credibility: int | None = None,
        comment: str | None = None,
        locator: str | None = None,
        speaker: str | None = None,
    ) -> ExcerptRecord:
        with self._lib.write_session() as session:
            row = _get(session, excerpt_id)
            if credibility is not None:
                row.credibility = validate.credibility(credibility)
            if comment is not None:
                row.comment = clean_text(comment)
            if locator is not None:
                row.locator = clean_text(locator).strip()
            if speaker is not None:
                row.speaker = clean_line(speaker)
            row.modified = self._lib.now()
            session.add(row)
            session.flush()
            source = session.get(Source, row.source_id)
            return excerpt_record(row, source, _tags_for(session, [row.id]).get(row.id, ()))

    def edit(
        self,
        excerpt_id: int,
        *,
        credibility: int,
        comment: str,
        speaker: str,
        tags: Sequence[str],
    ) -> ExcerptRecord:
        """What the excerpt editor sets, in one transaction: grade, comment, speaker
        and exactly these tags (a failure leaves the excerpt as it was)."""
        from briefer.core.tags import ensure_tags

        with self._lib.write_session() as session:
            row = _get(session, excerpt_id)
            row.credibility = validate.credibility(credibility)
            row.comment = clean_text(comment)
            row.speaker = clean_line(speaker)
            row.modified = self._lib.now()
            session.add(row)
            wanted = {t.id: t for t in ensure_tags(session, tags, row.modified)}
            links = session.exec(select(ExcerptTag).where(ExcerptTag.excerpt_id == row.id))
            have = set()
            for link in links:
                if link.tag_id in wanted:
                    have.add(link.tag_id)
                else:
                    session.delete(link)
            for tag_id in wanted.keys() - have:
                session.add(ExcerptTag(excerpt_id=row.id, tag_id=tag_id))
            session.flush()
            source = session.get(Source, row.source_id)
            return excerpt_record(row, source, _tags_for(session, [row.id]).get(row.id, ()))

    def delete_many(self, excerpt_ids: Sequence[int]) -> list[DeletedExcerpt]:
        """Delete uncited excerpts in one transaction: all of them or, when one is
        cited or gone, none."""
        ids = list(dict.fromkeys(excerpt_ids))
        with self._lib.write_session() as session:
            rows = [_get(session, i) for i in ids]
            what = (f"excerpt {ids[0]} cannot be deleted: it is cited" if len(ids) == 1
                    else "these excerpts cannot be deleted: some are cited")  # fmt: skip
            refuse_if_cited(session, what, ids)
            snapshots = [trash.snapshot_excerpt(session, row) for row in rows]
            for row in rows:
                session.delete(row)
            return snapshots

    def restore_many(self, deleted: Sequence[DeletedExcerpt]) -> list[ExcerptRecord]:
        """Undo delete_many, in one transaction."""
        records = []
        with self._lib.write_session() as session:
            for item in deleted:
                source = _source(session, item.row["source_id"])
                row = trash.restore_excerpt(session, item, source.id, self._lib.now())
                if source.body[row.start_offset : row.end_offset] != row.text:
                    row.anchor = "lost"
                    session.add(row)
                session.flush()
                tags = _tags_for(session, [row.id]).get(row.id, ())
                records.append(excerpt_record(row, source, tags))
        return records

    def delete(self, excerpt_id: int) -> DeletedExcerpt:
        """Delete an uncited excerpt; returns what restore() needs to undo it."""
        with self._lib.write_session() as session:
            row = _get(session, excerpt_id)
            refuse_if_cited(
                session, f"excerpt {excerpt_id} cannot be deleted: it is cited", [excerpt_id]
            )
            snapshot = trash.snapshot_excerpt(session, row)
            session.delete(row)
            return snapshot

    def restore(self, deleted: DeletedExcerpt) -> ExcerptRecord:
        source_id = deleted.row["source_id"]
        with self._lib.write_session() as session:
            source = _source(session, source_id)
            row = trash.restore_excerpt(session, deleted, source_id, self._lib.now())
            if source.body[row.start_offset : row.end_offset] != row.text:
                row.anchor = "lost"
                session.add(row)
                session.flush()
            return excerpt_record(row, source, _tags_for(session, [row.id]).get(row.id, ()))

    def verify_anchors(self) -> builtins.list[str]:
        """Excerpts whose stored text no longer stands at their offsets."""
        problems = []
        with self._lib.read_session() as session:
            stmt = select(
                Excerpt.id, Excerpt.source_id, Excerpt.text, Excerpt.anchor,
                Excerpt.start_offset, Excerpt.end_offset, Source.body,
            ).join(Source, col(Source.id) == Excerpt.source_id)  # fmt: skip
            for eid, sid, text, anchor, start, end, body in session.exec(stmt):
                # A lost excerpt is a known, flagged state, not damage.
                if anchor != "lost" and body[start:end] != text:
                    problems.append(
                        f"excerpt {eid}: offsets {start}:{end} of source {sid} do not hold its text"
                    )
        return problems


def _get(session: Session, excerpt_id: int) -> Excerpt:
    row = session.get(Excerpt, excerpt_id)
    if row is None:
        raise NotFound(f"there is no excerpt {excerpt_id} in this library")
    return row


def _source(session: Session, source_id: int) -> Source:
    row = session.get(Source, source_id)
    if row is None:
        raise NotFound(f"there is no source {source_id} in this library")
    return row


def _tags_for(session: Session, ids: list[int]) -> dict[int, tuple[str, ...]]:
    return names_by_item(session, ExcerptTag, "excerpt_id", ids)
