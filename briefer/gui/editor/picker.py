"""Ctrl+Shift+I: find an excerpt by typing and quote it (or only cite it) in the brief.

Search runs on the worker thread as the analyst types; an answer to an older query is
dropped so the list always matches the field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from briefer.core.records import ExcerptRecord
from briefer.gui.dialogs.base import BrieferDialog
from briefer.gui.editor.editor_widget import QUOTE_MODES

SEARCH_DELAY_MS = 150
RESULTS = 50


def excerpt_line(record: ExcerptRecord) -> str:
    where = ", ".join(
        p
        for p in (
            record.source_outlet,
            f"{record.source_published:%d %b %Y}" if record.source_published else "",
        )
        if p
    )
    quote = " ".join(record.text.split())
    if len(quote) > 140:
        quote = quote[:137] + "…"
    return f"{record.grade}  {where or record.source_title}\n“{quote}”"


class ExcerptPicker(BrieferDialog):
    def __init__(self, library, worker, mode: str = "block", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Insert Excerpt")
        self.resize(620, 460)
        self._library = library
        self._worker = worker
        self._asked = 0
        self.records: list[ExcerptRecord] = []
        self.query = QLineEdit()
        self.query.setPlaceholderText("Search excerpts: words, “a phrase”, prefix*")
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.status = QLabel()
        self.mode_group = QButtonGroup(self)
        modes = QHBoxLayout()
        self.mode_buttons: dict[str, QRadioButton] = {}
        for key, label in QUOTE_MODES.items():
            button = QRadioButton(label)
            button.setChecked(key == mode)
            self.mode_group.addButton(button)
            self.mode_buttons[key] = button
            modes.addWidget(button)
        modes.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Insert")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addLayout(modes)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self.query.installEventFilter(self)
        self._wire()
        self.search()

    def _wire(self) -> None:
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self._timer.timeout.connect(self.search)
        self.results.itemActivated.connect(lambda _i: self.accept())
        self.results.itemSelectionChanged.connect(self._sync_ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @property
    def mode(self) -> str:
        return next(k for k, b in self.mode_buttons.items() if b.isChecked())

    def chosen(self) -> list[ExcerptRecord]:
        rows = sorted(self.results.row(i) for i in self.results.selectedItems())
        return [self.records[r] for r in rows]

    def search(self) -> None:
        self._asked += 1
        asked = self._asked
        text = self.query.text().strip()
        library = self._library

        def find(_progress, _cancelled) -> list[ExcerptRecord]:
            if not text:
                return library.excerpts.list(limit=RESULTS)
            hits = library.search(text, kinds=("excerpt",), limit=RESULTS)
            return library.excerpts.list(ids=[h.id for h in hits])

        self.status.setText("Searching…")
        self._worker.submit(
            "Find excerpts",
            find,
            on_done=lambda records: self._show(asked, records),
            on_failed=self.status.setText,
        )

    def _show(self, asked: int, records: list[ExcerptRecord]) -> None:
        if asked != self._asked:
            return  # an older query answered late
        self.records = list(records)
        self.results.clear()
        for record in self.records:
            item = QListWidgetItem(excerpt_line(record))
            item.setToolTip(record.source_title)
            self.results.addItem(item)
        if self.records:
            self.results.setCurrentRow(0)
        self.status.setText(
            f"{len(self.records)} excerpt{'s' if len(self.records) != 1 else ''}"
            if self.records
            else "No excerpt matches"
        )
        self._sync_ok()

    def _sync_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.results.selectedItems())
        )

    def eventFilter(self, watched, event) -> bool:
        """Up and Down in the search field move through the results."""
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                row = self.results.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
                self.results.setCurrentRow(max(0, min(row, self.results.count() - 1)))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.results.selectedItems():
                    self.accept()
                return True
        return super().eventFilter(watched, event)

    @classmethod
    def choose(
        cls, library, worker, mode: str, parent: QWidget | None = None
    ) -> tuple[list[ExcerptRecord], str] | None:
        """Run the picker; the excerpts and how to insert them, or None."""
        picker = cls(library, worker, mode, parent)
        if picker.exec() != QDialog.DialogCode.Accepted or not picker.chosen():
            return None
        return picker.chosen(), picker.mode
