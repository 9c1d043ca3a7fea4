"""Opening, creating, refusing and migrating the library file."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefer.core import schema
from briefer.core.errors import NewerLibrary, NotALibrary
from briefer.core.library import Library
from briefer.core.records import SearchFilters
from tests.conftest import DATA, make_source

V1_FIXTURE = DATA / "library-v1.briefer"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_library_is_created_with_schema_and_identity(library_path):
    with Library.open(library_path) as lib:
        assert lib.sources.count() == 0
    conn = sqlite3.connect(library_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert {"source", "excerpt", "tag", "brief", "citation", "brief_revision"} <= tables
    assert not list(library_path.parent.glob(".*creating"))


def test_storage_pragmas_on_every_connection(library):
    with library.read_session() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_files_are_private_under_a_permissive_umask(tmp_path):
    old = os.umask(0o022)
    try:
        path = tmp_path / "private.briefer"
        lib = Library.open(path)
        make_source(lib)
        wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
        assert wal.exists() and shm.exists()
        assert mode(path) == 0o600
        assert mode(wal) == 0o600
        assert mode(shm) == 0o600
        lib.close()
    finally:
        os.umask(old)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty file"),
        (os.urandom(4096), "not an SQLite database"),
        (b"Title\n\nplain text that is not a database\n" * 10, "not an SQLite database"),
    ],
)
def test_non_libraries_are_refused_untouched(tmp_path, content, reason):
    path = tmp_path / "thing.briefer"
    path.write_bytes(content)
    before = (digest(path), path.stat().st_mtime_ns)
    with pytest.raises(NotALibrary) as err:
        Library.open(path)
    assert reason in str(err.value)
    assert str(path) in str(err.value)
    assert "\n" not in str(err.value)
    assert (digest(path), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thing.briefer"]


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('hello')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotALibrary, match="another program"):
        Library.open(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(NotALibrary, match="is a folder"):
        Library.open(tmp_path)


def test_missing_folder_is_refused(tmp_path):
    with pytest.raises(NotALibrary, match="does not exist"):
        Library.open(tmp_path / "nope" / "lib.briefer")


def test_newer_library_is_refused_with_versions(library_path, monkeypatch):
    Library.open(library_path).close()
    conn = sqlite3.connect(library_path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 3}")
    conn.commit()
    conn.close()
    before = digest(library_path)
    with pytest.raises(NewerLibrary) as err:
        Library.open(library_path)
    message = str(err.value)
    assert f"format {schema.SCHEMA_VERSION + 3}" in message
    assert "update Briefer" in message
    assert digest(library_path) == before


def test_version_1_fixture_climbs_to_the_current_format_with_its_data(tmp_path):
    path = tmp_path / "old.briefer"
    shutil.copy(V1_FIXTURE, path)
    clock = lambda: datetime(2026, 5, 6, 7, 8, 9, tzinfo=UTC)  # noqa: E731
    with Library.open(path, clock=clock) as lib:
        sources = lib.sources.list()
        assert [s.title for s in sources] == [
            "Pentagon sending ‘clear message’ with strikes on Iraqi armed groups",
            "Second fixture source",
        ]
        excerpts = lib.excerpts.list(source_id=sources[0].id)
        assert [e.grade for e in excerpts] == ["B2"]
        assert lib.briefs.cited_by(excerpts[0].id)[0].title == "Fixture brief"
        assert lib.search("Pentagon")[0].source_id == sources[0].id
        assert (
            lib.sources.original(sources[0].id).data
            == (DATA / "rudaw-2024-02-09-pentagon-strikes.txt").read_bytes()
        )
        assert lib.briefs.revisions(1)[0].note == "first draft"
        # version 2: saved searches
        assert lib.searches.save("Mine", "strikes").name == "Mine"
        # version 4: ungraded. B stays B; F, the old import default, reads ungraded.
        assert [s.reliability for s in sources] == ["B", None]
        assert excerpts[0].grade == "B2"
        assert lib.sources.count(filters=SearchFilters(reliability=("ungraded",))) == 1
        # The search triggers survived the column swap.
        lib.sources.update(sources[1].id, title="Renamed after the climb")
        assert lib.search("Renamed")[0].source_id == sources[1].id
        assert lib.check().ok
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    indexes = {r[1] for r in conn.execute("PRAGMA index_list(source)")}
    assert "ix_source_reliability" in indexes
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert {"source_fts_insert", "source_fts_update", "source_fts_delete"} <= triggers
    assert conn.execute("SELECT count(*) FROM excerpt_tag").fetchone()[0] > 0
    conn.close()
    backup = tmp_path / "old.briefer.v1-20260506T070809Z.bak"
    assert backup.exists() and digest(backup) != digest(path)


def test_migration_ladder_backs_up_then_climbs(tmp_path, monkeypatch):
    """A pretend version 2 and 3: both steps run, in order, after a backup of v1."""
    path = tmp_path / "old.briefer"
    shutil.copy(V1_FIXTURE, path)
    original = digest(path)
    calls: list[int] = []

    def to_v2(conn):
        calls.append(2)
        conn.execute("ALTER TABLE source ADD COLUMN pretend_v2 TEXT NOT NULL DEFAULT 'x'")

    def to_v3(conn):
        calls.append(3)
        conn.execute("CREATE TABLE pretend_v3 (id INTEGER PRIMARY KEY)")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(schema, "MIGRATIONS", {2: to_v2, 3: to_v3})
    clock = lambda: datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)  # noqa: E731
    Library.open(path, clock=clock).close()

    assert calls == [2, 3]
    backup = tmp_path / "old.briefer.v1-20260102T030405Z.bak"
    assert backup.exists() and mode(backup) == 0o600
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM source").fetchone()[0] == 2
    conn.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert conn.execute("SELECT pretend_v2 FROM source LIMIT 1").fetchone()[0] == "x"
    conn.close()
    assert digest(path) != original


def test_failed_migration_keeps_last_good_version(tmp_path, monkeypatch):
    path = tmp_path / "old.briefer"
    shutil.copy(V1_FIXTURE, path)

    def broken(conn):
        conn.execute("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("boom")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(schema, "MIGRATIONS", {2: broken})
    with pytest.raises(Exception, match="left at format 1"):
        Library.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "half_done" not in names


def test_environment_variable_chooses_the_library(tmp_path, monkeypatch):
    path = tmp_path / "from-env.briefer"
    monkeypatch.setenv("BRIEFER_LIBRARY", str(path))
    with Library.open() as lib:
        assert lib.path == path
    assert path.exists()


def test_check_reports_a_sound_library(library, add_source):
    src = add_source("Checked")
    library.excerpts.add(src.id, 0, 4)
    report = library.check()
    assert report.ok and report.problems == ()


def test_check_finds_a_broken_search_index(library, add_source):
    add_source("Indexed words")
    conn = sqlite3.connect(library.path)
    conn.execute("DROP TRIGGER source_fts_insert")
    conn.execute(
        "INSERT INTO source (title, body, body_sha256, normalized_sha256, created, modified) "
        "VALUES ('ghost', 'unindexed', 'x', 'y', '2024-01-01', '2024-01-01')"
    )
    conn.commit()
    conn.close()
    report = library.check()
    assert not report.ok
    assert report.problems == ("search index source_fts: 1 source(s) missing from the index",)
    library.rebuild_search_index()
    assert library.check().ok
    assert library.search("unindexed")[0].title == "ghost"
