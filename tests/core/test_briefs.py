"""Briefs: metadata, body with citations, versions."""

from datetime import UTC, datetime, timedelta

import pytest

from briefer.core.briefs import cited_excerpts
from briefer.core.errors import InvalidInput, NotFound
from briefer.core.library import Library


def cite(*ids):
    return doc({"type": "paragraph", "content": [{"type": "citation", "excerpt": i} for i in ids]})


def doc(*blocks):
    return {"format": "briefer.brief", "version": 1, "blocks": list(blocks)}


def para(words):
    return {"type": "paragraph", "content": [{"type": "text", "text": words}]}


def test_citations_follow_the_body(library, add_source):
    src = add_source("S")
    a = library.excerpts.add(src.id, 0, 4)
    b = library.excerpts.add(src.id, 5, 7)
    brief = library.briefs.create("Weekly", marking="TLP:AMBER", template="Standard brief")
    assert brief.citations == () and brief.version == 1
    saved = library.briefs.save_body(brief.id, cite(b.id, a.id, b.id))
    assert saved.citations == (b.id, a.id, b.id)
    assert saved.version == 2
    assert library.briefs.citations(brief.id) == [b.id, a.id, b.id]
    assert [x.title for x in library.briefs.cited_by(a.id)] == ["Weekly"]
    library.briefs.save_body(brief.id, cite(b.id))
    assert library.briefs.cited_by(a.id) == []
    assert library.briefs.get(brief.id).body == cite(b.id)


def test_body_citing_a_missing_excerpt_is_refused_whole(library):
    brief = library.briefs.create("B")
    with pytest.raises(InvalidInput, match="excerpt 77"):
        library.briefs.save_body(brief.id, cite(77))
    assert library.briefs.get(brief.id).version == 1


def test_stale_editor_cannot_overwrite(library):
    brief = library.briefs.create("B")
    library.briefs.save_body(brief.id, doc(para("a")), expected_version=1)
    with pytest.raises(InvalidInput, match="changed elsewhere"):
        library.briefs.save_body(brief.id, doc(para("b")), expected_version=1)
    assert library.briefs.get(brief.id).body == doc(para("a"))


def test_metadata_and_status(library):
    brief = library.briefs.create("B")
    updated = library.briefs.update(brief.id, status="in review", subject="Iraq", marking="tlp red")
    assert (updated.status, updated.subject, updated.marking) == ("in review", "Iraq", "TLP:RED")
    with pytest.raises(InvalidInput, match="status"):
        library.briefs.update(brief.id, status="done")
    with pytest.raises(NotFound):
        library.briefs.get(99)


def test_revisions_save_list_and_restore(library_path):
    now = [datetime(2026, 1, 1, 9, 0, tzinfo=UTC)]
    lib = Library.open(library_path, clock=lambda: now[0])
    brief = lib.briefs.create("Draft")
    lib.briefs.save_body(brief.id, doc(para("first")))
    first = lib.briefs.save_revision(brief.id, "first draft")
    now[0] += timedelta(minutes=15)
    lib.briefs.save_body(brief.id, doc(para("second")))
    restored = lib.briefs.restore_revision(first.id)
    assert restored.body == doc(para("first"))
    history = lib.briefs.revisions(brief.id)
    assert [r.note for r in history] == [
        "before restoring the version of 2026-01-01 09:00",
        "first draft",
    ]
    assert lib.briefs.revision(history[0].id).body == doc(para("second"))
    lib.close()


def test_cited_excerpts_walks_any_shape():
    body = {
        "blocks": [
            {"type": "citation", "excerpt": 3},
            {"x": [{"type": "citation", "excerpt": 1}]},
            {"type": "citation", "excerpt": "7"},
        ]
    }
    assert cited_excerpts(body) == [3, 1]
