"""The central tabs: the sources table, a SourceTab per source, a BriefTab per brief.

The tab classes load when first opened, not before the first paint (issue 16):
`_is_instance` answers isinstance questions without importing them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from briefer.gui import unsaved
from briefer.gui.icons import icon

if TYPE_CHECKING:
    from briefer.gui.editor.brief_tab import BriefTab
    from briefer.gui.source_tab import SourceTab

_SOURCE_TAB = "briefer.gui.source_tab"
_BRIEF_TAB = "briefer.gui.editor.brief_tab"


def _is_instance(widget: object, module: str, name: str) -> bool:
    """isinstance, False while the class's module is not imported (no instance yet)."""
    cls = getattr(sys.modules.get(module), name, None)
    return cls is not None and isinstance(widget, cls)


def short(title: str, limit: int = 32) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


class Workspace(QTabWidget):
    """The central tabs; relays the signals of its source tabs so they are wired once."""

    excerpt_clicked = Signal(int)  # excerpt id
    details_submitted = Signal(int, dict)  # source id, changes
    date_chosen = Signal(int, object)  # source id, date

    def __init__(self, home: QWidget, parent=None):
        super().__init__(parent)
        self.home = home  # the Sources tab, which never closes
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setDocumentMode(True)
        self.addTab(home, icon("library"), "Sources")
        self.tabBar().setTabButton(0, self.tabBar().ButtonPosition.RightSide, None)

    def add_source_tab(self, tab: SourceTab) -> int:
        tab.reader.excerpt_clicked.connect(self.excerpt_clicked)
        tab.details.changes_submitted.connect(self.details_submitted)
        tab.details.state_changed.connect(lambda state, t=tab: self._mark_unsaved(t, state))
        tab.details.date_chosen.connect(self.date_chosen)
        index = self.addTab(tab, icon("source"), short(tab.title))
        self.setTabToolTip(index, tab.title)
        return index

    def add_tab(self, widget: QWidget, title: str) -> int:
        """A tab for any widget (the brief editor uses this); it becomes current."""
        index = self.addTab(widget, short(title))
        self.setTabToolTip(index, title)
        self.setCurrentIndex(index)
        return index

    def set_title(self, widget: QWidget, title: str) -> None:
        index = self.indexOf(widget)
        if index >= 0:
            self.setTabText(index, short(title))
            self.setTabToolTip(index, title)

    def _mark_unsaved(self, tab: SourceTab, state: str) -> None:
        """A dot before the title while the tab holds details not yet saved."""
        index = self.indexOf(tab)
        if index >= 0:
            text = self.tabText(index).removeprefix("● ")
            unsaved_now = state in ("edited", "saving", "failed")
            self.setTabText(index, f"● {text}" if unsaved_now else text)

    def close_tab(self, index: int) -> None:
        """Close a tab; the Sources tab stays. Widgets may refuse by defining
        can_close() -> bool (e.g. an editor with unsaved changes)."""
        widget = self.widget(index)
        if widget is None or widget is self.home:
            return
        can_close = getattr(widget, "can_close", None)
        if callable(can_close) and not can_close():
            return
        if not unsaved.save_or_ask(self.window(), widget):
            return
        self.removeTab(index)
        widget.deleteLater()

    def close_all(self) -> None:
        """Every tab but Sources, unasked (their work is saved already)."""
        while self.count() > 1:
            widget = self.widget(1)
            self.removeTab(1)
            widget.deleteLater()

    def _widgets(self) -> list[QWidget]:
        return [self.widget(i) for i in range(self.count())]

    def source_tabs(self) -> list[SourceTab]:
        return [w for w in self._widgets() if _is_instance(w, _SOURCE_TAB, "SourceTab")]

    def source_tab(self, source_id: int) -> SourceTab | None:
        return next((t for t in self.source_tabs() if t.source_id == source_id), None)

    def brief_tabs(self) -> list[BriefTab]:
        return [w for w in self._widgets() if _is_instance(w, _BRIEF_TAB, "BriefTab")]

    def brief_tab(self, brief_id: int) -> BriefTab | None:
        return next((t for t in self.brief_tabs() if t.brief_id == brief_id), None)

    def current_source_tab(self) -> SourceTab | None:
        widget = self.currentWidget()
        return widget if _is_instance(widget, _SOURCE_TAB, "SourceTab") else None

    def current_brief_tab(self) -> BriefTab | None:
        widget = self.currentWidget()
        return widget if _is_instance(widget, _BRIEF_TAB, "BriefTab") else None
