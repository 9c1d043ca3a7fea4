"""One worker thread for slow core work; results come back to the GUI by signal.

The GUI never blocks on imports or other long jobs: it names a job, and the job runs
on the single worker thread (so writes to the library queue in order, as in Anki).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from briefer.core.errors import BrieferError

log = logging.getLogger("briefer.worker")


class JobSignals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """fn(progress, cancelled) -> result. progress(done, total, label) is thread-safe."""

    def __init__(self, name: str, fn: Callable[..., Any]):
        super().__init__()
        self.name = name
        self.signals = JobSignals()
        self._fn = fn
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._fn(self.signals.progress.emit, self.cancelled)
        except BrieferError as exc:
            log.warning("%s: %s", self.name, exc)
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # shown to the analyst, never a crash
            traceback.print_exc()
            log.exception("%s failed", self.name)
            self.signals.failed.emit(f"{self.name} failed: {type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(result)


class CoreWorker(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._jobs: set[Job] = set()

    def submit(
        self,
        name: str,
        fn: Callable[..., Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Job:
        job = Job(name, fn)
        self._jobs.add(job)
        if on_progress:
            job.signals.progress.connect(on_progress)
        if on_done:
            job.signals.done.connect(on_done)
        if on_failed:
            job.signals.failed.connect(on_failed)
        job.signals.done.connect(lambda _r, j=job: self._jobs.discard(j))
        job.signals.failed.connect(lambda _m, j=job: self._jobs.discard(j))
        self._pool.start(job)
        return job

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)
