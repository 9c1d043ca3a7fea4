"""Characters XML cannot hold, dropped and reported instead of failing the export.

python-docx and lxml raise on U+0000-0008, 000B, 000C, 000E-001F, FFFE, FFFF and lone
surrogates; older libraries or other tools may have stored them, so every string that
goes into the file passes through a Sanitizer, which remembers where it dropped what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("[\t\n\r]")


@dataclass(frozen=True, slots=True)
class DroppedCharacter:
    """One character left out of the file: where it stood and which it was."""

    where: str
    code: str  # "U+000B"

    def __str__(self) -> str:
        return f"{self.code} in {self.where}"


class Sanitizer:
    def __init__(self) -> None:
        self.dropped: list[DroppedCharacter] = []

    def __call__(self, value: str, where: str) -> str:
        """The value fit for a w:t: invalid characters dropped, tabs and breaks as spaces."""
        if _INVALID.search(value):
            for char in _INVALID.findall(value):
                self.dropped.append(DroppedCharacter(where, f"U+{ord(char):04X}"))
            value = _INVALID.sub("", value)
        return _BREAKS.sub(" ", value)
