"""Who an excerpt quotes, read from the words next to it: “...,” said Jane Doe.

Only the plain English reporting pattern is read (said/says/told, before or after the
quote); anything less certain leaves the speaker empty for the analyst to fill.
"""

from __future__ import annotations

import re

_NAME = r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:al-|el-|bin\s|de\s|van\s)?[A-Z][\w'’.-]+){0,4})"
_VERB = r"(?:said|says|told\s+[^,.;:\"“”]{1,40}?|added|stated)"
# After the quote: a closing quotation mark or a comma first, then the reporting clause.
_CLOSE = r"^\s*(?:[\"”’']\s*,?|,\s*[\"”’']?)\s*"
_AFTER = (
    re.compile(_CLOSE + _VERB + r"\s+" + _NAME),
    re.compile(_CLOSE + _NAME + r"\s+" + _VERB + r"\b"),
)
_BEFORE = re.compile(_NAME + r"\s+" + _VERB + r"\s*(?:[:,]\s*[\"“‘']?|[\"“‘'])\s*$")
_NOT_NAMES = {"The", "He", "She", "They", "It", "We", "I", "This", "That", "A", "An"}
_WINDOW = 120


def speaker_near(body: str, start: int, end: int) -> str:
    """The name in a "said X" next to body[start:end], or ''."""
    after = body[end : end + _WINDOW]
    if body[end - 1 : end] in (",", '"', "”", "’"):
        after = body[end - 1 : end + _WINDOW]
    for pattern in _AFTER:
        match = pattern.match(after)
        if match and _plausible(match.group("name")):
            return _tidy(match.group("name"))
    before = body[max(0, start - _WINDOW) : start]
    match = _BEFORE.search(before)
    if match and _plausible(match.group("name")):
        return _tidy(match.group("name"))
    return ""


def _plausible(name: str) -> bool:
    return name.split()[0] not in _NOT_NAMES


def _tidy(name: str) -> str:
    return " ".join(name.split()).rstrip(".,")
