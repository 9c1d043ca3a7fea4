"""The excerpts panel: the excerpts of the open source, of a search or of a tag.

Rows drag out as excerpt ids (the brief editor takes them) and plain-text citations;
tagging and deleting act on every selected row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefer.core.records import ExcerptRecord, SourceSummary
from briefer.export.references import full_citation, segments_html, segments_text
from briefer.gui.clipboard import copy_rich
from briefer.gui.icons import icon
from briefer.gui.models.excerpts_model import (
    GRADE,
    TEXT,
    ExcerptsModel,
    format_citation,
)
from briefer.gui.tag_field import TagField


class ExcerptsPanel(QWidget):
    edit_requested = Signal(int)
    delete_requested = Signal(list)  # excerpt ids
    tag_requested = Signal(list, list)  # excerpt ids, tag names
    excerpt_activated = Signal(object)  # ExcerptRecord: open its source there

    def __init__(self, parent=None):
        super().__init__(parent)
        self.heading = QLabel("Excerpts")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.model = ExcerptsModel(self)
        # The window sets this: a source id to its summary, for full citations.
        self.source_lookup: Callable[[int], SourceSummary | None] | None = None
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = self.view.header()
        header.setSectionResizeMode(GRADE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TEXT, 200)
        header.setStretchLastSection(True)

        self.tag_field = TagField()
        self.tag_button = QPushButton(icon("tag"), "Tag")
        self.tag_button.setToolTip("Add these tags to the selected excerpts")
        self.edit_button = QToolButton()
        self.copy_button = QToolButton()
        self.delete_button = QToolButton()

        self.edit_action = QAction(icon("edit"), "&Edit Excerpt…", self)
        self.edit_action.setShortcuts([QKeySequence("Return"), QKeySequence("F2")])
        self.copy_action = QAction(icon("copy"), "&Copy as Citation", self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.delete_action = QAction(icon("delete"), "&Delete Excerpt", self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        for action in (self.edit_action, self.copy_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        self.edit_button.setDefaultAction(self.edit_action)
        self.copy_button.setDefaultAction(self.copy_action)
        self.delete_button.setDefaultAction(self.delete_action)

        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_field, 1)
        tag_row.addWidget(self.tag_button)
        button_row = QHBoxLayout()
        button_row.addWidget(self.edit_button)
        button_row.addWidget(self.copy_button)
        button_row.addWidget(self.delete_button)
        button_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(tag_row)
        layout.addLayout(button_row)

        self.edit_action.triggered.connect(self._edit)
        self.copy_action.triggered.connect(self.copy_citations)
        self.delete_action.triggered.connect(self._delete)
        self.tag_button.clicked.connect(self._tag)
        self.tag_field.returnPressed.connect(self._tag)
        self.view.doubleClicked.connect(lambda index: self._activate(index.row()))
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._update_actions()

    # -- content -------------------------------------------------------------------

    def show_excerpts(self, heading: str, excerpts: Sequence[ExcerptRecord]) -> None:
        """Replace the list, keeping the selection where the same excerpts remain."""
        kept = self.selected_ids()
        self.heading.setText(heading)
        self.model.set_excerpts(excerpts)
        for excerpt_id in kept:
            self.select_excerpt(excerpt_id, clear=False)

    def select_excerpt(self, excerpt_id: int, *, clear: bool = True) -> bool:
        row = self.model.row_of(excerpt_id)
        if row is None:
            return False
        selection = self.view.selectionModel()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        if clear:
            flags |= selection.SelectionFlag.Clear
        index = self.model.index(row, 0)
        selection.select(index, flags)
        selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)
        self.view.scrollTo(index)
        return True

    def selected(self) -> list[ExcerptRecord]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.excerpt_at(r) for r in rows]

    def selected_ids(self) -> list[int]:
        return [e.id for e in self.selected()]

    def set_known_tags(self, names: Sequence[str]) -> None:
        self.tag_field.set_known_tags(names)

    # -- actions -------------------------------------------------------------------

    def copy_citations(self) -> None:
        """Full citations as plain text and as HTML (Word, mail). The excerpt ids
        travel by drag only (gui/clipboard.py says why the clipboard gets no more)."""
        if self.selected():
            copy_rich(self.citation_text(), self.citation_html())

    def _segments(self, excerpt: ExcerptRecord):
        source = self.source_lookup(excerpt.source_id) if self.source_lookup else None
        if source is None:
            return [(format_citation(excerpt), None)]
        return full_citation(excerpt, source)

    def citation_text(self) -> str:
        return "\n".join(segments_text(self._segments(e)) for e in self.selected())

    def citation_html(self) -> str:
        return "\n".join(segments_html(self._segments(e)) for e in self.selected())

    def _update_actions(self) -> None:
        count = len(self.view.selectionModel().selectedRows())
        self.edit_action.setEnabled(count == 1)
        self.copy_action.setEnabled(count > 0)
        self.delete_action.setEnabled(count > 0)
        self.tag_button.setEnabled(count > 0)
        self.tag_field.setEnabled(count > 0)

    def _edit(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.edit_requested.emit(chosen[0].id)

    def _delete(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(ids)

    def _tag(self) -> None:
        ids, names = self.selected_ids(), self.tag_field.tags()
        if ids and names:
            self.tag_requested.emit(ids, names)
            self.tag_field.clear()

    def _activate(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.excerpt_activated.emit(self.model.excerpt_at(row))
