"""Operations run on the worker; their result becomes a change event or a failure."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal

from briefer.core.library import Library
from briefer.gui.operations.changes import ChangeHub, Changes
from briefer.gui.worker import CoreWorker, Job

log = logging.getLogger("briefer.operations")


NO_CHANGES = Changes()


def _nothing(_result: Any) -> Changes:
    return Changes()


@dataclass(frozen=True)
class Operation:
    """A named change: work(library, progress, cancelled) runs on the worker thread,
    in one core transaction; changes(result) says what it changed. A failed operation
    may still have changed something (an import that stopped midway):
    changes_on_failure says what."""

    title: str
    work: Callable[..., Any]
    changes: Callable[[Any], Changes] = _nothing
    changes_on_failure: Changes = NO_CHANGES


def operation(title: str, fn: Callable[[Library], Any], changes=_nothing, **more) -> Operation:
    """An operation whose work needs only the library."""
    return Operation(title, lambda library, _progress, _cancelled: fn(library), changes, **more)


class OperationRunner(QObject):
    """Submits operations to the single worker, so writes queue in order."""

    failed = Signal(str, str)  # title, one-line message

    def __init__(
        self, worker: CoreWorker, hub: ChangeHub, library: Callable[[], Library], parent=None
    ):
        super().__init__(parent)
        self.worker, self.hub, self._library = worker, hub, library
        self.pending = 0

    def run(
        self,
        op: Operation,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        report: bool = True,
    ) -> Job:
        """Run op on the worker. Once done, the views hear of the change first, then
        on_done gets the result; a failure goes to on_failed and (unless report is
        False, for callers that show it themselves) to the window's failure hook."""
        library = self._library()
        self.pending += 1

        def done(result: Any) -> None:
            self.pending -= 1
            self.hub.emit(op.changes(result))
            if on_done is not None:
                on_done(result)

        def failed(message: str) -> None:
            self.pending -= 1
            self.hub.emit(op.changes_on_failure)
            log.warning("%s: %s", op.title, message)
            if on_failed is not None:
                on_failed(message)
            if report:
                self.failed.emit(op.title, message)

        return self.worker.submit(
            op.title,
            lambda progress, cancelled: op.work(library, progress, cancelled),
            on_done=done,
            on_failed=failed,
            on_progress=on_progress,
        )

    def query(
        self,
        title: str,
        fn: Callable[[Library], Any],
        *,
        on_done: Callable[[Any], None],
    ) -> Job:
        """A read for a view on the worker (Anki's QueryOp): it runs after the writes
        queued before it, so it sees them, and the GUI thread only shows its result.
        A failure goes to the window's failure hook; wait() covers it as well."""
        library = self._library()
        self.pending += 1

        def done(result: Any) -> None:
            self.pending -= 1
            on_done(result)

        def failed(message: str) -> None:
            self.pending -= 1
            log.warning("%s: %s", title, message)
            self.failed.emit(title, message)

        return self.worker.submit(
            title, lambda _progress, _cancelled: fn(library), on_done=done, on_failed=failed
        )

    def wait(self, msecs: int = 30_000) -> None:
        """Until every operation (and query) submitted so far has finished and told the views
        (before another library replaces this one, and in tests)."""
        app = QCoreApplication.instance()
        deadline = time.monotonic() + msecs / 1000
        while self.pending and time.monotonic() < deadline:
            self.worker.wait(msecs)
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
