"""Briefs: the analyst's documents, their citations and saved versions.

The body is the JSON document of core/document.py (docs/BRIEF_DOCUMENT.md), stored in
its canonical form; citations are its {"type": "citation", "excerpt": <id>} nodes,
mirrored in the citation table on every save so "who cites this" is one query.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from briefer.core import document, validate
from briefer.core.convert import brief_detail, brief_summary, revision_record, stored_id
from briefer.core.document import cited_excerpts
from briefer.core.errors import InUse, InvalidInput, NotFound
from briefer.core.markings import normalize_marking
from briefer.core.models import Brief, BriefRevision, Citation, Excerpt
from briefer.core.records import BriefDetail, BriefSummary, RevisionRecord
from briefer.core.templates import structure_template
from briefer.core.textutil import clean_line, clean_text
from briefer.core.tradecraft import portions

if TYPE_CHECKING:
    from briefer.core.library import Library

META_FIELDS = ("title", "subject", "author", "status", "marking", "template")


def refuse_if_cited(
    session: Session, what: str, excerpt_ids: Sequence[int] | SelectOfScalar[Any]
) -> None:
    """Raise InUse naming the briefs that cite any of these excerpts (a subquery or ids)."""
    briefs = session.exec(
        select(Brief.id, Brief.title)
        .join(Citation, col(Citation.brief_id) == Brief.id)
        .where(col(Citation.excerpt_id).in_(excerpt_ids))
        .distinct()
        .order_by(col(Brief.id))
    ).all()
    if briefs:
        names = [f"“{title}” (brief {bid})" for bid, title in briefs]
        noun = "briefs " if len(names) > 1 else "brief "
        raise InUse(f"{what} by {noun}{', '.join(names)}; remove those citations first")


class BriefService:
    def __init__(self, library: Library):
        self._lib = library

    def create(
        self,
        title: str,
        *,
        subject: str = "",
        author: str = "",
        status: str = "draft",
        marking: str = "",
        template: str = "",
        body: dict[str, Any] | None = None,
    ) -> BriefDetail:
        """A new brief; with a template name and no body, the template's sections."""
        if body is None and template:
            found = structure_template(template)
            body, template = found.document, found.name
        now = self._lib.now()
        body = document.normalize(body if body is not None else document.empty_document())
        row = Brief(
            title=validate.required_line("title", title),
            subject=clean_line(subject),
            author=clean_line(author),
            status=validate.status(status),
            marking=portions.roll_up(normalize_marking(marking), body),
            template=clean_line(template),
            body=body,
            created=now,
            modified=now,
        )
        with self._lib.write_session() as session:
            session.add(row)
            session.flush()
            citations = _set_citations(session, stored_id(row.id), row.body)
            return brief_detail(row, citations)

    def get(self, brief_id: int) -> BriefDetail:
        with self._lib.read_session() as session:
            row = _get(session, brief_id)
            return brief_detail(row, _citations(session, brief_id))

    def list(self) -> builtins.list[BriefSummary]:
        with self._lib.read_session() as session:
            stmt = select(Brief).order_by(col(Brief.modified).desc(), col(Brief.id))
            return [brief_summary(r) for r in session.exec(stmt)]

    def update(self, brief_id: int, **meta: str) -> BriefDetail:
        unknown = set(meta) - set(META_FIELDS)
        if unknown:
            raise InvalidInput(f"cannot edit {', '.join(sorted(unknown))} of a brief")
        with self._lib.write_session() as session:
            row = _get(session, brief_id)
            for key, value in meta.items():
                if key == "title":
                    value = validate.required_line("title", value)
                elif key == "status":
                    value = validate.status(value)
                elif key == "marking":
                    value = portions.refuse_lower(normalize_marking(value), row.body or {})
                else:
                    value = clean_line(value or "")
                setattr(row, key, value)
            row.modified = self._lib.now()
            session.add(row)
            session.flush()
            return brief_detail(row, _citations(session, brief_id))

    def set_release(
        self,
        brief_id: int,
        *,
        status: str | None = None,
        version: int | None = None,
        on: date | None = None,
        clear_date: bool = False,
    ) -> BriefDetail:
        """The brief's real version, status and date, as the title block prints them."""
        with self._lib.write_session() as session:
            row = _get(session, brief_id)
            if status is not None:
                row.status = validate.status(status)
            if version is not None:
                if isinstance(version, bool) or not isinstance(version, int) or version < 1:
                    raise InvalidInput("version: use a whole number of at least 1")
                row.doc_version = version
            if on is not None:
                row.doc_date = on
            elif clear_date:
                row.doc_date = None
            row.modified = self._lib.now()
            session.add(row)
            session.flush()
            return brief_detail(row, _citations(session, brief_id))

    def save_body(
        self, brief_id: int, body: dict[str, Any], *, expected_version: int | None = None
    ) -> BriefDetail:
        """Store a new body and its citations in one transaction; the version counts up.

        expected_version guards against a stale editor overwriting newer text.
        """
        body = document.normalize(body)
        with self._lib.write_session() as session:
            row = _get(session, brief_id)
            if expected_version is not None and row.version != expected_version:
                raise InvalidInput(
                    f"brief {brief_id} changed elsewhere (version {row.version}, "
                    f"expected {expected_version}); reopen it before saving"
                )
            row.body = body
            row.marking = portions.roll_up(row.marking, body)
            row.version += 1
            row.modified = self._lib.now()
            session.add(row)
            session.flush()
            citations = _set_citations(session, brief_id, body)
            return brief_detail(row, citations)

    def delete(self, brief_id: int) -> None:
        with self._lib.write_session() as session:
            session.delete(_get(session, brief_id))

    def add_text(self, brief_id: int, section: str, text: str) -> BriefDetail:
        """Append a paragraph of the analyst's text to a section."""
        words = clean_line(text)
        if not words:
            raise InvalidInput("text: must not be empty")
        current = self.get(brief_id)
        body = document.add_to_section(current.body, section, [document.text(words)])
        return self.save_body(brief_id, body, expected_version=current.version)

    def add_excerpt(
        self, brief_id: int, section: str, excerpt_id: int, *, paraphrase: bool = False
    ) -> BriefDetail:
        """Quote an excerpt in a section (a block quote and its marker), or, for a
        paraphrase, add only the marker to the analyst's last paragraph there (or a
        "[paraphrase of ...]" placeholder paragraph when the section ends otherwise)."""
        excerpt = self._lib.excerpts.get(excerpt_id)
        current = self.get(brief_id)
        if paraphrase:
            label = ", ".join(
                x for x in (excerpt.source_outlet, f"“{excerpt.source_title}”") if x.strip("“”")
            )
            body = document.add_marker_to_section(current.body, section, excerpt_id, label)
        else:
            quote = [document.text(" ".join(excerpt.text.split())), document.citation(excerpt_id)]
            body = document.add_to_section(current.body, section, quote, kind="quote")
        return self.save_body(brief_id, body, expected_version=current.version)

    # -- citations -----------------------------------------------------------------

    def citations(self, brief_id: int) -> builtins.list[int]:
        """What this brief cites: excerpt ids in document order."""
        with self._lib.read_session() as session:
            _get(session, brief_id)
            return list(_citations(session, brief_id))

    def cited_by(self, excerpt_id: int) -> builtins.list[BriefSummary]:
        """Which briefs cite this excerpt."""
        with self._lib.read_session() as session:
            stmt = (
                select(Brief)
                .where(
                    col(Brief.id).in_(
                        select(Citation.brief_id).where(Citation.excerpt_id == excerpt_id)
                    )
                )
                .order_by(col(Brief.id))
            )
            return [brief_summary(r) for r in session.exec(stmt)]

    # -- versions ------------------------------------------------------------------

    def save_revision(
        self, brief_id: int, note: str = "", *, new_version: bool = False
    ) -> RevisionRecord:
        """Keep the current text as a saved version. new_version: the analyst saved a
        version (not an automatic snapshot), so the brief's real version goes up."""
        with self._lib.write_session() as session:
            row = _get(session, brief_id)
            record = revision_record(_snapshot(session, row, note, self._lib.now()))
            if new_version:
                row.doc_version = (row.doc_version or 1) + 1
                session.add(row)
                session.flush()
            return record

    def revisions(self, brief_id: int) -> builtins.list[RevisionRecord]:
        with self._lib.read_session() as session:
            _get(session, brief_id)
            stmt = (
                select(BriefRevision)
                .where(BriefRevision.brief_id == brief_id)
                .order_by(col(BriefRevision.created).desc(), col(BriefRevision.id).desc())
            )
            return [revision_record(r) for r in session.exec(stmt)]

    def revision(self, revision_id: int) -> RevisionRecord:
        with self._lib.read_session() as session:
            row = session.get(BriefRevision, revision_id)
            if row is None:
                raise NotFound(f"there is no saved version {revision_id} in this library")
            return revision_record(row, with_body=True)

    def restore_revision(self, revision_id: int) -> BriefDetail:
        """Bring back an old version; the current text is saved as a version first."""
        with self._lib.write_session() as session:
            old = session.get(BriefRevision, revision_id)
            if old is None:
                raise NotFound(f"there is no saved version {revision_id} in this library")
            row = _get(session, old.brief_id)
            now = self._lib.now()
            _snapshot(
                session, row, f"before restoring the version of {old.created:%Y-%m-%d %H:%M}", now
            )
            row.body, row.title = document.normalize(old.body), old.title
            row.marking = portions.roll_up(row.marking, row.body)
            row.version += 1
            row.modified = now
            session.add(row)
            session.flush()
            return brief_detail(row, _set_citations(session, stored_id(row.id), row.body))


def _get(session: Session, brief_id: int) -> Brief:
    row = session.get(Brief, brief_id)
    if row is None:
        raise NotFound(f"there is no brief {brief_id} in this library")
    return row


def _snapshot(session: Session, row: Brief, note: str, now: datetime) -> BriefRevision:
    rev = BriefRevision(
        brief_id=stored_id(row.id),
        version=row.version,
        title=row.title,
        body=dict(row.body or {}),
        note=clean_text(note).strip(),
        created=now,
    )
    session.add(rev)
    session.flush()
    return rev


def _citations(session: Session, brief_id: int) -> tuple[int, ...]:
    stmt = (
        select(Citation.excerpt_id)
        .where(Citation.brief_id == brief_id)
        .order_by(col(Citation.position))
    )
    return tuple(session.exec(stmt).all())


def _set_citations(session: Session, brief_id: int, body: Any) -> tuple[int, ...]:
    ids = cited_excerpts(body)
    if ids:
        present = set(session.exec(select(Excerpt.id).where(col(Excerpt.id).in_(set(ids)))))
        missing = sorted(set(ids) - present)
        if missing:
            raise InvalidInput(
                f"the brief cites excerpt {', '.join(map(str, missing))}, which is not in "
                "the library"
            )
    session.execute(delete(Citation).where(col(Citation.brief_id) == brief_id))
    for position, excerpt_id in enumerate(ids):
        session.add(Citation(brief_id=brief_id, position=position, excerpt_id=excerpt_id))
    session.flush()
    return tuple(ids)
