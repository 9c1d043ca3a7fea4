"""The export record (library format 8): each exported file gets a row once it is in
place, with its digest, the brief's version, template, marking, the cited excerpts'
grades as they stood, and the recipients; the v1 fixture climbs to it."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from briefer.core import document as d
from briefer.core import schema
from briefer.core.errors import InvalidInput
from briefer.core.library import Library
from briefer.export import ExportError, export_brief, export_pdf, find_libreoffice

DATA = Path(__file__).resolve().parents[1] / "data"
CLOCK = datetime(2026, 11, 30, 14, 2, 3, 456789, tzinfo=UTC)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def cited(library, add_source):
    """A brief citing two excerpts (B2 and an ungraded source's ?5), portion-marked."""
    one = add_source("First", reliability="B")
    two = add_source("Second")
    a = library.excerpts.add_quote(one.id, "Body of First.", credibility=2)
    b = library.excerpts.add_quote(two.id, "Body of Second.", credibility=5)
    body = d.normalize({"blocks": [
        d.heading("Discussion", section="discussion"),
        {**d.paragraph("Claim one ", d.citation(a.id)), "portion": "U"},
        {**d.paragraph("Claim two ", d.citation(b.id), d.citation(a.id)), "portion": "C"},
    ]})  # fmt: skip
    brief = library.briefs.create("Weekly", template="", body=body)
    return brief, a, b


def test_an_export_is_recorded_with_what_it_held(library, cited, tmp_path):
    brief, a, b = cited
    library.clock = lambda: CLOCK
    out = tmp_path / "weekly.docx"
    result = export_brief(library, brief.id, out, recipients="  Desk officers;\tJ. Smith ")
    (row,) = library.exports.list(brief.id)
    assert result.record == row and result.unrecorded == ""
    assert row.brief_id == brief.id and row.title == "Weekly"
    assert row.doc_version == 1 and row.revision == brief.version and row.status == "draft"
    assert row.exported == CLOCK.replace(microsecond=0)
    assert row.file_name == str(out.absolute()) and row.file_format == "docx"
    assert row.sha256 == sha(out) and row.size == out.stat().st_size
    assert row.template == result.template
    assert row.marking == "CONFIDENTIAL"
    assert [(c.excerpt_id, c.grade) for c in row.citations] == [(a.id, "B2"), (b.id, "?5")]
    assert row.recipients == "Desk officers; J. Smith"
    assert "recorded as export" in result.summary()
    # the file's created property is the recorded second: a changed file is found by it
    created = docx.Document(str(out)).core_properties.created
    assert created.replace(tzinfo=UTC) == row.exported
    assert library.exports.made_at(created) == [row]
    assert library.exports.with_sha256(sha(out)) == [row]


def test_grades_are_kept_as_they_stood_at_export(library, cited, tmp_path):
    brief, a, _ = cited
    export_brief(library, brief.id, tmp_path / "first.docx")
    library.sources.update(a.source_id, reliability="E")
    export_brief(library, brief.id, tmp_path / "second.docx", final=True)
    second, first = library.exports.list(brief.id)
    assert first.citations[0].grade == "B2" and second.citations[0].grade == "E2"
    assert (first.doc_version, second.doc_version) == (1, 2)
    assert second.status == "final"
    assert library.exports.list() == [second, first]


def test_no_row_when_the_file_could_not_be_written(library, cited, tmp_path):
    brief, _, _ = cited
    with pytest.raises(ExportError):
        export_brief(library, brief.id, tmp_path / "missing" / "x.docx")
    with pytest.raises(InvalidInput, match="recipients"):
        export_brief(library, brief.id, tmp_path / "y.docx", recipients="x" * 3000)
    assert not (tmp_path / "y.docx").exists()
    assert library.exports.list() == []


def test_a_read_only_library_exports_and_says_it_did_not_record(library_path, tmp_path):
    with Library.open(library_path) as lib:
        brief = lib.briefs.create("Read only", body=d.normalize({"blocks": [d.paragraph("x")]}))
    with Library.open(library_path, read_only=True) as lib:
        result = export_brief(lib, brief.id, tmp_path / "ro.docx")
        assert result.record is None and "read-only" in result.unrecorded
        assert "not recorded in the library" in result.summary()
        assert (tmp_path / "ro.docx").is_file()
    with Library.open(library_path) as lib:
        assert lib.exports.list() == []


def test_the_record_outlives_its_brief(library, cited, tmp_path):
    brief, _, _ = cited
    export_brief(library, brief.id, tmp_path / "gone.docx")
    library.briefs.delete(brief.id)
    (row,) = library.exports.list()
    assert row.brief_id is None and row.title == "Weekly"
    assert "a deleted brief" in row.describe()


def test_a_pdf_export_records_the_pdf(library, cited, tmp_path):
    if find_libreoffice() is None:
        pytest.skip("LibreOffice is not installed")
    brief, _, _ = cited
    out = tmp_path / "weekly.pdf"
    result = export_pdf(library, brief.id, out, recipients="Ops")
    (row,) = library.exports.list(brief.id)
    assert result.record == row
    assert (row.file_format, row.sha256, row.recipients) == ("pdf", sha(out), "Ops")
    assert row.file_name == str(out.absolute()) and row.marking == "CONFIDENTIAL"


def test_version_1_fixture_climbs_to_format_8_and_records_exports(tmp_path):
    path = tmp_path / "old.briefer"
    shutil.copy(DATA / "library-v1.briefer", path)
    with Library.open(path) as lib:
        assert lib.exports.list() == []
        result = export_brief(lib, 1, tmp_path / "fixture.docx", recipients="Team")
        (row,) = lib.exports.list(1)
        assert result.record == row and row.title == "Fixture brief"
        assert [c.grade for c in row.citations] == ["B2"]
        assert lib.check().ok
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION >= 8
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    indexes = {r[1] for r in conn.execute("PRAGMA index_list(brief_export)")}
    assert {"ix_brief_export_brief", "ix_brief_export_sha256"} <= indexes
    conn.close()
