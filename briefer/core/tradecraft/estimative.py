"""ICD 203 estimative language: one row of the likelihood scale per brief, no vague
words in the BLUF and key judgments, confidence kept out of likelihood sentences, and
a confidence level for every key judgment.
"""

from __future__ import annotations

import re
from collections import Counter

from briefer.core.tradecraft import likelihood as lk
from briefer.core.tradecraft.findings import Finding, finding_key
from briefer.core.tradecraft.sentences import inside, quoted_spans, sentence_at, sentences
from briefer.core.tradecraft.units import Unit

SCALE_MIX = "estimative.scale-mix"
VAGUE = "estimative.vague"
CONFIDENCE_WITH_LIKELIHOOD = "estimative.confidence-with-likelihood"
CONFIDENCE_MISSING = "estimative.confidence-missing"

JUDGMENT_SCOPES = ("bluf", "key-judgments")
KEY_JUDGMENTS = "key-judgments"
# Sections that hold no analysis of the author's own.
_NOT_ANALYSIS = ("sources",)
_MODALS = ("might", "could", "may")
_ADJECTIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|seems?|appears?|remains?|looks?|it's|as|more|less"
    r"|most|very|highly|not)\s+$",
    re.IGNORECASE,
)
CONFIDENCE_SENTENCES = tuple(
    f" We have {level} confidence in this judgment." for level in ("low", "moderate", "high")
)


def analysed(units: list[Unit]) -> list[Unit]:
    """The units in the analyst's own words: no block quotes, no source list."""
    return [u for u in units if u.kind != "quote" and u.scope not in _NOT_ANALYSIS and not u.empty]


def _free_terms(unit: Unit) -> list[lk.Term]:
    quoted = quoted_spans(unit.text)
    return [t for t in lk.terms(unit.text) if not inside(quoted, t.start, t.end)]


def brief_scale(units: list[Unit]) -> str | None:
    """The row of the scale the brief uses: the one with more terms, the first used on
    a tie; None when it uses none. "probably" alone does not choose the second row: it
    is everyday English too, and counts as that row's wording only beside its other
    terms."""
    counts: Counter[str] = Counter()
    first: list[str] = []
    for unit in analysed(units):
        for term in _free_terms(unit):
            if term.words.casefold() == "probably":
                continue
            counts[term.scale] += 1
            if term.scale not in first:
                first.append(term.scale)
    if not counts:
        return None
    return max(first, key=lambda s: (counts[s], -first.index(s)))


def check(units: list[Unit]) -> list[Finding]:
    scale = brief_scale(units)
    found: list[Finding] = []
    for unit in analysed(units):
        found += _scale_mix(unit, scale)
        if unit.scope in JUDGMENT_SCOPES:
            found += _vague(unit, scale)
        found += _confidence_with_likelihood(unit)
    found += _confidence_missing(units)
    return found


def _sentence(unit: Unit, offset: int) -> str:
    start, end = sentence_at(unit.text, offset)
    return unit.text[start:end]


def _occurrence(unit: Unit, start: int, words: str) -> int:
    """Which repeat of these words in their sentence: keeps two keys apart."""
    s_start, _ = sentence_at(unit.text, start)
    return unit.text[s_start:start].casefold().count(words.casefold())


def _adverbial(text: str, term: lk.Term) -> bool:
    """ "will likely attack" wants an adverb; "is likely", "likely that" an adjective."""
    after = text[term.end :].lstrip().casefold()
    return not (
        _ADJECTIVE_BEFORE.search(text[: term.start])
        or after.startswith(("that", "to ", "to\u00a0"))
    )


def _scale_mix(unit: Unit, scale: str | None) -> list[Finding]:
    if scale is None:
        return []
    found = []
    for term in _free_terms(unit):
        if term.scale == scale:
            continue
        if unit.scope in JUDGMENT_SCOPES and term.words.casefold() == "probably":
            continue  # reported as a vague word
        adverb = term.adverb or _adverbial(unit.text, term)
        replacement = lk.match_case(lk.term_for(scale, term.rung, adverb=adverb), term.words)
        found.append(
            Finding(
                rule=SCALE_MIX,
                section=unit.section,
                paragraph=unit.paragraph,
                text=term.words,
                message=(
                    f"“{term.words}” is from the other row of the ICD 203 scale; this brief "
                    f"uses {lk.SCALE_NAMES[scale]}"
                ),
                suggestion=(
                    f"use “{replacement}” ({lk.RANGES[term.rung]}), its equal on this brief's "
                    "row; or dismiss, giving the disclaimer the brief carries"
                ),
                key=finding_key(
                    SCALE_MIX,
                    unit.scope,
                    _sentence(unit, term.start),
                    term.words.casefold(),
                    _occurrence(unit, term.start, term.words),
                ),
                unit=unit.path,
                span=(term.start, term.end),
                replacements=(replacement,),
            )
        )
    return found


def _vague(unit: Unit, scale: str | None) -> list[Finding]:
    row = scale or "A"
    quoted = quoted_spans(unit.text)
    found = []
    for start, end in lk.vague_words(unit.text):
        word = unit.text[start:end]
        folded = word.casefold()
        if inside(quoted, start, end) or (folded == "probably" and row == "B"):
            continue
        if folded == "probably":
            options: tuple[str, ...] = ("likely",)
        elif folded in _MODALS:
            options = (
                ("will almost certainly", "will very likely", "will likely")
                if row == "A"
                else ("will probably",)
            )
        else:
            options = ("likely", "very likely", "almost certainly") if row == "A" else ("probably",)
        options = tuple(lk.match_case(o, word) for o in options)
        found.append(
            Finding(
                rule=VAGUE,
                section=unit.section,
                paragraph=unit.paragraph,
                text=word,
                message=f"“{word}” does not say how likely; a judgment needs a term of the scale",
                suggestion=f"use a term of the ICD 203 scale: {lk.scale_listing(row)}",
                key=finding_key(
                    VAGUE,
                    unit.scope,
                    _sentence(unit, start),
                    folded,
                    _occurrence(unit, start, word),
                ),
                unit=unit.path,
                span=(start, end),
                replacements=options,
            )
        )
    return found


def _confidence_with_likelihood(unit: Unit) -> list[Finding]:
    quoted = quoted_spans(unit.text)
    terms = [(t.start, t.end) for t in _free_terms(unit)]
    levels = [s for s in lk.confidence_levels(unit.text) if not inside(quoted, *s)]
    if not terms or not levels:
        return []
    found = []
    for start, end in sentences(unit.text):
        if any(start <= s < end for s, _ in terms) and any(start <= s < end for s, _ in levels):
            sentence = unit.text[start:end]
            found.append(
                Finding(
                    rule=CONFIDENCE_WITH_LIKELIHOOD,
                    section=unit.section,
                    paragraph=unit.paragraph,
                    text=sentence,
                    message=(
                        "a likelihood and a confidence level share one sentence (ICD 203 keeps "
                        "them apart)"
                    ),
                    suggestion=(
                        "state how likely the event is in one sentence and your confidence in "
                        "the judgment in the next: “… is likely to … . We have moderate "
                        "confidence in this judgment.”"
                    ),
                    key=finding_key(CONFIDENCE_WITH_LIKELIHOOD, unit.scope, sentence),
                    unit=unit.path,
                    span=(start, end),
                )
            )
    return found


def _confidence_missing(units: list[Unit]) -> list[Finding]:
    judgments = [u for u in analysed(units) if u.scope == KEY_JUDGMENTS]
    found = []
    for unit in judgments:
        if unit.path != unit.top or not unit.text.strip():
            continue
        family = [u for u in judgments if u.top == unit.top]
        stated = any(
            not inside(quoted_spans(u.text), s, e)
            for u in family
            for s, e in lk.confidence_levels(u.text)
        )
        if stated:
            continue
        end = len(unit.text)
        found.append(
            Finding(
                rule=CONFIDENCE_MISSING,
                section=unit.section,
                paragraph=unit.paragraph,
                text=unit.text,
                message="this key judgment states no confidence level",
                suggestion="say how confident you are: low, moderate or high confidence",
                key=finding_key(CONFIDENCE_MISSING, unit.scope, unit.text),
                unit=unit.path,
                span=(0, end),
                replacements=CONFIDENCE_SENTENCES,
                fix_at=(end, end),
            )
        )
    return found
