"""Full-text search over sources and excerpts (SQLite FTS5).

Whatever the analyst types is a valid query: every word is quoted, so FTS5 operators
and punctuation are searched as text. Two deliberate forms remain: `word*` for a prefix
and "an exact phrase" in double quotes.

Arabic: the index holds words without harakat and tatweel (core/schema.py, format 7),
and so does the query; a word written in Arabic letters also finds itself with and
without its proclitics (و ف ب ك ل ال and their combinations, see arabic_forms);
only the forms the index holds are searched (prune_forms).
"""

from __future__ import annotations

import contextlib
import math
import re
import sqlite3
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from briefer.core import validate
from briefer.core.records import UNGRADED, SearchFilters, SearchHit
from briefer.core.schema import FOLDED_MARKS
from briefer.core.snippets import TOKEN, Term, compile_terms, make_snippet

# A query matching more rows than this ranks only the newest this many (see _ranked).
RANKED_CANDIDATES = 2_000
# bm25 column weights: the title counts most.
SOURCE_WEIGHTS = "10.0, 3.0, 3.0, 1.0"
EXCERPT_WEIGHTS = "2.0, 1.0"

# (bm25 score, kind, rowid) of one match: sorted, best first.
Ranked = tuple[float, str, int]

_TERMS = re.compile(r'"([^"]*)"|(\S+)')
_FOLDED = re.compile("[" + re.escape(FOLDED_MARKS) + "]")
# Arabic letters (hamza to yeh, alef wasla); a word of them, and of none of the letters
# only Persian and Kurdish use, takes the Arabic proclitics.
_ARABIC_WORD = re.compile("[\u0621-\u063a\u0641-\u064a\u0671]+")
_CONJUNCTIONS, _PREPOSITIONS = ("", "و", "ف"), ("", "ب", "ك", "ل")
# و/ف, then ب/ك/ل, then the article; ل + ال is written لل.
PROCLITICS = tuple(
    sorted(
        {
            c + ("لل" if p == "ل" and a else p + a)
            for c in _CONJUNCTIONS
            for p in _PREPOSITIONS
            for a in ("", "ال")
        },
        key=len,
        reverse=True,
    )
)
MIN_ARABIC_STEM = 2
_WITH_ARTICLE = tuple(c for c in PROCLITICS if c.endswith(("ال", "لل")))


class SearchCancelled(Exception):
    """A newer query superseded this one while it ran (see run_search's `cancelled`)."""


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _searchable(term: str) -> bool:
    # unicode61 indexes letters and digits; a term of only punctuation matches nothing.
    return any(ch.isalnum() for ch in term)


def arabic_forms(word: str) -> list[str]:
    """The word with and without every proclitic sequence, or [word] if not Arabic.

    Stripping is ambiguous (the ب of بغداد is not a preposition), so every reading is
    kept: each stem the word may hide, each with every proclitic. A few words that do
    not exist are searched for; no form of the word is missed.
    """
    if not _ARABIC_WORD.fullmatch(word):
        return [word]
    stems = {word}
    for clitic in PROCLITICS:
        if clitic and word.startswith(clitic) and len(word) - len(clitic) >= MIN_ARABIC_STEM:
            stems.add(word[len(clitic) :])
    # A stem that is the article (with what may precede it) on another stem adds no
    # real form: والنفط, بالنفط... are forms of نفط already. Fewer terms, same matches.
    stems = {
        t for t in stems if not any(t.startswith(c) and t[len(c) :] in stems for c in _WITH_ARTICLE)
    }
    forms = {clitic + stem for stem in stems for clitic in PROCLITICS}
    return sorted(forms, key=lambda f: (f != word, len(f), f))


def _term(text: str, prefix: bool = False) -> Term:
    return Term(text, tuple(TOKEN.findall(text)), prefix)


def parse_query(query: str) -> list[tuple[Term, ...]]:
    """The query's words and phrases, each as the forms any of which may match."""
    query = _FOLDED.sub("", query.replace("\x00", ""))
    groups: list[tuple[Term, ...]] = []
    for match in _TERMS.finditer(query):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            if _searchable(phrase):
                groups.append((_term(phrase),))
            continue
        prefix = word.endswith("*") and _searchable(word.rstrip("*"))
        term = word.rstrip("*") if prefix else word
        if _searchable(term):
            groups.append(tuple(_term(form, prefix) for form in arabic_forms(term)))
    return groups


def _formatted(term: Term) -> str:
    return _quoted(term.text) + ("*" if term.prefix else "")


def match_expression(groups: list[tuple[Term, ...]]) -> str | None:
    if not groups:
        return None
    parts = [
        _formatted(g[0]) if len(g) == 1 else "(" + " OR ".join(map(_formatted, g)) + ")"
        for g in groups
    ]
    # FTS5 reads a group after a phrase only with an explicit AND.
    return (" AND " if any(len(g) > 1 for g in groups) else " ").join(parts)


def _vocabulary(conn: sqlite3.Connection, kind: str, words: list[str]) -> set[str]:
    """Those of `words` that are terms of the table's index, looked up in one query.

    Each word is one term lookup in the FTS index (`EXISTS`, stopping at its first
    row). An fts5vocab table (`term IN (...)`) was measured as no faster: a lookup
    costs its seeks in each of the index's segments (9 at 1,000 sources, 14 at
    20,000), whichever statement asks.
    """
    fts = _TABLES[kind][0]
    sql = " UNION ALL ".join(
        [f"SELECT ? WHERE EXISTS (SELECT 1 FROM {fts} WHERE {fts} MATCH ?)"] * len(words)
    )
    params = tuple(x for w in words for x in (w, _quoted(w)))
    # Straight to the driver: SQLAlchemy's compiling of ~90 named parameters cost more
    # than the lookups.
    return {term for (term,) in _execute(conn, sql, params)}


# FTS5 keeps its index's structure (the list of its segments) in the %_data row of
# this id; every change to the index writes a new one.
_FTS5_STRUCTURE_ROWID = 10
# Words whose presence is remembered per table; past this the memory starts afresh.
VOCABULARY_CACHE_WORDS = 20_000


class VocabularyCache:
    """Which words each search index holds, remembered while the index is unchanged.

    An Arabic word's ~45 forms cost a millisecond or more of lookups per table
    (_vocabulary); typing goes on to re-run the words already typed with every
    keystroke, and the window re-runs a search when it is shown again. The key is the
    index's structure record (_FTS5_STRUCTURE_ROWID), read in the search's own read
    transaction: any committed change to the index, from any connection or process,
    writes a new one, and the words remembered under the old one are dropped.
    """

    def __init__(self) -> None:
        self._tables: dict[str, tuple[bytes, dict[str, bool]]] = {}

    def present(self, conn: sqlite3.Connection, kind: str, words: list[str]) -> set[str]:
        fts = _TABLES[kind][0]
        rows = _execute(
            conn, f"SELECT block FROM {fts}_data WHERE id = ?", (_FTS5_STRUCTURE_ROWID,)
        )
        key = rows[0][0] if rows else None
        if not isinstance(key, bytes):  # not an index this code knows: ask every time
            return _vocabulary(conn, kind, words)
        entry = self._tables.get(kind)
        if entry is None or entry[0] != key or len(entry[1]) > VOCABULARY_CACHE_WORDS:
            entry = (key, {})
            self._tables[kind] = entry
        # Another thread may replace the entry meanwhile; this search keeps to its own.
        known = entry[1]
        missing = [w for w in words if w not in known]
        if missing:
            found = _vocabulary(conn, kind, missing)
            known.update((w, w in found) for w in missing)
        return {w for w in words if known[w]}


# One cache per engine (an open library): the engine's connections share its file.
_CACHES: weakref.WeakKeyDictionary[object, VocabularyCache] = weakref.WeakKeyDictionary()


def vocabulary_cache(bind: object) -> VocabularyCache:
    cache = _CACHES.get(bind)
    if cache is None:
        cache = _CACHES.setdefault(bind, VocabularyCache())
    return cache


def prune_forms(
    groups: list[tuple[Term, ...]], present: Callable[[list[str]], set[str]]
) -> list[tuple[Term, ...]]:
    """Each Arabic word's forms cut to those in the index (`present`), the user's own
    form always kept: an OR of ~45 forms, most of which are no word, costs FTS5 one
    index lookup each, and a MATCH of the present ones finds the same rows."""
    expanded = [g for g in groups if len(g) > 1 and not g[0].prefix]
    if not expanded:
        return groups
    found = present(sorted({t.text for g in expanded for t in g}))
    return [
        (g[0], *(t for t in g[1:] if t.text in found)) if len(g) > 1 and not g[0].prefix else g
        for g in groups
    ]


def build_match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for any user string, or None when nothing is searchable."""
    return match_expression(parse_query(query))


# Filters are checked on each match's own row (`EXISTS (... WHERE s.id = f.rowid ...)`):
# a list of every filtered id, built per query, cost more than the search at 20,000
# sources when the filter kept half of them. The check is never handed to FTS5, which
# would run the whole MATCH once per listed rowid (12 s at 100,000 sources).


def _source_filters(filters: SearchFilters, params: dict) -> list[str]:
    where = []
    if filters.tag:
        params["tag_key"] = validate.tag_key(filters.tag)
        where.append(
            "s.id IN (SELECT st.source_id FROM source_tag st JOIN tag t ON t.id = st.tag_id "
            "WHERE t.key = :tag_key)"
        )
    if filters.outlet:
        params["outlet"] = filters.outlet
        where.append("s.outlet = :outlet COLLATE NOCASE")
    if filters.date_from:
        params["date_from"] = filters.date_from.isoformat()
        where.append("s.published >= :date_from")
    if filters.date_to:
        params["date_to"] = filters.date_to.isoformat()
        where.append("s.published <= :date_to")
    if filters.reliability:
        chosen = {validate.reliability_filter(g) for g in filters.reliability}
        either = ["s.reliability IS NULL"] if UNGRADED in chosen else []
        grades = sorted(chosen - {UNGRADED})
        if grades:
            params["reliability"] = grades
            either.append("s.reliability IN :reliability")
        where.append(f"({' OR '.join(either)})")
    return where


def _driver_sql(sql: str, params: dict) -> tuple[str, dict]:
    """Named parameters as sqlite3 takes them: a list `:k` becomes `(:k_0, :k_1, ...)`."""
    flat = {}
    for key, value in params.items():
        if isinstance(value, list):
            names = [f"{key}_{i}" for i in range(len(value))]
            sql = re.sub(rf":{key}\b", "(" + ", ".join(f":{n}" for n in names) + ")", sql)
            flat.update(zip(names, value, strict=True))
        else:
            flat[key] = value
    return sql, flat


def _execute(conn: sqlite3.Connection, sql: str, params: dict | tuple) -> list:
    """Rows of one statement, straight to sqlite3 on the search's connection (its read
    transaction): SQLAlchemy's compiling cost a fixed ~0.3 ms a statement and its rows
    ~3 us each, a fifth of a search in a small library. Errors are wrapped as
    SQLAlchemy's would be, so Library's translation of storage errors still applies."""
    sql, flat = _driver_sql(sql, params) if isinstance(params, dict) else (sql, params)
    try:
        return conn.execute(sql, flat).fetchall()
    except sqlite3.Error as exc:
        # As a session would raise it (searches run on an engine's connection, so
        # SQLAlchemy is loaded; the window imports this module before it is).
        from sqlalchemy.exc import DBAPIError

        raise DBAPIError.instance(sql, flat, exc, sqlite3.Error) from exc


# FTS5 keeps the number of rows it indexes first in the %_data row of this id.
_FTS5_AVERAGES_ROWID = 1


def _indexed_rows(conn: sqlite3.Connection, fts: str) -> float:
    """How many rows the FTS table indexes, read from its averages record (a varint,
    SQLite's own format); infinity when that record cannot be read."""
    rows = _execute(conn, f"SELECT block FROM {fts}_data WHERE id = ?", (_FTS5_AVERAGES_ROWID,))
    block = rows[0][0] if rows else None
    if not isinstance(block, bytes) or not block:
        return math.inf
    value = 0
    for i, byte in enumerate(block[:9]):
        if i == 8:
            return (value << 8) | byte
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value
    return math.inf


def _ranked(
    conn: sqlite3.Connection, kind: str, match: str, limit: int, restrict: str, params: dict
) -> list[Ranked]:
    """The table's best (score, kind, rowid) by bm25, best first.

    A query that matches more than RANKED_CANDIDATES rows (a word in most articles, a
    two-letter prefix) is not selective: bm25 then ranks only its newest
    RANKED_CANDIDATES matches (the highest rowids, added last), found by walking the
    matches newest first, which stops there instead of scoring every match. Filters
    apply within those; when they leave fewer than `limit` rows, every match that
    passes the filters is ranked.
    """
    fts, weights, filtered = _TABLES[kind]
    where = f"AND EXISTS ({filtered} AND {restrict})" if restrict else ""
    values = {**params, "match": match, "limit": limit}
    # The walk costs a tenth of the ranking (no bm25); one statement doing both (a
    # MATERIALIZED CTE of the newest matches) cost more than the two. A table of no
    # more rows than that (the sources of a small library) needs none.
    found = (
        _execute(
            conn,
            f"SELECT f.rowid FROM {fts} f WHERE {fts} MATCH ? "
            "ORDER BY f.rowid DESC LIMIT 1 OFFSET ?",
            (match, RANKED_CANDIDATES - 1),
        )
        if _indexed_rows(conn, fts) > RANKED_CANDIDATES
        else []
    )
    floor = found[0][0] if found else None

    def rank(condition: str) -> list:
        # The rows come back as the (score, kind, rowid) the merge sorts.
        return _execute(
            conn,
            f"SELECT bm25({fts}, {weights}) AS score, '{kind}', f.rowid FROM {fts} f "
            f"WHERE {fts} MATCH :match {condition} ORDER BY score LIMIT :limit",
            {**values, "floor": floor} if floor is not None else values,
        )

    rows = rank(where + " AND f.rowid >= :floor") if floor is not None else rank(where)
    if floor is not None and where and len(rows) < limit:
        # Fewer than `limit` rows from the floor up pass the filters: those are all of
        # them, so only the older matches are ranked again, and the two lists merged.
        rows = sorted([*rows, *rank(where + " AND f.rowid < :floor")])[:limit]
    return rows


# kind: (FTS table, bm25 weights, the row of a match `f` to check filters on)
_TABLES = {
    "source": ("source_fts", SOURCE_WEIGHTS, "SELECT 1 FROM source s WHERE s.id = f.rowid"),
    "excerpt": (
        "excerpt_fts",
        EXCERPT_WEIGHTS,
        "SELECT 1 FROM excerpt e JOIN source s ON s.id = e.source_id WHERE e.id = f.rowid",
    ),
}
# kind: the SELECT of each hit's source id, title and searched texts (snippet order),
# by its place (j.key) in the JSON list of the ranked rowids (null for the other kind's):
# one parameter, where an IN list of 200 bound values cost as much again as reading
# the rows. A source's body is read as its UTF-8 bytes: most hits' snippets are never
# made (see _Hit), and sqlite3's decoding of every body cost more than reading them
# (0.6 ms for 100 bodies of 3 KB).
_DETAILS = {
    "source": (
        "SELECT j.key, s.id, s.title, CAST(s.body AS BLOB), s.title, s.outlet, s.authors "
        "FROM json_each(?) j CROSS JOIN source s ON s.id = j.value"
    ),
    "excerpt": (
        "SELECT j.key, e.source_id, s.title, e.text, e.comment FROM json_each(?) j "
        "CROSS JOIN excerpt e ON e.id = j.value CROSS JOIN source s ON s.id = e.source_id"
    ),
}


def _source_ranked(conn: sqlite3.Connection, match: str, filters: SearchFilters, limit: int):
    params: dict = {}
    where = _source_filters(filters, params)
    return _ranked(conn, "source", match, limit, " AND ".join(where), params)


def _excerpt_ranked(conn: sqlite3.Connection, match: str, filters: SearchFilters, limit: int):
    params: dict = {}
    where = _source_filters(SearchFilters(**{**_asdict(filters), "tag": None}), params)
    if filters.tag:
        params["tag_key"] = validate.tag_key(filters.tag)
        where.append(
            "e.id IN (SELECT et.excerpt_id FROM excerpt_tag et JOIN tag t ON t.id = et.tag_id "
            "WHERE t.key = :tag_key)"
        )
    if filters.credibility:
        params["credibility"] = [validate.credibility(g) for g in filters.credibility]
        where.append("e.credibility IN :credibility")
    return _ranked(conn, "excerpt", match, limit, " AND ".join(where), params)


def _asdict(filters: SearchFilters) -> dict:
    return {name: getattr(filters, name) for name in SearchFilters.__dataclass_fields__}


# Hits whose snippets are made with the search: about what the results list shows
# first. The others' are made when first read (see _Hit).
SNIPPETS_FIRST = 20


_SET_KIND, _SET_ID, _SET_SOURCE, _SET_TITLE, _SET_SCORE = (
    SearchHit.__dict__[name].__set__ for name in ("kind", "id", "source_id", "title", "score")
)


class _Hit(SearchHit):
    """A SearchHit whose snippet and highlights are made on first read, from the texts
    read with it: making the snippets of all 200 hits of a keystroke cost more than
    finding and ranking them in a small library (~25 us each, twice the raw FTS5 query
    at 1,000 sources), while the window shows a screen of them (issue 16). The same
    values as an eager hit; equal to one, and just as immutable to its readers.

    Made 200 at a time per keystroke, so each field is set through its slot's own
    descriptor (a frozen dataclass's __init__ cost 3x as much); a text read as UTF-8
    bytes (a source's body) is decoded only when the snippet is made."""

    __slots__ = ("_made", "_pending")

    def __init__(self, kind, id, source_id, title, score, texts, pattern):
        _SET_KIND(self, kind)
        _SET_ID(self, id)
        _SET_SOURCE(self, source_id)
        _SET_TITLE(self, title)
        _SET_SCORE(self, score)
        _SET_PENDING(self, (pattern, texts))

    def _snippet(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        try:
            return self._made
        except AttributeError:  # two threads may both make it: the same value either way
            pattern, texts = self._pending
            texts = [t.decode("utf-8", "replace") if isinstance(t, bytes) else t for t in texts]
            made = make_snippet(pattern, texts)
            _SET_MADE(self, made)
            return made

    @property
    def snippet(self) -> str:  # type: ignore[override]
        return self._snippet()[0]

    @property
    def highlights(self) -> tuple[tuple[int, int], ...]:  # type: ignore[override]
        return self._snippet()[1]


_SET_PENDING = _Hit.__dict__["_pending"].__set__
_SET_MADE = _Hit.__dict__["_made"].__set__


def read_hits(
    conn: sqlite3.Connection,
    ranked: Sequence[Ranked],
    pattern: re.Pattern[str] | None,
    snippets: int | None = None,
) -> list[SearchHit]:
    """Title and texts of each ranked row, read by id; snippets for the first
    `snippets` (SNIPPETS_FIRST), the others' when first read."""
    found: list[SearchHit | None] = [None] * len(ranked)
    for kind in {k for _s, k, _r in ranked}:
        places = "[" + ",".join(str(r) if k == kind else "null" for _s, k, r in ranked) + "]"
        for row in _execute(conn, _DETAILS[kind], (places,)):
            score, _kind, rowid = ranked[row[0]]
            found[row[0]] = _Hit(kind, rowid, row[1], row[2], score, row[3:], pattern)
    # (A rowid of the index without its row, in a damaged file or deleted since the
    # ranking, is left out.)
    hits = [hit for hit in found if hit is not None]
    for hit in hits[: SNIPPETS_FIRST if snippets is None else snippets]:
        hit.snippet  # noqa: B018 (made now, on the searching thread)
    return hits


@dataclass(frozen=True, eq=False)
class SearchResults:
    """One search's matches, best first: all of them ranked, the first `read` of them
    read as hits. A keystroke asks for 200 and the list shows about 20: reading every
    hit's row cost a third of a search in a small library (issue 16), so the window
    reads the others as it scrolls (Library.more_hits)."""

    query: str
    ranked: tuple[Ranked, ...]
    hits: tuple[SearchHit, ...]
    # How many of `ranked` were read for `hits` (a row gone since is left out of them).
    read: int
    # The matched words' pattern, for the snippets of the hits read later.
    pattern: re.Pattern[str] | None

    @property
    def total(self) -> int:
        return len(self.ranked)

    def ids(self, kind: str) -> list[int]:
        """Every match of that kind ("source" or "excerpt"), best first."""
        return [rowid for _s, k, rowid in self.ranked if k == kind]


# SQLite calls the progress handler every this many virtual machine steps (~1 ms).
PROGRESS_STEPS = 2_000


@contextlib.contextmanager
def _interruptible(
    conn: sqlite3.Connection, cancelled: Callable[[], bool] | None
) -> Iterator[None]:
    """Abort the statement that runs when `cancelled()` turns true: a keystroke's query
    stops the moment a newer one supersedes it, so typing never waits on a stale one."""
    if cancelled is None:
        yield
        return
    conn.set_progress_handler(lambda: 1 if cancelled() else 0, PROGRESS_STEPS)
    try:
        yield
    except Exception as exc:
        # Interrupted anywhere (even while SQLite opens the FTS table, which then
        # reports "vtable constructor failed"): the error is the interruption's.
        if cancelled():
            raise SearchCancelled() from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)


def rank(
    conn: sqlite3.Connection,
    query: str,
    *,
    kinds: tuple[str, ...] = ("source", "excerpt"),
    filters: SearchFilters | None = None,
    limit: int = 50,
    cancelled: Callable[[], bool] | None = None,
    vocabulary: VocabularyCache | None = None,
) -> tuple[list[Ranked], re.Pattern[str] | None]:
    """The best `limit` matches, sources and excerpts merged by their bm25 scores, and
    the pattern of the words to mark in their snippets. `conn` is a library's sqlite3
    connection in a read transaction (storage.read_transaction); `vocabulary` the
    library's VocabularyCache (without it, every search looks an Arabic word's forms up).

    With `cancelled`, raises SearchCancelled soon after it returns true.
    """
    groups = parse_query(query)
    if not groups or limit <= 0:
        return [], None
    filters = filters or SearchFilters()
    ranked: list[Ranked] = []
    shown: dict[int, set[Term]] = {i: {g[0]} for i, g in enumerate(groups)}
    vocabulary = vocabulary or VocabularyCache()
    with _interruptible(conn, cancelled):
        for kind, ranker in (("source", _source_ranked), ("excerpt", _excerpt_ranked)):
            if kind not in kinds:
                continue
            pruned = prune_forms(groups, lambda w, k=kind: vocabulary.present(conn, k, w))
            for i, group in enumerate(pruned):
                shown[i].update(group)
            ranked += ranker(conn, match_expression(pruned), filters, limit)
    ranked.sort()
    # Snippets mark the forms found in either table, in the parsed order.
    marked = tuple(t for i, g in enumerate(groups) for t in g if t in shown[i])
    return ranked[:limit], compile_terms(marked)


def run_search(
    conn: sqlite3.Connection,
    query: str,
    *,
    kinds: tuple[str, ...] = ("source", "excerpt"),
    filters: SearchFilters | None = None,
    limit: int = 50,
    first: int | None = None,
    cancelled: Callable[[], bool] | None = None,
    vocabulary: VocabularyCache | None = None,
) -> SearchResults:
    """The best `limit` matches (see rank), the first `first` of them (all without it)
    read as hits, snippets made for the first SNIPPETS_FIRST of those."""
    ranked, pattern = rank(
        conn, query, kinds=kinds, filters=filters, limit=limit,
        cancelled=cancelled, vocabulary=vocabulary,
    )  # fmt: skip
    read = len(ranked) if first is None else min(first, len(ranked))
    with _interruptible(conn, cancelled):
        hits = read_hits(conn, ranked[:read], pattern)
    return SearchResults(query, tuple(ranked), tuple(hits), read, pattern)
