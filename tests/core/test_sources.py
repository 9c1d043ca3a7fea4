"""Sources: adding, listing, editing, duplicates, provenance, deletion."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm.exc import DetachedInstanceError  # noqa: F401  (documented risk)

from briefer.core.errors import Duplicate, InUse, InvalidInput, NotFound
from briefer.core.records import NewSource, OriginalFile, SourceDetail, SourceSummary


def test_add_returns_plain_data_usable_after_the_session(library):
    src = library.sources.add(
        NewSource(
            title="  Strikes\x00 in Iraq ",
            body="First para.\r\n\r\nSecond\x07 para.",
            outlet="Rudaw",
            authors=("Azhi Rasul", " "),
            published=date(2024, 2, 9),
            published_precision="day",
            published_alternatives=(date(2024, 2, 9), date(2024, 9, 2)),
            published_text="09-02-2024",
            url="HTTPS://Example.com/a/?utm_source=x&id=3#top",
            tags=("Iraq", "iraq", "US"),
            original=OriginalFile(b"raw bytes", "a.txt", "text/plain"),
        )
    )
    assert isinstance(src, SourceDetail)
    assert src.title == "Strikes in Iraq"
    assert src.body == "First para.\n\nSecond para."
    assert src.authors == ("Azhi Rasul",)
    # Stored as given but for tracking parameters and fragment: the trailing slash stays.
    assert src.url == "https://example.com/a/?id=3"
    assert src.tags == ("Iraq", "US")
    assert src.reliability is None  # ungraded until the analyst judges it
    assert src.published_alternatives == (date(2024, 2, 9), date(2024, 9, 2))
    assert src.accessed == src.created.date()
    assert src.created.tzinfo is not None
    again = library.sources.get(src.id)
    assert again == src


def test_original_bytes_are_kept_compressed_with_their_hash(library):
    data = ("<html>" + "x" * 10_000 + "</html>").encode()
    src = library.sources.add(
        NewSource(title="T", body="b", original=OriginalFile(data, "page.html", "text/html"))
    )
    original = library.sources.original(src.id)
    assert original.data == data
    assert original.size == len(data)
    assert original.filename == "page.html"
    import hashlib

    assert original.sha256 == hashlib.sha256(data).hexdigest()
    with library.read_session() as session:
        stored = (
            session.connection()
            .exec_driver_sql(
                "SELECT length(data) FROM source_original WHERE source_id = ?", (src.id,)
            )
            .scalar()
        )
    assert stored < len(data) / 10


def test_duplicates_by_url_and_by_normalized_body(library, add_source):
    first = add_source("One", body="Same   words.\n\nHere", url="https://e.com/a")
    with pytest.raises(Duplicate) as err:
        add_source("Two", body="different", url="https://e.com/a/?utm_medium=mail")
    assert err.value.existing_id == first.id
    assert f"already in the library as source {first.id}" in str(err.value)
    with pytest.raises(Duplicate):
        add_source("Three", body="same WORDS.\nhere")
    assert library.sources.count() == 1
    assert library.sources.find_duplicate(body="SAME words. here") == first.id


@pytest.mark.parametrize(
    "fields, field_name",
    [
        ({"title": "  "}, "title"),
        ({"body": " \n "}, "body"),
        ({"reliability": "G"}, "reliability"),
        ({"published_precision": "week"}, "published precision"),
    ],
)
def test_bad_fields_are_refused_naming_the_field(library, fields, field_name):
    new = {"title": "T", "body": "b", **fields}
    with pytest.raises(InvalidInput, match=field_name):
        library.sources.add(NewSource(**new))
    assert library.sources.count() == 0


def test_list_pages_sorts_and_filters_without_bodies(library, add_source):
    for n in range(5):
        add_source(
            f"Title {n}", outlet="Rudaw" if n % 2 else "Reuters", tags=("odd",) if n % 2 else ()
        )
    page = library.sources.list(order="title", descending=True, limit=2, offset=1)
    assert [s.title for s in page] == ["Title 3", "Title 2"]
    assert all(type(s) is SourceSummary for s in page)
    assert [s.title for s in library.sources.list(tag="ODD")] == ["Title 1", "Title 3"]
    assert library.sources.count(outlet="rudaw") == 2
    assert library.sources.outlets() == ["Reuters", "Rudaw"]


def test_update_and_grade(library, add_source):
    src = add_source("Old")
    updated = library.sources.update(
        src.id, title="New", authors="Jane Roe", published="2024-03-01"
    )
    assert (updated.title, updated.authors, updated.published) == (
        "New",
        ("Jane Roe",),
        date(2024, 3, 1),
    )
    assert library.sources.set_reliability(src.id, "b").reliability == "B"
    with pytest.raises(InvalidInput, match="reliability"):
        library.sources.set_reliability(src.id, "Z")
    with pytest.raises(InvalidInput, match="cannot edit body_sha256"):
        library.sources.update(src.id, body_sha256="x")
    with pytest.raises(NotFound, match="no source 999"):
        library.sources.set_reliability(999, "A")


def test_resolving_an_ambiguous_date_keeps_both_readings(library, add_source):
    src = add_source(
        "Ambiguous",
        published=date(2024, 2, 9),
        published_ambiguous=True,
        published_alternatives=(date(2024, 2, 9), date(2024, 9, 2)),
    )
    done = library.sources.resolve_date(src.id, date(2024, 9, 2))
    assert done.published == date(2024, 9, 2)
    assert not done.published_ambiguous
    assert done.published_alternatives == (date(2024, 2, 9), date(2024, 9, 2))
    with pytest.raises(InvalidInput, match="not one of the readings"):
        library.sources.resolve_date(src.id, date(2024, 1, 1))


def test_editing_the_body_reanchors_or_flags_excerpts(library, add_source):
    src = add_source("Body", body="Alpha beta gamma.\n\nDelta epsilon.")
    moved = library.excerpts.add_quote(src.id, "Delta epsilon")
    gone = library.excerpts.add_quote(src.id, "beta gamma")
    library.sources.update(src.id, body="New intro.\n\nAlpha.\n\nDelta epsilon.")
    moved_after = library.excerpts.get(moved.id)
    assert moved_after.anchor == "reanchored"
    body = library.sources.get(src.id).body
    assert body[moved_after.start : moved_after.end] == "Delta epsilon"
    assert library.excerpts.get(gone.id).anchor == "lost"
    assert library.check().ok


def test_delete_cascades_to_excerpts_unless_cited(library, add_source):
    src = add_source("Cited")
    ex = library.excerpts.add(src.id, 0, 4)
    brief = library.briefs.create("Weekly update", body=_cites(ex.id))
    library.briefs.create("Other", body=_cites(ex.id))
    with pytest.raises(InUse) as err:
        library.sources.delete(src.id)
    assert "“Weekly update” (brief 1)" in str(err.value)
    assert "“Other” (brief 2)" in str(err.value)
    assert library.sources.count() == 1
    library.briefs.save_body(brief.id, _cites())
    library.briefs.delete(2)
    library.sources.delete(src.id)
    assert library.sources.count() == 0
    with pytest.raises(NotFound):
        library.excerpts.get(ex.id)
    assert library.search("Cited") == []


def test_list_and_count_with_filters(library, add_source):
    from briefer.core.records import SearchFilters

    add_source("Old", published=date(2023, 5, 1), reliability="A", tags=("t",))
    add_source("New", published=date(2024, 5, 1), reliability="C", outlet="Rudaw")
    add_source("Undated", reliability="A")
    window = SearchFilters(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))
    assert [s.title for s in library.sources.list(filters=window)] == ["New"]
    graded = SearchFilters(reliability=("a",))
    assert [s.title for s in library.sources.list(filters=graded, order="title")] == [
        "Old",
        "Undated",
    ]
    assert library.sources.count(filters=SearchFilters(tag="T", reliability=("A",))) == 1
    assert library.sources.count(filters=SearchFilters(outlet="rudaw")) == 1


def test_ungraded_is_not_f(library, add_source):
    """Issue 10: a source nobody graded is told apart from one graded F."""
    from briefer.core.records import SearchFilters

    fresh = add_source("Nobody graded this")
    judged = add_source("Cannot be judged", reliability="F")
    assert (fresh.reliability, judged.reliability) == (None, "F")
    ungraded = SearchFilters(reliability=("ungraded",))
    assert [s.title for s in library.sources.list(filters=ungraded)] == ["Nobody graded this"]
    only_f = SearchFilters(reliability=("F",))
    assert [s.title for s in library.sources.list(filters=only_f)] == ["Cannot be judged"]
    both = SearchFilters(reliability=("F", "ungraded"))
    assert library.sources.count(filters=both) == 2
    assert library.search("graded", filters=ungraded)[0].source_id == fresh.id
    assert library.search("judged", filters=ungraded) == []
    # Grading and ungrading again.
    assert library.sources.set_reliability(fresh.id, "C").reliability == "C"
    assert library.sources.set_reliability(fresh.id, "ungraded").reliability is None
    assert library.sources.update(judged.id, reliability="").reliability is None
    excerpt = library.excerpts.add(fresh.id, 0, 6, credibility=2)
    assert excerpt.grade == "?2"
    saved = library.searches.save("Ungraded", "", ungraded)
    assert saved.filters.reliability == ("ungraded",)


def test_deleted_source_comes_back_whole(library, add_source):
    src = library.sources.add(
        NewSource(
            title="Whole",
            body="Alpha beta gamma.",
            tags=("keep",),
            original=OriginalFile(b"orig", "w.txt", "text/plain"),
        )
    )
    ex = library.excerpts.add(src.id, 6, 10, credibility=3, tags=["ex-tag"])
    deleted = library.sources.delete(src.id)
    assert library.sources.count() == 0
    back = library.sources.restore(deleted)
    assert back.id == src.id and back.tags == ("keep",) and back.body == src.body
    assert library.sources.original(src.id).data == b"orig"
    (ex_back,) = library.excerpts.list(source_id=src.id)
    assert (ex_back.id, ex_back.text, ex_back.credibility, ex_back.tags) == (
        ex.id,
        "beta",
        3,
        ("ex-tag",),
    )
    assert library.search("gamma")[0].source_id == src.id
    assert library.check().ok


def test_restore_refuses_a_reimported_duplicate(library, add_source):
    src = add_source("Twice", body="Same body.")
    deleted = library.sources.delete(src.id)
    again = add_source("Twice", body="Same body.")
    with pytest.raises(Duplicate, match=f"source {again.id}"):
        library.sources.restore(deleted)


def _cites(*ids):
    content = [{"type": "citation", "excerpt": i} for i in ids]
    return {"blocks": [{"type": "paragraph", "content": content}]}


def test_add_many_commits_the_good_and_reports_the_refused(library, add_source):
    existing = add_source("Already here", body="Old body.")
    items = [
        NewSource(title="One", body="First new body.", tags=("batch",)),
        NewSource(title="Dup", body="old BODY."),
        NewSource(title=" ", body="No title."),
        NewSource(title="Two", body="Second new body.", original=OriginalFile(b"x", "two.txt")),
        NewSource(title="Same as one", body="First new body."),
    ]
    outcomes = library.sources.add_many(items)
    assert [type(o).__name__ for o in outcomes] == [
        "SourceDetail", "Duplicate", "InvalidInput", "SourceDetail", "Duplicate",
    ]  # fmt: skip
    assert outcomes[1].existing_id == existing.id
    assert outcomes[4].existing_id == outcomes[0].id
    assert sorted(s.title for s in library.sources.list()) == ["Already here", "One", "Two"]
    assert library.sources.get(outcomes[0].id).tags == ("batch",)
    assert library.sources.original(outcomes[3].id).data == b"x"
    assert library.check().ok


def test_list_by_ids(library, add_source):
    a, b, c = add_source("A"), add_source("B"), add_source("C")
    assert [s.id for s in library.sources.list(ids=[c.id, a.id])] == [a.id, c.id]
    assert library.sources.list(ids=[]) == []
    assert [s.title for s in library.sources.list(ids=[b.id, 999])] == ["B"]


def test_url_is_stored_as_given_and_its_key_finds_duplicates(library, add_source):
    first = add_source("One", body="first body", url="https://e.com/news/water-talks/")
    assert library.sources.get(first.id).url == "https://e.com/news/water-talks/"
    for same in (
        "https://e.com/news/water-talks",
        "HTTPS://E.com/news/water-talks/#x",
        "https://e.com/news/water-talks/?utm_source=feed",
    ):
        assert library.sources.find_duplicate(url=same) == first.id
        with pytest.raises(Duplicate):
            add_source("Two", body=f"other body {same}", url=same)
    other = add_source("Three", body="third body", url="https://e.com/news/water")
    assert other.url == "https://e.com/news/water"
    with pytest.raises(Duplicate):
        library.sources.update(other.id, url="https://e.com/news/water-talks")
    assert (
        library.sources.update(first.id, url="https://e.com/news/water-talks/").url
        == "https://e.com/news/water-talks/"
    )
