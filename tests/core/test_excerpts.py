"""Excerpts: exact spans of the body, graded, found again."""

import pytest

from briefer.core.errors import InUse, InvalidInput, NotFound

BODY = "ERBIL - The strikes were “efforts to degrade”.\n\nSecond paragraph here. سلام عليكم"


def test_span_must_hold_the_given_text(library, add_source):
    src = add_source("S", body=BODY)
    start = BODY.index("efforts")
    ex = library.excerpts.add(src.id, start, start + 18, text="efforts to degrade", credibility=2)
    # The source is ungraded: "?" where its letter goes.
    assert (ex.text, ex.start, ex.end, ex.grade) == ("efforts to degrade", start, start + 18, "?2")
    assert ex.locator == "para. 1"
    with pytest.raises(InvalidInput, match=f"not found at {start}:{start + 5}"):
        library.excerpts.add(src.id, start, start + 5, text="strikes")
    with pytest.raises(InvalidInput, match="outside source"):
        library.excerpts.add(src.id, 10, 10_000)
    with pytest.raises(InvalidInput, match="outside source"):
        library.excerpts.add(src.id, 5, 5)
    assert len(library.excerpts.list(source_id=src.id)) == 1


def test_quote_is_located_even_with_different_white_space(library, add_source):
    src = add_source("S", body=BODY)
    ex = library.excerpts.add_quote(src.id, "Second  paragraph\nhere.", comment="c", tags=["kurd"])
    assert ex.text == "Second paragraph here."
    assert ex.locator == "para. 2"
    assert ex.tags == ("kurd",)
    arabic = library.excerpts.add_quote(src.id, "سلام عليكم")
    assert BODY[arabic.start : arabic.end] == "سلام عليكم"
    with pytest.raises(InvalidInput, match="not found in source"):
        library.excerpts.add_quote(src.id, "not in the text")


def test_credibility_is_one_to_six(library, add_source):
    src = add_source("S", body=BODY)
    for bad in (0, 7, "x"):
        with pytest.raises(InvalidInput, match="credibility"):
            library.excerpts.add(src.id, 0, 5, credibility=bad)
    ex = library.excerpts.add(src.id, 0, 5)
    assert ex.credibility == 6
    library.sources.set_reliability(src.id, "B")
    assert library.excerpts.update(ex.id, credibility=2, comment="firm").grade == "B2"


def test_list_by_tag_and_by_ids_in_order(library, add_source):
    src = add_source("S", body=BODY)
    a = library.excerpts.add(src.id, 0, 5, tags=["x"])
    b = library.excerpts.add(src.id, 8, 15)
    library.tags.tag_excerpts([b.id], ["X"])
    assert [e.id for e in library.excerpts.list(tag="x")] == [a.id, b.id]
    assert [e.id for e in library.excerpts.list(ids=[b.id, a.id])] == [b.id, a.id]


def test_cited_excerpt_cannot_be_deleted(library, add_source):
    src = add_source("S", body=BODY)
    ex = library.excerpts.add(src.id, 0, 5)
    library.briefs.create("Brief A", body=_cites(ex.id))
    with pytest.raises(InUse, match="“Brief A”"):
        library.excerpts.delete(ex.id)
    other = library.excerpts.add(src.id, 8, 15)
    library.excerpts.delete(other.id)
    with pytest.raises(NotFound):
        library.excerpts.get(other.id)


def test_deleted_excerpt_comes_back_with_tags(library, add_source):
    src = add_source("S", body=BODY)
    ex = library.excerpts.add(src.id, 0, 5, credibility=2, comment="c", tags=["a", "b"])
    deleted = library.excerpts.delete(ex.id)
    assert library.excerpts.list(source_id=src.id) == []
    back = library.excerpts.restore(deleted)
    assert back == library.excerpts.get(ex.id)
    assert (back.text, back.credibility, back.comment, back.tags) == ("ERBIL", 2, "c", ("a", "b"))


def _cites(*ids):
    content = [{"type": "citation", "excerpt": i} for i in ids]
    return {"blocks": [{"type": "paragraph", "content": content}]}
