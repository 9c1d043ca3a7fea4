"""Handling markings: TLP 2.0 labels, or the free text a team uses (OFFICIAL-SENSITIVE).

TLP labels are stored in FIRST's canonical form, "TLP:AMBER+STRICT", so export and the
checks can recognise them; anything else is kept as the analyst wrote it.
"""

from __future__ import annotations

import re

from briefer.core.errors import InvalidInput
from briefer.core.textutil import clean_line

TLP_LABELS = ("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED")
# FIRST TLP 2.0 colours: text colour and background, as RGB hex.
TLP_COLOURS = {
    "CLEAR": ("FFFFFF", "000000"),
    "GREEN": ("33FF00", "000000"),
    "AMBER": ("FFC000", "000000"),
    "AMBER+STRICT": ("FFC000", "000000"),
    "RED": ("FF2B2B", "000000"),
}
_TLP = re.compile(r"^(?:TLP\s*[:\-]?\s*)?(CLEAR|WHITE|GREEN|AMBER\s*\+\s*STRICT|AMBER|RED)$", re.I)


def normalize_marking(value: str) -> str:
    """'tlp amber' -> 'TLP:AMBER'; TLP 1.0's WHITE becomes CLEAR; other text is kept."""
    text = clean_line(value or "")
    match = _TLP.match(text)
    if not match:
        return text
    label = re.sub(r"\s+", "", match.group(1).upper())
    return "TLP:" + ("CLEAR" if label == "WHITE" else label)


def tlp_label(marking: str) -> str | None:
    """The TLP label of a normalized marking, or None for free text."""
    if marking.startswith("TLP:") and marking[4:] in TLP_LABELS:
        return marking[4:]
    return None


# Portion marks (core/tradecraft/portions.py holds their rules): the classification
# banners, and the names a mark may be written with.
BANNERS = {"U": "UNCLASSIFIED", "C": "CONFIDENTIAL", "S": "SECRET", "TS": "TOP SECRET"}
PORTION_NAMES = {
    **{banner: mark for mark, banner in BANNERS.items()},
    **{mark: mark for mark in BANNERS},
    "UNCLASS": "U",
}


def normalize_portion(value: str) -> str:
    """ "(u)" -> "U", "tlp amber" -> "TLP:AMBER"; "" stays ""; anything else is refused."""
    text = re.sub(r"\s+", " ", (value or "").strip().strip("()").strip()).upper()
    if not text:
        return ""
    if text in PORTION_NAMES:
        return PORTION_NAMES[text]
    marking = normalize_marking(text)
    if tlp_label(marking):
        return marking
    raise InvalidInput(
        f"portion mark {value!r}: use (U), (C), (S), (TS) or a TLP label such as TLP:AMBER"
    )
