"""Code points (core's excerpt offsets) against UTF-16 units (Qt's text positions).

Python indexes a string by code point; QTextCursor counts UTF-16 units, in which an
emoji or any other character beyond U+FFFF takes two. Every offset crossing between the
reader and core goes through an OffsetMap.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    """Converts positions in one text; cheap when the text has no astral characters."""

    def __init__(self, text: str):
        self.text = text
        # Code-point indices of the characters that take two UTF-16 units.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # Their UTF-16 positions, for the way back.
        self._astral16 = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, index: int) -> int:
        return index + bisect_left(self._astral, index)

    def from_utf16(self, position: int) -> int:
        """The code-point index at a UTF-16 position; inside a surrogate pair, the
        character's own index (a cursor never stops there, but a count may)."""
        return position - bisect_right(self._astral16, position - 1)

    @property
    def utf16_length(self) -> int:
        return len(self.text) + len(self._astral)
