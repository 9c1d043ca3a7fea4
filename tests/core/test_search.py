"""Search: any typed string is safe, deliberate syntax works, filters apply."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.core.library import Library
from briefer.core.records import NewSource, SearchFilters
from briefer.core.search import build_match_query

BODIES = {
    "covid": "Cases of covid-19 rose, said Dr O'Brien of the U.S. health service by e-mail.",
    "strike": "The strikes hit 85 targets. A striking result; the striker fled.",
    "phrase": "He called for the exact phrase here, not a phrase that is exact.",
    "arabic": "قالت الحكومة العراقية إن الضربات الأمريكية انتهاك للسيادة",
    "operators": "The words NEAR and AND and OR appear as plain words (really).",
}


@pytest.fixture(scope="module")
def searchable(tmp_path_factory):
    lib = Library.open(tmp_path_factory.mktemp("search") / "s.briefer")
    ids = {}
    for n, (key, body) in enumerate(BODIES.items()):
        src = lib.sources.add(
            NewSource(
                title=f"{key.title()} story",
                body=body,
                outlet="Rudaw" if n % 2 else "Reuters",
                published=date(2024, 1, 1 + n),
                published_precision="day",
                reliability="ABCDE"[n],
                tags=("even",) if n % 2 == 0 else (),
            )
        )
        ids[key] = src.id
    yield lib, ids
    lib.close()


def found(lib, query, **kw):
    return [(h.kind, h.source_id) for h in lib.search(query, **kw)]


@pytest.mark.parametrize(
    "query, key",
    [
        ("covid-19", "covid"),
        ("O'Brien", "covid"),
        ("U.S.", "covid"),
        ("e-mail", "covid"),
        ("NEAR(", "operators"),
        ("AND", "operators"),
        ("(really)", "operators"),
        ("strik*", "strike"),
        ('"exact phrase"', "phrase"),
        ("الضربات", "arabic"),
        ("العراقيه", None),  # a different word: nothing
    ],
)
def test_literal_text_is_found(searchable, query, key):
    lib, ids = searchable
    sources = {sid for kind, sid in found(lib, query) if kind == "source"}
    assert sources == ({ids[key]} if key else set())


def test_prefix_needs_the_star_and_phrase_keeps_order(searchable):
    lib, ids = searchable
    assert found(lib, "strik") == []
    assert {sid for _, sid in found(lib, "strik*")} == {ids["strike"]}
    assert found(lib, '"phrase exact"') == []


def test_arabic_with_diacritics_finds_the_bare_word(searchable):
    lib, ids = searchable
    assert {sid for _, sid in found(lib, "الضَّرَبات")} == {ids["arabic"]}


@pytest.mark.parametrize(
    "query", ['"', "*", "", "   ", "\x00", "NEAR(", ")", "-", '""', "AND OR NOT"]
)
def test_odd_queries_never_raise(searchable, query):
    lib, _ = searchable
    lib.search(query)


def test_title_outranks_body(searchable):
    lib, _ = searchable
    src = lib.sources.add(NewSource(title="Covid update", body="Nothing about it at all."))
    try:
        hits = lib.search("covid", kinds=("source",))
        assert hits[0].source_id == src.id
    finally:
        lib.sources.delete(src.id)


def test_snippet_highlights_the_match(searchable):
    lib, _ = searchable
    (hit,) = lib.search("targets")
    start, end = hit.highlights[0]
    assert hit.snippet[start:end] == "targets"
    assert hit.kind == "source" and hit.title == "Strike story"


def test_filters(searchable):
    lib, ids = searchable
    # "the" stands in every English body.
    english = {ids[k] for k in ("covid", "strike", "phrase", "operators")}
    assert {s for _, s in found(lib, "the")} == english
    assert {s for _, s in found(lib, "the", filters=SearchFilters(outlet="rudaw"))} == {
        ids["strike"]
    }
    assert {s for _, s in found(lib, "the", filters=SearchFilters(tag="EVEN"))} == {
        ids["covid"],
        ids["phrase"],
        ids["operators"],
    }
    window = SearchFilters(date_from=date(2024, 1, 2), date_to=date(2024, 1, 3))
    assert {s for _, s in found(lib, "the", filters=window)} == {ids["strike"], ids["phrase"]}
    assert found(lib, "the", filters=SearchFilters(reliability=("E", "D"))) == [
        ("source", ids["operators"])
    ]
    # Operator words are literal: "OR" must stand in the text, so only one body matches.
    assert {s for _, s in found(lib, "the OR words")} == {ids["operators"]}


def test_excerpt_hits_and_excerpt_filters(searchable):
    lib, ids = searchable
    ex = lib.excerpts.add_quote(ids["strike"], "85 targets", credibility=2, comment="count")
    try:
        hits = lib.search("targets")
        assert ("excerpt", ids["strike"]) in [(h.kind, h.source_id) for h in hits]
        assert lib.search("count", kinds=("excerpt",))[0].id == ex.id
        assert (
            lib.search("targets", kinds=("excerpt",), filters=SearchFilters(credibility=(5,))) == []
        )
        assert lib.search("targets", kinds=("excerpt",), filters=SearchFilters(credibility=(2,)))
    finally:
        lib.excerpts.delete(ex.id)


def test_match_query_quotes_everything():
    assert build_match_query('say "hi there" strik* NEAR(') == '"say" "hi there" "strik"* "NEAR("'
    assert build_match_query('a"b') == '"a""b"'
    assert build_match_query('" * ( ') is None


@settings(
    max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40))
def test_any_string_is_a_valid_query(searchable, query):
    lib, _ = searchable
    lib.search(query, limit=5)


@pytest.mark.parametrize(
    "query, body, marked",
    [
        ("targets", "The strikes hit 85 targets today.", ["targets"]),
        ("strik*", "The strikes hit; a striking result.", ["strikes", "striking"]),
        # Whitespace is collapsed in snippets.
        ('"exact phrase"', "not exact. the exact  phrase here", ["exact phrase"]),
        ("covid-19", "Cases of COVID-19 rose.", ["COVID-19"]),
        ("cafe", "Le Café de Flore.", ["Café"]),
        ("NEAR(", "the words NEAR and AND", ["NEAR"]),
    ],
)
def test_snippets_mark_what_the_index_matched(tmp_path, query, body, marked):
    from briefer.core.search import parse_query
    from briefer.core.snippets import compile_terms, make_snippet

    pattern = compile_terms(tuple(t for g in parse_query(query) for t in g))
    snippet, spans = make_snippet(pattern, [body])
    assert [snippet[a:b] for a, b in spans] == marked


def test_snippet_is_a_window_around_the_first_match():
    from briefer.core.search import parse_query
    from briefer.core.snippets import SNIPPET_WORDS, compile_terms, make_snippet

    words = [f"w{n}" for n in range(200)]
    words[120] = "needle"
    pattern = compile_terms(tuple(t for g in parse_query("needle") for t in g))
    snippet, spans = make_snippet(pattern, ["", " ".join(words), "needle in the title"])
    assert snippet.startswith("…w114 ") and snippet.endswith("…")
    assert len(snippet.strip("…").split()) == SNIPPET_WORDS
    assert [snippet[a:b] for a, b in spans] == ["needle"]


def test_an_unselective_word_ranks_its_newest_matches(tmp_path, monkeypatch):
    from briefer.core import search

    lib = Library.open(tmp_path / "cap.briefer")
    try:
        ids = [
            lib.sources.add(
                NewSource(
                    title=f"Story {n}",
                    body=f"{'common word ' * (1 + n % 3)} number {n}",
                    outlet="X" if n == 2 else "Y",
                )
            ).id
            for n in range(30)
        ]
        monkeypatch.setattr(search, "RANKED_CANDIDATES", 5)
        hits = lib.search("common", kinds=("source",), limit=3)
        assert len(hits) == 3 and {h.source_id for h in hits} <= set(ids[-5:])
        # A filter that leaves too few among the newest: every match is ranked.
        (hit,) = lib.search("common", kinds=("source",), filters=SearchFilters(outlet="X"))
        assert hit.source_id == ids[2]
        monkeypatch.setattr(search, "RANKED_CANDIDATES", 1_000)
        assert len(lib.search("common", kinds=("source",), limit=50)) == 30
    finally:
        lib.close()


def test_a_filter_leaving_few_among_the_newest_ranks_them_with_the_older(tmp_path, monkeypatch):
    """The rows above the cap that pass the filter are merged with the older ones:
    the same hits, in the same order, as ranking every match (issue 16)."""
    from briefer.core import search

    lib = Library.open(tmp_path / "merge.briefer")
    try:
        for n in range(30):
            lib.sources.add(
                NewSource(
                    title=f"Story {n}",
                    body=f"{'common word ' * (1 + n % 4)} number {n}",
                    outlet="X" if n % 7 == 0 else "Y",
                )
            )
        x = SearchFilters(outlet="X")

        def found():
            return [h.id for h in lib.search("common", kinds=("source",), filters=x)]

        monkeypatch.setattr(search, "RANKED_CANDIDATES", 1_000)
        every = found()
        monkeypatch.setattr(search, "RANKED_CANDIDATES", 5)
        assert len(every) == 5 and found() == every
    finally:
        lib.close()


def test_snippets_past_the_first_screen_are_made_when_read(tmp_path, monkeypatch):
    """A keystroke's 200 hits carry their texts; the snippets of the first screen are
    made with the search, the others when first read, with the same values (issue 16)."""
    from briefer.core import search, snippets

    lib = Library.open(tmp_path / "lazy.briefer")
    try:
        for n in range(12):
            lib.sources.add(NewSource(title=f"Story {n}", body=f"Before {n} the Mosul dam holds."))
        monkeypatch.setattr(search, "SNIPPETS_FIRST", 5)
        made = []
        real = snippets.make_snippet
        monkeypatch.setattr(search, "make_snippet", lambda p, t: made.append(t) or real(p, t))
        hits = lib.search("mosul", kinds=("source",))
        assert len(hits) == 12 and len(made) == 5
        late = hits[9]
        assert late.snippet.endswith("the Mosul dam holds.") and len(made) == 6
        assert [late.snippet[a:b] for a, b in late.highlights] == ["Mosul"] and len(made) == 6
        pattern = snippets.compile_terms(tuple(t for g in search.parse_query("mosul") for t in g))
        body = lib.sources.get(late.source_id).body
        assert (late.snippet, late.highlights) == real(pattern, [body])
        assert late == late and late.title.startswith("Story")
    finally:
        lib.close()


def test_the_first_hits_are_read_with_the_search_and_the_rest_when_asked(tmp_path):
    """A keystroke's search ranks 200 and reads the first screen's hits; more_hits
    reads the others later, the same hits a full search returns, less any deleted
    since (issue 16)."""
    with Library.open(tmp_path / "more.briefer") as lib:
        made = [
            lib.sources.add(NewSource(title=f"Dam report {n}", body=f"The Mosul dam {n}."))
            for n in range(30)
        ]
        for source in made[:10]:
            lib.excerpts.add(source.id, 4, 14)  # "Mosul dam"
        every = lib.search("mosul", limit=200)
        assert len(every) == 40
        results = lib.search_results("mosul", limit=200, first=12)
        assert results.total == 40 and results.read == 12
        assert list(results.hits) == every[:12]
        assert results.ids("excerpt") == [h.id for h in every if h.kind == "excerpt"]
        assert lib.more_hits(results, 12, 20) == every[12:32]
        assert lib.more_hits(results, 32, 64) == every[32:]
        assert lib.more_hits(results, 40, 64) == []
        # A match deleted since the search is left out; the others still come.
        bare = {s.id for s in made[10:]}  # sources without excerpts
        gone = next(h for h in every[12:] if h.kind == "source" and h.id in bare)
        lib.sources.delete(gone.id)
        later = lib.more_hits(results, 12, 64)
        assert later == [h for h in every[12:] if h != gone]
        assert all(h.snippet for h in later)


def test_a_search_reads_in_one_transaction_and_releases_it(tmp_path):
    """Library.search runs on a pooled sqlite3 connection of its own read transaction
    (storage.read_transaction), with the library's pragmas, and hands it back without
    a snapshot: a checkpoint after it moves the whole -wal (issue 16)."""
    from briefer.core import storage

    with Library.open(tmp_path / "tx.briefer") as lib:
        lib.sources.add(NewSource(title="Dam", body="The Mosul dam holds."))
        with storage.read_transaction(lib._read_engine) as conn:
            assert conn.in_transaction
            assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
            assert conn.execute("PRAGMA busy_timeout").fetchone() == (5000,)
            assert conn.execute("PRAGMA cache_size").fetchone() == (-storage.CACHE_KIB,)
        assert not conn.in_transaction
        assert [h.title for h in lib.search("mosul")] == ["Dam"]
        assert lib.checkpoint()
        with (
            pytest.raises(Exception, match="no such table"),
            storage.read_transaction(lib._read_engine) as conn,
        ):
            conn.execute("SELECT * FROM nothing_here")
        assert not conn.in_transaction


def test_a_table_of_few_rows_is_ranked_without_the_walk(tmp_path, monkeypatch):
    """The newest-first walk finds the cap's floor; a table holding no more rows than
    the cap has none, and is ranked whole at once (issue 16)."""
    from briefer.core import search, storage

    with Library.open(tmp_path / "few.briefer") as lib:
        ids = [
            lib.sources.add(NewSource(title=f"Story {n}", body=f"common word {n}")).id
            for n in range(12)
        ]
        lib.sources.delete(ids[0])
        with storage.read_transaction(lib._read_engine) as conn:
            assert search._indexed_rows(conn, "source_fts") == 11
            assert search._indexed_rows(conn, "excerpt_fts") == 0
        statements: list[str] = []
        execute = search._execute
        monkeypatch.setattr(
            search, "_execute", lambda c, sql, p: statements.append(sql) or execute(c, sql, p)
        )
        found = {h.source_id for h in lib.search("common", kinds=("source",))}
        assert found == set(ids[1:]) and not any("OFFSET" in s for s in statements)
        monkeypatch.setattr(search, "RANKED_CANDIDATES", 5)
        newest = {h.source_id for h in lib.search("common", kinds=("source",))}
        assert newest == set(ids[-5:]) and any("OFFSET" in s for s in statements)


def test_snippet_patterns_spell_out_both_cases():
    """Snippet patterns are compiled without re.IGNORECASE (2-3x faster to scan a
    text); each letter's class matches exactly what the case-blind class did, in the
    whole Basic Multilingual Plane (issue 16)."""
    import re

    from briefer.core import snippets
    from briefer.core.search import parse_query

    for ch in "kKsiIßσé":
        blind = re.compile(
            snippets._variants().get(snippets._base(ch).lower(), re.escape(ch)), re.IGNORECASE
        )
        spelled = re.compile(snippets._char_pattern(ch))
        differ = [
            hex(code)
            for code in range(0x10000)
            if bool(blind.fullmatch(chr(code))) != bool(spelled.fullmatch(chr(code)))
        ]
        assert not differ, ch
    cased = [c for c in range(0x10000) if chr(c).lower() != chr(c) or chr(c).upper() != chr(c)]
    assert all(any(a <= c < b for a, b in snippets.CASED_BLOCKS) for c in cased)
    pattern = snippets.compile_terms(tuple(t for g in parse_query("king said") for t in g))
    assert pattern is not None and not pattern.flags & re.IGNORECASE
    snippet, spans = snippets.make_snippet(pattern, ["The \u212aING ſaid: Kíng SAID so."])
    assert [snippet[a:b] for a, b in spans] == ["\u212aING", "ſaid", "Kíng", "SAID"]


def test_an_index_entry_without_its_row_is_left_out(tmp_path):
    """A search index out of step with its table (a damaged file, before `briefer
    check` rebuilds it) lists a rowid that has no row: the search leaves it out."""
    import sqlite3

    path = tmp_path / "ghost.briefer"
    with Library.open(path) as lib:
        kept = lib.sources.add(NewSource(title="Real", body="ghost story")).id
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO source_fts (rowid, title, outlet, authors, body) "
        "VALUES (999, 'Ghost', '', '[]', 'ghost town')"
    )
    conn.commit()
    conn.close()
    with Library.open(path) as lib:
        assert [h.id for h in lib.search("ghost", kinds=("source",))] == [kept]
