"""The ICD 203 expressions of likelihood, confidence levels and vague words.

ICD 203 (Analytic Standards, 2015), section D.6.b(2)(a), gives two rows of seven terms
with the same probability ranges; a product uses one row. Section D.6.b(2)(b) keeps a
confidence level out of the sentence that states a likelihood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RANGES = ("01–05%", "05–20%", "20–45%", "45–55%", "55–80%", "80–95%", "95–99%")

# Each rung: (adjective form, adverb form or None). Row A is the default scale.
SCALE_A = (
    ("almost no chance", None),
    ("very unlikely", None),
    ("unlikely", None),
    ("roughly even chance", None),
    ("likely", None),
    ("very likely", None),
    ("almost certain", "almost certainly"),
)
SCALE_B = (
    ("remote", None),
    ("highly improbable", None),
    ("improbable", "improbably"),
    ("roughly even odds", None),
    ("probable", "probably"),
    ("highly probable", None),
    ("nearly certain", None),
)
SCALES = {"A": SCALE_A, "B": SCALE_B}
SCALE_NAMES = {
    "A": "almost no chance … almost certain(ly)",
    "B": "remote … nearly certain",
}

# "remote" is a likelihood only beside chance/possibility/prospect and the like.
_LIKELIHOOD_NOUN = r"(?:chance|possibility|prospect|likelihood|odds)s?"
_REMOTE_AFTER = re.compile(rf"\s+{_LIKELIHOOD_NOUN}\b", re.IGNORECASE)
_REMOTE_BEFORE = re.compile(
    rf"\b{_LIKELIHOOD_NOUN}\s+(?:is|are|was|were|remains?|seems?|appears?)\s+$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Term:
    scale: str  # "A" or "B"
    rung: int  # 0 (least likely) to 6
    start: int
    end: int
    words: str  # as written

    @property
    def adverb(self) -> bool:
        _adj, adv = SCALES[self.scale][self.rung]
        return adv is not None and self.words.casefold() == adv


def _alternatives() -> list[tuple[str, str, int]]:
    found = []
    for scale, rungs in SCALES.items():
        for rung, forms in enumerate(rungs):
            for form in forms:
                if form and form != "remote":
                    found.append((form, scale, rung))
    return sorted(found, key=lambda f: -len(f[0]))


def _pattern(form: str) -> str:
    return r"\s+".join(re.escape(word) for word in form.split())


_TERMS = _alternatives()
_TERM_RE = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<t{n}>{_pattern(form)})" for n, (form, _s, _r) in enumerate(_TERMS))
    + "|(?P<remote>remote)"
    + r")\b",
    re.IGNORECASE,
)


def terms(text: str) -> list[Term]:
    """Every likelihood term of either scale in the text, longest match first."""
    found = []
    for m in _TERM_RE.finditer(text):
        if m.group("remote"):
            if not (_REMOTE_AFTER.match(text, m.end()) or _REMOTE_BEFORE.search(text[: m.start()])):
                continue
            found.append(Term("B", 0, m.start(), m.end(), m.group()))
            continue
        n = int(next(k for k, v in m.groupdict().items() if v and k != "remote")[1:])
        _form, scale, rung = _TERMS[n]
        found.append(Term(scale, rung, m.start(), m.end(), m.group()))
    return found


def term_for(scale: str, rung: int, *, adverb: bool = False) -> str:
    adjective, adv = SCALES[scale][rung]
    return adv if adverb and adv else adjective


def scale_listing(scale: str) -> str:
    """ "almost no chance (01–05%), very unlikely (05–20%), …" for suggestions."""
    names = []
    for (adjective, adverb), span in zip(SCALES[scale], RANGES, strict=True):
        name = f"{adjective} ({adverb})" if adverb and scale == "B" else adjective
        if adverb and scale == "A":
            name = "almost certain(ly)"
        names.append(f"{name} ({span})")
    return ", ".join(names)


def match_case(replacement: str, original: str) -> str:
    """Keep a capital first letter: "Might" -> "Likely"."""
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# -- confidence levels ---------------------------------------------------------------

_CONFIDENCE = re.compile(
    r"\b(?:(?P<level>low|moderate|medium|high)(?:\s+|-)(?:level\s+of\s+)?confidence"
    r"|confidence\s+(?:is|remains|was|level\s+is)\s+(?P<level2>low|moderate|medium|high)"
    r"|(?P<adverb>highly|moderately)\s+confident)\b",
    re.IGNORECASE,
)


def confidence_levels(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stated confidence level ("moderate confidence")."""
    return [m.span() for m in _CONFIDENCE.finditer(text)]


# -- vague words -------------------------------------------------------------------

VAGUE_WORDS = ("might", "could", "may", "maybe", "possibly", "perhaps", "probably")
_VAGUE = re.compile(r"\b(?:might|could|may|maybe|possibly|perhaps|probably)\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(
    r"(?:\b(?:in|on|by|since|until|till|from|through|during|early|late|mid|of|last|next"
    r"|this|before|after|between|and)\s+|mid-)$",
    re.IGNORECASE,
)
_MIGHT_NOUN_BEFORE = re.compile(
    r"\b(?:the|its|their|his|her|our|your|military|economic|naval|air|full|sheer|industrial"
    r"|financial|political|russian|chinese|american|iranian|western)\s+$",
    re.IGNORECASE,
)


def vague_words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each vague word that states no likelihood.

    Left alone: the month of May ("in May", "May 2024"), "might" as a noun ("military
    might"); "probably" is returned too, and the caller keeps it when the brief uses
    the second row of the scale, where it is a term.
    """
    found = []
    for m in _VAGUE.finditer(text):
        word = m.group()
        before, after = text[: m.start()], text[m.end() :]
        if word == "May" and (
            re.match(r"\s*\d", after) or _MONTH_BEFORE.search(before) or before.strip()
        ):
            continue
        if word.casefold() == "might" and _MIGHT_NOUN_BEFORE.search(before):
            continue
        found.append(m.span())
    return found
