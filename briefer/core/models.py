"""SQLModel tables: the newest schema as Python classes.

The DDL in schema.py is what creates and migrates the file; these classes are how the
services read and write it. tests/core/test_schema.py keeps the two in step.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel


class LibraryMeta(SQLModel, table=True):
    __tablename__ = "library_meta"

    key: str = Field(primary_key=True)
    value: str


class Source(SQLModel, table=True):
    __tablename__ = "source"

    id: int | None = Field(default=None, primary_key=True)
    title: str = ""
    outlet: str = ""
    authors: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    published: date | None = None
    published_precision: str = "unknown"
    published_ambiguous: bool = False
    published_inferred: bool = False
    published_alternatives: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    published_text: str = ""
    dateline: str = ""
    url: str = ""
    language: str = ""
    accessed: date | None = None
    body: str
    original_format: str = ""
    body_sha256: str
    normalized_sha256: str
    # None: nobody has graded the source yet (library format 5).
    reliability: str | None = None
    notes: str = ""
    created: datetime
    modified: datetime


class SourceOriginal(SQLModel, table=True):
    __tablename__ = "source_original"

    source_id: int = Field(primary_key=True, foreign_key="source.id", ondelete="CASCADE")
    filename: str = ""
    media_type: str = ""
    size: int
    sha256: str
    compression: str = "zlib"
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    imported: datetime


class Excerpt(SQLModel, table=True):
    __tablename__ = "excerpt"

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", ondelete="CASCADE")
    text: str
    start_offset: int
    end_offset: int
    locator: str = ""
    credibility: int = 6
    comment: str = ""
    anchor: str = "ok"
    speaker: str = ""
    created: datetime
    modified: datetime


class Tag(SQLModel, table=True):
    __tablename__ = "tag"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    key: str = Field(unique=True)
    color: str = ""
    created: datetime


class SourceTag(SQLModel, table=True):
    __tablename__ = "source_tag"

    source_id: int = Field(primary_key=True, foreign_key="source.id", ondelete="CASCADE")
    tag_id: int = Field(primary_key=True, foreign_key="tag.id", ondelete="CASCADE")


class ExcerptTag(SQLModel, table=True):
    __tablename__ = "excerpt_tag"

    excerpt_id: int = Field(primary_key=True, foreign_key="excerpt.id", ondelete="CASCADE")
    tag_id: int = Field(primary_key=True, foreign_key="tag.id", ondelete="CASCADE")


class Brief(SQLModel, table=True):
    __tablename__ = "brief"

    id: int | None = Field(default=None, primary_key=True)
    title: str
    subject: str = ""
    author: str = ""
    status: str = "draft"
    marking: str = ""
    template: str = ""
    body: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    version: int = 1
    doc_version: int = 1
    doc_date: date | None = None
    created: datetime
    modified: datetime


class Citation(SQLModel, table=True):
    __tablename__ = "citation"

    brief_id: int = Field(primary_key=True, foreign_key="brief.id", ondelete="CASCADE")
    position: int = Field(primary_key=True)
    excerpt_id: int = Field(foreign_key="excerpt.id", ondelete="RESTRICT")


class BriefRevision(SQLModel, table=True):
    __tablename__ = "brief_revision"

    id: int | None = Field(default=None, primary_key=True)
    brief_id: int = Field(foreign_key="brief.id", ondelete="CASCADE")
    version: int
    title: str
    body: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    note: str = ""
    created: datetime


class SavedSearch(SQLModel, table=True):
    __tablename__ = "saved_search"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    key: str = Field(unique=True)
    query: str = ""
    filters: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created: datetime
    modified: datetime


class FindingDismissal(SQLModel, table=True):
    """A tradecraft finding the analyst dismissed, with the reason (format 4)."""

    __tablename__ = "finding_dismissal"
    __table_args__ = (UniqueConstraint("brief_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    brief_id: int = Field(foreign_key="brief.id", ondelete="CASCADE")
    key: str
    rule: str
    text: str = ""
    reason: str
    created: datetime


class BriefExport(SQLModel, table=True):
    """One exported file: what it holds, its digest and to whom it went (format 8)."""

    __tablename__ = "brief_export"

    id: int | None = Field(default=None, primary_key=True)
    brief_id: int | None = Field(default=None, foreign_key="brief.id", ondelete="SET NULL")
    title: str = ""
    doc_version: int
    revision: int
    status: str = ""
    exported: datetime
    file_name: str
    file_format: str
    sha256: str
    size: int
    template: str = ""
    marking: str = ""
    citations: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    recipients: str = ""
