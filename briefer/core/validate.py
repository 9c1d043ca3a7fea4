"""Field checks whose messages name the field and say what is accepted."""

from __future__ import annotations

from datetime import date

from briefer.core.errors import InvalidInput
from briefer.core.records import (
    BRIEF_STATUSES,
    CREDIBILITY,
    PRECISIONS,
    RELIABILITY,
    UNGRADED,
    UNGRADED_CODE,
)
from briefer.core.textutil import clean_line

MAX_TAG_LENGTH = 100


def reliability(value: str | None) -> str | None:
    """A grade A to F, or None for a source left ungraded ("", "ungraded", "?")."""
    text = (value or "").strip()
    if text.casefold() in ("", UNGRADED, UNGRADED_CODE, "-"):
        return None
    grade = text.upper()
    if grade not in RELIABILITY:
        raise InvalidInput(
            f"reliability: {value!r} is not a grade; use a letter from A to F, or "
            f"{UNGRADED!r} for a source not yet judged"
        )
    return grade


def reliability_filter(value: str | None) -> str:
    """A filter's choice: a grade letter, or UNGRADED."""
    return reliability(value) or UNGRADED


def credibility(value: int | str) -> int:
    try:
        grade = int(value)
    except (TypeError, ValueError):
        grade = 0
    if grade not in CREDIBILITY:
        raise InvalidInput(f"credibility: {value!r} is not a grade; use a number from 1 to 6")
    return grade


def precision(value: str) -> str:
    if value not in PRECISIONS:
        raise InvalidInput(f"published precision: {value!r}; use one of {', '.join(PRECISIONS)}")
    return value


def status(value: str) -> str:
    if value not in BRIEF_STATUSES:
        raise InvalidInput(f"status: {value!r}; use one of {', '.join(BRIEF_STATUSES)}")
    return value


def required_line(field: str, value: str) -> str:
    cleaned = clean_line(value or "")
    if not cleaned:
        raise InvalidInput(f"{field}: must not be empty")
    return cleaned


def tag_name(value: str) -> str:
    name = clean_line(value or "")
    if not name:
        raise InvalidInput("tag: a tag name must not be empty")
    if len(name) > MAX_TAG_LENGTH:
        raise InvalidInput(f"tag: {name[:20]}… is longer than {MAX_TAG_LENGTH} characters")
    return name


def tag_key(name: str) -> str:
    return tag_name(name).casefold()


def color(value: str) -> str:
    value = (value or "").strip()
    if value and not (
        value.startswith("#")
        and len(value) in (4, 7, 9)
        and all(c in "0123456789abcdefABCDEF" for c in value[1:])
    ):
        raise InvalidInput(f"colour: {value!r} is not a colour; use #rrggbb")
    return value.lower()


def iso_date(field: str, value: str | date | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput(f"{field}: {value!r} is not a date; use YYYY-MM-DD") from exc
