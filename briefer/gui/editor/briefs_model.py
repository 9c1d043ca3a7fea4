"""The briefs for the navigator: title, status, marking, modified; newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal

from briefer.core.markings import TLP_COLOURS, tlp_label
from briefer.core.records import BriefSummary
from briefer.gui.editor.brief_tab import STATUS_LABELS
from briefer.gui.models.record_table import Index, RecordTableModel

COLUMNS = ("Title", "Status", "Marking", "Modified")
TITLE, STATUS, MARKING, MODIFIED = range(len(COLUMNS))
BriefIdRole = Qt.ItemDataRole.UserRole + 1


class BriefsListModel(RecordTableModel):
    """Reads the list on the worker thread; `reload()` after a brief is saved."""

    HEADERS = COLUMNS

    loaded = Signal()
    failed = Signal(str)

    def __init__(self, library, worker, parent=None):
        super().__init__(parent)
        self._library = library
        self._worker = worker
        self._rows: list[BriefSummary] = []

    def reload(self) -> None:
        self._worker.submit(
            "List briefs",
            lambda _p, _c: self._library.briefs.list(),
            on_done=self.set_briefs,
            on_failed=self.failed.emit,
        )

    def set_briefs(self, briefs: list[BriefSummary]) -> None:
        self.beginResetModel()
        self._rows = list(briefs)
        self.endResetModel()
        self.loaded.emit()

    def brief_at(self, row: int) -> BriefSummary:
        return self.record_at(row)

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        brief = self._rows[index.row()]
        column = index.column()
        if role == BriefIdRole:
            return brief.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return brief.title
            if column == STATUS:
                return STATUS_LABELS.get(brief.status, brief.status)
            if column == MARKING:
                return brief.marking
            if column == MODIFIED:
                when = brief.modified.astimezone() if brief.modified.tzinfo else brief.modified
                return f"{when:%Y-%m-%d %H:%M}"
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return brief.subject or brief.title
        if column == MARKING and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
        ):
            label = tlp_label(brief.marking)
            if label is None:
                return None
            from PySide6.QtGui import QColor

            fg, bg = TLP_COLOURS[label]
            return QColor(f"#{fg if role == Qt.ItemDataRole.ForegroundRole else bg}")
        return None
