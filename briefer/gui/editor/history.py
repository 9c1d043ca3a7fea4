"""The history of a brief: its versions (when, with what note; preview one, bring one
back) and, below them, its exports from the export record (when, which file, to whom,
with what marking; core/export_records.py).

Restoring goes through the tab (it saves the text on screen first, and core keeps the
current text as a version before restoring), so nothing typed is ever lost by it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefer.core.export_records import ExportRecord
from briefer.core.records import RevisionRecord
from briefer.gui.dialogs.base import BrieferDialog
from briefer.gui.editor.editor_widget import BriefEditor


def revision_label(rev: RevisionRecord) -> str:
    when = rev.created.astimezone() if rev.created.tzinfo else rev.created
    note = rev.note or "(no note)"
    return f"{when:%Y-%m-%d %H:%M}  ·  version {rev.version}\n{note}"


EXPORT_COLUMNS = ("Exported", "Version", "File", "Recipients", "Marking")


def export_cells(record: ExportRecord) -> tuple[str, ...]:
    """The row of one export in the History's table, in EXPORT_COLUMNS order."""
    when = record.exported.astimezone()
    name = Path(record.file_name).name or record.file_name
    return (
        f"{when:%Y-%m-%d %H:%M}",
        f"{record.doc_version} ({record.status or 'draft'})",
        f"{name} ({record.file_format.upper()})",
        record.recipients or "—",
        record.marking or "—",
    )


def export_tooltip(record: ExportRecord) -> str:
    grades = ", ".join(f"excerpt {c.excerpt_id} ({c.grade})" for c in record.citations)
    return "\n".join([
        f"Export {record.id}: {record.file_name}",
        f"SHA-256 {record.sha256}",
        f"Template {record.template}",
        f"Cites {grades}" if grades else "Cites no excerpts",
        "`briefer verify FILE` says whether a file is this export",
    ])  # fmt: skip


class HistoryDialog(BrieferDialog):
    restore_requested = Signal(int)  # revision id

    def __init__(self, library, worker, brief_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Versions and Exports of This Brief")
        self.resize(900, 560)
        self._library = library
        self._worker = worker
        self._brief_id = brief_id
        self._asked = 0
        self.revisions: list[RevisionRecord] = []
        self.exports: list[ExportRecord] = []
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.exports_table = QTableWidget(0, len(EXPORT_COLUMNS))
        self.exports_table.setHorizontalHeaderLabels(EXPORT_COLUMNS)
        self.exports_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exports_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.exports_table.verticalHeader().setVisible(False)
        self.exports_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.exports_table.horizontalHeader().setStretchLastSection(True)
        self.exports_label = QLabel("Exports")
        self.preview = BriefEditor()
        self.preview.setReadOnly(True)
        self.preview.store.fetch = self._fetch_excerpts
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.restore_button = QPushButton("Restore This Version")
        self.restore_button.setEnabled(False)
        self.restore_button.setToolTip(
            "Bring this version back; the text you have now is kept as a version first"
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._close = close
        left = QSplitter(Qt.Orientation.Vertical)
        versions = QWidget()
        versions_layout = QVBoxLayout(versions)
        versions_layout.setContentsMargins(0, 0, 0, 0)
        versions_layout.addWidget(QLabel("Versions"))
        versions_layout.addWidget(self.list)
        exports = QWidget()
        exports_layout = QVBoxLayout(exports)
        exports_layout.setContentsMargins(0, 0, 0, 0)
        exports_layout.addWidget(self.exports_label)
        exports_layout.addWidget(self.exports_table)
        left.addWidget(versions)
        left.addWidget(exports)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 3)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.restore_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self._wire()
        self.reload()

    def _wire(self) -> None:
        self.list.currentRowChanged.connect(self._preview)
        self.restore_button.clicked.connect(self._restore)
        self._close.rejected.connect(self.reject)

    def _fetch_excerpts(self, ids, done) -> None:
        self._worker.submit(
            "Load excerpts", lambda _p, _c: self._library.excerpts.list(ids=ids), on_done=done
        )

    def reload(self) -> None:
        self.status.setText("Loading versions…")
        self._worker.submit(
            "Load versions",
            lambda _p, _c: self._library.briefs.revisions(self._brief_id),
            on_done=self._show,
            on_failed=self.status.setText,
        )
        self._worker.submit(
            "Load exports",
            lambda _p, _c: self._library.exports.list(self._brief_id),
            on_done=self._show_exports,
            on_failed=self.exports_label.setText,
        )

    def _show_exports(self, exports: list[ExportRecord]) -> None:
        self.exports = list(exports)
        self.exports_table.setRowCount(len(self.exports))
        for row, record in enumerate(self.exports):
            tip = export_tooltip(record)
            for column, text in enumerate(export_cells(record)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                self.exports_table.setItem(row, column, item)
        self.exports_label.setText(
            f"Exports ({len(self.exports)})"
            if self.exports
            else "Exports: none recorded yet (Brief › Export to Word… records each one)"
        )

    def _show(self, revisions: list[RevisionRecord]) -> None:
        self.revisions = list(revisions)
        self.list.clear()
        for rev in self.revisions:
            item = QListWidgetItem(revision_label(rev))
            item.setData(Qt.ItemDataRole.UserRole, rev.id)
            self.list.addItem(item)
        if self.revisions:
            self.status.setText(f"{len(self.revisions)} saved versions")
            self.list.setCurrentRow(0)
        else:
            self.status.setText(
                "No saved versions yet: use Save Version… or keep writing (one is kept "
                "every 10 minutes)"
            )
            self.preview.clear()

    def _preview(self, row: int) -> None:
        self.restore_button.setEnabled(row >= 0)
        if row < 0:
            return
        self._asked += 1
        asked = self._asked
        rev_id = self.revisions[row].id
        self._worker.submit(
            "Load version",
            lambda _p, _c: self._library.briefs.revision(rev_id),
            on_done=lambda rev: self._show_body(asked, rev),
            on_failed=self.status.setText,
        )

    def _show_body(self, asked: int, rev: RevisionRecord) -> None:
        if asked == self._asked and rev.body is not None:
            self.preview.set_body(rev.body)

    def selected_revision(self) -> int | None:
        row = self.list.currentRow()
        return self.revisions[row].id if row >= 0 else None

    def _restore(self) -> None:
        rev_id = self.selected_revision()
        if rev_id is not None:
            self.restore_requested.emit(rev_id)
            self.status.setText("Restoring…")
