"""Tags: case-insensitive names, counts, rename, merge, recolour, delete."""

import pytest

from briefer.core.errors import InvalidInput, NotFound


def test_names_are_unique_case_insensitively(library, add_source):
    a, b = add_source("A"), add_source("B")
    library.tags.tag_sources([a.id, b.id], ["Iraq"])
    library.tags.tag_sources([a.id], ["IRAQ", "Ésta"])
    tags = {t.name: t for t in library.tags.list()}
    assert set(tags) == {"Iraq", "Ésta"}
    assert tags["Iraq"].source_count == 2
    assert library.sources.get(a.id).tags == ("Iraq", "Ésta")
    library.tags.tag_sources([b.id], ["ÉSTA"])
    assert library.tags.get("ésta").source_count == 2


def test_rename_merge_recolor_delete(library, add_source):
    src = add_source("A")
    ex = library.excerpts.add(src.id, 0, 4)
    library.tags.tag_sources([src.id], ["PMF", "Hashd"])
    library.tags.tag_excerpts([ex.id], ["Hashd"])
    with pytest.raises(InvalidInput, match="merge"):
        library.tags.rename("Hashd", "pmf")
    merged = library.tags.merge(["Hashd"], into="PMF")
    assert (merged.source_count, merged.excerpt_count) == (1, 1)
    assert [t.name for t in library.tags.list()] == ["PMF"]
    assert library.tags.rename("PMF", "Popular Mobilization").name == "Popular Mobilization"
    assert library.tags.recolor("popular mobilization", "#AA3300").color == "#aa3300"
    with pytest.raises(InvalidInput, match="colour"):
        library.tags.recolor("Popular Mobilization", "red")
    library.tags.delete("Popular Mobilization")
    assert library.tags.list() == []
    assert library.sources.get(src.id).tags == ()
    with pytest.raises(NotFound):
        library.tags.delete("nothing")


def test_untag_and_bad_names(library, add_source):
    src = add_source("A")
    library.tags.tag_sources([src.id], ["a", "b"])
    library.tags.untag_sources([src.id], ["A"])
    assert library.sources.get(src.id).tags == ("b",)
    with pytest.raises(InvalidInput, match="must not be empty"):
        library.tags.tag_sources([src.id], ["  "])
    with pytest.raises(NotFound, match="no source 42"):
        library.tags.tag_sources([42], ["x"])
    assert "x" not in {t.name for t in library.tags.list()}


def test_deleted_tag_comes_back_on_its_items(library, add_source):
    a, b = add_source("A"), add_source("B")
    ex = library.excerpts.add(a.id, 0, 4)
    library.tags.tag_sources([a.id, b.id], ["Iraq"])
    library.tags.tag_excerpts([ex.id], ["Iraq"])
    library.tags.recolor("Iraq", "#123456")
    deleted = library.tags.delete("Iraq")
    assert library.sources.get(a.id).tags == ()
    back = library.tags.restore(deleted)
    assert (back.name, back.color, back.source_count, back.excerpt_count) == (
        "Iraq",
        "#123456",
        2,
        1,
    )
