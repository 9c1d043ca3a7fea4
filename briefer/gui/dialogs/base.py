"""The base of Briefer's dialogs: they remember their size and place
(`remembered.RememberedDialog`), and F1 opens the guide at the page for the dialog.
Message boxes stay QMessageBox: Qt sizes them to their text.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from briefer.gui.dialogs.help_window import context_of, show_help
from briefer.gui.dialogs.remembered import RememberedDialog


class BrieferDialog(RememberedDialog):
    def __init__(self, parent: QWidget | None = None, *, settings: QSettings | None = None):
        super().__init__(parent, settings=settings)
        help_action = QAction(self)
        help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        help_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        help_action.triggered.connect(self.show_help)
        self.addAction(help_action)

    # -- help ---------------------------------------------------------------------------

    def show_help(self) -> None:
        """F1: the guide at the page for the focused part of this dialog."""
        focused = QApplication.focusWidget()
        inside = focused is not None and self.isAncestorOf(focused)
        show_help(context_of(focused if inside else self), self)
