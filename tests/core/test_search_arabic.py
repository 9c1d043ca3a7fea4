"""Arabic and Sorani search: proclitics, harakat and tatweel, on both sides (issue 11)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from briefer.core import search
from briefer.core.library import Library
from briefer.core.records import NewSource
from briefer.core.search import SearchCancelled, arabic_forms, build_match_query

DATA = Path(__file__).parents[1] / "data"

BODIES = {
    "article": "افتتح وزير النقل الجسر الجديد فوق نهر دجلة في بغداد",
    "bare": "عبر جسر قديم",
    "conj": "وبالجسر الحديدي مرت القوافل",
    "lil": "خطة للجسر الثالث",
    "harakat": "قَالَ المُحَافِظُ إِنَّ الجِسْرَ مُغْلَقٌ",
    "tatweel": "أغلقت الشرطة الجـــسر المعلق",
    "river": "مستوى مياه النهر منخفض",
    "sorani": "کۆبوونەوەیەک لە هەولێر بۆ پرۆژەی پردی نوێ",
    "sorani_tatweel": "هێرشێک لە نزیک هەولـێر",
    "english": "The bridge over the Tigris reopened in Baghdad.",
}


@pytest.fixture(scope="module")
def lib_ids(tmp_path_factory):
    lib = Library.open(tmp_path_factory.mktemp("arabic") / "a.briefer")
    ids = {k: lib.sources.add(NewSource(title=k, body=b)).id for k, b in BODIES.items()}
    yield lib, ids
    lib.close()


def sources(lib, query):
    return {h.source_id for h in lib.search(query, kinds=("source",))}


BRIDGE = {"article", "bare", "conj", "lil", "harakat", "tatweel"}


@pytest.mark.parametrize("query", ["جسر", "الجسر", "والجسر", "بالجسر", "للجسر", "فالجسر"])
def test_a_word_is_found_with_and_without_its_proclitics(lib_ids, query):
    lib, ids = lib_ids
    assert sources(lib, query) == {ids[k] for k in BRIDGE}


@pytest.mark.parametrize("query", ["الجِسْر", "جِسرٌ", "الجـسر", "جـــسر"])
def test_harakat_and_tatweel_in_the_query_are_ignored(lib_ids, query):
    lib, ids = lib_ids
    assert sources(lib, query) == {ids[k] for k in BRIDGE}


def test_harakat_in_the_text_are_ignored_and_the_snippet_marks_the_word(lib_ids):
    lib, ids = lib_ids
    assert ids["harakat"] in sources(lib, "المحافظ")
    (hit,) = [h for h in lib.search("مغلق", kinds=("source",)) if h.source_id == ids["harakat"]]
    start, end = hit.highlights[0]
    # The snippet shows the text as stored, harakat and all.
    assert hit.snippet[start:end] == "مُغْلَقٌ"
    (hit,) = lib.search("جسر", kinds=("source",), filters=None, limit=50)[:1] or [None]
    assert hit is not None and hit.highlights


def test_other_words_stay_apart(lib_ids):
    lib, ids = lib_ids
    assert sources(lib, "نهر") == {ids["article"], ids["river"]}  # النهر and نهر
    assert sources(lib, "جسور") == set()


def test_arabic_prefix_and_phrase(lib_ids):
    lib, ids = lib_ids
    assert sources(lib, "جس*") == {ids[k] for k in BRIDGE}
    assert sources(lib, '"الجسر الجديد"') == {ids["article"]}
    assert sources(lib, '"الجـسر المعلق"') == {ids["tatweel"]}


def test_sorani_words_are_found_and_keep_their_letters(lib_ids):
    lib, ids = lib_ids
    assert sources(lib, "هەولێر") == {ids["sorani"], ids["sorani_tatweel"]}
    assert sources(lib, "هەولـێر") == {ids["sorani"], ids["sorani_tatweel"]}
    assert sources(lib, "پرۆژەی") == {ids["sorani"]}
    # Kurdish letters mark a Kurdish word: no Arabic proclitics are guessed for it.
    assert arabic_forms("لەگەڵ") == ["لەگەڵ"]


def test_latin_search_is_unchanged(lib_ids):
    lib, ids = lib_ids
    assert sources(lib, "bridge") == {ids["english"]}
    assert sources(lib, "Tig*") == {ids["english"]}
    assert build_match_query('say "hi there" strik*') == '"say" "hi there" "strik"*'


def test_forms_cover_every_proclitic_sequence():
    forms = set(arabic_forms("جسر"))
    for clitic in ("", "و", "ف", "ب", "ك", "ل", "ال", "وال", "بال", "كال", "لل", "فلل", "وبال"):
        assert clitic + "جسر" in forms
    # A word that may hide a stem is searched both ways: بغداد stays, and is not lost.
    assert "بغداد" in arabic_forms("بغداد") and "وبغداد" in arabic_forms("بغداد")


def test_a_superseded_search_is_interrupted(lib_ids, monkeypatch):
    lib, ids = lib_ids
    monkeypatch.setattr(search, "PROGRESS_STEPS", 1)
    with pytest.raises(SearchCancelled):
        lib.search("جسر", cancelled=lambda: True)
    # The connection is left as it was: the next search runs to its end.
    assert sources(lib, "جسر") == {ids[k] for k in BRIDGE}
    assert lib.search("bridge", cancelled=lambda: False)


def test_the_v1_library_climbs_to_folded_prefix_indexes(tmp_path):
    """Text stored before format 7 is indexed again without its harakat and tatweel."""
    path = tmp_path / "old.briefer"
    shutil.copy(DATA / "library-v1.briefer", path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO source (title, body, body_sha256, normalized_sha256, created, modified) "
        "VALUES ('old', 'قَالَ إِنَّ الجِسْرَ والجـسر', 'x', 'x', '2024-01-01', '2024-01-01')"
    )
    conn.commit()
    conn.close()
    with Library.open(path) as lib:
        old = {s.id for s in lib.sources.list() if s.title == "old"}
        assert sources(lib, "جسر") == old
        assert lib.search("Pentagon")
        assert sources(lib, "Pe*")
        assert lib.check().ok
    conn = sqlite3.connect(path)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'source_fts'").fetchone()[0]
    conn.close()
    assert "prefix = '2 3'" in sql


def test_every_form_is_marked_in_the_snippet():
    from briefer.core.search import parse_query
    from briefer.core.snippets import compile_terms, make_snippet

    pattern = compile_terms(tuple(t for g in parse_query("جسر") for t in g))
    for form in arabic_forms("جسر"):
        snippet, spans = make_snippet(pattern, [f"قبل {form} بعد"])
        assert [snippet[a:b] for a, b in spans] == [form], form
    snippet, spans = make_snippet(pattern, ["قبل الجِسْرُ وجسور بعد"])
    assert [snippet[a:b] for a, b in spans] == ["الجِسْرُ"]


def test_only_the_forms_in_the_index_are_searched(lib_ids, monkeypatch):
    """An Arabic word's ~45 forms are cut to those the index holds (issue 16)."""
    lib, ids = lib_ids
    matches = []
    ranked = search._ranked
    monkeypatch.setattr(
        search,
        "_ranked",
        lambda s, kind, match, *a: matches.append(match) or ranked(s, kind, match, *a),
    )
    assert sources(lib, "بالجسر") == {ids[k] for k in BRIDGE}
    # The user's own form first, then the forms in the sources' texts; none other.
    assert matches == ['("بالجسر" OR "جسر" OR "الجسر" OR "للجسر" OR "وبالجسر")']
    matches.clear()
    assert sources(lib, "جسور") == set()
    assert matches == ['"جسور"']


def test_a_read_only_library_prunes_forms_too(tmp_path):
    path = tmp_path / "ro.briefer"
    with Library.open(path) as lib:
        ids = {k: lib.sources.add(NewSource(title=k, body=b)).id for k, b in BODIES.items()}
    with Library.open(path, read_only=True) as ro:
        found = {h.source_id for h in ro.search("والجسر", kinds=("source",))}
    assert found == {ids[k] for k in BRIDGE}


def _matched(monkeypatch) -> list[str]:
    """The MATCH expressions the searches after this call rank (source table)."""
    matches: list[str] = []
    ranked = search._ranked
    monkeypatch.setattr(
        search,
        "_ranked",
        lambda c, kind, match, *a: matches.append(match) or ranked(c, kind, match, *a),
    )
    return matches


def test_remembered_forms_are_those_the_index_holds(lib_ids):
    """The vocabulary cache answers as the lookups do, the first time and after."""
    lib, _ids = lib_ids
    words = sorted({f for w in ("جسر", "بغداد", "النهر") for f in arabic_forms(w)})
    cache = search.VocabularyCache()
    with lib.read_session() as session:
        conn = session.connection().connection.driver_connection
        for kind in ("source", "excerpt"):
            looked_up = search._vocabulary(conn, kind, words)
            assert cache.present(conn, kind, words) == looked_up
            assert cache.present(conn, kind, words[:7]) == looked_up & set(words[:7])
        assert search._vocabulary(conn, "source", words) >= {"الجسر", "جسر", "للجسر"}


def test_a_form_added_later_is_searched_at_once(tmp_path, monkeypatch):
    """Remembered forms are dropped when the index changes, whichever library object
    or connection changed it (issue 16)."""
    path = tmp_path / "later.briefer"
    reader, writer = Library.open(path), Library.open(path)
    try:
        first = reader.sources.add(NewSource(title="t", body="عبر جسر قديم")).id
        matches = _matched(monkeypatch)
        assert sources(reader, "الجسر") == {first}
        assert matches == ['("الجسر" OR "جسر")']
        second = writer.sources.add(NewSource(title="t", body="خطة للجسر الثالث")).id
        matches.clear()
        assert sources(reader, "الجسر") == {first, second}
        assert matches == ['("الجسر" OR "جسر" OR "للجسر")']
        writer.sources.delete(second)
        matches.clear()
        assert sources(reader, "الجسر") == {first}
        assert matches == ['("الجسر" OR "جسر")']
    finally:
        reader.close()
        writer.close()


def test_a_read_only_library_remembers_forms(tmp_path, monkeypatch):
    path = tmp_path / "ro-cache.briefer"
    with Library.open(path) as lib:
        bare = lib.sources.add(NewSource(title="t", body="عبر جسر قديم")).id
    with Library.open(path, read_only=True) as ro:
        looked_up = []
        real = search._vocabulary
        monkeypatch.setattr(
            search, "_vocabulary", lambda c, k, w: looked_up.append(len(w)) or real(c, k, w)
        )
        assert sources(ro, "جسر") == {bare} and sources(ro, "جسر") == {bare}
        # The ~45 forms were looked up once, by the first search.
        assert len(looked_up) == 1 and looked_up[0] > 20
