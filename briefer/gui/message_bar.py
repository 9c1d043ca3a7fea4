"""Persistent bars at the top of the window: what went wrong and what to do about it.

A failed backup, damage found in the background, a write that failed, a library open
read-only: each is one bar, keyed by what it is about, so a second backup failure
replaces the first instead of stacking up. A bar stays until the analyst dismisses it
or the cause goes away (clear(key)); it never takes the keyboard or blocks the window,
and every bar shown is also written to the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("briefer.window")

# level: (background, text)
COLOURS = {
    "info": ("#dbeafe", "#1e3a5f"),
    "warning": ("#ffecb3", "#3c2800"),
    "error": ("#fdd8d6", "#5c0b07"),
}
LOG_LEVELS = {"info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}

Action = tuple[str, Callable[[], object]]


class MessageBar(QFrame):
    """One message: a line of text, buttons for what to do, and a close button."""

    dismissed = Signal(str)  # key

    def __init__(
        self,
        key: str,
        level: str,
        text: str,
        actions: Sequence[Action] = (),
        *,
        closable: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.key = key
        self.level = level if level in COLOURS else "warning"
        self.setObjectName(f"message_bar_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        background, foreground = COLOURS[self.level]
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(foreground))
        self.setPalette(palette)
        self.label = QLabel(text)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        self.buttons: dict[str, QPushButton] = {}
        for label, slot in actions:
            button = QPushButton(label)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, s=slot: s())
            layout.addWidget(button)
            self.buttons[label] = button
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Hide this message")
        self.close_button.setVisible(closable)
        self.close_button.clicked.connect(self.dismiss)
        layout.addWidget(self.close_button)

    def text(self) -> str:
        return self.label.text()

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit(self.key)


class MessageBars(QWidget):
    """The window's column of bars; show() one per key, clear() it when fixed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("message_bars")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._bars: dict[str, MessageBar] = {}
        self.hide()

    def show_message(
        self,
        key: str,
        level: str,
        text: str,
        actions: Sequence[Action] = (),
        *,
        closable: bool = True,
    ) -> MessageBar:
        """Show (or replace) the bar for key, and log what it says. The same message
        again (a backup failing on every tick) keeps the bar and the log as they are."""
        shown = self._bars.get(key)
        if shown is not None and shown.text() == text and shown.level == level:
            return shown
        log.log(LOG_LEVELS.get(level, logging.WARNING), "%s: %s", key, text)
        self.clear(key)
        bar = MessageBar(key, level, text, actions, closable=closable, parent=self)
        bar.dismissed.connect(self.clear)
        self._bars[key] = bar
        self._layout.addWidget(bar)
        self.show()
        return bar

    def bar(self, key: str) -> MessageBar | None:
        return self._bars.get(key)

    def texts(self) -> dict[str, str]:
        return {key: bar.text() for key, bar in self._bars.items()}

    def clear(self, key: str) -> None:
        bar = self._bars.pop(key, None)
        if bar is not None:
            self._layout.removeWidget(bar)
            bar.hide()
            bar.deleteLater()
        self.setVisible(bool(self._bars))
