"""What every feature shares: the window it serves and its library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from briefer.core.library import Library

if TYPE_CHECKING:
    from briefer.gui.main_window import MainWindow


class Feature(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window

    @property
    def library(self) -> Library:
        """The library shown now (another one may replace it)."""
        return self.window.library

    def status(self, text: str, msecs: int = 5000) -> None:
        self.window.statusBar().showMessage(text, msecs)

    def error(self, title: str, message: str) -> None:
        self.window.show_error(title, message)
