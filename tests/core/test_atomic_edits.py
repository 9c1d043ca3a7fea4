"""Edits the window makes in one step are one transaction in core (issue 12)."""

import pytest

from briefer.core.errors import InUse, InvalidInput

BODY = "ERBIL - The strikes were “efforts to degrade”.\n\nSecond paragraph here."


def test_editing_an_excerpt_is_one_transaction(library, add_source):
    src = add_source("S", body=BODY)
    ex = library.excerpts.add(src.id, 0, 5, tags=["old", "kept"])
    before = library.write_count
    edited = library.excerpts.edit(
        ex.id, credibility=2, comment="checked", speaker="Ali", tags=["Kept", "new"]
    )
    assert library.write_count == before + 1
    assert (edited.credibility, edited.comment, edited.speaker) == (2, "checked", "Ali")
    assert edited.tags == ("kept", "new")
    assert library.excerpts.get(ex.id).tags == ("kept", "new")


def test_a_refused_excerpt_edit_changes_nothing(library, add_source):
    src = add_source("S", body=BODY)
    ex = library.excerpts.add(src.id, 0, 5, comment="before", tags=["old"])
    with pytest.raises(InvalidInput):
        library.excerpts.edit(ex.id, credibility=2, comment="x", speaker="", tags=["", "  "])
    kept = library.excerpts.get(ex.id)
    assert (kept.comment, kept.tags, kept.credibility) == ("before", ("old",), 6)


def test_deleting_excerpts_is_all_or_nothing_and_one_transaction(library, add_source):
    src = add_source("S", body=BODY)
    first = library.excerpts.add(src.id, 0, 5, tags=["t"])
    second = library.excerpts.add(src.id, 8, 15)
    before = library.write_count
    deleted = library.excerpts.delete_many([first.id, second.id])
    assert library.write_count == before + 1
    assert library.excerpts.list(source_id=src.id) == []
    restored = library.excerpts.restore_many(deleted)
    assert [r.tags for r in restored] == [("t",), ()]
    assert library.write_count == before + 2

    cited = library.excerpts.list(source_id=src.id)[0]
    library.briefs.create(
        "Weekly",
        body={
            "blocks": [
                {"type": "paragraph", "content": [{"type": "citation", "excerpt": cited.id}]}
            ]
        },
    )
    with pytest.raises(InUse, match="Weekly"):
        library.excerpts.delete_many([e.id for e in library.excerpts.list(source_id=src.id)])
    assert len(library.excerpts.list(source_id=src.id)) == 2


def test_deleting_tags_is_one_transaction(library, add_source):
    add_source("S", tags=("a", "b", "c"))
    before = library.write_count
    deleted = library.tags.delete_many(["a", "b"])
    assert library.write_count == before + 1
    assert [t.name for t in library.tags.list()] == ["c"]
    assert [d.row["name"] for d in deleted] == ["a", "b"]
    library.tags.restore_many(deleted)
    assert library.write_count == before + 2
    assert [t.name for t in library.tags.list()] == ["a", "b", "c"]


def test_recolouring_tags_is_one_transaction(library, add_source):
    add_source("S", tags=("a", "b"))
    before = library.write_count
    library.tags.recolor_many(["a", "b"], "#112233")
    assert library.write_count == before + 1
    assert {t.color for t in library.tags.list()} == {"#112233"}
