"""The library file's schema and its migration ladder.

Each schema version is plain SQL kept here forever: version 1 is what the first
Briefer wrote, and every later version is a step applied to the one before it, keyed on
`PRAGMA user_version` (the calibre approach). The SQLModel tables in models.py describe
the newest version; a test checks the two agree.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# "BRFR": marks a SQLite file as a Briefer library (header offset 68).
APPLICATION_ID = 0x42524652
SCHEMA_VERSION = 8

SCHEMA_V1 = """
CREATE TABLE library_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE source (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    outlet TEXT NOT NULL DEFAULT '',
    authors JSON NOT NULL DEFAULT '[]',
    published DATE,
    published_precision VARCHAR(7) NOT NULL DEFAULT 'unknown'
        CHECK (published_precision IN ('day', 'month', 'year', 'unknown')),
    published_ambiguous BOOLEAN NOT NULL DEFAULT 0,
    published_inferred BOOLEAN NOT NULL DEFAULT 0,
    published_alternatives JSON NOT NULL DEFAULT '[]',
    published_text TEXT NOT NULL DEFAULT '',
    dateline TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    accessed DATE,
    body TEXT NOT NULL,
    original_format TEXT NOT NULL DEFAULT '',
    body_sha256 VARCHAR(64) NOT NULL,
    normalized_sha256 VARCHAR(64) NOT NULL,
    reliability VARCHAR(1) NOT NULL DEFAULT 'F'
        CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    notes TEXT NOT NULL DEFAULT '',
    created DATETIME NOT NULL,
    modified DATETIME NOT NULL
);
CREATE INDEX ix_source_url ON source (url) WHERE url <> '';
CREATE INDEX ix_source_normalized_sha256 ON source (normalized_sha256);
CREATE INDEX ix_source_outlet ON source (outlet COLLATE NOCASE);
CREATE INDEX ix_source_published ON source (published);
CREATE INDEX ix_source_created ON source (created);
CREATE INDEX ix_source_reliability ON source (reliability);

CREATE TABLE source_original (
    source_id INTEGER PRIMARY KEY REFERENCES source (id) ON DELETE CASCADE,
    filename TEXT NOT NULL DEFAULT '',
    media_type TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    compression VARCHAR(8) NOT NULL DEFAULT 'zlib',
    data BLOB NOT NULL,
    imported DATETIME NOT NULL
);

CREATE TABLE excerpt (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    locator TEXT NOT NULL DEFAULT '',
    credibility INTEGER NOT NULL DEFAULT 6 CHECK (credibility BETWEEN 1 AND 6),
    comment TEXT NOT NULL DEFAULT '',
    anchor VARCHAR(10) NOT NULL DEFAULT 'ok'
        CHECK (anchor IN ('ok', 'reanchored', 'lost')),
    created DATETIME NOT NULL,
    modified DATETIME NOT NULL,
    CHECK (start_offset >= 0 AND end_offset > start_offset)
);
CREATE INDEX ix_excerpt_source ON excerpt (source_id, start_offset);
CREATE INDEX ix_excerpt_credibility ON excerpt (credibility);

CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    color VARCHAR(9) NOT NULL DEFAULT '',
    created DATETIME NOT NULL
);

CREATE TABLE source_tag (
    source_id INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (source_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX ix_source_tag_tag ON source_tag (tag_id, source_id);

CREATE TABLE excerpt_tag (
    excerpt_id INTEGER NOT NULL REFERENCES excerpt (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (excerpt_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX ix_excerpt_tag_tag ON excerpt_tag (tag_id, excerpt_id);

CREATE TABLE brief (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    status VARCHAR(9) NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'in review', 'final')),
    marking TEXT NOT NULL DEFAULT '',
    template TEXT NOT NULL DEFAULT '',
    body JSON NOT NULL DEFAULT '{}',
    version INTEGER NOT NULL DEFAULT 1,
    created DATETIME NOT NULL,
    modified DATETIME NOT NULL
);

CREATE TABLE citation (
    brief_id INTEGER NOT NULL REFERENCES brief (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    excerpt_id INTEGER NOT NULL REFERENCES excerpt (id) ON DELETE RESTRICT,
    PRIMARY KEY (brief_id, position)
);
CREATE INDEX ix_citation_excerpt ON citation (excerpt_id);

CREATE TABLE brief_revision (
    id INTEGER PRIMARY KEY,
    brief_id INTEGER NOT NULL REFERENCES brief (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    body JSON NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created DATETIME NOT NULL
);
CREATE INDEX ix_brief_revision_brief ON brief_revision (brief_id, created);

-- Full-text search: external-content FTS5 tables kept in step by triggers.
CREATE VIRTUAL TABLE source_fts USING fts5 (
    title, outlet, authors, body,
    content = 'source', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER source_fts_insert AFTER INSERT ON source BEGIN
    INSERT INTO source_fts (rowid, title, outlet, authors, body)
    VALUES (new.id, new.title, new.outlet, new.authors, new.body);
END;
CREATE TRIGGER source_fts_delete AFTER DELETE ON source BEGIN
    INSERT INTO source_fts (source_fts, rowid, title, outlet, authors, body)
    VALUES ('delete', old.id, old.title, old.outlet, old.authors, old.body);
END;
CREATE TRIGGER source_fts_update AFTER UPDATE OF title, outlet, authors, body ON source BEGIN
    INSERT INTO source_fts (source_fts, rowid, title, outlet, authors, body)
    VALUES ('delete', old.id, old.title, old.outlet, old.authors, old.body);
    INSERT INTO source_fts (rowid, title, outlet, authors, body)
    VALUES (new.id, new.title, new.outlet, new.authors, new.body);
END;

CREATE VIRTUAL TABLE excerpt_fts USING fts5 (
    text, comment,
    content = 'excerpt', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER excerpt_fts_insert AFTER INSERT ON excerpt BEGIN
    INSERT INTO excerpt_fts (rowid, text, comment) VALUES (new.id, new.text, new.comment);
END;
CREATE TRIGGER excerpt_fts_delete AFTER DELETE ON excerpt BEGIN
    INSERT INTO excerpt_fts (excerpt_fts, rowid, text, comment)
    VALUES ('delete', old.id, old.text, old.comment);
END;
CREATE TRIGGER excerpt_fts_update AFTER UPDATE OF text, comment ON excerpt BEGIN
    INSERT INTO excerpt_fts (excerpt_fts, rowid, text, comment)
    VALUES ('delete', old.id, old.text, old.comment);
    INSERT INTO excerpt_fts (rowid, text, comment) VALUES (new.id, new.text, new.comment);
END;
"""

Migration = Callable[[sqlite3.Connection], None]


def _v2_saved_searches(conn: sqlite3.Connection) -> None:
    """Named filter sets for the navigator, kept in the library so they travel with it."""
    conn.execute(
        """
        CREATE TABLE saved_search (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            key TEXT NOT NULL UNIQUE,
            query TEXT NOT NULL DEFAULT '',
            filters JSON NOT NULL DEFAULT '{}',
            created DATETIME NOT NULL,
            modified DATETIME NOT NULL
        )
        """
    )


def _v3_title_index(conn: sqlite3.Connection) -> None:
    """Sorting 100,000 sources by title took 0.4 s without an index."""
    conn.execute("CREATE INDEX ix_source_title ON source (title COLLATE NOCASE)")


def _v4_finding_dismissals(conn: sqlite3.Connection) -> None:
    """Tradecraft findings the analyst dismissed, with the reason, kept with the brief
    (core/tradecraft). key names the finding (rule and the words it flagged)."""
    conn.execute(
        """
        CREATE TABLE finding_dismissal (
            id INTEGER PRIMARY KEY,
            brief_id INTEGER NOT NULL REFERENCES brief (id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            rule TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL CHECK (reason <> ''),
            created DATETIME NOT NULL,
            UNIQUE (brief_id, key)
        )
        """
    )


def _v5_ungraded(conn: sqlite3.Connection) -> None:
    """A source nobody graded is told apart from one graded F ("cannot be judged").

    reliability becomes nullable, NULL meaning ungraded. Until now every source was
    imported as F, so an F cannot be told from a judgment: F becomes ungraded, and an
    analyst who had chosen F sets it again. The column is swapped in place (add, copy,
    drop, rename) rather than the table rebuilt: dropping the source table would
    cascade to excerpts and tags, as foreign keys are on during a migration, and a
    rebuild would have to recreate the FTS triggers; DROP COLUMN keeps every row,
    rowid, trigger and other index. Needs SQLite 3.35 or newer.
    """
    conn.execute(
        "ALTER TABLE source ADD COLUMN grade VARCHAR(1) "
        "CHECK (grade IN ('A', 'B', 'C', 'D', 'E', 'F'))"
    )
    conn.execute("UPDATE source SET grade = reliability WHERE reliability <> 'F'")
    conn.execute("DROP INDEX ix_source_reliability")
    conn.execute("ALTER TABLE source DROP COLUMN reliability")
    conn.execute("ALTER TABLE source RENAME COLUMN grade TO reliability")
    conn.execute("CREATE INDEX ix_source_reliability ON source (reliability)")


def _v6_brief_release_and_speaker(conn: sqlite3.Connection) -> None:
    """A brief's real version and date (the title block's, not the save counter) and
    the person an excerpt quotes (the block quote's "— Speaker")."""
    conn.execute("ALTER TABLE brief ADD COLUMN doc_version INTEGER NOT NULL DEFAULT 1")
    conn.execute("ALTER TABLE brief ADD COLUMN doc_date DATE")
    conn.execute("ALTER TABLE excerpt ADD COLUMN speaker TEXT NOT NULL DEFAULT ''")


# Arabic harakat (U+064B-U+065F), superscript alef (U+0670) and tatweel (U+0640): news
# text is written without them and unicode61 splits words at the marks (they are not
# letters) while it keeps tatweel inside them. The index and the query both drop them.
FOLDED_MARKS = "\u0640" + "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"


def fold_sql(column: str) -> str:
    """SQL (built-in functions only) for `column` without FOLDED_MARKS.

    Built-ins keep the triggers working on any connection (the sqlite3 shell, a backup
    tool); the GLOB leaves text without marks, nearly all of it, after one scan.
    """
    folded = column
    for mark in FOLDED_MARKS:
        folded = f"replace({folded}, char({ord(mark)}), '')"
    marks = "[\u0640\u064b-\u065f\u0670]"
    return f"(CASE WHEN {column} GLOB '*{marks}*' THEN {folded} ELSE {column} END)"


def _v7_search_index(conn: sqlite3.Connection) -> None:
    """Search indexes that answer short prefixes and Arabic without harakat.

    - prefix='2 3': a 2- or 3-letter prefix (`mi*`) was expanded to thousands of terms
      per query; FTS5 now keeps those prefixes as terms of their own.
    - The index reads the text through views that drop harakat and tatweel (see
      fold_sql), so "الجِسر" and "الجـسر" are indexed as "الجسر". The views are the
      tables' external content, so 'rebuild' and 'integrity-check' read the same
      folded text the index holds. Proclitics are handled by the query
      (core/search.py).
    """
    tables = {
        # FTS table: (content table, view, columns)
        "source_fts": ("source", "source_fts_text", ("title", "outlet", "authors", "body")),
        "excerpt_fts": ("excerpt", "excerpt_fts_text", ("text", "comment")),
    }
    for fts, (table, view, columns) in tables.items():
        for event in ("insert", "delete", "update"):
            conn.execute(f"DROP TRIGGER {fts}_{event}")
        conn.execute(f"DROP TABLE {fts}")
        folded = ", ".join(f"{fold_sql(c)} AS {c}" for c in columns)
        conn.execute(f"CREATE VIEW {view} AS SELECT id, {folded} FROM {table}")
        conn.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5 ({', '.join(columns)}, "
            f"content = '{view}', content_rowid = 'id', "
            "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
        )
        names = ", ".join(columns)

        def values(row: str) -> str:
            return ", ".join(fold_sql(f"{row}.{c}") for c in columns)  # noqa: B023

        insert = f"INSERT INTO {fts} (rowid, {names}) VALUES (new.id, {values('new')});"
        delete = (
            f"INSERT INTO {fts} ({fts}, rowid, {names}) VALUES ('delete', old.id, {values('old')});"
        )
        conn.execute(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END")
        conn.execute(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END")
        conn.execute(
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} "
            f"BEGIN {delete} {insert} END"
        )
        conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")


def _v8_export_records(conn: sqlite3.Connection) -> None:
    """What was sent, to whom: one row per exported file (core/exports.py).

    The row outlives its brief (brief_id is set NULL, the title is kept): it records a
    file that exists outside the library. citations holds the excerpts the file cites
    with their grade codes as they stood at export, [{"excerpt", "source", "grade"}].
    sha256 finds the row of a file (`briefer verify`); exported, to the second, is the
    file's created property, which finds the row of a .docx changed since.
    """
    conn.execute(
        """
        CREATE TABLE brief_export (
            id INTEGER PRIMARY KEY,
            brief_id INTEGER REFERENCES brief (id) ON DELETE SET NULL,
            title TEXT NOT NULL DEFAULT '',
            doc_version INTEGER NOT NULL,
            revision INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT '',
            exported DATETIME NOT NULL,
            file_name TEXT NOT NULL,
            file_format VARCHAR(4) NOT NULL CHECK (file_format IN ('docx', 'pdf')),
            sha256 VARCHAR(64) NOT NULL,
            size INTEGER NOT NULL,
            template TEXT NOT NULL DEFAULT '',
            marking TEXT NOT NULL DEFAULT '',
            citations JSON NOT NULL DEFAULT '[]',
            recipients TEXT NOT NULL DEFAULT ''
        )
        """
    )
    conn.execute("CREATE INDEX ix_brief_export_brief ON brief_export (brief_id, exported)")
    conn.execute("CREATE INDEX ix_brief_export_sha256 ON brief_export (sha256)")
    conn.execute("CREATE INDEX ix_brief_export_exported ON brief_export (exported)")


# MIGRATIONS[n] turns a version n-1 library into version n. Append, never edit; each
# runs inside one transaction, so use conn.execute, never executescript.
MIGRATIONS: dict[int, Migration] = {
    2: _v2_saved_searches,
    3: _v3_title_index,
    4: _v4_finding_dismissals,
    5: _v5_ungraded,
    6: _v6_brief_release_and_speaker,
    7: _v7_search_index,
    8: _v8_export_records,
}


def create_schema(conn: sqlite3.Connection) -> None:
    """Write the version-1 schema, then climb the ladder to the current version."""
    conn.executescript(SCHEMA_V1)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    for version in range(2, SCHEMA_VERSION + 1):
        MIGRATIONS[version](conn)
        conn.execute(f"PRAGMA user_version = {version}")


def pending_migrations(current: int) -> list[int]:
    return list(range(current + 1, SCHEMA_VERSION + 1))
