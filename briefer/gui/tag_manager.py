"""The tag manager: rename, merge, recolour and delete tags, with their counts.

Deleting goes through the window's undo stack (delete_requested); the other edits are
plain core calls whose refusals are shown in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from briefer.core.library import Library
from briefer.core.records import TagRecord
from briefer.gui.dialogs.base import BrieferDialog
from briefer.gui.icons import icon
from briefer.gui.navigator import swatch

COLUMNS = ("Tag", "Colour", "Sources", "Excerpts")


class TagManager(BrieferDialog):
    # The manager asks; the window runs each change as an operation (gui/operations)
    # and calls reload() once it is made.
    delete_requested = Signal(list)  # tag names
    rename_requested = Signal(str, str)  # name, new name
    merge_requested = Signal(list, str)  # names, into
    recolour_requested = Signal(list, str)  # names, colour

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.setWindowTitle("Tags")
        self.resize(520, 420)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rename_button = QPushButton(icon("edit"), "&Rename…")
        self.merge_button = QPushButton("&Merge…")
        self.merge_button.setToolTip("Move the items of the selected tags onto one tag")
        self.colour_button = QPushButton("&Colour…")
        self.delete_button = QPushButton(icon("delete"), "&Delete")
        self.delete_button.setToolTip("Delete the selected tags (Ctrl+Z in the window undoes)")
        buttons = QHBoxLayout()
        for button in (self.rename_button, self.merge_button, self.colour_button,
                       self.delete_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.colour_button.clicked.connect(self.recolour_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        chosen = set(self.selected_names())
        self.tags: list[TagRecord] = self.library.tags.list()
        self.table.setRowCount(len(self.tags))
        for row, tag in enumerate(self.tags):
            name = QTableWidgetItem(tag.name)
            colour = QTableWidgetItem(tag.color or "—")
            if tag.color:
                colour.setIcon(swatch(tag.color))
            sources = QTableWidgetItem(str(tag.source_count))
            excerpts = QTableWidgetItem(str(tag.excerpt_count))
            for item in (sources, excerpts):
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            for column, item in enumerate((name, colour, sources, excerpts)):
                self.table.setItem(row, column, item)
        for row, tag in enumerate(self.tags):
            if tag.name in chosen:
                self.table.selectRow(row)
        self._update_buttons()

    def selected_names(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.table.item(r, 0).text() for r in rows if self.table.item(r, 0)]

    def select(self, *names: str) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row, tag in enumerate(self.tags):
            if tag.name in names:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _update_buttons(self) -> None:
        count = len(self.selected_names())
        self.rename_button.setEnabled(count == 1)
        self.colour_button.setEnabled(count >= 1)
        self.merge_button.setEnabled(count >= 2)
        self.delete_button.setEnabled(count >= 1)

    def failed(self, message: str) -> None:
        """A change was refused: say so here, where the analyst is looking."""
        QMessageBox.warning(self, "Tags", message)
        self.reload()

    def rename_selected(self) -> None:
        names = self.selected_names()
        if len(names) != 1:
            return
        new, ok = QInputDialog.getText(self, "Rename tag", f"New name for “{names[0]}”:",
                                       text=names[0])  # fmt: skip
        if ok and new.strip() and new.strip() != names[0]:
            self.rename_requested.emit(names[0], new.strip())

    def merge_selected(self) -> None:
        names = self.selected_names()
        if len(names) < 2:
            return
        into, ok = QInputDialog.getItem(
            self, "Merge tags", f"Merge {', '.join(names)} into:", names, 0, True
        )
        if ok and into.strip():
            self.merge_requested.emit(names, into.strip())

    def recolour_selected(self) -> None:
        names = self.selected_names()
        if not names:
            return
        current = next((t.color for t in self.tags if t.name == names[0] and t.color), "#f2b705")
        colour = QColorDialog.getColor(QColor(current), self, "Tag colour")
        if colour.isValid():
            self.recolour_requested.emit(names, colour.name())

    def _delete_selected(self) -> None:
        names = self.selected_names()
        if names:
            self.delete_requested.emit(names)
            self.reload()
