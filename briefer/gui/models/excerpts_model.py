"""Excerpts of a source, a search or a tag, for the excerpts panel; drags carry ids."""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QMimeData, Qt

from briefer.core.records import CREDIBILITY, ExcerptRecord, reliability_text
from briefer.gui.models.record_table import Index, RecordTableModel

EXCERPT_MIME = "application/x-briefer-excerpt"
COLUMNS = ("Grade", "Excerpt", "Source", "Date", "Tags")
GRADE, TEXT, SOURCE, DATE, TAGS = range(len(COLUMNS))
ExcerptIdRole = Qt.ItemDataRole.UserRole + 1


def format_citation(excerpt: ExcerptRecord) -> str:
    """One line an analyst can paste into any document: quote, where from, grade."""
    parts = [p for p in (excerpt.source_outlet, f"“{excerpt.source_title}”") if p]
    if excerpt.source_published is not None:
        parts.append(f"{excerpt.source_published:%d %B %Y}")
    if excerpt.locator:
        parts.append(excerpt.locator)
    quote = " ".join(excerpt.text.split())
    return f"“{quote}” — {', '.join(parts)} [{excerpt.grade}]"


def excerpt_mime_data(excerpts: Sequence[ExcerptRecord]) -> QMimeData:
    """The brief editor reads the ids; every other program gets citations as text."""
    mime = QMimeData()
    payload = json.dumps({"excerpt_ids": [e.id for e in excerpts]})
    mime.setData(EXCERPT_MIME, payload.encode("utf-8"))
    mime.setText("\n".join(format_citation(e) for e in excerpts))
    return mime


class ExcerptsModel(RecordTableModel):
    HEADERS = COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ExcerptRecord] = []

    def set_excerpts(self, excerpts: Sequence[ExcerptRecord]) -> None:
        self.beginResetModel()
        self._rows = list(excerpts)
        self.endResetModel()

    def excerpts(self) -> list[ExcerptRecord]:
        return list(self._rows)

    def excerpt_at(self, row: int) -> ExcerptRecord:
        return self.record_at(row)

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        ex = self._rows[index.row()]
        column = index.column()
        if role == ExcerptIdRole:
            return ex.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == GRADE:
                return ex.grade
            if column == TEXT:
                return " ".join(ex.text.split())
            if column == SOURCE:
                return ex.source_title
            if column == DATE:
                published = ex.source_published
                return f"{published:%d %b %Y}" if published else ""
            return ", ".join(ex.tags)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == GRADE:
                return (
                    f"Source {reliability_text(ex.source_reliability)}; "
                    f"information {ex.credibility}: {CREDIBILITY[ex.credibility]}"
                )
            if column == TEXT:
                lost = (
                    "\n(its words are no longer in the source text)" if ex.anchor == "lost" else ""
                )
                comment = f"\n\n{ex.comment}" if ex.comment else ""
                return ex.text + comment + lost
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [EXCERPT_MIME, "text/plain"]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return excerpt_mime_data([self._rows[r] for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction
