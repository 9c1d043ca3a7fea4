"""Where a finding's words are in the editor.

A finding names its place as a unit path (core/tradecraft/units.py) and code-point
offsets into the unit's words, where citations count as nothing. `convert.read_located`
gives the editor blocks of each path; this module turns offsets into document
positions (UTF-16, citation markers skipped) and a cursor position back into a path.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock

from briefer.gui.editor import formats as fx
from briefer.gui.editor.convert import Places


def _fragments(block: QTextBlock) -> list:
    return [part.fragment() for part in block if part.fragment().isValid()]


def _points(blocks: list[QTextBlock]) -> list[tuple[int, int]]:
    """(position, UTF-16 width) of each code point of the unit's words, in order.

    Cells of several blocks are read joined by a space: that space sits at the end of
    the block before it.
    """
    out: list[tuple[int, int]] = []
    for block in blocks:
        if not block.isValid():
            continue
        texts = [(f.position(), f.text()) for f in _fragments(block)]
        if out and any(t.replace(fx.OBJECT_CHAR, "") for _p, t in texts):
            out.append((out[-1][0] + out[-1][1], 0))
        for pos, text in texts:
            for ch in text:
                width = 2 if ord(ch) > 0xFFFF else 1
                if ch != fx.OBJECT_CHAR:
                    out.append((pos, width))
                pos += width
    return out


def block_end(block: QTextBlock) -> int:
    return block.position() + max(0, block.length() - 1)


def span_range(blocks: list[QTextBlock], start: int, end: int) -> tuple[int, int] | None:
    """Document positions of the unit's words [start:end]; an empty span at the very
    end lands after any closing citation (where a fix adds a sentence)."""
    if not blocks or start < 0 or end < start:
        return None
    points = _points(blocks)
    total = len(points)
    if start == end == total or (start == end and start > total):
        pos = block_end(blocks[-1])
        return pos, pos
    if end > total:
        return None
    lo = points[start][0] if start < total else block_end(blocks[-1])
    if end == start:
        return lo, lo
    last_pos, last_width = points[end - 1]
    return lo, last_pos + last_width


def words_at(blocks: list[QTextBlock], start: int, end: int) -> str:
    """The unit's words [start:end] as the editor holds them now."""
    text = []
    for block in blocks:
        parts = [f.text().replace(fx.OBJECT_CHAR, "") for f in _fragments(block)]
        joined = "".join(parts).replace("\u2028", " ").replace("\u2029", " ")
        if text and joined:
            text.append(" ")
        text.append(joined)
    return "".join(text)[start:end]


def path_at(places: Places, position: int) -> tuple | None:
    """The unit path whose blocks hold a document position."""
    for path, blocks in places.items():
        for block in blocks:
            if block.isValid() and block.position() <= position <= block_end(block):
                return path
    return None
