"""Title, byline, outlet, dateline and language, from whatever the reader found.

Readers fill an `Article` with what their format offers (meta tags, headers, document
properties) and the text; `finish` fills the gaps from the text itself and turns it into
the `NewSource` core stores.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from briefer.core.records import NewSource, OriginalFile
from briefer.core.textutil import is_navigation, is_section_label
from briefer.ingest import dates
from briefer.ingest.clean import (
    clean_paragraphs,
    is_chrome,
    join_paragraphs,
    split_paragraphs,
    words,
)
from briefer.ingest.errors import IngestError
from briefer.ingest.people import is_agency, is_credential, is_role, is_suffix

MAX_TITLE = 300

_HANDLE = re.compile(r"(?:^|\s)@\w{1,30}\b")
_BY = re.compile(
    r"^(?:by|written by|words by|reporting by|from)\s*:?\s+(?P<names>.+)$", re.IGNORECASE
)
_NAME_WORD = re.compile(
    r"^(?:[A-Z\u00c0-\u00de][\w'’.\-]*|al-\w+|el-\w+|bin|bint|ibn|abu|de|da|del|der|van|von"
    r"|la|le|di)$"
)
_ARABIC_NAME_WORD = re.compile(r"^[\u0600-\u06ff]+$")
_DATE_LABEL = re.compile(
    r"^(?:published|posted|updated|last updated|date|first published|on)\s*(?:on|at)?\s*[:\-]?\s*",
    re.IGNORECASE,
)
# Capitals of the cased scripts: Latin, Greek, Cyrillic.
_CAPS = "A-Z\u00c0-\u00de\u0391-\u03a9\u0400-\u042f"
_UPPER_WORD = rf"[{_CAPS}][{_CAPS}'’.\-]+"
_DATELINE = re.compile(
    rf"^(?P<place>{_UPPER_WORD}(?:\s+{_UPPER_WORD}){{0,3}}"
    r"(?:\s*,\s*[A-Z][\w'’.\-]*(?:\s+[A-Za-z][\w'’.\-]*){0,3}){0,2}?)"
    r"\s*(?:\((?P<agency>[^)\n]{2,40})\)\s*)?(?:[-–—:]+)\s+(?=\S)"
)
_ARABIC_LETTERS = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc"
_ARABIC_DATELINE = re.compile(
    rf"^(?P<place>[{_ARABIC_LETTERS}]+(?:\s[{_ARABIC_LETTERS}]+)?)\s*"
    r"(?:\((?P<agency>[^)\n]{2,40})\)\s*)?[-–—:]\s+(?=\S)"
)
# Labels that open an article like a dateline but name its kind, not a place.
_NOT_PLACES = frozenset(
    """
تقرير متابعة خاص تحليل مقال رأي حوار كتب بقلم ترجمة افتتاحية تحقيق عاجل شاهد فيديو صور
إعداد اعداد مراسلون المحرر وكالات ملخص تنويه تصحيح هام توضيح
ڕاپۆرت گزارش
report analysis opinion exclusive update updated breaking watch editorial comment review
interview explainer live fact check factcheck correction note photos video listen read
editor's note
""".split()
) | {"fact check", "editor's note"}
_OUTLET_NAME = r"[A-Z][\w&'’\-]*(?:\s(?:[A-Z][\w&'’\-]*|of|the|al))*"
# (pattern, weight, words one of which the text must hold for the pattern to match):
# a plain substring test is far cheaper than a scan that tries a name at every capital.
_OUTLET_PATTERNS = (
    (re.compile(rf"\b(?P<name>{_OUTLET_NAME}) moderates (?:all )?comments"), 3, (" moderates ",)),
    (
        re.compile(
            rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*)?"
            rf"(?P<name>{_OUTLET_NAME})",
            re.IGNORECASE,
        ),
        3,
        None,
    ),
    (re.compile(rf"\btold (?P<name>{_OUTLET_NAME})(?:'s|’s)?"), 1, ("told ",)),
    (
        re.compile(rf"\b(?:criticism|feedback) (?:about|to) (?P<name>{_OUTLET_NAME})"),
        1,
        ("criticism ", "feedback "),
    ),
    (re.compile(rf"\bdownload the (?P<name>{_OUTLET_NAME}) app\b"), 2, ("download the ",)),
)
_NOT_OUTLETS = frozenset(
    {
        "The",
        "He",
        "She",
        "They",
        "We",
        "It",
        "Iraq",
        "Baghdad",
        "Washington",
        "All",
        "Reporters",
        "Journalists",
    }
)
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = (".", "!", "?", "”", '"', "…", "؟", "۔")


@dataclass
class Article:
    """What a reader found, before the gaps are filled from the text."""

    body: str
    original_format: str
    original: OriginalFile | None = None
    title: str = ""
    authors: tuple[str, ...] = ()
    outlet: str = ""
    # A date the format states plainly (meta tag, e-mail header): taken as it is.
    published: date | None = None
    published_text: str = ""
    # True when `published` is the extractor's guess rather than a stated date.
    published_inferred: bool = False
    # A date as printed on the page, read through dates.read_date with the body as context.
    date_text: str = ""
    dateline: str = ""
    url: str = ""
    language: str = ""
    accessed: date | None = None
    fallback_title: str = ""
    # Extra text to search for the outlet's own name (comment policy, footer).
    outlet_evidence: str = ""
    notes: list[str] = field(default_factory=list)
    # Bad bytes the decoder replaced by U+FFFD (UTF-8 text but for a few bytes).
    replaced_bytes: int = 0
    # True when no line above the text could be told apart as its headline.
    title_uncertain: bool = False


def credit(article: Article, agencies: Sequence[str]) -> None:
    """An agency behind the story: the outlet when none is known, else the credit line."""
    for agency in agencies:
        if not article.outlet:
            article.outlet = agency
        elif agency.casefold() != article.outlet.casefold():
            line = f"Credit: {agency}"
            if line not in article.notes:
                article.notes.append(line)


def title_case_place(text: str) -> str:
    """'ERBIL' -> 'Erbil', 'AL-QAIM' -> 'Al-Qaim'; mixed-case parts stay as written."""

    def fix(word: str) -> str:
        if not word.isupper():
            return word
        return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))

    return " ".join(fix(w) for w in text.split())


def find_dateline(paragraph: str) -> tuple[str, str]:
    """The dateline place and agency of an article's opening paragraph, or ('', '')."""
    m = _DATELINE.match(paragraph) or _ARABIC_DATELINE.match(paragraph)
    if not m:
        return "", ""
    place = m["place"].strip()
    if place.casefold() in _NOT_PLACES or place.split(",")[0].casefold() in _NOT_PLACES:
        return "", ""
    letters = [c for c in place.split(",")[0] if c.isalpha()]
    cased = any(c.isupper() or c.islower() for c in letters)
    if cased and (len(letters) < 3 or not all(c.isupper() for c in letters)):
        return "", ""
    # The sentence after the dateline must follow; a lone heading is not a dateline.
    if words(paragraph[m.end() :]) < 4:
        return "", ""
    parts = [title_case_place(part.strip()) for part in place.split(",")]
    return ", ".join(p for p in parts if p), (m["agency"] or "").strip()


def strip_handles(text: str) -> str:
    return " ".join(_HANDLE.sub(" ", text).split())


def _looks_like_name(part: str) -> bool:
    tokens = part.split()
    if not 1 <= len(tokens) <= 5 or any(ch.isdigit() for ch in part):
        return False
    if all(_ARABIC_NAME_WORD.match(t) for t in tokens):
        return 2 <= len(tokens) <= 5
    return len(tokens) >= 2 and all(_NAME_WORD.match(t) for t in tokens) and tokens[0][0].isupper()


_AFTER_NAMES = re.compile(
    r"[\s,|·•\-–—]*(?:\b(?:on|at|updated|published|posted)\b)?"
    r"[\s,|·•\-–—:]*$",
    re.IGNORECASE,
)


def _cut_date(text: str) -> str:
    """A byline without the date printed after it ("Written by X on January 8, 2020")."""
    found = dates.find_date(text)
    if not found or text.find(found) <= 0:
        return text
    return _AFTER_NAMES.sub("", text[: text.find(found)])


def split_authors(text: str, *, strict: bool = True) -> tuple[str, ...]:
    """Names from a byline, without social handles, dates or credentials ("Rachael Link,
    MS, RD" is one author); () when it does not look like a byline."""
    text = _cut_date(strip_handles(text))
    m = _BY.match(text)
    if m:
        text, strict = m["names"], False
    parts: list[str] = []
    for p in re.split(r",|;|\band\b|&|\||\s+و\s+", text):
        p = p.strip(" ,;|")
        if p.endswith(".") and not is_suffix(p) and not re.search(r"\b[A-Z]\.$", p):
            p = p.rstrip(".")
        if not p:
            continue
        if parts and (is_credential(p) or is_role(p)):
            continue
        if parts and is_suffix(p):
            parts[-1] = f"{parts[-1]} {p}"
            continue
        parts.append(p)
    if not parts or len(parts) > 6:
        return ()
    names = [p for p in parts if _looks_like_name(p) or (not strict and words(p) <= 5)]
    if strict and len(names) != len(parts):
        return ()
    return tuple(dict.fromkeys(names))


def outlet_from_text(text: str) -> str:
    """The outlet an article names as itself ("told Rudaw", "Rudaw moderates all comments")."""
    scores: Counter[str] = Counter()
    for regex, weight, needles in _OUTLET_PATTERNS:
        if needles is not None and not any(n in text for n in needles):
            continue
        for m in regex.finditer(text):
            name = m["name"].strip(" .'’-")
            name = re.sub(r"(?:'s|’s)$", "", name)
            if name and name not in _NOT_OUTLETS and words(name) <= 4:
                scores[name] += weight
    if not scores:
        return ""
    name, score = scores.most_common(1)[0]
    return name if score >= 2 else ""


def detect_language(text: str) -> str:
    """ISO 639-1 code of the body's language, '' when there is too little text to tell."""
    # 600 characters are plenty for langid (every test and fixture body reads the same as
    # with 1,200) and its per-byte scan is a tenth of a page's reading time at 1,200.
    sample = text[:600]
    if len(_LETTER.findall(sample)) < 20:
        return ""
    import py3langid

    code, _ = py3langid.classify(sample)
    return str(code)


def _is_date_line(p: str) -> bool:
    return words(p) <= 10 and dates.find_date(p) is not None


def _is_header_line(p: str) -> bool:
    """Short lines above an article: title, date, byline, section labels."""
    return words(p) < 25 and not (words(p) >= 12 and p.rstrip().endswith(_SENTENCE_END))


def split_header(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Separate the lines above the article (title, date, byline) from the article."""
    limit = min(len(paragraphs), 15)
    for i in range(limit):
        if find_dateline(paragraphs[i])[0]:
            return paragraphs[:i], paragraphs[i:]
    for i in range(limit):
        p = paragraphs[i]
        if not _is_header_line(p) and not is_chrome(p) and not is_navigation(p):
            return paragraphs[:i], paragraphs[i:]
    # Short texts: the article starts at the first sentence.
    for i in range(limit):
        p = paragraphs[i]
        if words(p) >= 6 and p.rstrip().endswith(_SENTENCE_END) and not is_chrome(p):
            return paragraphs[:i], paragraphs[i:]
    return [], paragraphs


_NOTE_MARK = re.compile(r"\[\d{1,3}\]|\W+")


def _same_text(a: str, b: str) -> bool:
    """The same headline, whatever its case, punctuation or footnote marks ("[1]")."""
    return bool(b) and _NOTE_MARK.sub("", a).casefold() == _NOTE_MARK.sub("", b).casefold()


def _headline(lines: list[str]) -> int | None:
    """Index of the headline among header lines that are not chrome, dates or bylines.

    A headline is a line of four to 25 words that does not end a sentence (a standfirst
    does); failing that, the first line of two words or more, which is a guess.
    """
    for i, line in enumerate(lines):
        if 4 <= words(line) <= 25 and not line.rstrip().endswith((".", "!", "…")):
            return i
    return None


def read_header(header: list[str], article: Article) -> list[str]:
    """Take title, date and byline from header lines; return lines that belong to the body.

    Only lines a listed rule recognises leave the text: page chrome (clean.is_chrome),
    navigation and account bars (textutil.is_navigation), a section label above the
    headline (textutil.is_section_label), the date stamp and the byline, which become
    metadata, and the headline, which becomes the title. Every other line, however
    short, stays in the body.
    """
    lines = [line for line in header if not is_chrome(line) and not is_navigation(line)]
    candidates = [
        i
        for i, line in enumerate(lines)
        if not _is_date_line(line)
        and words(line) >= 2
        and not _HANDLE.search(line)
        and not _BY.match(line)
        and not is_section_label(line)
    ]
    title_at: int | None = None
    if not article.title:
        found = _headline([lines[i] for i in candidates])
        guesses = [i for i in candidates if not split_authors(lines[i])]
        if found is not None:
            title_at = candidates[found]
        else:
            title_at = guesses[0] if guesses else None
            article.title_uncertain = True
    keep: list[str] = []
    for i, line in enumerate(lines):
        if i == title_at:
            article.title = line
            continue
        if _is_date_line(line):
            if not article.date_text and not article.published:
                article.date_text = _DATE_LABEL.sub("", line)
            continue
        if _same_text(line, article.title):
            continue
        authors = split_authors(line) if not article.authors or _BY.match(line) else ()
        if authors:
            article.authors = article.authors or authors
            continue
        if (title_at is None or i < title_at) and is_section_label(line):
            continue
        keep.append(line)
    return keep


def article_from_text(text: str, article: Article) -> Article:
    """Fill an Article from plain text that may still carry the page around it."""
    paragraphs = split_paragraphs(text)
    header, rest = split_header(paragraphs)
    lead = read_header(header, article)
    body = clean_paragraphs(lead + rest)
    if article.title and body and body[0] == article.title:
        body = body[1:]
    article.body = join_paragraphs(body)
    article.outlet_evidence = text
    if not article.title and body:
        article.fallback_title = body[0]
    return article


def _short_title(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= 120:
        return text
    cut = text[:120].rsplit(" ", 1)[0]
    return cut + "…"


def finish(
    article: Article,
    *,
    today: date,
    convention: dates.Convention | None = None,
    guess_language: bool = True,
) -> NewSource:
    """Fill the gaps from the text and hand core a NewSource; refuse bodies with no text.

    guess_language=False leaves an unstated language empty for the caller to detect
    (detect_language on the body gives the same answer): the importer's workers skip
    loading langid's model, which costs each of them half a second and 70 MB.
    """
    body = article.body.strip()
    if len(_LETTER.findall(body[:500])) < 3 and len(re.findall(r"[^\W_]", body)) < 3:
        raise IngestError("no article text found")
    first = body.split("\n\n", 1)[0]
    dateline, agency = find_dateline(first)
    agencies = [a for a in article.authors if is_agency(a)] + ([agency] if agency else [])
    article.outlet = article.outlet or outlet_from_text(article.outlet_evidence or body)
    credit(article, agencies)
    outlet = article.outlet
    authors = tuple(
        a
        for a in (strip_handles(a) for a in article.authors)
        if a and a.lower() != outlet.lower() and not is_agency(a)
    )
    if article.published and not dates.plausible(article.published, today):
        # A placeholder or impossible date (0001-01-01, next year): not evidence.
        article.published, article.published_text = None, ""
    if article.published:
        reading = dates.DateReading(
            article.published,
            "day",
            inferred=article.published_inferred,
            text=article.published_text or article.published.isoformat(),
        )
    else:
        reading = dates.read_date(article.date_text, context=body, convention=convention)
    title = " ".join((article.title or "").split())
    if not title:
        title = _short_title(article.fallback_title or first)
    return NewSource(
        title=title[:MAX_TITLE],
        body=body,
        outlet=outlet,
        authors=authors,
        published=reading.published,
        published_precision=reading.precision,
        published_ambiguous=reading.ambiguous,
        published_inferred=reading.inferred,
        published_alternatives=reading.alternatives,
        published_text=reading.text,
        dateline=article.dateline or dateline,
        url=article.url,
        language=article.language or (detect_language(body) if guess_language else ""),
        accessed=article.accessed or today,
        original_format=article.original_format,
        notes="\n".join(article.notes),
        original=article.original,
        replaced_bytes=article.replaced_bytes,
    )
