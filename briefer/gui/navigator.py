"""The navigator: all sources, briefs, tags and saved searches, one click away."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from briefer.core.records import BriefSummary, SavedSearchRecord, TagRecord
from briefer.gui.icons import icon

KindRole = Qt.ItemDataRole.UserRole + 1
ValueRole = Qt.ItemDataRole.UserRole + 2


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class Navigator(QTreeWidget):
    sources_requested = Signal()
    brief_requested = Signal(int)
    tag_requested = Signal(str)
    saved_search_requested = Signal(object)  # SavedSearchRecord
    rename_search_requested = Signal(object)
    delete_search_requested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setRootIsDecorated(True)
        self.sources_item = self._top("Sources", "sources", icon("source"))
        self.briefs_item = self._top("Briefs", "briefs", icon("brief"))
        self.tags_item = self._top("Tags", "tags", icon("tag"))
        self.searches_item = self._top("Saved searches", "searches", icon("saved-search"))
        self.expandAll()
        # Current from the start, so the first focus does not "open" Sources over a
        # source tab restored from the last session.
        self.setCurrentItem(self.sources_item)
        self.rename_search_action = QAction("&Rename Saved Search…", self)
        self.delete_search_action = QAction("&Delete Saved Search", self)
        self.addAction(self.rename_search_action)
        self.addAction(self.delete_search_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._just_changed = False
        self.currentItemChanged.connect(self._current_changed)
        self.itemClicked.connect(self._clicked)
        self.rename_search_action.triggered.connect(
            lambda: self._on_current_search(self.rename_search_requested)
        )
        self.delete_search_action.triggered.connect(
            lambda: self._on_current_search(self.delete_search_requested)
        )
        self._update_actions()

    def _top(self, label: str, kind: str, item_icon: QIcon) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [label])
        item.setData(0, KindRole, kind)
        item.setIcon(0, item_icon)
        return item

    def set_content(
        self,
        briefs: Sequence[BriefSummary],
        tags: Sequence[TagRecord],
        searches: Sequence[SavedSearchRecord],
    ) -> None:
        for parent, kind, entries in (
            (self.briefs_item, "brief", [(b.title, b.id, None) for b in briefs]),
            (
                self.tags_item,
                "tag",
                [(f"{t.name} ({t.source_count + t.excerpt_count})", t.name, t.color) for t in tags],
            ),
            (self.searches_item, "search", [(s.name, s, None) for s in searches]),
        ):
            parent.takeChildren()
            for label, value, colour in entries:
                child = QTreeWidgetItem(parent, [label])
                child.setData(0, KindRole, kind)
                child.setData(0, ValueRole, value)
                if colour:
                    child.setIcon(0, swatch(colour))

    def child_labels(self, parent: QTreeWidgetItem) -> list[str]:
        return [parent.child(n).text(0) for n in range(parent.childCount())]

    def find_child(self, parent: QTreeWidgetItem, value) -> QTreeWidgetItem | None:
        for n in range(parent.childCount()):
            child = parent.child(n)
            data = child.data(0, ValueRole)
            if data == value or getattr(data, "name", None) == value:
                return child
        return None

    def _current_changed(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        """Moving through the tree (mouse or arrow keys) opens what is under it."""
        self._update_actions()
        if current is not None:
            self._just_changed = True
            self._activated(current)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """A click on the current item again reopens it (e.g. after another search)."""
        if self._just_changed:
            self._just_changed = False
            return
        self._activated(item)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind, value = item.data(0, KindRole), item.data(0, ValueRole)
        if kind == "sources":
            self.sources_requested.emit()
        elif kind == "brief":
            self.brief_requested.emit(int(value))
        elif kind == "tag":
            self.tag_requested.emit(str(value))
        elif kind == "search":
            self.saved_search_requested.emit(value)

    def _current_search(self) -> SavedSearchRecord | None:
        item = self.currentItem()
        if item is not None and item.data(0, KindRole) == "search":
            return item.data(0, ValueRole)
        return None

    def _on_current_search(self, signal) -> None:
        found = self._current_search()
        if found is not None:
            signal.emit(found)

    def _update_actions(self, *_args) -> None:
        enabled = self._current_search() is not None
        self.rename_search_action.setEnabled(enabled)
        self.delete_search_action.setEnabled(enabled)
