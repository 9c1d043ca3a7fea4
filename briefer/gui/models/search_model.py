"""Search hits for the results list; the delegate draws the snippet with its matches."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from briefer.core.records import SearchHit

HitRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
# Looked up once: an attribute of Qt's enums costs ~0.6 us in PySide6, and data() runs
# for every role of every visible row on each repaint.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


class SearchHitsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self.query = ""

    def set_hits(self, query: str, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self.query = query
        self._hits = list(hits)
        self.endResetModel()

    def hits(self) -> list[SearchHit]:
        return list(self._hits)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

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
