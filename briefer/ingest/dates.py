"""Publication dates read from evidence, never guessed month-first.

"09-02-2024" is 9 February in most of the world and 2 September in the US. An analyst
who cites the wrong one misdates an event by months, so a numeric date with two valid
readings is decided only by evidence:

* a weekday printed with the date ("Friday 09-02-2024"),
* dates the article itself mentions: a report is published days after the events it
  describes, not months ("the February 2 strikes", "late January"),
* weekday words in the text ("on Thursday" points at the days just before publication),
* the outlet's convention, learned from the analyst's earlier corrections and from the
  outlet's other articles whose printed dates admit only one reading.

When the evidence does not decide, the date is stored flagged ambiguous with both
readings, day-first first. Unambiguous forms (ISO, "9 February 2024", meta tags) are
taken as they are. Everything here is pure: no I/O, no clock, no library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

# How long after an event its report can still be called "days after": generous enough
# for weekly magazines, far short of the months between two numeric readings.
RECENT_DAYS = 45
# No news page is older than this; markup that says so holds a placeholder (0001-01-01).
EARLIEST = date(1900, 1, 1)

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
    # Arabic: Egyptian/Gulf names, then Levantine/Iraqi ones.
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "أبريل": 4,
    "ابريل": 4,
    "إبريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "أغسطس": 8,
    "اغسطس": 8,
    "سبتمبر": 9,
    "أكتوبر": 10,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    "كانون الثاني": 1,
    "شباط": 2,
    "آذار": 3,
    "اذار": 3,
    "نيسان": 4,
    "أيار": 5,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "آب": 8,
    "اب": 8,
    "أيلول": 9,
    "ايلول": 9,
    "تشرين الأول": 10,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الأول": 12,
    "كانون الاول": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
    "الاحد": 6,
}
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternation(_MONTHS)})\.?"
_WEEKDAY_RE = re.compile(rf"(?<!\w)({_alternation(_WEEKDAYS)})(?!\w)\.?", re.IGNORECASE)
_ISO_RE = re.compile(
    r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"
    r"(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"
)
_NUMERIC_RE = re.compile(
    r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/-])"
)
_DAY_MONTH_YEAR_RE = re.compile(
    rf"(?<!\w)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR_RE = re.compile(
    rf"(?<!\w){_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_MONTH_YEAR_RE = re.compile(rf"(?<!\w){_MONTH},?\s+(?P<year>\d{{4}})(?!\d)", re.IGNORECASE)
_YEAR_RE = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)\s*$")
_ANY_DIGIT = re.compile(r"\d")

# Mentions inside the article, with or without a year.
_MENTION_DAY_RE = re.compile(
    rf"(?<!\w)(?:{_MONTH}\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_alternation(_MONTHS)})\.?)"
    r"(?:,?\s+(?P<year>\d{4}))?(?!\w)",
    re.IGNORECASE,
)
_MENTION_MONTH_RE = re.compile(
    rf"(?<!\w)(?:early|mid|late|since|in|last|this|end of|beginning of|start of)"
    rf"[\s-]+(?:of\s+)?{_MONTH}(?:\s+(?P<year>\d{{4}}))?(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateReading:
    """A publication date as read, with what the reading rests on."""

    published: date | None = None
    precision: str = "unknown"
    ambiguous: bool = False
    inferred: bool = False
    # For a numeric date with two readings: (day_first, month_first), always that order.
    alternatives: tuple[date, ...] = ()
    text: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Convention:
    """How an outlet orders day and month, as far as the library shows it."""

    corrected_day_first: int = 0
    corrected_month_first: int = 0
    printed_day_first: int = 0
    printed_month_first: int = 0


UNKNOWN = DateReading()


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month(name: str) -> int:
    return _MONTHS[re.sub(r"\s+", " ", name.lower().rstrip("."))]


def numeric_readings(text: str) -> tuple[date | None, date | None] | None:
    """The day-first and month-first readings of a numeric date such as "09-02-2024"."""
    m = _NUMERIC_RE.search(text.translate(_DIGITS))
    if not m:
        return None
    a, b, y = int(m["a"]), int(m["b"]), _year(m["y"])
    return _make(y, b, a), _make(y, a, b)


def _weekday_in(text: str) -> int | None:
    found = {_WEEKDAYS[w.lower()] for w in _WEEKDAY_RE.findall(text)}
    return found.pop() if len(found) == 1 else None


def parse_unambiguous(text: str) -> DateReading | None:
    """Read a date written in a form with one meaning (ISO, month names), or None."""
    s = text.translate(_DIGITS)
    best: tuple[int, DateReading] | None = None
    for regex, precision in (
        (_ISO_RE, "day"),
        (_DAY_MONTH_YEAR_RE, "day"),
        (_MONTH_DAY_YEAR_RE, "day"),
    ):
        for m in regex.finditer(s):
            if regex is _ISO_RE:
                d = _make(int(m["y"]), int(m["m"]), int(m["d"]))
            else:
                d = _make(int(m["year"]), _month(m["month"]), int(m["day"]))
            if d and (best is None or m.start() < best[0]):
                best = (m.start(), DateReading(d, precision, text=m.group(0).strip()))
            break
    if best:
        return best[1]
    month = _MONTH_YEAR_RE.search(s)
    if month:
        return DateReading(
            date(int(month["year"]), _month(month["month"]), 1), "month", text=month.group(0)
        )
    year = _YEAR_RE.match(s)
    if year:
        return DateReading(date(int(year["year"]), 1, 1), "year", text=year.group(0).strip())
    return None


@dataclass(frozen=True)
class _Mention:
    month: int
    day: int | None
    year: int | None
    qualifier: str = ""


def mentioned_dates(text: str) -> list[_Mention]:
    """Dates an article mentions ("February 2", "2 February 2024", "late January")."""
    s = text.translate(_DIGITS)
    found: list[_Mention] = []
    for m in _MENTION_DAY_RE.finditer(s):
        name = m["month"] or m["month2"]
        day = int(m["day1"] or m["day2"])
        # "may 3" is too often the verb ("may 3 times"); keep only capitalised May.
        if name.lower() == "may" and m["month"] and not m["year"] and not name.startswith("M"):
            continue
        if 1 <= day <= 31:
            found.append(_Mention(_month(name), day, int(m["year"]) if m["year"] else None))
    for m in _MENTION_MONTH_RE.finditer(s):
        qualifier = m.group(0).split()[0].lower()
        found.append(
            _Mention(_month(m["month"]), None, int(m["year"]) if m["year"] else None, qualifier)
        )
    return found


def _gap_days(candidate: date, mention: _Mention) -> int | None:
    """Days from the mentioned event back to the candidate publication date."""
    years = [mention.year] if mention.year else [candidate.year, candidate.year - 1]
    gaps = []
    for y in years:
        if mention.day:
            d = _make(y, mention.month, mention.day)
            if d is None:
                continue
            gaps.append((candidate - d).days)
        else:
            start = date(y, mention.month, 1)
            nxt = date(y + (mention.month == 12), mention.month % 12 + 1, 1)
            end = nxt - timedelta(days=1)
            if start <= candidate <= end:
                gaps.append(0)
            else:
                gaps.append((candidate - end).days)
    past = [g for g in gaps if g >= -1]
    return min(past) if past else None


def event_support(candidate: date, mentions: Iterable[_Mention]) -> int:
    """How many distinct mentioned dates lie in the weeks just before the candidate."""
    recent = set()
    for mention in mentions:
        gap = _gap_days(candidate, mention)
        if gap is not None and gap <= RECENT_DAYS:
            recent.add((mention.month, mention.day, mention.qualifier))
    return len(recent)


def weekday_support(candidate: date, text: str) -> int:
    """How many weekday names in the text fall on the candidate day or the two before it."""
    names = {_WEEKDAYS[w.lower()] for w in _WEEKDAY_RE.findall(text) if len(w) > 3}
    near = {(candidate - timedelta(days=k)).weekday() for k in range(3)}
    return len(names & near)


def decide(
    day_first: date | None,
    month_first: date | None,
    *,
    raw: str = "",
    context: str = "",
    convention: Convention | None = None,
) -> DateReading:
    """Choose between the two readings of a numeric date, or flag it ambiguous."""
    if day_first is None and month_first is None:
        return DateReading(text=raw, reason="not a valid date")
    if day_first is None or month_first is None or day_first == month_first:
        only = day_first or month_first
        return DateReading(only, "day", text=raw, reason="only one valid reading")
    scores = {day_first: 0, month_first: 0}
    strong = {day_first: False, month_first: False}
    reasons: dict[date, list[str]] = {day_first: [], month_first: []}

    printed_weekday = _weekday_in(raw)
    if printed_weekday is not None:
        for d in scores:
            if d.weekday() == printed_weekday:
                scores[d] += 3
                strong[d] = True
                reasons[d].append("the printed weekday")

    mentions = mentioned_dates(context)
    events = {d: event_support(d, mentions) for d in scores}
    if events[day_first] != events[month_first]:
        winner = max(events, key=events.__getitem__)
        loser = min(events, key=events.__getitem__)
        # Several recent events against none is the strongest evidence a text offers.
        scores[winner] += (3 if events[winner] >= 2 else 2) if events[loser] == 0 else 1
        strong[winner] = events[loser] == 0
        reasons[winner].append("the dates of the events it reports")

    weekdays = {d: weekday_support(d, context) for d in scores}
    if weekdays[day_first] != weekdays[month_first]:
        winner = max(weekdays, key=weekdays.__getitem__)
        scores[winner] += 1
        reasons[winner].append("the weekdays it mentions")

    if convention:
        for first, second, weight, label in (
            (
                convention.corrected_day_first,
                convention.corrected_month_first,
                3,
                "the analyst's corrections for this outlet",
            ),
            (
                convention.printed_day_first,
                convention.printed_month_first,
                2,
                "the outlet's other articles",
            ),
        ):
            if first and not second:
                scores[day_first] += weight
                reasons[day_first].append(label)
            elif second and not first:
                scores[month_first] += weight
                reasons[month_first].append(label)
            elif first or second:
                winner = day_first if first > second else month_first
                if first != second:
                    scores[winner] += 1
                    reasons[winner].append(label)

    alternatives = (day_first, month_first)
    diff = scores[day_first] - scores[month_first]
    if abs(diff) >= 2:
        chosen = day_first if diff > 0 else month_first
        order = "day first" if chosen == day_first else "month first"
        return DateReading(
            chosen,
            "day",
            ambiguous=False,
            inferred=not strong[chosen],
            alternatives=alternatives,
            text=raw,
            reason=f"read {order} from " + " and ".join(reasons[chosen]),
        )
    chosen = month_first if diff < 0 else day_first
    return DateReading(
        chosen,
        "day",
        ambiguous=True,
        inferred=True,
        alternatives=alternatives,
        text=raw,
        reason="day and month order not decided by the evidence",
    )


def read_date(text: str, *, context: str = "", convention: Convention | None = None) -> DateReading:
    """Read the first date in `text`, deciding numeric forms from context and convention."""
    if not text or not text.strip():
        return UNKNOWN
    s = text.translate(_DIGITS)
    unambiguous = parse_unambiguous(s)
    numeric = _NUMERIC_RE.search(s)
    if unambiguous and (not numeric or s.find(unambiguous.text) <= numeric.start()):
        return replace(unambiguous, text=unambiguous.text)
    if numeric:
        readings = numeric_readings(numeric.group(0))
        assert readings is not None
        # Keep a weekday printed next to the date as part of the evidence.
        around = s[max(0, numeric.start() - 12) : numeric.end() + 12]
        raw = numeric.group(0)
        reading = decide(*readings, raw=around, context=context, convention=convention)
        return replace(reading, text=raw)
    return UNKNOWN


def find_date(text: str) -> str | None:
    """The first date-like expression in a short line, as printed, or None."""
    s = text.translate(_DIGITS)
    # Each pattern needs a digit: one scan for it spares five on the lines that have none.
    if not _ANY_DIGIT.search(s):
        return None
    hits = []
    for regex in (_ISO_RE, _NUMERIC_RE, _DAY_MONTH_YEAR_RE, _MONTH_DAY_YEAR_RE, _MONTH_YEAR_RE):
        m = regex.search(s)
        if m:
            hits.append((m.start(), -len(m.group(0)), m.group(0)))
    return min(hits)[2] if hits else None


def reading_order(text: str) -> str | None:
    """'day' or 'month' when a printed numeric date admits only one order, else None."""
    readings = numeric_readings(text)
    if not readings:
        return None
    day_first, month_first = readings
    if day_first and not month_first:
        return "day"
    if month_first and not day_first:
        return "month"
    return None


def from_iso(value: str | None) -> date | None:
    """A date from an ISO timestamp in metadata; None for anything else."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        m = _ISO_RE.match(value)
        return _make(int(m["y"]), int(m["m"]), int(m["d"])) if m else None


def plausible(day: date | None, today: date) -> bool:
    """False for placeholder and impossible publication dates: before 1900, or after the
    import (a day of slack for a time zone ahead of ours)."""
    return day is not None and EARLIEST <= day <= today + timedelta(days=1)


def near_reading(text: str, markup: date) -> DateReading | None:
    """The date a short printed line gives, when it is the markup's day or one either side.

    Markup often holds the time in UTC while the page prints the outlet's local day:
    "2019-11-19T07:03:25+00:00" printed "November 18, 2019 11:03 PM". A printed date that
    far from the markup is another date (an update, a related story) and is not taken.
    """
    reading = parse_unambiguous(text)
    if reading and reading.precision == "day" and reading.published:
        candidates = [reading.published]
        printed = reading.text
    else:
        readings = numeric_readings(text)
        candidates = [d for d in readings or () if d]
        m = _NUMERIC_RE.search(text.translate(_DIGITS))
        printed = m.group(0) if m else ""
    near = {d for d in candidates if abs((d - markup).days) <= 1}
    if len(near) != 1:
        return None
    return DateReading(near.pop(), "day", text=printed)
