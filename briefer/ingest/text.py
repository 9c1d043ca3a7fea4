"""Plain text and Markdown files, and text pasted from a web page."""

from __future__ import annotations

import re
from typing import Any

from briefer.ingest import dates
from briefer.ingest.decode import decode_counted
from briefer.ingest.metadata import Article, article_from_text, split_authors

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", re.MULTILINE)
_SETEXT = re.compile(r"^(?P<text>[^\n]+)\n(?:=+|-+)[ \t]*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<!\w)([*_])(?=\S)(.+?)(?<=\S)\3(?!\w)")
_BLOCKQUOTE = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)
_LIST = re.compile(r"^(\s*)[*+]\s+", re.MULTILINE)
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.MULTILINE)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields: dict[str, str] = {}
    for line in m["yaml"].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "-")):
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[m.end() :]


def markdown_to_text(text: str) -> tuple[str, str]:
    """Plain text of a Markdown document and its first heading (the title, if any)."""
    title = ""
    m = _HEADING.search(text)
    setext = _SETEXT.search(text)
    if setext and (not m or setext.start() < m.start()) and not setext["text"].startswith("#"):
        title = setext["text"].strip()
    elif m and m.group(1) == "#":
        title = m.group(2).strip()
    text = _SETEXT.sub(lambda mm: mm["text"], text)
    text = _HEADING.sub(lambda mm: mm.group(2), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _LINK_DEF.sub("", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _RULE.sub("", text)
    text = _BLOCKQUOTE.sub("", text)
    text = _LIST.sub(r"\1- ", text)
    text = _HTML_TAG.sub("", text)
    for _ in range(2):
        text = _EMPHASIS.sub(lambda mm: mm.group(2) or mm.group(4), text)
    return text, _EMPHASIS.sub(lambda mm: mm.group(2) or mm.group(4), title)


def article_from_plain(text: str, fmt: str, **known: Any) -> Article:
    """An Article from plain text (file or paste), chrome and header lines sorted out."""
    return article_from_text(text, Article(body="", original_format=fmt, **known))


def parse_text_bytes(data: bytes, fmt: str) -> Article:
    text, replaced = decode_counted(data)
    return article_from_plain(text, fmt, replaced_bytes=replaced)


def parse_markdown_bytes(data: bytes) -> Article:
    text, replaced = decode_counted(data)
    fields, text = _front_matter(text)
    plain, heading = markdown_to_text(text)
    article = Article(body="", original_format="md", replaced_bytes=replaced)
    article.title = fields.get("title", "") or heading
    authors = fields.get("author") or fields.get("authors") or fields.get("byline") or ""
    if authors:
        article.authors = split_authors(authors.strip("[]"), strict=False)
    article.url = fields.get("url") or fields.get("source") or fields.get("link") or ""
    if not article.url.startswith(("http://", "https://")):
        article.url = ""
    article.outlet = (
        fields.get("outlet")
        or fields.get("site")
        or fields.get("publication")
        or fields.get("site_name")
        or ""
    )
    for key in ("published", "date", "pubdate"):
        if fields.get(key):
            article.date_text = fields[key]
            break
    accessed = dates.from_iso(fields.get("accessed") or fields.get("created") or "")
    if accessed:
        article.accessed = accessed
    return article_from_text(plain, article)
