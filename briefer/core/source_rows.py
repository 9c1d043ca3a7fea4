"""The sources table's unfiltered pages in plain SQL, without the ORM.

The window's first screen is the whole library's count and its first rows. Read
through SourceService they need the SQLModel table classes (pydantic and SQLAlchemy
mapping) and SQLAlchemy's compile of the first statements, ~0.2 s of every start
(issue 16); read here, on a plain sqlite3 connection (`Library.raw_read`) with the
converters SQLAlchemy's SQLite dialect uses for the same columns, neither the ORM nor
SQLAlchemy's engine is needed before the window is painted. `SourceService.list` with no
filter gives the same records (tests/core/test_source_rows.py).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from briefer.core.convert import source_summary
from briefer.core.errors import InvalidInput
from briefer.core.records import SourceSummary

if TYPE_CHECKING:
    from briefer.core.library import Library

# As SourceService's SORT_COLUMNS: text columns ignore case (both have NOCASE indexes).
ORDER = {
    "title": "title COLLATE NOCASE",
    "outlet": "outlet COLLATE NOCASE",
    "published": "published",
    "reliability": "reliability",
    "created": "created",
    "modified": "modified",
    "id": "id",
}
_FIELDS = (
    "id", "title", "outlet", "authors", "published", "published_precision",
    "published_ambiguous", "published_inferred", "published_alternatives",
    "published_text", "dateline", "url", "language", "accessed", "original_format",
    "body_sha256", "reliability", "created", "modified",
)  # fmt: skip


def str_to_date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def str_to_datetime(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


# The columns stored through SQLAlchemy types, read back as its SQLite dialect reads
# them (JSON: the engine's default json.loads; DATE and DATETIME in their default
# storage format: fromisoformat, as sqlalchemy.engine.processors' str_to_date and
# str_to_datetime), without loading SQLAlchemy (~0.3 s of a start, issue 16).
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "authors": json.loads,
    "published": str_to_date,
    "published_alternatives": json.loads,
    "accessed": str_to_date,
    "created": str_to_datetime,
    "modified": str_to_datetime,
}
_CONVERTERS = [_CONVERT.get(name) for name in _FIELDS]


class SourceRows:
    """`library.source_rows`: all sources, counted and read a page at a time."""

    def __init__(self, library: Library):
        self._lib = library

    def count(self) -> int:
        with self._lib.raw_read() as conn:
            return count(conn)

    def page(
        self, *, order: str = "created", descending: bool = False, limit: int = 64,
        offset: int = 0,
    ) -> list[SourceSummary]:  # fmt: skip
        with self._lib.raw_read() as conn:
            return page(conn, order=order, descending=descending, limit=limit, offset=offset)


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM source").fetchone()[0])


def page(
    conn: sqlite3.Connection,
    *,
    order: str = "created",
    descending: bool = False,
    limit: int = 64,
    offset: int = 0,
) -> list[SourceSummary]:
    """One page of all sources in the table's order, with tags and excerpt counts."""
    if order not in ORDER:
        raise InvalidInput(f"order: {order!r}; use one of {', '.join(ORDER)}")
    direction = "DESC" if descending else "ASC"
    rows = conn.execute(
        f"SELECT {', '.join(_FIELDS)} FROM source "
        f"ORDER BY {ORDER[order]} {direction}, id ASC LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    records = [
        {
            name: value if fn is None or value is None else fn(value)
            for name, value, fn in zip(_FIELDS, row, _CONVERTERS, strict=True)
        }
        for row in rows
    ]
    ids = [r["id"] for r in records]
    tags, counts = _tags_for(conn, ids), _excerpt_counts(conn, ids)
    return [
        source_summary(SimpleNamespace(**r), tags.get(r["id"], ()), counts.get(r["id"], 0))
        for r in records
    ]


def _marks(ids: list[int]) -> str:
    return ", ".join("?" * len(ids))


def _tags_for(conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[str, ...]]:
    if not ids:
        return {}
    found: dict[int, list[str]] = defaultdict(list)
    for source_id, name in conn.execute(
        f"SELECT st.source_id, t.name FROM source_tag st JOIN tag t ON t.id = st.tag_id "
        f"WHERE st.source_id IN ({_marks(ids)}) ORDER BY t.key",
        ids,
    ):
        found[source_id].append(name)
    return {k: tuple(v) for k, v in found.items()}


def _excerpt_counts(conn: sqlite3.Connection, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    return {
        sid: int(n)
        for sid, n in conn.execute(
            f"SELECT source_id, count(*) FROM excerpt WHERE source_id IN ({_marks(ids)}) "
            "GROUP BY source_id",
            ids,
        )
    }
