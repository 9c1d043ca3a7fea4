"""Citation markers: live links to excerpts, numbered by document order at paint time.

A marker is one object character whose format holds the excerpt id; its number is never
stored. `CitationIndex` keeps the markers' positions in step with every edit cheaply
(typing only shifts a list of ints) and rescans the document only when an edit touched
a marker, so a keystroke in a long brief stays far under a frame.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QObject, QPointF, QRectF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPyTextObject,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication

from briefer.core.records import ExcerptRecord, grade_letter
from briefer.gui.editor import formats as fx

OBJECT_UTF16 = fx.OBJECT_CHAR.encode("utf-16-le")


class ExcerptStore(QObject):
    """What the markers show on hover and the source list prints, fetched off the GUI
    thread by the `fetch(ids, done)` callable the tab provides."""

    loaded = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._records: dict[int, ExcerptRecord] = {}
        self._asked: set[int] = set()
        self.fetch: Callable[[list[int], Callable[[list[ExcerptRecord]], None]], None] | None
        self.fetch = None

    def get(self, excerpt_id: int) -> ExcerptRecord | None:
        return self._records.get(excerpt_id)

    def add(self, records: Iterable[ExcerptRecord]) -> None:
        for record in records:
            self._records[record.id] = record
        self.loaded.emit()

    def need(self, ids: Iterable[int]) -> None:
        missing = sorted({i for i in ids if i not in self._records and i not in self._asked})
        if not missing or self.fetch is None:
            return
        self._asked.update(missing)
        self.fetch(missing, self.add)


class CitationIndex(QObject):
    """The markers of one document in order: positions (UTF-16) and excerpt ids."""

    changed = Signal()  # markers were added, removed or reordered

    def __init__(self, doc: QTextDocument, parent: QObject | None = None):
        super().__init__(parent)
        self._doc = doc
        self._positions: list[int] | None = None
        self._ids: list[int] = []
        self._lists: list[int] = []  # source list objects
        self._announced: tuple[int, ...] | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(0)
        self._wire()

    def _wire(self) -> None:
        self._doc.contentsChange.connect(self._on_change)
        self._settle.timeout.connect(self.settle)

    def set_document(self, doc: QTextDocument) -> None:
        """Follow the editor to a newly loaded document."""
        if shiboken6.isValid(self._doc):  # Qt deletes a QTextEdit's first document itself
            self._doc.contentsChange.disconnect(self._on_change)
        self._doc = doc
        self._doc.contentsChange.connect(self._on_change)
        self._positions = None
        self._announced = None

    # -- queries ----------------------------------------------------------------------

    def ids(self) -> list[int]:
        self._ensure()
        return list(self._ids)

    def positions(self) -> list[int]:
        self._ensure()
        return list(self._positions or [])

    def source_list_positions(self) -> list[int]:
        self._ensure()
        return list(self._lists)

    def number_at(self, position: int) -> int:
        """The marker's number (1-based) at a document position, or 0 for none."""
        self._ensure()
        positions = self._positions or []
        n = bisect_left(positions, position)
        return n + 1 if n < len(positions) and positions[n] == position else 0

    def excerpt_at(self, position: int) -> int:
        self._ensure()
        positions = self._positions or []
        n = bisect_left(positions, position)
        return self._ids[n] if n < len(positions) and positions[n] == position else 0

    # -- keeping in step --------------------------------------------------------------

    def _on_change(self, position: int, removed: int, added: int) -> None:
        if self._positions is None:
            self._settle.start()
            return
        end = position + removed
        if self._touches(self._positions, position, end) or self._touches(
            self._lists, position, end
        ):
            self._dirty()
            return
        if added and self._has_object(position, added):
            self._dirty()
            return
        delta = added - removed
        if delta:
            for seq in (self._positions, self._lists):
                for n in range(bisect_left(seq, end), len(seq)):
                    seq[n] += delta

    @staticmethod
    def _touches(seq: list[int], start: int, end: int) -> bool:
        n = bisect_left(seq, start)
        return n < len(seq) and seq[n] < end

    def _has_object(self, position: int, added: int) -> bool:
        if added > 64:
            return True  # a paste or an undo: cheaper to rescan than to look
        doc = self._doc
        return any(doc.characterAt(p) == fx.OBJECT_CHAR for p in range(position, position + added))

    def _dirty(self) -> None:
        self._positions = None
        self._settle.start()

    def _ensure(self) -> None:
        if self._positions is None:
            self._scan()

    def _scan(self) -> None:
        # Formats are read from the fragments of the blocks that hold an object character:
        # a QTextCursor would ask for layout, and layout asks the markers for numbers.
        doc = self._doc
        data = doc.toRawText().encode("utf-16-le")
        positions: list[int] = []
        ids: list[int] = []
        lists: list[int] = []
        seen = -1
        at = data.find(OBJECT_UTF16)
        while at >= 0:
            if at % 2 == 0 and at // 2 >= seen:
                block = doc.findBlock(at // 2)
                seen = block.position() + block.length()
                for part in block:
                    frag = part.fragment()
                    fmt = frag.charFormat()
                    citation = fx.is_citation(fmt)
                    if not citation and not fx.is_source_list(fmt):
                        continue
                    offset = frag.position()
                    text16 = frag.text().encode("utf-16-le")
                    for k in range(0, len(text16), 2):
                        if text16[k : k + 2] == OBJECT_UTF16:
                            if citation:
                                positions.append(offset + k // 2)
                                ids.append(fmt.intProperty(fx.EXCERPT_ID))
                            else:
                                lists.append(offset + k // 2)
            at = data.find(OBJECT_UTF16, at + 1)
        self._positions, self._ids, self._lists = positions, ids, lists

    def format_at(self, pos: int):
        block = self._doc.findBlock(pos)
        for part in block:
            frag = part.fragment()
            if frag.isValid() and frag.position() <= pos < frag.position() + frag.length():
                return frag.charFormat()
        return None

    def settle(self) -> None:
        """After an edit that touched markers: tell listeners if the order changed."""
        self._ensure()
        ids = tuple(self._ids)
        if ids != self._announced:
            self._announced = ids
            self.changed.emit()


_metrics_cache: dict[str, tuple[QFont, float, float, float]] = {}
_metrics_by_doc: dict[int, tuple] = {}  # the last answer per document, checked by identity


def _marker_metrics(doc: QTextDocument) -> tuple[QFont, float, float, float]:
    """(number font, its digit advance, its ascent, the text's ascent), per base font:
    layout asks for every marker's size, so the metrics are made once."""
    found = _metrics_by_doc.get(id(doc))
    if found is not None and found[4] is doc:
        return found[:4]
    base = doc.defaultFont()
    key = base.key()
    found = _metrics_cache.get(key)
    if found is None:
        font = QFont(base)
        size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        font.setPointSizeF(size * 0.72)
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetricsF(font)
        found = (font, metrics.horizontalAdvance("0"), metrics.ascent(),
                 QFontMetricsF(base).ascent())  # fmt: skip
        _metrics_cache[key] = found
    _metrics_by_doc[id(doc)] = (*found, doc)
    return found


def marker_font(fmt: QTextFormat, doc: QTextDocument) -> QFont:
    return _marker_metrics(doc)[0]


def marker_width(number: int, doc: QTextDocument) -> float:
    return _marker_metrics(doc)[1] * max(1, len(str(number))) + 2.0


class CitationObject(QPyTextObject):
    """Draws a marker as its superscript number, from the index at paint time."""

    def __init__(self, index: CitationIndex, parent: QObject | None = None):
        super().__init__(parent)
        self._index = index

    def intrinsicSize(self, doc, pos_in_document, format):
        number = self._index.number_at(pos_in_document)
        return QSizeF(marker_width(number, doc), _marker_metrics(doc)[3])

    def drawObject(self, painter: QPainter, rect: QRectF, doc, pos_in_document, format):
        number = self._index.number_at(pos_in_document)
        font, _advance, ascent, _base = _marker_metrics(doc)
        painter.save()
        painter.setFont(font)
        painter.setPen(fx.LINK_COLOUR)
        painter.drawText(QPointF(rect.left() + 1.0, rect.top() + ascent), str(number or "?"))
        painter.restore()


def source_entries(index: CitationIndex, store: ExcerptStore) -> list[str]:
    """One line per cited source, in order of first citation, with its marker numbers."""
    order: list[object] = []
    numbers: dict[object, list[int]] = {}
    lines: dict[object, str] = {}
    for n, excerpt_id in enumerate(index.ids(), start=1):
        record = store.get(excerpt_id)
        key: object = record.source_id if record else ("excerpt", excerpt_id)
        if key not in numbers:
            order.append(key)
            numbers[key] = []
            lines[key] = describe_source(record) if record else f"Excerpt {excerpt_id}"
        numbers[key].append(n)
    return [f"{', '.join(map(str, numbers[k]))}.  {lines[k]}" for k in order]


def describe_source(record: ExcerptRecord) -> str:
    parts = [p for p in (record.source_outlet, f"“{record.source_title}”") if p]
    if record.source_published is not None:
        parts.append(f"{record.source_published:%d %B %Y}")
    return f"{', '.join(parts)} [{grade_letter(record.source_reliability)}]"


def describe_excerpt(record: ExcerptRecord | None, excerpt_id: int) -> str:
    """The marker's hover text: outlet, date, title and the grade."""
    if record is None:
        return f"Excerpt {excerpt_id} (loading…)"
    lines = []
    head = record.source_outlet or "Unknown outlet"
    if record.source_published is not None:
        head += f" · {record.source_published:%d %B %Y}"
    lines.append(head)
    lines.append(record.source_title)
    lines.append(f"Grade {record.grade}")
    quote = " ".join(record.text.split())
    if len(quote) > 160:
        quote = quote[:157] + "…"
    lines.append(f"“{quote}”")
    return "\n".join(lines)


class SourceListObject(QPyTextObject):
    """The Sources section's list, made from the citations, one line a source."""

    def __init__(self, index: CitationIndex, store: ExcerptStore, parent=None):
        super().__init__(parent)
        self._index = index
        self._store = store

    def _entries(self) -> list[str]:
        return source_entries(self._index, self._store) or ["No sources cited yet."]

    def intrinsicSize(self, doc, pos_in_document, format):
        metrics = QFontMetricsF(doc.defaultFont())
        width = doc.textWidth() if doc.textWidth() > 0 else 480.0
        width = max(120.0, width - 2 * doc.documentMargin() - 4)
        return QSizeF(width, metrics.lineSpacing() * len(self._entries()) + 4)

    def drawObject(self, painter: QPainter, rect: QRectF, doc, pos_in_document, format):
        font = QFont(doc.defaultFont())
        metrics = QFontMetricsF(font)
        entries = source_entries(self._index, self._store)
        painter.save()
        painter.setFont(font)
        palette = QApplication.palette()
        if not entries:
            font.setItalic(True)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            entries = ["No sources cited yet."]
        else:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
        y = rect.top() + 2
        for line in entries:
            shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(QPointF(rect.left(), y + metrics.ascent()), shown)
            y += metrics.lineSpacing()
        painter.restore()
