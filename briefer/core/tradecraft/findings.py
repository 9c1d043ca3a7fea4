"""What a check reports: plain frozen records, the same for the CLI and the editor."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime

Path = tuple[int | str, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place of a brief.

    section/paragraph name the place as the analyst sees it (the section id or heading,
    then the paragraph or list item counted from 1 inside it). `unit` is the path of
    that block in the document (`units.Unit.path`) and `span` the code-point offsets of
    `text` in the unit's words, where citations count as nothing: what the editor
    underlines and what a fix replaces (or `fix_at`, when set). `replacements` are the
    one-click fixes (empty when only the analyst can fix it); `detail` holds texts to
    show side by side.
    """

    rule: str
    section: str
    paragraph: int
    text: str
    suggestion: str
    dismissed: bool = False
    reason: str = ""
    message: str = ""
    key: str = ""
    unit: Path = ()
    span: tuple[int, int] = (0, 0)
    replacements: tuple[str, ...] = ()
    detail: tuple[str, ...] = ()
    # Where a replacement goes when not over `span` (a sentence added at the end).
    fix_at: tuple[int, int] | None = None

    def as_json(self) -> dict:
        return {
            "rule": self.rule,
            "section": self.section,
            "paragraph": self.paragraph,
            "text": self.text,
            "suggestion": self.suggestion,
            "dismissed": self.dismissed,
            "reason": self.reason,
            "message": self.message,
            "key": self.key,
            "unit": list(self.unit),
            "span": list(self.span),
            "replacements": list(self.replacements),
            "detail": list(self.detail),
        }


@dataclass(frozen=True, slots=True)
class Dismissal:
    """An analyst's decision that a finding does not apply, kept with the brief."""

    brief_id: int
    key: str
    rule: str
    text: str
    reason: str
    created: datetime


def finding_key(rule: str, *parts: object) -> str:
    """A stable name for a finding: the same words flagged by the same rule keep it
    across saves, so a dismissal stays put until those words change."""
    raw = "\x1f".join([rule, *(str(p) for p in parts)])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def with_dismissals(findings: list[Finding], dismissals: dict[str, str]) -> list[Finding]:
    """The findings with `dismissed`/`reason` set from {key: reason}."""
    return [
        replace(f, dismissed=True, reason=dismissals[f.key]) if f.key in dismissals else f
        for f in findings
    ]
