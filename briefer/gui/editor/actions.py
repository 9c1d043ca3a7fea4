"""The Brief menu: one set of actions for the window, acting on the brief tab in front.

The window owns the shortcuts (one Ctrl+S, not one per tab, which Qt would find
ambiguous) and tells these actions which tab is current.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

if TYPE_CHECKING:
    from briefer.gui.editor.brief_tab import BriefTab


class BriefActions(QObject):
    new_brief_requested = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._tab: BriefTab | None = None
        self._watched: QAction | None = None  # the front tab's Tradecraft toggle

        def make(text: str, shortcut: str | None = None, tip: str = "") -> QAction:
            action = QAction(text, parent)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setStatusTip(tip)
            parent.addAction(action)
            return action

        self.new_brief = make("&New Brief…", "Ctrl+N", "Start a brief from a template")
        self.save = make("&Save", "Ctrl+S", "Save now (briefs also save by themselves)")
        self.save_version = make("Save &Version…", None, "Keep this text as a version")
        self.history = make(
            "&History…", None, "Earlier versions to compare or restore, and this brief's exports"
        )
        self.insert_excerpt = make(
            "&Insert Excerpt…", "Ctrl+Shift+I", "Search excerpts and quote or cite one"
        )
        self.find = make("&Find…", "Ctrl+F", "Find in this brief")
        self.replace = make("&Replace…", "Ctrl+H", "Find and replace in this brief")
        self.tradecraft = make(
            "&Tradecraft Checks", "F7", "Likelihood words, sourcing and portion marks in a panel"
        )
        self.tradecraft.setCheckable(True)
        self._wire()
        self.set_tab(None)

    def _wire(self) -> None:
        self.new_brief.triggered.connect(self.new_brief_requested)
        self.save.triggered.connect(lambda: self._tab and self._tab.save_now())
        self.save_version.triggered.connect(lambda: self._tab and self._tab.ask_save_version())
        self.history.triggered.connect(lambda: self._tab and self._tab.show_history())
        self.insert_excerpt.triggered.connect(lambda: self._tab and self._tab.insert_excerpt())
        self.find.triggered.connect(lambda: self._tab and self._tab.find())
        self.replace.triggered.connect(lambda: self._tab and self._tab.replace())
        self.tradecraft.triggered.connect(lambda on: self._tab and self._tab.show_tradecraft(on))

    def set_tab(self, tab: BriefTab | None) -> None:
        """The brief in front (or None when another kind of tab is)."""
        # The brief tab's module loads when the first brief opens (issue 16): until
        # then no tab can be a brief.
        module = sys.modules.get("briefer.gui.editor.brief_tab")
        brief_tab = getattr(module, "BriefTab", None)
        self._tab = tab if brief_tab is not None and isinstance(tab, brief_tab) else None
        for action in self.tab_actions():
            action.setEnabled(self._tab is not None)
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.toggled.disconnect(self.tradecraft.setChecked)
        self._watched = None
        if self._tab is not None:
            # Kept in step while this tab is in front (its own button, the panel's ✕).
            self._watched = self._tab.tradecraft_action
            self.tradecraft.setChecked(self._watched.isChecked())
            self._watched.toggled.connect(self.tradecraft.setChecked)

    def tab_actions(self) -> list[QAction]:
        return [self.save, self.save_version, self.history, self.insert_excerpt, self.find,
                self.replace, self.tradecraft]  # fmt: skip

    def actions(self) -> list[QAction | None]:
        """The Brief menu in order; None is a separator."""
        return [self.new_brief, None, self.save, self.save_version, self.history, None,
                self.insert_excerpt, None, self.find, self.replace, None,
                self.tradecraft]  # fmt: skip

    def fill_menu(self, menu: QMenu) -> None:
        for action in self.actions():
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
