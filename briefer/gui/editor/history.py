"""The versions of a brief: when, with what note; preview one, bring one back.

Restoring goes through the tab (it saves the text on screen first, and core keeps the
current text as a version before restoring), so nothing typed is ever lost by it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefer.core.records import RevisionRecord
from briefer.gui.editor.editor_widget import BriefEditor


def revision_label(rev: RevisionRecord) -> str:
    when = rev.created.astimezone() if rev.created.tzinfo else rev.created
    note = rev.note or "(no note)"
    return f"{when:%Y-%m-%d %H:%M}  ·  version {rev.version}\n{note}"


class HistoryDialog(QDialog):
    restore_requested = Signal(int)  # revision id

    def __init__(self, library, worker, brief_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Versions of This Brief")
        self.resize(900, 560)
        self._library = library
        self._worker = worker
        self._brief_id = brief_id
        self._asked = 0
        self.revisions: list[RevisionRecord] = []
        self.list = QListWidget()
        self.list.setWordWrap(True)
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
        split = QSplitter()
        split.addWidget(self.list)
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
