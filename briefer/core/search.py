"""Full-text search over sources and excerpts (SQLite FTS5).

Whatever the analyst types is a valid query: every word is quoted, so FTS5 operators
and punctuation are searched as text. Two deliberate forms remain: `word*` for a prefix
and "an exact phrase" in double quotes.
"""

from __future__ import annotations

import re

from sqlalchemy import bindparam, text
from sqlmodel import Session

from briefer.core import validate
from briefer.core.records import UNGRADED, SearchFilters, SearchHit

HIT_START, HIT_END = "\ue000", "\ue001"
SNIPPET_TOKENS = 20
# bm25 column weights: the title counts most.
SOURCE_WEIGHTS = "10.0, 3.0, 3.0, 1.0"
EXCERPT_WEIGHTS = "2.0, 1.0"

_TERMS = re.compile(r'"([^"]*)"|(\S+)')
# Arabic short vowels, shadda, sukun, dagger alif and tatweel: unicode61 keeps them inside
# tokens (its remove_diacritics covers Latin only), and news text is written without them.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _searchable(term: str) -> bool:
    # unicode61 indexes letters and digits; a term of only punctuation matches nothing.
    return any(ch.isalnum() for ch in term)


def build_match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for any user string, or None when nothing is searchable."""
    query = _ARABIC_MARKS.sub("", query.replace("\x00", ""))
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
            parts.append(_quoted(term) + ("*" if prefix else ""))
    return " ".join(parts) if parts else None


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


# Filters and snippet look-ups restrict FTS rowids with `+f.rowid IN (...)`: the unary
# plus keeps SQLite from handing the IN list to FTS5, which would run the whole MATCH
# once per listed rowid (12 s instead of 60 ms at 100,000 sources). The MATCH runs
# once; its rowids are then checked against the filtered set.


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
    """Rank a table's matches with bm25, then make snippets for the top rows only."""
    fts, weights, filtered, columns, joins = _TABLES[kind]
    where = f"AND +f.rowid IN ({filtered} WHERE {restrict})" if restrict else ""
    values = {**params, "match": match, "limit": limit}
    ranked = session.execute(
        text(
            f"SELECT f.rowid, bm25({fts}, {weights}) AS score FROM {fts} f "
            f"WHERE {fts} MATCH :match {where} ORDER BY score LIMIT :limit"
        ).bindparams(*_expanding(values)),
        values,
    ).all()
    if not ranked:
        return []
    details = {
        row[0]: row[1:]
        for row in session.execute(
            text(
                f"SELECT f.rowid, {columns}, snippet({fts}, -1, :a, :b, '…', :n) "
                f"FROM {fts} f {joins} WHERE {fts} MATCH :match AND +f.rowid IN :ids"
            ).bindparams(bindparam("ids", expanding=True)),
            {
                "match": match,
                "ids": [r[0] for r in ranked],
                "a": HIT_START,
                "b": HIT_END,
                "n": SNIPPET_TOKENS,
            },
        )
    }
    hits = []
    for rowid, score in ranked:
        source_id, title, marked = details[rowid]
        snippet, spans = _split_snippet(marked)
        hits.append(SearchHit(kind, rowid, source_id, title, snippet, spans, float(score)))
    return hits


# kind: (FTS table, bm25 weights, the filtered rowids' SELECT, the hit's source id and
# title, and the joins from the FTS row `f` that reach them)
_TABLES = {
    "source": (
        "source_fts",
        SOURCE_WEIGHTS,
        "SELECT s.id FROM source s",
        "s.id, s.title",
        "JOIN source s ON s.id = f.rowid",
    ),
    "excerpt": (
        "excerpt_fts",
        EXCERPT_WEIGHTS,
        "SELECT e.id FROM excerpt e JOIN source s ON s.id = e.source_id",
        "e.source_id, s.title",
        "JOIN excerpt e ON e.id = f.rowid JOIN source s ON s.id = e.source_id",
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


def run_search(
    session: Session,
    query: str,
    *,
    kinds: tuple[str, ...] = ("source", "excerpt"),
    filters: SearchFilters | None = None,
    limit: int = 50,
) -> list[SearchHit]:
    """Best hits first; sources and excerpts merged by their bm25 scores."""
    match = build_match_query(query)
    if match is None or limit <= 0:
        return []
    filters = filters or SearchFilters()
    hits: list[SearchHit] = []
    if "source" in kinds:
        hits += _search_sources(session, match, filters, limit)
    if "excerpt" in kinds:
        hits += _search_excerpts(session, match, filters, limit)
    hits.sort(key=lambda h: (h.score, h.kind, h.id))
    return hits[:limit]
