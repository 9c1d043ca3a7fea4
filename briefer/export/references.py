"""Citation text: the full reference of a footnote and the entry of the sources list.

A reference is a list of segments, (text, url or None), so the writer can make the URL
a real hyperlink while keeping the words plain data that tests can read.
"""

from __future__ import annotations

import html
from datetime import date

from briefer.core.records import RELIABILITY, ExcerptRecord, SourceSummary

Segment = tuple[str, str | None]
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
LINK_SCHEMES = ("http://", "https://", "mailto:")


def format_date(value: date | None, precision: str = "day") -> str:
    """English long form at the stored precision: "9 February 2024", "February 2024"."""
    if value is None or precision == "unknown":
        return ""
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def authors_text(authors: tuple[str, ...]) -> str:
    names = [a for a in authors if a.strip()]
    if len(names) > 3:
        return f"{names[0]} et al."
    if len(names) > 1:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return names[0] if names else ""


def linkable(url: str) -> bool:
    """Only web and mail links become hyperlinks; anything else stays plain text."""
    return url.strip().lower().startswith(LINK_SCHEMES)


def _published(source: SourceSummary) -> str:
    text = format_date(source.published, source.published_precision)
    return f"{text} (date uncertain)" if text and source.published_ambiguous else text


def footnote_reference(
    excerpt: ExcerptRecord, source: SourceSummary, *, locator: bool = False
) -> list[Segment]:
    """Outlet, author, “title”, date, URL, accessed date, (the excerpt's locator when
    asked), then the grade code: [B2]."""
    parts: list[Segment] = []
    words = [
        source.outlet,
        authors_text(source.authors),
        f"“{source.title}”" if source.title else "",
        _published(source),
    ]
    lead = ", ".join(w for w in words if w)
    if source.url:
        parts.append((lead + ", " if lead else "", None))
        parts.append((source.url, source.url if linkable(source.url) else None))
        lead = ""
    accessed = format_date(source.accessed)
    tail = f", accessed {accessed}" if accessed else ""
    if locator and excerpt.locator:
        tail += f", {excerpt.locator}"
        if not lead and not source.url:
            tail = tail.removeprefix(", ")
    parts.append((f"{lead}{tail} [{excerpt.grade}].", None))
    return [(text, url) for text, url in parts if text]


def full_citation(excerpt: ExcerptRecord, source: SourceSummary) -> list[Segment]:
    """What Copy puts on the clipboard: “the quote” — then the footnote's reference
    with the locator, so a pasted excerpt says everything a footnote would."""
    quote = " ".join(excerpt.text.split())
    return [(f"“{quote}” — ", None), *footnote_reference(excerpt, source, locator=True)]


def segments_text(segments: list[Segment]) -> str:
    return "".join(text for text, _ in segments)


def segments_html(segments: list[Segment]) -> str:
    """The segments as one HTML paragraph, URLs as links (for Word and mail)."""
    out = []
    for text, url in segments:
        words = html.escape(text, quote=False)
        out.append(f'<a href="{html.escape(url)}">{words}</a>' if url else words)
    return "<p>" + "".join(out) + "</p>"


def missing_reference(excerpt_id: int) -> list[Segment]:
    return [(f"Excerpt {excerpt_id} is no longer in the library.", None)]


def source_entry(source: SourceSummary) -> list[Segment]:
    """One line of the Sources section, with the source's reliability spelled out."""
    words = [
        source.outlet,
        authors_text(source.authors),
        f"“{source.title}”" if source.title else "",
        _published(source),
    ]
    parts: list[Segment] = [(", ".join(w for w in words if w) + ". ", None)]
    if source.url:
        parts.append((source.url, source.url if linkable(source.url) else None))
        parts.append((". ", None))
    accessed = format_date(source.accessed)
    if accessed:
        parts.append((f"Accessed {accessed}. ", None))
    if source.reliability:
        meaning = RELIABILITY.get(source.reliability, "").lower()
        parts.append((f"Reliability {source.reliability}: {meaning}.", None))
    else:
        parts.append(("Reliability not graded.", None))
    return parts


def short_title(title: str, words: int = 4) -> str:
    """Chicago's short title: the first few words (no ellipsis), without trailing
    punctuation."""
    return " ".join(title.split()[:words]).rstrip(",.;:!?—–-")


def _surname(name: str) -> str:
    parts = name.split()
    return parts[-1] if parts else ""


def short_reference(excerpt: ExcerptRecord, source: SourceSummary) -> list[Segment]:
    """The short form of a repeated citation (Chicago notes): author's surname (or the
    outlet), short title, locator, then the grade code: Doe, “Pentagon Sending,” para. 2 [B2]."""
    names = [_surname(a) for a in source.authors if a.strip()]
    if len(names) > 3:
        who = f"{names[0]} et al."
    elif names:
        who = authors_text(tuple(names))
    else:
        who = source.outlet
    words = [who, f"“{short_title(source.title)}”" if source.title else ""]
    if excerpt.locator:
        words.append(excerpt.locator)
    lead = ", ".join(w for w in words if w)
    return [(f"{lead} [{excerpt.grade}]." if lead else f"[{excerpt.grade}].", None)]
