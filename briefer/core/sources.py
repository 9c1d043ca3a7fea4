"""Sources: the articles in the library, with their metadata and original bytes."""

from __future__ import annotations

import builtins
import json
import re
import zlib
from collections.abc import Sequence
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, text
from sqlmodel import Session, col, select

from briefer.core import trash, validate
from briefer.core.briefs import refuse_if_cited
from briefer.core.convert import aware, source_detail, source_summary
from briefer.core.errors import BrieferError, Duplicate, InvalidInput, NotFound
from briefer.core.models import (
    Excerpt,
    Source,
    SourceOriginal,
    SourceTag,
    Tag,
)
from briefer.core.records import (
    UNGRADED,
    DeletedSource,
    NewSource,
    OriginalRecord,
    SearchFilters,
    SourceDetail,
    SourceSummary,
)
from briefer.core.tag_rows import ensure_tags, names_by_item
from briefer.core.textutil import (
    citable_url,
    clean_line,
    clean_text,
    normalize_body,
    normalize_url,
    sha256_hex,
)

if TYPE_CHECKING:
    from briefer.core.library import Library

# Text columns sort as the analyst reads them, ignoring case (both have NOCASE indexes).
SORT_COLUMNS = {
    "title": col(Source.title).collate("NOCASE"),
    "outlet": col(Source.outlet).collate("NOCASE"),
    "published": Source.published,
    "reliability": Source.reliability,
    "created": Source.created,
    "modified": Source.modified,
    "id": Source.id,
}
EDITABLE = {
    "title", "outlet", "authors", "published", "published_precision", "published_ambiguous",
    "published_inferred", "published_alternatives", "published_text", "dateline", "url",
    "language", "accessed", "reliability", "notes", "body",
}  # fmt: skip


class SourceService:
    def __init__(self, library: Library):
        self._lib = library

    # -- reading -------------------------------------------------------------------

    def get(self, source_id: int) -> SourceDetail:
        with self._lib.read_session() as session:
            row = _get(session, source_id)
            tags = _tags_for(session, [source_id]).get(source_id, ())
            count = _excerpt_counts(session, [source_id]).get(source_id, 0)
            return source_detail(row, tags, count)

    def list(
        self,
        *,
        tag: str | None = None,
        outlet: str | None = None,
        filters: SearchFilters | None = None,
        ids: Sequence[int] | None = None,
        order: str = "created",
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> builtins.list[SourceSummary]:
        """Sources without their bodies, a page at a time for large libraries, or the
        ones with the given ids (one query for a brief's whole source list)."""
        if order not in SORT_COLUMNS:
            raise InvalidInput(f"order: {order!r}; use one of {', '.join(SORT_COLUMNS)}")
        columns = [c for c in Source.__table__.columns if c.name not in ("body", "notes")]
        with self._lib.read_session() as session:
            stmt = select(*columns)
            stmt = _filtered(stmt, tag=tag, outlet=outlet, filters=filters)
            if ids is not None:
                stmt = stmt.where(col(Source.id).in_(list(ids)))
            sort = SORT_COLUMNS[order]
            stmt = stmt.order_by(sort.desc() if descending else sort.asc(), Source.id)
            if limit is not None:
                stmt = stmt.limit(limit).offset(offset)
            # Plain attribute holders, not ORM rows: the page needs no identity map.
            rows = [SimpleNamespace(**r._mapping) for r in session.exec(stmt)]
            ids = [r.id for r in rows]
            tags = _tags_for(session, ids)
            counts = _excerpt_counts(session, ids)
            return [source_summary(r, tags.get(r.id, ()), counts.get(r.id, 0)) for r in rows]

    def count(
        self,
        *,
        tag: str | None = None,
        outlet: str | None = None,
        filters: SearchFilters | None = None,
    ) -> int:
        with self._lib.read_session() as session:
            stmt = select(func.count()).select_from(Source)
            stmt = _filtered(stmt, tag=tag, outlet=outlet, filters=filters)
            return int(session.exec(stmt).one())

    def outlets(self) -> builtins.list[str]:
        with self._lib.read_session() as session:
            stmt = select(Source.outlet).where(Source.outlet != "").distinct()
            return sorted(session.exec(stmt).all(), key=str.casefold)

    def find_duplicate(self, *, url: str = "", body: str = "") -> int | None:
        with self._lib.read_session() as session:
            return _find_duplicate(session, url, _body_key(body))

    def original(self, source_id: int) -> OriginalRecord | None:
        with self._lib.read_session() as session:
            _get(session, source_id)
            row = session.get(SourceOriginal, source_id)
            if row is None:
                return None
            data = zlib.decompress(row.data) if row.compression == "zlib" else row.data
            return OriginalRecord(
                source_id=row.source_id,
                filename=row.filename,
                media_type=row.media_type,
                size=row.size,
                sha256=row.sha256,
                imported=aware(row.imported),
                data=data,
            )

    # -- writing -------------------------------------------------------------------

    def add(self, new: NewSource) -> SourceDetail:
        """Store one article, its tags and original bytes in a single transaction."""
        row, tag_names = _prepare(new, self._lib.now())
        with self._lib.write_session() as session:
            return _insert(session, row, tag_names, new)

    def add_many(self, items: Sequence[NewSource]) -> builtins.list[SourceDetail | BrieferError]:
        """Store several articles in one transaction, each inside its own savepoint.

        A refused article (duplicate, bad field) is rolled back alone and reported in its
        place; the rest share one commit, which is what makes a bulk import fast when
        every commit is an fsync. Each article is still written whole or not at all.
        """
        now = self._lib.now()
        outcomes: builtins.list[SourceDetail | BrieferError] = []
        with self._lib.write_session() as session:
            for new in items:
                try:
                    row, tag_names = _prepare(new, now)
                    with session.begin_nested():
                        outcomes.append(_insert(session, row, tag_names, new))
                except BrieferError as exc:
                    outcomes.append(exc)
        return outcomes

    def update(self, source_id: int, **changes: Any) -> SourceDetail:
        """Edit metadata (or the body: excerpts are then re-anchored or flagged lost)."""
        unknown = set(changes) - EDITABLE
        if unknown:
            raise InvalidInput(f"cannot edit {', '.join(sorted(unknown))} of a source")
        values = _clean_changes(changes)
        if "published" in values and "published_inferred" not in values:
            # A date the analyst typed or picked is stated, no longer inferred.
            values["published_inferred"] = False
        with self._lib.write_session() as session:
            row = _get(session, source_id)
            if values.get("url"):
                other = _url_duplicate(session.connection(), values["url"], source_id)
                if other is not None:
                    raise Duplicate(f"url: that address is already source {other}", other)
            body_changed = "body" in values and values["body"] != row.body
            for key, value in values.items():
                setattr(row, key, value)
            if body_changed:
                row.body_sha256 = sha256_hex(row.body)
                row.normalized_sha256 = _body_key(row.body)
                _reanchor(session, source_id, row.body, self._lib.now())
            row.modified = self._lib.now()
            session.add(row)
            session.flush()
            tags = _tags_for(session, [source_id]).get(source_id, ())
            count = _excerpt_counts(session, [source_id]).get(source_id, 0)
            return source_detail(row, tags, count)

    def set_reliability(self, source_id: int, grade: str) -> SourceDetail:
        return self.update(source_id, reliability=grade)

    def resolve_date(self, source_id: int, chosen: date) -> SourceDetail:
        """The analyst picks one reading of an ambiguous date; the readings are kept,
        so importers can learn the outlet's convention from the choice."""
        current = self.get(source_id)
        if current.published_alternatives and chosen not in current.published_alternatives:
            readings = ", ".join(d.isoformat() for d in current.published_alternatives)
            raise InvalidInput(f"published: {chosen} is not one of the readings ({readings})")
        return self.update(source_id, published=chosen, published_ambiguous=False)

    def delete(self, source_id: int) -> DeletedSource:
        """Delete a source with its excerpts; refused while a brief cites any of them.

        Returns what restore() needs to undo it."""
        with self._lib.write_session() as session:
            row = _get(session, source_id)
            refuse_if_cited(
                session,
                f"source {source_id} cannot be deleted: its excerpts are cited",
                select(Excerpt.id).where(Excerpt.source_id == source_id),
            )
            snapshot = trash.snapshot_source(session, row)
            session.delete(row)
            return snapshot

    def restore(self, deleted: DeletedSource) -> SourceDetail:
        """Undo a delete: the source, its original, tags and excerpts come back."""
        with self._lib.write_session() as session:
            values = deleted.row
            existing = _find_duplicate(session, values["url"], values["normalized_sha256"])
            if existing is not None:
                raise Duplicate(
                    f"cannot restore “{values['title']}”: it is in the library again as "
                    f"source {existing}",
                    existing,
                )
            row = trash.reinsert(session, Source, values)
            if deleted.original is not None:
                session.add(SourceOriginal(**{**deleted.original, "source_id": row.id}))
            now = self._lib.now()
            for tag in ensure_tags(session, deleted.tags, now):
                session.add(SourceTag(source_id=row.id, tag_id=tag.id))
            for snap in deleted.excerpts:
                trash.restore_excerpt(session, snap, row.id, now)
            session.flush()
            tags = _tags_for(session, [row.id]).get(row.id, ())
            return source_detail(row, tags, len(deleted.excerpts))


def _prepare(new: NewSource, now) -> tuple[SimpleNamespace, list[str]]:
    """The row to insert, with every field cleaned and checked (raises InvalidInput).

    A plain namespace with the Source columns, not a Source: _insert writes it through the
    cursor, and building the ORM object was a quarter of a bulk import's write time.
    """
    body = clean_text(new.body).strip("\n")
    if not body.strip():
        raise InvalidInput("body: the article has no text")
    row = SimpleNamespace(
        id=None,
        title=validate.required_line("title", new.title),
        outlet=clean_line(new.outlet),
        authors=[a for a in (clean_line(x) for x in new.authors) if a],
        published=new.published,
        published_precision=validate.precision(new.published_precision),
        published_ambiguous=new.published_ambiguous,
        published_inferred=new.published_inferred,
        published_alternatives=[d.isoformat() for d in new.published_alternatives],
        published_text=clean_line(new.published_text),
        dateline=clean_line(new.dateline),
        url=citable_url(clean_line(new.url)),
        language=clean_line(new.language),
        accessed=new.accessed or now.date(),
        body=body,
        original_format=clean_line(new.original_format),
        body_sha256=sha256_hex(body),
        # body is cleaned already: the key without _body_key's second clean_text pass.
        normalized_sha256=sha256_hex(normalize_body(body)),
        reliability=validate.reliability(new.reliability),
        notes=clean_text(new.notes),
        created=now,
        modified=now,
    )
    return row, [validate.tag_name(t) for t in new.tags]


_SOURCE_COLUMNS = tuple(c.name for c in Source.__table__.columns if c.name != "id")
_INSERT_SOURCE = (
    f"INSERT INTO source ({', '.join(_SOURCE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _SOURCE_COLUMNS)})"
)
_INSERT_ORIGINAL = (
    "INSERT INTO source_original (source_id, filename, media_type, size, sha256, "
    "compression, data, imported) VALUES (?, ?, ?, ?, ?, 'zlib', ?, ?)"
)


def _db_value(value: Any) -> Any:
    """A Python value as the file stores it (the same text SQLAlchemy writes)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def _insert(
    session: Session, row: SimpleNamespace, tag_names: list[str], new: NewSource
) -> SourceDetail:
    """Insert through the DB-API cursor of the session's transaction: imports write
    thousands of these, and the ORM's unit of work cost more than the SQL."""
    existing = _find_duplicate(session, row.url, row.normalized_sha256)
    if existing is not None:
        raise Duplicate(f"already in the library as source {existing}", existing)
    cursor = session.connection().connection.cursor()
    cursor.execute(_INSERT_SOURCE, [_db_value(getattr(row, c)) for c in _SOURCE_COLUMNS])
    row.id = cursor.lastrowid
    if new.original is not None:
        data = new.original.data
        cursor.execute(
            _INSERT_ORIGINAL,
            (
                row.id,
                clean_line(new.original.filename),
                clean_line(new.original.media_type),
                len(data),
                sha256_hex(data),
                zlib.compress(data, 6),
                _db_value(row.created),
            ),
        )
    tags: tuple[str, ...] = ()
    if tag_names:
        found = ensure_tags(session, tag_names, row.created)
        for tag in found:
            cursor.execute(
                "INSERT INTO source_tag (source_id, tag_id) VALUES (?, ?)", (row.id, tag.id)
            )
        tags = tuple(t.name for t in sorted(found, key=lambda t: t.key))
    return source_detail(row, tags, 0)


def _get(session: Session, source_id: int) -> Source:
    row = session.get(Source, source_id)
    if row is None:
        raise NotFound(f"there is no source {source_id} in this library")
    return row


def _filtered(stmt, *, tag: str | None, outlet: str | None, filters: SearchFilters | None):
    """The table's filters; explicit tag/outlet win over the same fields of filters."""
    if filters is not None:
        tag = tag or filters.tag
        outlet = outlet or filters.outlet
        if filters.date_from:
            stmt = stmt.where(col(Source.published) >= filters.date_from)
        if filters.date_to:
            stmt = stmt.where(col(Source.published) <= filters.date_to)
        if filters.reliability:
            chosen = {validate.reliability_filter(g) for g in filters.reliability}
            grades = sorted(chosen - {UNGRADED})
            either = [col(Source.reliability).in_(grades)] if grades else []
            if UNGRADED in chosen:
                either.append(col(Source.reliability).is_(None))
            stmt = stmt.where(or_(*either))
    if tag:
        tag_ids = select(Tag.id).where(Tag.key == validate.tag_key(tag))
        stmt = stmt.where(
            col(Source.id).in_(
                select(SourceTag.source_id).where(col(SourceTag.tag_id).in_(tag_ids))
            )
        )
    if outlet:
        stmt = stmt.where(text("source.outlet = :outlet COLLATE NOCASE").bindparams(outlet=outlet))
    return stmt


def _body_key(body: str) -> str:
    """What two copies of one article share, however they were spaced or cased."""
    return sha256_hex(normalize_body(clean_text(body))) if body.strip() else ""


def _url_duplicate(conn, url: str, exclude: int | None = None) -> int | None:
    """The source whose URL has the same duplicate key (normalize_url) as `url`.

    URLs are stored as given, so the key is compared in Python, but only on the few rows
    the index finds under the address's own prefix: the same path with or without its
    trailing slash, query or fragment.
    """
    key = normalize_url(url)
    if not key:
        return None
    prefixes = {key.split("?", 1)[0].rstrip("/"), url.split("?", 1)[0].split("#", 1)[0].rstrip("/")}
    for prefix in sorted(prefixes):
        rows = conn.exec_driver_sql(
            "SELECT id, url FROM source WHERE url <> '' AND url >= ? AND url < ?",
            (prefix, prefix + "\U0010ffff"),
        )
        for found, stored in rows:
            if found != exclude and normalize_url(stored) == key:
                return found
    return None


def _find_duplicate(session: Session, url: str, body_key: str) -> int | None:
    conn = session.connection()
    if url:
        found = _url_duplicate(conn, url)
        if found is not None:
            return found
    if body_key:
        return conn.exec_driver_sql(
            "SELECT id FROM source WHERE normalized_sha256 = ? LIMIT 1", (body_key,)
        ).scalar()
    return None


def _tags_for(session: Session, ids: list[int]) -> dict[int, tuple[str, ...]]:
    return names_by_item(session, SourceTag, "source_id", ids)


def _excerpt_counts(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    stmt = (
        select(Excerpt.source_id, func.count())
        .where(col(Excerpt.source_id).in_(ids))
        .group_by(Excerpt.source_id)
    )
    return {sid: int(n) for sid, n in session.exec(stmt)}


def _clean_changes(changes: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "title":
            values[key] = validate.required_line("title", value)
        elif key in ("outlet", "dateline", "language", "published_text"):
            values[key] = clean_line(value or "")
        elif key == "url":
            values[key] = citable_url(clean_line(value or ""))
        elif key == "authors":
            items = [value] if isinstance(value, str) else list(value or ())
            values[key] = [a for a in (clean_line(x) for x in items) if a]
        elif key in ("published", "accessed"):
            values[key] = validate.iso_date(key, value)
        elif key == "published_precision":
            values[key] = validate.precision(value)
        elif key in ("published_ambiguous", "published_inferred"):
            values[key] = bool(value)
        elif key == "published_alternatives":
            values[key] = [
                validate.iso_date("published alternatives", v).isoformat() for v in value or ()
            ]
        elif key == "reliability":
            values[key] = validate.reliability(value)
        elif key == "notes":
            values[key] = clean_text(value or "")
        elif key == "body":
            body = clean_text(value or "").strip("\n")
            if not body.strip():
                raise InvalidInput("body: the article has no text")
            values[key] = body
    return values


def _reanchor(session: Session, source_id: int, body: str, now) -> None:
    """Keep each excerpt pointing at its words after the body changed: same place,
    else the nearest occurrence, else flagged lost (its text is kept)."""
    excerpts = session.exec(select(Excerpt).where(Excerpt.source_id == source_id)).all()
    for ex in excerpts:
        if body[ex.start_offset : ex.end_offset] == ex.text:
            continue
        starts = [m.start() for m in re.finditer(re.escape(ex.text), body)]
        if starts:
            best = min(starts, key=lambda s: abs(s - ex.start_offset))
            ex.start_offset, ex.end_offset = best, best + len(ex.text)
            ex.anchor = "reanchored"
        else:
            ex.anchor = "lost"
        ex.modified = now
        session.add(ex)
