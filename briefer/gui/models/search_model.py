"""Search hits for the results list; the delegate draws the snippet with its matches."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from briefer.core.errors import BrieferError
from briefer.core.records import SearchHit
from briefer.core.search import SearchResults

HitRole = Qt.ItemDataRole.UserRole + 1
# Hits read at a time as the list scrolls past those read with the search.
MORE_HITS = 64

_Index = QModelIndex | QPersistentModelIndex
# Looked up once: an attribute of Qt's enums costs ~0.6 us in PySide6, and data() runs
# for every role of every visible row on each repaint.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole

# (results, start, count) -> the hits of results.ranked[start:start + count]
ReadMore = Callable[[SearchResults, int, int], list[SearchHit]]


class SearchHitsModel(QAbstractListModel):
    """A search's hits: those read with it first, the rest of its ranked matches read
    MORE_HITS at a time as the view scrolls (Qt's fetchMore), as the sources table
    does; a keystroke's search reads only the first screen's (search_bar.FIRST_HITS).
    """

    failed = Signal(str)  # a page of hits could not be read

    def __init__(self, parent=None):
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._results: SearchResults | None = None
        self._read_more: ReadMore | None = None
        self._next = 0  # the first of results.ranked not read yet
        self.query = ""

    def set_hits(self, query: str, hits: Sequence[SearchHit]) -> None:
        """Exactly these hits, no more to read."""
        self._reset(query, hits, None, None, 0)

    def set_results(self, results: SearchResults, read_more: ReadMore) -> None:
        """The hits read with the search; the others by `read_more` when scrolled to."""
        self._reset(results.query, results.hits, results, read_more, results.read)

    def _reset(self, query, hits, results, read_more, next_) -> None:
        self.beginResetModel()
        self.query = query
        self._hits = list(hits)
        self._results, self._read_more, self._next = results, read_more, next_
        self.endResetModel()

    def hits(self) -> list[SearchHit]:
        return list(self._hits)

    @property
    def total(self) -> int:
        """Hits shown and still to read."""
        results = self._results
        return len(self._hits) + (results.total - self._next if results is not None else 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        results = self._results
        return not parent.isValid() and results is not None and self._next < results.total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        results, read_more = self._results, self._read_more
        if not self.canFetchMore(parent) or results is None or read_more is None:
            return
        start = self._next
        self._next = min(results.total, start + MORE_HITS)
        try:
            more = read_more(results, start, MORE_HITS)
        except BrieferError as exc:  # e.g. the file became unreadable: keep what is shown
            self._next = results.total
            self.failed.emit(str(exc))
            return
        if more:
            first = len(self._hits)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._hits.extend(more)
            self.endInsertRows()

    def data(self, index: _Index, role=_DISPLAY):
        if role != HitRole and role != _DISPLAY and role != _TOOLTIP:
            return None
        row = index.row()
        if not index.isValid() or row >= len(self._hits):
            return None
        hit = self._hits[row]
        if role == HitRole:
            return hit
        if role == _DISPLAY:
            kind = "Excerpt in " if hit.kind == "excerpt" else ""
            return f"{kind}{hit.title}\n{hit.snippet}"
        return hit.title  # the tooltip
