"""Excerpts of a source, a search or a tag, for the excerpts panel; drags carry ids."""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QModelIndex, Qt

from briefer.core.records import CREDIBILITY, ExcerptRecord, reliability_text
from briefer.gui.models.record_table import Index, RecordTableModel

EXCERPT_MIME = "application/x-briefer-excerpt"
# Tags and comment come right after the words: they are what the analyst added, and
# the panel is narrow (the source and date are the same on every row of a source).
COLUMNS = ("Grade", "Excerpt", "Tags", "Comment", "Source", "Date")
GRADE, TEXT, TAGS, COMMENT, SOURCE, DATE = range(len(COLUMNS))
ExcerptIdRole = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ANSWERED = frozenset({_DISPLAY, Qt.ItemDataRole.ToolTipRole, ExcerptIdRole})


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


# Rows handed to the view at a time, a few screens: the view is given more as it
# scrolls. Fewer than a screen made it fetch, lay out and paint the panel again right
# after its first paint (issue 16).
BATCH = 100


class ExcerptsModel(RecordTableModel):
    """The view gets BATCH rows, and more as it scrolls (canFetchMore/fetchMore)."""

    HEADERS = COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ExcerptRecord] = []
        self._cell_cache: dict[int, tuple[ExcerptRecord, tuple[str, ...]]] = {}
        self._pending: list[ExcerptRecord] = []
        self._cell_flags: Qt.ItemFlag | None = None

    def set_excerpts(self, excerpts: Sequence[ExcerptRecord]) -> None:
        self.beginResetModel()
        self._cell_cache.clear()
        self._rows, self._pending = list(excerpts[:BATCH]), list(excerpts[BATCH:])
        self.endResetModel()

    def excerpts(self) -> list[ExcerptRecord]:
        return self._rows + self._pending

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and bool(self._pending)

    def fetchMore(self, parent: Index = QModelIndex(), count: int = BATCH) -> None:
        if parent.isValid() or not self._pending:
            return
        more, self._pending = self._pending[:count], self._pending[count:]
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def row_of(self, record_id: int) -> int | None:
        """The row of an excerpt, handing the view the rows up to it when needed."""
        row = super().row_of(record_id)
        if row is None:
            at = next((n for n, r in enumerate(self._pending) if r.id == record_id), None)
            if at is not None:
                self.fetchMore(count=at + 1)
                row = super().row_of(record_id)
        return row

    def excerpt_at(self, row: int) -> ExcerptRecord:
        return self.record_at(row)

    def data(self, index: Index, role=_DISPLAY):
        # Fitting columns and row heights asks every role of many cells: the roles this
        # model does not answer return at once, and a row's texts are made once.
        if role not in _ANSWERED or not index.isValid():
            return None
        row = index.row()
        if row >= len(self._rows):
            return None
        ex = self._rows[row]
        column = index.column()
        if role == _DISPLAY:
            return self._cells(ex)[column]
        if role == ExcerptIdRole:
            return ex.id
        if column == GRADE:
            return (
                f"Source {reliability_text(ex.source_reliability)}; "
                f"information {ex.credibility}: {CREDIBILITY[ex.credibility]}"
            )
        if column == TEXT:
            lost = "\n(its words are no longer in the source text)" if ex.anchor == "lost" else ""
            comment = f"\n\n{ex.comment}" if ex.comment else ""
            return ex.text + comment + lost
        if column == COMMENT and ex.comment:
            return ex.comment
        if column == TAGS and ex.tags:
            return ", ".join(ex.tags)
        if column == SOURCE:
            return ex.source_title
        return None

    def display_text(self, row: int, column: int) -> str:
        """What a cell shows, for the panel's delegate and column fitting: read straight
        from the row's kept texts, without a data() call for each role through Qt."""
        if 0 <= row < len(self._rows):
            return self._cells(self._rows[row])[column]
        return ""

    def row_texts(self, row: int) -> tuple[str, ...]:
        """Every cell's text of a row, by column."""
        return self._cells(self._rows[row])

    def _cells(self, ex: ExcerptRecord) -> tuple[str, ...]:
        """The row's texts by column, kept while the row holds this very record."""
        kept = self._cell_cache.get(id(ex))
        if kept is not None and kept[0] is ex:
            return kept[1]
        published = ex.source_published
        by_column = {
            GRADE: ex.grade,
            TEXT: " ".join(ex.text.split()),
            SOURCE: ex.source_title,
            DATE: f"{published:%d %b %Y}" if published else "",
            COMMENT: " ".join((ex.comment or "").split()),
            TAGS: ", ".join(ex.tags),
        }
        cells = tuple(by_column.get(c, "") for c in range(len(self.HEADERS)))
        if len(self._cell_cache) > 4 * BATCH + len(self._rows):
            self._cell_cache.clear()
        self._cell_cache[id(ex)] = (ex, cells)
        return cells

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked for every painted cell: worked out once (Qt's flags as Python enums
        # cost a microsecond an operation).
        if not index.isValid():
            return super().flags(index)
        if self._cell_flags is None:
            self._cell_flags = super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled
        return self._cell_flags

    def mimeTypes(self) -> list[str]:
        return [EXCERPT_MIME, "text/plain"]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return excerpt_mime_data([self._rows[r] for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction
