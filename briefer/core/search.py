"""Full-text search over sources and excerpts (SQLite FTS5).

Whatever the analyst types is a valid query: every word is quoted, so FTS5 operators
and punctuation are searched as text. Two deliberate forms remain: `word*` for a prefix
and "an exact phrase" in double quotes.

Arabic: the index holds words without harakat and tatweel (core/schema.py, format 5),
and so does the query; a word written in Arabic letters also finds itself with and
without its proclitics (و ف ب ك ل ال and their combinations, see arabic_forms).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator

from sqlalchemy import bindparam, text
from sqlmodel import Session

from briefer.core import validate
from briefer.core.records import SearchFilters, SearchHit
from briefer.core.schema import V5_FOLDED_MARKS

HIT_START, HIT_END = "\ue000", "\ue001"
SNIPPET_TOKENS = 20
# bm25 column weights: the title counts most.
SOURCE_WEIGHTS = "10.0, 3.0, 3.0, 1.0"
EXCERPT_WEIGHTS = "2.0, 1.0"

_TERMS = re.compile(r'"([^"]*)"|(\S+)')
_FOLDED = re.compile("[" + re.escape(V5_FOLDED_MARKS) + "]")
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
    forms = {clitic + stem for stem in stems for clitic in PROCLITICS}
    return sorted(forms, key=lambda f: (f != word, len(f), f))


def _word(term: str, prefix: bool) -> str:
    star = "*" if prefix else ""
    forms = arabic_forms(term)
    if len(forms) == 1:
        return _quoted(term) + star
    return "(" + " OR ".join(_quoted(f) + star for f in forms) + ")"


def build_match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for any user string, or None when nothing is searchable."""
    query = _FOLDED.sub("", query.replace("\x00", ""))
    parts: list[str] = []
    for match in _TERMS.finditer(query):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            if _searchable(phrase):
                parts.append(_quoted(phrase))
            continue
        prefix = word.endswith("*") and _searchable(word.rstrip("*"))
        term = word.rstrip("*") if prefix else word
        if _searchable(term):
            parts.append(_word(term, prefix))
    if not parts:
        return None
    # FTS5 reads a group after a phrase only with an explicit AND.
    return (" AND " if any(p.startswith("(") for p in parts) else " ").join(parts)


def _split_snippet(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length, start = 0, None
    for ch in marked:
        if ch == HIT_START:
            start = length
        elif ch == HIT_END:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            plain.append(ch)
            length += 1
    return "".join(plain), tuple(spans)


# Filters restrict FTS rowids with `+f.rowid IN (...)`: the unary plus keeps SQLite from
# handing the IN list to FTS5, which would run the whole MATCH once per listed rowid
# (12 s instead of 60 ms at 100,000 sources). The MATCH runs once; its rowids are then
# checked against the filtered set.


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
        params["reliability"] = [validate.reliability(g) for g in filters.reliability]
        where.append("s.reliability IN :reliability")
    return where


def _expanding(params: dict) -> list:
    return [bindparam(k, expanding=True) for k, v in params.items() if isinstance(v, list)]


def _ranked_hits(
    session: Session,
    kind: str,
    match: str,
    limit: int,
    restrict: str,
    params: dict,
) -> list[SearchHit]:
    """The table's best matches by bm25, with snippets made for those rows only.

    `ORDER BY rank` with `rank MATCH 'bm25(...)'` is FTS5's sorted plan: it ranks every
    match, then hands the top rows, positions and all, to snippet(). Ranking first and
    asking for snippets by rowid in a second query ran the MATCH twice.
    """
    fts, weights, filtered, owner = _TABLES[kind]
    where = f"AND +f.rowid IN ({filtered} WHERE {restrict})" if restrict else ""
    values = {
        **params,
        "match": match,
        "rank": f"bm25({weights})",
        "limit": limit,
        "a": HIT_START,
        "b": HIT_END,
        "n": SNIPPET_TOKENS,
    }
    ranked = session.execute(
        text(
            f"SELECT f.rowid, f.rank, snippet({fts}, -1, :a, :b, '…', :n) FROM {fts} f "
            f"WHERE {fts} MATCH :match AND f.rank MATCH :rank {where} "
            "ORDER BY f.rank LIMIT :limit"
        ).bindparams(*_expanding(values)),
        values,
    ).all()
    if not ranked:
        return []
    owners = {
        row[0]: row[1:]
        for row in session.execute(
            text(owner).bindparams(bindparam("ids", expanding=True)),
            {"ids": [r[0] for r in ranked]},
        )
    }
    hits = []
    for rowid, score, marked in ranked:
        source_id, title = owners[rowid]
        snippet, spans = _split_snippet(marked)
        hits.append(SearchHit(kind, rowid, source_id, title, snippet, spans, float(score)))
    return hits


# kind: (FTS table, bm25 weights, the filtered rowids' SELECT, the SELECT of each
# hit's source id and title by rowid)
_TABLES = {
    "source": (
        "source_fts",
        SOURCE_WEIGHTS,
        "SELECT s.id FROM source s",
        "SELECT s.id, s.id, s.title FROM source s WHERE s.id IN :ids",
    ),
    "excerpt": (
        "excerpt_fts",
        EXCERPT_WEIGHTS,
        "SELECT e.id FROM excerpt e JOIN source s ON s.id = e.source_id",
        "SELECT e.id, e.source_id, s.title FROM excerpt e JOIN source s ON s.id = e.source_id "
        "WHERE e.id IN :ids",
    ),
}


def _search_sources(session: Session, match: str, filters: SearchFilters, limit: int):
    params: dict = {}
    where = _source_filters(filters, params)
    return _ranked_hits(session, "source", match, limit, " AND ".join(where), params)


def _search_excerpts(session: Session, match: str, filters: SearchFilters, limit: int):
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
    return _ranked_hits(session, "excerpt", match, limit, " AND ".join(where), params)


def _asdict(filters: SearchFilters) -> dict:
    return {name: getattr(filters, name) for name in SearchFilters.__dataclass_fields__}


# SQLite calls the progress handler every this many virtual machine steps (~1 ms).
PROGRESS_STEPS = 2_000


@contextlib.contextmanager
def _interruptible(session: Session, cancelled: Callable[[], bool] | None) -> Iterator[None]:
    """Abort the statement that runs when `cancelled()` turns true: a keystroke's query
    stops the moment a newer one supersedes it, so typing never waits on a stale one."""
    if cancelled is None:
        yield
        return
    conn = session.connection().connection.driver_connection
    conn.set_progress_handler(lambda: 1 if cancelled() else 0, PROGRESS_STEPS)
    try:
        yield
    except Exception as exc:
        if cancelled() and "interrupted" in str(exc):
            raise SearchCancelled() from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)


def run_search(
    session: Session,
    query: str,
    *,
    kinds: tuple[str, ...] = ("source", "excerpt"),
    filters: SearchFilters | None = None,
    limit: int = 50,
    cancelled: Callable[[], bool] | None = None,
) -> list[SearchHit]:
    """Best hits first; sources and excerpts merged by their bm25 scores.

    With `cancelled`, raises SearchCancelled soon after it returns true.
    """
    match = build_match_query(query)
    if match is None or limit <= 0:
        return []
    filters = filters or SearchFilters()
    hits: list[SearchHit] = []
    with _interruptible(session, cancelled):
        if "source" in kinds:
            hits += _search_sources(session, match, filters, limit)
        if "excerpt" in kinds:
            hits += _search_excerpts(session, match, filters, limit)
    hits.sort(key=lambda h: (h.score, h.kind, h.id))
    return hits[:limit]
