"""A read-only window: what it may not do, why, and the way back to writing.

WriteGate holds every action and widget that writes to the library; closed, it keeps
them disabled (an action something else enables again is put back at once), so a
read-only window cannot take an import, a paste, an excerpt, a grade or a keystroke in
a brief. LockWatcher polls the writer lock of a library opened read-only and says when
the other Briefer has let go. ReadOnlyMode puts the two together with the window's
message bar: show(library) closes or opens the gate and shows why, and offers Reopen
Writable once the lock is free (the window does the reopening).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from briefer.core import lock as locking
from briefer.core.lock import LockOwner
from briefer.gui.message_bar import MessageBars

POLL_MS = 2000


class WriteGate(QObject):
    """Actions and widgets enabled only while the library can be written."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.writable = True
        self._actions: list[QAction] = []
        self._widgets: list[QWidget] = []

    def add_actions(self, *actions: QAction) -> None:
        for action in actions:
            self._actions.append(action)
            action.changed.connect(lambda a=action: self._keep_closed(a))
            if not self.writable:
                action.setEnabled(False)

    def add_widgets(self, *widgets: QWidget) -> None:
        for widget in widgets:
            self._widgets.append(widget)
            widget.installEventFilter(self)
            if not self.writable:
                widget.setEnabled(False)

    def set_writable(self, writable: bool) -> None:
        """Open or close the gate. Opening enables what it closed; the owners of
        actions with conditions of their own (a selection, a tab) re-check them."""
        self.writable = writable
        for action in self._actions:
            action.setEnabled(writable)
        for widget in self._widgets:
            widget.setEnabled(writable)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.EnabledChange
            and not self.writable
            and isinstance(watched, QWidget)
            and watched.isEnabled()
        ):
            watched.setEnabled(False)
        return super().eventFilter(watched, event)

    def _keep_closed(self, action: QAction) -> None:
        if not self.writable and action.isEnabled():
            action.setEnabled(False)


def read_only_message(path: Path, owner: LockOwner | None, reason: str = "") -> str:
    """The bar's sentence: why this window cannot write, and who can."""
    if reason:
        return f"Read-only: {path.name} cannot be changed here: {reason}."
    if owner is None:
        return f"Read-only: {path.name} was opened read-only; nothing you do here is saved."
    if owner.pid and owner.host:
        since = f" since {owner.since}" if owner.since else ""
        who = f"Briefer process {owner.pid}{since}"
        if owner.host != _hostname():
            who += f" on {owner.host}"
    else:
        who = "another Briefer"
    return (
        f"Read-only: {path.name} is open in another Briefer ({who}). You can read and "
        "export here; to change it, close it there."
    )


def _hostname() -> str:
    import socket

    return socket.gethostname()


class LockWatcher(QObject):
    """Polls who holds a library's writer lock; released() once nobody does."""

    released = Signal()
    owner_changed = Signal(object)  # LockOwner | None

    def __init__(self, path: Path, parent: QObject | None = None, *, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.path = Path(path)
        self.owner: LockOwner | None = locking.holder(self.path)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> LockOwner | None:
        owner = locking.holder(self.path)
        if owner != self.owner:
            self.owner = owner
            self.owner_changed.emit(owner)
        if owner is None:
            self.timer.stop()
            self.released.emit()
        return owner


BAR = "read-only"
REOPEN = "Reopen Writable"


class ReadOnlyMode(QObject):
    """The gate, the bar and the watcher for the library a window shows."""

    def __init__(
        self,
        messages: MessageBars,
        gate: WriteGate,
        reopen: Callable[[], object],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.messages = messages
        self.gate = gate
        self._reopen = reopen
        self.watcher: LockWatcher | None = None
        self.path: Path | None = None
        self.reason = ""

    def show(self, library) -> None:
        """Writable: the gate opens and the bar goes. Read-only: the gate closes, the
        bar says who holds the library, and the lock is watched."""
        self.stop()
        self.path = library.path
        self.gate.set_writable(not library.read_only)
        if not library.read_only:
            self.messages.clear(BAR)
            return
        self.watcher = LockWatcher(library.path, self)
        self.watcher.released.connect(self._released)
        # Read-only for another reason than a lock (the file's permissions, a full
        # disk): reopening writable would not help, so the button stays off.
        self.reason = getattr(library, "read_only_reason", "")
        self._show_bar(read_only_message(library.path, self.watcher.owner, self.reason))
        if self.watcher.owner is not None:
            self.watcher.start()

    def still_read_only(self, why: str) -> None:
        """Reopening failed (another Briefer was quicker): say so, keep watching."""
        self._show_bar(f"Still read-only: {why}")
        if self.watcher is not None:
            self.watcher.start()

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher.deleteLater()
            self.watcher = None

    def _show_bar(self, text: str) -> None:
        bar = self.messages.show_message(
            BAR, "info", text, [(REOPEN, self._reopen)], closable=False
        )
        bar.buttons[REOPEN].setEnabled(
            not self.reason and self.watcher is not None and self.watcher.owner is None
        )

    def _released(self) -> None:
        bar = self.messages.bar(BAR)
        if bar is None or self.path is None or self.reason:
            return
        bar.label.setText(
            f"Read-only: the other Briefer has closed {self.path.name}. "
            "Reopen it here to make changes."
        )
        bar.buttons[REOPEN].setEnabled(True)
