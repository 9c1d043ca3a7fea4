"""Saved web pages: trafilatura for the article, our own reading of the page's metadata.

Nothing referenced by the page is ever fetched or rendered: the HTML is parsed as data
(lxml's parser does not touch the network), trafilatura is given the parsed tree and
no URL, and the body that comes out is plain text.
"""

from __future__ import annotations

import json
import re
from datetime import date
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from briefer.ingest import dates
from briefer.ingest.clean import (
    clean_paragraphs,
    is_chrome,
    join_paragraphs,
    split_paragraphs,
    words,
)
from briefer.ingest.decode import decode_counted
from briefer.ingest.errors import IngestError
from briefer.ingest.metadata import Article, article_from_text, credit, split_authors
from briefer.ingest.people import choose_authors

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.etree import _Element as Element

# The options both the importer and the benchmark's baseline use.
EXTRACT_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "include_images": False,
    "include_links": False,
    "include_tables": True,
    "deduplicate": False,
    # Dates only from the page's markup (meta tags, <time>): text dates are ours to read.
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}

_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(?P<url>\S+?)\s*-->", re.IGNORECASE)
_SINGLEFILE_URL = re.compile(r"^\s*url:\s*(?P<url>https?://\S+)", re.MULTILINE)
_SINGLEFILE_DATE = re.compile(r"^\s*saved date:\s*(?P<date>.+)$", re.MULTILINE)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "citation_publication_date",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
)


def _http(url: str | None) -> str:
    url = (url or "").strip()
    return url if url.startswith(("http://", "https://")) and " " not in url else ""


def _meta(tree: Element) -> tuple[dict[str, str], list[str], list[tuple[str, str]]]:
    """Page metadata from link and meta tags and JSON-LD; first value of each key wins.

    Every publication date the markup offers comes back too, in order: the first may
    be a placeholder ("0001-01-01T00:00:00Z") and the next the real one. So does every
    name offered as author, JSON-LD's first, with its kind ('person', 'org' or '').
    """
    found: dict[str, str] = {}
    date_values: list[str] = []
    ld_authors: list[tuple[str, str]] = []
    meta_authors: list[tuple[str, str]] = []

    def put(key: str, value: str | None) -> None:
        if value and value.strip() and key not in found:
            found[key] = value.strip()

    for link in tree.iterfind(".//link[@rel]"):
        if "canonical" in link.get("rel", "").lower().split():
            put("canonical", _http(link.get("href")))
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = meta.get("content")
        if key in ("og:url", "twitter:url"):
            put("og:url", _http(value))
        elif key == "og:site_name":
            put("site_name", value)
        elif key in ("og:title", "twitter:title"):
            put("og:title", value)
        elif key in _DATE_META:
            if value and value.strip():
                date_values.append(value.strip())
        elif key in _AUTHOR_META and value and not _http(value):
            meta_authors.extend(
                (n, "") for n in split_authors(value.replace(";", ","), strict=False)
            )
    for script in tree.iterfind(".//script[@type]"):
        if script.get("type", "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            if isinstance(item.get("datePublished"), str):
                date_values.append(item["datePublished"].strip())
            author = item.get("author")
            for a in (author if isinstance(author, list) else [author])[:10]:
                name = a.get("name") if isinstance(a, dict) else a
                if not isinstance(name, str) or not name.strip() or _http(name):
                    continue
                types = a.get("@type") if isinstance(a, dict) else None
                types = [str(t) for t in (types if isinstance(types, list) else [types]) if t]
                kind = "person" if "Person" in types else "org" if types else ""
                ld_authors.extend((n, kind) for n in split_authors(name, strict=False))
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                put("publisher", publisher["name"])
    for time in tree.iterfind(".//time[@datetime]"):
        date_values.append(time.get("datetime", "").strip())
        break
    return found, date_values, ld_authors + _byline_authors(tree) + meta_authors


_BYLINE_CLASS = re.compile(r"author|byline|writer|reporter", re.IGNORECASE)


def _byline_authors(tree: Element) -> list[tuple[str, str]]:
    """Names in the page's byline (rel=author, itemprop=author, class byline/author)."""
    found: list[tuple[str, str]] = []
    body = tree.find(".//body")
    for el in (body if body is not None else tree).iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "link"):
            continue
        marks = f"{el.get('class', '')} {el.get('itemprop', '')} {el.get('rel', '')}"
        if not _BYLINE_CLASS.search(marks) or _in_other_stories(el):
            continue
        text = " ".join(el.text_content().split())
        if not text or words(text) > 14:
            continue
        names = split_authors(text, strict=not text.lower().startswith(("by ", "written by")))
        if names:
            found.extend((n, "") for n in names)
            break
    return found


# Where pages print their publication date: <time>, or an element named for it.
_DATE_CLASS = re.compile(r"date|time|publish|posted|byline|dateline", re.IGNORECASE)


def _markup_date(values: list[str], today: date) -> tuple[date | None, str]:
    """The first possible date of the markup, in the offset the markup gives."""
    for value in values:
        day = dates.from_iso(value)
        if day is None:
            # "Tue, 19 Nov 2019 07:03:25 GMT", "November 19, 2019": written out in full.
            try:
                day = parsedate_to_datetime(value).date()
            except (TypeError, ValueError, IndexError):
                reading = dates.parse_unambiguous(value)
                day = reading.published if reading and reading.precision == "day" else None
        if dates.plausible(day, today):
            return day, value
    return None, ""


# Page parts that list other stories, each with its own date.
_OTHER_STORIES = re.compile(
    r"related|recommend|trending|popular|most-read|teaser|promo|"
    r"card|sidebar|more-|ticker|breaking|comment",
    re.IGNORECASE,
)


def _in_other_stories(el: Element) -> bool:
    for parent in el.iterancestors():
        if parent.tag in ("aside", "nav", "footer", "li") or _OTHER_STORIES.search(
            parent.get("class", "") or ""
        ):
            return True
    return False


def _date_elements(tree: Element, limit: int = 3) -> Iterator[str]:
    """Texts of the page's own date elements (<time>, class date/time/byline...), in
    order, leaving out tickers, related-story lists and comments with their own dates."""
    seen = 0
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "link"):
            continue
        if el.tag != "time" and not _DATE_CLASS.search(
            f"{el.get('class', '')} {el.get('itemprop', '')} {el.get('id', '')}"
        ):
            continue
        if _in_other_stories(el):
            continue
        text = " ".join(el.text_content().split())
        if not text or words(text) > 14 or not dates.find_date(text):
            continue
        yield text
        seen += 1
        if seen >= limit:
            return


def _printed_day(tree: Element, markup: date) -> dates.DateReading | None:
    """The day the page prints beside its headline when it is the markup's, give or take
    a day of time zone: the outlet's local day, which is the one to cite."""
    for text in _date_elements(tree):
        reading = dates.near_reading(text, markup)
        if reading is not None:
            return reading
    return None


def _ld_items(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data[:50]:
            yield from _ld_items(item, depth + 1)
    elif isinstance(data, dict):
        if "datePublished" in data or "headline" in data:
            yield data
        if "@graph" in data:
            yield from _ld_items(data["@graph"], depth + 1)


# Trafilatura's block elements: they start a new line in its own text output.
_BLOCK_TAGS = frozenset(
    {"p", "head", "quote", "list", "item", "table", "row", "cell", "div", "code", "lb"}
)
# Elements that hold paragraphs of their own, not one paragraph.
_CONTAINERS = frozenset({"p", "head", "quote", "list", "table", "div"})


def _flatten(el: Element, parts: list[str], *, tail: bool = True) -> None:
    """Text of an element as one run: <lb/> a line break, other blocks a word boundary.

    Inline elements (<hi>, <ref>) join their neighbours as written: "<hi>W</hi>ord".
    """
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "lb":
        parts.append("\n")
    elif tag and tag != "graphic":
        block = tag in _BLOCK_TAGS
        if block:
            parts.append(" ")
        parts.append(el.text or "")
        for child in el:
            _flatten(child, parts)
        if block:
            parts.append(" ")
    if tail and el.tail:
        parts.append(el.tail)


def _lines(text: str) -> str:
    """Spaces folded within each line; the line breaks of <lb/> kept, empty lines dropped."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _text_of(el: Element) -> str:
    parts: list[str] = []
    _flatten(el, parts, tail=False)
    return _lines("".join(parts))


def _list_items(el: Element, out: list[str]) -> None:
    """Items of a list, one paragraph each; a nested list follows where it stands."""
    for item in el:
        if not isinstance(item.tag, str):
            continue
        if item.tag != "item":  # a heading or paragraph between items
            parts: list[str] = []
            _flatten(item, parts)
            if _lines("".join(parts)):
                out.append(_lines("".join(parts)))
            continue
        run: list[str] = [item.text or ""]
        marker = "- "
        for child in item:
            if child.tag == "list":
                text = _lines("".join(run))
                if text:
                    out.append(marker + text)
                    marker = ""
                _list_items(child, out)
                run = [child.tail or ""]
            else:
                _flatten(child, run)
        text = _lines("".join(run))
        if text:
            out.append(marker + text)
        if item.tail and item.tail.strip():
            out.append(_lines(item.tail))


def _paragraphs(body: Element) -> list[str]:
    """Paragraphs of trafilatura's body tree, one per block element.

    Text the tree holds outside any block (the body's own text, the tail after a heading
    or a list) is a paragraph too: trafilatura prints it, so we keep it. Inline elements
    and line breaks stay in the paragraph around them.
    """
    out: list[str] = []
    run: list[str] = [body.text or ""]

    def flush() -> None:
        text = _lines("".join(run))
        if text:
            out.append(text)
        run.clear()

    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag not in _CONTAINERS and tag not in ("code", "item", "row", "cell"):
            _flatten(el, run)  # inline: <hi>, <lb/>, <graphic>, comments; with its tail
            continue
        flush()
        if tag == "list":
            _list_items(el, out)
        elif tag == "table":
            for row in el.iter("row"):
                cells = [_text_of(cell).replace("\n", " ") for cell in row.iterfind("cell")]
                if any(cells):
                    out.append(" | ".join(cells))
        elif any(isinstance(c.tag, str) and c.tag in _CONTAINERS for c in el):
            out.extend(_paragraphs(el))
        else:
            text = _text_of(el)
            if text:
                out.append(text)
        run.append(el.tail or "")
    flush()
    return out


def _drop_header_lines(paragraphs: list[str], article: Article) -> list[str]:
    """Drop title, date and byline lines the extractor left above the article."""
    i = 0
    title = " ".join(article.title.split()).lower()
    while i < min(len(paragraphs), 6) and words(paragraphs[i]) < 15:
        p = paragraphs[i]
        if title and p.lower() == title:
            pass
        elif dates.find_date(p) and words(p) <= 10:
            if not article.published and not article.date_text:
                article.date_text = p
        elif split_authors(p) and (
            not article.authors
            or p.lower().startswith("by ")
            or any(a in p for a in article.authors)
        ):
            article.authors = article.authors or split_authors(p)
        elif not is_chrome(p):
            break
        i += 1
    return paragraphs[i:]


def _fallback_text(tree: Element) -> str:
    """Visible text of a page the extractor could not make sense of."""
    from lxml_html_clean import Cleaner

    cleaner = Cleaner(
        scripts=True,
        javascript=True,
        style=True,
        comments=True,
        forms=True,
        embedded=True,
        frames=True,
        meta=True,
        links=True,
        page_structure=False,
    )
    cleaned = cleaner.clean_html(tree)
    for br in cleaned.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in cleaned.iter(
        "p", "div", "li", "h1", "h2", "h3", "h4", "tr", "section", "article", "blockquote"
    ):
        block.tail = "\n\n" + (block.tail or "")
    return str(cleaned.text_content())


def _printed_date(visible: str) -> str:
    """The first short line near the top of a page that holds a date."""
    for line in split_paragraphs(visible, 40):
        if words(line) <= 10 and dates.find_date(line):
            return line
    return ""


_BLOCKS = frozenset(
    {
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "td",
        "th",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "nav",
        "blockquote",
        "span",
        "time",
        "br",
        "dd",
        "dt",
        "figcaption",
        "label",
        "a",
    }
)


def _page_lines(tree: Element) -> str:
    """The page's visible text, one text node a line; cheap, for dates and outlet names."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    lines = []
    for node in root.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "noscript"):
            continue
        if node.text and node.text.strip():
            lines.append(node.text.strip())
        if (
            node.tail
            and node.tail.strip()
            and node.getparent() is not None
            and node.getparent().tag not in ("script", "style")
        ):
            lines.append(node.tail.strip())
    return "\n\n".join(lines)


def _saved_hints(html: str, article: Article) -> None:
    head = html[:3000]
    m = _SAVED_FROM.search(head) or _SINGLEFILE_URL.search(head)
    if m and not article.url:
        article.url = _http(m["url"])
    m = _SINGLEFILE_DATE.search(head)
    if m and not article.accessed:
        try:
            article.accessed = parsedate_to_datetime(m["date"].strip()).date()
        except (TypeError, ValueError, IndexError):
            text = re.sub(r"\s*\(.*\)$", "", m["date"].strip())
            reading = dates.parse_unambiguous(text)
            article.accessed = reading.published if reading else None


def parse_html(
    html: str, *, fmt: str = "html", url: str = "", accessed: date | None = None, title: str = ""
) -> Article:
    """An Article from the text of a saved page."""
    import trafilatura
    from trafilatura.settings import Document
    from trafilatura.utils import load_html

    html = _XML_DECL.sub("", html, count=1)
    article = Article(body="", original_format=fmt, url=url, accessed=accessed)
    _saved_hints(html, article)
    try:
        tree = load_html(html)
    except (ValueError, TypeError):
        tree = None
    if tree is None:
        raise IngestError("not readable as HTML")
    meta, date_values, author_names = _meta(tree)
    published, published_text = _markup_date(date_values, date.today())
    # Read before the extractor prunes the tree, and only when the metadata falls short.
    lines = "" if meta.get("site_name") and published else _page_lines(tree)
    article.url = meta.get("canonical") or meta.get("og:url") or article.url
    article.outlet = meta.get("site_name") or meta.get("publisher") or ""
    # Without a date in the markup, the page's own date element is the evidence, read
    # before the extractor prunes the tree (a ticker's or a related story's date is not).
    if not published:
        article.date_text = next(iter(_date_elements(tree, 1)), "")
    if published:
        printed = _printed_day(tree, published)
        if printed is not None and printed.published != published:
            published, published_text = printed.published, printed.text
        article.published = published
        article.published_text = published_text
    try:
        extracted = trafilatura.bare_extraction(tree, **EXTRACT_OPTIONS)
    except Exception:  # the extractor's own failures on odd markup: fall back to text
        extracted = None
    # A Document unless as_dict is asked for, which it is not.
    doc = extracted if isinstance(extracted, Document) else None
    paragraphs = _paragraphs(doc.body) if doc is not None and doc.body is not None else []
    if doc is not None:
        article.title = doc.title or meta.get("og:title") or title
        if doc.author:
            author_names += [
                (n, "") for n in split_authors(doc.author.replace(";", ","), strict=False)
            ]
        article.outlet = article.outlet or doc.sitename or ""
        article.url = article.url or _http(doc.url)
    article.authors, agencies = choose_authors(author_names, article.outlet)
    credit(article, agencies)
    paragraphs = clean_paragraphs(_drop_header_lines(paragraphs, article))
    if not article.published and not article.date_text:
        # No date in the markup: look for one printed near the top of the page, and read
        # it ourselves; the extractor's guesses may take 09-02-2024 either way.
        article.date_text = _printed_date(lines)
        if not article.date_text and doc is not None and doc.date:
            article.published = dates.from_iso(doc.date)
            article.published_text = doc.date if article.published else ""
            article.published_inferred = True
    # The extractor mutated the tree; the page's visible text needs a fresh parse, so it
    # is read only when needed: no article found, or no outlet name in the metadata.
    if sum(words(p) for p in paragraphs) < 5:
        # Too little for an article: take the page's visible text, cleaned like a paste.
        visible = _fallback_text(load_html(html))
        article.title = article.title or meta.get("og:title") or title
        article = article_from_text(visible, article)
        article.outlet_evidence = visible
        return article
    article.body = join_paragraphs(paragraphs)
    if not article.outlet:
        article.outlet_evidence = lines
    return article


def parse_html_bytes(data: bytes) -> Article:
    text, replaced = decode_counted(data, html=True)
    article = parse_html(text)
    article.replaced_bytes = replaced
    return article
